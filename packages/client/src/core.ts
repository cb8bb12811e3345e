// The core: options, the token, redaction, logging and the transport's settings, over one openapi-fetch client.
// No operation table: the per-operation functions (src/generated/functions.ts) take a core as their first
// argument, so an app ships the core plus the operations it calls. `createMiniMaxClient` is built on a core, and a
// client is accepted wherever a core is.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ValidationError, type ValidationIssue } from './errors.js';
import { type LogLevel, type Log, type Logger, createLog, enabled } from './logger.js';
import { serializePath } from './path-serializer.js';
import type { ClientHooks } from './transport.js';

/** The production base URL. */
export const DEFAULT_BASE_URL = 'https://api.useapi.net/v1/minimax';
const API_HOST = 'api.useapi.net';

/** Options of {@link createMiniMaxCore} and `createMiniMaxClient`. */
export interface ClientOptions {
  /**
   * The useapi.net API token (`user:<number>-<alphanumeric>`, whole and not URL-encoded; surrounding whitespace is
   * trimmed). Defaults to `USEAPI_TOKEN` from the environment (Node). Keep it out of browsers.
   */
  token?: string | undefined;
  /** Base URL (default `https://api.useapi.net/v1/minimax`); point it at the mock server or your own proxy. */
  baseUrl?: string | undefined;
  /** Default `account` for every call that takes one (needed once several accounts are configured). */
  account?: string | undefined;
  /**
   * The `fetch` to use (default: `globalThis.fetch`, looked up at each call so MSW and similar can patch it).
   * Called like the global one: `fetch(request)` or `fetch(url, init)`.
   */
  fetch?: ((input: Request | string, init?: RequestInit) => Promise<Response>) | undefined;
  /** Retries per call (default 2). What is retryable depends on the operation: creates are never retried on 5xx. */
  maxRetries?: number | undefined;
  /**
   * Budget of one attempt, headers and body, in ms (default 60 000; uploads and synchronous agent runs get ≥ 20 min).
   * `Infinity` means no limit.
   */
  timeoutMs?: number | undefined;
  /** openapi-fetch middleware (`onRequest`/`onResponse`/`onError`), run once per call around all its attempts. */
  middleware?: Middleware[] | undefined;
  /** Observability hooks per attempt: `onRequest`, `onResponse`, `onRetry`. */
  hooks?: ClientHooks | undefined;
  /** Where log lines go (default `console`). Lines never contain the token. */
  logger?: Logger | undefined;
  /** Log level (default `USEAPI_MINIMAX_LOG` from the environment, else `warn`). */
  logLevel?: LogLevel | undefined;
  /** Validate input against the spec before sending (default true). */
  validate?: boolean | undefined;
  /**
   * Silences the warning logged when a token is configured in a browser for the real API. Set it only for a
   * token that is safe to expose (a test token of the mock server); a real token unlocks every useapi.net API.
   */
  allowBrowserToken?: boolean | undefined;
}

/** What a view made by `withOptions` may change: its defaults. Transport, connections, middleware and hooks are shared. */
export interface ViewOptions {
  /** Default `account` of the view's calls (`undefined` keeps the current one). */
  account?: string | undefined;
  /** Headers added to every call of the view (after the parent's). */
  headers?: Record<string, string> | undefined;
  /** Retries per call. */
  maxRetries?: number | undefined;
  /** Budget of one attempt, in ms. */
  timeoutMs?: number | undefined;
  /** Validate input before sending. */
  validate?: boolean | undefined;
}

/**
 * What every operation function takes first: the transport, auth, retries and errors (`createMiniMaxCore`). A
 * `MiniMaxClient` is one too.
 */
export interface MiniMaxCore {
  /** The base URL calls go to (no trailing slash). */
  readonly baseUrl: string;
  /** The default `account` of this core's calls, if any. */
  readonly account: string | undefined;
  /**
   * A view of this core (a client's view is a client) with other defaults, sharing its transport, middleware and
   * hooks: `const other = client.withOptions({ account: '987654321' })`. Cheap; nothing is copied but settings.
   */
  withOptions(options: ViewOptions): this;
}

