// The engine: auth → route → scenario/fault → request validation → family handler → response validation.
// One instance holds the state of one mock; adapters call `process()` (transport-neutral) or `handle()`.
import { operations, type OperationId } from '../generated/operations.js';
import { createMockData, type MockData } from '../data.js';
import { handlers } from '../families/index.js';
import { voiceInfo } from '../families/voices.js';
import { isReply, type HandlerContext, type JobKind, type MockServices } from '../families/types.js';
import { Clock } from './clock.js';
import { isTestEnvironment, sleepReal } from './env.js';
import { readBody, readParams, type BodyLimits, type ParsedBody } from './input.js';
import { controlCall } from './control.js';
import { notFoundReply } from './faults.js';
import { accountRule, executingAudio, executingVideos } from './accounts.js';
import { streamEvents, streamJob, type StreamJobOptions } from './streams.js';
import { agentView, imageView, musicView, speechView, videoView } from './lifecycle.js';
import { defaultAccountId, resolveOptions, type AccountSeed, type MiniMaxMockOptions, type ResolvedOptions } from './options.js';
import { Random, hashString } from './random.js';
import { errorReply, networkErrorReply, type IncomingRequest, type MockReply } from './reply.js';
import { matchRoute, type RouteMatch } from './router.js';
import {
  SCENARIOS, ScenarioQueue, inScope, parseScenario, scenarioFromMarker, scenarioFromPrefer,
  type ActiveScenario, type ScenarioName, type ScenarioParams,
} from './scenarios.js';
import { seedAccountData, seedTemplates, seedVoices } from './seed-data.js';
import { emptyState, type AccountRecord, type JobOutcome, type MockState } from './state.js';
import { declaredStatuses } from './validation.js';
import { checkEmittedValue, checkReply } from './drift.js';
import { Journal, type JournalEntry } from './journal.js';
import { parseTarget, type RequestTarget } from './target.js';
import { RequestContext } from './context.js';

export type { JournalEntry } from './journal.js';
import { mediaReply, rewriteMedia } from './media.js';
import type { PendingWebhook, WebhookDelivery } from './webhooks.js';
import { WebhookDispatcher } from './webhook-dispatch.js';

/** A useapi.net API token: `Bearer user:<user id>-<alphanumerics>`; the user id goes into the ids the mock creates. */
const AUTH = /^[Bb]earer user:(\d+)-[A-Za-z0-9]+$/;
const ERROR_BODY_LIMIT = 300;

interface Selected {
  name: ScenarioName;
  params: ScenarioParams;
  item?: ActiveScenario;
  consumed?: boolean;
}

const DEFAULT_CHAOS: readonly ScenarioName[] = ['rate-limited', 'bad-gateway', 'gateway-timeout', 'server-error'];

/** The journal entry of a request being handled (`at` is derived when the journal is read). */
type Entry = Omit<JournalEntry, 'at'>;
/** What `outcomeFor` gets back from a handler's context: the request's scenario and journal entry. */
interface OutcomeToken {
  selected: Selected | undefined;
  entry: Entry;
}
const NO_BODY: ParsedBody = { body: {}, strings: [] };
/** The outcome of every job no scenario scripts: one frozen object shared by the records (not one per create). */
const COMPLETED: JobOutcome = Object.freeze({ kind: 'completed' });

/** The mock's engine (internal; the public surface is `MiniMaxMock`). Families see it only as `MockServices`. */
export class Engine implements MockServices {
  readonly options: ResolvedOptions;
  readonly clock: Clock;
  readonly scenarios = new ScenarioQueue();
  /** The documented read/seed API over this engine's state. */
  readonly data: MockData = createMockData(this);
  state: MockState = emptyState();
  rng: Random = new Random(1);
  private chaosRng: Random = new Random(2);
  private latencyRng: Random = new Random(3);
  private readonly journal: Journal;
  /** The body caps (`maxBodyBytes`, `maxUploadBytes`). */
  private readonly limits: BodyLimits;
  private readonly webhooks: WebhookDispatcher;
  drift: string[] = [];
  /** The standalone server's ports and host names (webhooks never go there). */
  readonly selfPorts = new Set<number>();
  readonly selfHosts = new Set<string>();
  /** Set by the standalone server: its origin, under which result URLs are served (`/__media/…`). */
  mediaOrigin: string | undefined;

  constructor(options: MiniMaxMockOptions = {}) {
    this.options = resolveOptions(options, isTestEnvironment());
    this.journal = new Journal(this.options.journalLimit);
    this.limits = { json: this.options.maxBodyBytes, upload: this.options.maxUploadBytes };
    this.webhooks = new WebhookDispatcher(this);
    this.clock = new Clock(this.options.clock, this.options.startTime);
    this.clock.onAdvance(() => this.pump());
    this.reset();
  }

