// Property-based tests (fast-check) against the mock, through `mock.handle`: requests generated from the
// operations table's field rules (src/generated/operations.ts), valid and invalid (wrong types, too long or too
// short, out of range, bad enums, missing required fields, pattern mismatches, unknown and malformed ids, bad
// content types, no token). Properties:
//   1. no 5xx unless a scenario asked for it (the journal names the scenario that shaped each answer);
//   2. every answer is accepted by the spec: the mock's own test-mode response validation (a drift throws
//      MockDriftError) and an independent check here (declared status and content type, body against the
//      spec's schema with a separate Ajv over spec/openapi.yaml; streams event by event).
// A third set sends hostile requests (huge numbers, JSON nested 100,000 deep, strings over the body cap, keys of
// 200,000 characters, invalid UTF-8, BOM, lone surrogates, UTF-16, bad percent-encodings) and asserts: no 5xx, and a
// refused request leaves the state (ids, accounts, clock, scenarios) as it was. Counts are fixed (no time budget).
// At least 10,000 requests in all; the counts and the time are printed at the end.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpec } from '@useapi-minimax/spec';
import { MOCK_TOKEN, createAccountJwt, createMiniMaxMock, type MiniMaxMock } from '@useapi-minimax/mock-server';
import { MOCK_COLLECTIONS } from '@useapi-minimax/mock-server';
import { operations } from '../src/generated/operations.js';
import { esc, specErrors, sseEvents, PNG, MP3 } from './helpers.js';

type Rule = {
  in: string;
  required?: boolean;
  type?: string;
  enum?: readonly unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  maxItems?: number;
};
type Op = {
  method: string;
  path: string;
  pathParams: readonly string[];
  body: 'none' | 'json' | 'multipart' | 'raw';
  contentTypes?: readonly string[];
  fields: Record<string, Rule>;
  success: string;
};
const TABLE = operations as unknown as Record<string, Op>;
const IDS = Object.keys(TABLE);
const spec = loadSpec();

/** Runs per operation without scenarios, and with random faults: 50 × 200 + 50 × 40 = 12,000 requests. */
const RUNS_PER_OP = 200;
const CHAOS_RUNS_PER_OP = 40;
/** The mock is reset to its seeded state every this many requests (deletes and creates pile up otherwise). */
const RESET_EVERY = 300;

// ───────────────────────────── generators ─────────────────────────────

/** A value that satisfies a field's rule. */
function validValue(rule: Rule): fc.Arbitrary<unknown> {
  if (rule.enum) return fc.constantFrom(...rule.enum);
  switch (rule.type) {
    case 'integer': {
      const min = rule.minimum ?? (rule.exclusiveMinimum !== undefined ? rule.exclusiveMinimum + 1 : -1000);
      const max = rule.maximum ?? (rule.exclusiveMaximum !== undefined ? rule.exclusiveMaximum - 1 : 1000);
      return fc.integer({ min, max });
    }
    case 'number': {
      const min = rule.minimum ?? rule.exclusiveMinimum ?? -1000;
      const max = rule.maximum ?? rule.exclusiveMaximum ?? 1000;
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: rule.exclusiveMinimum !== undefined, maxExcluded: rule.exclusiveMaximum !== undefined });
    }
    case 'boolean':
      return fc.boolean();
    case 'file':
      return fc.constant(new Blob([PNG], { type: 'image/png' }));
    case 'files':
      return fc.array(fc.constant(new Blob([PNG], { type: 'image/png' })), { minLength: 1, maxLength: Math.min(rule.maxItems ?? 3, 3) });
    default: {
      const minLength = rule.minLength ?? 0;
      const maxLength = Math.min(rule.maxLength ?? 40, 40);
      if (rule.pattern) {
        const re = new RegExp(rule.pattern, 'u');
        return fc.stringMatching(re).filter((s) => [...s].length >= minLength && [...s].length <= (rule.maxLength ?? Infinity) && s.length < 200);
      }
      const text = fc.string({ minLength, maxLength, unit: fc.constantFrom(...'abcdefghij klmnopqrstuvwxyz0123456789-_.,:é🙂'.split('')) });
      // Now and then a string exactly at the upper bound.
      return rule.maxLength !== undefined && rule.maxLength <= 10_000 ? fc.oneof({ weight: 9, arbitrary: text }, { weight: 1, arbitrary: fc.constant('a'.repeat(rule.maxLength)) }) : text;
    }
  }
}

