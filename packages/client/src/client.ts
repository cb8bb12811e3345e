// createMiniMaxClient: a core with every operation attached by tag (`client.music.get`) and openapi-fetch's typed
// low-level calls (`client.GET('/music/{musicId}', …)`), over the core's one transport.
import type { Client, Middleware } from 'openapi-fetch';
import { coreObject, createEnv, eject, use, type ClientOptions, type Env, type MiniMaxCore } from './core.js';
import { operations } from './generated/operations.js';
import type { MiniMaxResources } from './generated/resources.js';
import type { paths } from './generated/schema.js';
import { findCreated, type CreatedLookup, type CreatedTarget, type FindCreatedOptions } from './find-created.js';
import type { OutcomeUnknownError } from './errors.js';
import type { OperationDescriptor } from './operation-descriptor.js';
import { buildResources } from './resources.js';
import { requestClass, startCall } from './transport.js';

export { DEFAULT_BASE_URL } from './core.js';
export type { ClientOptions } from './core.js';

/** The low-level, fully typed calls of openapi-fetch (`{ data, error, response }`), through the client's transport. */
export type LowLevelClient = Pick<Client<paths>, 'GET' | 'POST' | 'DELETE' | 'use' | 'eject'>;

/** What the client adds to its resources: the lookup of a create whose outcome is unknown. */
export interface ClientHelpers {
  /**
   * Looks up the job of a create that threw `OutcomeUnknownError`, without creating anything: `GET /scheduler` by
   * `replyRef` while it runs, the resource's list (prompt and time window) afterwards. See `findCreated`.
   */
  findCreated(target: OutcomeUnknownError | CreatedTarget, options?: FindCreatedOptions): Promise<CreatedLookup>;
}

/** The client: `client.music.get(musicId)`, `client.GET('/music/{musicId}', …)`, and a core for every operation function. */
export type MiniMaxClient = MiniMaxCore & LowLevelClient & MiniMaxResources & ClientHelpers;

let routes: Map<string, [string, OperationDescriptor]> | undefined;
function routeOf(method: string, path: string): [string, OperationDescriptor] | [] {
  if (!routes) {
    routes = new Map();
    for (const [id, op] of Object.entries(operations as Record<string, OperationDescriptor>)) routes.set(`${op.method} ${op.path}`, [id, op]);
  }
  return routes.get(`${method} ${path}`) ?? [];
}

function lowLevel(env: Env, method: 'GET' | 'POST' | 'DELETE') {
  return async (path: string, init: Record<string, any> = {}) => {
    const [id, op] = routeOf(method, path);
    const answer = await startCall(
      env,
      {
        operation: id,
        method,
        path,
        idempotent: op ? op.idempotent : method !== 'POST',
        oneShot: typeof ReadableStream !== 'undefined' && init.body instanceof ReadableStream,
        maxRetries: init.maxRetries ?? env.maxRetries,
        timeoutMs: init.timeoutMs ?? env.timeoutMs,
        signal: init.signal ?? undefined,
      },
      (signal, fetch) =>
        (env.api as any)[method](path, {
          // openapi-fetch sets `method` again; having it already keeps its copy of these options fast (see operation.ts).
          method,
          Request: requestClass(env, init.middleware),
          ...init,
          ...(env.headers ? { headers: { ...env.headers, ...init.headers } } : {}),
          signal,
          fetch,
        }),
    );
    // openapi-fetch read the body within the call's budget: nothing left to cover.
    answer.release();
    return answer.result;
  };
}

/** The public client object of an env (a new one per `withOptions` view). */
function clientObject(env: Env): MiniMaxClient {
  const client = coreObject(env) as unknown as Record<string, unknown>;
  client.GET = lowLevel(env, 'GET');
  client.POST = lowLevel(env, 'POST');
  client.DELETE = lowLevel(env, 'DELETE');
  client.use = (...added: Middleware[]) => use(env, ...added);
  client.eject = (...removed: Middleware[]) => eject(env, ...removed);
  client.findCreated = (target: OutcomeUnknownError | CreatedTarget, options?: FindCreatedOptions) => findCreated(client as never, target, options);
  Object.assign(client, buildResources(client as unknown as MiniMaxCore));
  return client as unknown as MiniMaxClient;
}

/**
 * Creates a client. Resource methods return the parsed body and throw typed errors (`ApiError` subclasses,
 * `ValidationError`, `TimeoutError`, `OutcomeUnknownError`, …); the low-level `GET`/`POST`/`DELETE` keep
 * openapi-fetch's `{ data, error, response }`. The client is also a core: every operation function
 * (`getMusic(client, id)`) and `withOptions` accept it.
 */
export function createMiniMaxClient(options: ClientOptions = {}): MiniMaxClient {
  return clientObject(createEnv(options, clientObject as (env: Env) => MiniMaxCore));
}

