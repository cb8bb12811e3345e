// The transport under openapi-fetch: a per-call `fetch` that owns the timeout budget (headers and body), the
// caller's AbortSignal, the retry loop with the operation's policy, the hooks and the redacting logger.
// Middleware runs once per call (outside this loop); every attempt goes through here. A call's state lives in
// the closure of `startCall`; what it hands back once the headers are in is an `Answer` that owns the timer
// until the body is read.
import type { Env } from './core.js';
import { AbortError, ConnectionError, MiniMaxError, TimeoutError, UnexpectedResponseError, parseRetryAfter } from './errors.js';
import { MAX_RETRY_AFTER_MS, backoffMs, errorCode, nothingSent, retryableStatus, sleep } from './retry.js';
import { onAbortOf, startTimer } from './signals.js';

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

/**
 * What openapi-fetch builds instead of a `Request` when no middleware can see it (its `Request` option): the URL and the
 * `RequestInit` (method, headers as a real `Headers`, serialized body, signal, duplex, …), which the transport
 * sends as `fetch(url, init)`. A real `Request` would be built here and then copied again by undici inside
 * `fetch`; this skips both copies. Same URL, headers and body either way (tested per operation).
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

/** How one call is made, fixed when it starts. */
export interface CallSpec {
  /** operationId, when the call maps to an operation. */
  readonly operation: string | undefined;
  readonly method: string;
  /** Path template (`/music/{musicId}`). */
  readonly path: string;
  /** Whether a retry can never duplicate work. */
  readonly idempotent: boolean;
  /** The body is a stream: it can be sent once only, so the call is never retried. */
  readonly oneShot: boolean;
  readonly maxRetries: number;
  /** Budget of one attempt (headers and body; for streams the gap between chunks). */
  readonly timeoutMs: number;
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
}

/** The pieces a stream reader needs from its call: see {@link Answer.follow}. */
export interface StreamControl {
  /** Rejects with the typed error when the call aborts or its idle budget runs out. */
  guard: Promise<never>;
  /** A chunk arrived: restart the idle budget. */
  tick(): void;
  /** The stream ended or was cancelled: stop the timer and the listener. */
  release(): void;
  /** The typed error for whatever a read threw (a cut connection is a `ConnectionError`). */
  toError(error: unknown): unknown;
}

/**
 * A call whose headers are in, its budget still running: it owns the call's timer and abort listener until the
 * body has been read (`read`), handed to a stream reader (`follow`) or given up (`release`). Exactly one of them
 * is called.
 */
export interface Answer<T> {
  /** What the call resolved with (`{ data, error, response }`, as openapi-fetch's calls do). */
  readonly result: T;
  /** The final attempt's response. */
  readonly response: Response;
  /** The concrete request path relative to the base URL (ids and query filled in), token removed. */
  readonly url: string;
  /** Reads the body under the call's budget (timeout or abort reject at once, typed), then releases the call. */
  read<R>(reader: () => Promise<R>): Promise<R>;
  /** Hands the call to a stream reader (idle timeout per chunk). */
  follow(): StreamControl;
  /** Releases the call without reading. */
  release(): void;
}

const noop = () => {};

function connectionError(error: unknown, spec: CallSpec, url: string | undefined): ConnectionError {
  const code = errorCode(error);
  const where = url ?? spec.path;
  return new ConnectionError(`The connection failed or was cut (${spec.method} ${where}${code ? `, ${code}` : ''}): check the network or the base URL and try again`, { cause: error, code });
}

/** Removes the token from an error's message, stack, body and headers. */
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

function urlOf(input: Request | Draft | string): string {
  return typeof input === 'string' ? input : input.url;
}

/**
 * Starts a call: `start` issues it through openapi-fetch with the first attempt's signal and the transport as
 * `fetch`. Resolves, once `start` resolved, with an {@link Answer} whose budget is still running; rejects with a
 * MiniMaxError on abort, timeout (headers or body) or connection failure.
 */
