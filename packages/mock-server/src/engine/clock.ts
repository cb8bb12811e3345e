// The mock's clock. Job states are computed from it when read, so nothing is pushed by timers.
import { realNow } from './env.js';

/** How the mock's time moves: `manual` only through `advance()`, `real` with the wall clock (plus `advance()`). */
export type ClockMode = 'manual' | 'real';

/** The mock's clock (virtual epoch milliseconds). */
export interface MockClock {
  /** `manual` or `real`. */
  readonly mode: ClockMode;
  /** Current virtual time, epoch milliseconds. */
  now(): number;
  /** Current virtual time as an ISO-8601 string. */
  iso(): string;
  /** Moves virtual time forward by `ms` (both modes) and fires the webhooks of every job that changed. */
  advance(ms: number): number;
  /** Moves virtual time to `epochMs` (never backwards) and fires webhooks like `advance`. */
  set(epochMs: number): number;
}

/** The clock implementation with a change listener, used by the engine. */
export class Clock implements MockClock {
  readonly mode: ClockMode;
  private start: number;
  private realStart: number;
  private offset = 0;
  private readonly listeners = new Set<() => void>();

  constructor(mode: ClockMode, start: number | undefined) {
    this.mode = mode;
    this.realStart = realNow();
    this.start = start ?? (mode === 'real' ? this.realStart : DEFAULT_START);
  }

  now(): number {
    return this.mode === 'manual' ? this.start + this.offset : this.start + (realNow() - this.realStart) + this.offset;
  }

  iso(): string {
    return new Date(this.now()).toISOString();
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock.advance(ms) needs a finite ms >= 0, got ${ms}`);
    if (this.now() + ms > MAX_TIME) throw new RangeError(`clock.advance(ms): ${ms} ms would pass the last date JavaScript can represent`);
    this.offset += ms;
    for (const listener of this.listeners) listener();
    return this.now();
  }

  set(epochMs: number): number {
    return this.advance(Math.max(0, epochMs - this.now()));
  }

  /** Back to the start time. */
  reset(start: number | undefined): void {
    this.offset = 0;
    this.realStart = realNow();
    this.start = start ?? (this.mode === 'real' ? this.realStart : DEFAULT_START);
  }

  /** Called after every `advance`/`set`. */
  onAdvance(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The last epoch millisecond a JavaScript `Date` represents (+275760-09-13). */
export const MAX_TIME = 8.64e15;

/** Where a manual clock starts: 2026-09-01T12:00:00.000Z. */
export const DEFAULT_START = Date.UTC(2026, 8, 1, 12, 0, 0);
