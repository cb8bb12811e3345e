// Target `client`: packages/client/src/generated/{schema,operations,functions,resources,schemas}.ts
//   schema.ts      openapi-typescript types (request fields with a `default` stay optional)
//   operations.ts  one descriptor constant per operation and the operations table of them (runtime data:
//                  routing, retry policy, validation rules)
//   functions.ts   one function per operation, core first (`getMusic(core, musicId)`): the tree-shakable form
//   resources.ts   one interface per tag with a typed, documented signature per method, plus the
//                  `jobCreators` map (which create starts which job, read by `<create>AndWait`)
//   schemas.ts     a named alias for every `components.schemas` entry (`Music`, `Video`, …)
import { deref, listOperations, loadSpec } from '@useapi-minimax/spec';
import { HEADER, SCHEMA_OPTIONS, buildOperationsTable, callShape, generateSchemaTypes, jobFacts, toSource } from './shared.mjs';

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
  const { ids, hasInput, inputRequired } = callShape(op);
  const params = ids.map((p) => `${p}: string`);
  if (op.body === 'raw') params.push('data: UploadData');
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
        const req = callShape(op).inputRequired ? '' : '?';
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

/**
 * Marks the operations whose success body is undocumented (`UndocumentedBody`: "may be empty or any JSON value")
 * with `mayBeEmpty`: for every other JSON operation an empty or `null` 2xx body is an error the client reports.
 */
function withBodyRules(spec, table) {
  for (const o of listOperations(spec)) {
    const raw = spec.paths[o.path][o.method.toLowerCase()];
    const schemas = Object.entries(raw.responses)
      .filter(([status]) => /^2/.test(status))
      .map(([, r]) => deref(spec, r).content?.['application/json']?.schema)
      .filter(Boolean);
    if (schemas.length && schemas.every((x) => x.$ref === '#/components/schemas/UndocumentedBody')) {
      const entry = table[o.operationId];
      const { fields, ...head } = entry;
      table[o.operationId] = { ...head, mayBeEmpty: true, fields };
    }
  }
  return table;
}

/** The name of an operation's descriptor constant in operations.ts (`getMusic` → `getMusicOperation`). */
const descriptorName = (id) => `${id}Operation`;

/**
 * A descriptor with the call shape the function types use (`callShape`): `takesInput` when the function takes an
 * input object after its ids, so the runtime reads the same rule instead of deriving it again.
 */
function withCallShape(op) {
  // The success statuses are for types only (`SuccessStatuses`), not shipped.
  const entries = Object.entries(op).filter(([k]) => k !== 'successStatuses');
  if (!callShape(op).hasInput) return Object.fromEntries(entries);
  const at = entries.findIndex(([k]) => k === 'body');
  return Object.fromEntries([...entries.slice(0, at), ['takesInput', true], ...entries.slice(at)]);
}

function operationsSource(table) {
  const consts = Object.entries(table).map(
    ([id, op]) =>
      `/** \`${op.method} ${op.path}\` (\`${id}\`): route, retry policy, body and success kinds, field rules. */\n` +
      `export const ${descriptorName(id)} = ${toSource(withCallShape(op))} as const satisfies OperationDescriptor;`,
  );
  return `${HEADER}import type { OperationDescriptor } from '../operation-descriptor.js';

// One constant per operation, so that a bundle that calls one operation ships only its descriptor.
${consts.join('\n\n')}

/** Every operation of the API, derived from the spec: how to call it and how to validate its input. */
export const operations = {
${Object.keys(table).map((id) => `  ${id}: ${descriptorName(id)},`).join('\n')}
};

/** An operationId of the API. */
export type OperationId = keyof typeof operations;

/** The documented success statuses of each operation (types only: what \`Output\` reads the answer type at). */
export interface SuccessStatuses {
${Object.entries(table).map(([id, op]) => `  ${id}: ${op.successStatuses.join(' | ')};`).join('\n')}
}
`;
}

/**
 * The call signatures of an operation's function (core first), as a type: one signature, or an overload set for
 * operations that answer JSON or an event stream depending on `stream`.
 */
