import type { MiniMaxError, Output, Snapshot } from '@useapi-minimax/client';
import { describe, expectTypeOf, it } from 'vitest';
import { useAgent, type FlowStatus } from '../src/index.js';

describe('useAgent types', () => {
  it('returns the flow of an agent job', () => {
    const flow = useAgent({ onFailure: (error) => expectTypeOf(error).toEqualTypeOf<MiniMaxError>() });
    expectTypeOf(flow.job).toEqualTypeOf<Snapshot<'agent'> | undefined>();
    expectTypeOf(flow.status).toEqualTypeOf<FlowStatus>();
    expectTypeOf(flow.error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(flow.submitAsync({ prompt: 'x', models: 'hailuo-2.3' })).toEqualTypeOf<Promise<Output<'runAgent'>>>();
  });

  it('submit takes the run input without async (always true)', () => {
    const { submit } = useAgent();
    submit({ prompt: 'x', models: ['hailuo-2.3'] });
    // @ts-expect-error async is forced
    submit({ prompt: 'x', models: 'hailuo-2.3', async: false });
    // @ts-expect-error models is required
    submit({ prompt: 'x' });
  });
});
