import {
  AccountOnHoldError,
  BadRequestError,
  ConnectionError,
  InsufficientCreditsError,
  JobFailedError,
  JobModeratedError,
  JobTimeoutError,
  ModeratedError,
  OutcomeUnknownError,
  RateLimitedError,
  TimeoutError,
  UnauthorizedError,
  UpstreamBusyError,
  ValidationError,
} from '@useapi-minimax/client';

/** What to tell the user about an error the client or a hook reported: one sentence they can act on. */
export function explain(error: unknown): string {
  if (error instanceof OutcomeUnknownError) {
    const cause = error.cause;
    const why = cause instanceof UpstreamBusyError ? `MiniMax answered ${cause.status}` : cause instanceof TimeoutError ? 'no answer in time' : cause instanceof ConnectionError ? 'the connection was lost' : 'the answer was empty';
    return `The create was sent but its outcome is unknown (${why}): the ${error.kind} job may exist, and be charged. Recover looks it up without creating anything.`;
  }
  if (error instanceof ModeratedError) return 'The prompt was refused by moderation. Nothing was created and no credits were spent: rephrase it.';
  if (error instanceof JobModeratedError) return 'This job was moderated while it was generated. Rephrase the prompt and try again.';
  if (error instanceof RateLimitedError) {
    const wait = error.retryAfterMs !== undefined ? ` in ${Math.ceil(error.retryAfterMs / 1000)} s` : ' later';
    return `Every slot is busy right now (429). Nothing was queued: try again${wait}.`;
  }
  if (error instanceof InsufficientCreditsError) return 'The MiniMax account is out of credits (412).';
  if (error instanceof AccountOnHoldError) return 'The MiniMax account is on hold (596): pause it and check it on hailuoai.';
  if (error instanceof UpstreamBusyError) return 'MiniMax answered 502/504; the job may still exist: check the list before resubmitting.';
  if (error instanceof UnauthorizedError) return 'The API refused the credentials (401): check the token your proxy adds.';
  if (error instanceof ValidationError) return `Check the form: ${error.issues.map((i) => `${i.field} ${i.message}`).join('; ')}.`;
  if (error instanceof BadRequestError) return `The API refused the input: ${error.body?.error ?? error.message}.`;
  if (error instanceof JobFailedError) return 'The job failed upstream. Try again, maybe with another prompt.';
  if (error instanceof JobTimeoutError) return 'The job is taking longer than expected; it may still finish.';
  if (error instanceof ConnectionError) return 'Could not reach the API. Check your connection or proxy.';
  return error instanceof Error ? error.message : String(error);
}

/** An error, explained, with its class name for developers. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="error" role="alert" data-testid="error">
      <strong>{error instanceof Error ? error.name : 'Error'}</strong> {explain(error)}
    </p>
  );
}
