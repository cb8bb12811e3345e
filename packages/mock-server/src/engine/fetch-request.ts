// `fetch(input, init)`'s arguments as the engine's request, for `mock.fetch`.
//
// An in-process client (`createMiniMaxClient({ fetch: mock.fetch })`) calls `fetch(url, init)` with a string or
// bytes body: wrapping that in a Web `Request` first (the old `(input, init) => mock.handle(new Request(input, init))`)
// made undici build a body stream, a signal and a header list only for the engine to read them back, ~30–45 µs a
// create in the Redis throughput bench. Here such a body is handed over as it is (`received`, so the engine answers
// in the same turn); anything else (a `Request`, FormData, a Blob, a stream) still goes through a real `Request`,
// which is also what gives it fetch's own errors.
import { BodyTooLargeError, fromWebRequest, utf8, type IncomingRequest } from './reply.js';

/** The engine's request for `fetch(input, init)`; a real `Request` only where the body needs one. */
export function fromFetchArgs(input: RequestInfo | URL, init: RequestInit | undefined): IncomingRequest {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
  const body = init?.body;
  const received = body === undefined || body === null ? undefined : typeof body === 'string' ? utf8(body) : body instanceof Uint8Array ? body : false;
  const method = (init?.method ?? 'GET').toUpperCase();
  // Relative URLs, bodies only a Request can read, a GET with a body: fetch's own handling (and its TypeErrors).
  if (url === undefined || received === false || !/^https?:\/\//i.test(url) || (received !== undefined && (method === 'GET' || method === 'HEAD'))) {
    return fromWebRequest(input instanceof Request && init === undefined ? input : new Request(input, init));
  }
  const headers = init?.headers instanceof Headers ? init.headers : new Headers(init?.headers);
  const bytes = received ?? new Uint8Array(0);
  const within = (limit: number) => (bytes.length > limit ? Promise.reject(new BodyTooLargeError(limit)) : Promise.resolve(bytes));
  return {
    method,
    url,
    header: (name) => headers.get(name),
    received: bytes,
    bytes: (limit = Infinity) => within(limit),
    formData: (limit = Infinity) => within(limit).then((b) => new Request(url, { method, headers, body: b as unknown as BodyInit }).formData()),
    signal: init?.signal ?? undefined,
  };
}
