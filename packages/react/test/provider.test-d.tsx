import type { MiniMaxClient, MiniMaxCore, MiniMaxError } from '@useapi-minimax/client';
import { useQuery, useMutation } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import { MiniMaxProvider, useMiniMaxClient } from '../src/index.js';

describe('provider types', () => {
  it('MiniMaxProvider needs a client; useMiniMaxClient returns it', () => {
    expectTypeOf(useMiniMaxClient()).toEqualTypeOf<MiniMaxClient>();
    // @ts-expect-error client is required
    void (<MiniMaxProvider>{null}</MiniMaxProvider>);
    void (<MiniMaxProvider client={{} as MiniMaxClient}>{null}</MiniMaxProvider>);
  });

  it('MiniMaxProvider also takes a bare core (the smallest bundle)', () => {
    void (<MiniMaxProvider client={{} as MiniMaxCore}>{null}</MiniMaxProvider>);
    expectTypeOf(useMiniMaxClient<MiniMaxCore>()).toEqualTypeOf<MiniMaxCore>();
  });

  it("does not retype the app's other queries (no global Register augmentation)", () => {
    expectTypeOf(useQuery({ queryKey: ['x'], queryFn: () => 1 }).error).toEqualTypeOf<Error | null>();
    expectTypeOf(useMutation({ mutationFn: async () => 1 }).error).toEqualTypeOf<Error | null>();
  });
});
