// Error messages: the library's advice first (what happened, whether anything was created, what to do), then the
// operation and the concrete path (ids, never the token), then at most QUOTE_CHARS of the upstream text; the whole
// body stays on `error.body`.
import { describe, expect, it } from 'vitest';
import { ApiError, ConnectionError, OutcomeUnknownError, UnexpectedResponseError, UpstreamBusyError } from '../src/index.js';
import { QUOTE_CHARS } from '../src/api-error.js';
import { TOKEN, connectionError, fakeFetch, json, testClient } from './helpers.js';

const MUSIC = 'user:1-minimax:2-music:3';
const HUGE_HTML = `<html><head><title>502 Bad Gateway</title></head><body>${'x'.repeat(2_000_000)} ${TOKEN}</body></html>`;
const html = (status: number, body = HUGE_HTML) => new Response(body, { status, headers: { 'content-type': 'text/html' } });
/** A message has room for the advice, the route and the quote; never for a page. */
const MAX_MESSAGE = 400 + QUOTE_CHARS + 200;
/** The page as kept on `error.body`: whole, the token redacted. */
const KEPT_LENGTH = HUGE_HTML.length - TOKEN.length + '[redacted]'.length;

describe('error messages', () => {
  it('a 2 MB HTML 502 on a read: advice first, operation and concrete path, ≤ 300 characters quoted; the whole page on error.body', async () => {
    const fake = fakeFetch().queue(html(502));
    const error = (await testClient(fake, { maxRetries: 0 }).music.get(MUSIC).catch((e: unknown) => e)) as UpstreamBusyError;
    expect(error).toBeInstanceOf(UpstreamBusyError);
    expect(error.message).toMatch(/^MiniMax is busy: try again later/);
    expect(error.message).toContain(`502 GET /music/${MUSIC} (getMusic): <html>`);
    expect(error.message.length).toBeLessThan(MAX_MESSAGE);
    expect(error.message).toContain('more characters on error.body');
    expect(error.body?.error).toHaveLength(KEPT_LENGTH);
    expect(error.body?.error).toContain('[redacted]');
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`.includes(TOKEN)).toBe(false);
  });

  it('a 2 MB 502 on a create: the message says the job may exist and what to do; the upstream text stays on the cause', async () => {
    const fake = fakeFetch().queue(html(502));
    const error = (await testClient(fake, { maxRetries: 0 }).music.create({ prompt: 'a song' }).catch((e: unknown) => e)) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.message).toMatch(/^The music job may have been created \(and charged\): do not resubmit blindly; look it up with findCreated\(error\)/);
    expect(error.message).toContain('createMusic POST /music/create was sent');
    expect(error.message.length).toBeLessThan(MAX_MESSAGE);
    expect((error.cause as unknown as ApiError).message.length).toBeLessThan(MAX_MESSAGE);
    expect((error.cause as unknown as ApiError).body?.error).toHaveLength(KEPT_LENGTH);
  });

  it('a 2 MB HTML page as a 200 where JSON was expected: advice, path, bounded message and bounded body', async () => {
    const fake = fakeFetch().queue(new Response(HUGE_HTML, { status: 200, headers: { 'content-type': 'application/json' } }));
    const error = (await testClient(fake).music.get(MUSIC).catch((e: unknown) => e)) as UnexpectedResponseError;
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.message).toMatch(/^The answer cannot be used: the body is not valid JSON/);
    expect(error.message).toContain(`200 GET /music/${MUSIC}`);
    expect(error.message).toMatch(/try again; if it persists/);
    expect(error.message.length).toBeLessThan(MAX_MESSAGE);
    expect(error.body!.length).toBeLessThanOrEqual(500);
  });

  it('a 4xx: advice first, then the route and the upstream text', async () => {
    const fake = fakeFetch().queue(json(422, { error: 'Prompt was moderated', code: 422 }));
    const error = (await testClient(fake).music.create({ prompt: 'a song' }).catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe('MiniMax moderated the prompt or text: nothing was created; change the input rather than resend it. 422 POST /music/create (createMusic): Prompt was moderated');
  });

  it('a connection error names what to do and the concrete path, never the token', async () => {
    const fake = fakeFetch().queue(connectionError('ECONNREFUSED'));
    const error = (await testClient(fake, { maxRetries: 0 }).music.get(MUSIC).catch((e: unknown) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain(`GET /music/${MUSIC}`);
    expect(error.message).toMatch(/check the network or the base URL and try again/);
  });
});

describe('job outcome messages', () => {
  it('a failed job: what happened and what to do first, then at most QUOTE_CHARS of what MiniMax said', async () => {
    const { jobErrorFor } = await import('../src/index.js');
    const long = `render error ${'y'.repeat(100_000)}`;
    const error = jobErrorFor('video', { videoId: 'user:1-minimax:2-video:3', status: 3, message: long })!;
    expect(error.message).toMatch(/^The video job user:1-minimax:2-video:3 failed: it was created but produced nothing usable; check the input/);
    expect(error.message).toContain('MiniMax said: render error');
    expect(error.message.length).toBeLessThan(MAX_MESSAGE);
    expect(error.message).toContain('more characters on error.snapshot');
    expect(error.snapshot).toMatchObject({ message: long });
  });

  it('a moderated job says to change the input rather than resend it', async () => {
    const { jobErrorFor } = await import('../src/index.js');
    const error = jobErrorFor('image', { imageId: 'i:1', status: 5 })!;
    expect(error.message).toBe('The image job i:1 was moderated: it was created but will produce nothing; change the input rather than resend it (the last snapshot is on error.snapshot).');
  });
});

describe('the README error section', () => {
  it('lists every exported error class with the advice its message carries', async () => {
    const { readFileSync } = await import('node:fs');
    const api = await import('../src/index.js');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Errors\n'), readme.indexOf('\n## ', readme.indexOf('## Errors\n') + 1));
    const classes = Object.entries(api)
      .filter(([, value]) => typeof value === 'function' && value.prototype instanceof api.MiniMaxError)
      .map(([name]) => name);
    expect(classes.length).toBeGreaterThan(15);
    for (const name of classes) {
      const row = section.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row, `${name} has a row`).toBeDefined();
      // class | when | advice | fields: the advice column is not empty.
      expect(row!.split(' | ')[2]!.length, `${name} states its advice`).toBeGreaterThan(10);
    }
  });
});

describe('notices', () => {
  it('a huge unknown model value is quoted in the warning at most QUOTE_CHARS long (the value is still sent whole)', async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (line: string) => void warnings.push(line), error() {} };
    const fake = fakeFetch();
    const model = `m${'z'.repeat(100_000)}`;
    await testClient(fake, { logger, logLevel: 'warn' }).music.create({ prompt: 'a song', model });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.length).toBeLessThan(MAX_MESSAGE);
    expect(JSON.parse(await fake.requests[0]!.text()).model).toBe(model);
  });
});
