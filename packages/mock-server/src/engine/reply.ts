// The engine's transport-neutral request and reply: adapters turn them into Web `Response`s (MSW,
// `mock.handle`) or write them straight to a node:http socket (the standalone server).

/** What the engine reads from an incoming request. Built from a Web `Request` or a node:http request. */
export interface IncomingRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Absolute URL. */
  readonly url: string;
  /** Case-insensitive header lookup. */
  header(name: string): string | null;
  /**
   * The body's bytes (read once; empty when there is none). Rejects with `BodyTooLargeError` as soon as the body
   * is longer than `limit` bytes (a declared `Content-Length` over it is refused before reading).
   */
  bytes(limit?: number): Promise<Uint8Array>;
  /**
   * The whole body, when the adapter has read it before dispatching (the standalone server does for a body of
   * declared length within the caps): the engine then reads it in the same turn, with no promise.
   */
  readonly received?: Uint8Array | undefined;
  /** The body parsed as multipart/form-data (`limit` as for `bytes`). */
  formData(limit?: number): Promise<FormData>;
  /** Aborted when the client goes away. */
  readonly signal?: AbortSignal | undefined;
}

/** A reply body: nothing, text, bytes, or a stream (SSE and the stalled-body fault). */
export type ReplyBody = null | string | Uint8Array | ReadableStream<Uint8Array>;

/** The engine's answer, before an adapter puts it on the wire. */
export interface MockReply {
  status: number;
  headers: Record<string, string>;
  body: ReplyBody;
  /** Simulate a network failure: no HTTP response at all (MSW `HttpResponse.error()`, socket destroyed). */
  networkError?: boolean;
}

/** A request body over the mock's size cap (answered 413). */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`Request body is larger than ${limit} bytes`);
  }
}

/** Longest error text the mock sends (anything a request echoes back is cut to fit). */
export const MAX_ERROR_CHARS = 1000;

/** `text` cut to `max` characters (with `…` and the count left out), for echoing request input. */
export function bounded(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}… (+${text.length - max} chars)` : text;
}

/**
 * The headers of a JSON reply without others: one frozen object that every such reply shares (nothing changes a
 * reply's headers in place; a fault that needs others copies them), so the standalone server can recognise it and
 * write its precomputed header list.
 */
export const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json; charset=utf-8' });

/** A JSON reply. */
export function jsonReply(status: number, value: unknown, headers?: Record<string, string>): MockReply {
  return { status, headers: headers ? { ...JSON_HEADERS, ...headers } : JSON_HEADERS, body: JSON.stringify(value) };
}

/** The error body `{ error, code }` (set `code: false` to leave it out, as a few documented bodies do). */
export function errorReply(status: number, error: string, options: { code?: boolean; headers?: Record<string, string>; extra?: Record<string, unknown> } = {}): MockReply {
  const body: Record<string, unknown> = { error: bounded(error, MAX_ERROR_CHARS), ...options.extra };
  if (options.code !== false) body.code = status;
  return jsonReply(status, body, options.headers);
}

/** A reply without a body (204). */
export function emptyReply(status = 204): MockReply {
  return { status, headers: {}, body: null };
}

/** The network-failure reply. */
export function networkErrorReply(): MockReply {
  return { status: 0, headers: {}, body: null, networkError: true };
}

/** Converts a reply to a Web `Response` (`Response.error()` for a network failure). */
export function toResponse(reply: MockReply): Response {
  if (reply.networkError) return Response.error();
  const body = reply.body === null || reply.status === 204 || reply.status === 304 ? null : reply.body;
  return new Response(body as BodyInit | null, { status: reply.status, headers: reply.headers });
}

/** Wraps a Web `Request` for the engine. */
export function fromWebRequest(request: Request): IncomingRequest {
  let bytes: Promise<Uint8Array> | undefined;
  const read = (limit: number) => (bytes ??= readLimited(request, limit));
  return {
    method: request.method.toUpperCase(),
    url: request.url,
    header: (name) => request.headers.get(name),
    bytes: (limit = Infinity) => read(limit),
    formData: async (limit = Infinity) => {
      const body = await read(limit);
      return new Request(request.url, { method: 'POST', headers: request.headers, body: body as unknown as BodyInit }).formData();
    },
    signal: request.signal,
  };
}

/** Reads a Web request's body, stopping (and cancelling the stream) once it passes `limit` bytes. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    void request.body.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limit);
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