/** The internal state of a core or view: what the transport and the operations read. Not public. */
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
  /** Headers of the view (`withOptions({ headers })`), added to every call. */
  headers: Record<string, string> | undefined;
  /** The middleware registered on the client (while there is any, openapi-fetch builds real Requests). */
  middleware: Middleware[];
  /** A token is configured (the 401 message says whether one was sent at all). */
  hasToken: boolean;
  baseUrl: string;
  api: Client<any>;
  /** Log lines already written once (`warnOnce`). */
  warned: Set<string>;
  /** Builds the public object of a view (a core, or a client). */
  build: (env: Env) => MiniMaxCore;
}

const CORE = Symbol.for('useapi-minimax.core');

/** The state behind a core or client; a clear TypeError for anything else. */
export function envOf(core: MiniMaxCore): Env {
  const env = (core as unknown as Record<symbol, Env> | undefined)?.[CORE];
  if (!env) throw new TypeError('Expected a MiniMax core or client (createMiniMaxCore() or createMiniMaxClient())');
  return env;
}

/** Writes a line once per core and key (later copies are dropped). */
export function warnOnce(env: Env, key: string, message: string): void {
  if (env.warned.has(key)) return;
  env.warned.add(key);
  env.log('warn', message);
}

/** Attaches `env` to a public object, so operation functions can read it. */
export function attach<T extends object>(target: T, env: Env): T {
  Object.defineProperty(target, CORE, { value: env });
  return target;
}

/** Issues with a per-attempt budget (`timeoutMs`: > 0, `Infinity` for none) or a retry count. */
export function settingIssues(values: { timeoutMs?: unknown; maxRetries?: unknown }, issues: ValidationIssue[] = []): ValidationIssue[] {
  const { timeoutMs, maxRetries } = values;
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0)) {
    issues.push({ field: 'timeoutMs', message: 'must be a number of ms > 0 (Infinity for no limit)' });
  }
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && (maxRetries as number) >= 0)) {
    issues.push({ field: 'maxRetries', message: 'must be a whole number ≥ 0' });
  }
  return issues;
}

/** Whether a base URL points at the real API (any port, case or trailing dot of its host). */
function isRealApi(baseUrl: string): boolean {
  try {
    return new URL(baseUrl, 'http://localhost').hostname.replace(/\.$/, '') === API_HOST;
  } catch {
    return false;
  }
}

/** What is wrong with a token, if anything (never quoting it). */
function tokenIssue(token: string | undefined, realApi: boolean): string | undefined {
  if (token === undefined || token === '') {
    return realApi
      ? 'is missing: pass createMiniMaxClient({ token }) or set USEAPI_TOKEN (in a browser, point baseUrl at your own proxy, which adds it)'
      : undefined;
  }
  if (/%[0-9a-f]{2}/i.test(token)) return 'is URL-encoded (it contains %-escapes): pass it exactly as useapi.net shows it, starting with "user:"';
  if (/^bearer\s/i.test(token)) return 'starts with "Bearer": pass the token alone (starting with "user:"); the client adds the Authorization header';
  if (/\s/.test(token)) return 'contains whitespace: pass the whole token exactly as useapi.net shows it, on one line';
  if (!token.startsWith('user:')) return 'must start with "user:": pass the whole token exactly as useapi.net shows it';
  return undefined;
}

function viewOf(env: Env, options: ViewOptions): Env {
  const issues = settingIssues(options);
  if (issues.length) throw new ValidationError(issues, 'withOptions');
  const view: Record<string, unknown> = { ...env };
  for (const key of ['account', 'maxRetries', 'timeoutMs', 'validate'] as const) if (options[key] !== undefined) view[key] = options[key];
  if (options.headers !== undefined) view.headers = { ...env.headers, ...options.headers };
  return view as unknown as Env;
}

