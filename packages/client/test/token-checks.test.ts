// Token checks at creation: none for the real API, a URL-encoded one, one without `user:` (the docs state the
// format `user:<number>-<alphanumeric>`), all ValidationErrors before any request; a 401 says whether one was set.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnauthorizedError, ValidationError, createMiniMaxClient, createMiniMaxCore } from '../src/index.js';
import { TOKEN, fakeFetch, json } from './helpers.js';

afterEach(() => vi.unstubAllEnvs());

function creationError(create: () => unknown): ValidationError {
  try {
    create();
  } catch (error) {
    return error as ValidationError;
  }
  throw new Error('created without an error');
}

describe('no token for the real API', () => {
  it.each([
    ['the default base URL', undefined],
    ['the real API spelled out', 'https://api.useapi.net/v1/minimax'],
    ['with a trailing slash', 'https://api.useapi.net/v1/minimax/'],
    ['upper case host', 'https://API.USEAPI.NET/v1/minimax'],
    ['explicit default port', 'https://api.useapi.net:443/v1/minimax'],
    ['a trailing dot', 'https://api.useapi.net./v1/minimax'],
    ['another API version path', 'https://api.useapi.net/v2/minimax'],
  ])('%s: fails at creation, saying how to configure one', (_what, baseUrl) => {
    vi.stubEnv('USEAPI_TOKEN', '');
    const fake = fakeFetch();
    for (const create of [createMiniMaxClient, createMiniMaxCore]) {
      const error = creationError(() => create({ baseUrl, fetch: fake.fetch, logLevel: 'silent' }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toMatch(/USEAPI_TOKEN/);
      expect(error.message).toMatch(/\{ token \}/);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it.each([['   '], ['\n']])('a blank token (%j) counts as none', (token) => {
    vi.stubEnv('USEAPI_TOKEN', '');
    expect(creationError(() => createMiniMaxClient({ token, logLevel: 'silent' })).message).toMatch(/token is missing/);
  });

  it('a proxy or a mock base URL needs no token', () => {
    vi.stubEnv('USEAPI_TOKEN', '');
    expect(() => createMiniMaxClient({ baseUrl: 'http://127.0.0.1:4010', logLevel: 'silent' })).not.toThrow();
  });
});

describe('malformed tokens', () => {
  it.each([
    ['URL-encoded', 'user%3A12345-abcDEF', /URL-encoded/],
    ['lower-case escapes', 'user%3a12345-abcDEF', /URL-encoded/],
    ['without user:', '12345-abcDEF', /must start with "user:"/],
    ['as a Bearer header value', 'Bearer user:12345-abcDEF', /starts with "Bearer": pass the token alone/],
  ])('%s: ValidationError before any request, never quoting the token', (_what, token, message) => {
    const fake = fakeFetch();
    const error = creationError(() => createMiniMaxClient({ token, fetch: fake.fetch, logLevel: 'silent' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues[0]).toMatchObject({ field: 'token', message: expect.stringMatching(message) });
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain('abcDEF');
    expect(fake.requests).toHaveLength(0);
  });

  it('whitespace inside the token is a ValidationError', () => {
    const error = creationError(() => createMiniMaxClient({ token: 'user:12345 abcDEF', logLevel: 'silent' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues[0]!.message).toMatch(/whitespace/);
  });

  it('a line end around the token (a .env file) is trimmed: the token is sent and still redacted from errors', async () => {
    const echo = json(500, { error: `bad token ${TOKEN}` });
    const fake = fakeFetch().queue(echo);
    const error = (await createMiniMaxClient({ token: ` ${TOKEN}\r\n`, fetch: fake.fetch, logLevel: 'silent', maxRetries: 0 }).accounts.list().catch((e: unknown) => e)) as Error;
    expect(fake.requests[0]!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(TOKEN);
  });
});

describe('a 401 says whether a token was configured', () => {
  it('with a token: the API refused it', async () => {
    const fake = fakeFetch().queue(json(401, { error: 'Unauthorized', code: 401 }));
    const error = (await createMiniMaxClient({ token: TOKEN, fetch: fake.fetch, logLevel: 'silent' }).accounts.list().catch((e: unknown) => e)) as UnauthorizedError;
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error.message).toMatch(/^The API refused the token/);
    expect(error.message).not.toContain(TOKEN);
  });

  it('without one (through a proxy): no token was sent, and how to configure one', async () => {
    vi.stubEnv('USEAPI_TOKEN', '');
    const fake = fakeFetch().queue(json(401, { error: 'Unauthorized', code: 401 }));
    const client = createMiniMaxClient({ baseUrl: 'https://proxy.example/minimax', fetch: fake.fetch, logLevel: 'silent' });
    const error = (await client.accounts.list().catch((e: unknown) => e)) as UnauthorizedError;
    expect(error.message).toMatch(/^No API token was sent: pass createMiniMaxClient\(\{ token \}\) or set USEAPI_TOKEN/);
  });
});
