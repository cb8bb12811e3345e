// One hierarchy of errors (the root in error-base.ts; the job and outcome-unknown families in their own modules,
// re-exported here). `instanceof` works across two bundled copies of this package (see error-base.ts).
import { MiniMaxError, brand } from './error-base.js';
import type { ErrorBody } from './generated/schemas.js';

export { MiniMaxError, isMiniMaxError } from './error-base.js';
export { JobCancelledError, JobError, JobFailedError, JobModeratedError, JobTimeoutError } from './job-errors.js';
export { OutcomeUnknownError, type OutcomeUnknownInit } from './outcome-error.js';

/** What an {@link ApiError} is built from. */
export interface ApiErrorInit {
  /** HTTP status. */
  status: number;
  /** Parsed error body (`{ error, code }`); text bodies become `{ error: text }`; empty bodies `undefined`. */
  body: ErrorBody | undefined;
  /** operationId, when the call maps to an operation of the spec. */
  operation?: string | undefined;
  /** HTTP method. */
  method: string;
  /** Path template (`/music/{musicId}`). */
  path: string;
  /** Response headers (lower-case names). */
  headers: Record<string, string>;
}

/** The API answered with a non-2xx status. Subclassed by status; `body` is the spec's error body. */
export class ApiError extends MiniMaxError {
  /** HTTP status. */
  declare readonly status: number;
  /** The error body (`{ error, code? }`), `undefined` when the response had none. */
  declare readonly body: ErrorBody | undefined;
  /** operationId of the call (e.g. `getMusic`). */
  declare readonly operation: string | undefined;
  /** HTTP method. */
  declare readonly method: string;
  /** Path template of the call. */
  declare readonly path: string;
  /** Response headers, lower-case names (a plain object: JSON-safe). */
  declare readonly headers: Record<string, string>;
  /** The request id the server or its CDN gave (`x-request-id`, `cf-ray`), if any. */
  declare readonly requestId: string | undefined;

  constructor(init: ApiErrorInit, message?: string) {
    super(
      message ??
        `${init.status} ${init.method} ${init.path}${init.operation ? ` (${init.operation})` : ''}: ${init.body?.error ?? 'no error body'}`,
    );
    Object.assign(this, init, { requestId: init.headers['x-request-id'] ?? init.headers['cf-ray'] });
  }
}

/** 400: a parameter is missing or invalid, or `account` is needed because several accounts are configured. */
export class BadRequestError extends ApiError {}
/** 401: the token is missing or malformed (it must start with `user:` and must not be URL-encoded). */
export class UnauthorizedError extends ApiError {}
/** 404: not found. For a video it usually means it was moderated and removed after generation. */
export class NotFoundError extends ApiError {}
/** 412: the upstream MiniMax account is out of credits (or has no audio plan). Never retried. */
export class InsufficientCreditsError extends ApiError {}
/** 422: MiniMax moderated the prompt. Never retried; do not resend the same input. */
export class ModeratedError extends ApiError {}
/** 429: no free slot, or throttled. `retryAfterMs` is the server's `Retry-After`, when it sent one. */
export class RateLimitedError extends ApiError {
  /** Milliseconds the server asked to wait (`Retry-After`), if present. */
  declare readonly retryAfterMs: number | undefined;
  constructor(init: ApiErrorInit, message?: string) {
    super(init, message);
    this.retryAfterMs = parseRetryAfter(init.headers['retry-after']);
  }
}
/** 502/504: MiniMax is busy. On a create the job may still have been queued: look it up before resubmitting. */
export class UpstreamBusyError extends ApiError {}
/** 596: the linked MiniMax account is on hold (can last hours). Never retried: pause that account. */
export class AccountOnHoldError extends ApiError {}
/** Any other 5xx. */
export class ServerError extends ApiError {}

/** The request never got an answer: DNS, refused or reset connection, TLS. `code` is the underlying code. */
export class ConnectionError extends MiniMaxError {
  /** The system or undici error code found in the `cause` chain (`ECONNREFUSED`, …), if any. */
  declare readonly code: string | undefined;
  constructor(message: string, options: { cause?: unknown; code?: string | undefined }) {
    super(message, { cause: options.cause });
    this.code = options.code;
  }
}

