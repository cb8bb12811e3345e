// Flow hooks: submit a job, then follow it to the end with the job hook of its kind.
//   useGenerateMusic()  POST /music/create (JSON, not streamed) → useMusic(musicId)
//   useAgent()          POST /agent with `async: true` (its answer seeds the job's query) → useAgentJob(jobId)
// One state machine (flow-status.ts): idle → submitting → running → succeeded | failed | moderated, plus unknown
// when the create may have started a job whose id never arrived (502/504, timeout, connection lost after sending);
// `recover()` looks it up with the client's `findCreated` and follows it. `submit` is single-flight.
import { useMutation, type QueryClient, type UseMutationOptions, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { MiniMaxError, OutcomeUnknownError, describeJob, findCreated, type CreatedLookup, type Input, type JobKind, type JobState, type Output, type Snapshot } from '@useapi-minimax/client';
import { useCallback, useMemo, useState } from 'react';
import { flowStatusOf, type FlowStatus } from './flow-status.js';
import { useAgentJob, useMusic } from './generated/hooks.js';
import { createMusicMutationOptions, runAgentMutationOptions, type CreateMusicVariables, type RunAgentVariables } from './generated/options.js';
import type { JobCallbacks } from './job-hooks.js';
import { usePersistedFlow, type PersistOptions } from './persist.js';
import type { JobPollOptions } from './polling.js';
import { useMiniMaxClient } from './provider.js';
import { useSingleFlight } from './single-flight.js';

export type { FlowStatus } from './flow-status.js';

/** Options of a flow hook: how to poll, callbacks for the outcome (a failed submission calls `onFailure` too), and `persist`. */
export interface FlowOptions<J extends JobKind> extends JobPollOptions, JobCallbacks<J>, PersistOptions {}

/** What a flow hook returns. */
export interface JobFlow<J extends JobKind, TInput, TCreated, TVariables = TInput> {
  /**
   * Sends the create, unless one is in flight (single-flight: a second call while the first is in flight sends
   * nothing). A submit after the outcome is known starts a new job (and stops following the previous one).
   */
  submit: (input: TInput) => void;
  /** Like `submit`, resolving with the create's answer (rejects on a failed create); in flight, the same promise. */
  submitAsync: (input: TInput) => Promise<TCreated>;
  /**
   * After `status: 'unknown'`: looks the job up without creating anything (`client.findCreated`: by the `replyRef`
   * sent with the create, in `GET /scheduler` while it runs, then in the resource's list) and, if found, follows it.
   * Resolves with the lookup (`undefined` when there is nothing to recover); `lookup.found === false` with
   * `certain: true` means nothing was created, so submitting again is safe.
   */
  recover: () => Promise<CreatedLookup | undefined>;
  /** True while `recover()` looks the job up. */
  isRecovering: boolean;
  /** The last lookup of `recover()`, until the next submit. */
  lookup: CreatedLookup | undefined;
  /** The id of the job being followed. */
  jobId: string | undefined;
  /** The job's latest snapshot (a failed or moderated final snapshot is on `error.snapshot`). */
  job: Snapshot<J> | undefined;
  /** `describeJob` of the latest snapshot: lifecycle state, `percent`, `message`. */
  state: JobState | undefined;
  /** Where the flow is: see {@link FlowStatus}. */
  status: FlowStatus;
  /** True while the job is followed (`status === 'running'`). */
  isPolling: boolean;
  /**
   * The create's error (`OutcomeUnknownError` when `status` is `unknown`), or the job's (`JobFailedError`,
   * `JobModeratedError`, `JobTimeoutError`, a transient poll error while still running, …).
   */
  error: MiniMaxError | null;
  /** Back to `idle` (the job is no longer followed, nor persisted). */
  reset: () => void;
  /** The underlying create mutation. */
  mutation: UseMutationResult<TCreated, MiniMaxError, TVariables, unknown>;
  /** The underlying job query. */
  query: UseQueryResult<Snapshot<J>, MiniMaxError>;
}

/** Input of `useGenerateMusic().submit`: `POST /music/create` without `stream`. */
export type GenerateMusicInput = CreateMusicVariables;

/** Input of `useAgent().submit`: `POST /agent` without `async` (always `true`). */
export type AgentInput = Omit<Input<'runAgent'>, 'async'>;

type FollowJob<J extends JobKind> = (id: string | undefined, options: JobPollOptions & JobCallbacks<J>, queryClient?: QueryClient) => UseQueryResult<Snapshot<J>, MiniMaxError>;

interface FlowSpec<J extends JobKind, TInput, TVariables, TCreated> {
  kind: J;
  factory: typeof createMusicMutationOptions | typeof runAgentMutationOptions;
  follow: FollowJob<J>;
  idOf: (created: TCreated) => string | undefined;
  toVariables: (input: TInput) => TVariables;
}

function useFlow<J extends JobKind, TInput, TVariables, TCreated>(
  spec: FlowSpec<J, TInput, TVariables, TCreated>,
  options: FlowOptions<J> | undefined,
  queryClient: QueryClient | undefined,
): JobFlow<J, TInput, TCreated, TVariables> {
  const { kind, idOf, toVariables } = spec;
  const client = useMiniMaxClient();
  // A job found by `recover()`, or resumed from `persist` after a reload.
  const [found, setFound] = useState<string | undefined>(undefined);
  const [lookup, setLookup] = useState<CreatedLookup | undefined>(undefined);
  const [isRecovering, setRecovering] = useState(false);
  const mutation = useMutation(
    {
      // The flow holds one create per hook instance (below); the factory's own single-flight is by variables.
      ...(spec.factory(client, { singleFlight: false }) as object),
      onError: (error: MiniMaxError) => {
        options?.onFailure?.(error, undefined);
        options?.onSettled?.(undefined, error);
      },
    } as unknown as UseMutationOptions<TCreated, MiniMaxError, TVariables>,
    queryClient,
  ) as unknown as UseMutationResult<TCreated, MiniMaxError, TVariables, unknown>;
  const createdId = mutation.data === undefined ? undefined : idOf(mutation.data);
  const [resumedId, setResumedId] = useState<string | undefined>(undefined);
  const jobId = createdId ?? found ?? (mutation.isIdle ? resumedId : undefined);
  const query = spec.follow(jobId, options ?? {}, queryClient);
  const missingId = useMemo(
    () => (mutation.isSuccess && !createdId ? new MiniMaxError(`The create answered without a job id: cannot follow the ${kind} job`) : null),
    [mutation.isSuccess, createdId, kind],
  );
  const status = flowStatusOf(kind, { pending: mutation.isPending, createError: mutation.error, missingId, jobId, snapshot: query.data as Snapshot<JobKind> | undefined, jobError: query.error });
  const error = jobId ? (query.error ?? null) : (mutation.error ?? missingId ?? null);
  const persisted = usePersistedFlow(kind, options, jobId, status !== 'running' && status !== 'submitting');
  if (persisted.resumed !== resumedId) setResumedId(persisted.resumed);

  const { mutateAsync, reset: resetMutation } = mutation;
  const submitAsync = useSingleFlight((input: TInput) => {
    setFound(undefined);
    setLookup(undefined);
    persisted.clear();
    return mutateAsync(toVariables(input));
  });
  const submit = useCallback((input: TInput) => void submitAsync(input).catch(() => {}), [submitAsync]);
  const unknownError = mutation.error instanceof OutcomeUnknownError ? mutation.error : undefined;
  const recover = useSingleFlight(async (): Promise<CreatedLookup | undefined> => {
    if (!unknownError) return undefined;
    setRecovering(true);
    try {
      const result = await findCreated(client, unknownError);
      setLookup(result);
      if (result.found && result.ids[0]) setFound(result.ids[0]);
      return result;
    } finally {
      setRecovering(false);
    }
  });
  const reset = useCallback(() => {
    setFound(undefined);
    setLookup(undefined);
    persisted.clear();
    resetMutation();
  }, [persisted, resetMutation]);
  const job = query.data;
  return {
    submit,
    submitAsync,
    recover,
    isRecovering,
    lookup,
    jobId,
    job,
    state: job === undefined ? undefined : describeJob(kind, job),
    status,
    isPolling: status === 'running',
    error,
    reset,
    mutation,
    query,
  };
}

const musicSpec: FlowSpec<'music', GenerateMusicInput, CreateMusicVariables, Output<'createMusic'>> = {
  kind: 'music',
  factory: createMusicMutationOptions,
  follow: (id, options, queryClient) => useMusic(id, options, queryClient),
  idOf: (created) => created.musicId,
  toVariables: (input) => input,
};

const agentSpec: FlowSpec<'agent', AgentInput, RunAgentVariables, Output<'runAgent'>> = {
  kind: 'agent',
  factory: runAgentMutationOptions,
  follow: (id, options, queryClient) => useAgentJob(id, options, queryClient),
  idOf: (created) => created.jobId,
  toVariables: (input) => ({ ...input, async: true }),
};

/** Generates a song (`POST /music/create`), then follows it with `useMusic` until it is final. */
export function useGenerateMusic(
  options?: FlowOptions<'music'>,
  queryClient?: QueryClient,
): JobFlow<'music', GenerateMusicInput, Output<'createMusic'>, CreateMusicVariables> {
  return useFlow(musicSpec, options, queryClient);
}

/** Runs MiniMax Agent asynchronously (`POST /agent`, `async: true`), then follows the job with `useAgentJob`. */
export function useAgent(options?: FlowOptions<'agent'>, queryClient?: QueryClient): JobFlow<'agent', AgentInput, Output<'runAgent'>, RunAgentVariables> {
  return useFlow(agentSpec, options, queryClient);
}
