// The public mock object over the engine.
import type { OperationId } from './generated/operations.js';
import type { MockClock } from './engine/clock.js';
import { Engine, type JournalEntry } from './engine/engine.js';
import type { MiniMaxMockOptions } from './engine/options.js';
import { fromWebRequest, toResponse, type IncomingRequest } from './engine/reply.js';
import { fromFetchArgs } from './engine/fetch-request.js';
import { isControlPath } from './engine/control.js';
import { SCENARIO_NAMES, parseScenario, type ActiveScenario, type ScenarioName, type ScenarioParams } from './engine/scenarios.js';
import { collectionOf, type JobKindName, type MockData } from './data.js';
import type { WebhookDelivery } from './engine/webhooks.js';

/** Where an adapter finds the engine of a mock (a global symbol, so two copies of the package agree). */
export const ENGINE: unique symbol = Symbol.for('useapi-minimax.mock-server.engine') as never;

export type { JobKindName } from './data.js';

/** A scenario name, optionally with its parameter (`moderated-final:7`, `rate-limited:3`, `latency:500`). */
export type ScenarioInput = ScenarioName | `${ScenarioName}:${number}`;

/** Options of a scenario selection made with `mock.scenarios`. */
export interface ScenarioOptions {
  /** Only these operations (default: every operation the scenario applies to). */
  operationId?: OperationId | readonly OperationId[];
  /** How many requests it applies to (default: until cleared; `once` = 1). */
  times?: number;
  params?: ScenarioParams;
}

/** Scenario controls of a mock. */
export interface ScenarioControls {
  /** Every scenario name. */
  readonly names: readonly ScenarioName[];
  /** Replaces every active selection with this one (until cleared, or `times`). */
  set(name: ScenarioInput, options?: ScenarioOptions): void;
  /** Adds a selection after the active ones. */
  add(name: ScenarioInput, options?: ScenarioOptions): void;
  /** Applies to the next matching request only (ahead of the others). */
  once(name: ScenarioInput, options?: Omit<ScenarioOptions, 'times'>): void;
  /** Removes every selection. */
  clear(): void;
  /** The active selections, first match first. */
  active(): readonly ActiveScenario[];
}


/** A stateful, spec-validated fake of the useapi.net MiniMax API v1. */
export interface MiniMaxMock {
  /**
   * Answers one request (Web `Request` → `Response`); a simulated network failure is `Response.error()`. A `GET`
   * of a result URL the mock handed out (its CDN hosts) answers placeholder media of the URL's type.
   */
  handle(request: Request): Promise<Response>;
  /**
   * The mock as a `fetch` (bound: pass it as it is, `createMiniMaxClient({ fetch: mock.fetch })`). Answers what the MSW
   * handlers answer (the API, result media, the `/__mock` control API), without building a `Request` for a string or
   * bytes body; a simulated network failure rejects with
   * `TypeError('fetch failed')` and an aborted signal with its reason, as `fetch` does.
   */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Answers a `/__mock/…` control request (reset, scenario, clock, requests, webhooks, state). */
  control(request: Request): Promise<Response>;
  /** Whether a URL is under one of the mock's base URLs. */
  serves(url: string): boolean;
  /** The mock's clock: `now()`, `iso()`, `advance(ms)`, `set(epochMs)`. */
  readonly clock: MockClock;
  /** Back to the seeded initial state: data, clock, journal, webhooks and scenarios (those of the options). */
  reset(options?: { seed?: number | string }): void;
  /** The request journal, oldest first. */
  readonly requests: readonly JournalEntry[];
  /** The journal entries of one operation. */
  calls(operationId: OperationId): JournalEntry[];
  /** Empties the journal. */
  clearRequests(): void;
  /** Scenario and fault controls. */
  readonly scenarios: ScenarioControls;
  /** What the mock holds, read as the API shows it (`ids`, `count`, `get`, `account`), and seeded (`addAccount`, `updateAccount`, `addJob`, `addVoice`). */
  readonly data: MockData;
  /** The configured account ids. */
  readonly accounts: readonly string[];
  /** What `GET` answers for a job right now, or `undefined` (404): `data.get` of the job's collection. */
  view(kind: JobKindName, id: string): Record<string, unknown> | undefined;
  /** The webhooks emitted so far, and a way to wait for deliveries in flight. */
  readonly webhooks: {
    /** Every webhook emitted so far, in order (delivered or recorded). */
    readonly deliveries: readonly WebhookDelivery[];
    /** Resolves when every delivery in flight has been answered or has failed. */
    settled(): Promise<void>;
    /** Forgets the recorded deliveries. */
    clear(): void;
  };
  /** Spec mismatches the mock found in its own answers (test mode throws as well). */
  readonly driftErrors: readonly string[];
  /** How long a generation takes (virtual ms). */
  readonly jobMs: number;
  /** The first base URL, e.g. `https://api.useapi.net/v1/minimax`. */
  readonly baseUrl: string;
  /** Every base URL the mock serves. */
  readonly baseUrls: readonly string[];
  /** Stops background work (the real-clock webhook tick). */
  dispose(): void;
}

