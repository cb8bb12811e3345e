// Validation both ways: requests (400 naming the field, coercion where the wire has strings) and the
// mock's own responses (test mode throws on drift). Also the journal's body summaries.
import { describe, expect, it } from 'vitest';
import { MockDriftError, createMiniMaxMock } from '@useapi-minimax/mock-server';
import { engineOf } from '../src/mock.js';
import { AUTH, PNG, TRANSPORTS, openHarness, withHarness } from './helpers.js';

describe.each(TRANSPORTS)('request validation via %s', (t) => {
  it('coerces query and multipart strings, but not JSON', () =>
    withHarness(t, {}, async (h) => {
      expect((await h.call({ path: '/videos?limit=2' })).json).toHaveLength(2);
      expect((await h.call({ path: '/videos?limit=2.5' })).json.error).toBe('Parameter limit must be an integer');
      expect((await h.call({ path: '/images/create', form: { prompt: 'p', quantity: '2', promptOptimization: 'false' } })).json.imageIds).toHaveLength(2);
      expect((await h.call({ path: '/images/create', json: { prompt: 'p', quantity: '2' } })).json).toEqual({ error: 'Parameter quantity must be an integer', code: 400 });
      expect((await h.call({ path: '/images/create', form: { prompt: 'p', quantity: 'two' } })).json.error).toBe('Parameter quantity must be an integer');
    }));

  it('rejects missing, malformed and mistyped bodies', () =>
    withHarness(t, {}, async (h) => {
      expect((await h.call({ method: 'POST', path: '/videos/create', headers: { 'content-type': 'application/json' } })).json.error).toBe('Request body is required');
      expect((await h.call({ path: '/videos/create', json: '{nope' })).json.error).toBe('Request body is not valid JSON');
      expect((await h.call({ path: '/videos/create', json: [1, 2] })).json.error).toBe('Request body must be a JSON object');
      expect((await h.call({ path: '/videos/create', raw: { type: 'text/plain', bytes: PNG } })).json.error).toMatch(/^Content-Type must be application\/json or multipart\/form-data/);
      expect((await h.call({ path: '/videos/create', json: { prompt: 42 } })).json.error).toBe('Parameter prompt must be a string');
      expect((await h.call({ path: '/videos/create', json: { prompt: 'x', replyUrl: 'not a url' } })).json.error).toBe('Parameter replyUrl must be a valid uri');
    }));

  it('names path parameters too (an unknown id is a 404, an invalid one a 400 naming it)', () =>
    withHarness(t, {}, async (h) => {
      expect((await h.call({ path: `/videos/${'9'.repeat(5)}?limit=0` })).status).toBe(404);
      expect((await h.call({ path: `/agent/x?unknown=1` })).status).toBe(404);
      // No length is documented for an account id: a long one is simply not configured.
      expect((await h.call({ path: `/accounts/${'9'.repeat(65)}` })).status).toBe(404);
      const unknown = await h.call({ method: 'DELETE', path: `/accounts/${'9'.repeat(12)}` });
      expect(unknown.status).toBe(404);
      expect(unknown.json.errorDetails).toMatch(/is not configured$/);
    }));

  it('can be switched off (the handlers\' own rules still apply)', () =>
    withHarness(t, { validateRequests: false }, async (h) => {
      expect((await h.call({ path: `/music/create?prompt=${'a'.repeat(700)}&styleId=101` })).status).toBe(200);
    }));
});

// These tests corrupt a record behind the public API (the engine's stores) to make the mock answer off-spec.
describe('response validation (test mode)', () => {
  it('is on under vitest and throws MockDriftError when an answer breaks the spec', async () => {
    const h = await openHarness('handle');
    const [id, video] = [...engineOf(h.mock).state.videos.entries()][0]!;
    (video as unknown as { width: unknown }).width = 'wide';
    await expect(h.call({ path: `/videos/${id}` })).rejects.toThrow(MockDriftError);
    expect(h.mock.driftErrors[0]).toMatch(/^The mock's 200 answer to getVideo does not match the spec: \/width must be number/);
    expect(h.mock.requests.at(-1)).toMatchObject({ operationId: 'getVideo', status: 500 });
    await h.close();
  });

  it.each(['msw', 'http'] as const)('fails loudly through %s (500 carrying the drift)', async (t) => {
    const h = await openHarness(t);
    const [id, video] = [...engineOf(h.mock).state.videos.entries()][0]!;
    (video as unknown as { prompt: unknown }).prompt = 42;
    const original = console.error;
    console.error = () => undefined;
    try {
      const a = await h.call({ path: `/videos/${id}` });
      expect(a.status).toBe(500);
      expect(a.text).toContain('MockDriftError');
    } finally {
      console.error = original;
      await h.close();
    }
  });

  it('can be switched off', async () => {
    const mock = createMiniMaxMock({ validateResponses: false });
    const [id, video] = [...engineOf(mock).state.videos.entries()][0]!;
    (video as unknown as { width: unknown }).width = 'wide';
    const res = await mock.handle(new Request(`${mock.baseUrl}/videos/${id}`, { headers: AUTH }));
    expect(res.status).toBe(200);
  });
});

describe('the journal', () => {
  it('records operation, status, scenario, error, virtual time and body summaries', async () => {
    const h = await openHarness('handle', { journalLimit: 5 });
    await h.call({ path: '/videos/create', json: { prompt: 'x'.repeat(300), replyRef: 'r' } });
    await h.call({ path: '/agent', form: { prompt: 'p', models: 'a', async: 'true', file: new File([PNG], 'ref.png', { type: 'image/png' }) } });
    await h.call({ path: '/files', raw: { type: 'image/png', bytes: PNG } });
    h.mock.clock.advance(1000);
    await h.call({ path: '/images/create', json: { prompt: 'p' }, headers: { prefer: 'scenario=rate-limited' } });
    const [video, agent, file, image] = h.mock.requests;
    expect(video).toMatchObject({ seq: 1, operationId: 'createVideo', method: 'POST', status: 200, time: h.mock.clock.now() - 1000, at: '2026-09-01T12:00:00.000Z' });
    expect(video!.body).toEqual({ kind: 'json', value: { prompt: `${'x'.repeat(200)}… (+100 chars)`, replyRef: 'r' } });
    expect(agent!.body).toEqual({ kind: 'multipart', fields: { prompt: 'p', models: 'a', async: true, file: [{ name: 'ref.png', size: PNG.length, type: 'image/png' }] } });
    expect(file!.body).toEqual({ kind: 'raw', contentType: 'image/png', size: PNG.length });
    expect(image).toMatchObject({ status: 429, scenario: 'rate-limited', error: 'All configured accounts are busy, try again later', time: h.mock.clock.now() });
    for (let i = 0; i < 10; i++) await h.call({ path: '/accounts' });
    expect(h.mock.requests).toHaveLength(5);
    expect(h.mock.requests[0]!.seq).toBe(10);
    expect(h.mock.calls('listAccounts')).toHaveLength(5);
    h.mock.clearRequests();
    expect(h.mock.requests).toEqual([]);
    await h.close();
  });
});
