// MiniMax Studio's song flow in a real Chromium, against a standalone mock server on a manual clock: each state of
// the flow with its button (Try again, Recover), the single-flight create and a reload mid-job, each step checked
// on the mock's journal (its control API). The studio is built here in API mode (VITE_MINIMAX_BASE_URL) and served
// by `vite preview`, whose proxy adds the mock's token (the documented "standalone mock server" setup): the mock
// keeps its state across a page reload, which the in-page MSW mock of studio.test.ts cannot.
//
// No wall-clock budgets: time moves only when a step advances the mock's clock, and every wait is for a DOM state.
// Each step has its own browser context (fresh localStorage) and a reset mock, so one failing step fails alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MOCK_TOKEN } from '@useapi-minimax/mock-server';
import { startMockServer, type MockServer } from '@useapi-minimax/mock-server/server';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { chromiumPath } from '../../../scripts/ensure-chromium.mjs';
import { placeholderSvg, tuneWav } from '../src/mock/media';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Generous: a DOM state on a heavily loaded machine (nothing here waits for wall-clock time to pass). */
const WAIT = { timeout: 60_000 };
/** Mock time a song takes; the tests advance the clock by it. */
const JOB_MS = 60_000;

let mock: MockServer;
let server: PreviewServer;
let browser: Browser;
let outDir: string;
let url: string;
let context: BrowserContext;
let page: Page;
let problems: string[] = [];

/** One journal entry of the mock (`GET /__mock/requests`). */
interface Entry {
  operationId: string;
  status: number;
  scenario?: string;
  body?: { value?: Record<string, unknown> };
}

const CONTROL = { authorization: `Bearer ${MOCK_TOKEN}`, 'content-type': 'application/json' };
async function control<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${mock.url}/__mock${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: CONTROL,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!res.ok) throw new Error(`control ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
/** The creates of songs the mock received, in order. */
const creates = () => control<Entry[]>('/requests?operationId=createMusic');
const advance = (ms: number) => control('/clock/advance', { body: { ms } });
/** The mock's manual clock, moved up to the wall clock (`findCreated` matches a song by its time near `sentAt`). */
async function syncClock(): Promise<void> {
  const { now } = await control<{ now: number }>('/clock');
  const behind = Date.now() - now;
  if (behind > 0) await advance(behind);
}
/** The songs the mock holds (`GET /music`, newest first). */
async function songsInMock(): Promise<{ musicId: string; title: string }[]> {
  const res = await fetch(`${mock.baseUrl}/music`, { headers: CONTROL });
  return (await res.json()) as { musicId: string; title: string }[];
}

const flow = (status: string) => page.locator(`form[aria-label="Compose a song"] [data-testid=flow][data-status=${status}]`);
const card = (id: string) => page.locator(`[data-testid=song-card][data-id="${id}"]`);
const button = (name: string) => page.getByRole('button', { name, exact: true });

/** A song's card plays: its `<audio>` loaded the tune (the test serves the mock's media URLs with the app's stand-ins). */
async function playable(id: string): Promise<void> {
  await card(id).and(page.locator('[data-state=succeeded]')).waitFor(WAIT);
  await page.waitForFunction(
    (musicId) => {
      const audio = document.querySelector<HTMLAudioElement>(`[data-testid=song-card][data-id="${musicId}"] audio`);
      return audio !== null && audio.readyState >= 1 && audio.duration > 0;
    },
    id,
    WAIT,
  );
}

/** The id of the song the flow follows (the newest card). */
const followed = async () => (await page.getByTestId('song-card').first().getAttribute('data-id'))!;

/** Chromium logs every non-2xx answer as a console error: a step lists the ones it causes on purpose. */
function expectOnly(...statuses: number[]): void {
  const unexpected = problems.filter((p) => !statuses.some((s) => p.includes(`status of ${s} `) && p.includes('/api/minimax/music/create')));
  expect(unexpected).toEqual([]);
  problems = [];
}

async function openStudio(): Promise<void> {
  await page.goto(url);
  await page.getByTestId('accounts').filter({ hasText: 'Account: 987654321' }).waitFor(WAIT);
}

beforeAll(async () => {
  // Cold start, once: the mock, the studio built in API mode, its preview server (proxying to the mock), Chromium.
  mock = await startMockServer({ port: 0, clock: 'manual', jobMs: JOB_MS, seed: 1, startTime: Date.now() });
  outDir = mkdtempSync(join(tmpdir(), 'studio-e2e-'));
  Object.assign(process.env, {
    VITE_MINIMAX_BASE_URL: '/api/minimax',
    VITE_POLL_INTERVAL_MS: '250',
    USEAPI_TOKEN: MOCK_TOKEN,
    MINIMAX_PROXY_TARGET: mock.baseUrl,
  });
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ root, logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  url = server.resolvedUrls?.local[0] ?? '';
  if (!url) throw new Error('vite preview did not report its URL');
  browser = await chromium.launch({
    executablePath: chromiumPath() as string,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
}, 300_000);

beforeEach(async () => {
  await control('/reset', { body: {} });
  await syncClock();
  problems = [];
  context = await browser.newContext();
  page = await context.newPage();
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // The mock's media URLs (`<mock>/__media/<cdn>/…`, 1 KiB stand-ins) answered with the app's playable stand-ins.
  await page.route(`${mock.url}/__media/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    return /\.(mp3|wav|m4a)$/i.test(path)
      ? route.fulfill({ status: 200, contentType: 'audio/wav', body: Buffer.from(tuneWav()) })
      : route.fulfill({ status: 200, contentType: 'image/svg+xml', body: placeholderSvg(path, 'cover') });
  });
  await openStudio();
}, 120_000);

