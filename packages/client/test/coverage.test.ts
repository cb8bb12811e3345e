// Every operation of the spec is callable both ways: a resource method and the low-level call, same wire request.
import { operations as specOperations } from '@useapi-minimax/spec';
import { describe, expect, it } from 'vitest';
import { operations } from '../src/index.js';
import { listAllName } from '../src/resources.js';
import { fakeFetch, json, route, testClient } from './helpers.js';

type Fn = (...args: unknown[]) => Promise<unknown>;

function argsFor(operationId: string): { args: unknown[]; path: string } {
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
  if (op.body !== 'none' || fields.length) args.push(Object.fromEntries(fields.filter(([, f]) => f.required).map(([k]) => [k, 'x'])));
  return { args, path };
}

describe('every operation of the spec', () => {
  it('the table and the spec list the same 50 operations', () => {
    expect(Object.keys(operations).sort()).toEqual(specOperations.map((o) => o.operationId).sort());
    expect(specOperations).toHaveLength(50);
  });

  it.each(specOperations.map((o) => [o.operationId, o] as const))('%s: client.<tag>.<method> issues the right method and path', async (id, op) => {
    const fake = fakeFetch().queue(json(200, {}));
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
    expect(result).toEqual(operations[id as keyof typeof operations].success === 'empty' ? undefined : {});
  });

  it.each(specOperations.map((o) => [o.operationId, o] as const))('%s: the low-level call reaches the same route', async (id, op) => {
    const fake = fakeFetch().queue(json(200, {}));
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
