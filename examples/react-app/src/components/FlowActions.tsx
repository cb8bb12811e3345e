import type { CreatedLookup, JobState, MiniMaxError } from '@useapi-minimax/client';
import type { FlowStatus } from '@useapi-minimax/react';
import { ErrorNote } from './ErrorNote';

/** What this panel reads of a flow (`useGenerateMusic()`, `useAgent()`). */
export interface FlowView {
  status: FlowStatus;
  error: MiniMaxError | null;
  state: JobState | undefined;
  lookup: CreatedLookup | undefined;
  isRecovering: boolean;
  recover: () => Promise<CreatedLookup | undefined>;
}

const STATUS_TEXT: Record<FlowStatus, string> = {
  idle: '',
  submitting: 'Sending…',
  running: 'Generating…',
  succeeded: 'Done.',
  failed: 'It did not work.',
  moderated: 'Refused by moderation.',
  unknown: 'The answer was lost: the job may exist.',
};

/**
 * A flow's state and the one action that fits it: `running` shows progress, `failed` offers "Try again",
 * `moderated` asks to rephrase (the form stays editable), `unknown` offers "Recover" (`recover()`, which creates
 * nothing) and then says whether the job was found or a resubmit is safe. `onRetry` submits the form again;
 * `progress: false` leaves the progress bar to the caller.
 */
export function FlowActions({ flow, noun, onRetry, progress = true }: { flow: FlowView; noun: string; onRetry: () => void; progress?: boolean }) {
  const { status, error, lookup } = flow;
  if (status === 'idle') return null;
  const recover = () => void flow.recover().catch(() => {}); // a failed lookup stays on "unknown", Recover again
  return (
    <div className={`flow ${status}`} data-testid="flow" data-status={status} aria-live="polite">
      <p className="flow-line">
        <span data-testid="flow-status">{STATUS_TEXT[status]}</span>
        {status === 'running' && lookup?.found ? (
          <span data-testid="lookup" data-found="true">
            {' '}
            Found the {noun} ({lookup.via === 'scheduler' ? 'in the scheduler' : 'in the list'}), following it.
          </span>
        ) : null}
      </p>
      {progress && (status === 'submitting' || status === 'running') ? (
        <progress
          data-testid="flow-progress"
          aria-label={`${noun}: ${flow.state?.state ?? 'sending'}`}
          {...(flow.state?.percent !== undefined ? { value: flow.state.percent, max: 100 } : {})}
        />
      ) : null}
      {/* A transient poll error while running, or why it ended. */}
      <ErrorNote error={error} />
      {status === 'failed' ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
      {status === 'moderated' ? (
        <p className="hint" data-testid="rephrase-hint">
          Rephrase the prompt above (the form is still yours to edit), then send it again.
        </p>
      ) : null}
      {status === 'unknown' ? <Unknown lookup={lookup} busy={flow.isRecovering} noun={noun} onRecover={recover} onRetry={onRetry} /> : null}
    </div>
  );
}

/** `unknown`: Recover first; after a lookup that found nothing, say whether resubmitting is safe. */
function Unknown({ lookup, busy, noun, onRecover, onRetry }: { lookup: CreatedLookup | undefined; busy: boolean; noun: string; onRecover: () => void; onRetry: () => void }) {
  if (lookup && !lookup.found && lookup.certain) {
    return (
      <>
        <p data-testid="lookup" data-found="false" data-certain="true">
          No job was created: safe to resubmit.
        </p>
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </>
    );
  }
  return (
    <>
      {lookup && !lookup.found ? (
        <p className="muted" data-testid="lookup" data-found="false" data-certain="false">
          Not found yet, and not certain: {lookup.reason}
        </p>
      ) : (
        <p className="muted">Recover looks the {noun} up without creating anything; resubmitting blindly could pay for it twice.</p>
      )}
      <div className="row start">
        <button type="button" onClick={onRecover} disabled={busy}>
          {busy ? 'Looking it up…' : lookup ? 'Look again' : 'Recover'}
        </button>
        {lookup ? (
          <button type="button" className="secondary" onClick={onRetry} disabled={busy}>
            Submit anyway
          </button>
        ) : null}
      </div>
    </>
  );
}