/** Ways to break a field's rule (empty when the rule cannot be broken from this location). */
function invalidValues(rule: Rule, where: 'json' | 'text'): { mutation: string; value: fc.Arbitrary<unknown> }[] {
  const out: { mutation: string; value: fc.Arbitrary<unknown> }[] = [];
  if (where === 'json') {
    if (rule.type === 'string') out.push({ mutation: 'wrong type', value: fc.constantFrom(42, true, ['x'], { a: 1 }) });
    if (rule.type === 'integer' || rule.type === 'number') out.push({ mutation: 'wrong type', value: fc.constantFrom('12', 'ten', false, null) });
    if (rule.type === 'boolean') out.push({ mutation: 'wrong type', value: fc.constantFrom('yes', 1, []) });
  } else {
    if (rule.type === 'integer') out.push({ mutation: 'wrong type', value: fc.constantFrom('ten', '1.5', '') });
    if (rule.type === 'number') out.push({ mutation: 'wrong type', value: fc.constantFrom('ten', 'NaN?', '') });
    if (rule.type === 'boolean') out.push({ mutation: 'wrong type', value: fc.constantFrom('yes', '2') });
  }
  if (rule.maxLength !== undefined) out.push({ mutation: 'too long', value: fc.constant('z'.repeat(rule.maxLength + 1)) });
  if (rule.minLength) out.push({ mutation: 'too short', value: fc.constant('') });
  if (rule.minimum !== undefined) out.push({ mutation: 'below minimum', value: fc.constant(rule.minimum - 1) });
  if (rule.maximum !== undefined) out.push({ mutation: 'above maximum', value: fc.constant(rule.maximum + 1) });
  if (rule.enum) out.push({ mutation: 'bad enum', value: fc.constant('not-a-documented-value') });
  if (rule.pattern) out.push({ mutation: 'pattern mismatch', value: fc.constant(',,') });
  return out;
}

/**
 * Values the rules alone cannot describe, for fields that name something the mock holds or has a format: the
 * accounts, templates and ids of the seeded state, URLs and account tokens. `undefined`: use the rule.
 */
function semanticValue(name: string, rule: Rule, ids: Record<string, string[]>): fc.Arbitrary<unknown> | undefined {
  if (rule.type !== 'string' || rule.enum) return undefined;
  const known = ids[name];
  if (known?.length) return fc.constantFrom(...known);
  if (/url$/i.test(name)) return fc.webUrl({ validSchemes: ['https'] }).filter((u) => u.length <= (rule.maxLength ?? Infinity));
  if (name === 'token') return fc.integer({ min: 1000, max: 99999999 }).map((n) => createAccountJwt(String(n)));
  return undefined;
}

/** Ids the seeded mock holds, per path parameter (and body field) name. */
function knownIds(mock: MiniMaxMock): Record<string, string[]> {
  const { ids } = mock.data;
  return {
    templateId: ids('templates'),
    account: [...mock.accounts],
    videoId: ids('videos'),
    imageId: ids('images'),
    fileID: ids('files'),
    id: [...ids('videos'), ...ids('speech')],
    jobId: ids('agent'),
    musicId: ids('music'),
    audio_id: [...ids('speech'), ...ids('audio')],
    chatID: ids('chats'),
  };
}

/** One generated request. */
interface Case {
  operationId: string;
  /** `valid`: every rule kept (the answer may still be a 4xx: unknown ids, state rules); else the mutation. */
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: BodyInit;
}

const BASE = 'https://api.useapi.net/v1/minimax';

