// Every operation of the spec is callable both ways: a resource method and the low-level call, same wire request.
import { operations as specOperations } from '@useapi-minimax/spec';
import { describe, expect, it } from 'vitest';
import { operations } from '../src/internal.js';
import { listAllName } from '../src/resources.js';
import { TOKEN, fakeFetch, json, route, testClient, ACCEPTED } from './helpers.js';

type Fn = (...args: unknown[]) => Promise<unknown>;

function argsFor(operationId: string, extra: Record<string, unknown> = {}): { args: unknown[]; path: string } {
  const op = operations[operationId as keyof typeof operations];
  const args: unknown[] = [];
  let path: string = op.path;
  for (const p of op.pathParams) {
    const value = `user:1-minimax:2-${p}:3`;
    args.push(value);
    path = path.replace(`{${p}}`, value);
  }
  if (op.body === 'raw') args.push(new Blob(['x'], { type: op.contentTypes[0] }));
  const fields = Object.entries(op.fields as Record<string, { in: string; required?: boolean }>).filter(([, f]) => f.in !== 'path');
  if (op.body !== 'none' || fields.length) args.push({ ...Object.fromEntries(fields.filter(([, f]) => f.required).map(([k]) => [k, 'x'])), ...extra });
  return { args, path };
}

describe('every operation of the spec', () => {
  it('the table and the spec list the same 50 operations', () => {
    expect(Object.keys(operations).sort()).toEqual(specOperations.map((o) => o.operationId).sort());
    expect(specOperations).toHaveLength(50);
  });

  it.each(specOperations.map((o) => [o.operationId, o] as const))('%s: client.<tag>.<method> issues the right method and path', async (id, op) => {
    const fake = fakeFetch().queue(json(200, ACCEPTED));
    const client = testClient(fake, { validate: false }) as unknown as Record<string, Record<string, Fn>>;
    const method = client[op.tag]?.[op.sdk.method];
    expect(typeof method, `client.${op.tag}.${op.sdk.method}`).toBe('function');
    const { args, path } = argsFor(id);
    const result = await method!(...args);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.method).toBe(op.method);
    expect(route(request!).split('?')[0]).toBe(path);
    if (op.sdk.pagination) expect(typeof client[op.tag]![listAllName(op.sdk.method)]).toBe('function');
    if (op.sdk.job) {
      expect(typeof client[op.tag]!.waitFor).toBe('function');
      expect(typeof client[op.tag]!.poll).toBe('function');
    }
    if (result && typeof result === 'object' && Symbol.asyncIterator in result) return;
    expect(result).toEqual(operations[id as keyof typeof operations].success === 'empty' ? undefined : ACCEPTED);
  });

  /** What a request puts on the wire (the multipart boundary aside). */
  const wireOf = async (request: Request) => {
    const type = request.headers.get('content-type');
    const body = type?.startsWith('multipart/')
      ? JSON.stringify(await Promise.all([...(await request.formData()).entries()].map(async ([k, v]) => [k, typeof v === 'string' ? v : await v.text()])))
      : await request.text();
    return { method: request.method, url: request.url, type: type?.replace(/boundary=.*/, ''), auth: request.headers.get('authorization'), trace: request.headers.get('x-trace'), body };
  };

  it.each(specOperations.map((o) => [o.operationId, o] as const))('%s: sends the same request with and without middleware', async (id, op) => {
    // Without middleware openapi-fetch builds a Draft that reaches fetch as (url, init); with middleware it builds
    // a real Request that middleware may read or replace. Both must put the same bytes on the wire.
    const wire = async (middleware: boolean) => {
      const fake = fakeFetch().queue(json(200, ACCEPTED));
      const client = testClient(fake, { validate: false, ...(middleware ? { middleware: [{ onRequest() {} }] } : {}) }) as unknown as Record<string, Record<string, Fn>>;
      const ops = operations[id as keyof typeof operations];
      // A fixed replyRef: a create sends a generated one otherwise (random, so the two wires would differ).
      const extra: Record<string, unknown> = { account: 'acc:1', flag: true, n: 3, ...('replyRef' in ops.fields ? { replyRef: 'ref-1' } : {}) };
      if (ops.body === 'multipart') extra.file = [new Blob(['f1']), new Blob(['f2'])];
      const { args } = argsFor(id, extra);
      await client[op.tag]![op.sdk.method]!(...args, { headers: { 'X-Trace': 't-1' } });
      expect(fake.kinds).toEqual([middleware ? 'request' : 'url']);
      return wireOf(fake.requests[0]!);
    };
    const draft = await wire(false);
    expect(draft.trace).toBe('t-1');
    expect(draft.auth).toBe(`Bearer ${TOKEN}`);
    expect(draft).toEqual(await wire(true));
  });

  it.each(specOperations.map((o) => [o.operationId, o] as const))('%s: the low-level call sends the same request with and without middleware', async (id, op) => {
    const method = op.method as 'GET' | 'POST' | 'DELETE';
    const ops = operations[id as keyof typeof operations];
    const wire = async (middleware: 'client' | 'call' | false) => {
      const fake = fakeFetch().queue(json(200, ACCEPTED));
      const mw = [{ onRequest() {} }];
      const client = testClient(fake, middleware === 'client' ? { middleware: mw } : {}) as unknown as Record<string, (path: string, init: object) => Promise<unknown>>;
      const params = { path: Object.fromEntries(ops.pathParams.map((p: string) => [p, `user:1-minimax:2-${p}:3`])), query: { account: 'acc:1' } };
      const body = ops.body === 'json' ? { prompt: 'x', n: 3 } : ops.body === 'raw' ? new Blob(['bytes'], { type: ops.contentTypes[0] }) : undefined;
      const init: Record<string, unknown> = { params, headers: { 'X-Trace': 't-1', ...(ops.body === 'raw' ? { 'Content-Type': ops.contentTypes[0] } : {}) } };
      if (body !== undefined) init.body = body;
      if (ops.body === 'raw') init.bodySerializer = (b: unknown) => b;
      if (middleware === 'call') init.middleware = mw;
      await client[method]!(op.path, init);
      expect(fake.kinds).toEqual([middleware ? 'request' : 'url']);
      return wireOf(fake.requests[0]!);
    };
    const draft = await wire(false);
    expect(draft.trace).toBe('t-1');
    expect(draft).toEqual(await wire('client'));
    expect(draft).toEqual(await wire('call'));
  });

  it.each(specOperations.map((o) => [o.operationId, o] as const))('%s: the low-level call reaches the same route', async (id, op) => {
    const fake = fakeFetch().queue(json(200, ACCEPTED));
    const client = testClient(fake) as unknown as Record<string, (path: string, init: object) => Promise<{ response: Response }>>;
    const { path } = argsFor(id);
    const params = Object.fromEntries(operations[id as keyof typeof operations].pathParams.map((p: string) => [p, `user:1-minimax:2-${p}:3`]));
    const lowLevel = client[op.method];
    if (!lowLevel) return; // only GET, POST and DELETE exist in this API
    const { response } = await lowLevel(op.path, { params: { path: params } });
    expect(response.status).toBe(200);
    expect(fake.requests[0]!.method).toBe(op.method);
    expect(route(fake.requests[0]!).split('?')[0]).toBe(path);
  });
});
