import {
  ConnectionError,
  InsufficientCreditsError,
  JobModeratedError,
  ModeratedError,
  RateLimitedError,
  UnauthorizedError,
  UpstreamBusyError,
  type ApiErrorInit,
} from '@useapi-minimax/client';
import { describe, expect, it } from 'vitest';
import { adviceFor, formatState, renderSummary, stateKey, type StepResult } from '../src/format.js';

const init = (status: number, headers: Record<string, string> = {}): ApiErrorInit => ({
  status,
  body: { error: 'x', code: status },
  method: 'POST',
  path: '/videos/create',
  operation: 'createVideo',
  headers,
});

describe('formatState', () => {
  it('shows a bar for running jobs with a percent, the message otherwise', () => {
    expect(formatState({ kind: 'video', state: 'running', final: false, percent: 40 })).toBe('running [########------------] 40%');
    expect(formatState({ kind: 'video', state: 'queued', final: false, message: 'Queued' })).toBe('queued (Queued)');
    expect(formatState({ kind: 'music', state: 'succeeded', final: true })).toBe('succeeded');
  });

  it('keys running jobs by quarter, so plain output prints at most 4 progress lines', () => {
    const key = (percent: number) => stateKey({ kind: 'video', state: 'running', final: false, percent });
    expect(key(1)).toBe(key(24));
    expect(key(24)).not.toBe(key(25));
    expect(stateKey({ kind: 'music', state: 'queued', final: false })).toBe('queued');
  });
});

describe('adviceFor', () => {
  it('tells the user what to do for each typed error', () => {
    expect(adviceFor(new ModeratedError(init(422)))).toMatch(/no credits were spent; rephrase/);
    expect(adviceFor(new RateLimitedError(init(429, { 'retry-after': '3' })))).toMatch(/Retry-After: 3\.0 s.*nothing was queued, so submitting again later is safe/);
    expect(adviceFor(new InsufficientCreditsError(init(412)))).toMatch(/out of credits/);
    expect(adviceFor(new UpstreamBusyError(init(504)))).toMatch(/may have been queued.*before resubmitting/);
    expect(adviceFor(new UnauthorizedError(init(401)))).toMatch(/check USEAPI_TOKEN/);
    expect(adviceFor(new ConnectionError('refused', { code: 'ECONNREFUSED' }))).toMatch(/ECONNREFUSED/);
    expect(adviceFor(new JobModeratedError('moderated', 'image', 'id', undefined, undefined))).toMatch(/moderated during generation/);
    expect(adviceFor(new TypeError('boom'))).toBe('TypeError: boom');
  });
});

describe('renderSummary', () => {
  const results: StepResult[] = [
    { name: 'accounts', status: 'ok', detail: '1 account(s)', ms: 40 },
    { name: 'song', status: 'skipped', detail: 'add --create' },
    { name: 'rate limit', status: 'handled', detail: '429 retried', ms: 2000 },
  ];

  it('lists every step and the totals, without colours off a terminal', () => {
    const text = renderSummary(results, { target: 'mock server', totalMs: 2500 });
    expect(text).not.toMatch(/\x1b\[/);
    expect(text.split('\n')).toEqual([
      '',
      'Summary: mock server, 2.5 s',
      '  ✔ accounts    1 account(s) (40 ms)',
      '  – song        add --create',
      '  ✔ rate limit  429 retried (2.0 s)',
      '',
      '2 ok, 1 skipped.',
      '',
    ]);
  });

  it('counts failures', () => {
    const text = renderSummary([...results, { name: 'agent job', status: 'failed', detail: 'boom' }], { target: 't', totalMs: 1, color: true });
    expect(text).toContain('\x1b[31m✖\x1b[0m agent job');
    expect(text).toContain('2 ok, 1 skipped, 1 failed.');
  });
});
