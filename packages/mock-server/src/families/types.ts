// What a family handler receives and returns. Parameters are typed from the generated `operations`.
import type { OperationId } from '../generated/operations.js';
import type { operations as OperationTypes } from '../generated/schema.js';
import type { MockReply } from '../engine/reply.js';
import type { AccountRecord, JobOutcome, MockState } from '../engine/state.js';
import type { ResolvedOptions, AccountSeed } from '../engine/options.js';
import type { MockClock } from '../engine/clock.js';
import type { Random } from '../engine/random.js';
import type { PendingWebhook } from '../engine/webhooks.js';
import type { StreamJobOptions } from '../engine/streams.js';

type Ops = OperationTypes;
type OrEmpty<T> = [T] extends [never] ? {} : [T] extends [undefined] ? {} : T;
type QueryOf<K extends keyof Ops> = Ops[K]['parameters'] extends { query?: infer Q } ? OrEmpty<NonNullable<Q>> : {};
type PathOf<K extends keyof Ops> = Ops[K]['parameters'] extends { path?: infer P } ? OrEmpty<NonNullable<P>> : {};
type BodyOf<K extends keyof Ops> = Ops[K] extends { requestBody: { content: infer C } }
  ? 'application/json' extends keyof C
    ? C['application/json']
    : 'multipart/form-data' extends keyof C
      ? C['multipart/form-data']
      : {}
  : {};

/** The merged, validated (and coerced) query, path and body fields of an operation. */
export type OpParams<K extends OperationId> = QueryOf<K> & PathOf<K> & BodyOf<K>;

/** A raw request body (`POST /files`, `POST /audio/upload-sample`). */
export interface RawBody {
  contentType: string;
  bytes: Uint8Array;
}

/** The job kinds whose outcome a scenario can script. */
export type JobKind = 'video' | 'image' | 'music' | 'agent' | 'speech';

/**
 * What a family handler may use of the mock besides its request: the state it reads and writes, ids, time,
 * webhooks and streams. The engine provides it; families never see the engine itself.
 */
export interface MockServices {
  readonly state: MockState;
  readonly options: ResolvedOptions;
  readonly clock: MockClock;
  readonly rng: Random;
  /** A fresh numeric id. */
  digits(length?: number): string;
  /** Builds an account record from its seed. */
  makeAccount(seed: AccountSeed & { account?: string }, index: number, now: number): AccountRecord;
  /** The `account` rule without load balancing (as `HandlerContext.account`), for helpers and non-request reads. */
  accountRule(explicit: string | undefined): AccountRecord | MockReply;
  /** Running (non-final) videos of an account. */
  executingVideos(account: string, now?: number): number;
  /** Running speech generations of an account. */
  executingAudio(account: string, now?: number): number;
  /** Watched jobs (webhooks) by `<store>:<id>`. */
  readonly pending: Map<string, PendingWebhook>;
  /** Starts watching a job with a `replyUrl`. */
  watch(store: PendingWebhook['store'], id: string, url: string | undefined): void;
  /** The `voice_info` of a voice id. */
  voiceInfo(voiceId: string): Record<string, any> | undefined;
  /** The documented 404 body of an operation. */
  notFound(operationId: OperationId, params: Record<string, unknown>): MockReply;
  /** An SSE reply that follows a job. */
  streamJob(options: StreamJobOptions): MockReply;
  /** An SSE reply of fixed events. */
  streamEvents(events: Record<string, any>[], schema: string, where: string): MockReply;
}

/**
 * Load balancing for the `account` rule (video creates): without an explicit account, the eligible account
 * with the most free slots; none free → 429 with `Retry-After`.
 */
export interface LoadBalance {
  /** Free slots of an account (≤ 0: full). */
  free(account: AccountRecord): number;
  /** Whether an account may take the job at all (default: every account). */
  eligible?(account: AccountRecord): boolean;
}

/** What a family handler gets for one request. */
export interface HandlerContext<K extends OperationId = OperationId> {
  readonly operationId: K;
  readonly params: OpParams<K>;
  readonly raw: RawBody | undefined;
  /** The mock's state and services (`MockServices`), not the engine. */
  readonly mock: MockServices;
  /** The useapi.net user id of the request's token (`user:<id>-…`): the ids the request creates carry it. */
  readonly userId: string;
  /** Virtual time of the request. */
  readonly now: number;
  readonly signal: AbortSignal | undefined;
  /**
   * Whether the caller gets this handler's answer. False when a scenario replaces it (502/504 or a dropped
   * connection after the work): a call that holds the connection until its job ends (a held `POST /agent`, the
   * create streams) then does not hold it, and on the manual clock its job runs its normal course instead of
   * ending at once.
   */
  readonly answered: boolean;
  /**
   * The `account` rule: the named account, the only one, or a 400 naming `account` when several are
   * configured (with `loadBalance` and no explicit account: the eligible account with the most free slots, or a 429).
   */
  account(explicit: string | undefined, options?: { loadBalance?: LoadBalance }): AccountRecord | MockReply;
  /** The outcome of a job created by this request (an outcome scenario, when one applies, is used up here). */
  outcome(kind: JobKind): JobOutcome;
  /**
   * The upstream account's state (only where the operation declares the status): 596 in an error state or on
   * hold, 412 without the audio plan (music and speech) or without `credits` (which it then spends).
   */
  upstream(account: AccountRecord, needs: { credits?: number }): MockReply | undefined;
}

/** A family handler. */
export type Handler<K extends OperationId> = (ctx: HandlerContext<K>) => MockReply | Promise<MockReply>;

/** One handler per operation. */
export type HandlerTable = { [K in OperationId]: Handler<K> };

/** True for a reply (as opposed to a record). */
export function isReply(value: unknown): value is MockReply {
  return typeof value === 'object' && value !== null && 'status' in value && 'headers' in value && 'body' in value;
}
