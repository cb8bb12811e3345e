import { describe, expect, it } from 'vitest';
import {
  AbortError,
  AccountOnHoldError,
  ApiError,
  BadRequestError,
  ConnectionError,
  InsufficientCreditsError,
  isMiniMaxError,
  JobFailedError,
  JobModeratedError,
  JobTimeoutError,
  MiniMaxError,
  ModeratedError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  UpstreamBusyError,
  ValidationError,
} from '../src/index.js';
import { parseRetryAfter } from '../src/errors.js';
import { fakeFetch, json, testClient } from './helpers.js';

const table: [number, typeof ApiError, string][] = [
  [400, BadRequestError, 'BadRequestError'],
  [401, UnauthorizedError, 'UnauthorizedError'],
  [404, NotFoundError, 'NotFoundError'],
  [412, InsufficientCreditsError, 'InsufficientCreditsError'],
  [422, ModeratedError, 'ModeratedError'],
  [429, RateLimitedError, 'RateLimitedError'],
  [502, UpstreamBusyError, 'UpstreamBusyError'],
  [504, UpstreamBusyError, 'UpstreamBusyError'],
  [596, AccountOnHoldError, 'AccountOnHoldError'],
  [500, ServerError, 'ServerError'],
  [503, ServerError, 'ServerError'],
  [418, ApiError, 'ApiError'],
];

describe('ApiError by status', () => {
  it.each(table)('%i → %o', async (status, Ctor, name) => {
    const fake = fakeFetch().queue(json(status, { error: `boom ${status}`, code: status }, { 'x-request-id': 'req-1' }));
    const client = testClient(fake, { maxRetries: 0 });
    const error = await client.music.get('user:1-minimax:2-music:3').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Ctor);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(MiniMaxError);
    expect(error).toBeInstanceOf(Error);
    const e = error as ApiError;
    expect(e.name).toBe(name);
    expect(e.status).toBe(status);
    expect(e.body).toEqual({ error: `boom ${status}`, code: status });
    expect(e.operation).toBe('getMusic');
    expect(e.method).toBe('GET');
    expect(e.path).toBe('/music/{musicId}');
    expect(e.requestId).toBe('req-1');
    expect(e.headers['content-type']).toBe('application/json');
    // Advice first, then the evidence: status, method, concrete path (ids filled in), operation, upstream text.
    expect(e.message).toMatch(new RegExp(`^[A-Z][^]*\\. ${status} GET /music/user:1-minimax:2-music:3 \\(getMusic\\): boom ${status}$`));
  });

  it.each(table)('%i with an empty body still becomes %o', async (status, Ctor) => {
    const fake = fakeFetch().queue(new Response(null, { status }));
    const error = await testClient(fake, { maxRetries: 0 })
      .accounts.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Ctor);
    expect((error as ApiError).status).toBe(status);
    expect((error as ApiError).body).toBeUndefined();
    expect((error as ApiError).message).toContain('no error body');
  });

  it('wraps a text body as { error: text }', async () => {
    const fake = fakeFetch().queue(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'cf-ray': 'ray-9' } }));
    const error = (await testClient(fake, { maxRetries: 0 })
      .videos.get('user:1-minimax:2-video:3')
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(UpstreamBusyError);
    expect(error.body).toEqual({ error: '<html>Bad gateway</html>' });
    expect(error.requestId).toBe('ray-9');
  });

  it('RateLimitedError carries retryAfterMs', async () => {
    const fake = fakeFetch().queue(json(429, { error: 'busy' }, { 'retry-after': '7' }));
    const error = (await testClient(fake, { maxRetries: 0 })
      .videos.create({ prompt: 'x' })
      .catch((e: unknown) => e)) as RateLimitedError;
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.retryAfterMs).toBe(7000);
  });

  it('the "several accounts" 400 tells the user to pass account', async () => {
    const fake = fakeFetch().queue(json(400, { error: 'Parameter account is required when multiple accounts are configured', code: 400 }));
    const error = (await testClient(fake)
      .music.list()
      .catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toContain('pass `account` to this call');
    expect(error.message).toContain('createMiniMaxClient({ account })');
  });

  it('toJSON is plain data', async () => {
    const fake = fakeFetch().queue(json(404, { error: 'Not found.', code: 404 }));
    const error = (await testClient(fake)
      .videos.get('v:1')
      .catch((e: unknown) => e)) as NotFoundError;
    const data = JSON.parse(JSON.stringify(error));
    expect(data).toMatchObject({ name: 'NotFoundError', status: 404, operation: 'getVideo', body: { error: 'Not found.', code: 404 } });
    expect(data.message).toContain('Not found.');
  });
});

describe('brand checks', () => {
  it('every class keeps its name and its place in the hierarchy', () => {
    const api = { status: 500, body: undefined, method: 'GET', path: '/x', headers: {} };
    expect(new ServerError(api)).toBeInstanceOf(ApiError);
    expect(new ServerError(api)).not.toBeInstanceOf(NotFoundError);
    expect(new ConnectionError('x', {})).not.toBeInstanceOf(ApiError);
    expect(new TimeoutError(5)).toBeInstanceOf(MiniMaxError);
    expect(new AbortError()).toBeInstanceOf(MiniMaxError);
    expect(new ValidationError([{ field: 'a', message: 'is required' }]).name).toBe('ValidationError');
    expect(new JobFailedError('x', 'video', 'v', undefined, undefined)).not.toBeInstanceOf(JobModeratedError);
    expect(new JobTimeoutError('x', 'video', 'v', undefined, undefined).name).toBe('JobTimeoutError');
    expect(isMiniMaxError(new TimeoutError(1))).toBe(true);
    expect(isMiniMaxError(new Error('x'))).toBe(false);
    expect(isMiniMaxError(null)).toBe(false);
    expect(new Error('x')).not.toBeInstanceOf(MiniMaxError);
  });

  it('a user subclass without a brand uses ordinary instanceof', () => {
    class Mine extends ApiError {}
    const api = { status: 500, body: undefined, method: 'GET', path: '/x', headers: {} };
    expect(new Mine(api)).toBeInstanceOf(Mine);
    expect(new Mine(api)).toBeInstanceOf(ApiError);
    expect(new ApiError(api)).not.toBeInstanceOf(Mine);
  });

  it('ValidationError names each field in its message', () => {
    const e = new ValidationError(
      [
        { field: 'prompt', message: 'is required' },
        { field: 'title', message: 'must be at most 40 characters' },
      ],
      'createMusic',
    );
    expect(e.message).toBe('Invalid input for createMusic: prompt is required; title must be at most 40 characters');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['3', 3000],
    ['0', 0],
    ['1.5', 1500],
    ['Thu, 01 Jan 2026 00:00:10 GMT', 10_000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['Thursday, 01-Jan-26 00:00:10 GMT', 10_000],
    ['Thu Jan  1 00:00:10 2026', 10_000],
    ['soon', undefined],
    ['-1', undefined],
    // Only delta-seconds or an HTTP-date (#10): these parsed as dates in 2001, or as 16 s.
    ['1, 2', undefined],
    ['abc 12', undefined],
    ['0x10', undefined],
    ['1e3', undefined],
    [' 3 ', 3000],
    [null, undefined],
  ])('%s → %s', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});
