// The transport under openapi-fetch: a per-call `fetch` that owns the timeout budget (headers and body), the
// caller's AbortSignal, the retry loop with the operation's policy, the hooks and the redacting logger.
// Middleware runs once per call (outside this loop); every attempt goes through here.
import { AbortError, ConnectionError, MiniMaxError, TimeoutError, parseRetryAfter } from './errors.js';
import type { Log } from './logger.js';
import { MAX_RETRY_AFTER_MS, backoffMs, errorCode, nothingSent, retryableStatus, sleep } from './retry.js';

/** What every hook receives about an attempt. */
export interface RequestEvent {
  /** HTTP method. */
  method: string;
  /** The request URL (never contains the token). */
  url: string;
  /** Path template (`/music/{musicId}`). */
  path: string;
  /** operationId, when the call maps to an operation. */
  operation: string | undefined;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
}
/** A response arrived (any status). */
export interface ResponseEvent extends RequestEvent {
  /** HTTP status. */
  status: number;
  /** Time to headers, in ms. */
  durationMs: number;
}
/** A retry is about to sleep. */
export interface RetryEvent extends RequestEvent {
  /** The sleep before the next attempt, in ms. */
  delayMs: number;
  /** The status that is retried, if any. */
  status?: number | undefined;
  /** The error that is retried (connection error or timeout), if any. */
  error?: MiniMaxError | undefined;
}
/** Observability hooks, called per attempt. Exceptions thrown by hooks propagate. */
export interface ClientHooks {
  /** Before each attempt is sent. */
  onRequest?: ((event: RequestEvent) => void) | undefined;
  /** When each attempt's headers arrive. */
  onResponse?: ((event: ResponseEvent) => void) | undefined;
  /** Before each retry's sleep. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

/** What the transport needs from the client. */
export interface Env {
  fetch: (input: Request | string, init?: RequestInit) => Promise<Response>;
  /** Whether debug lines are wanted (skips building them otherwise). */
  debug: boolean;
  maxRetries: number;
  timeoutMs: number;
  hooks: ClientHooks;
  log: Log;
  redact: (text: string) => string;
  account: string | undefined;
  validate: boolean;
  /** The middleware registered on the client (while there is any, openapi-fetch builds real Requests). */
  middleware: readonly unknown[];
}

/**
 * What openapi-fetch builds instead of a `Request` when no middleware can see it (its `Request` option): the URL
 * and the `RequestInit` it computed (method, headers as a real `Headers`, serialized body, signal, duplex, …),
 * which the transport sends as `fetch(url, init)`. A real `Request` would be built here and then copied again
 * by undici inside `fetch`; this skips both copies. Same URL, headers and body either way (tested per operation).
 */
export class Draft {
  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {}
  get method(): string {
    return this.init.method ?? 'GET';
  }
  get headers(): Headers {
    return this.init.headers as Headers;
  }
  get body(): BodyInit | null | undefined {
    return this.init.body;
  }
  get signal(): AbortSignal | null | undefined {
    return this.init.signal;
  }
}

/**
 * openapi-fetch's `Request` option for one call: a {@link Draft} unless middleware (the client's, or the call's
 * own `middleware`) may read the request or rebuild it with `new Request(request, …)`; then the real one.
 */
export function requestClass(env: Env, callMiddleware?: readonly unknown[]): typeof Draft | undefined {
  return env.middleware.length || callMiddleware?.length ? undefined : Draft;
}

/** The state of one call (all its attempts). */
export interface Call {
  readonly operation: string | undefined;
  readonly method: string;
  readonly path: string;
  readonly idempotent: boolean;
  /** The body is a stream: it can be sent once only, so the call is never retried. */
  oneShot: boolean;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
  /** The current attempt's controller (aborted by its timer) and signal (⊕ the caller's). */
  ctl: AbortController;
  sig: AbortSignal;
  timer: ReturnType<typeof setTimeout> | undefined;
  timedOut: boolean;
  /** Headers arrived: the timer now covers reading the body. */
  reading: boolean;
  response: Response | undefined;
  /** Rejects the call at once: on abort, or on a timeout while reading the body. */
  fail: (error: unknown) => void;
  /** Rejects the attempt in flight (a timeout before the headers), even with a fetch that ignores the signal. */
  failAttempt: ((error: unknown) => void) | undefined;
  /** A promise that rejects through `fail`, for readers of an event stream after the call resolved. */
  guard: Promise<never> | undefined;
  onAbort: (() => void) | undefined;
}

const noop = () => {};

/** A new call state; `options` override the client's retries and timeout. */
export function newCall(
  env: Env,
  operation: string | undefined,
  method: string,
  path: string,
  idempotent: boolean,
  options: { signal?: AbortSignal | null | undefined; timeoutMs?: number | undefined; maxRetries?: number | undefined },
  minTimeoutMs = 0,
): Call {
  return {
    operation,
    method,
    path,
    idempotent,
    oneShot: false,
    maxRetries: options.maxRetries ?? env.maxRetries,
    timeoutMs: options.timeoutMs ?? Math.max(env.timeoutMs, minTimeoutMs),
    signal: options.signal ?? undefined,
    ctl: undefined as never,
    sig: undefined as never,
    timer: undefined,
    timedOut: false,
    reading: false,
    response: undefined,
    fail: noop,
    failAttempt: undefined,
    guard: undefined,
    onAbort: undefined,
  };
}

/** Starts (or restarts) the timer of one attempt, with a fresh controller. */
function arm(call: Call): void {
  if (call.onAbort) (call.sig as AbortSignal | undefined)?.removeEventListener('abort', call.onAbort);
  call.ctl = new AbortController();
  call.sig = call.signal ? AbortSignal.any([call.signal, call.ctl.signal]) : call.ctl.signal;
  // The caller's abort is heard through this attempt's own signal, never through a listener on the caller's:
  // one signal shared by many concurrent calls collects no listeners (nor Node's MaxListenersExceededWarning).
  if (call.onAbort) call.sig.addEventListener('abort', call.onAbort);
  call.timedOut = false;
  rearm(call);
}

/** Restarts the current attempt's timer (event streams call it on every chunk: an idle timeout). */
export function rearm(call: Call): void {
  clearTimeout(call.timer);
  call.timer = setTimeout(() => {
    call.timedOut = true;
    const error = new TimeoutError(call.timeoutMs);
    call.ctl.abort(error);
    if (call.reading) call.fail(error);
    else call.failAttempt?.(error);
  }, call.timeoutMs);
}

/** Stops the timer and the abort listener of a finished call. */
export function release(call: Call): void {
  clearTimeout(call.timer);
  if (call.onAbort) call.sig?.removeEventListener('abort', call.onAbort);
}

/** Maps whatever a call threw onto the error hierarchy (middleware's own errors pass through). */
function toError(error: unknown, call: Call): unknown {
  if (error instanceof MiniMaxError) return error;
  if (call.timedOut) return new TimeoutError(call.timeoutMs);
  if (call.signal?.aborted) return new AbortError({ cause: call.signal.reason });
  if (error instanceof SyntaxError) return new MiniMaxError(`Invalid JSON in the answer of ${call.method} ${call.path}`, { cause: error });
  if (error instanceof TypeError) return connectionError(error, call);
  return error;
}

function connectionError(error: unknown, call: Call): ConnectionError {
  const code = errorCode(error);
  return new ConnectionError(`Connection failed: ${call.method} ${call.path}${code ? ` (${code})` : ''}`, { cause: error, code });
}

/** Removes the token from an error's message, stack and body. */
export function scrub<E>(env: Env, error: E): E {
  if (error instanceof MiniMaxError) {
    error.message = env.redact(error.message);
    if (error.stack) error.stack = env.redact(error.stack);
    const body = (error as { body?: unknown }).body;
    if (body !== undefined) {
      const json = JSON.stringify(body);
      if (env.redact(json) !== json) (error as { body?: unknown }).body = JSON.parse(env.redact(json));
    }
  }
  return error;
}

/**
 * Runs one call: `start` issues it through openapi-fetch with the first attempt's signal and the transport as
 * `fetch`. Resolves with its result; rejects with a MiniMaxError on abort, timeout (headers or body) or
 * connection failure. With `keep`, a successful call keeps its timer and listener (event streams release them).
 */
export async function run<T>(
  env: Env,
  call: Call,
  start: (signal: AbortSignal, fetch: (input: Request | Draft) => Promise<Response>) => Promise<T>,
  keep = false,
): Promise<T> {
  const { signal } = call;
  if (signal?.aborted) throw new AbortError({ cause: signal.reason });
  if (signal) {
    call.onAbort = () => {
      // The attempt's signal also aborts on its timeout: only the caller's abort is an AbortError.
      if (!signal.aborted) return;
      const error = new AbortError({ cause: signal.reason });
      call.fail(error);
      call.failAttempt?.(error);
    };
  }
  arm(call);
  let ok = false;
  try {
    // Settles with the call, or earlier through `call.fail` (abort; a body that outlives its budget).
    const result = await new Promise<T>((resolve, reject) => {
      call.fail = reject;
      start(call.sig, (input) => send(env, call, input)).then(resolve, reject);
    });
    if (keep) {
      call.guard = new Promise<never>((_, reject) => (call.fail = reject));
      call.guard.catch(noop);
    }
    ok = true;
    return result;
  } catch (error) {
    call.response?.body?.cancel().catch(noop);
    throw scrub(env, toError(error, call));
  } finally {
    if (!ok || !keep) release(call);
  }
}

function event(call: Call, input: Request | string, attempt: number, env: Env): RequestEvent {
  return { method: call.method, url: env.redact(typeof input === 'string' ? input : input.url), path: call.path, operation: call.operation, attempt };
}

/**
 * The retry loop. `first` is what openapi-fetch built: a {@link Draft}, sent as `fetch(url, init)` (its body is
 * a string, Blob, buffer or FormData that fetch can send again, or a stream that makes the call one-shot), or a
 * real Request (with middleware: its body is cloned before each attempt that may be followed by another).
 */
async function send(env: Env, call: Call, first: Request | Draft): Promise<Response> {
  const { hooks } = env;
  const draft = first instanceof Draft;
  let input: Request | string = draft ? first.url : first;
  let init: RequestInit | undefined = draft ? first.init : undefined;
  for (let attempt = 0; ; attempt++) {
    const more = attempt < call.maxRetries && !call.oneShot;
    // A Request body can be read once: keep a copy for the next attempt before this one consumes it.
    const spare = more && typeof input !== 'string' && input.body ? input.clone() : undefined;
    if (hooks.onRequest) hooks.onRequest(event(call, input, attempt + 1, env));
    const started = Date.now();
    let response: Response | undefined;
    let failure: MiniMaxError | undefined;
    try {
      response = await new Promise<Response>((resolve, reject) => {
        call.failAttempt = reject;
        env.fetch(input, init).then(resolve, reject);
      });
    } catch (error) {
      call.failAttempt = undefined;
      if (call.signal?.aborted) throw new AbortError({ cause: call.signal.reason });
      failure = call.timedOut ? new TimeoutError(call.timeoutMs) : error instanceof MiniMaxError ? error : connectionError(error, call);
      // Idempotent calls retry any connection error or timeout; creates only what provably never left.
      const retry = more && (call.idempotent || (failure instanceof ConnectionError && nothingSent(failure.code)));
      if (!retry) throw failure;
    }
    call.failAttempt = undefined;
    let delay: number;
    if (response) {
      const { status } = response;
      if (hooks.onResponse) hooks.onResponse({ ...event(call, input, attempt + 1, env), status, durationMs: Date.now() - started });
      if (env.debug) env.log('debug', `${call.method} ${call.path} → ${status} (attempt ${attempt + 1})`);
      if (!more || !retryableStatus(status, call.idempotent)) {
        call.reading = true;
        call.response = response;
        return response;
      }
      const hint = parseRetryAfter(response.headers.get('retry-after'));
      delay = hint === undefined ? backoffMs(attempt) : Math.min(hint, MAX_RETRY_AFTER_MS);
      response.body?.cancel().catch(noop);
    } else {
      delay = backoffMs(attempt);
    }
    clearTimeout(call.timer);
    if (hooks.onRetry) hooks.onRetry({ ...event(call, input, attempt + 1, env), delayMs: delay, status: response?.status, error: failure });
    env.log('info', `${call.method} ${call.path}: ${response ? response.status : failure?.message}; retry ${attempt + 1}/${call.maxRetries} in ${Math.round(delay)} ms`);
    try {
      // A signal of this sleep's own (see arm): no listener on the caller's.
      await sleep(delay, call.signal && AbortSignal.any([call.signal]));
    } catch (reason) {
      throw new AbortError({ cause: reason });
    }
    arm(call);
    if (typeof input === 'string') init = { ...init, signal: call.sig };
    else input = new Request(spare ?? input, { signal: call.sig });
  }
}
