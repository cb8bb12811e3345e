// The account rules: which configured account a request uses (the `account` parameter rule), what the upstream
// account's state refuses (596 error state / on hold, 412 no audio plan / no credits), and its running jobs.
import type { OperationId } from '../generated/operations.js';
import { speechStatus, videoView } from './lifecycle.js';
import { errorReply, type MockReply } from './reply.js';
import { AUDIO_PLAN_OPERATIONS, REFUSAL } from './rules.js';
import type { AccountRecord, MockState } from './state.js';
import type { LoadBalance } from '../families/types.js';
import { declaredStatuses } from './validation.js';

/**
 * The `account` rule: the named account, the only one, or a 400 when several are configured; with `balance` (and
 * no explicit account) the eligible account with the most free slots, or a 429 when none has one.
 */
export function accountRule(state: MockState, explicit: string | undefined, balance?: LoadBalance, retryAfterSeconds = 1): AccountRecord | MockReply {
  if (explicit !== undefined) {
    const account = state.accounts.get(explicit);
    return account ?? errorReply(400, `Parameter account: account ${explicit} is not configured`);
  }
  const size = state.accounts.size;
  if (balance && size > 0) {
    let best: AccountRecord | undefined;
    let bestFree = 0;
    for (const a of state.accounts.values()) {
      if (balance.eligible && !balance.eligible(a)) continue;
      const free = balance.free(a);
      if (free > bestFree) {
        best = a;
        bestFree = free;
      }
    }
    return best ?? errorReply(429, 'All configured accounts are busy, try again later', { headers: { 'retry-after': String(retryAfterSeconds) } });
  }
  if (size === 0) return errorReply(400, 'Parameter account: no MiniMax account is configured (add one with POST /accounts)');
  if (size === 1) return state.accounts.values().next().value as AccountRecord;
  return errorReply(400, 'Parameter account is required when multiple accounts are configured');
}

/**
 * The upstream account's state, checked where the operation declares the answer: 596 in an error state (its
 * session broke) or on hold, 412 without the audio plan (music, speech) or without enough credits.
 */
export function upstreamRefusal(operationId: OperationId, account: AccountRecord, needs: { credits?: number }): MockReply | undefined {
  const declared = declaredStatuses(operationId);
  if (account.error && declared.includes(596)) return errorReply(596, REFUSAL.errorState(account.account, account.error));
  if (account.onHold && declared.includes(596)) return errorReply(596, REFUSAL.onHold(account.account));
  if (AUDIO_PLAN_OPERATIONS.has(operationId) && !account.audioSubscription && declared.includes(412)) return errorReply(412, REFUSAL.noAudioPlan(account.account));
  if (needs.credits && account.credits < needs.credits && declared.includes(412)) return errorReply(412, REFUSAL.noCredits(account.account));
  if (needs.credits) account.credits -= needs.credits;
  return undefined;
}

/** Running (non-final) videos of an account. */
export function executingVideos(state: MockState, account: string, now: number): number {
  let n = 0;
  for (const v of state.videos.values()) {
    if (v.account !== account || v.deleted) continue;
    const view = videoView(v, now);
    if (view && !view.statusFinal) n++;
  }
  return n;
}

/** Running speech generations of an account. */
export function executingAudio(state: MockState, account: string, now: number): number {
  let n = 0;
  for (const s of state.speech.values()) if (s.account === account && speechStatus(s, now) === 'pending') n++;
  return n;
}
