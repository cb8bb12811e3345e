// What the demo prints: job states, what to do about each error, and the final summary. Pure functions.
import {
  AbortError,
  AccountOnHoldError,
  BadRequestError,
  ConnectionError,
  InsufficientCreditsError,
  JobFailedError,
  JobModeratedError,
  JobTimeoutError,
  ModeratedError,
  NotFoundError,
  RateLimitedError,
  TimeoutError,
  UnauthorizedError,
  UpstreamBusyError,
  ValidationError,
  isMiniMaxError,
  type JobState,
} from '@useapi-minimax/client';
import { bar, formatDuration } from './progress.js';

/** A job's state as the progress line shows it: `queued`, `running [####------] 40%`, `running (Generating…)`. */
export function formatState(state: JobState): string {
  const percent = state.percent !== undefined && state.state === 'running' ? ` ${bar(state.percent)} ${state.percent}%` : '';
  const message = state.message && !state.final && state.percent === undefined ? ` (${state.message})` : '';
  return `${state.state}${percent}${message}`;
}

/** A coarser key of a state for plain (non-terminal) output: the state, and the percent in steps of 25. */
export function stateKey(state: JobState): string {
  return state.percent !== undefined && state.state === 'running' ? `${state.state}:${Math.floor(state.percent / 25)}` : state.state;
}

/**
 * What a user should do about an error the client threw: the class, the status and one actionable sentence.
 * Every error message of the client is already redacted (no token).
 */
export function adviceFor(error: unknown): string {
  if (error instanceof ModeratedError) return 'the prompt was refused by moderation (422): nothing was created and no credits were spent; rephrase it and submit again';
  if (error instanceof JobModeratedError) return 'the job was moderated during generation: rephrase the prompt and create a new job; the result is not available';
  if (error instanceof RateLimitedError) {
    const wait = error.retryAfterMs !== undefined ? ` (Retry-After: ${formatDuration(error.retryAfterMs)})` : '';
    return `every account slot is busy (429)${wait}: nothing was queued, so submitting again later is safe; add accounts or lower your concurrency`;
  }
  if (error instanceof InsufficientCreditsError) return 'the MiniMax account is out of credits (412): top it up; retrying will not help';
  if (error instanceof AccountOnHoldError) return 'the MiniMax account was placed on hold (596): stop sending jobs to it and check it on minimax/hailuoai';
  if (error instanceof UpstreamBusyError) return 'MiniMax answered 502/504 to a create, but the job may have been queued: look it up (scheduler.available(), replyRef) before resubmitting';
  if (error instanceof UnauthorizedError) return 'the token was refused (401): check USEAPI_TOKEN (it starts with "user:")';
  if (error instanceof BadRequestError) return `the API refused the input (400): ${error.message}; with several accounts configured, pass --account`;
  if (error instanceof NotFoundError) return 'not found (404): the id is wrong, deleted, or belongs to another account';
  if (error instanceof JobFailedError) return 'the job failed upstream: nothing to download; try again, maybe with another prompt or model';
  if (error instanceof JobTimeoutError) return 'the job did not finish before the deadline: it may still finish; look it up later by its id';
  if (error instanceof ValidationError) return `the input breaks the API's rules, nothing was sent: ${error.message}`;
  if (error instanceof TimeoutError) return 'no answer in time: the network or the API is slow; reads are retried automatically, creates are not (to never pay twice)';
  if (error instanceof ConnectionError) return `could not reach the API (${error.code ?? 'connection error'}): check the network or --base-url`;
  if (error instanceof AbortError) return 'cancelled';
  if (isMiniMaxError(error)) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The name of an error's class, for the summary (`RateLimitedError`). */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** The outcome of one step of the walk-through. */
export interface StepResult {
  /** Short name (`song`, `agent job`). */
  name: string;
  /** `ok`: worked; `handled`: an error was expected and handled; `skipped`: not run (and why); `failed`: unexpected. */
  status: 'ok' | 'handled' | 'skipped' | 'failed';
  /** One line of what happened. */
  detail: string;
  /** How long it took, in ms. */
  ms?: number | undefined;
}

const MARK: Record<StepResult['status'], string> = { ok: '✔', handled: '✔', skipped: '–', failed: '✖' };
const COLOR: Record<StepResult['status'], string> = { ok: '32', handled: '32', skipped: '90', failed: '31' };

/** The final summary: one line per step, then the totals. `color` adds ANSI colours (terminals only). */
export function renderSummary(results: readonly StepResult[], options: { target: string; totalMs: number; color?: boolean }): string {
  const paint = (code: string, text: string) => (options.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const width = Math.max(...results.map((r) => r.name.length), 4);
  const lines = results.map((r) => {
    const time = r.ms !== undefined ? paint('90', ` (${formatDuration(r.ms)})`) : '';
    return `  ${paint(COLOR[r.status], MARK[r.status])} ${r.name.padEnd(width)}  ${r.detail}${time}`;
  });
  const count = (status: StepResult['status']) => results.filter((r) => r.status === status).length;
  const failed = count('failed');
  const totals = [`${count('ok') + count('handled')} ok`, ...(count('skipped') ? [`${count('skipped')} skipped`] : []), ...(failed ? [`${failed} failed`] : [])].join(', ');
  return [
    '',
    paint('1', `Summary: ${options.target}, ${formatDuration(options.totalMs)}`),
    ...lines,
    '',
    failed ? paint('31', `${totals}.`) : paint('32', `${totals}.`),
    '',
  ].join('\n');
}
