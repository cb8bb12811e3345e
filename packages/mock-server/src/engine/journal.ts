// The request journal: one entry per API request (control and media requests are not journaled), the newest
// `journalLimit` kept in a ring of parallel arrays. Recording copies the request's few fields into the ring (no
// entry object outlives its request, so none is promoted to the old generation); the entries are built when read.
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
  private seq = 0;
  /** Next slot to write, and how many slots hold an entry. */
  private head = 0;
  private size = 0;
  private readonly seqs: Float64Array;
  private readonly times: Float64Array;
  private readonly statuses: Uint16Array;
  private readonly operationIds: (OperationId | null)[];
  private readonly methods: string[];
  private readonly urls: string[];
  private readonly paths: string[];
  // The fields most requests leave out, each in its own array (no object is made to hold them).
  private readonly scenarios: (ScenarioName | undefined)[];
  private readonly bodies: (BodySummary | undefined)[];
  private readonly errors: (string | undefined)[];

  constructor(limit: number) {
    const n = Math.max(0, Math.floor(limit));
    this.seqs = new Float64Array(n);
    this.times = new Float64Array(n);
    this.statuses = new Uint16Array(n);
    this.operationIds = new Array<OperationId | null>(n).fill(null);
    this.methods = new Array<string>(n).fill('');
    this.urls = new Array<string>(n).fill('');
    this.paths = new Array<string>(n).fill('');
    this.scenarios = new Array<ScenarioName | undefined>(n).fill(undefined);
    this.bodies = new Array<BodySummary | undefined>(n).fill(undefined);
    this.errors = new Array<string | undefined>(n).fill(undefined);
  }

  /** The next entry's sequence number. */
  next(): number {
    return ++this.seq;
  }

  /** Adds an entry (over the limit, the oldest goes). */
  record(entry: Omit<JournalEntry, 'at'>): void {
    const n = this.seqs.length;
    if (n === 0) return;
    const i = this.head;
    this.seqs[i] = entry.seq;
    this.times[i] = entry.time;
    this.statuses[i] = entry.status;
    this.operationIds[i] = entry.operationId;
    this.methods[i] = entry.method;
    this.urls[i] = entry.url;
    this.paths[i] = entry.path;
    this.scenarios[i] = entry.scenario;
    this.bodies[i] = entry.body;
    this.errors[i] = entry.error;
    this.head = i + 1 === n ? 0 : i + 1;
    if (this.size < n) this.size++;
  }

  /** The entries, oldest first (at most `limit`), as fresh objects. */
  list(): JournalEntry[] {
    const n = this.seqs.length;
    const out: JournalEntry[] = new Array(this.size);
    let i = (this.head - this.size + n) % (n || 1);
    for (let k = 0; k < this.size; k++) {
      const time = this.times[i] as number;
      const entry: Omit<JournalEntry, 'at'> & { at?: string } = {
        seq: this.seqs[i] as number, operationId: this.operationIds[i] ?? null, method: this.methods[i] as string, url: this.urls[i] as string,
        path: this.paths[i] as string, status: this.statuses[i] as number, time,
      };
      const scenario = this.scenarios[i];
      const body = this.bodies[i];
      const error = this.errors[i];
      if (scenario !== undefined) entry.scenario = scenario;
      if (body !== undefined) entry.body = body;
      if (error !== undefined) entry.error = error;
      entry.at = new Date(time).toISOString();
      out[k] = entry as JournalEntry;
      i = i + 1 === n ? 0 : i + 1;
    }
    return out;
  }

  /** Forgets the entries (the sequence goes on). */
  clear(): void {
    this.head = 0;
    this.size = 0;
    this.urls.fill('');
    this.paths.fill('');
    this.scenarios.fill(undefined);
    this.bodies.fill(undefined);
    this.errors.fill(undefined);
  }

  /** Back to empty, sequence from 1. */
  reset(): void {
    this.clear();
    this.seq = 0;
  }
}
