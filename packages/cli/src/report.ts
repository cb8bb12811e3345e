// The end of a run: the table of outcome classes, one line per job, and the exit code of the worst class.
import type { BatchReport, JobResult } from '@useapi-minimax/runner';

/** Exit codes, one per outcome class (the worst class of the run wins, in this order of precedence). */
export const EXIT = {
  /** Every job succeeded (and its results were saved, when asked). */
  ok: 0,
  /** The CLI itself failed (a bug, the ledger, the network before any job). */
  error: 1,
  /** Bad command line, missing token, or a manifest with problems (nothing was sent). */
  usage: 2,
  /** Some job failed (or its download did). */
  failed: 3,
  /** Some job was moderated (and none failed). */
  moderated: 4,
  /** Some job is not finished: timed out, no account could take it now (blocked), or its batch was cancelled. */
  incomplete: 5,
  /** Some create's outcome could not be proven: check the account before resubmitting. */
  unknown: 6,
} as const;

/** The exit code of a set of results. */
export function exitCodeFor(results: readonly JobResult[]): number {
  const has = (test: (r: JobResult) => boolean) => results.some(test);
  if (has((r) => r.outcome === 'unknown')) return EXIT.unknown;
  if (has((r) => r.outcome === 'failed' || r.downloadError !== undefined)) return EXIT.failed;
  if (has((r) => r.outcome === 'timed-out' || r.outcome === 'blocked' || r.outcome === 'cancelled')) return EXIT.incomplete;
  if (has((r) => r.outcome === 'moderated')) return EXIT.moderated;
  return EXIT.ok;
}

/** The final table: one row per outcome class, then one line per job that did not simply succeed. */
export function formatReport(report: BatchReport): string {
  const c = report.counts;
  const rows: [string, number][] = [
    ['created', c.created],
    ['succeeded', c.succeeded],
    ['moderated', c.moderated],
    ['failed', c.failed],
    ['unknown-reconciled', c.unknownReconciled],
    ['downloaded', c.downloaded],
  ];
  if (c.timedOut) rows.push(['timed out', c.timedOut]);
  if (c.blocked) rows.push(['blocked', c.blocked]);
  if (c.cancelled) rows.push(['cancelled', c.cancelled]);
  if (c.unknown) rows.push(['outcome unknown', c.unknown]);
  if (c.downloadFailed) rows.push(['download failed', c.downloadFailed]);
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = [`${'jobs'.padEnd(width)}  ${c.submitted}`, ...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`)];
  const notable = report.results.filter((r) => r.outcome !== 'succeeded' || r.message || r.downloadError);
  if (notable.length) {
    lines.push('');
    for (const r of notable) lines.push(`${r.key}: ${r.outcome}${r.message ? ` (${r.message})` : ''}${r.downloadError ? ` (download failed: ${r.downloadError})` : ''}`);
  }
  const r = report.requests;
  lines.push('', `requests: ${r.creates} creates, ${r.polls} polls, ${r.schedulerReads} scheduler reads, ${r.uploads} uploads, ${r.lookups} lookups`);
  return `${lines.join('\n')}\n`;
}

/** A JSON-safe view of a report (`--json`). */
export function reportJson(report: BatchReport, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify(
    {
      ...extra,
      counts: report.counts,
      requests: report.requests,
      jobs: report.results.map((r) => ({ key: r.key, kind: r.kind, outcome: r.outcome, ids: r.ids, account: r.account, reconciled: r.reconciled, createdNow: r.createdNow, message: r.message, files: r.files.map((f) => f.path) })),
      exitCode: exitCodeFor(report.results),
    },
    null,
    2,
  )}\n`;
}
