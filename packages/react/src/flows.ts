// Flow hooks: submit a job, then follow it to the end with the job hook of its kind.
//   useGenerateMusic()  POST /music/create (JSON, not streamed) → useMusic(musicId)
//   useAgent()          POST /agent with `async: true` (its answer seeds the job's query) → useAgentJob(jobId)
import { useMutation, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import {
  JobModeratedError,
  MiniMaxError,
  ModeratedError,
  describeJob,
  type Input,
  type JobKind,
  type JobState,
  type Output,
  type Snapshot,
} from '@useapi-minimax/client';
import { useCallback, useMemo } from 'react';
import { useAgentJob, useMusic } from './generated/hooks.js';
import { createMusicMutationOptions, runAgentMutationOptions, type CreateMusicVariables, type RunAgentVariables } from './generated/options.js';
import type { JobCallbacks } from './job-hooks.js';
import { isTransientError, type JobPollOptions } from './polling.js';
import { useMiniMaxClient } from './provider.js';

/** Where a flow is: nothing sent yet, the create in flight, the job being followed, or its outcome. */
export type FlowStatus = 'idle' | 'submitting' | 'polling' | 'succeeded' | 'failed' | 'moderated';

/** Options of a flow hook: how to poll, and callbacks for the outcome (a failed submission calls `onFailure` too). */
export interface FlowOptions<J extends JobKind> extends JobPollOptions, JobCallbacks<J> {}

/** What a flow hook returns. */
export interface JobFlow<J extends JobKind, TInput, TCreated, TVariables = TInput> {
  /** Sends the create (a new submit replaces the job being followed). */
  submit: (input: TInput) => void;
  /** Like `submit`, resolving with the create's answer (rejects on a failed create). */
  submitAsync: (input: TInput) => Promise<TCreated>;
  /** The id of the job being followed. */
  jobId: string | undefined;
  /** The job's latest snapshot (a failed or moderated final snapshot is on `error.snapshot`). */
  job: Snapshot<J> | undefined;
  /** `describeJob` of the latest snapshot: lifecycle state, `percent`, `message`. */
  state: JobState | undefined;
  /** Where the flow is. */
  status: FlowStatus;
  /** True while the job is followed (`status === 'polling'`). */
  isPolling: boolean;
  /** The create's error, or the job's (`JobFailedError`, `JobModeratedError`, `JobTimeoutError`, a transient poll error, …). */
  error: MiniMaxError | null;
  /** Back to `idle` (the job is no longer followed). */
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

function statusOf(kind: JobKind, mutation: UseMutationResult<unknown, MiniMaxError, never, unknown>, query: UseQueryResult<unknown, MiniMaxError>, error: MiniMaxError | null): FlowStatus {
  if (mutation.isIdle) return 'idle';
  if (mutation.isPending) return 'submitting';
  if (error && !isTransientError(error)) return error instanceof JobModeratedError || error instanceof ModeratedError ? 'moderated' : 'failed';
  if (query.data !== undefined && describeJob(kind, query.data as Snapshot<JobKind>).state === 'succeeded') return 'succeeded';
  return 'polling';
}

function useFlow<J extends JobKind, TInput, TVariables, TCreated>(
  kind: J,
  mutation: UseMutationResult<TCreated, MiniMaxError, TVariables>,
  query: UseQueryResult<Snapshot<J>, MiniMaxError>,
  jobId: string | undefined,
  toVariables: (input: TInput) => TVariables,
): JobFlow<J, TInput, TCreated, TVariables> {
  const missingId = useMemo(
    () => (mutation.isSuccess && !jobId ? new MiniMaxError(`The create answered without a job id: cannot follow the ${kind} job`) : null),
    [mutation.isSuccess, jobId, kind],
  );
  const error = mutation.error ?? missingId ?? query.error ?? null;
  const status = statusOf(kind, mutation as unknown as UseMutationResult<unknown, MiniMaxError, never, unknown>, query, error);
  const { mutate, mutateAsync, reset } = mutation;
  const submit = useCallback((input: TInput) => mutate(toVariables(input)), [mutate, toVariables]);
  const submitAsync = useCallback((input: TInput) => mutateAsync(toVariables(input)), [mutateAsync, toVariables]);
  const job = query.data;
  return {
    submit,
    submitAsync,
    jobId,
    job,
    state: job === undefined ? undefined : describeJob(kind, job),
    status,
    isPolling: status === 'polling',
    error,
    reset,
    mutation,
    query,
  };
}

const musicVariables = (input: GenerateMusicInput) => input;
const agentVariables = (input: AgentInput): RunAgentVariables => ({ ...input, async: true });

/** Generates a song (`POST /music/create`), then follows it with `useMusic` until it is final. */
export function useGenerateMusic(options?: FlowOptions<'music'>): JobFlow<'music', GenerateMusicInput, Output<'createMusic'>, CreateMusicVariables> {
  const client = useMiniMaxClient();
  const mutation = useMutation({
    ...createMusicMutationOptions(client),
    onError: (error) => {
      options?.onFailure?.(error, undefined);
      options?.onSettled?.(undefined, error);
    },
  });
  const jobId = mutation.data?.musicId;
  const query = useMusic(jobId, options);
  return useFlow('music', mutation, query, jobId, musicVariables);
}

/** Runs MiniMax Agent asynchronously (`POST /agent`, `async: true`), then follows the job with `useAgentJob`. */
export function useAgent(options?: FlowOptions<'agent'>): JobFlow<'agent', AgentInput, Output<'runAgent'>, RunAgentVariables> {
  const client = useMiniMaxClient();
  const mutation = useMutation({
    ...runAgentMutationOptions(client),
    onError: (error) => {
      options?.onFailure?.(error, undefined);
      options?.onSettled?.(undefined, error);
    },
  });
  const jobId = mutation.data?.jobId;
  const query = useAgentJob(jobId, options);
  return useFlow('agent', mutation, query, jobId, agentVariables);
}
