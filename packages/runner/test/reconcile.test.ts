// Outcome-unknown creates: looked up before anything is decided, created again only when the lookup proves
// nothing exists, never created twice. The mock's journal is the witness.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyCreateError, createMemoryLedger, replyRefFor, type WarningEvent } from '../src/index.js';
import { harness, sent, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('outcome unknown', () => {
  it('502 that created the job → found by its replyRef, followed, not created again (unknown-reconciled)', async () => {
    h = harness({ jobMs: 400 });
    h.mock.scenarios.once('bad-gateway', { operationId: 'createVideo' });
    const runner = h.runner();
    const warnings: WarningEvent[] = [];
    runner.on('warning', (w) => warnings.push(w));
    const report = await runner.batch([{ kind: 'video', input: { prompt: 'A corgi' }, key: 'k' }]);
    expect(report.counts).toMatchObject({ created: 1, unknownReconciled: 1, succeeded: 1 });
    expect(h.mock.calls('createVideo').map((e) => e.status)).toEqual([502]);
    expect(report.requests.lookups).toBe(1);
    expect(warnings[0]!.message).toMatch(/outcome was unknown .*the job was found \((scheduler, by replyRef|list, by prompt)\)/);
    expect(report.results[0]).toMatchObject({ reconciled: true, outcome: 'succeeded' });
  });

  it('a lost connection that created nothing → the lookup proves it → created again, once, and says so', async () => {
    h = harness({ jobMs: 400 });
    h.mock.scenarios.once('network-error', { operationId: 'createVideo' });
    // The mock creates a job in the request that answers it: absence is provable at once (no settle time).
    const runner = h.runner({ lookup: { settleMs: 0 } });
    const warnings: string[] = [];
    runner.on('warning', (w) => warnings.push(w.message));
    const result = await runner.submit('video', { prompt: 'A corgi' });
    expect(result.outcome).toBe('succeeded');
    expect(h.mock.calls('createVideo').map((e) => e.status)).toEqual([0, 200]);
    expect(warnings.some((w) => /the lookup proved nothing was created .*creating it again/.test(w))).toBe(true);
  });

  it('a lookup that cannot prove either way → outcome unknown, never created again', async () => {
    h = harness();
    h.mock.scenarios.once('gateway-timeout', { operationId: 'createVideo' });
    const findCreated = async () => ({ found: false as const, certain: false, reason: 'the list is not searchable by prompt' });
    const { vi } = await import('vitest');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const runner = h.runner({ findCreated });
      const pending = runner.submit('video', { prompt: 'A corgi' });
      for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(10_000);
      const result = await pending;
      expect(result.outcome).toBe('unknown');
      expect(result.message).toMatch(/not created again: check the account's jobs/);
    } finally {
      vi.useRealTimers();
    }
    expect(h.mock.calls('createVideo')).toHaveLength(1);
  });

  it('a run that stopped after sending (intent, no id) → the resume looks the job up instead of creating it', async () => {
    h = harness({ jobMs: 500 });
    const ledger = createMemoryLedger({ id: 'crashed' });
    const replyRef = replyRefFor(ledger.id, 'k');
    await ledger.append('k', { type: 'submitted', kind: 'video', input: { prompt: 'A corgi' }, files: [], replyRef, at: Date.now() });
    await ledger.append('k', { type: 'intent', attempt: 1, account: h.mock.accounts[0], replyRef, sentAt: Date.now() });
    // The create went out and the process died before writing the id.
    await h.client.videos.create({ prompt: 'A corgi', account: h.mock.accounts[0], replyRef });
    const report = await h.runner({ ledger }).resume();
    expect(report.results[0]).toMatchObject({ outcome: 'succeeded', reconciled: true });
    expect(h.mock.calls('createVideo')).toHaveLength(1);
  });
});

describe('classifyCreateError', () => {
  it('reads each failure as the API documents it', async () => {
    const { RateLimitedError, ModeratedError, InsufficientCreditsError, AccountOnHoldError, UpstreamBusyError, ServerError, ConnectionError, TimeoutError, ValidationError, BadRequestError } = await import('@useapi-minimax/client');
    const init = (status: number, headers: Record<string, string> = {}) => ({ status, body: { error: 'x' }, method: 'POST', path: '/videos/create', headers });
    expect(classifyCreateError(new RateLimitedError(init(429, { 'retry-after': '3' })))).toEqual({ kind: 'retry', reason: 'rate-limited', retryAfterMs: 3000 });
    expect(classifyCreateError(new InsufficientCreditsError(init(412)))).toMatchObject({ kind: 'retry', reason: 'out-of-credits' });
    expect(classifyCreateError(new AccountOnHoldError(init(596)))).toMatchObject({ kind: 'retry', reason: 'on-hold' });
    expect(classifyCreateError(new ModeratedError(init(422)))).toMatchObject({ kind: 'end', outcome: 'moderated' });
    expect(classifyCreateError(new BadRequestError(init(400)))).toMatchObject({ kind: 'end', outcome: 'failed' });
    expect(classifyCreateError(new ValidationError([{ field: 'prompt', message: 'is required' }]))).toMatchObject({ kind: 'end', outcome: 'failed' });
    expect(classifyCreateError(new ConnectionError('refused', { code: 'ECONNREFUSED' }))).toMatchObject({ kind: 'retry', reason: 'not-sent' });
    for (const e of [new UpstreamBusyError(init(502)), new UpstreamBusyError(init(504)), new ServerError(init(500)), new ConnectionError('reset', { code: 'ECONNRESET' }), new TimeoutError(1000), new Error('the create answered without videoId')]) {
      expect(classifyCreateError(e).kind).toBe('unknown');
    }
  });
});

describe('uploads', () => {
  it('uploads a local file to the account the job was placed on, once per account and content', async () => {
    h = harness({ accounts: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'runner-upload-'));
    try {
      const png = join(dir, 'frame.png');
      writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
      const runner = h.runner();
      const report = await runner.batch([
        { kind: 'video', input: { prompt: 'animate one' }, files: { fileID: png } },
        { kind: 'video', input: { prompt: 'animate two' }, files: { fileID: png } },
      ]);
      expect(report.counts.succeeded).toBe(2);
      const uploads = h.ok('uploadFile');
      expect(uploads).toHaveLength(1);
      expect(uploads[0]!.url).toContain(`account=${h.mock.accounts[0]}`);
      const fileIDs = h.ok('createVideo').map((e) => sent(e).fileID);
      expect(fileIDs[0]).toMatch(/-file:/);
      expect(fileIDs[1]).toBe(fileIDs[0]);
      await expect(runner.submit('video', { prompt: 'x' }, { files: { fileID: join(dir, 'missing.png') } })).rejects.toThrow(/fileID: .*missing\.png: does not exist/);
      await expect(runner.submit('video', { prompt: 'x' }, { files: { fileID: join(dir, 'notes.txt') } })).rejects.toThrow(/not a type the API takes/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