  /** Back to the seeded initial state (optionally with another seed). */
  reset(seed?: number | string): void {
    const s = seed ?? this.options.seed;
    const base = typeof s === 'number' ? s >>> 0 : hashString(s);
    this.rng = new Random(base);
    this.chaosRng = new Random((base ^ 0x9e3779b9) >>> 0);
    this.latencyRng = new Random((base ^ 0x85ebca6b) >>> 0);
    this.clock.reset(this.options.startTime);
    this.state = emptyState();
    this.journal.reset();
    this.webhooks.reset();
    this.drift = [];
    this.scenarios.clear();
    for (const spec of this.options.scenarios) this.scenarios.add(spec);
    const start = this.clock.now();
    if (this.options.sampleData) {
      seedTemplates(this.state, this.rng, start);
      seedVoices(this.state, start);
    }
    this.options.accounts.forEach((seedAccount, i) => {
      const account = this.makeAccount(seedAccount, i, start);
      this.state.accounts.set(account.account, account);
      if (this.options.sampleData) seedAccountData(this.state, this.rng, this.options.userId, account, start, i);
    });
  }

  /** Builds an account record from its seed. */
  makeAccount(seed: AccountSeed & { account?: string }, index: number, now: number): AccountRecord {
    const account = seed.account ?? defaultAccountId(index);
    const deviceId = this.rng.digits(18);
    return {
      account,
      maxJobs: seed.maxJobs ?? 3,
      supportVideo: seed.supportVideo ?? true,
      supportChat: seed.supportChat ?? true,
      supportAudio: seed.supportAudio ?? true,
      ...(seed.error ? { error: seed.error } : {}),
      credits: seed.credits ?? 3260,
      audioSubscription: seed.audioSubscription ?? true,
      onHold: seed.onHold ?? false,
      iat: now - 10 * 24 * 3_600_000,
      exp: now + 20 * 24 * 3_600_000,
      deviceId,
      name: '',
      host: 'hailuoai.video',
      searchParams: `device_platform=web&app_id=3001&version_code=22202&uuid=${this.rng.uuid()}&device_id=${deviceId}&os_name=Windows`,
      maskedToken: `${this.rng.hex(3)}…secured…${this.rng.hex(3)}`,
    };
  }

  /** Result URLs moved under the standalone server's `/__media/` (unchanged in process). */
  media$(text: string): string {
    return this.mediaOrigin ? rewriteMedia(text, this.mediaOrigin) : text;
  }

  /** The media stand-in's answer to a request for a result URL, or `undefined` (not a media URL). */
  media(incoming: IncomingRequest): MockReply | undefined {
    let url: URL;
    try {
      url = new URL(incoming.url);
    } catch {
      return undefined;
    }
    return mediaReply(incoming.method, url, this.mediaOrigin);
  }

  /** Stops the real-time webhook tick. */
  dispose(): void {
    this.webhooks.dispose();
  }

  /** Resolves when every webhook POST in flight has settled. */
  async settled(): Promise<void> {
    await this.webhooks.settled();
  }

  // ───────────────────────────── journal ─────────────────────────────

  /** The journal, oldest first (at most `journalLimit` entries). */
  requests(): JournalEntry[] {
    return this.journal.list();
  }

  clearRequests(): void {
    this.journal.clear();
  }

  // ───────────────────────────── pipeline ─────────────────────────────

  /** The path below a configured base path, or `undefined`. */
  private below(pathname: string): string | undefined {
    for (const base of this.options.basePaths) {
      if (pathname === base) return '/';
      if (pathname.startsWith(`${base}/`)) return pathname.slice(base.length);
    }
    return undefined;
  }

  /** Whether a URL is served by this mock (under one of its base paths). */
  serves(url: string): boolean {
    try {
      return this.below(new URL(url).pathname) !== undefined;
    } catch {
      return false;
    }
  }

  /** Handles one API request. */
  async process(incoming: IncomingRequest): Promise<MockReply> {
    return this.dispatch(incoming);
  }