function caseFor(operationId: string, ids: Record<string, string[]>): fc.Arbitrary<Case> {
  const op = TABLE[operationId]!;
  const inputFields = Object.entries(op.fields).filter(([, r]) => r.in !== 'path');
  const multipartPossible = op.body === 'multipart' || (op.body === 'json' && op.contentTypes?.includes('multipart/form-data'));
  const fieldLocation = (rule: Rule, multipart: boolean): 'json' | 'text' => (rule.in === 'body' && !multipart ? 'json' : 'text');

  const pathValue = (name: string) => {
    const known = ids[name] ?? [];
    const valid = fc.oneof(
      ...(known.length ? [{ weight: 4, arbitrary: fc.constantFrom(...known) }] : []),
      { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9:-]{1,40}$/).map((s) => `user:12345-minimax:987654321-x:${s}`) },
    );
    return valid;
  };

  return fc
    .record({
      multipart: multipartPossible ? (op.body === 'multipart' ? fc.constant(true) : fc.boolean()) : fc.constant(false),
      path: fc.record(Object.fromEntries(op.pathParams.map((p) => [p, pathValue(p)]))) as fc.Arbitrary<Record<string, string>>,
      // Optional fields are present with probability 1/2; required ones always (until a mutation drops one).
      // (`account` is there 9 times in 10: several accounts are configured, so most calls need it.)
      present: fc.record(
        Object.fromEntries(inputFields.map(([name, r]) => [name, r.required ? fc.constant(true) : name === 'account' ? fc.nat(9).map((n) => n > 0) : fc.boolean()])),
      ) as fc.Arbitrary<Record<string, boolean>>,
      values: fc.record(Object.fromEntries(inputFields.map(([name, r]) => [name, semanticValue(name, r, ids) ?? validValue(r)]))) as fc.Arbitrary<Record<string, unknown>>,
      invalid: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 2, arbitrary: fc.constant(true) }),
      pick: fc.nat(),
      pathMutation: fc.constantFrom('none', 'none', 'none', 'too long', 'unknown'),
      auth: fc.oneof({ weight: 30, arbitrary: fc.constant('ok') }, { weight: 1, arbitrary: fc.constantFrom('missing', 'garbage') }),
      rawType: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...(op.contentTypes ?? ['application/octet-stream'])) }, { weight: 1, arbitrary: fc.constant('text/plain') }),
      mutationValue: fc.nat(),
    })
    .chain((g) => {
      // Choose the mutation (for invalid cases) among the ways this operation's rules can be broken.
      const options: { mutation: string; field: string; value?: fc.Arbitrary<unknown>; drop?: boolean }[] = [];
      for (const [name, rule] of inputFields) {
        if (rule.required) options.push({ mutation: 'missing required', field: name, drop: true });
        for (const bad of invalidValues(rule, fieldLocation(rule, g.multipart))) options.push({ ...bad, field: name });
      }
      const chosen = g.invalid && options.length ? options[g.pick % options.length]! : undefined;
      return (chosen?.value ?? fc.constant(undefined)).map((badValue) => ({ g, chosen, badValue }));
    })
    .map(({ g, chosen, badValue }) => {
      const fields: Record<string, unknown> = {};
      for (const [name] of inputFields) if (g.present[name]) fields[name] = g.values[name];
      let kind = 'valid';
      if (chosen) {
        kind = chosen.mutation;
        if (chosen.drop) delete fields[chosen.field];
        else fields[chosen.field] = badValue;
      }
      // Path: fill the template; sometimes break an id.
      let path = op.path;
      for (const p of op.pathParams) {
        let value = g.path[p]!;
        if (g.pathMutation === 'too long') value = '9'.repeat(300);
        if (g.pathMutation === 'unknown') value = `${value}0unknown`;
        path = path.replace(`{${p}}`, encodeURIComponent(value).replace(/%3A/gi, ':'));
      }
      if (op.pathParams.length && g.pathMutation !== 'none' && kind === 'valid') kind = `path ${g.pathMutation}`;

      const query = new URLSearchParams();
      const bodyFields: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        const rule = op.fields[name]!;
        if (rule.in === 'query') query.append(name, typeof value === 'string' ? value : JSON.stringify(value));
        else if (rule.in === 'body') bodyFields[name] = value;
      }
      const headers: Record<string, string> = {};
      if (g.auth === 'ok') headers.authorization = `Bearer ${MOCK_TOKEN}`;
      else if (g.auth === 'garbage') headers.authorization = 'Bearer not-a-token';
      if (g.auth !== 'ok' && kind === 'valid') kind = `auth ${g.auth}`;
      let body: BodyInit | undefined;
      if (op.body === 'raw') {
        body = new Blob([g.rawType.startsWith('audio') ? MP3 : PNG]);
        headers['content-type'] = g.rawType;
        if (g.rawType === 'text/plain' && kind === 'valid') kind = 'bad content type';
      } else if (op.body !== 'none') {
        if (g.multipart) {
          const form = new FormData();
          for (const [name, value] of Object.entries(bodyFields)) {
            for (const item of Array.isArray(value) && op.fields[name]!.type === 'files' ? value : [value]) {
              form.append(name, item instanceof Blob ? item : typeof item === 'string' ? item : JSON.stringify(item));
            }
          }
          body = form;
        } else {
          body = JSON.stringify(bodyFields);
          headers['content-type'] = 'application/json';
        }
      }
      const search = query.toString();
      return { operationId, kind, method: op.method, url: `${BASE}${path}${search ? `?${search}` : ''}`, headers, ...(body !== undefined ? { body } : {}) } satisfies Case;
    });
}