function functionType(id, op) {
  const { ids, hasInput, inputRequired } = callShape(op);
  const params = ['core: MiniMaxCore', ...ids.map((p) => `${p}: string`)];
  if (op.body === 'raw') params.push('data: UploadData');
  const opts = 'options?: RequestOptions';
  const input = (t, required = inputRequired) => (hasInput ? [`input${required ? '' : '?'}: ${t}`] : []);
  const sig = (inputType, ret, required) => `(${[...params, ...input(inputType, required), opts].join(', ')}) => ${ret}`;
  const stream = `Promise<EventStream<EventData<'${id}'>>>`;
  const json = op.success === 'empty' ? 'Promise<void>' : `Promise<Output<'${id}'>>`;
  if (op.success === 'sse') return sig(`Input<'${id}'>`, stream);
  if (op.success === 'json|sse' && op.fields.stream) {
    const each = (inputType, ret, required) => `  ${sig(inputType, ret, required).replace(') =>', '):')};`;
    return `{\n${[
      each(`Input<'${id}'> & { stream: true }`, stream, true),
      each(`Input<'${id}'> & { stream?: false }`, json),
      each(`Input<'${id}'>`, `Promise<Output<'${id}'> | EventStream<EventData<'${id}'>>>`),
    ].join('\n')}\n}`;
  }
  if (op.success === 'json|sse') return sig(`Input<'${id}'>`, `Promise<Output<'${id}'> | EventStream<EventData<'${id}'>>>`);
  return sig(`Input<'${id}'>`, json);
}

/**
 * functions.ts: one function per operation, named by its operationId, taking the core first
 * (`getMusic(core, musicId, options?)`). Each is built by `defineOperation` from its own descriptor constant and
 * only the request and answer parts it needs (event streams, multipart forms, raw uploads, the job a create
 * starts), so a bundle that imports one function ships only what that operation uses.
 */
function functionsSource(spec, table, createdKinds) {
  const infos = Object.fromEntries(listOperations(spec).map((o) => [o.operationId, o]));
  const used = new Set();
  const decls = Object.entries(table).map(([id, op]) => {
    const parts = [];
    const rules = Object.values(op.fields);
    const streams = op.success === 'sse' || op.success === 'json|sse';
    if (streams) parts.push('events: readEventAnswer');
    // Input beyond the path ids (or an id sent in the body): put where each field travels, and the body.
    if (callShape(op).hasInput || op.bodyArgs) parts.push('send: sendInput');
    if (rules.some((f) => f.type === 'files' || f.commaList)) parts.push('aliases: applyAliases');
    if (op.body === 'multipart') parts.push('form: toFormData');
    if (op.body === 'raw') parts.push('upload: rawUpload');
    // The input check: none without fields; for ids only that the spec declares required non-empty strings, that
    // check alone (`checkIds`); else the validator that walks the field rules (`validate`).
    const idRule = (f) => f.in === 'path' && toSource(f) === toSource({ in: 'path', required: true, type: 'string', minLength: 1 });
    if (rules.length) parts.push(!op.dependentRequired && rules.every(idRule) ? 'check: checkIds' : 'check: validate');
    // Warnings about unknown fields need a field beyond the path ids (an operation without input has none to warn of).
    if (op.body !== 'none' || Object.values(op.fields).some((f) => f.in !== 'path')) parts.push('notices: warnInputOnce');
    const idField = jobCreatorsOf(spec)[id]?.idField;
    if (createdKinds[id]) parts.push(`starts: { kind: '${createdKinds[id]}', ${idField ? `idField: '${idField}', ` : ''}outcome: outcomeUnknown, replyRef: newReplyRef }`);
    for (const p of parts) used.add(p.startsWith('check:') ? p.split(': ')[1] : p.split(':')[0]);
    const lines = [`${oneLine(infos[id].summary)}: \`${op.method} ${op.path}\`.`];
    if (createdKinds[id]) {
      lines.push(
        `Starts a ${createdKinds[id]} job${op.fields.replyRef ? ' and sends a \`replyRef\` (yours, or a generated one)' : ''}; a 502/504, timeout or`,
        'connection loss after sending throws `OutcomeUnknownError` (look the job up with `findCreated`).',
      );
    }
    if (op.deprecated) lines.push('@deprecated The family is decommissioned upstream; kept for existing data.');
    const extras = parts.length ? `, { ${parts.join(', ')} }` : '';
    return `${doc(lines, '')}\nexport const ${id}: ${functionType(id, op)} = /* @__PURE__ */ defineOperation('${id}', ${descriptorName(id)}${extras});`;
  });
  const imports = [
    `import type { MiniMaxCore } from '../core.js';`,
    ...(used.has('events') ? [`import { readEventAnswer } from '../event-answer.js';`] : []),
    `import { defineOperation } from '../operation.js';`,
    ...(used.has('starts') ? [`import { newReplyRef, outcomeUnknown } from '../outcome.js';`] : []),
    ...(['aliases', 'upload', 'send', 'form'].some((p) => used.has(p))
      ? [`import { ${[used.has('aliases') && 'applyAliases', used.has('upload') && 'rawUpload', used.has('send') && 'sendInput', used.has('form') && 'toFormData'].filter(Boolean).join(', ')} } from '../request-body.js';`]
      : []),
    `import type { EventData, EventStream, Input, Output, RequestOptions, UploadData } from '../resource-types.js';`,
    ...(used.has('checkIds') ? [`import { checkIds } from '../check-ids.js';`] : []),
    ...(used.has('notices') || used.has('validate')
      ? [`import { ${[used.has('validate') && 'validate', used.has('notices') && 'warnInputOnce'].filter(Boolean).join(', ')} } from '../validate.js';`]
      : []),
    `import {\n${Object.keys(table).map((id) => `  ${descriptorName(id)},`).join('\n')}\n} from './operations.js';`,
  ];
  return `${HEADER}// One function per operation, core first: \`import { getMusic } from '@useapi-minimax/client'\` ships only what
// \`getMusic\` needs. \`createMiniMaxClient\` groups the same functions by tag (\`client.music.get\`).
${imports.join('\n')}

${decls.join('\n\n')}
`;
}