  /**
   * Handles one API request, synchronously when nothing has to wait (no body to read, no latency, a
   * synchronous handler): the standalone server then answers in the same turn, which keeps latency low.
   */
  dispatch(incoming: IncomingRequest): MockReply | Promise<MockReply> {
    const time = this.clock.now();
    const target = parseTarget(incoming.url);
    if (!target) return errorReply(400, 'Invalid URL');
    const sub = this.below(target.pathname);
    const match = sub === undefined ? undefined : matchRoute(incoming.method, sub);
    const entry: Entry = {
      seq: this.journal.next(), operationId: match?.operationId ?? null, method: incoming.method, url: incoming.url,
      path: target.pathname, status: 0, time,
    };
    let result: MockReply | Promise<MockReply>;
    try {
      result = this.pipeline(incoming, target, match, entry);
    } catch (error) {
      return this.failed(entry, error);
    }
    return result instanceof Promise ? result.then((reply) => this.done(entry, reply), (error: unknown) => this.failed(entry, error)) : this.done(entry, result);
  }

  /** Journals an answered request (its status, and the `error` of an error answer) and pumps the webhooks. */
  private done(entry: Entry, reply: MockReply): MockReply {
    entry.status = reply.networkError ? 0 : reply.status;
    if (this.mediaOrigin && typeof reply.body === 'string') reply.body = rewriteMedia(reply.body, this.mediaOrigin);
    if (reply.status >= 400 && typeof reply.body === 'string' && reply.body.length < ERROR_BODY_LIMIT * 4) {
      try {
        const parsed = JSON.parse(reply.body) as { error?: unknown };
        if (typeof parsed.error === 'string') entry.error = parsed.error;
      } catch { /* not JSON */ }
    }
    this.journal.record(entry);
    this.pump();
    return reply;
  }

  /** Journals a request that threw (as a 500) and rethrows. */
  private failed(entry: Entry, error: unknown): never {
    entry.status = 500;
    entry.error = error instanceof Error ? error.message : String(error);
    this.journal.record(entry);
    this.pump();
    throw error;
  }

  private select(incoming: IncomingRequest, url: RequestTarget, operationId: OperationId | undefined): Selected | undefined | MockReply {
    let fromRequest: { name: ScenarioName; params: ScenarioParams } | undefined;
    try {
      fromRequest = scenarioFromPrefer(incoming.header('prefer'));
      const q = url.search.includes('__scenario') ? url.searchParams.get('__scenario') : null;
      if (!fromRequest && q) fromRequest = parseScenario(q);
    } catch (error) {
      return errorReply(400, (error as Error).message);
    }
    if (fromRequest) return { ...fromRequest };
    if (!operationId) return undefined;
    const item = this.scenarios.peek(operationId);
    if (item) return { name: item.name, params: item.params, item };
    return this.drawChaos(operationId);
  }

  private drawChaos(operationId: OperationId): Selected | undefined {
    const chaos = this.options.chaos;
    if (!chaos) return undefined;
    if (chaos.operationIds && !chaos.operationIds.includes(operationId)) return undefined;
    const roll = this.chaosRng.next();
    if (roll >= chaos.rate) return undefined;
    const candidates = (chaos.scenarios ?? DEFAULT_CHAOS).filter((n) => inScope(n, operationId));
    if (candidates.length === 0) return undefined;
    return { name: this.chaosRng.pick(candidates), params: {} };
  }

  private use(selected: Selected, entry: Entry): void {
    if (selected.consumed) return;
    selected.consumed = true;
    if (selected.item) this.scenarios.consume(selected.item);
    entry.scenario = selected.name;
  }

  private latency(): number {
    const [min, max] = this.options.latencyMs;
    if (max <= 0) return 0;
    return min === max ? min : min + Math.floor(this.latencyRng.next() * (max - min + 1));
  }

  private pipeline(incoming: IncomingRequest, url: RequestTarget, match: RouteMatch | undefined, entry: Entry): MockReply | Promise<MockReply> {
    const picked = this.select(incoming, url, match?.operationId);
    if (picked && isReply(picked)) return picked;
    const selected = picked as Selected | undefined;

    // Latency first (real time), then transport faults and auth.
    let wait = this.latency();
    if (selected?.name === 'latency') {
      this.use(selected, entry);
      wait += selected.params.ms ?? 1000;
    }
    if (wait > 0) return sleepReal(wait, incoming.signal).then(() => this.afterLatency(incoming, url, match, entry, selected));
    return this.afterLatency(incoming, url, match, entry, selected);
  }