// ───────────────────────────── the independent check ─────────────────────────────

const SSE_SCHEMA: Record<string, string> = Object.fromEntries(
  Object.entries(TABLE)
    .filter(([, o]) => (o as { event?: string }).event)
    .map(([id, o]) => [id, (o as unknown as { event: string }).event]),
);

/** Problems of an answer against the spec (empty when it conforms); `injected`: a scenario shaped it. */
function specProblems(operationId: string, status: number, contentType: string | null, text: string, injected: boolean): string[] {
  const op = TABLE[operationId]!;
  const method = op.method.toLowerCase();
  const responses = spec.paths[op.path][method].responses as Record<string, { $ref?: string; content?: Record<string, unknown> }>;
  const raw = responses[String(status)];
  const type = (contentType ?? '').split(';')[0]!.trim();
  if (!raw) {
    // Only a scenario may answer a status the operation does not declare; its body is the spec's Error.
    if (!injected) return [`status ${status} is not declared for ${operationId}`];
    return specErrors('#/components/schemas/Error', JSON.parse(text));
  }
  const base = raw.$ref ?? `#/paths/${esc(op.path)}/${method}/responses/${status}`;
  const resolved = raw.$ref ? (spec.components.responses[raw.$ref.split('/').pop()!] as { content?: Record<string, unknown> }) : raw;
  if (!resolved.content) return text === '' ? [] : [`status ${status} of ${operationId} must have no body`];
  if (!resolved.content[type]) return [`content type ${type || '(none)'} is not declared for ${operationId} ${status}`];
  if (type === 'text/event-stream') {
    const events = sseEvents(text);
    if (!events.length) return ['an event stream without events'];
    return events.flatMap((e) => specErrors(SSE_SCHEMA[operationId]!, e));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [`${operationId} ${status}: the body is not JSON: ${text.slice(0, 80)}`];
  }
  return specErrors(`${base}/content/${esc(type)}/schema`, body);
}

// ───────────────────────────── the properties ─────────────────────────────

const stats = { requests: 0, byStatus: new Map<string, number>(), byKind: new Map<string, number>(), injected5xx: 0, started: performance.now() };
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** Sends one case through `mock.handle` and checks both properties. */
async function check(mock: MiniMaxMock, c: Case, chaos: boolean): Promise<void> {
  if (stats.requests > 0 && stats.requests % RESET_EVERY === 0) mock.reset();
  stats.requests++;
  bump(stats.byKind, c.kind);
  // A MockDriftError (the mock's own response validation) rejects here and fails the property.
  const response = await mock.handle(new Request(c.url, { method: c.method, headers: c.headers, ...(c.body !== undefined ? { body: c.body } : {}) }));
  const entry = mock.requests.at(-1)!;
  expect(entry.operationId, `${c.method} ${c.url} was not routed to ${c.operationId}`).toBe(c.operationId);
  if (response.type === 'error') {
    // A simulated network failure: only a scenario may ask for one.
    expect(chaos && entry.scenario !== undefined, `network error without a scenario: ${c.method} ${c.url}`).toBe(true);
    bump(stats.byStatus, 'network error');
    return;
  }
  const text = await response.text();
  bump(stats.byStatus, String(response.status));
  const injected = entry.scenario !== undefined;
  if (response.status >= 500) {
    expect(injected, `${response.status} without a scenario for ${c.kind} ${c.method} ${c.url}: ${text.slice(0, 200)}`).toBe(true);
    stats.injected5xx++;
  }
  expect(specProblems(c.operationId, response.status, response.headers.get('content-type'), text, injected), `${c.kind} ${c.method} ${c.url} → ${response.status} ${text.slice(0, 200)}`).toEqual([]);
}

