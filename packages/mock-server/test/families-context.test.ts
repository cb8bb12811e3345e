// The families see only the context they are given (`HandlerContext`, its `MockServices`), never the concrete
// Engine, and video creates balance accounts through the context's `account(…, { loadBalance })` rule.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accountRule } from '../src/engine/accounts.js';
import { createMiniMaxMock, MOCK_TOKEN } from '@useapi-minimax/mock-server';

const dir = fileURLToPath(new URL('../src/families/', import.meta.url));

describe('families and the engine', () => {
  it('no family module imports the engine (no type-only import circle)', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(`${dir}${file}`, 'utf8');
      expect({ file, imports: /from '\.\.\/engine\/engine\.js'/.test(text), engine: /\bEngine\b/.test(text) }).toEqual({ file, imports: false, engine: false });
    }
  });

  it('the videos family load-balances through ctx.account(…, { loadBalance })', () => {
    const text = readFileSync(`${dir}videos.ts`, 'utf8');
    expect(text).toMatch(/ctx\.account\(undefined, \{ loadBalance:/);
  });

  it('the account rule with load balancing: most free slots among the eligible, else 429 with Retry-After', () => {
    const mock = createMiniMaxMock({ accounts: [{ maxJobs: 2 }, { maxJobs: 5 }, { maxJobs: 9, error: 'broken' }] });
    const accounts = new Map(mock.accounts.map((id, i) => [id, { account: id, maxJobs: [2, 5, 9][i], error: i === 2 ? 'broken' : undefined }] as const));
    const state = { accounts } as never;
    const free = (a: { maxJobs: number }) => a.maxJobs;
    const picked = accountRule(state, undefined, { free, eligible: (a) => !a.error });
    expect((picked as { account: string }).account).toBe(mock.accounts[1]);
    const none = accountRule(state, undefined, { free: () => 0 }, 7);
    expect(none).toMatchObject({ status: 429, headers: { 'retry-after': '7' } });
    // Without load balancing, several accounts need an explicit one.
    expect(accountRule(state, undefined)).toMatchObject({ status: 400 });
  });

  it('a video create without `account` goes to the account with the most free slots (end to end)', async () => {
    const mock = createMiniMaxMock({ accounts: [{ maxJobs: 1 }, { maxJobs: 3 }] });
    const create = async () => (await (await mock.handle(new Request(`${mock.baseUrl}/videos/create`, {
      method: 'POST', headers: { authorization: `Bearer ${MOCK_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'p' }),
    }))).json()) as { videoId: string };
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await create()).videoId);
    const owners = ids.map((id) => id.split('-minimax:')[1]!.split('-')[0]);
    // 3 free vs 1 → second, 2 vs 1 → second, 1 vs 1 → first (configuration order on a tie), then the second.
    expect(owners).toEqual([mock.accounts[1], mock.accounts[1], mock.accounts[0], mock.accounts[1]]);
  });
});
