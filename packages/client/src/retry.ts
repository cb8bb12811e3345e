// The retry policy: what may be retried for an operation, how long to wait, and an abortable sleep.

/** Statuses an idempotent call retries. */
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
/** Error codes that mean the request never left: nothing was sent, so even a create may be retried. */
const NOTHING_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT'];

/** First backoff step, in ms. */
export const BASE_DELAY_MS = 500;
/** Largest backoff step, in ms. */
export const MAX_DELAY_MS = 8_000;
/** `Retry-After` is honoured up to this many ms (longer hints are capped). */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Whether a status may be retried. Idempotent calls: 408, 429, 500, 502, 503, 504. Creates: only 429 (no slot was
 * free, so nothing was queued): a 502/504 on a create may have queued the paid job. 412, 422 and 596 never.
 */
export function retryableStatus(status: number, idempotent: boolean): boolean {
  return idempotent ? RETRY_STATUSES.includes(status) : status === 429;
}

/** The first string `code` in an error's `cause` chain (`ECONNREFUSED`, `UND_ERR_SOCKET`, …). */
export function errorCode(error: unknown): string | undefined {
  for (let e: any = error, depth = 0; e && depth < 8; e = e.cause, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/** Whether a connection error code proves that no byte of the request was sent (DNS failure, refused). */
export function nothingSent(code: string | undefined): boolean {
  return code !== undefined && NOTHING_SENT.includes(code);
}

/** Exponential backoff with full jitter: a random delay in [0, min(8 s, 0.5 s × 2^attempt)). */
export function backoffMs(attempt: number): number {
  return Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
}

/** Resolves after `ms`; rejects with the signal's reason as soon as it aborts (the timer is cleared). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