/** The call did not complete (headers and body) within `timeoutMs`. */
export class TimeoutError extends MiniMaxError {
  /** The budget that ran out. */
  declare readonly timeoutMs: number;
  /** `where`: the call, e.g. `GET /music/user:1-…` (said after the advice). */
  constructor(timeoutMs: number, where?: string) {
    super(`Timed out after ${timeoutMs} ms without a complete answer: try again, or raise timeoutMs if the API is only slow${where ? ` (${where})` : ''}`);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's `AbortSignal` aborted the call (or the wait). */
export class AbortError extends MiniMaxError {
  constructor(options?: { cause?: unknown }) {
    super('The operation was aborted', options);
  }
}

/**
 * A 2xx answer the client cannot use: an empty, `null` or truncated body where the operation documents one, a body
 * that is not the JSON it announced, or an event stream where JSON was expected (and the reverse when it cannot be
 * read). For a read, try again (`isTransientError` is true: `waitFor` keeps polling); after a create, the job exists
 * without an id in hand (the create throws {@link OutcomeUnknownError} with this as `cause`).
 */
export class UnexpectedResponseError extends MiniMaxError {
  /** HTTP status of the answer. */
  declare readonly status: number;
  /** The answer's `Content-Type`, if any. */
  declare readonly contentType: string | undefined;
  /** operationId of the call, when there was one. */
  declare readonly operation: string | undefined;
  /** HTTP method. */
  declare readonly method: string;
  /** The concrete path of the call (ids filled in, no query). */
  declare readonly path: string;
  /** The start of the body as received (at most 500 characters), if any. */
  declare readonly body: string | undefined;
  constructor(
    message: string,
    init: { status: number; contentType?: string | undefined; operation?: string | undefined; method: string; path: string; body?: string | undefined },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    Object.assign(this, init);
  }
}

/** One invalid input field. */
export interface ValidationIssue {
  /** Field name (`prompt`, `file[2]`, …). */
  field: string;
  /** What is wrong (`is required`, `must be at most 2000 characters`, …). */
  message: string;
}

/** The input broke the spec's rules; nothing was sent. Also thrown by `parseWebhook` for an unknown payload. */
export class ValidationError extends MiniMaxError {
  /** Every problem found, one per field and rule. */
  declare readonly issues: ValidationIssue[];
  /** operationId of the call, when there was one. */
  declare readonly operation: string | undefined;
  constructor(issues: ValidationIssue[], operation?: string) {
    super(`Invalid input${operation ? ` for ${operation}` : ''}: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`);
    this.issues = issues;
    this.operation = operation;
  }
}

for (const [ctor, name] of [
  [ApiError, 'ApiError'],
  [BadRequestError, 'BadRequestError'],
  [UnauthorizedError, 'UnauthorizedError'],
  [NotFoundError, 'NotFoundError'],
  [InsufficientCreditsError, 'InsufficientCreditsError'],
  [ModeratedError, 'ModeratedError'],
  [RateLimitedError, 'RateLimitedError'],
  [UpstreamBusyError, 'UpstreamBusyError'],
  [AccountOnHoldError, 'AccountOnHoldError'],
  [ServerError, 'ServerError'],
  [ConnectionError, 'ConnectionError'],
  [TimeoutError, 'TimeoutError'],
  [AbortError, 'AbortError'],
  [ValidationError, 'ValidationError'],
  [UnexpectedResponseError, 'UnexpectedResponseError'],
] as const) brand(ctor, name);

/** The {@link ApiError} class for a status. */
export function apiErrorClass(status: number): typeof ApiError {
  const byStatus: Record<number, typeof ApiError> = {
    400: BadRequestError,
    401: UnauthorizedError,
    404: NotFoundError,
    412: InsufficientCreditsError,
    422: ModeratedError,
    429: RateLimitedError,
    502: UpstreamBusyError,
    504: UpstreamBusyError,
    596: AccountOnHoldError,
  };
  return byStatus[status] ?? (status >= 500 ? ServerError : ApiError);
}

// RFC 9110 §10.2.3: `Retry-After` is delta-seconds (digits only) or an HTTP-date in one of its three forms.
// Anything else is ignored rather than guessed at: `Number('0x10')` is 16 and `Date.parse('1, 2')` is a day in
// 2001, and either would make a caller wait for a hint the server never gave.
const DELTA_SECONDS = /^\d+$/;
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
const HTTP_DATES = [
  new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`), // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  new RegExp(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`), // RFC 850
];
const ASCTIME = new RegExp(`^${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}$`); // asctime: Sun Nov  6 08:49:37 1994 (GMT)

/** Milliseconds from a `Retry-After` header (delta-seconds or an HTTP-date); undefined when absent or malformed. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (DELTA_SECONDS.test(text)) return Number(text) * 1000;
  const date = HTTP_DATES.some((form) => form.test(text)) ? Date.parse(text) : ASCTIME.test(text) ? Date.parse(`${text} GMT`) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
