import type { JobState, MiniMaxError, Output, Snapshot } from '@useapi-minimax/client';
import { describe, expectTypeOf, it } from 'vitest';
import { useGenerateMusic, type FlowStatus } from '../src/index.js';

describe('useGenerateMusic types', () => {
  it('returns the flow of a music job', () => {
    const flow = useGenerateMusic({ pollIntervalMs: 2_000, onSuccess: (song) => expectTypeOf(song).toEqualTypeOf<Snapshot<'music'>>() });
    expectTypeOf(flow.job).toEqualTypeOf<Snapshot<'music'> | undefined>();
    expectTypeOf(flow.jobId).toEqualTypeOf<string | undefined>();
    expectTypeOf(flow.state).toEqualTypeOf<JobState | undefined>();
    expectTypeOf(flow.status).toEqualTypeOf<FlowStatus>();
    expectTypeOf(flow.isPolling).toEqualTypeOf<boolean>();
    expectTypeOf(flow.error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(flow.reset).toEqualTypeOf<() => void>();
    expectTypeOf(flow.submitAsync({ prompt: 'x' })).toEqualTypeOf<Promise<Output<'createMusic'>>>();
    expectTypeOf<FlowStatus>().toEqualTypeOf<'idle' | 'submitting' | 'running' | 'succeeded' | 'failed' | 'moderated' | 'unknown'>();
  });

  it('submit takes the create input without stream', () => {
    const { submit } = useGenerateMusic();
    submit({ prompt: 'a song', lyrics: '[verse] la', instrumental: false });
    // @ts-expect-error prompt is required
    submit({ lyrics: 'x' });
    // @ts-expect-error never streamed
    submit({ prompt: 'x', stream: true });
  });
});
