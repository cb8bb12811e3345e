// The error of a non-2xx answer: the class by status, a message that starts with what to do, and the evidence
// (operation, concrete path, status, the start of the upstream text; the whole body stays on `error.body`).
import type { Env } from './core.js';
import { apiErrorClass, parseRetryAfter, type ApiError } from './errors.js';
import { quote } from './quote.js';
import { scrub } from './transport.js';

export { QUOTE_CHARS } from './quote.js';

/** Headers never kept on an error: they carry credentials. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);

/** Response headers as a plain object, without credentials: secret headers go, a value holding the token is redacted. */
export function keptHeaders(env: Env, headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (SECRET_HEADERS.has(name)) return;
    kept[name] = env.redact(value) === value ? value : '[redacted]';
  });
  return kept;
}


/** What to do about a status, said first in the message. */
function advice(env: Env, status: number, text: string | undefined, retryAfter: string | null): string {
  if (status === 400 && text && /account/i.test(text) && /required|multiple|several/i.test(text)) {
    return 'Several accounts are configured: pass `account` to this call, or set a default with createMiniMaxClient({ account }) or client.withOptions({ account })';
  }
  if (status === 401) {
    return env.hasToken
      ? 'The API refused the token: use the whole `user:…` token exactly as useapi.net shows it (not URL-encoded) and check that it is still valid'
      : 'No API token was sent: pass createMiniMaxClient({ token }) or set USEAPI_TOKEN (behind a proxy, the proxy must add it)';
  }
  const wait = parseRetryAfter(retryAfter);
  const byStatus: Record<number, string> = {
    400: 'The API refused the input as invalid: check the field it names; nothing was created',
    403: 'The API refused access to this resource',
    404: 'Not found: check the id (a video that was being followed usually was moderated and removed)',
    408: 'The API gave up waiting for the request: try again',
    412: 'The MiniMax account is out of credits (or has no audio plan, for music and speech): nothing was created; top it up or use another account',
    422: 'MiniMax moderated the prompt or text: nothing was created; change the input rather than resend it',
    429: `No free slot, or throttled: nothing was created; try again ${wait === undefined ? 'later' : `in ${Math.ceil(wait / 1000)} s`}`,
    502: 'MiniMax is busy: try again later (after a create, look the job up before resubmitting)',
    504: 'MiniMax did not answer in time: try again later (after a create, look the job up before resubmitting)',
    596: 'The MiniMax account is on hold (this can last hours): pause this account; not retried',
  };
  return byStatus[status] ?? (status >= 500 ? 'The API failed: try again later' : 'The API refused the request');
}

/** Builds the error for a non-2xx answer. An empty body still gets the status's class. */
export function apiError(env: Env, op: string | undefined, method: string, path: string, where: string, response: Response, body: unknown): ApiError {
  const { status } = response;
  const parsed = body === undefined || body === '' ? undefined : typeof body === 'object' && body !== null ? (body as { error: string }) : { error: String(body) };
  const text = typeof parsed?.error === 'string' ? parsed.error : parsed === undefined ? undefined : JSON.stringify(parsed);
  const message = `${advice(env, status, text, response.headers.get('retry-after'))}. ${status} ${method} ${where}${op ? ` (${op})` : ''}: ${text === undefined ? 'no error body' : quote(text)}`;
  const Ctor = apiErrorClass(status);
  return scrub(env, new Ctor({ status, body: parsed, operation: op, method, path, headers: keptHeaders(env, response.headers) }, message));
}
