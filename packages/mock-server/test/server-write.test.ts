// The standalone server's write path: a complete reply goes out with exactly one Content-Length (its byte length,
// multi-byte text included), the API's CORS headers once, and a HEAD of media keeps the length of the file.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_TOKEN } from '@useapi-minimax/mock-server';
import { startMockServer, type MockServer } from '@useapi-minimax/mock-server/server';

interface Raw { status: number; headers: [string, string][]; body: Buffer }

function raw(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
const all = (r: Raw, name: string) => r.headers.filter(([k]) => k === name).map(([, v]) => v);

describe('the standalone server writes complete replies in one piece', () => {
  let server: MockServer;
  const auth = { authorization: `Bearer ${MOCK_TOKEN}`, 'content-type': 'application/json' };
  beforeAll(async () => {
    server = await startMockServer({ port: 0, clock: 'manual' });
  });
  afterAll(() => server.close());

  it('one Content-Length, equal to the byte length of a JSON answer with multi-byte text; CORS once', async () => {
    const created = await raw(`${server.baseUrl}/videos/create`, { method: 'POST', headers: auth, body: JSON.stringify({ prompt: 'Ünïcødé ☂ prompt' }) });
    const { videoId } = JSON.parse(created.body.toString('utf8')) as { videoId: string };
    const got = await raw(`${server.baseUrl}/videos/${encodeURIComponent(videoId)}`, { headers: auth });
    expect(got.status).toBe(200);
    expect(all(got, 'content-length')).toEqual([String(got.body.length)]);
    expect(JSON.parse(got.body.toString('utf8')).desc).toBe('Ünïcødé ☂ prompt');
    expect(all(got, 'access-control-allow-origin')).toEqual(['*']);
    expect(all(got, 'content-type')).toEqual(['application/json; charset=utf-8']);
  });

  it('the empty-body fault: one Content-Length of 0; a HEAD of media: the file length, no body', async () => {
    const empty = await raw(`${server.baseUrl}/accounts`, { headers: { ...auth, prefer: 'scenario=empty-body' } });
    expect(all(empty, 'content-length')).toEqual(['0']);
    expect(empty.body.length).toBe(0);
    const head = await raw(`${server.url}/__media/cdn.hailuoai.video/x/video.mp4`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(all(head, 'content-length')).toEqual(['1024']);
    expect(head.body.length).toBe(0);
  });

  it('no CORS headers on the control API', async () => {
    const r = await raw(`${server.url}/__mock`, { headers: { authorization: `Bearer ${MOCK_TOKEN}` } });
    expect(r.status).toBe(200);
    expect(all(r, 'access-control-allow-origin')).toEqual([]);
    expect(all(r, 'content-length')).toEqual([String(r.body.length)]);
  });
});
