// Webhook correlation: from a callback to the job it is about, and a wake-up for whoever follows that job.
// Callbacks are matched by the `replyRef` the runner derived for the job (else by the job id the ledger holds),
// never trusted: the follower re-fetches the job by id. In one process the wake-up is a function call; a shared
// backend (issue #14) publishes it so the instance that follows the job wakes, whichever instance got the POST.
import type { JobKind } from '@useapi-minimax/client';
import type { Ledger } from './ledger.js';

/** What a callback says about itself (unverified). */
export interface CallbackHint {
  readonly kind: JobKind;
  /** The job id in the payload. */
  readonly id: string;
  /** The payload's `replyRef`, if any. */
  readonly replyRef?: string | undefined;
  /**
   * The payload claims the job is final. Only a hint of urgency: a final claim makes the follower re-fetch at
   * once, a progress callback at most once per poll interval; the state is always the re-fetched one.
   */
  readonly claimsFinal?: boolean | undefined;
}

/** Matches callbacks to jobs and wakes their followers. */
export interface WebhookCorrelation {
  /** The key of the job a callback is about, or undefined when it is not one of this ledger's. */
  match(hint: CallbackHint): Promise<string | undefined>;
  /** Wakes the follower of job `key` (it re-fetches the job by id). */
  notify(key: string, hint: CallbackHint): Promise<void>;
}

/** The follower side: wake-ups by job key (the runner registers each job it follows). */
export interface WakeRegistry {
  /** Starts listening for job `key`; the returned function stops. */
  listen(key: string, wake: (hint: CallbackHint) => void): () => void;
}

/** Correlation in one process, over a ledger. */
export function createLocalCorrelation(ledger: Ledger): WebhookCorrelation & WakeRegistry {
  const listeners = new Map<string, Set<(hint: CallbackHint) => void>>();
  // A callback that arrives before its follower listens (the create's answer and the callback can race).
  const early = new Map<string, CallbackHint>();
  return {
    async match(hint) {
      if (hint.replyRef) {
        const byRef = await ledger.findByReplyRef(hint.replyRef);
        if (byRef) return byRef.key;
      }
      for (const record of await ledger.list()) if (record.ids.includes(hint.id)) return record.key;
      return undefined;
    },
    async notify(key, hint) {
      const set = listeners.get(key);
      if (!set?.size) {
        early.set(key, hint);
        return;
      }
      for (const wake of set) wake(hint);
    },
    listen(key, wake) {
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(wake);
      const pending = early.get(key);
      if (pending) {
        early.delete(key);
        wake(pending);
      }
      return () => {
        set.delete(wake);
        if (!set.size) listeners.delete(key);
      };
    },
  };
}
