// Auth: `Bearer user:<digits>-<alphanumerics>` or the documented 401 body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_TOKEN } from '@useapi-minimax/mock-server';
import { TRANSPORTS, openHarness, type Harness } from './helpers.js';

describe.each(TRANSPORTS)('auth via %s', (transport) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(transport);
  });
  afterAll(() => h.close());

  it('exports a valid token', () => {
    expect(MOCK_TOKEN).toMatch(/^user:\d+-[A-Za-z0-9]+$/);
  });

  it.each([
    ['missing', undefined],
    ['without user: prefix', 'Bearer 12345-abcdef'],
    ['URL-encoded', `Bearer ${encodeURIComponent(MOCK_TOKEN)}`],
    ['not Bearer', `Basic ${MOCK_TOKEN}`],
    ['with a bad character', 'Bearer user:12345-abc_def'],
    ['no digits', 'Bearer user:abc-def'],
  ])('answers 401 when the token is %s', async (_name, value) => {
    const a = await h.call({ path: '/accounts', noAuth: true, ...(value ? { headers: { authorization: value } } : {}) });
    expect(a.status).toBe(401);
    expect(a.json).toEqual({ error: 'Unauthorized', code: 401 });
    expect(h.mock.requests.at(-1)).toMatchObject({ operationId: 'listAccounts', status: 401 });
  });

  it('accepts any well-formed token, also on unknown routes before answering 404', async () => {
    expect((await h.call({ path: '/accounts', noAuth: true, headers: { authorization: 'Bearer user:1-a' } })).status).toBe(200);
    const unknown = await h.call({ path: '/nope' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe(404);
    expect((await h.call({ path: '/nope', noAuth: true })).status).toBe(401);
  });
});
