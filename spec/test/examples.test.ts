import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deref, fixturesDir, loadSpec, operations } from '../lib/index.js';
import { createSpecValidator, esc } from './validator.js';

const spec = loadSpec();
const validatorAt = createSpecValidator();

interface ExampleCase {
  where: string;
  schemaPointer: string;
  value: unknown;
}

/** Every example written in the spec: media types of request bodies and responses, and parameters. */
function collectExamples(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const fromMedia = (base: string, media: Record<string, any>) => {
    for (const [type, mt] of Object.entries(media)) {
      const schemaPointer = `${base}/${esc(type)}/schema`;
      if ('example' in mt) cases.push({ where: `${base}/${type} example`, schemaPointer, value: mt.example });
      for (const [name, ex] of Object.entries<any>(mt.examples ?? {})) {
        cases.push({ where: `${base}/${type} examples.${name}`, schemaPointer, value: deref(spec, ex).value });
      }
    }
  };
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (method === 'parameters') continue;
      const opBase = `#/paths/${esc(path)}/${method}`;
      if (op.requestBody?.content) fromMedia(`${opBase}/requestBody/content`, op.requestBody.content);
      for (const [status, response] of Object.entries<any>(op.responses)) {
        if (response.content) fromMedia(`${opBase}/responses/${status}/content`, response.content);
      }
    }
  }
  for (const [name, response] of Object.entries<any>(spec.components.responses)) {
    if (response.content) fromMedia(`#/components/responses/${name}/content`, response.content);
  }
  for (const [name, p] of Object.entries<any>(spec.components.parameters)) {
    if ('example' in p) cases.push({ where: `parameter ${name}`, schemaPointer: `#/components/parameters/${name}/schema`, value: p.example });
  }
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    (item.parameters ?? []).forEach((p: any, i: number) => {
      if ('example' in p) cases.push({ where: `${path} parameter ${p.name}`, schemaPointer: `#/paths/${esc(path)}/parameters/${i}/schema`, value: p.example });
    });
  }
  return cases;
}

const exampleCases = collectExamples();

describe('examples written in the spec', () => {
  it('exist for every success response of every operation', () => {
    const missing = operations.flatMap((op) =>
      op.successStatuses.flatMap((status) => {
        const response = deref(spec, spec.paths[op.path][op.method.toLowerCase()].responses[status]);
        return Object.entries<any>(response.content ?? {})
          .filter(([, mt]) => !('example' in mt) && !mt.examples)
          .map(([type]) => `${op.operationId} ${status} ${type}`);
      }),
    );
    expect(missing).toEqual([]);
  });

  it.each(exampleCases.map((c) => [c.where, c] as const))('%s validates against its schema', (_where, c) => {
    const validate = validatorAt(c.schemaPointer);
    const ok = validate(c.value);
    expect(validate.errors ?? [], JSON.stringify(c.value).slice(0, 200)).toEqual([]);
    expect(ok).toBe(true);
  });
});

interface Fixture {
  source: string;
  operationId: string;
  status: string;
  variant?: string;
  note?: string;
  body: unknown;
}

const fixtures = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(fixturesDir, f), 'utf8')) as Fixture] as const);

describe("the docs' own JSON examples (fixtures copied from the seed pages)", () => {
  it('cover the operations the seed pages document', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    const covered = new Set(fixtures.map(([, f]) => f.operationId));
    for (const id of ['listMusic', 'getMusic', 'createMusicLegacy', 'listAccounts', 'getAccount', 'getAgentJob', 'listAgentJobs', 'getAudioConfig', 'listAudioVoices']) {
      expect(covered).toContain(id);
    }
  });

  it.each(fixtures)('%s validates against the response schema of its operation and status', (_file, fixture) => {
    const op = operations.find((o) => o.operationId === fixture.operationId);
    expect(op, `unknown operation ${fixture.operationId}`).toBeDefined();
    const responses = spec.paths[op!.path][op!.method.toLowerCase()].responses;
    expect(Object.keys(responses), `${fixture.operationId} documents ${fixture.status}`).toContain(fixture.status);
    const response = responses[fixture.status];
    // Follow a response $ref so the pointer lands on the schema that applies.
    const base = response.$ref
      ? `${response.$ref}/content/application~1json/schema`
      : `#/paths/${esc(op!.path)}/${op!.method.toLowerCase()}/responses/${fixture.status}/content/application~1json/schema`;
    const validate = validatorAt(base);
    const ok = validate(fixture.body);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('a body that breaks the schema is rejected (the check can fail)', () => {
    const validate = validatorAt('#/components/schemas/AgentJob');
    expect(validate({ jobId: 'p1-u2-a3-bot:minimax', status: 'finished', created: '2025-11-23T12:34:56.789Z' })).toBe(false);
    expect(validate({ status: 'started' })).toBe(false);
  });
});
