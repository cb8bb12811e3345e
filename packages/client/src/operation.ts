// One call path for every operation: the per-operation functions (src/generated/functions.ts) are each
// `defineOperation(id, descriptor, parts)`. Arguments → openapi-fetch init (path, query, body, headers), validation,
// the transport, then the answer read by its Content-Type. `parts` holds what only some operations need (the event
// stream parser, multipart forms, raw uploads, the job a create starts), so a bundle ships only what it calls.
import { apiError } from './api-error.js';
import { envOf, settingIssues, type Env, type MiniMaxCore } from './core.js';
import { UnexpectedResponseError, ValidationError, type ValidationIssue } from './errors.js';
import type { JobKind, OperationDescriptor } from './operation-descriptor.js';
import type { outcomeUnknown, newReplyRef } from './outcome.js';
import { serializePath } from './path-serializer.js';
import type { readEventAnswer } from './event-answer.js';
import type { applyAliases, rawUpload, sendInput, toFormData } from './request-body.js';
import type { RequestOptions } from './resource-types.js';
import { requestClass, startCall, type Answer } from './transport.js';
import type { validate, warnInputOnce } from './validate.js';

/** Calls that may run long get at least this budget per attempt: raw uploads (up to 5 GB) and synchronous agent runs. */
export const LONG_TIMEOUT_MS = 20 * 60_000;

/** What only some operations need, handed in by their generated function. */
export interface OperationParts {
  /** Checks the input against the spec's rules (`validate`, or `checkIds` for ids alone); none without fields. */
  readonly check?: typeof validate;
  /** Applies the input aliases (operations with a repeatable file or a comma-list field). */
  readonly aliases?: typeof applyAliases;
  /** Puts the input's query, header and body fields and the body into the request (operations with input). */
  readonly send?: typeof sendInput;
  /** Reads event-stream answers (operations that stream). */
  readonly events?: typeof readEventAnswer;
  /** Builds multipart forms. */
  readonly form?: typeof toFormData;
  /** Prepares raw upload data and its content type. */
  readonly upload?: typeof rawUpload;
  /** Warns about unknown fields and unknown values of open sets (operations with input beyond path ids). */
  readonly notices?: typeof warnInputOnce;
  /** The job this create starts: a `replyRef` is sent, and an unknown outcome is an `OutcomeUnknownError`. */
  readonly starts?: {
    readonly kind: JobKind;
    /** Where the JSON answer holds the new job's id (an answer without it is unusable). */
    readonly idField?: string;
    readonly outcome: typeof outcomeUnknown;
    readonly replyRef: typeof newReplyRef;
  };
}

type Result = { data?: unknown; error?: unknown; response: Response };

/** Who wants the Response of the next operation call started synchronously (see `withResponse`). */
let responseSink: ((response: Response) => void) | undefined;

/** Runs `call`, handing the final Response of the operation call it starts (on success) to `sink`. */
export function captureResponse<T>(sink: (response: Response) => void, call: () => T): T {
  const previous = responseSink;
  responseSink = sink;
  try {
    return call();
  } finally {
    responseSink = previous;
  }
}

/** The function of one operation: `(core, ...pathParams, ...bodyArgs, data?, input?, options?)`. */
export function defineOperation(id: string, op: OperationDescriptor, parts: OperationParts = {}): any {
  return (core: MiniMaxCore, ...args: any[]) => invoke(core, id, op, args, parts);
}

