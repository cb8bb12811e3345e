// The request journal: one entry per API request (control and media requests are not journaled), the newest
// `journalLimit` kept; trimmed in batches so that recording stays cheap on the hot path.
import type { OperationId } from '../generated/operations.js';
import type { BodySummary } from './input.js';
import type { ScenarioName } from './scenarios.js';

/** One request as the mock saw it. */
export interface JournalEntry {
  /** 1-based order of arrival. */
  seq: number;
  /** The matched operation, or `null` (unknown route). */
  operationId: OperationId | null;
  method: string;
  url: string;
  /** The URL's path as received (ids may be percent-encoded). */
  path: string;
  /** The answered status; 0 for a simulated network error. */
  status: number;
  /** Virtual time of arrival (epoch ms) and the same as ISO-8601. */
  time: number;
  at: string;
  /** The scenario or fault that shaped the answer. */
  scenario?: ScenarioName;
  /** The body as received (long strings cut, files by name/size/type). */
  body?: BodySummary;
  /** The `error` of an error answer. */
  error?: string;
}

/** The journal of one mock. */
export class Journal {
  private entries: JournalEntry[] = [];
  private seq = 0;

  constructor(private readonly limit: number) {}

  /** The next entry's sequence number. */
  next(): number {
    return ++this.seq;
  }

  /** Adds an entry (the oldest go once the journal passes its limit by a tenth). */
  record(entry: JournalEntry): void {
    this.entries.push(entry);
    if (this.entries.length >= this.limit + Math.max(1, Math.floor(this.limit / 10))) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** The entries, oldest first (at most `limit`). */
  list(): JournalEntry[] {
    const list = this.entries.length > this.limit ? this.entries.slice(-this.limit) : this.entries.slice();
    // `at` is derived when read (cheaper on the hot path).
    for (const entry of list) if (entry.at === undefined) entry.at = new Date(entry.time).toISOString();
    return list;
  }

  /** Forgets the entries (the sequence goes on). */
  clear(): void {
    this.entries = [];
  }

  /** Back to empty, sequence from 1. */
  reset(): void {
    this.entries = [];
    this.seq = 0;
  }
}
