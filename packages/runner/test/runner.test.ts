// The runner against the mock server: every outcome and every account rule, checked in the mock's journal.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalSlots, createMemoryLedger, openFileLedger, type JobEvent, type SlotStore } from '../src/index.js';
import { harness, sent, type Harness } from './helpers.js';

let h: Harness;
let dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'runner-test-'));
  dirs.push(d);
  return d;
};
afterEach(async () => {
  await h?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

const prompts = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'video' as const, input: { prompt: `A corgi surfing, take ${i + 1}` } }));

describe('submit', () => {
  it('creates a video on an explicit account with a replyRef derived from the key, follows it and resolves succeeded', async () => {
    h = harness();
    const ledger = createMemoryLedger({ id: 'testledger1' });
    const runner = h.runner({ ledger });
    const result = await runner.submit('video', { prompt: 'A corgi surfing' }, { key: 'corgi' });
    expect(result).toMatchObject({ key: 'corgi', kind: 'video', outcome: 'succeeded', createdNow: true, reconciled: false });
    expect(result.ids).toHaveLength(1);
    const creates = h.ok('createVideo');
    expect(creates).toHaveLength(1);
    const body = sent(creates[0]!);
    expect(body.account).toBe(h.mock.accounts[0]);
    expect(body.replyRef).toMatch(/^mmr1-testledger1-[0-9a-f]{24}$/);
    expect(result.snapshots[0]).toMatchObject({ state: 'succeeded' });
    expect(result.snapshots[0]!.urls[0]).toMatch(/^https:\/\//);
  });

  it('the same key again (a rerun over the same ledger) creates nothing new', async () => {
    h = harness();
    const ledger = createMemoryLedger();
    await h.runner({ ledger }).submit('video', { prompt: 'A corgi surfing' }, { key: 'corgi' });
    const again = await h.runner({ ledger }).submit('video', { prompt: 'A corgi surfing' }, { key: 'corgi' });
    expect(again).toMatchObject({ outcome: 'succeeded', createdNow: false });
    expect(h.ok('createVideo')).toHaveLength(1);
  });

  it('a key reused with another input is refused before anything is sent', async () => {
    h = harness();
    const ledger = createMemoryLedger();
    await h.runner({ ledger }).submit('video', { prompt: 'one' }, { key: 'k' });
    await expect(h.runner({ ledger }).submit('video', { prompt: 'two' }, { key: 'k' })).rejects.toThrow(/key k was submitted before with another input/);
    expect(h.mock.calls('createVideo')).toHaveLength(1);
  });

  it('refuses a bad kind, input or key naming the field, sending nothing', async () => {
    h = harness();
    const runner = h.runner();
    await expect(runner.submit('movie' as never, { prompt: 'x' } as never)).rejects.toThrow(/^kind: must be one of/);
    await expect(runner.submit('video', null as never)).rejects.toThrow(/^input: must be an object/);
    await expect(runner.submit('video', { prompt: 'x' }, { key: 'a\nb' })).rejects.toThrow(/^key: must not contain/);
    await expect(runner.submit('video', { prompt: 'x' }, { files: { prompt: './x.png' } })).rejects.toThrow(/^files\.prompt: video jobs take files in fileID/);
    expect(h.mock.requests).toHaveLength(0);
  });

  it('reports progress events: waiting → creating → running (with states) → done', async () => {
    h = harness();
    const runner = h.runner();
    const events: JobEvent[] = [];
    runner.on('job', (e) => events.push(e));
    await runner.submit('speech', { text: 'Hello there.', voice_id: '308172940561327' }, { key: 'hello' });
    const statuses = events.map((e) => e.status);
    expect(statuses[0]).toBe('waiting');
    expect(statuses).toContain('creating');
    expect(statuses).toContain('running');
    expect(statuses.at(-1)).toBe('done');
    expect(events.at(-1)).toMatchObject({ outcome: 'succeeded', key: 'hello', kind: 'speech' });
    expect(events.some((e) => e.state?.final === true)).toBe(true);
  });
});

describe('every kind', () => {
  it.each([
    ['video', { prompt: 'A corgi surfing' }, 'createVideo'],
    ['image', { prompt: 'A lighthouse', quantity: 2 }, 'createImages'],
    ['speech', { text: 'Hello there.', voice_id: '308172940561327' }, 'createSpeech'],
    ['agent', { prompt: 'A song about the sea', models: 'music-2.0' }, 'runAgent'],
    ['music', { prompt: 'lo-fi, rainy night' }, 'createMusic'],
    ['music-legacy', { prompt: 'la la la', styleId: 'pop-1' }, 'createMusicLegacy'],
  ] as const)('%s', async (kind, input, operation) => {
    h = harness();
    if (kind === 'music-legacy') {
      const styles = (await h.client.music.styles()) as unknown as { styles?: { styleId: string }[] }[];
      (input as Record<string, unknown>).styleId = styles[0]!.styles![0]!.styleId;
    }
    const result = await h.runner().submit(kind, input as never);
    expect(result.outcome, result.message).toBe('succeeded');
    expect(h.ok(operation)).toHaveLength(1);
    expect(result.ids).toHaveLength(kind === 'image' ? 2 : 1);
    const body = sent(h.ok(operation)[0]!);
    if (kind === 'agent') expect(body.async).toBe(true);
    if (kind === 'music') expect(body.stream).toBe(false);
    if (kind === 'music-legacy') expect(body.replyRef).toBeUndefined();
    else expect(body.replyRef).toMatch(/^mmr1-/);
  });
});

describe('accounts and capacity', () => {
  it('keeps every account full and never over-filled: 10 videos on 2 accounts × 2 slots, no 429, both used', async () => {
    h = harness({ accounts: [{ maxJobs: 2 }, { maxJobs: 2 }] });
    let running = new Map<string, number>();
    let worst = 0;
    const runner = h.runner();
    // Running upstream from the create until the job is seen final (the slot is freed right after that).
    const ended = new Set<string>();
    runner.on('job', (e) => {
      if (e.status === 'creating') running.set(e.account!, (running.get(e.account!) ?? 0) + 1);
      if (e.state?.final && e.account && !ended.has(e.key)) {
        ended.add(e.key);
        running.set(e.account, running.get(e.account)! - 1);
      }
      worst = Math.max(worst, ...running.values());
    });
    const report = await runner.batch(prompts(10));
    expect(report.counts).toMatchObject({ submitted: 10, created: 10, succeeded: 10 });
    expect(h.mock.calls('createVideo').filter((e) => e.status === 429)).toHaveLength(0);
    expect(new Set(h.ok('createVideo').map((e) => sent(e).account))).toEqual(new Set(h.mock.accounts));
    expect(worst).toBeLessThanOrEqual(2);
    running = new Map();
  });

  it('takes the slots of many waiting jobs in one store call; a refused account sends its waiters to the others', async () => {
    h = harness({ accounts: [{ maxJobs: 4 }, { maxJobs: 4 }] });
    const local = createLocalSlots();
    const [busy] = h.mock.accounts;
    const calls: number[] = [];
    let refused = 0;
    // A shared store where `busy` is full with other workers' jobs for the first call that asks it.
    const slots: SlotStore = {
      ...local,
      acquire: () => Promise.reject(new Error('placement must take its slots with acquireMany')),
      acquireMany: async (requests) => {
        calls.push(requests.length);
        const refuse = refused === 0 && requests.some((r) => r.account === busy);
        if (refuse) refused = requests.filter((r) => r.account === busy).length;
        return Promise.all(requests.map((r) => (refuse && r.account === busy ? undefined : local.acquire(r.account, r.pool, r.limit, r.holder))));
      },
    };
    let held = 0;
    let worst = 0;
    const runner = h.runner({ slots, follow: false, slotLimits: { image: 4 } });
    runner.on('job', (e) => {
      if (e.status === 'creating') worst = Math.max(worst, ++held);
      if (e.status === 'done') held--;
    });
    const report = await runner.batch(Array.from({ length: 16 }, (_, i) => ({ kind: 'image' as const, input: { prompt: `tile ${i}` } })));
    expect(report.counts).toMatchObject({ submitted: 16, created: 16 });
    expect(refused).toBeGreaterThan(0);
    // One probe per account first, then the proven accounts' free slots in one call each round.
    expect(Math.max(...calls)).toBeGreaterThan(2);
    expect(calls.length).toBeLessThan(16);
    expect(worst).toBeLessThanOrEqual(8);
    expect(h.ok('createImages')).toHaveLength(16);
  });

  it('counts slots taken by jobs that are not its own (from the scheduler)', async () => {
    h = harness({ accounts: [{ maxJobs: 2 }], jobMs: 400 });
    // Someone else runs a video on the only account.
    await h.client.videos.create({ prompt: 'not ours', account: h.mock.accounts[0] });
    const report = await h.runner().batch(prompts(3));
    expect(report.counts.succeeded).toBe(3);
    expect(h.mock.calls('createVideo').filter((e) => e.status === 429)).toHaveLength(0);
    expect(report.requests.schedulerReads).toBeGreaterThan(1);
  });

  it('429 → backs that account off (Retry-After) and places the job again; one job created', async () => {
    h = harness({ accounts: [{ maxJobs: 3 }] });
    h.mock.scenarios.once('rate-limited:1', { operationId: 'createVideo' });
    const runner = h.runner();
    const accounts: string[] = [];
    runner.on('account', (e) => accounts.push(`${e.state}:${e.forMs}`));
    const result = await runner.submit('video', { prompt: 'x' });
    expect(result.outcome).toBe('succeeded');
    expect(accounts).toEqual(['rate-limited:1000']);
    expect(h.mock.calls('createVideo').map((e) => e.status)).toEqual([429, 200]);
  });

  it('412 → that account is out of credits; the jobs go to the other', async () => {
    h = harness({ accounts: [{ credits: 0 }, { credits: 1000 }] });
    const [poor, rich] = h.mock.accounts;
    const report = await h.runner().batch(prompts(4));
    expect(report.counts.succeeded).toBe(4);
    const creates = h.ok('createVideo').map((e) => sent(e).account);
    expect(creates).toEqual([rich, rich, rich, rich]);
    // One probe finds the account empty; no second create goes there.
    expect(h.mock.calls('createVideo').filter((e) => e.status === 412).map((e) => sent(e).account)).toEqual([poor]);
  });

  it('596 → that account pauses, not the batch; with every account on hold the jobs end blocked, nothing created', async () => {
    h = harness({ accounts: [{ onHold: true }, {}] });
    const [held, free] = h.mock.accounts;
    const report = await h.runner().batch(prompts(3));
    expect(report.counts.succeeded).toBe(3);
    expect(new Set(h.ok('createVideo').map((e) => sent(e).account))).toEqual(new Set([free]));
    expect(h.mock.calls('createVideo').filter((e) => e.status === 596).map((e) => sent(e).account)).toEqual([held]);
    await h.close();

    h = harness({ accounts: [{ onHold: true }, { onHold: true }] });
    const blocked = await h.runner().batch(prompts(3));
    expect(blocked.counts).toMatchObject({ blocked: 3, created: 0 });
    expect(blocked.results[0]!.message).toMatch(/no account can take video jobs \(on-hold\)/);
    expect(h.mock.calls('createVideo').map((e) => e.status)).toEqual([596, 596]);
  });

  it('an account in an error state, or without the capability, is never used', async () => {
    h = harness({ accounts: [{ error: 'session expired' }, { supportVideo: false }, {}] });
    const usable = h.mock.accounts[2];
    await h.runner().batch(prompts(2));
    expect(new Set(h.mock.calls('createVideo').map((e) => sent(e).account))).toEqual(new Set([usable]));
  });

  it('blocked when no account can take the kind at all', async () => {
    h = harness({ accounts: [{ supportAudio: false }] });
    const result = await h.runner().submit('speech', { text: 'Hi.', voice_id: '308172940561327' });
    expect(result.outcome).toBe('blocked');
    expect(result.message).toMatch(/no account can take speech jobs \(unsupported\)/);
    expect(h.mock.calls('createSpeech')).toHaveLength(0);
  });

  it('legacy music: one generation at a time per account (never the "previous request" 429)', async () => {
    h = harness({ accounts: 2 });
    const styles = (await h.client.music.styles({ account: h.mock.accounts[0] })) as unknown as { styles?: { styleId: string }[] }[];
    const styleId = styles[0]!.styles![0]!.styleId;
    const report = await h.runner().batch(Array.from({ length: 5 }, (_, i) => ({ kind: 'music-legacy' as const, input: { prompt: `verse ${i}`, styleId } })));
    expect(report.counts.succeeded).toBe(5);
    expect(h.mock.calls('createMusicLegacy').map((e) => e.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('--accounts: only the accounts given', async () => {
    h = harness({ accounts: 3 });
    const only = h.mock.accounts[1]!;
    await h.runner({ accounts: [only] }).batch(prompts(3));
    expect(new Set(h.ok('createVideo').map((e) => sent(e).account))).toEqual(new Set([only]));
  });

  it('concurrency caps the jobs in flight across accounts', async () => {
    h = harness({ accounts: [{ maxJobs: 3 }, { maxJobs: 3 }] });
    const runner = h.runner({ concurrency: 2 });
    let inFlight = 0;
    let worst = 0;
    const ended = new Set<string>();
    runner.on('job', (e) => {
      if (e.status === 'creating') worst = Math.max(worst, ++inFlight);
      if (e.state?.final && !ended.has(e.key)) {
        ended.add(e.key);
        inFlight--;
      }
    });
    await runner.batch(prompts(6));
    expect(worst).toBe(2);
  });
});

describe('outcomes', () => {
  it('422 at create → moderated, nothing created, nothing retried', async () => {
    h = harness();
    const result = await h.runner().submit('video', { prompt: 'x [mock:moderated]' });
    expect(result).toMatchObject({ outcome: 'moderated', ids: [], createdNow: false });
    expect(h.mock.calls('createVideo').map((e) => e.status)).toEqual([422]);
  });

  it('moderated after creation → moderated', async () => {
    h = harness();
    const result = await h.runner().submit('video', { prompt: 'x [mock:moderated-final]' });
    expect(result).toMatchObject({ outcome: 'moderated', createdNow: true });
    expect(result.snapshots[0]).toMatchObject({ state: 'moderated' });
  });

  it('a failed job → failed, with its message', async () => {
    h = harness();
    const result = await h.runner().submit('speech', { text: 'x [mock:failed]', voice_id: '308172940561327' });
    expect(result.outcome).toBe('failed');
  });

  it('a 400 the API answers → failed, nothing created again', async () => {
    h = harness();
    const result = await h.runner().submit('video', { prompt: 'x', model: 'Sora-2', options: '768p-6sec' });
    expect(result.outcome).toBe('failed');
    expect(result.message).toMatch(/options/);
    expect(h.mock.calls('createVideo')).toHaveLength(1);
  });

  it('the deadline → timed-out (the job stays created in the ledger: a resume follows it again)', async () => {
    h = harness({ jobMs: 2_000 });
    const ledger = createMemoryLedger();
    const first = await h.runner({ ledger, deadlineMs: 100 }).submit('video', { prompt: 'slow' }, { key: 'slow' });
    expect(first.outcome).toBe('timed-out');
    expect((await ledger.get('slow'))!.phase).toBe('created');
    const resumed = await h.runner({ ledger }).resume();
    expect(resumed.results[0]).toMatchObject({ key: 'slow', outcome: 'succeeded', createdNow: false });
    expect(h.ok('createVideo')).toHaveLength(1);
  });
});

describe('downloads', () => {
  it('saves results under names from the key with their extension, downloadURL first; a rerun skips them', async () => {
    h = harness();
    const dir = tmp();
    const ledger = await openFileLedger(join(dir, 'batch.ledger.jsonl'));
    const log: string[] = [];
    const { cdnFetch } = await import('./helpers.js');
    const runner = h.runner({ ledger, downloadDir: join(dir, 'out'), fetch: cdnFetch(log) });
    const report = await runner.batch([
      { kind: 'video', input: { prompt: 'A corgi' }, key: 'corgi/one' },
      { kind: 'image', input: { prompt: 'A lighthouse', quantity: 2 }, key: 'lighthouse' },
      { kind: 'speech', input: { text: 'Hello.', voice_id: '308172940561327' }, key: '01-hello' },
    ]);
    expect(report.counts).toMatchObject({ succeeded: 3, downloaded: 4 });
    const files = readdirSync(join(dir, 'out')).sort();
    expect(files).toEqual(['01-hello.mp3', 'corgi_one-' + files.find((f) => f.startsWith('corgi_one-'))!.slice(10, 16) + '.mp4', 'lighthouse-1.jpg', 'lighthouse-2.jpg'].sort());
    const video = report.results.find((r) => r.key === 'corgi/one')!;
    const snap = video.snapshots[0]!.snapshot as { downloadURL?: string; videoURL?: string };
    if (snap.downloadURL) expect(video.files[0]!.url).toBe(snap.downloadURL);
    for (const f of report.results.flatMap((r) => r.files)) expect(statSync(f.path).size).toBe(f.size);
    await runner.close();
    await ledger.close();

    const again = await openFileLedger(join(dir, 'batch.ledger.jsonl'));
    const before = log.length;
    const rerun = await h.runner({ ledger: again, downloadDir: join(dir, 'out'), fetch: cdnFetch(log) }).batch([
      { kind: 'video', input: { prompt: 'A corgi' }, key: 'corgi/one' },
      { kind: 'image', input: { prompt: 'A lighthouse', quantity: 2 }, key: 'lighthouse' },
      { kind: 'speech', input: { text: 'Hello.', voice_id: '308172940561327' }, key: '01-hello' },
    ]);
    expect(rerun.counts).toMatchObject({ created: 0, succeeded: 3, downloaded: 0 });
    expect(log.length).toBe(before);
    await again.close();
  });

  it('retries a transient failure (503, a reset) and reports bytes', async () => {
    h = harness();
    const dir = tmp();
    const { cdnFetch } = await import('./helpers.js');
    const runner = h.runner({ downloadDir: dir, fetch: cdnFetch([], [503, 'reset']) });
    const bytes: number[] = [];
    runner.on('download', (e) => e.done && bytes.push(e.bytes));
    const result = await runner.submit('music', { prompt: 'lo-fi' }, { key: 'song' });
    expect(result.files).toHaveLength(1);
    expect(result.files[0]!.path).toBe(join(dir, 'song.mp3'));
    expect(bytes).toEqual([result.files[0]!.size]);
  });
});