/**
 * resource-functions.ts: every operation's function by operationId, for `createMiniMaxClient`'s resources (a plain
 * object: a namespace import would ship a getter per function).
 */
function resourceFunctionsSource(table) {
  const ids = Object.keys(table);
  return `${HEADER}import {\n${ids.map((id) => `  ${id},`).join('\n')}\n} from './functions.js';

/** Every operation's function, by operationId. */
export const resourceFunctions = {\n${ids.map((id) => `  ${id},`).join('\n')}\n};
`;
}

/** job-functions.ts: the functions the job helpers call, from the job facts (kept off the public entry). */
function jobFunctionsSource() {
  const { kinds } = jobFacts();
  const getters = Object.entries(kinds).map(([k, f]) => `  ${k}: ${f.operation},`);
  const listIds = [...new Set(Object.values(kinds).flatMap((f) => [f.find.list, f.find.running].filter(Boolean)))];
  const names = [...new Set([...Object.values(kinds).map((f) => f.operation), ...listIds])];
  return `${HEADER}import { ${names.join(', ')} } from './functions.js';
import { ${listIds.map(descriptorName).join(', ')} } from './operations.js';

/** Each job kind's GET (the spec's \`x-sdk.jobs\`), for \`waitForJob\` and \`pollJob\`. */
export const jobGetters = {
${getters.join('\n')}
};

/** The lists \`findCreated\` reads, by operationId, with their descriptors (the spec's \`x-sdk.jobs.*.find\`). */
export const jobLists = {
${listIds.map((id) => `  ${id}: { call: ${id}, operation: ${descriptorName(id)} },`).join('\n')}
};
`;
}

/**
 * The job kind each create starts: `x-sdk.creates.job`, or for a create without a JSON id (a stream of job
 * snapshots, `POST /videos/agent-create`) the kind whose GET answers the events' schema.
 */
