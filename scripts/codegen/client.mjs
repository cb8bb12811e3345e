// Target `client`: packages/client/src/generated/{schema,operations,resources,schemas}.ts
//   schema.ts      openapi-typescript types (request fields with a `default` stay optional)
//   operations.ts  the operations table (runtime data: routing, retry policy, validation rules)
//   resources.ts   one interface per tag with a typed, documented signature per method, plus the
//                  `jobCreators` map (which create starts which job, read by `<create>AndWait`)
//   schemas.ts     a named alias for every `components.schemas` entry (`Music`, `Video`, …)
import { deref, listOperations, loadSpec } from '@useapi-minimax/spec';
import { HEADER, buildOperationsTable, generateSchemaTypes, toSource } from './shared.mjs';

/**
 * The creates that start an asynchronous job, from the spec's `x-sdk.creates`: the job kind, where the new job's id
 * is in the JSON answer (`many` for a list of ids), and the inputs `<create>AndWait` forces (`fixed`).
 */
function jobCreatorsOf(spec) {
  return Object.fromEntries(
    listOperations(spec)
      .filter((o) => o.sdk.creates)
      .map((o) => {
        const { job, idField, many, fixed } = o.sdk.creates;
        return [o.operationId, { kind: job, idField, ...(many ? { many: true } : {}), ...(fixed ? { fixed } : {}) }];
      }),
  );
}

/** Names of the helper methods, shared with the runtime (src/resources.ts uses the same rule). */
const cap = (s) => s[0].toUpperCase() + s.slice(1);
export const listAllName = (name) => (name === 'list' ? 'listAll' : `listAll${cap(name)}`);
export const andWaitName = (name) => `${name}AndWait`;

/** The first paragraph of a description, on one line. */
const oneLine = (s) => String(s ?? '').split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ').trim();
const doc = (lines, indent = '  ') =>
  lines.length === 1
    ? `${indent}/** ${lines[0]} */`
    : `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */`;

function checkJobCreators(spec, table, creators) {
  for (const [id, c] of Object.entries(creators)) {
    const op = table[id];
    if (!op) throw new Error(`codegen(client): x-sdk.creates on unknown operation ${id}`);
    if (op.idempotent) throw new Error(`codegen(client): ${id} is idempotent; it cannot start a job`);
    if (!Object.values(table).some((o) => o.job === c.kind)) throw new Error(`codegen(client): no GET reads job kind ${c.kind}`);
    for (const k of Object.keys(c.fixed ?? {})) {
      if (!op.fields[k]) throw new Error(`codegen(client): ${id} has no field ${k}`);
    }
    const raw = spec.paths[op.path][op.method.toLowerCase()];
    const found = Object.entries(raw.responses).some(([status, r]) => {
      if (!/^2/.test(status)) return false;
      const schema = deref(spec, deref(spec, r).content?.['application/json']?.schema ?? {});
      return Boolean(schema.properties?.[c.idField]);
    });
    if (!found) throw new Error(`codegen(client): no 2xx JSON answer of ${id} has ${c.idField}`);
  }
}

function methodSignatures(id, op, info) {
  const params = op.pathParams.map((p) => `${p}: string`);
  if (op.body === 'raw') params.push('data: UploadData');
  const inputFields = Object.values(op.fields).filter((f) => f.in !== 'path');
  const hasInput = op.body !== 'none' || inputFields.length > 0;
  const inputRequired = inputFields.some((f) => f.required);
  const opts = 'options?: RequestOptions';
  const lines = [oneLine(info.summary) + `: \`${op.method} ${op.path}\`.`];
  if (op.deprecated) lines.push('@deprecated The family is decommissioned upstream; kept for existing data.');
  const head = doc(lines);
  const input = (t) => `input${inputRequired ? '' : '?'}: ${t}`;
  const sig = (inputType, ret) => `  ${op.name}(${[...params, ...(hasInput ? [input(inputType)] : []), opts].join(', ')}): ${ret};`;
  if (op.success === 'empty') return [head, sig(`Input<'${id}'>`, 'Promise<void>')];
  if (op.success === 'sse') return [head, sig(`Input<'${id}'>`, `Promise<EventStream<EventData<'${id}'>>>`)];
  if (op.success === 'json|sse' && op.fields.stream) {
    const stream = `Promise<EventStream<EventData<'${id}'>>>`;
    const json = `Promise<Output<'${id}'>>`;
    const streamParams = [...params, `input: Input<'${id}'> & { stream: true }`, opts].join(', ');
    return [
      doc([...lines, 'With `stream: true` it resolves (after the headers) to an async iterable of the server-sent events.']),
      `  ${op.name}(${streamParams}): ${stream};`,
      head,
      sig(`Input<'${id}'> & { stream?: false }`, json),
      head,
      sig(`Input<'${id}'>`, `${json.slice(0, -1)} | EventStream<EventData<'${id}'>>>`),
    ];
  }
  if (op.success === 'json|sse') return [head, sig(`Input<'${id}'>`, `Promise<Output<'${id}'> | EventStream<EventData<'${id}'>>>`)];
  return [head, sig(`Input<'${id}'>`, `Promise<Output<'${id}'>>`)];
}

