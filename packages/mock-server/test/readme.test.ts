// The README's vitest example, as written there, and its scenario table against the code.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_TOKEN, SCENARIO_NAMES } from '@useapi-minimax/mock-server';
import { setupMiniMaxServer } from '@useapi-minimax/mock-server/msw/node';

const server = setupMiniMaxServer({ seed: 1, jobMs: 60_000 }); // manual clock by default
const { mock } = server;
const api = (path: string, init: RequestInit = {}) =>
  fetch(`https://api.useapi.net/v1/minimax${path}`, {
    ...init,
    headers: { authorization: `Bearer ${MOCK_TOKEN}`, 'content-type': 'application/json', ...init.headers },
  });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset()); // seeded data, clock, journal, scenarios back to the start
afterAll(() => server.close());

it('polls a video to completion', async () => {
  const { videoId } = await (await api('/videos/create', { method: 'POST', body: JSON.stringify({ prompt: 'A corgi surfing' }) })).json();
  expect((await (await api(`/videos/${videoId}`)).json()).statusFinal).toBe(false);
  mock.clock.advance(60_000); // virtual time: no waiting, no fake timers
  expect(await (await api(`/videos/${videoId}`)).json()).toMatchObject({ status: 2, statusFinal: true });
  expect(mock.calls('getVideo')).toHaveLength(2);
});

it('does not resubmit after a 504 that created the job', async () => {
  mock.scenarios.once('gateway-timeout', { operationId: 'createVideo' });
  const res = await api('/videos/create', { method: 'POST', body: JSON.stringify({ prompt: 'x', replyRef: 'order-1' }) });
  expect(res.status).toBe(504);
  const { executing } = await (await api('/scheduler/available')).json();
  expect(executing).toEqual([expect.objectContaining({ replyRef: 'order-1' })]); // the job exists
});

describe('the README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  it('lists every scenario in its table, and only those', () => {
    const table = readme.slice(readme.indexOf('## Scenarios'), readme.indexOf('## Behaviour'));
    const names = [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(names).toEqual([...SCENARIO_NAMES]);
  });

  it('carries the vitest example of this file', () => {
    const source = readFileSync(new URL(import.meta.url), 'utf8');
    const example = source.slice(source.indexOf('const server = setupMiniMaxServer'), source.indexOf("describe('the README'")).trim();
    expect(readme).toContain(example);
  });
});