afterEach(async () => {
  await context?.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await mock?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('MiniMax Studio: the song flow, against a standalone mock', { timeout: 180_000 }, () => {
  it('talks to the standalone mock through the preview proxy', async () => {
    await expect(page.getByTestId('api-mode').getAttribute('data-mode')).resolves.toBe('api');
    expect((await control<Entry[]>('/requests?operationId=listAccounts')).length).toBeGreaterThan(0);
    expectOnly();
  });

  it('a double-click on Compose sends exactly one create', async () => {
    await page.getByLabel('Title').fill('Double Click');
    await button('Compose').dblclick();
    await flow('running').waitFor(WAIT);
    const id = await followed();
    await advance(JOB_MS);
    await playable(id);
    expect(await page.getByTestId('song-card').count()).toBe(1);
    const sent = await creates();
    expect(sent.map((e) => [e.status, e.body?.value?.title])).toEqual([[201, 'Double Click']]);
    expectOnly();
  });

  it('two clicks in the same task (before any re-render) send exactly one create', async () => {
    await page.getByLabel('Title').fill('Same Task');
    await page.evaluate(() => {
      const compose = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Compose')!;
      compose.click();
      compose.click();
    });
    await flow('running').waitFor(WAIT);
    const id = await followed();
    await advance(JOB_MS);
    await playable(id);
    expect((await creates()).map((e) => e.status)).toEqual([201]);
    expectOnly();
  });

  it('a failed create (429 outlasting the retries) shows the failure and Try again; Try again creates one job', async () => {
    await control('/scenario', { body: { name: 'rate-limited', operationId: 'createMusic', times: 1000 } });
    await page.getByLabel('Title').fill('Busy Slots');
    await button('Compose').click();
    await flow('failed').waitFor(WAIT);
    await expect(page.locator('form[aria-label="Compose a song"] [data-testid=error]').textContent()).resolves.toMatch(/^RateLimitedError Every slot is busy/);
    // Never stuck: the form's button is usable again, and nothing was created.
    expect(await button('Compose').isEnabled()).toBe(true);
    expect(await page.getByTestId('song-card').count()).toBe(0);
    const refused = await creates();
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((e) => e.status === 429)).toBe(true);

    await control('/scenario', { method: 'DELETE' });
    await button('Try again').click();
    await flow('running').waitFor(WAIT);
    const id = await followed();
    await advance(JOB_MS);
    await playable(id);
    const sent = await creates();
    expect(sent.slice(0, refused.length)).toEqual(refused);
    expect(sent.slice(refused.length).map((e) => e.status)).toEqual([201]); // one new job
    expect((await songsInMock()).filter((s) => s.title === 'Busy Slots').map((s) => s.musicId)).toEqual([id]);
    expectOnly(429);
  });

  it('an unknown outcome (504 that created the song) shows Recover; Recover finds it and it becomes playable', async () => {
    await control('/scenario', { body: { name: 'gateway-timeout', once: true, operationId: 'createMusic' } });
    await page.getByLabel('Title').fill('Lost Answer');
    await button('Compose').click();
    await flow('unknown').waitFor(WAIT);
    await expect(page.locator('form[aria-label="Compose a song"] [data-testid=error]').textContent()).resolves.toMatch(/^OutcomeUnknownError .*MiniMax answered 504/);
    expect(await page.getByTestId('song-card').count()).toBe(0);

    await button('Recover').click();
    await flow('running').waitFor(WAIT);
    await page.locator('[data-testid=lookup][data-found=true]').waitFor(WAIT);
    const id = await followed();
    // The song the 504 created, found without creating anything.
    expect((await songsInMock()).filter((s) => s.title === 'Lost Answer').map((s) => s.musicId)).toEqual([id]);
    await advance(JOB_MS);
    await playable(id);
    expect((await creates()).map((e) => [e.status, e.scenario])).toEqual([[504, 'gateway-timeout']]);
    expectOnly(504);
  });

  it('an unknown outcome where nothing was created: Recover finds nothing, says it is not certain, and Submit anyway creates one job', async () => {
    await control('/scenario', { body: { name: 'gateway-timeout-not-created', once: true, operationId: 'createMusic' } });
    await page.getByLabel('Title').fill('Never Made');
    await button('Compose').click();
    await flow('unknown').waitFor(WAIT);
    await button('Recover').click();
    // Music is not in GET /scheduler: a lookup that finds nothing is a best effort, and the studio says so.
    await page.locator('[data-testid=lookup][data-found=false]').waitFor(WAIT);
    expect(await flow('unknown').count()).toBe(1);
    expect(await button('Look again').isEnabled()).toBe(true);
    await button('Submit anyway').click();
    await flow('running').waitFor(WAIT);
    const id = await followed();
    await advance(JOB_MS);
    await playable(id);
    expect((await creates()).map((e) => e.status)).toEqual([504, 201]);
    expect((await songsInMock()).filter((s) => s.title === 'Never Made').map((s) => s.musicId)).toEqual([id]);
    expectOnly(504);
  });

  it('a reload mid-job resumes the song (persist: localStorage) and it ends playable; nothing is created twice', async () => {
    await page.getByLabel('Title').fill('Night Drive');
    await button('Compose').click();
    await flow('running').waitFor(WAIT);
    const id = await followed();
    await advance(JOB_MS / 2); // mid-job: generating
    await card(id).and(page.locator('[data-state=running]')).waitFor(WAIT);
    // The flow's persisted record names the job it follows (`{ jobId }`; older releases stored the bare id).
    const stored = await page.evaluate(() => localStorage.getItem('useapi-minimax:music'));
    expect(stored === id || JSON.parse(stored ?? 'null')?.jobId === id).toBe(true);

    await page.reload();
    await page.getByTestId('accounts').filter({ hasText: 'Account: 987654321' }).waitFor(WAIT);
    await flow('running').waitFor(WAIT);
    await card(id).waitFor(WAIT);
    await advance(JOB_MS);
    await playable(id);
    await flow('succeeded').waitFor(WAIT);
    expect((await creates()).map((e) => e.status)).toEqual([201]);
    // Final: the flow no longer records it.
    await page.waitForFunction(() => localStorage.getItem('useapi-minimax:music') === null, undefined, WAIT);
    expectOnly();
  });
});
