// The default ledger: one append-only JSON Lines file in the batch's directory. Safe against `kill -9` at any
// instant because nothing is ever rewritten: each event is one line, written whole with a single write() and
// flushed (fdatasync) before `append` resolves. A process killed mid-write leaves at most a partial last line,
// which the next open drops (the event it held was never acknowledged, so nothing acted on it). A lock file
// keeps a second process off the same ledger while the first is alive (a stale lock of a dead process is taken).
import { closeSync, openSync, readFileSync, unlinkSync, writeSync, existsSync, mkdirSync, ftruncateSync, fdatasyncSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { applyEvent, LedgerError, type Ledger, type LedgerEvent } from './ledger.js';
import { indexReads, LedgerIndex, newLedgerId } from './memory-ledger.js';

/** Options of {@link openFileLedger}. */
export interface FileLedgerOptions {
  /**
   * Flush every event to the disk before acknowledging it (default true). `false` still survives `kill -9`
   * (the kernel keeps what was written) but not a power loss.
   */
  fsync?: boolean;
}

type Line = { v: 1; ledger: string; created: number } | { k: string; e: LedgerEvent } | { u: { account: string; sha256: string; fileID: string; at: number } };

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<file>.lock` for this process; a lock left by a dead process (or another boot) is taken over. */
function lock(file: string): () => void {
  const path = `${file}.lock`;
  const me = `${process.pid}@${hostname()}`;
  for (let tries = 0; tries < 3; tries++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, me);
      closeSync(fd);
      const unlock = () => {
        try {
          if (readFileSync(path, 'utf8') === me) unlinkSync(path);
        } catch {
          // already gone
        }
      };
      return unlock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = '';
      try {
        holder = readFileSync(path, 'utf8');
      } catch {
        continue;
      }
      const [pid, host] = holder.split('@');
      if (host === hostname() && Number(pid) !== process.pid && processAlive(Number(pid))) {
        throw new LedgerError(`the ledger ${file} is in use by process ${pid}; run one batch per ledger at a time (or wait for it)`);
      }
      if (host !== hostname() && host) throw new LedgerError(`the ledger ${file} is locked by ${holder} (another machine); remove ${path} if that process is gone`);
      try {
        unlinkSync(path);
      } catch {
        // raced with another taker
      }
    }
  }
  throw new LedgerError(`could not lock the ledger ${file}`);
}

/**
 * Opens (or creates) the ledger file `path` (JSON Lines: a header with the ledger's id, then one event per line)
 * and locks it for this process. Replays every event through the same fold as every backend.
 */
export async function openFileLedger(path: string, options: FileLedgerOptions = {}): Promise<Ledger> {
  const flush = options.fsync !== false;
  mkdirSync(dirname(path), { recursive: true });
  const unlock = lock(path);
  const index = new LedgerIndex();
  let id: string;
  let fd: number;
  try {
    if (!existsSync(path)) {
      id = newLedgerId();
      fd = openSync(path, 'wx');
      writeSync(fd, `${JSON.stringify({ v: 1, ledger: id, created: Date.now() } satisfies Line)}\n`);
      if (flush) fdatasyncSync(fd);
    } else {
      const text = readFileSync(path, 'utf8');
      const end = text.lastIndexOf('\n') + 1;
      const lines = text.slice(0, end).split('\n').filter((l) => l.length > 0);
      const header = lines.length ? (JSON.parse(lines[0]!) as Line) : undefined;
      if (!header || !('v' in header) || header.v !== 1) throw new LedgerError(`${path} is not a runner ledger (no header line)`);
      id = header.ledger;
      lines.slice(1).forEach((raw, i) => {
        let line: Line;
        try {
          line = JSON.parse(raw) as Line;
        } catch {
          throw new LedgerError(`${path}:${i + 2} is not JSON: the ledger is damaged (only its last line may be cut by a crash)`);
        }
        if ('k' in line) index.apply(line.k, line.e);
        else if ('u' in line) index.uploads.set(LedgerIndex.uploadKey(line.u.account, line.u.sha256), line.u);
      });
      fd = openSync(path, 'r+');
      // A partial last line (a write cut by a crash) was never acknowledged: drop it before appending.
      if (end < Buffer.byteLength(text)) ftruncateSync(fd, Buffer.byteLength(text.slice(0, end)));
      closeSync(fd);
      fd = openSync(path, 'a');
    }
  } catch (error) {
    unlock();
    throw error;
  }

  const onExit = () => unlock();
  process.once('exit', onExit);
  let closed = false;
  // One write at a time, in call order: each line is a single write() followed by a flush.
  let queue: Promise<unknown> = Promise.resolve();
  const write = (line: Line) => {
    const run = queue.then(() => {
      if (closed) throw new LedgerError(`the ledger ${path} is closed`);
      writeSync(fd, `${JSON.stringify(line)}\n`);
      if (flush) fdatasyncSync(fd);
    });
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    id,
    location: path,
    ...indexReads(index),
    append: async (key, event, claim) => {
      index.check(claim);
      // Validate against the fold first (an out-of-order event is a bug and must not reach the file) …
      applyEvent(index.records.get(key), key, event);
      // … then make it durable, then apply it.
      await write({ k: key, e: event });
      return index.apply(key, event);
    },
    putUpload: async (upload) => {
      await write({ u: upload });
      index.uploads.set(LedgerIndex.uploadKey(upload.account, upload.sha256), upload);
    },
    close: async () => {
      if (closed) return;
      await queue;
      closed = true;
      closeSync(fd);
      process.removeListener('exit', onExit);
      unlock();
    },
  };
}
