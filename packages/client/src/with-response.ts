// `withResponse(fn)`: the same call, resolving the value together with the raw Response and its request id. It costs
// a bundle nothing unless imported (the operation functions only hand their Response to a waiting sink).
import { captureResponse } from './operation.js';

/** A success value with the final attempt's raw `Response` (its body already read) and the request id. */
export interface WithResponse<T> {
  /** What the call resolves with on its own. */
  data: T;
  /** The final attempt's Response: status, headers, url (its body has been read). */
  response: Response;
  /** The request id the server or its CDN gave (`x-request-id`, else `cf-ray`), if any. */
  requestId: string | undefined;
}

/**
 * Wraps an operation function or a resource method so that it resolves `{ data, response, requestId }`:
 * `const { data, requestId } = await withResponse(getMusic)(core, id)` or `withResponse(client.music.get)(id)`.
 * Errors are unchanged (an `ApiError` carries `headers` and `requestId` already). Meant for the functions that make
 * one call: a function that makes no operation call at once rejects with a TypeError.
 */
export function withResponse<A extends unknown[], T>(fn: (...args: A) => Promise<T>): (...args: A) => Promise<WithResponse<T>> {
  return async (...args) => {
    let response: Response | undefined;
    const data = await captureResponse((r) => void (response ??= r), () => fn(...args));
    if (!response) throw new TypeError('withResponse: the function made no operation call (expected an operation function or a resource method)');
    return { data, response, requestId: response.headers.get('x-request-id') ?? response.headers.get('cf-ray') ?? undefined };
  };
}
