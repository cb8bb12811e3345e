// What a family handler receives and returns. Parameters are typed from the generated `operations`.
import type { OperationId } from '../generated/operations.js';
import type { operations as OperationTypes } from '../generated/schema.js';
import type { MockReply } from '../engine/reply.js';
import type { AccountRecord, JobOutcome } from '../engine/state.js';
import type { Engine } from '../engine/engine.js';

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

/** What a family handler gets for one request. */
export interface HandlerContext<K extends OperationId = OperationId> {
  readonly operationId: K;
  readonly params: OpParams<K>;
  readonly raw: RawBody | undefined;
  readonly engine: Engine;
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
   * configured (with `loadBalance`, an account with a free video slot instead).
   */
  account(explicit: string | undefined, options?: { loadBalance?: (a: AccountRecord) => boolean }): AccountRecord | MockReply;
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
