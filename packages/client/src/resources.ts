// The resource methods, built from the operations table: `client.<tag>.<name>(...pathParams, input?, options?)`.
// One generic call path for all 50 operations; the table is the only per-operation data.
import type { Client } from 'openapi-fetch';
import { ApiError, ValidationError, apiErrorClass, type ValidationIssue } from './errors.js';
import { operations } from './generated/operations.js';
import { jobCreators } from './generated/resources.js';
import { createAndWait, pollJob, waitForJob, type GetJob, type JobCreator } from './jobs.js';
import type { OperationDescriptor } from './operation-descriptor.js';
import { paginate } from './pagination.js';
import { applyAliases, toFormData, toRawBody } from './request-body.js';
import type { RequestOptions } from './resource-types.js';
import { parseEventStream } from './sse.js';
import { type Env, newCall, release, rearm, requestClass, run, scrub } from './transport.js';
import { validate, warnInputOnce } from './validate.js';

type AnyClient = Client<any>;
type Method = (...args: any[]) => any;

/** Calls that may run long get at least this budget per attempt: raw uploads (up to 5 GB) and synchronous agent runs. */
export const LONG_TIMEOUT_MS = 20 * 60_000;

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
/** `list` → `listAll`, `voices` → `listAllVoices`. */
export const listAllName = (name: string) => (name === 'list' ? 'listAll' : `listAll${cap(name)}`);

/** Builds the error for a non-2xx answer. An empty body still gets the status's class. */
export function apiError(env: Env, op: string | undefined, method: string, path: string, response: Response, body: unknown): ApiError {
  const { status } = response;
  const parsed = body === undefined || body === '' ? undefined : typeof body === 'object' ? (body as { error: string }) : { error: String(body) };
  let message: string | undefined;
  const text = parsed?.error;
  if (status === 400 && typeof text === 'string' && /account/i.test(text) && /required|multiple|several/i.test(text)) {
    message = `400 ${method} ${path}${op ? ` (${op})` : ''}: ${text}. Several accounts are configured: pass \`account\` to this call, or set a default with createMiniMaxClient({ account }).`;
  }
  const Ctor = apiErrorClass(status);
  return scrub(env, new Ctor({ status, body: parsed, operation: op, method, path, headers: Object.fromEntries(response.headers) }, message));
}

type Result = { data?: unknown; error?: unknown; response: Response };

