// A live progress line: one line rewritten in place on a terminal, plain lines (one per change) otherwise,
// so logs and CI output stay readable.

/** Where the line is written: `process.stdout`, or anything with `write` (tests). */
export interface Sink {
  isTTY?: boolean | undefined;
  columns?: number | undefined;
  write(chunk: string): unknown;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** `1.2 s`, `850 ms`, `2 min 05 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** A progress bar of `width` cells for a percentage: `[#####-----]`. */
export function bar(percent: number, width = 20): string {
  const p = Math.max(0, Math.min(100, percent));
  const full = Math.round((p / 100) * width);
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}]`;
}

/**
 * One job's progress. On a TTY, `update` rewrites the line (with a spinner and the elapsed time, ticking
 * between updates); elsewhere each distinct text is printed once, so piping the demo to a file gives one line
 * per state change. `done` ends the line.
 */
export class ProgressLine {
  readonly #out: Sink;
  readonly #label: string;
  readonly #now: () => number;
  readonly #started: number;
  #text = '';
  #printed = '';
  #frame = 0;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #finished = false;

  constructor(out: Sink, label: string, options: { now?: () => number; tick?: boolean } = {}) {
    this.#out = out;
    this.#label = label;
    this.#now = options.now ?? Date.now;
    this.#started = this.#now();
    if (out.isTTY && options.tick !== false) {
      this.#ticker = setInterval(() => this.#render(), 100);
      this.#ticker.unref?.();
    }
  }

  /** Elapsed time since the line was created, in ms. */
  get elapsedMs(): number {
    return this.#now() - this.#started;
  }

  /**
   * Shows the job's current state. Off a terminal a line is printed only when `key` (default: the text)
   * changes, so a caller can print e.g. every 25 % instead of every percent.
   */
  update(text: string, key: string = text): void {
    if (this.#finished) return;
    this.#text = text;
    if (this.#out.isTTY) this.#render();
    else if (key !== this.#printed) {
      this.#printed = key;
      this.#out.write(`  ${this.#label}: ${text} (${formatDuration(this.elapsedMs)})\n`);
    }
  }

  /** Ends the line with its final text (`✔ completed`, `✖ moderated`). */
  done(text: string): void {
    if (this.#finished) return;
    this.#finished = true;
    if (this.#ticker) clearInterval(this.#ticker);
    const line = `  ${this.#label}: ${text} (${formatDuration(this.elapsedMs)})`;
    if (this.#out.isTTY) this.#out.write(`\r\x1b[2K${line}\n`);
    else this.#out.write(`${line}\n`);
  }

  #render(): void {
    if (this.#finished) return;
    const frame = FRAMES[this.#frame++ % FRAMES.length];
    let line = `  ${frame} ${this.#label}: ${this.#text} ${formatDuration(this.elapsedMs)}`;
    const columns = this.#out.columns;
    if (columns && line.length > columns - 1) line = `${line.slice(0, Math.max(0, columns - 2))}…`;
    this.#out.write(`\r\x1b[2K${line}`);
  }
}
