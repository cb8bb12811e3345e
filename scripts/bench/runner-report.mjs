// The Markdown report of scripts/bench/runner.mjs (imported by scripts/bench.mjs too).

/** The Markdown lines of the report (also used by scripts/bench.mjs). */
export function report(r) {
  const f = (n, d = 2) => Number(n).toFixed(d);
  const out = [];
  out.push('## Job runner (`scripts/bench/runner.mjs`)');
  out.push('');
  out.push(`${r.jobs} video jobs of T = ${r.jobMs / 1000} s on ${r.accounts} accounts × ${r.slotsPerAccount} slots (the standalone mock server, real clock, in the same process): the ideal makespan is ⌈${r.jobs} / ${r.accounts * r.slotsPerAccount}⌉ × T = ${r.idealMs / 1000} s. Figure: ideal / measured (goal ≥ 0.95). Requests per job against the minimum (one create, one GET by id at the end — with polling every I ms, 1 + ⌈T / I⌉ —, one scheduler read per batch).`);
  out.push('');
  if (r.rows.length) out.push('| following | makespan | ideal / measured | creates / job | GETs / job (minimum) | scheduler reads (minimum 1) | peak in flight | 429s |');
  if (r.rows.length) out.push('|---|---|---|---|---|---|---|---|');
  for (const row of r.rows) {
    out.push(`| ${row.mode === 'webhooks' ? 'webhook-first (receiver on loopback; the mock emits callbacks on a 150 ms tick)' : `polling every ${row.pollMs} ms`} | ${f(row.measuredMs / 1000, 1)} s | **${f(row.ratio)}**${row.ratio >= 0.95 ? '' : ' (below 0.95)'} | ${f(row.perJob.creates)} | ${f(row.perJob.polls)} (${row.minimum.polls}) | ${row.schedulerReads} | ${row.peakInFlight} | ${row.rejected429} |`);
  }
  out.push('');
  if (r.crash) {
    const c = r.crash;
    out.push(`Crash test (\`packages/runner/test/crash/\`): ${c.kills} SIGKILLs over ${c.runs} runs of ${c.rounds} batches of 6 video jobs (kills: ${Object.entries(c.modes).map(([k, v]) => `${k} × ${v}`).join(', ')}), each batch then resumed to its end: **${c.duplicates} jobs created more than once, ${c.lost} results lost** (${c.jobs} jobs; creates per job in the mock's journal: ${[...new Set(c.createsPerJob)].join(', ')}).`);
    out.push('');
  }
  return out;
}
