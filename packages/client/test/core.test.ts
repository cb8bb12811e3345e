// The tree-shakable form: a core plus one function per operation; the client is built on the same core and is
// accepted wherever a core is; views with other defaults (`withOptions`); the internal entry; and the client
// running where `AbortSignal.any` does not exist.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as publicEntry from '../src/index.js';
import {
  AbortError,
  createMiniMaxCore,
  createMusic,
  getMusic,
  listMusic,
  pollJob,
  uploadFile,
  ValidationError,
  waitForJob,
} from '../src/index.js';
import * as internalEntry from '../src/internal.js';
import { anySignal } from '../src/internal.js';
import { TOKEN, fakeFetch, json, route, testClient } from './helpers.js';

const MUSIC = 'user:1-minimax:2-music:3';
const core = (fake: ReturnType<typeof fakeFetch>, options = {}) => createMiniMaxCore({ token: TOKEN, fetch: fake.fetch, logLevel: 'silent', ...options });

describe('a core and the per-operation functions', () => {
  it('getMusic(core, id) issues the same request as client.music.get(id)', async () => {
    const a = fakeFetch().queue(json(200, { musicId: MUSIC, status: 2 }));
    const b = fakeFetch().queue(json(200, { musicId: MUSIC, status: 2 }));
    expect(await getMusic(core(a), MUSIC)).toEqual({ musicId: MUSIC, status: 2 });
    expect(await testClient(b).music.get(MUSIC)).toEqual({ musicId: MUSIC, status: 2 });
    const wire = (r: Request) => [r.method, r.url, r.headers.get('authorization')];
    expect(wire(a.requests[0]!)).toEqual(wire(b.requests[0]!));
  });

  it('input, raw uploads and the core default account travel like the resource methods', async () => {
    const fake = fakeFetch();
    const c = core(fake, { account: '987654321' });
    await listMusic(c, { limit: 5 });
    await uploadFile(c, new Blob(['png'], { type: 'image/png' }));
    await createMusic(c, { prompt: 'a lullaby' });
    expect(route(fake.requests[0]!)).toBe('/music?limit=5&account=987654321');
    expect(route(fake.requests[1]!)).toBe('/files?account=987654321');
    expect(fake.requests[1]!.headers.get('content-type')).toBe('image/png');
    expect(await fake.requests[2]!.json()).toMatchObject({ prompt: 'a lullaby', account: '987654321' });
  });

  it('a client is a core: every function accepts it', async () => {
    const fake = fakeFetch().queue(json(200, { musicId: MUSIC, status: 2 }), json(200, { musicId: MUSIC, status: 2 }));
    const client = testClient(fake);
    expect(await getMusic(client, MUSIC)).toMatchObject({ status: 2 });
    expect(await waitForJob(client, 'music', MUSIC)).toMatchObject({ status: 2 });
  });

  it('waitForJob and pollJob follow a job over a bare core', async () => {
    const fake = fakeFetch().queue(json(200, { musicId: MUSIC, status: 2, statusFinal: true }), json(200, { musicId: MUSIC, status: 2 }));
    const c = core(fake);
    expect(await waitForJob(c, 'music', MUSIC, { intervalMs: 100 })).toMatchObject({ status: 2 });
    const seen = [];
    for await (const song of pollJob(c, 'music', MUSIC)) seen.push(song.status);
    expect(seen).toEqual([2]);
    expect(fake.requests.map(route)).toEqual([`/music/${MUSIC}`, `/music/${MUSIC}`]);
  });

  it('anything else is refused with a clear TypeError', async () => {
    await expect(getMusic({} as never, MUSIC)).rejects.toThrow(/Expected a MiniMax core or client/);
  });

  it('invalid call options are a ValidationError, nothing sent', async () => {
    const fake = fakeFetch();
    const error = await getMusic(core(fake), MUSIC, { timeoutMs: -1, maxRetries: 1.5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field)).toEqual(['timeoutMs', 'maxRetries']);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('withOptions: a view with other defaults over the same transport', () => {
  it('sends the view account and headers; the parent keeps its own', async () => {
    const fake = fakeFetch();
    const client = testClient(fake, { account: '1' });
    const other = client.withOptions({ account: '2', headers: { 'X-Tenant': 't-2' } });
    await other.music.list();
    await client.music.list();
    await listMusic(other);
    expect(fake.requests.map(route)).toEqual(['/music?account=2', '/music?account=1', '/music?account=2']);
    expect(fake.requests.map((r) => r.headers.get('x-tenant'))).toEqual(['t-2', null, 't-2']);
    expect([client.account, other.account]).toEqual(['1', '2']);
    expect(other.baseUrl).toBe(client.baseUrl);
  });

  it('shares middleware and hooks with its parent, and works on a bare core', async () => {
    const fake = fakeFetch();
    const seen: string[] = [];
    const client = testClient(fake, { hooks: { onRequest: (e) => void seen.push(e.url) } });
    const view = client.withOptions({ account: '9' });
    client.use({ onRequest: ({ request }) => void seen.push(`mw ${request.method}`) });
    await view.accounts.list();
    expect(seen).toEqual(['mw GET', 'https://api.useapi.net/v1/minimax/accounts']);
    const coreView = core(fake).withOptions({ account: '3' });
    await listMusic(coreView);
    expect(route(fake.requests.at(-1)!)).toBe('/music?account=3');
  });

  it('checks its options', () => {
    expect(() => testClient(fakeFetch()).withOptions({ timeoutMs: 0 })).toThrow(ValidationError);
  });
});

describe('the public entry holds no plumbing; the internal entry does', () => {
  it.each(['operations', 'jobCreators', 'jobKinds', 'nextPage', 'pageItems', 'jobErrorForMissing', 'MAX_POLL_INTERVAL_MS', 'nextPoll', 'anySignal'])('%s', (name) => {
    expect(name in publicEntry).toBe(false);
    expect(name in internalEntry).toBe(true);
  });
});

describe('without AbortSignal.any (Safari < 17.4, React Native, older webviews)', () => {
  const original = AbortSignal.any;
  afterEach(() => {
    (AbortSignal as { any?: unknown }).any = original;
    vi.useRealTimers();
  });

  it('calls, timeouts, aborts and waits still work, and leave no listener behind', async () => {
    delete (AbortSignal as { any?: unknown }).any;
    const fake = fakeFetch().queue(json(200, { musicId: MUSIC, status: 1 }), json(200, { musicId: MUSIC, status: 2 }));
    const controller = new AbortController();
    const added: string[] = [];
    const removed: string[] = [];
    const add = controller.signal.addEventListener.bind(controller.signal);
    const remove = controller.signal.removeEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((type: string, l: never) => (added.push(type), add(type, l))) as never;
    controller.signal.removeEventListener = ((type: string, l: never) => (removed.push(type), remove(type, l))) as never;
    const client = testClient(fake);
    expect(await client.music.waitFor(MUSIC, { intervalMs: 100, signal: controller.signal })).toMatchObject({ status: 2 });
    expect(added.length).toBeGreaterThan(0);
    expect(removed.length).toBe(added.length);

    const never = fakeFetch().queue(() => new Promise<Response>(() => {}));
    const pending = testClient(never).music.get(MUSIC, { signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });

  it('anySignal combines, forwards the first reason and detaches on release', () => {
    const a = new AbortController();
    const b = new AbortController();
    const combined = anySignal([a.signal, undefined, b.signal]);
    b.abort('b went first');
    expect(combined.signal.aborted).toBe(true);
    expect(combined.signal.reason).toBe('b went first');
    const c = new AbortController();
    const other = anySignal([c.signal]);
    other.release();
    c.abort();
    expect(other.signal.aborted).toBe(false);
    const already = anySignal([AbortSignal.abort('early')]);
    expect(already.signal.reason).toBe('early');
  });
});