/** `handle`'s answer as `fetch` gives it: a network failure rejects. */
function asFetch(response: Response): Response {
  if (response.type === 'error') throw new TypeError('fetch failed', { cause: new Error('mock: simulated network failure') });
  return response;
}

/** Creates a mock with its own state. */
export function createMiniMaxMock(options: MiniMaxMockOptions = {}): MiniMaxMock {
  const engine = new Engine(options);
  const { data } = engine;
  const add = (name: ScenarioInput, o: ScenarioOptions = {}, front = false) => {
    const parsed = parseScenario(name);
    engine.scenarios.add({
      name: parsed.name,
      params: { ...parsed.params, ...o.params },
      ...(o.operationId !== undefined ? { operationId: o.operationId } : {}),
      ...(o.times !== undefined ? { times: o.times } : {}),
    }, front);
  };
  const scenarios: ScenarioControls = {
    names: SCENARIO_NAMES,
    set: (name, o) => {
      engine.scenarios.clear();
      add(name, o);
    },
    add: (name, o) => add(name, o),
    once: (name, o) => add(name, { ...o, times: 1 }, true),
    clear: () => engine.scenarios.clear(),
    active: () => engine.scenarios.list(),
  };
  // The control API on each base URL's origin, served by `fetch` as by the MSW handlers (the server's rule).
  const origins = [...new Set(engine.options.baseUrls.map((base) => new URL(base).origin))];
  const isControl = (url: string) => origins.some((origin) => url.startsWith(origin) && isControlPath(url.slice(origin.length)));
  const answer = async (incoming: IncomingRequest) => toResponse(engine.media(incoming) ?? (await engine.process(incoming)));
  const mock: MiniMaxMock & { [ENGINE]: Engine } = {
    [ENGINE]: engine,
    handle: (request) => answer(fromWebRequest(request)),
    fetch: (input, init) => {
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      if (signal?.aborted) return Promise.reject(signal.reason);
      let incoming: IncomingRequest;
      try {
        incoming = fromFetchArgs(input, init);
      } catch (error) {
        return Promise.reject(error); // as fetch: a bad URL or init rejects, never throws
      }
      const answered = (isControl(incoming.url) ? engine.control(incoming).then(toResponse) : answer(incoming)).then(asFetch);
      if (!signal) return answered;
      // As fetch: an abort while the answer is pending (a latency scenario, a slow upload read) rejects at once.
      return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        answered.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    control: async (request) => toResponse(await engine.control(fromWebRequest(request))),
    serves: (url) => engine.serves(url),
    clock: engine.clock,
    reset: (o) => engine.reset(o?.seed),
    get requests() {
      return engine.requests();
    },
    calls: (operationId) => engine.requests().filter((r) => r.operationId === operationId),
    clearRequests: () => engine.clearRequests(),
    scenarios,
    data,
    get accounts() {
      return [...engine.state.accounts.keys()];
    },
    view: (kind, id) => data.get(collectionOf(kind), id),
    webhooks: {
      get deliveries() {
        return engine.deliveries.slice();
      },
      settled: () => engine.settled(),
      clear: () => {
        engine.deliveries = [];
      },
    },
    get driftErrors() {
      return engine.drift.slice();
    },
    jobMs: engine.options.jobMs,
    baseUrl: engine.options.baseUrls[0] as string,
    baseUrls: engine.options.baseUrls,
    dispose: () => engine.dispose(),
  };
  return mock;
}

/** The engine behind a mock (for adapters). */
export function engineOf(mock: MiniMaxMock): Engine {
  const engine = (mock as MiniMaxMock & { [ENGINE]?: Engine })[ENGINE];
  if (!engine) throw new TypeError('Not a mock created by createMiniMaxMock()');
  return engine;
}
