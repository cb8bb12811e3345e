// The Markdown section of the Redis backend's figures (scripts/bench/redis.mjs), for `pnpm bench` and the script.
const f = (n, d = 2) => n.toFixed(d);

/** Lines of the section. */
export function report(r) {
  const t = r.throughput;
  return [
    '## Job runner on Redis (`scripts/bench/redis.mjs`, issue 14)',
    '',
    `Makespan of one batch of ${r.jobs} videos × ${r.jobMs} ms on the standalone mock server (2 accounts × 3 slots = ${r.slots}) against the ideal ⌈M / S⌉ × T = ${r.idealMs} ms, run by N worker processes on one real redis-server (persistence on, \`appendfsync always\`), each polling every 100 ms; measured from the first worker's \`runner.batch()\` call to the last worker's answer (process start-up excluded). Baseline: the single-process runner (memory ledger, same polling) on the same batch in the same run. Goal: ideal / measured ≥ 0.9 for every N.`,
    '',
    '| workers | measured | ideal / measured | vs single process | 429s |',
    '|---|---|---|---|---|',
    ...r.rows.map((row) => `| ${row.workers} | ${row.measuredMs} ms | **${f(row.ratio, 3)}** | ${row.overhead ? `×${f(row.overhead, 3)}` : 'baseline'} | ${row.rejected429 ?? '–'} |`),
    '',
    `Scheduling throughput: ${t.jobs} image jobs with \`follow: false\` (a job is done once created) on one worker process (BullMQ concurrency ${t.concurrency}, 2 × 50 image slots), the mock answering at once in the worker's process (its \`handle\` as the client's fetch, no HTTP), against BullMQ's own throughput for ${t.jobs} empty jobs (addBulk, then one Worker at the same concurrency) on the same Redis. Both sides run in a fresh process warmed up by a first batch of the same size, one right after the other, the order alternating run by run, and both are timed from putting the jobs in the queue (the backend's dispatch, BullMQ's addBulk) to the last one done. Ratio per run: ${t.runs.map((x) => f(x.ratio, 3)).join(' / ')}, median **${f(t.ratio, 3)}** (goal ≥ 0.5): the backend ${f(t.backendPerS, 0)} jobs/s against ${f(t.bullmqEmptyPerS, 0)} (medians; ${f(t.batchPerS, 0)} jobs/s for the whole batch, recording every job in the ledger first; the mock's journal: ${t.mockCreates.join(', ')} creates for ${t.jobs} jobs). From the first job taken to the last done instead (queueing not counted): ratio ${f(t.takenRatio, 3)}. Per job (medians): CPU of the process ${f(t.cpuMsPerJob.backend, 2)} ms against ${f(t.cpuMsPerJob.bullmqEmpty, 2)} ms, redis-server's CPU ${f(t.redisCpuMsPerJob.backend, 2)} ms against ${f(t.redisCpuMsPerJob.bullmqEmpty, 2)} ms, Redis commands sent ${f(t.commandsPerJob.backend, 2)} against ${f(t.commandsPerJob.bullmqEmpty, 2)}.${t.http ? ` With the standalone mock server over HTTP instead: ${f(t.http.backendPerS, 0)} jobs/s (the same window), ratio ${f(t.http.ratio, 3)} to BullMQ's median. Beside them, the same run: the single-process runner (memory ledger, no Redis) ${f(t.singlePerS, 0)} jobs/s with the in-process mock and ${f(t.http.singlePerS, 0)} over HTTP; the mock alone answering the same ${t.jobs} creates sent straight from the client, 64 at a time: ${f(t.mockInProcessPerS, 0)} creates/s in-process, ${f(t.mockHttpPerS, 0)} over HTTP.` : ''}`,
    '',
  ];
}
