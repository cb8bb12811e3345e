// The journal's ring: the newest `limit` entries, oldest first, as fresh objects with `at` derived; clear and reset.
import { describe, expect, it } from 'vitest';
import { Journal } from '../src/engine/journal.js';

const entry = (j: Journal, i: number, extra: Record<string, unknown> = {}) => ({
  seq: j.next(), operationId: null, method: 'GET', url: `http://h/v1/minimax/x${i}`, path: `/v1/minimax/x${i}`, status: 200, time: Date.UTC(2026, 0, 1) + i, ...extra,
});

describe('Journal', () => {
  it('keeps the newest entries in order across the wrap-around', () => {
    const j = new Journal(3);
    for (let i = 1; i <= 7; i++) j.record(entry(j, i, i === 6 ? { scenario: 'rate-limited', error: 'slow down' } : {}));
    const list = j.list();
    expect(list.map((e) => e.seq)).toEqual([5, 6, 7]);
    expect(list[1]).toEqual({ ...entry(new Journal(0), 6), seq: 6, scenario: 'rate-limited', error: 'slow down', at: '2026-01-01T00:00:00.006Z' });
    expect(list[0]).not.toHaveProperty('scenario');
    expect(j.list()[0]).not.toBe(list[0]);
  });

  it('an entry written over a slot keeps none of the fields the old one had (scenario, body, error)', () => {
    const j = new Journal(1);
    j.record(entry(j, 1, { scenario: 'rate-limited', body: { kind: 'json', value: { a: 1 } }, error: 'slow down' }));
    expect(j.list()[0]).toMatchObject({ scenario: 'rate-limited', body: { kind: 'json', value: { a: 1 } }, error: 'slow down' });
    j.record(entry(j, 2));
    expect(Object.keys(j.list()[0]!)).toEqual(['seq', 'operationId', 'method', 'url', 'path', 'status', 'time', 'at']);
  });

  it('clears (the sequence goes on), resets (from 1), and keeps nothing at limit 0', () => {
    const j = new Journal(2);
    j.record(entry(j, 1));
    j.clear();
    expect(j.list()).toEqual([]);
    j.record(entry(j, 2));
    expect(j.list().map((e) => e.seq)).toEqual([2]);
    j.reset();
    j.record(entry(j, 3));
    expect(j.list().map((e) => e.seq)).toEqual([1]);
    const none = new Journal(0);
    none.record(entry(none, 1));
    expect(none.list()).toEqual([]);
  });
});
