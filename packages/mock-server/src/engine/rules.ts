// The upstream account's rules, stated once: what a create needs from the MiniMax account it runs on and what the
// API answers when the account cannot give it. The handlers and the scenarios that imitate these answers use the
// same words.
import type { OperationId } from '../generated/operations.js';

/** Operations billed against the MiniMax audio plan (music and speech): without one they answer 412. */
export const AUDIO_PLAN_OPERATIONS: ReadonlySet<OperationId> = new Set<OperationId>(['createMusic', 'createSpeech', 'createAudioMp3', 'createAudioStream']);

/** The error texts of the upstream refusals. */
export const REFUSAL = {
  /** 412 on an operation billed against the audio plan. */
  noAudioPlan: (account: string) => `Account ${account} has no audio subscription`,
  /** 412 on an operation billed in credits. */
  noCredits: (account: string) => `Insufficient credits on account ${account}`,
  /** 596: the account was placed on hold. */
  onHold: (account: string) => `Account ${account} has been placed on hold`,
  /** 596: the account is in an error state (its session broke): the spec's 596 ("on hold or its session broke"). */
  errorState: (account: string, error: string) => `Account ${account} is in an error state (${error}); update it with POST /accounts/${account}`,
} as const;

/** The 412 text of an operation: no audio plan for music and speech, no credits for the rest. */
export function insufficientFunds(operationId: OperationId, account: string): string {
  return AUDIO_PLAN_OPERATIONS.has(operationId) ? REFUSAL.noAudioPlan(account) : REFUSAL.noCredits(account);
}
