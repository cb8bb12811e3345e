// createMiniMaxClient: openapi-fetch's typed low-level calls and the resource methods, over one transport.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { MiniMaxError } from './errors.js';
import { operations } from './generated/operations.js';
import type { MiniMaxResources } from './generated/resources.js';
import type { paths } from './generated/schema.js';
import { type LogLevel, type Logger, createLog, enabled } from './logger.js';
import type { OperationDescriptor } from './operation-descriptor.js';
import { serializePath } from './path-serializer.js';
import { buildResources } from './resources.js';
import { type ClientHooks, type Env, newCall, requestClass, run } from './transport.js';

/** The production base URL. */
export const DEFAULT_BASE_URL = 'https://api.useapi.net/v1/minimax';

/** Options of {@link createMiniMaxClient}. */
export interface ClientOptions {
  /** The useapi.net API token (`user:…`). Defaults to `USEAPI_TOKEN` from the environment (Node). Keep it out of browsers. */
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
  /** Budget of one attempt, headers and body, in ms (default 60 000; uploads and synchronous agent runs get ≥ 20 min). */
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

/** The low-level, fully typed calls of openapi-fetch (`{ data, error, response }`), through the client's transport. */
export type LowLevelClient = Pick<Client<paths>, 'GET' | 'POST' | 'DELETE' | 'use' | 'eject'>;

/** The client: `client.GET('/music/{musicId}', …)` and `client.music.get(musicId)` alike. */
export type MiniMaxClient = LowLevelClient & MiniMaxResources;

/**
 * Creates a client. Resource methods return the parsed body and throw typed errors (`ApiError` subclasses,
 * `ValidationError`, `TimeoutError`, …); the low-level `GET`/`POST`/`DELETE` keep openapi-fetch's `{ data, error, response }`.
 */
export function createMiniMaxClient(options: ClientOptions = {}): MiniMaxClient {
  const env0 = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const token = options.token ?? env0?.USEAPI_TOKEN;
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const redact = (text: string) =>
    token ? text.split(token).join('[redacted]').split(encodeURIComponent(token)).join('[redacted]') : text;
  const level = options.logLevel ?? (env0?.USEAPI_MINIMAX_LOG as LogLevel | undefined) ?? 'warn';
  const log = createLog(options.logger ?? globalThis.console, level, redact);
  if (!token && baseUrl === DEFAULT_BASE_URL) throw new MiniMaxError('No API token: pass createMiniMaxClient({ token }) or set USEAPI_TOKEN');
  if (token && !token.startsWith('user:')) log('warn', 'the token does not start with "user:" (send it whole and not URL-encoded); expect 401');
  // A token in a page is readable by any script on it; warn when it would go to the real API.
  if (token && typeof document !== 'undefined' && !options.allowBrowserToken && new URL(baseUrl, 'http://localhost').host === new URL(DEFAULT_BASE_URL).host) {
    log('warn', 'an API token is configured in a browser: it unlocks every useapi.net API; use a server-side proxy (or allowBrowserToken for a mock token)');
  }

  const middleware: Middleware[] = [];
  const env: Env = {
    fetch: (input, init) => (options.fetch ?? globalThis.fetch)(input, init),
    debug: enabled('debug', level),
    middleware,
    maxRetries: options.maxRetries ?? 2,
    timeoutMs: options.timeoutMs ?? 60_000,
    hooks: options.hooks ?? {},
    log,
    redact,
    account: options.account,
    validate: options.validate !== false,
  };
  const api = createClient<paths>({
    baseUrl,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    pathSerializer: serializePath,
  });
  const use = (...added: Middleware[]) => {
    api.use(...added);
    middleware.push(...added.filter(Boolean));
  };
  const eject = (...removed: Middleware[]) => {
    api.eject(...removed);
    for (const m of removed) if (middleware.includes(m)) middleware.splice(middleware.indexOf(m), 1);
  };
  if (options.middleware) use(...options.middleware);

  const routes = new Map<string, [string, OperationDescriptor]>();
  for (const [id, op] of Object.entries(operations as Record<string, OperationDescriptor>)) routes.set(`${op.method} ${op.path}`, [id, op]);
  const lowLevel =
    (method: 'GET' | 'POST' | 'DELETE') =>
    (path: string, init: Record<string, any> = {}) => {
      const [id, op] = routes.get(`${method} ${path}`) ?? [];
      const call = newCall(env, id, method, path, op ? op.idempotent : method !== 'POST', init);
      call.oneShot = typeof ReadableStream !== 'undefined' && init.body instanceof ReadableStream;
      return run(env, call, (signal, fetch) => (api as any)[method](path, { Request: requestClass(env, init.middleware), ...init, signal, fetch }));
    };

  return {
    GET: lowLevel('GET'),
    POST: lowLevel('POST'),
    DELETE: lowLevel('DELETE'),
    use,
    eject,
    ...buildResources(env, api),
  } as unknown as MiniMaxClient;
}
