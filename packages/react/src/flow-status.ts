// The one state machine of the flow hooks, as a pure function of what the create and the job query know:
//   idle → submitting → running → succeeded | failed | moderated
//                    ↘ unknown (the create may have started a job: `recover()`) ↗ running
//                    ↘ failed | moderated (refused before any job existed: the typed error, never "running")
import { JobModeratedError, ModeratedError, OutcomeUnknownError, describeJob, isTransientError, type JobKind, type MiniMaxError, type Snapshot } from '@useapi-minimax/client';

/**
 * Where a flow is: `idle` (nothing sent), `submitting` (the create in flight), `running` (the job is followed),
 * `succeeded`, `failed` (the create was refused, or the job failed or timed out), `moderated` (refused or removed
 * by moderation), or `unknown` (the create ended in a 502/504, a timeout or a lost connection after it was sent:
 * the job may exist; `recover()` looks it up).
 */
export type FlowStatus = 'idle' | 'submitting' | 'running' | 'succeeded' | 'failed' | 'moderated' | 'unknown';

/** What the status is computed from. */
export interface FlowFacts {
  /** The create is in flight. */
  pending: boolean;
  /** The create's error. */
  createError: MiniMaxError | null;
  /** The create succeeded without an id to follow. */
  missingId: MiniMaxError | null;
  /** The job followed (created, recovered or resumed). */
  jobId: string | undefined;
  /** Its latest snapshot. */
  snapshot: Snapshot<JobKind> | undefined;
  /** The job query's error. */
  jobError: MiniMaxError | null;
}

const refused = (error: MiniMaxError): FlowStatus => (error instanceof JobModeratedError || error instanceof ModeratedError ? 'moderated' : 'failed');

/** The flow's status (see {@link FlowStatus}). */
export function flowStatusOf(kind: JobKind, facts: FlowFacts): FlowStatus {
  if (facts.pending) return 'submitting';
  if (facts.jobId) {
    if (facts.jobError && !isTransientError(facts.jobError)) return refused(facts.jobError);
    if (facts.snapshot !== undefined && describeJob(kind, facts.snapshot).state === 'succeeded') return 'succeeded';
    return 'running';
  }
  if (facts.createError) return facts.createError instanceof OutcomeUnknownError ? 'unknown' : refused(facts.createError);
  if (facts.missingId) return 'failed';
  return 'idle';
}