describe('generated requests against the mock (mock.handle)', () => {
  const mock = createMiniMaxMock({ seed: 7, accounts: 3, clock: 'manual', jobMs: 5_000 });
  const ids = knownIds(mock);

  it.each(IDS)('%s: no 5xx, every answer accepted by the spec', async (operationId) => {
    await fc.assert(
      fc.asyncProperty(caseFor(operationId, ids), async (c) => {
        mock.clock.advance(1_000);
        await check(mock, c, false);
      }),
      { numRuns: RUNS_PER_OP, seed: 20260901 + IDS.indexOf(operationId) },
    );
    expect(mock.driftErrors).toEqual([]);
  });
});

describe('generated requests with random faults (chaos)', () => {
  const mock = createMiniMaxMock({
    seed: 8,
    accounts: 2,
    clock: 'manual',
    chaos: { rate: 0.3, scenarios: ['rate-limited', 'bad-gateway', 'gateway-timeout', 'server-error', 'service-unavailable', 'account-on-hold'] },
  });
  const ids = knownIds(mock);

  it.each(IDS)('%s: a 5xx only where a scenario asked for it, every answer accepted by the spec', async (operationId) => {
    await fc.assert(
      fc.asyncProperty(caseFor(operationId, ids), async (c) => {
        mock.clock.advance(1_000);
        await check(mock, c, true);
      }),
      { numRuns: CHAOS_RUNS_PER_OP, seed: 20261001 + IDS.indexOf(operationId) },
    );
    expect(mock.driftErrors).toEqual([]);
  });
});

// ───────────────────────────── hostile input ─────────────────────────────

/** Per operation: hostile requests (huge numbers, deep nesting, huge strings, odd encodings): 50 × 12 = 600. */
const HOSTILE_RUNS_PER_OP = 12;
/** Built once (a 100,000-deep array is 200 KB of text; a 1.5 MiB string is over the 1 MiB JSON cap). */
const DEEP_100K = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
const DEEP_60 = `${'{"a":'.repeat(60)}1${'}'.repeat(60)}`;
const OVER_CAP = 'x'.repeat(1.5 * 1024 * 1024);
const LONG = 'y'.repeat(200_000);

/** A JSON text of `fields` with one field replaced by raw JSON text (for values `JSON.stringify` cannot make). */
function withRaw(fields: Record<string, unknown>, name: string, raw: string): string {
  const rest = JSON.stringify({ ...fields, [name]: undefined });
  return rest === '{}' ? `{${JSON.stringify(name)}:${raw}}` : `{${JSON.stringify(name)}:${raw},${rest.slice(1)}`;
}

type Hostile = { kind: string; body?: (fields: Record<string, unknown>, field: string) => BodyInit; contentType?: string; query?: string; path?: string };
const HOSTILE: Hostile[] = [
  ...['1e308', '-1e308', '1e21', '9007199254740993', '-0', '5e-324', '123456789012345678901234567890'].map((n) => ({ kind: `huge number ${n}`, body: (f: Record<string, unknown>, field: string) => withRaw(f, field, n) })),
  { kind: 'nested 100,000 deep', body: (f) => withRaw(f, 'extra', DEEP_100K) },
  { kind: 'nested 60 deep', body: (f) => withRaw(f, 'extra', DEEP_60) },
  { kind: 'nested 100,000 deep in a field', body: (f, field) => withRaw(f, field, DEEP_100K) },
  { kind: 'string over the body cap', body: (f, field) => JSON.stringify({ ...f, [field]: OVER_CAP }) },
  { kind: 'string of 200,000 chars', body: (f, field) => JSON.stringify({ ...f, [field]: LONG }) },
  { kind: 'key of 200,000 chars', body: (f) => JSON.stringify({ ...f, [LONG]: 1 }) },
  { kind: 'invalid UTF-8', body: (f) => new Uint8Array([...new TextEncoder().encode(JSON.stringify(f).slice(0, -1)), 0x2c, 0x22, 0x7a, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d]) },
  { kind: 'UTF-8 BOM', body: (f) => `\uFEFF${JSON.stringify(f)}` },
  { kind: 'lone surrogate', body: (f, field) => withRaw(f, field, '"\\ud800x"') },
  { kind: 'NUL and control characters', body: (f, field) => JSON.stringify({ ...f, [field]: 'a\u0000b\u0007\u001b[31m' }) },
  { kind: 'UTF-16 body', body: (f) => new Uint8Array(new Uint16Array([...JSON.stringify(f)].map((c) => c.charCodeAt(0))).buffer), contentType: 'application/json; charset=utf-16' },
  { kind: 'odd content type', body: (f) => JSON.stringify(f), contentType: 'application/json; charset="%%%"; boundary=' },
  { kind: 'bad percent-encoding in the query', query: 'account=%ff%fe&limit=%' },
  { kind: 'huge number in the query', query: 'limit=1e308&offset=-1e308' },
  { kind: 'bad percent-encoding in the path', path: '%ff%c3%28' },
];

