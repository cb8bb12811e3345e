// Job queries: the GET of a job, polled by TanStack's `refetchInterval` until `describeJob(kind, data).final`.
// One query per job id, so every component watching it shares one polling stream. The job rules (final
// states, failed and moderated outcomes) are the client's `describeJob` and `jobErrorFor`; when to poll next is
// the client's one poll policy (`pollPolicy` + `nextPoll`, the rule `waitFor` follows). A settled query (final
// snapshot, failed, moderated, timed out) is never fetched again by focus, remount or reconnect: only an explicit
// `refetch()` / `invalidateQueries` asks again.
import { hashKey, queryOptions, skipToken, type Query, type QueryClient, type QueryKey, type SkipToken } from '@tanstack/react-query';
import { JobTimeoutError, isTransientError, type JobKind, type MiniMaxError, type RequestOptions, type Snapshot } from '@useapi-minimax/client';
import {
  MAX_POLL_INTERVAL_MS,
  describeJobOf,
  jobErrorForMissingOf,
  jobErrorOf,
  jobKinds,
  nextPollOf,
  pollPolicyOf,
  type JobKindInfo,
} from '@useapi-minimax/client/internal';

/** Longest pause between polls after consecutive errors, unless `maxBackoffMs` says otherwise (the client's `MAX_POLL_INTERVAL_MS`). */
export const MAX_POLL_BACKOFF_MS = MAX_POLL_INTERVAL_MS;

/** How a job query polls. Defaults per kind come from the client's `jobKinds`. */
export interface JobPollOptions {
  /**
   * Pause between polls, in ms. Defaults: speech 3 000, music 5 000, video, image and agent 10 000.
   * When several components watch one job with different values, the shortest wins (they share one query).
   */
  pollIntervalMs?: number | undefined;
  /**
   * Give up after polling this long without a final state: the query fails with `JobTimeoutError` (the job itself
   * may still finish; `refetch()` starts a new watch). Defaults: speech 10 min, music and image 15 min, agent
   * 17 min, video 30 min.
   */
  maxPollMs?: number | undefined;
  /** Longest pause after consecutive transient errors (the pause doubles per error), in ms. Default 60 000. */
  maxBackoffMs?: number | undefined;
}

/** What one job query remembers between polls (per `Query`, so it goes when the query is garbage-collected). */
interface PollState {
  /** When the current watch started (first poll after a final state, a timeout or a pause). */
  startedAt?: number | undefined;
  /** When the last poll started. */
  lastAt?: number | undefined;
  /** Consecutive failed polls. */
  failures: number;
  /** The last poll ended with `JobTimeoutError`. */
  timedOut: boolean;
}

const pollStates = new WeakMap<object, PollState>();

function pollStateOf(query: object | undefined): PollState {
  if (!query) return { failures: 0, timedOut: false };
  let state = pollStates.get(query);
  if (!state) pollStates.set(query, (state = { failures: 0, timedOut: false }));
  return state;
}

function findQuery(client: QueryClient, queryKey: QueryKey): Query | undefined {
  const cache = client.getQueryCache();
  return cache.get(hashKey(queryKey)) ?? cache.find({ queryKey, exact: true });
}

/** Errors worth polling through: the client's rule (`waitFor` uses the same). */
export { isTransientError };

/** Reads one snapshot of a job: `client.music.get(id, options)` and the like. */
export type JobGetter<J extends JobKind> = (id: string, options: RequestOptions) => Promise<Snapshot<J>>;

/**
 * Query options that poll a job of `kind` until it is final: the data is the latest snapshot; a failed or
 * moderated job fails the query with `JobFailedError` / `JobModeratedError`, the deadline with `JobTimeoutError`.
 * Transient errors keep polling, the pause doubling per consecutive error (up to `maxBackoffMs`, at least the
 * server's `Retry-After`); any other error stops polling. Snapshots stay fresh for one interval (`staleTime`), and
 * the query does not retry on its own (`retry: false`): both can be overridden.
 */
