// Saving results: streamed to `<name>.part` then renamed (a crash never leaves a file that looks complete),
// named from the job key with the proper extension, retried on transient failures, skipped when the file is
// already there with its recorded (or announced) size, with a warning when a URL is near its expiry.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { JobKind } from '@useapi-minimax/client';
import { fileStem } from './keys.js';
import type { DownloadedFile, FinalSnapshot } from './ledger.js';
import { extensionFor, urlExpiry, type ResultFile } from './results.js';
import { sleep } from './sleep.js';

/** Progress of one file. */
export interface DownloadProgress {
  readonly path: string;
  readonly url: string;
  /** Bytes written so far. */
  readonly bytes: number;
  /** The announced size, when the server sent one. */
  readonly total: number | undefined;
  /** The file is complete (or was already). */
  readonly done: boolean;
  /** It was already complete: nothing was fetched. */
  readonly skipped: boolean;
}

/** What {@link downloadResults} needs. */
export interface DownloadOptions {
  key: string;
  kind: JobKind;
  /** Each id's final snapshot; only succeeded ones are saved. */
  snapshots: readonly FinalSnapshot[];
  /** The output files of a snapshot (candidate URLs, best first). */
  files: (snapshot: FinalSnapshot) => readonly ResultFile[];
  dir: string;
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  signal: AbortSignal;
  /** Files saved by an earlier run (skipped when still there with the same size). */
  previous: readonly DownloadedFile[];
  onProgress?: ((progress: DownloadProgress) => void) | undefined;
  onWarning?: ((message: string) => void) | undefined;
  /** Warn when a URL expires within this many ms (default 15 min). */
  expiryWarningMs?: number | undefined;
  /** Attempts per file (default 4). */
  attempts?: number | undefined;
}

/** A download that failed for good. */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  constructor(
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}

const transient = (status: number) => status === 408 || status === 429 || status >= 500;

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

/** Saves one file from its candidate URLs; resolves with what is on disk. */
async function saveOne(o: DownloadOptions, urls: ResultFile, stem: string): Promise<DownloadedFile> {
  const warnWithin = o.expiryWarningMs ?? 15 * 60_000;
  const attempts = o.attempts ?? 4;
  let lastError: unknown;
  for (const url of urls) {
    const expiry = urlExpiry(url);
    if (expiry !== undefined && expiry - Date.now() < warnWithin) {
      o.onWarning?.(expiry <= Date.now() ? `${o.key}: the result URL expired at ${new Date(expiry).toISOString()}` : `${o.key}: the result URL expires at ${new Date(expiry).toISOString()}; downloading now`);
    }
    // Already complete from an earlier run?
    const before = o.previous.find((f) => f.url === url);
    if (before && (await sizeOf(before.path)) === before.size) {
      o.onProgress?.({ path: before.path, url, bytes: before.size, total: before.size, done: true, skipped: true });
      return before;
    }
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(Math.min(8_000, 500 * 2 ** (attempt - 1)), o.signal);
      let response: Response;
      try {
        response = await o.fetch(url, { signal: o.signal });
      } catch (error) {
        if (o.signal.aborted) throw o.signal.reason ?? error;
        lastError = error;
        continue;
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel().catch(() => undefined);
        lastError = new DownloadError(`${o.key}: ${url} answered ${response.status}`, response.status);
        if (transient(response.status)) continue;
        break; // 403/404/410: try the next URL
      }
      const ext = extensionFor(o.kind, url, response.headers.get('content-type'));
      const path = join(o.dir, `${stem}.${ext}`);
      const announced = Number(response.headers.get('content-length') ?? NaN);
      const total = Number.isFinite(announced) ? announced : undefined;
      if (total !== undefined && (await sizeOf(path)) === total) {
        await response.body.cancel().catch(() => undefined);
        o.onProgress?.({ path, url, bytes: total, total, done: true, skipped: true });
        return { path, url, size: total };
      }
      const part = `${path}.part`;
      let bytes = 0;
      let lastReport = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, callback) {
          bytes += chunk.length;
          const now = Date.now();
          if (now - lastReport >= 100) {
            lastReport = now;
            o.onProgress?.({ path, url, bytes, total, done: false, skipped: false });
          }
          callback(null, chunk);
        },
      });
      try {
        await mkdir(o.dir, { recursive: true });
        await pipeline(Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>), counter, createWriteStream(part), { signal: o.signal });
        if (total !== undefined && bytes !== total) throw new DownloadError(`${o.key}: ${url} ended after ${bytes} of ${total} bytes`);
        await rename(part, path);
      } catch (error) {
        await rm(part, { force: true });
        if (o.signal.aborted) throw o.signal.reason ?? error;
        lastError = error;
        continue;
      }
      o.onProgress?.({ path, url, bytes, total: total ?? bytes, done: true, skipped: false });
      return { path, url, size: bytes };
    }
  }
  throw lastError instanceof Error ? lastError : new DownloadError(`${o.key}: no result could be downloaded`);
}

/**
 * Saves every result of the succeeded ids: `<key>.<ext>`, or `<key>-1.<ext>`, `<key>-2.<ext>`, … when the job
 * has several files (images, agent attachments).
 */
export async function downloadResults(o: DownloadOptions): Promise<DownloadedFile[]> {
  const files = o.snapshots.filter((s) => s.state === 'succeeded').flatMap((s) => o.files(s));
  const stem = fileStem(o.key);
  const saved: DownloadedFile[] = [];
  for (const [i, urls] of files.entries()) saved.push(await saveOne(o, urls, files.length > 1 ? `${stem}-${i + 1}` : stem));
  return saved;
}
