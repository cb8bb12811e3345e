// @vitest-environment node
// Every operation of the spec has its options factory, its hook and its key, named from `x-sdk.hook`;
// every factory's key is the one `miniMaxKeys` gives; exactly the job reads poll.
import { skipToken } from '@tanstack/react-query';
import { createMiniMaxClient } from '@useapi-minimax/client';
import { operations } from '@useapi-minimax/spec';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const exports = api as unknown as Record<string, unknown>;
const keys = api.miniMaxKeys as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>;
const client = createMiniMaxClient({ token: 'user:1-coverage', logLevel: 'silent' });
const lc = (s: string) => s[0]!.toLowerCase() + s.slice(1);
const isRead = (o: (typeof operations)[number]) => o.method === 'GET' && o.sdk.idempotent;
const pathParams = (o: (typeof operations)[number]) => o.parameters.filter((p) => p.in === 'path').map((p) => `${p.name}-value`);
const hasInput = (o: (typeof operations)[number]) => o.parameters.some((p) => p.in !== 'path') || o.requestContentTypes.length > 0;

describe('coverage of the spec', () => {
  it('has 50 operations', () => {
    expect(operations).toHaveLength(50);
  });

  for (const o of operations) {
    const base = o.sdk.hook.replace(/^use/, '');
    it(`${o.operationId} (${o.sdk.hook})`, () => {
      expect(typeof exports[o.sdk.hook], o.sdk.hook).toBe('function');
      expect(typeof keys[o.tag]?.[o.operationId], `miniMaxKeys.${o.tag}.${o.operationId}`).toBe('function');
      if (isRead(o)) {
        const factory = exports[`${lc(base)}QueryOptions`] as (...args: unknown[]) => Record<string, any>;
        expect(typeof factory, `${lc(base)}QueryOptions`).toBe('function');
        expect(typeof exports[`useSuspense${base}`], `useSuspense${base}`).toBe('function');
        const args = [...pathParams(o), ...(hasInput(o) ? [{ account: '1' }] : [])];
        const options = factory(client, ...args);
        expect(options.queryKey).toEqual(keys[o.tag]![o.operationId]!(...args));
        expect(options.queryKey.slice(0, 3)).toEqual(['useapi-minimax', o.tag, o.operationId]);
        expect(typeof options.queryFn).toBe('function');
        // Polling is for job reads only.
        expect(typeof options.refetchInterval === 'function', 'polls').toBe(Boolean(o.sdk.job));
        // A skipped id or input disables the query.
        if (args.length) expect(factory(client, ...args.map(() => skipToken)).queryFn).toBe(skipToken);
        if (o.sdk.pagination) {
          const infinite = exports[`${lc(base)}InfiniteQueryOptions`] as (...args: unknown[]) => Record<string, any>;
          expect(typeof infinite, `${lc(base)}InfiniteQueryOptions`).toBe('function');
          expect(typeof exports[`${o.sdk.hook}Infinite`], `${o.sdk.hook}Infinite`).toBe('function');
          expect(typeof exports[`useSuspense${base}Infinite`], `useSuspense${base}Infinite`).toBe('function');
          const inf = infinite(client, { account: '1' });
          expect(inf.queryKey).toEqual(keys[o.tag]![`${o.operationId}Infinite`]!({ account: '1' }));
          expect(inf.queryKey).not.toEqual(options.queryKey);
          expect(inf.initialPageParam).toBeUndefined();
        } else {
          expect(exports[`${lc(base)}InfiniteQueryOptions`]).toBeUndefined();
        }
      } else {
        const factory = exports[`${lc(base)}MutationOptions`] as (...args: unknown[]) => Record<string, any>;
        expect(typeof factory, `${lc(base)}MutationOptions`).toBe('function');
        const options = factory(client);
        expect(options.mutationKey).toEqual(keys[o.tag]![o.operationId]!());
        expect(typeof options.mutationFn).toBe('function');
        expect(exports[`${lc(base)}QueryOptions`]).toBeUndefined();
      }
    });
  }

  it('the legacy GET /music/create is a mutation (not idempotent)', () => {
    expect(exports.createMusicLegacyMutationOptions).toBeTypeOf('function');
    expect(exports.createMusicLegacyQueryOptions).toBeUndefined();
  });

  it('exports no hook the spec does not name (besides the hand-written ones)', () => {
    const named = new Set(operations.flatMap((o) => [o.sdk.hook, `useSuspense${o.sdk.hook.slice(3)}`, `${o.sdk.hook}Infinite`, `useSuspense${o.sdk.hook.slice(3)}Infinite`]));
    const handWritten = ['useMiniMaxClient', 'useJobQuery', 'useSuspenseJobQuery', 'useGenerateMusic', 'useAgent'];
    const hooks = Object.keys(exports).filter((n) => /^use[A-Z]/.test(n));
    expect(hooks.filter((h) => !named.has(h) && !handWritten.includes(h))).toEqual([]);
  });
});
