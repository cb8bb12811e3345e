// Flow hooks: submit a job, then follow it to the end with the job hook of its kind.
//   useGenerateMusic()  POST /music/create (JSON, not streamed) → useMusic(musicId)
//   useAgent()          POST /agent with `async: true` (its answer seeds the job's query) → useAgentJob(jobId)
// One state machine (flow-status.ts): idle → submitting → running → succeeded | failed | moderated, plus unknown
// when the create may have started a job whose id never arrived (502/504, timeout, connection lost after sending);
// `recover()` looks it up with the client's `findCreated` and follows it. `submit` is single-flight.
import { useMutation, type QueryClient, type UseMutationOptions, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { MiniMaxError, OutcomeUnknownError, describeJob, type CreatedLookup, type Input, type JobKind, type JobState, type Output, type Snapshot } from '@useapi-minimax/client';
import { jobKinds, newReplyRef } from '@useapi-minimax/client/internal';
import { useCallback, useMemo, useState } from 'react';
import { flowStatusOf, type FlowStatus } from './flow-status.js';
import { useAgentJob, useMusic } from './generated/hooks.js';
import { createMusicMutationOptions, runAgentMutationOptions, type CreateMusicVariables, type RunAgentVariables } from './generated/options.js';
import type { JobCallbacks } from './job-hooks.js';
import { usePersistedFlow, type PendingCreate, type PersistOptions } from './persist.js';
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
  /** operationId of the create. */
  operation: 'createMusic' | 'runAgent';
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
  const persisted = usePersistedFlow(kind, options, jobId, !jobId || settledStatus(kind, query.data as Snapshot<JobKind> | undefined, query.error));
  if (persisted.resumed !== resumedId) setResumedId(persisted.resumed);
  // A create in flight when the page was left (persist): its outcome is unknown until `recover()` looks it up.
  const lostError = useMemo(() => (persisted.lost && mutation.isIdle ? lostCreateError(kind, persisted.lost) : undefined), [persisted.lost, mutation.isIdle, kind]);
  const createError = mutation.error ?? (jobId ? null : (lostError ?? null));
  const status = flowStatusOf(kind, { pending: mutation.isPending, createError, missingId, jobId, snapshot: query.data as Snapshot<JobKind> | undefined, jobError: query.error });
  const error = jobId ? (query.error ?? null) : (createError ?? missingId ?? null);

  const { mutateAsync, reset: resetMutation } = mutation;
  const { recordCreate, clear: clearPersisted } = persisted;
  const persist = options?.persist;
  const submitAsync = useSingleFlight(async (input: TInput) => {
    setFound(undefined);
    setLookup(undefined);
    const variables = toVariables(input) as TVariables & { replyRef?: string; account?: string };
    if (!persist) {
      clearPersisted();
      return mutateAsync(variables);
    }
    // Recorded before the request leaves: a reload while submitting is `unknown` (with `recover()`), never idle.
    const replyRef = variables.replyRef ?? newReplyRef();
    const stored = recordCreate(pendingCreate(kind, spec.operation, { ...variables, replyRef }, client.account));
    if (stored) await stored;
    try {
      return await mutateAsync({ ...variables, replyRef });
    } catch (error) {
      // Refused before any job existed: nothing to look up after a reload.
      if (!(error instanceof OutcomeUnknownError)) clearPersisted();
      throw error;
    }
  });
  const submit = useCallback((input: TInput) => void submitAsync(input).catch(() => {}), [submitAsync]);
  const unknownError = mutation.error instanceof OutcomeUnknownError ? mutation.error : lostError;
  const recover = useSingleFlight(async (): Promise<CreatedLookup | undefined> => {
    if (!unknownError) return undefined;
    setRecovering(true);
    try {
      const result = await client.findCreated(unknownError);
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
    clearPersisted();
    resetMutation();
  }, [clearPersisted, resetMutation]);
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

/** The followed job will not change any more: final, or polling stopped on an error (persist forgets it). */
function settledStatus(kind: JobKind, snapshot: Snapshot<JobKind> | undefined, error: MiniMaxError | null): boolean {
  const status = flowStatusOf(kind, { pending: false, createError: null, missingId: null, jobId: 'followed', snapshot, jobError: error });
  return status !== 'running';
}

/** What a lookup needs of a create about to be sent: its replyRef, the time, the account and the fields lists echo. */
function pendingCreate(kind: JobKind, operation: string, variables: Record<string, unknown>, account: string | undefined): PendingCreate {
  const match = Object.keys((jobKinds[kind] as { find?: { match?: Record<string, string> } }).find?.match ?? {});
  const input = Object.fromEntries(match.filter((field) => typeof variables[field] === 'string').map((field) => [field, variables[field]]));
  const sentAccount = typeof variables.account === 'string' ? variables.account : account;
  return { operation, replyRef: variables.replyRef as string, sentAt: Date.now(), input, ...(sentAccount ? { account: sentAccount } : {}) };
}

/** The `OutcomeUnknownError` of a create that was in flight when the page was left. */
function lostCreateError(kind: JobKind, create: PendingCreate): OutcomeUnknownError {
  return new OutcomeUnknownError(
    `The page was left while the ${kind} create was in flight (replyRef ${create.replyRef}): the job may exist. recover() looks it up.`,
    { operation: create.operation, kind, replyRef: create.replyRef, account: create.account, sentAt: create.sentAt, input: create.input ?? {} },
    new MiniMaxError('The page was reloaded before the create answered'),
  );
}

const musicSpec: FlowSpec<'music', GenerateMusicInput, CreateMusicVariables, Output<'createMusic'>> = {
  kind: 'music',
  operation: 'createMusic',
  factory: createMusicMutationOptions,
  follow: (id, options, queryClient) => useMusic(id, options, queryClient),
  idOf: (created) => created.musicId,
  toVariables: (input) => input,
};

const agentSpec: FlowSpec<'agent', AgentInput, RunAgentVariables, Output<'runAgent'>> = {
  kind: 'agent',
  operation: 'runAgent',
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
