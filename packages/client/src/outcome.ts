// Creates whose answer does not prove whether the job exists: the `replyRef` that lets a lookup find the job, and
// the error that says so in plain words (`OutcomeUnknownError`). Imported only by the functions of job creates.
import { ConnectionError, OutcomeUnknownError, TimeoutError, UnexpectedResponseError, UpstreamBusyError, type OutcomeUnknownInit } from './errors.js';
import { nothingSent } from './retry.js';

/** A new `replyRef`: `useapi-minimax:` and a random UUID. */
export function newReplyRef(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  // randomUUID needs a secure context in browsers; getRandomValues does not.
  if (c?.randomUUID) return `useapi-minimax:${c.randomUUID()}`;
  const bytes = new Uint8Array(16);
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `useapi-minimax:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A JSON-safe copy of an input: binary parts summarised, strings through `redact`, depth bounded. */
export function snapshotInput(value: unknown, redact: (s: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint' ? String(value) : value;
  if (typeof Blob !== 'undefined' && value instanceof Blob) return { blob: true, type: value.type || undefined, size: value.size, ...('name' in value ? { name: (value as File).name } : {}) };
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return { bytes: value.byteLength };
  if (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream) return { stream: true };
  if (depth > 4) return '[nested]';
  if (Array.isArray(value)) return value.map((v) => snapshotInput(v, redact, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = snapshotInput((value as Record<string, unknown>)[key], redact, depth + 1);
  return out;
}

/** Whether an error after sending a create leaves open that the job was created. */
export function mayHaveCreated(error: unknown): boolean {
  return (
    error instanceof UpstreamBusyError ||
    error instanceof TimeoutError ||
    error instanceof UnexpectedResponseError ||
    (error instanceof ConnectionError && !nothingSent(error.code))
  );
}

function what(error: unknown): string {
  if (error instanceof UpstreamBusyError) return `MiniMax answered ${error.status} (${error.status === 502 ? 'busy' : 'gateway timeout'}), which it sometimes does while still queueing the job`;
  if (error instanceof TimeoutError) return `no complete answer came within ${error.timeoutMs} ms`;
  if (error instanceof ConnectionError) return `the connection was lost after sending${error.code ? ` (${error.code})` : ''}`;
  return `the ${(error as UnexpectedResponseError).status} answer had no usable body`;
}

/**
 * The error a create throws: `OutcomeUnknownError` (with `error` as its cause) when `error` leaves open that the
 * job was created, else `error` itself (a 4xx, a 429, an abort, a refused connection: nothing was created).
 * `where` is the concrete path; `input` the input as sent (its `replyRef` and `account` are said on the error).
 */
export function outcomeUnknown(
  error: unknown,
  operation: string,
  kind: OutcomeUnknownInit['kind'],
  method: string,
  where: string,
  input: Record<string, unknown>,
  sentAt: number,
  redact: (text: string) => string,
): unknown {
  if (!mayHaveCreated(error)) return error;
  const replyRef = input.replyRef as string | undefined;
  const fields: OutcomeUnknownInit = { operation, kind, replyRef, account: input.account as string | undefined, sentAt, input: snapshotInput(input, redact) as Record<string, unknown> };
  const message =
    `The ${kind} job may have been created (and charged): do not resubmit blindly; look it up with findCreated(error)` +
    `${replyRef ? ` (replyRef ${replyRef})` : ''} and create again only if it finds nothing. ` +
    `${operation} ${method} ${where} was sent, but ${what(error)}.`;
  return new OutcomeUnknownError(message, fields, error as never);
}