async function invoke(core: MiniMaxCore, id: string, op: OperationDescriptor, args: any[], parts: OperationParts): Promise<unknown> {
  // Taken before anything else: the call that `withResponse` wraps is the first one started.
  const sink = responseSink;
  responseSink = undefined;
  const env = envOf(core);
  let i = 0;
  const path: Record<string, string> = {};
  for (const name of op.pathParams) path[name] = args[i++];
  const data = op.body === 'raw' ? args[i++] : undefined;
  const ids: Record<string, unknown> = {};
  for (const name of op.bodyArgs ?? []) ids[name] = args[i++];
  const input: Record<string, any> = op.takesInput ? { ...args[i++], ...ids } : ids;
  const options: RequestOptions = args[i] ?? {};
  const { starts } = parts;

  if (env.account !== undefined && op.fields.account && op.fields.account.in !== 'path' && input.account === undefined) input.account = env.account;
  // Every create that takes a replyRef sends one, so that a lost answer can be looked up (findCreated).
  if (starts && op.fields.replyRef && input.replyRef == null) input.replyRef = starts.replyRef();
  parts.aliases?.(op, input);
  const upload = parts.upload?.(op, data, input);
  const issues: ValidationIssue[] = settingIssues(options);
  if (env.validate) {
    const values = { ...input, ...path };
    if (parts.check) issues.push(...parts.check(op, values));
    // Unknown field names and values newer than the SDK: warned once per client (and its views), never refused.
    parts.notices?.(env.warned, (message) => env.log('warn', message), id, op, values);
    if (upload) issues.push(...upload.issues);
  }
  if (issues.length) throw new ValidationError(issues, id);

  const headers: Record<string, string> = env.headers ? { ...env.headers, ...options.headers } : { ...options.headers };
  // The answer is read here, by its Content-Type (openapi-fetch hands over the stream). `method` is in the literal
  // although openapi-fetch's `request` sets it again: its `{ ...init, method }` then overwrites a property instead of
  // adding one, and the copy it makes keeps a shape V8 reads fast (adding the key made its destructuring of the
  // options ~3.5 µs slower per call).
  const init: Record<string, any> = { method: op.method, params: { path, query: {} }, headers, parseAs: 'stream' };
  const long = parts.send?.(op, input, init, parts, upload, data);
  const streaming = op.success === 'sse' || (op.success === 'json|sse' && input.stream === true);
  if (streaming) headers.Accept = 'text/event-stream';
  // One request path: openapi-fetch builds the request (a Draft unless middleware must see a real Request).
  init.Request = requestClass(env);

  const spec = {
    operation: id,
    method: op.method,
    path: op.path,
    idempotent: op.idempotent,
    oneShot: !!upload?.raw?.stream,
    maxRetries: options.maxRetries ?? env.maxRetries,
    timeoutMs: options.timeoutMs ?? Math.max(env.timeoutMs, long ? LONG_TIMEOUT_MS : 0),
    signal: options.signal ?? undefined,
  };
  const where = () => serializePath(op.path, path);
  const sentAt = Date.now();
  const lost = starts && ((error: unknown) => starts.outcome(error, id, starts.kind, op.method, where(), input, sentAt, env.redact));
  try {
    const answer = await startCall<Result>(env, spec, (signal, fetch) => {
      // `init` is this call's own object: no copy needed (openapi-fetch copies it once more anyway).
      init.signal = signal;
      init.fetch = fetch;
      return (env.api as any).request(op.method, op.path, init) as Promise<Result>;
    });
    const value = await readAnswer(env, id, op, answer, streaming, where, parts, lost);
    sink?.(answer.response);
    return value;
  } catch (error) {
    throw lost ? lost(error) : error;
  }
}

/** The value of a 2xx answer, by its Content-Type; a typed error for a non-2xx or an unusable body. */
async function readAnswer(
  env: Env,
  id: string,
  op: OperationDescriptor,
  answer: Answer<Result>,
  streaming: boolean,
  where: () => string,
  parts: OperationParts,
  lost: ((error: unknown) => unknown) | undefined,
): Promise<unknown> {
  const { result, response } = answer;
  const { status } = response;
  if (!response.ok) {
    answer.release();
    throw apiError(env, id, op.method, op.path, where(), response, result.error);
  }
  if (op.success === 'empty' || status === 204) {
    answer.release();
    response.body?.cancel().catch(() => {});
    return undefined;
  }
  const contentType = response.headers.get('content-type') ?? undefined;
  const unexpected = (what: string, text?: string, cause?: unknown) =>
    new UnexpectedResponseError(
      `The answer cannot be used: ${what} (${status} ${op.method} ${where()}, ${id}${contentType ? `, ${contentType}` : ''}): try again; if it persists, the API or a proxy in between is broken`,
      { status, contentType, operation: id, method: op.method, path: where(), body: text === undefined ? undefined : env.redact(text.slice(0, 500)) },
      { cause },
    );
  if (/text\/event-stream/i.test(contentType ?? '')) {
    if (!parts.events || !response.body) {
      answer.release();
      throw unexpected('an event stream where JSON was expected');
    }
    // Errors while a create's event stream is read are that create's too.
    return parts.events(response.body, answer.follow(), streaming, unexpected, lost);
  }
  // JSON (also when a stream was asked for and JSON came back).
  const text = await answer.read(() => response.text());
  const trimmed = text.trim();
  if (op.mayBeEmpty && !trimmed) return undefined;
  let value: unknown;
  try {
    value = trimmed ? JSON.parse(trimmed) : undefined;
  } catch (error) {
    if (op.mayBeEmpty) return text;
    throw unexpected('the body is not valid JSON (cut short?)', text, error);
  }
  if (value == null && !op.mayBeEmpty) throw unexpected(trimmed ? 'the body is `null`' : 'the body is empty', text);
  const idField = parts.starts?.idField;
  if (idField && (value as Record<string, unknown>)[idField] == null) throw unexpected(`the answer has no ${idField}`, text);
  return value;
}