export function jobQueryOptions<J extends JobKind, TKey extends QueryKey>(kind: J, queryKey: TKey, id: string | SkipToken, get: JobGetter<J>, options?: JobPollOptions) {
  return jobQueryOptionsOf(jobKinds[kind] as JobKindInfo<J>, queryKey, id, get, options);
}

/** {@link jobQueryOptions} for the kind of `facts` (the client's `musicJob`, …): what the generated hooks call, so an app ships only the facts of the kinds it follows. */
export function jobQueryOptionsOf<J extends JobKind, TKey extends QueryKey>(
  facts: JobKindInfo<J>,
  queryKey: TKey,
  id: string | SkipToken,
  get: JobGetter<J>,
  options: JobPollOptions = {},
) {
  const kind = facts.kind;
  const describe = (snapshot: Snapshot<J>) => describeJobOf(facts, snapshot);
  const policy = pollPolicyOf(facts, { intervalMs: options.pollIntervalMs, deadlineMs: options.maxPollMs, maxIntervalMs: options.maxBackoffMs });
  const maxPollMs = policy.deadlineMs;

  const poll = async (jobId: string, client: QueryClient, key: QueryKey, signal: AbortSignal): Promise<Snapshot<J>> => {
    const query = findQuery(client, key);
    const state = pollStateOf(query);
    const now = Date.now();
    // A new watch after a timeout (an explicit refetch) or after a pause longer than any scheduled poll.
    if (state.timedOut || (state.lastAt !== undefined && now - state.lastAt > 2 * policy.maxIntervalMs)) state.startedAt = undefined;
    state.timedOut = false;
    state.startedAt ??= now;
    state.lastAt = now;
    const last = query?.state.data as Snapshot<J> | undefined;
    if (now - state.startedAt >= maxPollMs) {
      state.timedOut = true;
      state.startedAt = undefined;
      throw new JobTimeoutError(`${kind} job ${jobId} was not final after ${maxPollMs} ms`, kind, jobId, last, last === undefined ? undefined : describe(last));
    }
    let snapshot: Snapshot<J>;
    try {
      snapshot = await get(jobId, { signal });
    } catch (error) {
      state.failures += 1;
      // A followed video that starts answering 404 was moderated and removed after generation (as in `waitFor`).
      throw jobErrorForMissingOf(facts, jobId, last, error) ?? error;
    }
    state.failures = 0;
    if (describe(snapshot).final) {
      state.startedAt = undefined;
      const failure = jobErrorOf(facts, snapshot);
      if (failure) throw failure;
    }
    return snapshot;
  };

  /** The query will not change without an explicit call: a final snapshot, or an error that stopped polling. */
  const settled = (query: Query<Snapshot<J>, MiniMaxError, Snapshot<J>, TKey>): boolean => {
    const { data, error } = query.state;
    if (error) return !isTransientError(error);
    return data !== undefined && describe(data).final;
  };
  const unlessSettled = (query: Query<Snapshot<J>, MiniMaxError, Snapshot<J>, TKey>) => !settled(query);

  return queryOptions<Snapshot<J>, MiniMaxError, Snapshot<J>, TKey>({
    queryKey,
    queryFn: id === skipToken ? skipToken : ({ client, queryKey: key, signal }) => poll(id, client, key, signal),
    refetchInterval: (query) => {
      const { data, error } = query.state;
      if (data === undefined && !error) return policy.intervalMs;
      const state = pollStates.get(query);
      const step = nextPollOf(facts, policy, {
        snapshot: data,
        error: error ?? undefined,
        failures: error ? Math.max(1, state?.failures ?? 1) : 0,
        elapsedMs: state?.startedAt === undefined ? 0 : Date.now() - state.startedAt,
      });
      // At the deadline, one more run of the query function throws `JobTimeoutError` (without a request).
      if (step.stop) return step.reason === 'deadline' ? 1 : false;
      return Math.max(1, Math.round(step.delayMs));
    },
    refetchOnWindowFocus: unlessSettled,
    refetchOnReconnect: unlessSettled,
    refetchOnMount: unlessSettled,
    retryOnMount: false,
    retry: false,
    staleTime: policy.intervalMs,
  });
}
