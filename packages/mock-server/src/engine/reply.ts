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
  /** The body's bytes (read once; empty when there is none). */
  bytes(): Promise<Uint8Array>;
  /** The body parsed as multipart/form-data. */
  formData(): Promise<FormData>;
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

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

/** A JSON reply. */
export function jsonReply(status: number, value: unknown, headers?: Record<string, string>): MockReply {
  return { status, headers: headers ? { ...JSON_HEADERS, ...headers } : { ...JSON_HEADERS }, body: JSON.stringify(value) };
}

/** The error body `{ error, code }` (set `code: false` to leave it out, as a few documented bodies do). */
export function errorReply(status: number, error: string, options: { code?: boolean; headers?: Record<string, string>; extra?: Record<string, unknown> } = {}): MockReply {
  const body: Record<string, unknown> = { error, ...options.extra };
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
  return {
    method: request.method.toUpperCase(),
    url: request.url,
    header: (name) => request.headers.get(name),
    bytes: () => (bytes ??= request.body ? request.arrayBuffer().then((b) => new Uint8Array(b)) : Promise.resolve(new Uint8Array(0))),
    formData: () => request.formData(),
    signal: request.signal,
  };
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
