// Following a created job (every id at once, until final or the deadline; webhook-first when a receiver is
// configured) and saving its results.
import type { JobKind } from '@useapi-minimax/client';
import { jobKinds } from '@useapi-minimax/client/internal';
import type { JobContext } from './context.js';
import type { WakeRegistry } from './correlation.js';
import { downloadResults } from './downloads.js';
import { followJob, Waker, type FollowResult } from './follow.js';
import type { KindInfo } from './kinds.js';
import type { Claim, FinalSnapshot, JobOutcome, JobRecord } from './ledger.js';
import { DOCUMENTED_RETENTION_MS, resultFiles } from './results.js';

function perKind(value: number | Partial<Record<JobKind, number>> | undefined, kind: JobKind, fallback: number): number {
  if (typeof value === 'number') return value;
  return value?.[kind] ?? fallback;
}

/** Follows every id of a created job concurrently until final (or the deadline). */
export async function followRecord(ctx: JobContext, record: JobRecord, info: KindInfo, claim: Claim): Promise<JobRecord | 'timed-out'> {
  const kind = info.job;
  // Resumed: the running job holds a slot of its account.
  if (record.account) await ctx.placement.adopt(record.key, record.account, info.pool);
  for (const id of record.ids) ctx.placement.following.add(id);
  const base = jobKinds[kind].intervalMs;
  const intervalMs = perKind(ctx.options.intervalMs, kind, ctx.options.webhookUrl ? base * 6 : base);
  const deadlineAt = (record.createdAt ?? Date.now()) + perKind(ctx.options.deadlineMs, kind, jobKinds[kind].deadlineMs);
  const retention = DOCUMENTED_RETENTION_MS[kind];
  if (retention !== undefined && record.createdAt !== undefined && Date.now() - record.createdAt > retention * 0.85) {
    ctx.warn(`created ${new Date(record.createdAt).toISOString()}: the API keeps ${kind} jobs readable by this id for ${Math.round(retention / 86_400_000)} days`, record.key);
  }
  const waker = new Waker();
  // A callback that claims the job is final: re-fetch now; a progress callback: at most once per poll interval.
  let progressPokeAt = Date.now();
  const unlisten = (ctx.correlation as WakeRegistry).listen?.(record.key, (hint) => {
    if (hint.claimsFinal !== false) return waker.poke();
    if (Date.now() - progressPokeAt < base) return;
    progressPokeAt = Date.now();
    waker.poke();
  });
  const get = (ctx.client as unknown as Record<string, { get: (id: string, o: unknown) => Promise<Record<string, unknown>> }>)[jobKinds[kind].tag]!.get;
  let results: FollowResult[];
  try {
    ctx.status(record, 'running');
    results = await Promise.all(
      record.ids.map((id) =>
        followJob({
          kind,
          id,
          get: (jobId, o) => get(jobId, o),
          intervalMs,
          deadlineAt,
          signal: ctx.signal,
          waker,
          onRequest: () => ctx.requests.polls++,
          waitFirst: ctx.options.webhookUrl !== undefined,
          onSnapshot: (_snapshot, state) => ctx.status(record, 'running', { state }),
        }),
      ),
    );
  } finally {
    unlisten?.();
  }
  if (results.some((r) => !r.final)) return 'timed-out';
  const snapshots: FinalSnapshot[] = results.map((r, i) => {
    const f = r as Extract<FollowResult, { final: true }>;
    const id = record.ids[i]!;
    return { id, state: f.state.state, message: f.state.message, urls: resultFiles(kind, f.snapshot).map((u) => u[0]!), snapshot: f.snapshot };
  });
  const outcome: JobOutcome = snapshots.every((s) => s.state === 'succeeded') ? 'succeeded' : snapshots.some((s) => s.state === 'failed' || s.state === 'cancelled') ? 'failed' : snapshots.some((s) => s.state === 'moderated') ? 'moderated' : 'succeeded';
  for (const id of record.ids) ctx.placement.following.delete(id);
  const final = await ctx.ledger.append(record.key, { type: 'final', outcome, snapshots, at: Date.now() }, claim);
  await ctx.placement.release(record.key);
  return final;
}

export async function downloadRecord(ctx: JobContext, record: JobRecord, info: KindInfo, claim: Claim): Promise<JobRecord> {
  if (!ctx.options.downloadDir || !record.snapshots.some((s) => s.state === 'succeeded')) return record;
  ctx.status(record, 'downloading');
  let written = 0;
  const files = await downloadResults({
    key: record.key,
    kind: info.job,
    snapshots: record.snapshots,
    files: (s) => resultFiles(info.job, s.snapshot as Record<string, unknown>),
    dir: ctx.options.downloadDir,
    fetch: ctx.downloadFetch,
    signal: ctx.signal,
    previous: record.downloads,
    onWarning: (message) => ctx.warn(message, record.key),
    onProgress: (p) => {
      if (p.done && !p.skipped) written++;
      ctx.emitter.emit('download', { key: record.key, ...p });
    },
  });
  ctx.downloadedNow.set(record.key, written);
  const same = files.length === record.downloads.length && files.every((f, i) => f.path === record.downloads[i]?.path && f.size === record.downloads[i]?.size);
  return same ? record : ctx.ledger.append(record.key, { type: 'downloaded', files, at: Date.now() }, claim);
}