/** Issues one operation from a resource method's arguments. */
async function callOperation(env: Env, api: AnyClient, id: string, op: OperationDescriptor, hasInput: boolean, args: any[]): Promise<unknown> {
  let i = 0;
  const path: Record<string, string> = {};
  for (const name of op.pathParams) path[name] = args[i++];
  const data = op.body === 'raw' ? args[i++] : undefined;
  const input: Record<string, any> = hasInput ? { ...args[i++] } : {};
  const options: RequestOptions = args[i] ?? {};

  if (env.account !== undefined && op.fields.account && op.fields.account.in !== 'path' && input.account === undefined) input.account = env.account;
  applyAliases(op, input);
  const raw = op.body === 'raw' ? toRawBody(data) : undefined;
  let contentType: string | undefined;
  if (op.body === 'raw') {
    contentType = input.contentType ?? raw?.type;
    delete input.contentType;
    // The API takes webp as jpeg.
    if (contentType === 'image/webp' && op.contentTypes?.includes('image/jpeg')) contentType = 'image/jpeg';
  }
  if (env.validate) {
    const values = { ...input, ...path };
    const issues: ValidationIssue[] = validate(op, values);
    warnInputOnce(env, (message) => env.log('warn', message), id, op, values);
    if (op.body === 'raw') {
      if (!raw) issues.push({ field: 'data', message: 'must be a Blob, File, ArrayBuffer, typed array, Buffer or ReadableStream' });
      if (!contentType) issues.push({ field: 'contentType', message: `is required (the data has no type); one of ${op.contentTypes!.join(', ')}` });
      else if (!op.contentTypes!.includes(contentType.split(';')[0]!.trim().toLowerCase())) {
        issues.push({ field: 'contentType', message: `must be one of ${op.contentTypes!.join(', ')} (got ${contentType})` });
      }
    }
    if (issues.length) throw new ValidationError(issues, id);
  }

  const query: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  const headers: Record<string, string> = { ...options.headers };
  const bodyDefault = op.body === 'json' || op.body === 'multipart';
  for (const name in input) {
    const where = op.fields[name]?.in ?? (bodyDefault ? 'body' : 'query');
    if (where === 'header') headers[name] = String(input[name]);
    else if (where !== 'path') (where === 'body' ? body : query)[name] = input[name];
  }
  const init: Record<string, any> = { params: { path, query }, headers };
  if (op.body === 'json') init.body = body;
  else if (op.body === 'multipart') {
    init.body = toFormData(body);
    init.bodySerializer = (b: unknown) => b;
  } else if (op.body === 'raw') {
    init.body = raw?.body ?? data;
    init.bodySerializer = (b: unknown) => b;
    headers['Content-Type'] = contentType ?? 'application/octet-stream';
    if (raw?.stream) init.duplex = 'half';
  }
  const streaming = op.success === 'sse' || (op.success === 'json|sse' && input.stream === true);
  if (streaming) init.parseAs = 'stream';
  // One request path: openapi-fetch builds the request (a Draft unless middleware must see a real Request).
  init.Request = requestClass(env);

  const long = op.body === 'raw' || (op.success === 'json' && op.body === 'multipart' && op.fields.async !== undefined && input.async !== true);
  const call = newCall(env, id, op.method, op.path, op.idempotent, options, long ? LONG_TIMEOUT_MS : 0);
  call.oneShot = !!raw?.stream;
  const result: Result = await run(
    env,
    call,
    (signal, fetch) => {
      // `init` is this call's own object: no copy needed (openapi-fetch copies it once more anyway).
      init.signal = signal;
      init.fetch = fetch;
      return (api as any).request(op.method, op.path, init);
    },
    streaming,
  );
  const { response } = result;
  if (!response.ok) {
    release(call);
    throw apiError(env, id, op.method, op.path, response, result.error);
  }
  if (!streaming) return op.success === 'empty' ? undefined : result.data;
  const stream = result.data as ReadableStream<Uint8Array> | undefined;
  if (!/event-stream/i.test(response.headers.get('content-type') ?? '')) {
    // Asked for a stream, answered JSON: parse it like any other answer.
    try {
      const text = stream ? await new Response(stream).text() : '';
      return text ? JSON.parse(text) : undefined;
    } finally {
      release(call);
    }
  }
  return parseEventStream(stream!, { guard: call.guard, onChunk: () => rearm(call), onEnd: () => release(call) });
}

/** Every resource: the 50 operations grouped by tag, plus `listAll…`, `waitFor`, `poll` and `…AndWait` helpers. */
export function buildResources(env: Env, api: AnyClient): Record<string, Record<string, Method>> {
  const resources: Record<string, Record<string, Method>> = {};
  const table = operations as Record<string, OperationDescriptor>;
  for (const id in table) {
    const op = table[id]!;
    const hasInput = op.body !== 'none' || Object.values(op.fields).some((f) => f.in !== 'path');
    const resource = (resources[op.tag] ??= {});
    const method: Method = (...args) => callOperation(env, api, id, op, hasInput, args);
    resource[op.name] = method;
    if (op.pagination) {
      const pagination = op.pagination;
      resource[listAllName(op.name)] = (input?: Record<string, unknown>, options?: RequestOptions) =>
        paginate(pagination, (page) => method(page, options), input, (m) => env.log('warn', `${id}: ${m}`));
    }
    if (op.job) {
      const kind = op.job;
      const get: GetJob = (jobId, options) => method(jobId, options);
      resource.waitFor = (jobId: string, options?: object) => waitForJob(kind, get, jobId, options);
      resource.poll = (jobId: string, options?: object) => pollJob(kind, get, jobId, options);
    }
  }
  const creators = jobCreators as Record<string, JobCreator>;
  for (const id in creators) {
    const op = table[id]!;
    const creator = creators[id]!;
    const resource = resources[op.tag]!;
    const get: GetJob = (jobId, options) => getterOf(resources, creator.kind)(jobId, options);
    resource[`${op.name}AndWait`] = (input?: Record<string, unknown>, options?: object) => createAndWait(creator, resource[op.name]!, get, input, options);
  }
  return resources;
}

function getterOf(resources: Record<string, Record<string, Method>>, kind: string): Method {
  for (const id in operations) {
    const op = (operations as Record<string, OperationDescriptor>)[id]!;
    if (op.job === kind) return resources[op.tag]![op.name]!;
  }
  throw new Error(`No GET for job kind ${kind}`);
}