function resourcesSource(spec, table, jobCreators) {
  const infos = Object.fromEntries(listOperations(spec).map((o) => [o.operationId, o]));
  const tags = [...new Set(Object.values(table).map((o) => o.tag))];
  const tagDocs = Object.fromEntries((spec.tags ?? []).map((t) => [t.name, oneLine(t.description)]));
  const out = [];
  const ifaceName = (tag) => `${cap(tag)}Resource`;
  for (const tag of tags) {
    const body = [];
    for (const [id, op] of Object.entries(table)) {
      if (op.tag !== tag) continue;
      body.push(...methodSignatures(id, op, infos[id]));
      if (op.pagination) {
        const inputFields = Object.values(op.fields).filter((f) => f.in !== 'path');
        const req = inputFields.some((f) => f.required) ? '' : '?';
        body.push(
          doc([`Every item of \`${op.name}\` (\`${op.method} ${op.path}\`), fetched page by page as you iterate; \`break\` stops fetching.`]),
          `  ${listAllName(op.name)}(input${req}: Input<'${id}'>, options?: RequestOptions): AsyncIterableIterator<Item<'${id}'>>;`,
        );
      }
      if (op.job) {
        body.push(
          doc([
            `Polls \`${op.name}\` until the ${op.job} job is final and resolves with its final snapshot.`,
            `Throws \`JobFailedError\` / \`JobModeratedError\` for a failed / moderated job and \`JobTimeoutError\` at the deadline.`,
          ]),
          `  waitFor(id: string, options?: WaitOptions<'${op.job}'>): Promise<Snapshot<'${op.job}'>>;`,
          doc([`Yields each distinct snapshot of the ${op.job} job until it is final (the final one included); \`break\` stops polling.`]),
          `  poll(id: string, options?: PollOptions): AsyncIterableIterator<Snapshot<'${op.job}'>>;`,
        );
      }
      const creator = jobCreators[id];
      if (creator) {
        const req = Object.entries(op.fields).some(([k, f]) => f.in !== 'path' && f.required && !(k in (creator.fixed ?? {}))) ? '' : '?';
        const ret = creator.many ? `Promise<Snapshot<'${creator.kind}'>[]>` : `Promise<Snapshot<'${creator.kind}'>>`;
        const fixed = Object.keys(creator.fixed ?? {});
        body.push(
          doc([
            `\`${op.name}\`, then waits for the ${creator.kind} job${creator.many ? 's (every id of `' + creator.idField + '`)' : ''} like \`waitFor\`.`,
            ...(fixed.length ? [`Sends ${fixed.map((k) => `\`${k}: ${JSON.stringify(creator.fixed[k])}\``).join(', ')}.`] : []),
            ...(op.deprecated ? ['@deprecated The family is decommissioned upstream.'] : []),
          ]),
          `  ${andWaitName(op.name)}(input${req}: AndWaitInput<'${id}'>, options?: WaitOptions<'${creator.kind}'>): ${ret};`,
        );
      }
    }
    out.push(`${doc([tagDocs[tag] ?? tag], '')}\nexport interface ${ifaceName(tag)} {\n${body.join('\n')}\n}`);
  }
  const creators = jobCreators;
  // The schema of each event of a streaming operation (x-sdk.event), for `EventStream<T>`.
  const events = listOperations(spec).filter((o) => o.sdk.event);
  return `${HEADER}import type { components } from './schema.js';
import type {
  AndWaitInput,
  EventData,
  EventStream,
  Input,
  Item,
  Output,
  PollOptions,
  RequestOptions,
  Snapshot,
  UploadData,
  WaitOptions,
} from '../resource-types.js';

${out.join('\n\n')}

/** Every resource of the client, by tag: \`client.music\`, \`client.videos\`, … */
export interface MiniMaxResources {
${tags.map((t) => `${doc([tagDocs[t] ?? t])}\n  ${t}: ${ifaceName(t)};`).join('\n')}
}

/** The creates that start a job: the job kind, the id field of their answer and the inputs \`<create>AndWait\` forces. */
export const jobCreators = ${toSource(creators)} as const;

/** The JSON data of each server-sent event, per streaming operation (the spec's \`x-sdk.event\`). */
export interface EventDataMap {
${events.map((o) => `  ${o.operationId}: components['schemas']['${o.sdk.event}'];`).join('\n')}
}
`;
}

function schemasSource(spec) {
  const rename = { Error: 'ErrorBody', EventStream: 'EventStreamBody' };
  const names = Object.keys(spec.components?.schemas ?? {});
  const lines = names.map((n) => {
    const s = spec.components.schemas[n];
    const d = oneLine(s.description) || `The \`${n}\` schema of the spec.`;
    return `${doc([d], '')}\nexport type ${rename[n] ?? n} = components['schemas']['${n}'];`;
  });
  return `${HEADER}import type { components } from './schema.js';\n\n${lines.join('\n')}\n`;
}

export const clientTarget = {
  name: 'client',
  outDir: 'packages/client/src/generated',
  async generate() {
    const spec = loadSpec();
    const table = buildOperationsTable();
    const jobCreators = jobCreatorsOf(spec);
    checkJobCreators(spec, table, jobCreators);
    const operations = `${HEADER}import type { OperationDescriptor } from '../operation-descriptor.js';

/** Every operation of the API, derived from the spec: how to call it and how to validate its input. */
export const operations = ${toSource(table)} as const satisfies Record<string, OperationDescriptor>;

/** An operationId of the API. */
export type OperationId = keyof typeof operations;
`;
    return {
      // Request fields with a `default` (e.g. `async`, `stream`) are optional to send: keep them optional.
      'schema.ts': await generateSchemaTypes({ defaultNonNullable: false }),
      'operations.ts': operations,
      'resources.ts': resourcesSource(spec, table, jobCreators),
      'schemas.ts': schemasSource(spec),
    };
  },
};
