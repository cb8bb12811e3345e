// The `HandlerContext` of one request: a plain object of the request's facts with the rules as prototype methods
// (nothing is closed over per request).
import type { OperationId } from '../generated/operations.js';
import type { AccountRecord, JobOutcome } from './state.js';
import type { HandlerContext, JobKind, LoadBalance, MockServices, RawBody } from '../families/types.js';
import type { IncomingRequest, MockReply } from './reply.js';
import { accountRule, upstreamRefusal } from './accounts.js';

/** What the context needs of the engine besides `MockServices`. */
export interface ContextHost extends MockServices {
  /** The outcome of a job created by the request of `token` (uses up an outcome scenario). */
  outcomeFor(kind: JobKind, token: unknown): JobOutcome;
}

/** The context a family handler gets for one request. */
export class RequestContext implements HandlerContext {
  private outcomeCache: JobOutcome | undefined;

  constructor(
    readonly operationId: OperationId,
    readonly params: never,
    readonly raw: RawBody | undefined,
    readonly mock: ContextHost,
    readonly userId: string,
    readonly now: number,
    readonly answered: boolean,
    private readonly incoming: IncomingRequest,
    /** Handed back to `outcomeFor` (the engine's scenario selection and journal entry of this request). */
    private readonly token: unknown,
  ) {}

  get signal(): AbortSignal | undefined {
    return this.incoming.signal;
  }

  account(explicit: string | undefined, options?: { loadBalance?: LoadBalance }): AccountRecord | MockReply {
    return accountRule(this.mock.state, explicit, options?.loadBalance, this.mock.options.retryAfterSeconds);
  }

  outcome(kind: JobKind): JobOutcome {
    return (this.outcomeCache ??= this.mock.outcomeFor(kind, this.token));
  }

  upstream(account: AccountRecord, needs: { credits?: number }): MockReply | undefined {
    return upstreamRefusal(this.operationId, account, needs);
  }
}