function createdKindsOf(spec, table) {
  const kinds = {};
  const getSchema = {};
  for (const o of listOperations(spec)) {
    if (!o.sdk.job) continue;
    const raw = spec.paths[o.path][o.method.toLowerCase()];
    const ref = raw.responses['200']?.content?.['application/json']?.schema?.$ref;
    if (ref) getSchema[ref.split('/').pop()] = o.sdk.job;
  }
  for (const o of listOperations(spec)) {
    if (table[o.operationId].idempotent) continue;
    const kind = o.sdk.creates?.job ?? (o.sdk.event ? getSchema[o.sdk.event] : undefined);
    if (kind) kinds[o.operationId] = kind;
  }
  return kinds;
}

/**
 * jobs.ts: the job facts of the spec's root `x-sdk.jobs` (see `jobFacts` in shared.mjs), the kinds, the creates
 * that start a job and, for `<create>AndWait`, where their answer holds the new id. Written once, read by
 * `describeJob`, `waitFor`/`poll`, `findCreated` and `parseWebhook`.
 */
function jobsSource(jobCreators, createdKinds) {
  const { kinds, labels } = jobFacts();
  const names = Object.keys(kinds);
  // One object per kind (`musicJob`, …), so a bundle that follows one kind ships only that kind's facts; `jobKinds`
  // gathers them for the callers that take any kind.
  const perKind = Object.entries(kinds).map(
    ([k, { creates: _c, cancelled, ...f }]) => {
      // The cancelled patterns are case-insensitive: emitted as RegExp literals, compiled once when the module loads.
      const patterns = cancelled && { cancelled: Object.fromEntries(Object.entries(cancelled).map(([field, p]) => [field, new RegExp(p, 'i')])) };
      return `/** How ${k} jobs are followed (the spec's \`x-sdk.jobs.${k}\`). */
export const ${k}Job = ${toSource({ kind: k, ...f, ...patterns })} as const satisfies JobKindInfo<'${k}'>;\n`;
    },
  );
  return `${HEADER}import type { JobKindInfo } from '../job-kinds.js';

/** The kinds of asynchronous job the API has. */
export type JobKind = ${names.map((k) => `'${k}'`).join(' | ')};

${perKind.join('\n')}
/**
 * How each job kind is followed (the spec's \`x-sdk.jobs\`): its GET, the snapshot's id field, the default pause
 * between polls and deadline of a wait, the numeric status codes and the label field, and where a create whose
 * answer was lost is looked up.
 */
export const jobKinds = { ${names.map((k) => `${k}: ${k}Job`).join(', ')} } as const satisfies { [K in JobKind]: JobKindInfo<K> };

/** useapi's \`statusLabel\`s and the agent's string statuses, on the lifecycle (any kind). */
export const jobLabels: Readonly<Record<string, string>> = ${toSource(labels)};

/** The job kind each create starts (every non-idempotent operation that starts one). */
export const createdKinds = ${toSource(createdKinds)} as const satisfies Record<string, JobKind>;

/** The creates that start a job: the job kind, the id field of their answer and the inputs \`<create>AndWait\` forces. */
export const jobCreators = ${toSource(jobCreators)} as const;
`;
}

export const clientTarget = {
  name: 'client',
  outDir: 'packages/client/src/generated',
  async generate() {
    const spec = loadSpec();
    const table = withBodyRules(spec, buildOperationsTable());
    const jobCreators = jobCreatorsOf(spec);
    checkJobCreators(spec, table, jobCreators);
    const createdKinds = createdKindsOf(spec, table);
    return {
      // Request fields with a `default` (e.g. `async`, `stream`) are optional to send: keep them optional.
      'schema.ts': await generateSchemaTypes(SCHEMA_OPTIONS),
      'operations.ts': operationsSource(table),
      'functions.ts': functionsSource(spec, table, createdKinds),
      'resources.ts': resourcesSource(spec, table, jobCreators),
      'jobs.ts': jobsSource(jobCreators, createdKinds),
      'job-functions.ts': jobFunctionsSource(),
      'resource-functions.ts': resourceFunctionsSource(table),
      'schemas.ts': schemasSource(spec),
    };
  },
};
