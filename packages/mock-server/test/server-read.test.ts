// The standalone server's read path: a body of declared length within the caps is read before the engine runs, so
// a JSON create is answered in the same turn (no promise); a body in pieces, a larger upload and a client that
// leaves mid-body behave as when the engine read the body itself.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMiniMaxMock, engineOf } from '../src/mock.js';
import { startMockServer, type MockServer } from '@useapi-minimax/mock-server/server';
import { AUTH, PNG } from './helpers.js';

const VOICE = '308172940561415';

/** Sends `pieces` one `write` each (with the declared `length`), or destroys the request after them (`abort`). */
function send(url: string, pieces: (string | Uint8Array)[], init: { length?: number; type?: string; abort?: boolean } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const total = pieces.reduce((n, p) => n + Buffer.byteLength(p), 0);
    const req = request(url, { method: 'POST', headers: { ...AUTH, 'content-type': init.type ?? 'application/json', 'content-length': String(init.length ?? total) } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (error) => (init.abort ? resolve({ status: 0, body: '' }) : reject(error)));
    pieces.forEach((p, i) => req.write(p, i === pieces.length - 1 && init.abort ? () => req.destroy() : undefined));
    if (!init.abort) req.end();
  });
}

describe('the standalone server reads a body before dispatch', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, clock: 'manual', maxBodyBytes: 1024 });
  });
  afterAll(() => server.close());

  it('a JSON body in several pieces: the whole body reaches the handler', async () => {
    const body = JSON.stringify({ text: `${'é'.repeat(100)} end`, voice_id: VOICE });
    const cut = [body.slice(0, 10), body.slice(10, 150), body.slice(150)];
    const res = await send(`${server.baseUrl}/speech/create`, cut);
    expect(res.status).toBe(201);
    const { audioId } = JSON.parse(res.body) as { audioId: string };
    expect(audioId).toMatch(/-audio:\d+$/);
    expect(server.mock.requests.at(-1)).toMatchObject({ operationId: 'createSpeech', status: 201, body: { kind: 'json', value: JSON.parse(body) } });
  });

  it('an upload over the JSON cap but within the upload cap is still accepted; a JSON body over it is still 413', async () => {
    const upload = new Uint8Array(4096);
    upload.set(PNG);
    expect((await send(`${server.baseUrl}/files`, [upload], { type: 'image/png' })).status).toBe(200);
    const big = JSON.stringify({ text: 'x'.repeat(2000), voice_id: VOICE });
    const refused = await send(`${server.baseUrl}/speech/create`, [big]);
    expect(refused.status).toBe(413);
    expect(server.mock.requests.at(-1)).toMatchObject({ operationId: 'createSpeech', status: 413 });
  });

  it('a client that leaves mid-body: the request is journaled as failed and the server goes on answering', async () => {
    const before = server.mock.requests.length;
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await send(`${server.baseUrl}/speech/create`, ['{"text":"cut'], { length: 500, abort: true });
      await vi.waitFor(() => expect(server.mock.requests.length).toBe(before + 1));
      expect(server.mock.requests.at(-1)).toMatchObject({ operationId: 'createSpeech', status: 500 });
    } finally {
      spy.mockRestore();
    }
    const ok = await send(`${server.baseUrl}/speech/create`, [JSON.stringify({ text: 'after', voice_id: VOICE })]);
    expect(ok.status).toBe(201);
  });
});

describe('the engine with a body already received', () => {
  it('answers a JSON create in the same turn (no promise), as it does a GET', () => {
    const mock = createMiniMaxMock({ clock: 'manual' });
    const engine = engineOf(mock);
    const body = new TextEncoder().encode(JSON.stringify({ text: 'same turn', voice_id: VOICE }));
    const headers: Record<string, string> = { authorization: AUTH.authorization, 'content-type': 'application/json' };
    const reply = engine.dispatch({
      method: 'POST', url: `${mock.baseUrl}/speech/create`, received: body,
      header: (name) => headers[name.toLowerCase()] ?? null,
      bytes: () => Promise.reject(new Error('read again')),
      formData: () => Promise.reject(new Error('not multipart')),
    });
    expect(reply).not.toBeInstanceOf(Promise);
    expect((reply as { status: number }).status).toBe(201);
    expect(mock.data.count('speech')).toBeGreaterThan(0);
  });
});