/** What the mock holds, as far as a request could change it. */
function snapshot(mock: MiniMaxMock): string {
  return JSON.stringify([
    MOCK_COLLECTIONS.map((c) => mock.data.ids(c)),
    mock.accounts.map((a) => mock.data.account(a)),
    mock.clock.now(),
    mock.scenarios.active(),
  ]);
}

describe('hostile requests (huge numbers, deep nesting, huge strings, odd encodings)', () => {
  const mock = createMiniMaxMock({ seed: 9, accounts: 1, clock: 'manual' });
  const ids = knownIds(mock);

  it.each(IDS)('%s: no 5xx, and a refused request leaves the state as it was', async (operationId) => {
    const op = TABLE[operationId]!;
    const bodyFields = Object.entries(op.fields).filter(([, r]) => r.in === 'body').map(([n]) => n);
    await fc.assert(
      fc.asyncProperty(caseFor(operationId, ids), fc.constantFrom(...HOSTILE), fc.nat(), async (c, hostile, pick) => {
        mock.clock.advance(1_000);
        if (stats.requests > 0 && stats.requests % RESET_EVERY === 0) mock.reset();
        stats.requests++;
        bump(stats.byKind, `hostile: ${hostile.kind}`);
        const valid = c.kind === 'valid' ? Object.fromEntries(Object.entries(JSON.parse(typeof c.body === 'string' ? c.body : '{}') as Record<string, unknown>)) : {};
        const headers = { ...c.headers };
        let url = c.url;
        let body: BodyInit | undefined = c.body;
        if (hostile.body && op.body === 'json') {
          body = hostile.body(valid, bodyFields[pick % Math.max(1, bodyFields.length)] ?? 'extra');
          headers['content-type'] = hostile.contentType ?? 'application/json';
        }
        if (hostile.query) url += `${url.includes('?') ? '&' : '?'}${hostile.query}`;
        if (hostile.path && op.pathParams.length) url = url.replace(/\/[^/?]+(\?|$)/, `/${hostile.path}$1`);
        const before = snapshot(mock);
        const response = await mock.handle(new Request(url, { method: c.method, headers, ...(body !== undefined ? { body } : {}) }));
        const text = await response.text();
        bump(stats.byStatus, String(response.status));
        expect(response.status, `${hostile.kind} ${c.method} ${url} → ${text.slice(0, 200)}`).toBeLessThan(500);
        expect(text.length, `${hostile.kind}: the answer echoes the input at length`).toBeLessThan(Math.max(20_000, 0));
        if (response.status >= 400) expect(snapshot(mock), `${hostile.kind} ${c.method} ${url} → ${response.status} changed the state`).toBe(before);
        // The journal still reads and serializes (no stack overflow, no broken date).
        expect(() => JSON.stringify(mock.requests.at(-1))).not.toThrow();
      }),
      { numRuns: HOSTILE_RUNS_PER_OP, seed: 20261101 + IDS.indexOf(operationId) },
    );
    expect(mock.driftErrors).toEqual([]);
  });
});

afterAll(() => {
  const seconds = (performance.now() - stats.started) / 1000;
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(
    `property tests: ${stats.requests} requests in ${seconds.toFixed(1)} s (${Math.round(stats.requests / seconds)}/s); ` +
      `statuses: ${top(stats.byStatus)}; 5xx from scenarios: ${stats.injected5xx}\n  cases: ${top(stats.byKind)}`,
  );
  expect(stats.requests).toBeGreaterThanOrEqual(10_000);
  // The generators must reach the handlers, not only the validators.
  const ok = [...stats.byStatus].filter(([s]) => /^2/.test(s)).reduce((n, [, v]) => n + v, 0);
  expect(ok / stats.requests).toBeGreaterThan(0.2);
});
