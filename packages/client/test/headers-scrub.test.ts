// ApiError.headers never carries credentials: secret headers are dropped, a value holding the token is redacted,
// through JSON.stringify and util.inspect alike (a proxy that echoes request headers must not leak the token).
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ApiError, OutcomeUnknownError } from '../src/index.js';
import { TOKEN, fakeFetch, json, testClient } from './helpers.js';

/** What an echoing proxy answers: the request's credentials copied into the response headers. */
const ECHO = {
  authorization: `Bearer ${TOKEN}`,
  'proxy-authorization': `Bearer ${TOKEN}`,
  'set-cookie': `session=${TOKEN}; Path=/`,
  cookie: `session=${TOKEN}`,
  'x-api-key': TOKEN,
  'x-echo-authorization': `Bearer ${TOKEN}`,
  'x-echo-url': `https://api.useapi.net/v1/minimax/music?token=${encodeURIComponent(TOKEN)}`,
  'x-request-id': 'req-42',
  'retry-after': '3',
};
const SECRET = TOKEN.split(':')[1]!;

describe('ApiError.headers', () => {
  it.each([400, 401, 404, 429, 500, 502, 596])('%i: secret headers dropped, token-holding values redacted, through JSON and inspect', async (status) => {
    const fake = fakeFetch().queue(json(status, { error: 'echo' }, ECHO));
    const thrown = await testClient(fake, { maxRetries: 0 }).music.get('user:1-minimax:2-music:3').catch((e: unknown) => e);
    const error = thrown as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    for (const name of ['authorization', 'proxy-authorization', 'set-cookie', 'cookie', 'x-api-key']) expect(error.headers).not.toHaveProperty(name);
    expect(error.headers['x-echo-authorization']).toBe('[redacted]');
    expect(error.headers['x-echo-url']).toBe('[redacted]');
    expect(error.headers['x-request-id']).toBe('req-42');
    expect(error.requestId).toBe('req-42');
    for (const text of [JSON.stringify(error), inspect(error, { depth: 10, showHidden: true }), String(error.stack)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(encodeURIComponent(TOKEN));
    }
  });

  it('on a create, the outcome-unknown error and its cause are scrubbed too', async () => {
    const fake = fakeFetch().queue(json(502, { error: 'busy' }, ECHO));
    const error = (await testClient(fake, { maxRetries: 0 }).music.create({ prompt: 'a song' }).catch((e: unknown) => e)) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    for (const text of [JSON.stringify(error), JSON.stringify(error.cause), inspect(error, { depth: 10, showHidden: true })]) expect(text).not.toContain(SECRET);
  });
});
