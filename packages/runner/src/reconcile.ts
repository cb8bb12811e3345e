// What a create's failure means for the paid job, and the lookup that settles an "outcome unknown".
// A create that failed before anything was sent, or that the API refused with a status that proves nothing was
// queued (400, 401, 404, 412, 422, 429, 596), created nothing. Anything else after sending (502/504, a timeout,
// a lost connection, another 5xx, an answer without an id) may have created the job: the runner looks it up
// with the client's `findCreated` (scheduler while running, the resource's list afterwards) before it decides,
// and creates again only when the lookup proves that nothing exists.
import {
  AbortError,
  AccountOnHoldError,
  ApiError,
  ConnectionError,
  InsufficientCreditsError,
  ModeratedError,
  RateLimitedError,
  ValidationError,
  type CreatedLookup,
  type CreatedTarget,
  type FindCreatedOptions,
} from '@useapi-minimax/client';

export type { CreatedLookup, CreatedTarget };

/** The lookup (default: `client.findCreated`, with the runner's `lookup` options). */
export type FindCreated = (target: CreatedTarget, options?: FindCreatedOptions) => Promise<CreatedLookup>;

/** How the runner reads a create's failure. */
export type CreateFailure =
  /** Nothing was created; place the job again (another account, or later). */
  | { kind: 'retry'; reason: 'rate-limited'; retryAfterMs: number | undefined }
  | { kind: 'retry'; reason: 'out-of-credits' | 'on-hold' | 'not-sent'; retryAfterMs?: undefined }
  /** Nothing was created and the job cannot run: it ends. */
  | { kind: 'end'; outcome: 'moderated' | 'failed'; message: string }
  /** The job may exist: look it up. */
  | { kind: 'unknown'; reason: string };

/** Codes of connection errors that prove no byte of the request left (the client's own list). */
const NOTHING_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT'];

/** Classifies what a create threw. */
export function classifyCreateError(error: unknown): CreateFailure {
  const name = (error as { name?: string } | undefined)?.name;
  // The client's OutcomeUnknownError (issue #10): said in so many words.
  if (name === 'OutcomeUnknownError') return { kind: 'unknown', reason: (error as Error).message };
  if (error instanceof ValidationError) return { kind: 'end', outcome: 'failed', message: error.message };
  if (error instanceof RateLimitedError) return { kind: 'retry', reason: 'rate-limited', retryAfterMs: error.retryAfterMs };
  if (error instanceof InsufficientCreditsError) return { kind: 'retry', reason: 'out-of-credits' };
  if (error instanceof AccountOnHoldError) return { kind: 'retry', reason: 'on-hold' };
  if (error instanceof ModeratedError) return { kind: 'end', outcome: 'moderated', message: error.message };
  if (error instanceof ConnectionError && error.code !== undefined && NOTHING_SENT.includes(error.code)) return { kind: 'retry', reason: 'not-sent' };
  if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408) {
    return { kind: 'end', outcome: 'failed', message: error.message };
  }
  if (error instanceof AbortError) return { kind: 'unknown', reason: 'the create was aborted while it may have been sent' };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unknown', reason: `${name ?? 'Error'}: ${message}` };
}
