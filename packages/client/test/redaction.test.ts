// The token never appears in an error message, toJSON(), a log line, a hook event or a URL.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createMiniMaxClient, MiniMaxError, ValidationError, type Logger } from '../src/index.js';
import { TOKEN, connectionError, fakeFetch, json, testClient } from './helpers.js';

function capture(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (m: string) => {
    lines.push(m);
  };
  return { lines, debug: push, info: push, warn: push, error: push };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('redaction', () => {
  it('sends the token only in the Authorization header', async () => {
    const fake = fakeFetch();
    await testClient(fake).music.list({ limit: 5 });
    const [request] = fake.requests;
    expect(request!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(request!.url).not.toContain(TOKEN);
    expect(request!.url).not.toContain('SECRET');
  });

  it('removes an echoed token from errors, their JSON and logs', async () => {
    const echo = { error: `Invalid token ${TOKEN} (also ${encodeURIComponent(TOKEN)})`, code: 401 };
    const fake = fakeFetch().queue(json(500, echo), json(500, echo), json(401, echo));
    const logger = capture();
    const events: unknown[] = [];
    const client = testClient(fake, {
      logger,
      logLevel: 'debug',
      maxRetries: 2,
      hooks: { onRequest: (e) => events.push(e), onResponse: (e) => events.push(e), onRetry: (e) => events.push(e) },
    });
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const error = (await client.accounts.list().catch((e: unknown) => e)) as MiniMaxError;
    expect(error).toBeInstanceOf(MiniMaxError);
    const everything = [error.message, error.stack, JSON.stringify(error), JSON.stringify(error.toJSON()), ...logger.lines, JSON.stringify(events)].join('\n');
    expect(everything).toContain('[redacted]');
    expect(everything).not.toContain('SECRET');
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(events.length).toBeGreaterThan(0);
  });

  it('ApiError.headers drop credentials and any value holding the token (JSON.stringify and util.inspect)', async () => {
    const echoed = {
      authorization: `Bearer ${TOKEN}`,
      'set-cookie': 'session=abc',
      cookie: 'a=b',
      'x-echo-auth': `Bearer ${TOKEN}`,
      'x-echo-encoded': encodeURIComponent(TOKEN),
      'x-request-id': 'req-1',
    };
    const fake = fakeFetch().queue(json(500, { error: 'proxy failed' }, echoed));
    const error = (await testClient(fake, { maxRetries: 0 }).music.get('user:1-minimax:2-music:3').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.headers).not.toHaveProperty('authorization');
    expect(error.headers).not.toHaveProperty('set-cookie');
    expect(error.headers).not.toHaveProperty('cookie');
    expect(error.headers['x-echo-auth']).toBe('[redacted]');
    expect(error.headers['x-echo-encoded']).toBe('[redacted]');
    expect(error.requestId).toBe('req-1');
    for (const text of [JSON.stringify(error), inspect(error, { depth: 10 }), String(error.stack)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(encodeURIComponent(TOKEN));
      expect(text).not.toContain('SECRETtoken');
    }
  });

  it('a connection error does not carry the token', async () => {
    const fake = fakeFetch().queue(connectionError('ECONNREFUSED'));
    const error = (await testClient(fake, { maxRetries: 0 })
      .accounts.list()
      .catch((e: unknown) => e)) as MiniMaxError;
    expect(JSON.stringify(error)).not.toContain('SECRET');
    expect(error.message).toBe('The connection failed or was cut (GET /accounts, ECONNREFUSED): check the network or the base URL and try again');
  });

  it('reads USEAPI_TOKEN from the environment', async () => {
    vi.stubEnv('USEAPI_TOKEN', TOKEN);
    const fake = fakeFetch();
    await createMiniMaxClient({ fetch: fake.fetch, logLevel: 'silent' }).accounts.list();
    expect(fake.requests[0]!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('a 401 says whether a token was configured at all', async () => {
    vi.stubEnv('USEAPI_TOKEN', '');
    const unauthorized = () => json(401, { error: 'Unauthorized' });
    const withToken = await testClient(fakeFetch().queue(unauthorized())).music.get('m:1').catch((e: unknown) => e);
    expect((withToken as Error).message).toMatch(/^The API refused the token: use the whole `user:…` token/);
    const proxy = createMiniMaxClient({ baseUrl: 'https://proxy.example/minimax', fetch: fakeFetch().queue(unauthorized()).fetch, logLevel: 'silent' });
    const without = await proxy.music.get('m:1').catch((e: unknown) => e);
    expect((without as Error).message).toMatch(/^No API token was sent: pass createMiniMaxClient\(\{ token \}\) or set USEAPI_TOKEN/);
    expect((without as Error).message).toContain('GET /music/m:1');
  });

  it('a token without the "user:" prefix is refused before any request', () => {
    const fake = fakeFetch();
    const error = (() => {
      try {
        createMiniMaxClient({ token: '12345-abcdef', fetch: fake.fetch });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('must start with "user:"');
    expect((error as Error).message).not.toContain('12345-abcdef');
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses to call the production API without a token', () => {
    vi.stubEnv('USEAPI_TOKEN', '');
    expect(() => createMiniMaxClient({ token: undefined })).toThrow(ValidationError);
    expect(() => createMiniMaxClient({ token: undefined })).toThrow(/token is missing: pass createMiniMaxClient\(\{ token \}\) or set USEAPI_TOKEN/);
  });

  it('refuses a URL-encoded token before any request, without quoting it', () => {
    const error = (() => {
      try {
        createMiniMaxClient({ token: 'user%3A1-abcdef' });
      } catch (e) {
        return e as ValidationError;
      }
    })()!;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toEqual([{ field: 'token', message: expect.stringMatching(/URL-encoded/) }]);
    expect(JSON.stringify(error) + error.stack).not.toContain('abcdef');
  });

  it('a debug line has the concrete path with ids, the status, the duration and the request id, never the token', async () => {
    const loud = capture();
    const fake = fakeFetch().queue(json(200, { musicId: 'user:1-minimax:2-music:3' }, { 'x-request-id': 'req-42' }));
    await testClient(fake, { logger: loud, logLevel: 'debug' }).music.get('user:1-minimax:2-music:3');
    expect(loud.lines).toEqual([expect.stringMatching(/^\[useapi-minimax\] GET \/music\/user:1-minimax:2-music:3 → 200 in \d+ ms \(getMusic, attempt 1, request id req-42\)$/)]);
    expect(loud.lines.join('\n')).not.toContain(TOKEN);
  });

  it('logLevel silent logs nothing; debug logs each response', async () => {
    const quiet = capture();
    const loud = capture();
    await testClient(fakeFetch(), { logger: quiet, logLevel: 'silent' }).accounts.list();
    await testClient(fakeFetch(), { logger: loud, logLevel: 'debug' }).accounts.list();
    expect(quiet.lines).toEqual([]);
    expect(loud.lines).toEqual([expect.stringMatching(/^\[useapi-minimax\] GET \/accounts → 200 in \d+ ms \(listAccounts, attempt 1\)$/)]);
  });
});
