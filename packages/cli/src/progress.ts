// Progress on the terminal. On a TTY: a live block redrawn with log-update, one line per job in flight and a
// summary line. Otherwise (a pipe, a CI log, --json): plain lines, one per change that matters.
import { createLogUpdate } from 'log-update';
import type { DownloadEvent, JobEvent, JobRunner, WarningEvent } from '@useapi-minimax/runner';

/** Where progress goes. */
export interface ProgressOutput {
  /** Writes text. */
  write(text: string): void;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

interface Line {
  event: JobEvent;
  download?: DownloadEvent | undefined;
}

const bytes = (n: number) => (n < 1024 ? `${n} B` : n < 2 ** 20 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 2 ** 20).toFixed(1)} MiB`);

/** One job as a line of text (`percent`: with the progress percentage, for the live display). */
export function describeLine({ event, download }: Line, percent = true): string {
  const where = event.account ? ` @${event.account}` : '';
  let what: string = event.status;
  if (event.status === 'running' && event.state) what = `${event.state.state}${percent && event.state.percent !== undefined ? ` ${event.state.percent}%` : ''}`;
  if (event.status === 'downloading' && download) what = `downloading ${bytes(download.bytes)}${download.total ? ` / ${bytes(download.total)}` : ''}`;
  if (event.status === 'done') what = `${event.outcome ?? 'done'}${event.message ? `: ${event.message}` : ''}`;
  return `${event.key} (${event.kind}${where}) ${what}`;
}

/** Subscribes a display to a runner; returns the function that ends it (the block stays on screen). */
export function showProgress(runner: JobRunner, out: ProgressOutput, total: number): () => void {
  const lines = new Map<string, Line>();
  const done = new Map<string, string>();
  const warnings: string[] = [];
  const offs: (() => void)[] = [];

  if (!out.isTTY) {
    const plain = (text: string) => out.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
    let last = new Map<string, string>();
    offs.push(
      runner.on('job', (event) => {
        const text = describeLine({ event }, false);
        // A line when the status or the upstream state changes (not for every percent).
        if (last.get(event.key) === text) return;
        last.set(event.key, text);
        plain(text);
      }),
      runner.on('warning', (w: WarningEvent) => plain(`warning: ${w.key ? `${w.key}: ` : ''}${w.message}`)),
      runner.on('account', (a) => plain(`account ${a.account}: ${a.state}${a.forMs ? ` for ${Math.ceil(a.forMs / 1000)} s` : ''} (${a.pool})`)),
      runner.on('download', (d) => d.done && plain(`${d.key}: ${d.skipped ? 'already complete' : 'saved'} ${d.path} (${bytes(d.bytes)})`)),
    );
    return () => {
      for (const off of offs) off();
      last = new Map();
    };
  }

  const draw = createLogUpdate(out as unknown as NodeJS.WriteStream, { showCursor: false });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const render = () => {
    timer = undefined;
    const active = [...lines.values()];
    const width = out.columns ?? 100;
    const counts: Record<string, number> = {};
    for (const outcome of done.values()) counts[outcome] = (counts[outcome] ?? 0) + 1;
    const waiting = active.filter((l) => l.event.status === 'waiting').length;
    const summary = `${done.size}/${total} done · ${active.length - waiting} in flight · ${waiting} waiting${Object.entries(counts)
      .map(([k, v]) => ` · ${v} ${k}`)
      .join('')}`;
    const shown = active.filter((l) => l.event.status !== 'waiting').slice(0, Math.max(5, (process.stdout.rows ?? 30) - 6));
    draw([...warnings.slice(-3).map((w) => `! ${w}`), ...shown.map((l) => `  ${describeLine(l)}`.slice(0, width - 1)), summary].join('\n'));
  };
  const later = () => (timer ??= setTimeout(render, 80));
  offs.push(
    runner.on('job', (event) => {
      if (event.status === 'done') {
        lines.delete(event.key);
        done.set(event.key, event.outcome ?? 'done');
      } else lines.set(event.key, { event, download: lines.get(event.key)?.download });
      later();
    }),
    runner.on('download', (d) => {
      const line = lines.get(d.key);
      if (line) line.download = d;
      later();
    }),
    runner.on('warning', (w) => {
      warnings.push(`${w.key ? `${w.key}: ` : ''}${w.message}`);
      later();
    }),
  );
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    for (const off of offs) off();
    clearTimeout(timer);
    render();
    draw.done();
  };
}
