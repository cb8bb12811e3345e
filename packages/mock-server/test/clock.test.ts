// The mock's clock: manual and real, independent of the test's global fake timers.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_START, MOCK_TOKEN, createMiniMaxMock } from '@useapi-minimax/mock-server';

const call = async (mock: ReturnType<typeof createMiniMaxMock>, path: string, json?: unknown) => {
  const res = await mock.handle(new Request(`${mock.baseUrl}${path}`, {
    method: json === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${MOCK_TOKEN}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  }));
  return res.json();
};

afterEach(() => {
  vi.useRealTimers();
});

describe('the manual clock', () => {
  it('starts at 2026-09-01T12:00:00Z and moves only with advance/set', () => {
    const mock = createMiniMaxMock();
    expect(mock.clock.mode).toBe('manual');
    expect(mock.clock.now()).toBe(DEFAULT_START);
    expect(mock.clock.iso()).toBe('2026-09-01T12:00:00.000Z');
    expect(mock.clock.advance(1500)).toBe(DEFAULT_START + 1500);
    mock.clock.set(DEFAULT_START);
    expect(mock.clock.now()).toBe(DEFAULT_START + 1500);
    expect(() => mock.clock.advance(-1)).toThrow(RangeError);
    mock.reset();
    expect(mock.clock.now()).toBe(DEFAULT_START);
    expect(createMiniMaxMock({ startTime: '2030-01-01T00:00:00Z' }).clock.iso()).toBe('2030-01-01T00:00:00.000Z');
  });

  it('drives a job to completion while vi.useFakeTimers() is active (no global timers involved)', async () => {
    vi.useFakeTimers();
    const mock = createMiniMaxMock({ jobMs: 60_000 });
    const { videoId } = await call(mock, '/videos/create', { prompt: 'under fake timers' });
    expect((await call(mock, `/videos/${videoId}`)).statusFinal).toBe(false);
    vi.advanceTimersByTime(10 * 60_000);
    expect((await call(mock, `/videos/${videoId}`)).statusFinal).toBe(false);
    mock.clock.advance(60_000);
    const done = await call(mock, `/videos/${videoId}`);
    expect(done).toMatchObject({ status: 2, statusFinal: true });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the real clock', () => {
  it('follows wall time from its start and also accepts advance()', () => {
    const mock = createMiniMaxMock({ clock: 'real', jobMs: 60_000 });
    const before = Date.now();
    expect(mock.clock.now()).toBeGreaterThanOrEqual(before - 5);
    const now = mock.clock.now();
    mock.clock.advance(3_600_000);
    expect(mock.clock.now()).toBeGreaterThanOrEqual(now + 3_600_000);
  });

  it('completes a job after jobMs of advanced time', async () => {
    const mock = createMiniMaxMock({ clock: 'real', jobMs: 60_000 });
    const { videoId } = await call(mock, '/videos/create', { prompt: 'real' });
    expect((await call(mock, `/videos/${videoId}`)).statusFinal).toBe(false);
    mock.clock.advance(60_000);
    expect((await call(mock, `/videos/${videoId}`)).status).toBe(2);
  });

  it('is not frozen by fake timers installed after import', () => {
    const mock = createMiniMaxMock({ clock: 'real' });
    vi.useFakeTimers({ now: 0 });
    expect(Date.now()).toBe(0);
    expect(mock.clock.now()).toBeGreaterThan(1_700_000_000_000);
  });
});