  private afterLatency(incoming: IncomingRequest, url: RequestTarget, match: RouteMatch | undefined, entry: Entry, selected: Selected | undefined): MockReply | Promise<MockReply> {
    if (selected?.name === 'network-error') {
      this.use(selected, entry);
      return networkErrorReply();
    }
    if (selected?.name === 'unauthorized') {
      this.use(selected, entry);
      return errorReply(401, 'Unauthorized');
    }
    const userId = AUTH.exec(incoming.header('authorization') ?? '')?.[1];
    if (userId === undefined) return errorReply(401, 'Unauthorized');
    const operationId = match?.operationId;
    if (!match || !operationId) return errorReply(404, `Not found: no operation at ${incoming.method} ${url.pathname}`);

    // Parameters and body (400 naming the field).
    const validate = this.options.validateRequests;
    const params = readParams(operationId, url, match.params, validate);
    if (isReply(params)) return this.invalid(operationId, params, match.params);
    if (operations[operationId].body === 'none') return this.handle(operationId, incoming, entry, selected, userId, params, NO_BODY);
    const body = readBody(operationId, incoming, validate, this.limits);
    if (body instanceof Promise) return body.then((b) => this.withBody(operationId, incoming, entry, selected, userId, params, b, match.params));
    return this.withBody(operationId, incoming, entry, selected, userId, params, body, match.params);
  }

  private withBody(operationId: OperationId, incoming: IncomingRequest, entry: Entry, selected: Selected | undefined, userId: string, params: Record<string, unknown>, body: ParsedBody | MockReply, pathParams: Record<string, string>): MockReply | Promise<MockReply> {
    return isReply(body) ? this.invalid(operationId, body, pathParams) : this.handle(operationId, incoming, entry, selected, userId, params, body);
  }

  /**
   * A request that failed validation: 400 naming the field, or, for an operation that declares no 400, its
   * documented 404 (an invalid id is simply not found).
   */
  private invalid(operationId: OperationId, reply: MockReply, pathParams: Record<string, string>): MockReply {
    // 413 is the mock's own cap (the spec declares no 413): checked as an Error body.
    if (reply.status === 413) return this.checked(operationId, reply, true);
    if (declaredStatuses(operationId).includes(400)) return this.checked(operationId, reply, false);
    return this.checked(operationId, this.notFound(operationId, pathParams), false);
  }

  private handle(operationId: OperationId, incoming: IncomingRequest, entry: Entry, picked: Selected | undefined, userId: string, params: Record<string, unknown>, body: ParsedBody): MockReply | Promise<MockReply> {
    let selected = picked;
    const fromRequest = selected !== undefined && !selected.item;
    if (body.summary) entry.body = body.summary;
    const all = body === NO_BODY ? params : { ...params, ...body.body };

    // A `[mock:<name>]` marker in the body or query beats a queued scenario.
    if (!fromRequest && (body.strings.length > 0 || incoming.url.includes('mock%3A') || incoming.url.includes('[mock:') || incoming.url.includes('%5Bmock'))) {
      let marker: ReturnType<typeof scenarioFromMarker>;
      try {
        marker = scenarioFromMarker([...body.strings, ...Object.values(params)]);
      } catch (error) {
        return errorReply(400, (error as Error).message);
      }
      if (marker) selected = { ...marker };
    }

    if (selected && SCENARIOS[selected.name].stage === 'status') {
      this.use(selected, entry);
      const def = SCENARIOS[selected.name];
      const accountId = typeof all.account === 'string' ? all.account : this.state.accounts.keys().next().value ?? '987654321';
      const answer = def.answer!({ operationId, status: def.status!, scenario: selected.params, params: all, accountId, retryAfterSeconds: this.options.retryAfterSeconds });
      return this.checked(operationId, answer, true);
    }

    const ctx: HandlerContext = new RequestContext(
      operationId, all as never, body.raw, this, userId, this.clock.now(),
      !(selected && SCENARIOS[selected.name].replacesAnswer), incoming, { selected, entry } satisfies OutcomeToken,
    );
    const handler = handlers[operationId] as (c: HandlerContext) => MockReply | Promise<MockReply>;
    const result = handler(ctx);
    return result instanceof Promise ? result.then((raw) => this.finish(operationId, raw, incoming, selected, entry)) : this.finish(operationId, result, incoming, selected, entry);
  }

  /** A handler's answer, checked (test mode) and, for a scenario that acts after the work, replaced. */
  private finish(operationId: OperationId, raw: MockReply, incoming: IncomingRequest, selected: Selected | undefined, entry: Entry): MockReply {
    const reply = this.checked(operationId, raw, false);
    if (selected && SCENARIOS[selected.name].stage === 'post' && reply.status >= 200 && reply.status < 300) {
      this.use(selected, entry);
      return SCENARIOS[selected.name].replace?.(reply, incoming.signal) ?? reply;
    }
    return reply;
  }