/** The public core object of an env. */
export function coreObject(env: Env): MiniMaxCore {
  return attach(
    {
      baseUrl: env.baseUrl,
      account: env.account,
      withOptions(options: ViewOptions) {
        const view = viewOf(env, options);
        return view.build(view);
      },
    },
    env,
  ) as MiniMaxCore;
}

/**
 * The state of a new core: reads the token (`USEAPI_TOKEN` by default), checks it, and sets up logging and the
 * openapi-fetch client. Throws `ValidationError` (nothing sent) for a missing token on the real API, a token
 * without `user:`, a URL-encoded token, or an invalid `timeoutMs`/`maxRetries`.
 */
export function createEnv(options: ClientOptions, build: (env: Env) => MiniMaxCore): Env {
  const vars = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  // A line end or padding copied with the token (a .env file) is not part of it; blank means none.
  const token = (options.token ?? vars?.USEAPI_TOKEN)?.trim() || undefined;
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const realApi = isRealApi(baseUrl);
  const issues = settingIssues(options);
  const bad = tokenIssue(token, realApi);
  if (bad) issues.unshift({ field: 'token', message: bad });
  if (issues.length) throw new ValidationError(issues, 'createMiniMaxClient');
  // Runs on every request's URL: the encoded form is computed once (replaceAll is cheaper than split + join).
  const encoded = token && encodeURIComponent(token);
  const redact = (text: string) => (token ? text.replaceAll(token, '[redacted]').replaceAll(encoded!, '[redacted]') : text);
  const level = options.logLevel ?? (vars?.USEAPI_MINIMAX_LOG as LogLevel | undefined) ?? 'warn';
  const log = createLog(options.logger ?? globalThis.console, level, redact);
  // A token in a page is readable by any script on it; warn when it would go to the real API.
  if (token && typeof document !== 'undefined' && !options.allowBrowserToken && realApi) {
    log('warn', 'an API token is configured in a browser: it unlocks every useapi.net API; use a server-side proxy (or allowBrowserToken for a mock token)');
  }
  const api = createClient<any>({ baseUrl, headers: token ? { Authorization: `Bearer ${token}` } : {}, pathSerializer: serializePath });
  const env: Env = {
    fetch: (input, init) => (options.fetch ?? globalThis.fetch)(input, init),
    debug: enabled('debug', level),
    middleware: [],
    maxRetries: options.maxRetries ?? 2,
    timeoutMs: options.timeoutMs ?? 60_000,
    hooks: options.hooks ?? {},
    log,
    redact,
    account: options.account,
    validate: options.validate !== false,
    headers: undefined,
    hasToken: !!token,
    baseUrl,
    api,
    warned: new Set(),
    build,
  };
  if (options.middleware) use(env, ...options.middleware);
  return env;
}

/** Registers middleware on the core's openapi-fetch client (and, so the transport knows, on the env). */
export function use(env: Env, ...added: Middleware[]): void {
  env.api.use(...added);
  env.middleware.push(...added.filter(Boolean));
}

/** Removes middleware. */
export function eject(env: Env, ...removed: Middleware[]): void {
  env.api.eject(...removed);
  for (const m of removed) if (env.middleware.includes(m)) env.middleware.splice(env.middleware.indexOf(m), 1);
}

/**
 * Creates a core: the transport, auth, retries, timeouts, errors and logging, with no operations attached.
 * Pass it to the per-operation functions (`getMusic(core, musicId)`, `createMusic(core, input)`) and to
 * `waitForJob`/`pollJob`/`findCreated`: a bundle then holds only the operations it calls. Same options as
 * `createMiniMaxClient`.
 */
export function createMiniMaxCore(options: ClientOptions = {}): MiniMaxCore {
  return coreObject(createEnv(options, coreObject));
}
