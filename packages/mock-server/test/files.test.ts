// files family: raw-body uploads with their content type, the retired list, delete.
import { describe, expect, it } from 'vitest';
import { PNG, TRANSPORTS, withHarness } from './helpers.js';

describe.each(TRANSPORTS)('files via %s', (t) => {
  it.each([
    ['image/png', 'png'],
    ['image/jpeg', 'jpg'],
    ['audio/mpeg', 'mp3'],
    ['audio/wav', 'wav'],
    ['video/mp4', 'mp4'],
  ])('uploads %s as the raw body', (type, ext) =>
    withHarness(t, {}, async (h) => {
      const a = await h.call({ path: '/files', raw: { type, bytes: PNG } });
      expect(a.status).toBe(200);
      expect(a.json.fileID).toMatch(/^user:12345-minimax:987654321-file:\d{18}$/);
      expect(a.json.ossPath.endsWith(`.${ext}`)).toBe(true);
      const stored = h.mock.data.get('files', a.json.fileID);
      expect(stored).toMatchObject({ size: PNG.length, contentType: type, kind: 'file' });
    }));

  it('rejects other content types, multipart and empty bodies', () =>
    withHarness(t, {}, async (h) => {
      const text = await h.call({ path: '/files', raw: { type: 'text/plain', bytes: PNG } });
      expect(text.status).toBe(400);
      expect(text.json.error).toMatch(/^Content-Type must be one of: image\/png, image\/jpeg, audio\/mpeg, audio\/wav, video\/mp4/);
      const form = await h.call({ path: '/files', form: { file: new Blob([PNG], { type: 'image/png' }) } });
      expect(form.status).toBe(400);
      const empty = await h.call({ path: '/files', raw: { type: 'image/png', bytes: new Uint8Array(0) } });
      expect(empty.status).toBe(400);
      expect(empty.json.error).toMatch(/required/);
    }));

  it('follows the account rule through the query string', () =>
    withHarness(t, { accounts: [{ account: '1' }, { account: '2' }] }, async (h) => {
      expect((await h.call({ path: '/files', raw: { type: 'image/png', bytes: PNG } })).json.error).toBe('Parameter account is required when multiple accounts are configured');
      expect((await h.call({ path: '/files/?account=2', raw: { type: 'image/png', bytes: PNG } })).json.fileID).toContain('-minimax:2-');
    }));

  it('lists nothing (retired upstream) and deletes idempotently', () =>
    withHarness(t, {}, async (h) => {
      const { fileID } = (await h.call({ path: '/files', raw: { type: 'image/png', bytes: PNG } })).json;
      expect((await h.call({ path: '/files' })).json).toEqual([]);
      expect((await h.call({ path: '/files?limit=0' })).status).toBe(400);
      expect((await h.call({ path: '/files?limit=1000' })).status).toBe(200); // no maximum is documented
      expect((await h.call({ method: 'DELETE', path: `/files/${fileID}` })).json).toEqual({});
      expect(h.mock.data.get('files', fileID)).toBeUndefined();
      expect((await h.call({ method: 'DELETE', path: `/files/${encodeURIComponent(fileID)}` })).status).toBe(200);
    }));
});
