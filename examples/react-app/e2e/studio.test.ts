// The built studio (dist/, what `vite build` produced) in a real Chromium, against the mock server running in
// the page's service worker (MSW). Fails on any console error or uncaught page error.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { chromiumPath } from '../../../scripts/ensure-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const WAIT = { timeout: 20_000 };

let server: PreviewServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(`${root}/dist/index.html`)) throw new Error('dist/ is missing: run `pnpm --filter react-app build` (turbo does it before `test`)');
  server = await preview({ root, logLevel: 'silent', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  browser = await chromium.launch({
    executablePath: chromiumPath() as string,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its URL');
  await page.goto(url);
  // The worker is up and the first call went through it.
  await page.getByTestId('accounts').filter({ hasText: 'Account: 987654321' }).waitFor(WAIT);
}, 60_000);

afterEach(() => {
  // Every step leaves the console clean.
  expect(problems).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const count = (selector: string) => page.locator(selector).count();
const mockCalls = (operationId: string) =>
  page.evaluate((id) => (globalThis as unknown as { mock: { calls(id: string): unknown[] } }).mock.calls(id).length, operationId);

describe('MiniMax Studio in Chromium, on the in-browser mock', () => {
  it('runs against the mock server in the page (MSW)', async () => {
    await expect(page.getByTestId('api-mode').getAttribute('data-mode')).resolves.toBe('mock');
    expect(await mockCalls('listAccounts')).toBeGreaterThan(0);
  });

  it('composes a song: the card goes from pending to playable', async () => {
    await page.getByLabel('Title').fill('Harbour Lights');
    await page.getByText('Jazz ballad', { exact: true }).click();
    await page.getByRole('button', { name: 'Compose' }).click();

    const card = page.getByTestId('song-card').first();
    await card.locator('[data-testid=song-status]').waitFor(WAIT);
    expect(['queued', 'running']).toContain(await card.getAttribute('data-state'));
    expect(await card.locator('audio').count()).toBe(0);

    await page.locator('[data-testid=song-card][data-state=succeeded]').first().waitFor(WAIT);
    await expect(card.locator('h3').textContent()).resolves.toBe('Harbour Lights');
    await expect(card.getByTestId('song-status').textContent()).resolves.toBe('Playable');
    // Playable: the <audio> element loaded the song's metadata (served by the mock's CDN handler).
    await page.waitForFunction(() => {
      const audio = document.querySelector<HTMLAudioElement>('[data-testid=song-card] audio');
      return audio !== null && audio.readyState >= 1 && audio.duration > 0;
    }, undefined, WAIT);
    const sent = await page.evaluate(() => {
      const m = (globalThis as unknown as { mock: { calls(id: string): { body?: { value?: unknown } }[] } }).mock;
      return m.calls('createMusic').map((c) => c.body?.value);
    });
    // What the form sent: the title, the style picked and the lyrics.
    expect(sent).toEqual([expect.objectContaining({ title: 'Harbour Lights', prompt: expect.stringMatching(/^Jazz ballad; /), lyrics: expect.stringContaining('[chorus]') })]);
  });

  it('runs an agent job and shows its attachments', async () => {
    await page.getByRole('button', { name: 'Run agent' }).click();
    await page.locator('[data-testid=agent-job][data-status=running]').waitFor(WAIT);
    await page.locator('[data-testid=agent-job][data-status=succeeded]').waitFor(WAIT);
    const types = await page.getByTestId('attachment').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-type')));
    expect(types.sort()).toEqual(['image', 'video']);
    // The poster image really loaded.
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid=attachment][data-type=image] img');
      return img !== null && img.complete && img.naturalWidth > 0;
    }, undefined, WAIT);
    expect(await mockCalls('runAgent')).toBe(1);
  });

  it('fills the gallery page by page as it scrolls, then deletes an image and the lists forget it', async () => {
    const tiles = '[data-testid=image-tile]';
    await page.locator(tiles).first().waitFor(WAIT);
    const seeded = await count(tiles);
    expect(seeded).toBeGreaterThan(0);

    // A batch of 4 new images: the list is invalidated, the new ones poll until they are done.
    await page.getByRole('button', { name: 'Create images' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=image-tile]').length >= n, Math.min(seeded + 4, 6), WAIT);
    // More than one page (6 per page): the sentinel at the end loads the next page when scrolled into view.
    await page.getByTestId('gallery-end').scrollIntoViewIfNeeded();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=image-tile]').length === n, seeded + 4, WAIT);
    expect(await mockCalls('listImages')).toBeGreaterThanOrEqual(2);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=image-tile]')].every((t) => t.getAttribute('data-state') === 'succeeded'), undefined, WAIT);

    const first = page.locator(tiles).first();
    const id = await first.getAttribute('data-id');
    expect(id).toBeTruthy();
    const listsBefore = await mockCalls('listImages');
    await first.getByRole('button', { name: 'Delete image' }).click();
    await page.locator(`${tiles}[data-id="${id}"]`).waitFor({ state: 'detached', ...WAIT });
    expect(await count(tiles)).toBe(seeded + 3);
    expect(await mockCalls('deleteImage')).toBe(1);
    // The lists are refetched after the delete (invalidation), and the image stays gone.
    await page.waitForFunction(
      (n) => (globalThis as unknown as { mock: { calls(id: string): unknown[] } }).mock.calls('listImages').length > n,
      listsBefore,
      WAIT,
    );
    await page.getByTestId('gallery-end').filter({ hasText: 'That is everything.' }).waitFor(WAIT);
    expect(await page.locator(`${tiles}[data-id="${id}"]`).count()).toBe(0);
    expect(await count(tiles)).toBe(seeded + 3);
  });

  it('explains a moderated prompt without a console error', async () => {
    await page.getByLabel('Mood and instruments').fill('dreamy [mock:moderated]');
    await page.getByRole('button', { name: 'Compose' }).click();
    const alert = page.locator('form[aria-label="Compose a song"] [data-testid=error]');
    await alert.waitFor(WAIT);
    await expect(alert.textContent()).resolves.toMatch(/^ModeratedError The prompt was refused by moderation/);
    expect(await page.locator('[data-testid=song-card]').count()).toBe(1); // nothing was created
    // Rephrase: the flow says so, the prompt stays editable and the button usable.
    await page.locator('[data-testid=flow][data-status=moderated] [data-testid=rephrase-hint]').waitFor(WAIT);
    expect(await page.getByLabel('Mood and instruments').isEditable()).toBe(true);
    expect(await page.getByRole('button', { name: 'Compose' }).isEnabled()).toBe(true);
    // Chromium logs every non-2xx answer as a console error: exactly this one is expected here, nothing else.
    const expected = 'console.error: Failed to load resource: the server responded with a status of 422 () (https://api.useapi.net/v1/minimax/music/create)';
    expect(problems).toEqual([expected]);
    problems.length = 0;
  });
});
