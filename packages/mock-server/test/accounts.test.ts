// accounts family: the account rule, configurations, features.
import { describe, expect, it } from 'vitest';
import { createAccountJwt } from '@useapi-minimax/mock-server';
import { TRANSPORTS, withHarness } from './helpers.js';

const URL_OK = 'https://hailuoai.video/v3/api/multimodal/video/my/cursor?device_platform=web&app_id=3001';

describe.each(TRANSPORTS)('accounts via %s', (t) => {
  it('starts with one configured account and answers its configuration', () =>
    withHarness(t, {}, async (h) => {
      const list = await h.call({ path: '/accounts' });
      expect(list.status).toBe(200);
      expect(Object.keys(list.json)).toEqual(['987654321']);
      expect(list.json['987654321'].jwt.token).toMatch(/…secured…/);
      const one = await h.call({ path: '/accounts/987654321' });
      expect(one.json).toEqual(list.json['987654321']);
      expect((await h.call({ path: '/features' })).json.totalCredits).toBe(3260);
    }));

  it('with no account: GET /accounts is 404 and the account rule answers 400 naming account', () =>
    withHarness(t, { accounts: 0 }, async (h) => {
      const list = await h.call({ path: '/accounts' });
      expect(list.status).toBe(404);
      expect(list.json).toEqual({ error: 'Configuration not found', code: 404 });
      const features = await h.call({ path: '/features' });
      expect(features.status).toBe(400);
      expect(features.json.error).toMatch(/^Parameter account/);
    }));

  it('with several accounts, `account` is required (400) and honoured', () =>
    withHarness(t, { accounts: [{ account: '111' }, { account: '222', credits: 5 }] }, async (h) => {
      const missing = await h.call({ path: '/features' });
      expect(missing.status).toBe(400);
      expect(missing.json).toEqual({ error: 'Parameter account is required when multiple accounts are configured', code: 400 });
      expect((await h.call({ path: '/features?account=222' })).json.totalCredits).toBe(5);
      const unknown = await h.call({ path: '/features?account=333' });
      expect(unknown.status).toBe(400);
      expect(unknown.json.error).toContain('account');
      expect((await h.call({ path: '/videos' })).status).toBe(400);
      expect((await h.call({ path: '/videos?account=111' })).status).toBe(200);
    }));

  it('creates, replaces and deletes configurations', () =>
    withHarness(t, {}, async (h) => {
      const created = await h.call({ path: '/accounts', json: { url: URL_OK, token: createAccountJwt('5550001', { name: 'Ada' }), maxJobs: 2 } });
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({ account: '5550001', maxJobs: 2, supportVideo: true });
      expect(created.json.jwt.user.name).toBe('Ada');
      const again = await h.call({ path: '/accounts', json: { url: URL_OK, token: createAccountJwt('5550001'), maxJobs: 4 } });
      expect(again.json.maxJobs).toBe(4);
      expect(Object.keys((await h.call({ path: '/accounts' })).json).sort()).toEqual(['5550001', '987654321']);
      const del = await h.call({ method: 'DELETE', path: '/accounts/5550001' });
      expect(del.status).toBe(204);
      expect(del.text).toBe('');
      const gone = await h.call({ method: 'DELETE', path: '/accounts/5550001' });
      expect(gone.status).toBe(404);
      expect(gone.json).toEqual({ error: 'Configuration not found', errorDetails: 'Account 5550001 is not configured', code: 404 });
      expect((await h.call({ path: '/accounts/5550001' })).json).toEqual({ error: 'Configuration not found', code: 404 });
    }));

  it('creates from multipart too (numbers as strings)', () =>
    withHarness(t, {}, async (h) => {
      const created = await h.call({ path: '/accounts', form: { url: URL_OK, token: createAccountJwt('777'), maxJobs: '3' } });
      expect(created.status).toBe(201);
      expect(created.json.maxJobs).toBe(3);
    }));

  it.each([
    [{ url: URL_OK, token: 'not-a-jwt', maxJobs: 1 }, /^Parameter token/],
    [{ url: URL_OK, token: createAccountJwt('1', { expiresAt: Date.UTC(2020, 0, 1) }), maxJobs: 1 }, /^Parameter token has expired/],
    [{ url: URL_OK, token: createAccountJwt('1'), maxJobs: 11 }, /^Parameter maxJobs must be at most 10/],
    [{ token: createAccountJwt('1'), maxJobs: 1 }, /^Parameter url is required/],
    [{ url: 'not a url', token: createAccountJwt('1'), maxJobs: 1 }, /^Parameter url must be a valid uri/],
  ])('rejects invalid configurations (%#)', (body, message) =>
    withHarness(t, {}, async (h) => {
      const a = await h.call({ path: '/accounts', json: body });
      expect(a.status).toBe(400);
      expect(a.json.code).toBe(400);
      expect(a.json.error).toMatch(message);
    }));

  it('spends credits on creates and reports running videos in features', () =>
    withHarness(t, {}, async (h) => {
      await h.call({ path: '/videos/create', json: { prompt: 'a' } });
      const f = await h.call({ path: '/features' });
      expect(f.json.totalCredits).toBe(3235);
      expect(f.json.queueLength).toBe(1);
    }));

  it('lists accounts in an error state with `error`', () =>
    withHarness(t, { accounts: [{ account: '1' }, { account: '2', error: 'Session expired' }] }, async (h) => {
      expect((await h.call({ path: '/accounts' })).json['2'].error).toBe('Session expired');
    }));
});
