// The ledger: the fold every backend shares, and the file ledger's crash rules (a cut last line, a lock).
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyEvent, createMemoryLedger, LedgerError, openFileLedger, replyRefFor, type LedgerEvent } from '../src/index.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'ledger-test-'));
  dirs.push(d);
  return join(d, 'batch.ledger.jsonl');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const submitted = (replyRef = 'r1'): LedgerEvent => ({ type: 'submitted', kind: 'video', input: { prompt: 'x' }, files: [], replyRef, at: 1 });

describe('applyEvent', () => {
  it('walks submitted → intent → created → final → downloaded', () => {
    let r = applyEvent(undefined, 'k', submitted());
    expect(r.phase).toBe('queued');
    r = applyEvent(r, 'k', { type: 'intent', attempt: 1, account: 'a', replyRef: 'r1', sentAt: 2 });
    expect(r).toMatchObject({ phase: 'sending', attempts: 1, account: 'a', sentAt: 2 });
    r = applyEvent(r, 'k', { type: 'created', attempt: 1, ids: ['v'], account: 'a', at: 3 });
    expect(r).toMatchObject({ phase: 'created', ids: ['v'], createdAt: 3 });
    r = applyEvent(r, 'k', { type: 'final', outcome: 'succeeded', snapshots: [{ id: 'v', state: 'succeeded', urls: [], snapshot: {} }], at: 4 });
    r = applyEvent(r, 'k', { type: 'downloaded', files: [{ path: '/x.mp4', url: 'https://x', size: 1 }], at: 5 });
    expect(r).toMatchObject({ phase: 'final', outcome: 'succeeded', downloads: [{ path: '/x.mp4' }] });
  });

  it('an unknown outcome goes back to queued only through not-created (a lookup that proved it)', () => {
    let r = applyEvent(undefined, 'k', submitted());
    r = applyEvent(r, 'k', { type: 'intent', attempt: 1, account: 'a', replyRef: 'r1', sentAt: 2 });
    r = applyEvent(r, 'k', { type: 'unknown', attempt: 1, reason: '502', at: 3 });
    expect(r).toMatchObject({ phase: 'unknown', unknownReason: '502' });
    expect(() => applyEvent(r, 'k', { type: 'intent', attempt: 2, account: 'a', replyRef: 'r1', sentAt: 4 })).toThrow(LedgerError);
    r = applyEvent(r, 'k', { type: 'not-created', attempt: 1, reason: 'proved', at: 4 });
    expect(r.phase).toBe('queued');
  });

  it('refuses events out of order (a bug must not reach the file)', () => {
    expect(() => applyEvent(undefined, 'k', { type: 'intent', attempt: 1, account: 'a', replyRef: 'r', sentAt: 1 })).toThrow(/before submitted/);
    const r = applyEvent(undefined, 'k', submitted());
    expect(() => applyEvent(r, 'k', submitted())).toThrow(/already submitted/);
    expect(() => applyEvent(r, 'k', { type: 'created', attempt: 1, ids: ['v'], account: 'a', at: 1 })).toThrow(/created in phase queued/);
  });
});

describe('replyRefFor', () => {
  it('is stable per ledger and key, differs across ledgers, and fits the API limit', () => {
    expect(replyRefFor('aaaa', 'k')).toBe(replyRefFor('aaaa', 'k'));
    expect(replyRefFor('aaaa', 'k')).not.toBe(replyRefFor('bbbb', 'k'));
    expect(replyRefFor('aaaa', 'x'.repeat(200)).length).toBeLessThanOrEqual(1024);
  });
});

describe('openFileLedger', () => {
  it('replays every event after a reopen, with the same id', async () => {
    const path = tmp();
    const a = await openFileLedger(path);
    await a.append('k', submitted(replyRefFor(a.id, 'k')));
    await a.append('k', { type: 'intent', attempt: 1, account: 'a', replyRef: replyRefFor(a.id, 'k'), sentAt: 2 });
    await a.putUpload({ account: 'a', sha256: 'f'.repeat(64), fileID: 'file-1', at: 3 });
    await a.close();
    const b = await openFileLedger(path);
    expect(b.id).toBe(a.id);
    expect(await b.get('k')).toMatchObject({ phase: 'sending', attempts: 1 });
    expect(await b.findByReplyRef(replyRefFor(a.id, 'k'))).toMatchObject({ key: 'k' });
    expect(await b.getUpload('a', 'f'.repeat(64))).toMatchObject({ fileID: 'file-1' });
    await b.close();
  });

  it('drops a last line cut by a crash (never acknowledged) and appends after it cleanly', async () => {
    const path = tmp();
    const a = await openFileLedger(path);
    await a.append('k', submitted());
    await a.close();
    appendFileSync(path, '{"k":"k","e":{"type":"intent","attem');
    const b = await openFileLedger(path);
    expect((await b.get('k'))!.phase).toBe('queued');
    await b.append('k', { type: 'intent', attempt: 1, account: 'a', replyRef: 'r1', sentAt: 2 });
    await b.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('refuses a damaged line in the middle (it does not guess)', async () => {
    const path = tmp();
    const a = await openFileLedger(path);
    await a.append('k', submitted());
    await a.close();
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, `${text}garbage\n${text.split('\n')[1]}\n`);
    await expect(openFileLedger(path)).rejects.toThrow(/:3 is not JSON: the ledger is damaged/);
  });

  it('is locked while its process lives; the lock of a dead process is taken over', async () => {
    const path = tmp();
    writeFileSync(`${path}.lock`, `${process.ppid}@${hostname()}`);
    await expect(openFileLedger(path)).rejects.toThrow(new RegExp(`in use by process ${process.ppid}`));
    writeFileSync(`${path}.lock`, `4194000@${hostname()}`);
    const ledger = await openFileLedger(path);
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(`${process.pid}@${hostname()}`);
    await ledger.close();
    expect(() => readFileSync(`${path}.lock`)).toThrow();
  });

  it('refuses an out-of-order event before writing it', async () => {
    const path = tmp();
    const a = await openFileLedger(path);
    await expect(a.append('k', { type: 'intent', attempt: 1, account: 'a', replyRef: 'r', sentAt: 1 })).rejects.toThrow(LedgerError);
    await a.close();
    expect(readFileSync(path, 'utf8').trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('claims', () => {
  it('one holder at a time; a lost claim cannot write; an expired one can be taken', async () => {
    const ledger = createMemoryLedger();
    await ledger.append('k', submitted());
    const a = await ledger.claim('k', 'worker-a', 60_000);
    expect(a).toBeDefined();
    expect(await ledger.claim('k', 'worker-b', 60_000)).toBeUndefined();
    const expired = await ledger.claim('j', 'worker-a', -1);
    expect(await ledger.claim('j', 'worker-b', 60_000)).toBeDefined();
    expect(await ledger.renew(expired!, 1000)).toBe(false);
    await ledger.release(a!);
    const b = await ledger.claim('k', 'worker-b', 60_000);
    await expect(ledger.append('k', { type: 'intent', attempt: 1, account: 'x', replyRef: 'r1', sentAt: 1 }, a)).rejects.toThrow(/claim of worker-a was lost/);
    await ledger.append('k', { type: 'intent', attempt: 1, account: 'x', replyRef: 'r1', sentAt: 1 }, b);
  });
});