  /** The documented 404 body of an operation (`faults.ts`). */
  notFound(operationId: OperationId, params: Record<string, unknown>): MockReply {
    return notFoundReply(operationId, params);
  }

  /** Response validation (test mode, `drift.ts`): throws `MockDriftError` when a reply breaks the spec. */
  private checked(operationId: OperationId, reply: MockReply, injected: boolean): MockReply {
    return this.options.validateResponses ? checkReply(this.drift, operationId, reply, injected) : reply;
  }

  /** Validates an object the mock emits outside a JSON response (SSE events, webhooks). */
  checkEmitted(where: string, pointer: string, value: unknown): void {
    if (this.options.validateResponses) checkEmittedValue(this.drift, where, pointer, value);
  }

  // ───────────────────────────── rules ─────────────────────────────

  /** The `account` rule (`accounts.ts`). */
  accountRule(explicit: string | undefined): AccountRecord | MockReply {
    return accountRule(this.state, explicit);
  }

  /** The outcome of a job created by a request (`token`: its context's), using up an outcome scenario. */
  outcomeFor(kind: JobKind, token: unknown): JobOutcome {
    const { selected, entry } = token as OutcomeToken;
    const script = selected ? SCENARIOS[selected.name].outcome : undefined;
    const outcome = selected && script?.(kind, selected.params, this.options.jobMs);
    if (!selected || !outcome) return COMPLETED;
    this.use(selected, entry);
    return outcome;
  }


  // ───────────────────────────── capacity (accounts.ts) ─────────────────────────────

  /** Running (non-final) videos of an account. */
  executingVideos(account: string, now = this.clock.now()): number {
    return executingVideos(this.state, account, now);
  }

  /** Running speech generations of an account. */
  executingAudio(account: string, now = this.clock.now()): number {
    return executingAudio(this.state, account, now);
  }

  // ───────────────────────────── ids ─────────────────────────────

  /** A fresh numeric id. */
  digits(length = 18): string {
    return this.rng.digits(length);
  }

  // ───────────────────────────── views ─────────────────────────────

  /** What `GET` answers for a job right now (`undefined`: 404). */
  viewOf(store: PendingWebhook['store'], id: string, now = this.clock.now()): Record<string, any> | undefined {
    switch (store) {
      case 'videos': { const r = this.state.videos.get(id); return r && !r.deleted ? videoView(r, now) : undefined; }
      case 'images': { const r = this.state.images.get(id); return r ? imageView(r, now) : undefined; }
      case 'songs': { const r = this.state.songs.get(id); return r ? musicView(r, now) : undefined; }
      case 'agentJobs': { const r = this.state.agentJobs.get(id); return r ? agentView(r, now) : undefined; }
      case 'speech': { const r = this.state.speech.get(id); return r && !r.deleted ? speechView(r, now, this.voiceInfo(r.voiceId)) : undefined; }
    }
  }

  /** The `voice_info` of a voice id. */
  voiceInfo(voiceId: string): Record<string, any> | undefined {
    const v = this.state.voices.get(voiceId);
    return v ? voiceInfo(v) : undefined;
  }

  // ───────────────────────────── webhooks (webhook-dispatch.ts) ─────────────────────────────

  /** Every webhook emitted so far. */
  get deliveries(): WebhookDelivery[] {
    return this.webhooks.deliveries;
  }

  set deliveries(list: WebhookDelivery[]) {
    this.webhooks.deliveries = list;
  }

  /** Watched jobs by `<store>:<id>`. */
  get pending(): Map<string, PendingWebhook> {
    return this.webhooks.pending;
  }

  /** Starts watching a job with a `replyUrl`. */
  watch(store: PendingWebhook['store'], id: string, url: string | undefined): void {
    this.webhooks.watch(store, id, url);
  }

  /** Emits the webhooks of every watched job whose state changed since it was last observed. */
  pump(): void {
    this.webhooks.pump();
  }

  // ───────────────────────────── streams ─────────────────────────────

  /** An SSE reply that follows a job (`streams.ts`). */
  streamJob(options: StreamJobOptions): MockReply {
    return streamJob(this, options);
  }

  /** An SSE reply of fixed events (`streams.ts`). */
  streamEvents(events: Record<string, any>[], schema: string, where: string): MockReply {
    return streamEvents(this, events, schema, where);
  }

  // ───────────────────────────── control API ─────────────────────────────

  /** The `/__mock/` control API (`control.ts`). */
  control(incoming: IncomingRequest, served: { baseUrl?: string } = {}): Promise<MockReply> {
    return controlCall(this, incoming, served);
  }
}