export async function startCall<T>(
  env: Env,
  spec: CallSpec,
  start: (signal: AbortSignal, fetch: (input: Request | Draft) => Promise<Response>) => Promise<T>,
): Promise<Answer<T>> {
  const { signal } = spec;
  if (signal?.aborted) throw new AbortError({ cause: signal.reason });
  let ctl: AbortController;
  let attemptSignal: AbortSignal;
  /** Stops hearing the caller's signal (see arm). */
  let unlisten = noop;
  let clearTimer = noop;
  let timedOut = false;
  /** Headers arrived: the timer now covers reading the body. */
  let reading = false;
  let response: Response | undefined;
  let url: string | undefined;
  /** Rejects the call at once: on abort, or on a timeout while reading the body. */
  let fail: (error: unknown) => void = noop;
  /** Rejects the attempt in flight (a timeout before the headers), even with a fetch that ignores the signal. */
  let failAttempt: ((error: unknown) => void) | undefined;
  let released = false;

  /** The call's budget ran out: said with the concrete path once it is known. */
  const timeoutError = () => new TimeoutError(spec.timeoutMs, `${spec.method} ${url ?? spec.path}${spec.operation ? `, ${spec.operation}` : ''}`);
  /** The caller aborted: the attempt's own signal follows (fetch stops), and the call rejects at once. */
  const onAbort = () => {
    ctl.abort(signal!.reason);
    const error = new AbortError({ cause: signal!.reason });
    fail(error);
    failAttempt?.(error);
  };
  const onTimeout = () => {
    timedOut = true;
    const error = timeoutError();
    ctl.abort(error);
    if (reading) fail(error);
    else failAttempt?.(error);
  };
  const rearm = () => {
    clearTimer();
    clearTimer = startTimer(spec.timeoutMs, onTimeout);
  };
  /** Starts (or restarts) one attempt: a fresh controller (aborted by its timer or the caller's abort), its timer. */
  const arm = () => {
    release();
    released = false;
    ctl = new AbortController();
    attemptSignal = ctl.signal;
    timedOut = false;
    rearm();
    // Through the signal's one shared listener (onAbortOf): many concurrent calls on one signal add none of their own.
    if (signal) unlisten = onAbortOf(signal, onAbort);
  };
  function release() {
    if (released) return;
    released = true;
    clearTimer();
    clearTimer = noop;
    unlisten();
    unlisten = noop;
  }
  /**
   * Maps whatever a call threw onto the error hierarchy. `body`: the error came from reading an answer's body, where
   * anything a body stream throws (undici's `TypeError: terminated`, another fetch's own error) is a cut connection.
   * Before that, middleware's own errors pass through.
   */
  const toError = (error: unknown, body = false): unknown => {
    if (error instanceof MiniMaxError) return error;
    if (timedOut) return timeoutError();
    if (signal?.aborted) return new AbortError({ cause: signal.reason });
    if (error instanceof SyntaxError && response) {
      // A low-level call parsed a body that is not JSON (resource calls read bodies themselves).
      const { status, headers } = response;
      return new UnexpectedResponseError(`The answer is not valid JSON (${status} ${spec.method} ${url}): try again; if it persists the API or a proxy is broken`, { status, contentType: headers.get('content-type') ?? undefined, operation: spec.operation, method: spec.method, path: url ?? spec.path }, { cause: error });
    }
    if (error instanceof TypeError || (error instanceof Error && error.name === 'AbortError')) return connectionError(error, spec, url);
    if (body || (response && !env.middleware.length)) return connectionError(error, spec, url);
    return error;
  };
  const failed = (error: unknown, body = false) => {
    response?.body?.cancel().catch(noop);
    release();
    return scrub(env, toError(error, body));
  };

  /**
   * The retry loop. `first` is what openapi-fetch built: a {@link Draft}, sent as `fetch(url, init)` (its body is
   * a string, Blob, buffer or FormData that fetch can send again, or a stream that makes the call one-shot), or a
   * real Request (with middleware: its body is cloned before each attempt that may be followed by another).
   */
  const send = async (first: Request | Draft): Promise<Response> => {
    const { hooks } = env;
    const draft = first instanceof Draft;
    let input: Request | string = draft ? first.url : first;
    let init: RequestInit | undefined = draft ? first.init : undefined;
    const fullUrl = env.redact(urlOf(input));
    // The concrete path (ids filled in, query included) relative to the base URL, for messages and logs.
    url = fullUrl.startsWith(env.baseUrl) ? fullUrl.slice(env.baseUrl.length) : fullUrl;
    for (let attempt = 0; ; attempt++) {
      const more = attempt < spec.maxRetries && !spec.oneShot;
      // A Request body can be read once: keep a copy for the next attempt before this one consumes it.
      const spare = more && typeof input !== 'string' && input.body ? input.clone() : undefined;
      const event = hooks.onRequest || hooks.onResponse || hooks.onRetry ? eventOf(spec, fullUrl, attempt + 1) : undefined;
      if (hooks.onRequest) hooks.onRequest(event!);
      const started = Date.now();
      let answer: Response | undefined;
      let failure: MiniMaxError | undefined;
      try {
        answer = await new Promise<Response>((resolve, reject) => {
          failAttempt = reject;
          env.fetch(input, init).then(resolve, reject);
        });
      } catch (error) {
        failAttempt = undefined;
        if (signal?.aborted) throw new AbortError({ cause: signal.reason });
        failure = timedOut ? timeoutError() : error instanceof MiniMaxError ? error : connectionError(error, spec, url);
        // Idempotent calls retry any connection error or timeout; creates only what provably never left.
        const retry = more && (spec.idempotent || (failure instanceof ConnectionError && nothingSent(failure.code)));
        if (!retry) throw failure;
      }
      failAttempt = undefined;
      let delay: number;
      if (answer) {
        const { status } = answer;
        const durationMs = Date.now() - started;
        if (hooks.onResponse) hooks.onResponse({ ...event!, status, durationMs });
        if (env.debug) env.log('debug', debugLine(spec, url, answer, durationMs, attempt + 1));
        if (!more || !retryableStatus(status, spec.idempotent)) {
          reading = true;
          response = answer;
          return answer;
        }
        const hint = parseRetryAfter(answer.headers.get('retry-after'));
        delay = hint === undefined ? backoffMs(attempt) : Math.min(hint, MAX_RETRY_AFTER_MS);
        answer.body?.cancel().catch(noop);
      } else {
        delay = backoffMs(attempt);
      }
      clearTimer();
      if (hooks.onRetry) hooks.onRetry({ ...event!, delayMs: delay, status: answer?.status, error: failure });
      env.log('info', `${spec.method} ${url}: ${answer ? answer.status : failure?.message}; retry ${attempt + 1}/${spec.maxRetries} in ${Math.round(delay)} ms`);
      // A signal of this sleep's own, aborted through the caller's shared listener (see arm).
      const sleeper = signal ? new AbortController() : undefined;
      const unlistenSleep = sleeper ? onAbortOf(signal!, () => sleeper.abort(signal!.reason)) : noop;
      try {
        await sleep(delay, sleeper?.signal);
      } catch (reason) {
        throw new AbortError({ cause: reason });
      } finally {
        unlistenSleep();
      }
      arm();
      if (typeof input === 'string') init = { ...init, signal: attemptSignal };
      else input = new Request(spare ?? input, { signal: attemptSignal });
    }
  };

  arm();
  let result: T;
  try {
    // Settles with the call, or earlier through `fail` (abort; a body that outlives its budget).
    result = await new Promise<T>((resolve, reject) => {
      fail = reject;
      start(attemptSignal, send).then(resolve, reject);
    });
  } catch (error) {
    throw failed(error);
  }
  return {
    result,
    response: response ?? (result as { response: Response }).response,
    url: url ?? spec.path,
    async read<R>(reader: () => Promise<R>): Promise<R> {
      try {
        // One promise, settled by the reader or earlier through `fail` (a race against a second promise costs more).
        return await new Promise<R>((resolve, reject) => {
          fail = reject;
          reader().then(resolve, reject);
        });
      } catch (error) {
        throw failed(error, true);
      } finally {
        release();
      }
    },
    follow() {
      const guard = new Promise<never>((_, reject) => (fail = reject));
      guard.catch(noop);
      return { guard, tick: rearm, release, toError: (error) => scrub(env, toError(error, true)) };
    },
    release,
  };
}

function eventOf(spec: CallSpec, url: string, attempt: number): RequestEvent {
  return { method: spec.method, url, path: spec.path, operation: spec.operation, attempt };
}

/** `GET /music/user:1-… → 200 in 84 ms (getMusic, attempt 1, request id abc)`: never the token. */
function debugLine(spec: CallSpec, url: string, response: Response, durationMs: number, attempt: number): string {
  const requestId = response.headers.get('x-request-id') ?? response.headers.get('cf-ray');
  return `${spec.method} ${url} → ${response.status} in ${durationMs} ms (${spec.operation ?? spec.path}, attempt ${attempt}${requestId ? `, request id ${requestId}` : ''})`;
}
