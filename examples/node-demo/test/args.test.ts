import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../src/args.js';

const TOKEN = 'user:123-secretToken';

describe('parseArgs', () => {
  it('defaults to the in-process mock server, every step, 2 s jobs', () => {
    expect(parseArgs([])).toEqual({ mode: 'mock', create: true, jobMs: 2000, baseUrl: undefined, pollMs: undefined, account: undefined, token: undefined, help: false });
  });

  it('ignores the `--` that `pnpm demo -- …` passes through', () => {
    expect(parseArgs(['--', '--job-ms', '500']).jobMs).toBe(500);
  });

  it('--live reads USEAPI_TOKEN and is read-only unless --create', () => {
    expect(parseArgs(['--live'], { USEAPI_TOKEN: TOKEN })).toMatchObject({ mode: 'live', create: false, token: TOKEN });
    expect(parseArgs(['--live', '--create'], { USEAPI_TOKEN: TOKEN })).toMatchObject({ mode: 'live', create: true });
    expect(parseArgs(['--create', '--live'], { USEAPI_TOKEN: ` ${TOKEN}\n` })).toMatchObject({ create: true, token: TOKEN });
  });

  it('refuses --live without a token, and never echoes a token', () => {
    expect(() => parseArgs(['--live'], {})).toThrow(/USEAPI_TOKEN/);
    expect(() => parseArgs(['--live'], { USEAPI_TOKEN: '  ' })).toThrow(UsageError);
  });

  it('refuses --create without --live (the mock always runs every step)', () => {
    expect(() => parseArgs(['--create'])).toThrow(/--create only applies with --live/);
  });

  it('takes values inline or as the next argument', () => {
    expect(parseArgs(['--account=987654321', '--base-url', 'http://127.0.0.1:4010/v1/minimax/'])).toMatchObject({
      account: '987654321',
      baseUrl: 'http://127.0.0.1:4010/v1/minimax',
    });
  });

  it('validates values', () => {
    expect(() => parseArgs(['--job-ms'])).toThrow(/--job-ms needs a value/);
    expect(() => parseArgs(['--job-ms', '--live'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--job-ms', 'soon'])).toThrow(/integer from 100/);
    expect(() => parseArgs(['--job-ms', '50'])).toThrow(/integer from 100/);
    expect(() => parseArgs(['--poll-ms', '10'])).toThrow(/--poll-ms must be an integer from 50/);
    expect(parseArgs(['--poll-ms', '250']).pollMs).toBe(250);
    expect(() => parseArgs(['--base-url', 'api.useapi.net'])).toThrow(/http\(s\) URL/);
    expect(() => parseArgs(['--live', '--job-ms', '500'], { USEAPI_TOKEN: TOKEN })).toThrow(/only applies to the mock/);
  });

  it('refuses unknown options', () => {
    expect(() => parseArgs(['--craete'])).toThrow(new UsageError('unknown option "--craete"'));
  });

  it('--help wins over everything else', () => {
    expect(parseArgs(['--live', '-h']).help).toBe(true);
    expect(parseArgs(['--help', '--create']).help).toBe(true);
  });
});
