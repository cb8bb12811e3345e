// The error of a create whose outcome is unknown (its own module: only the functions of creates ship it).
import { MiniMaxError, brand } from './error-base.js';
import type { JobKind } from './operation-descriptor.js';

/** What an {@link OutcomeUnknownError} carries about the create that was sent. */
export interface OutcomeUnknownInit {
  /** operationId of the create. */
  operation: string;
  /** The job kind that create starts. */
  kind: JobKind;
  /** The `replyRef` sent, if the operation takes one. */
  replyRef: string | undefined;
  /** The `account` sent, if any. */
  account: string | undefined;
  /** Epoch ms when the create was sent. */
  sentAt: number;
  /** JSON-safe copy of the input as sent. */
  input: Readonly<Record<string, unknown>>;
}

/**
 * A create was sent and its answer does not prove whether the job exists: a 502/504 (MiniMax sometimes answers
 * so while still queueing the paid job), a timeout, a connection lost after sending, or an empty/truncated 2xx.
 * The job may exist and be charged: do not resubmit blindly; look it up with `findCreated(error)` (by the
 * `replyRef` sent), then create again only if it says nothing was created. `cause` is the underlying error.
 */
export class OutcomeUnknownError extends MiniMaxError {
  /** operationId of the create: `createVideo`, `createMusic`, `runAgent`, `createSpeech`, … */
  declare readonly operation: string;
  /** The job kind that create starts. */
  declare readonly kind: JobKind;
  /** The `replyRef` sent (generated when the caller gave none and the operation takes one). */
  declare readonly replyRef: string | undefined;
  /** The `account` sent, if any. */
  declare readonly account: string | undefined;
  /** Epoch ms when the create was sent. */
  declare readonly sentAt: number;
  /** JSON-safe copy of the input as sent (binary parts summarised as `{ blob, type, size }`); never the token. */
  declare readonly input: Readonly<Record<string, unknown>>;
  /** What went wrong: `UpstreamBusyError` (502/504), `TimeoutError`, `ConnectionError` or `UnexpectedResponseError`. */
  declare readonly cause: MiniMaxError;
  constructor(message: string, init: OutcomeUnknownInit, cause: MiniMaxError) {
    super(message, { cause });
    Object.assign(this, init);
  }
}

brand(OutcomeUnknownError, 'OutcomeUnknownError');
