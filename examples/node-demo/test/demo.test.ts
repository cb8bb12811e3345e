// End to end: the built demo (`dist/main.js`, what `pnpm demo` runs) against mock servers.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MOCK_TOKEN } from '@useapi-minimax/mock-server';
import { startMockServer, type MockServer } from '@useapi-minimax/mock-server/server';
import { afterEach, describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

function demo(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const { USEAPI_TOKEN: _ignored, ...base } = process.env;
    execFile(process.execPath, [main, ...args], { env: { ...base, NO_COLOR: '1', ...env }, timeout: 50_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('pnpm demo', () => {
  it('walks every step against the in-process mock server and ends with a clean summary', async () => {
    // Jobs of 3 s: long enough that even a loaded machine polls the song before it completes.
    const { code, stdout, stderr } = await demo(['--job-ms', '3000']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const summary = stdout.slice(stdout.indexOf('Summary: mock server'));
    for (const [step, detail] of [
      ['accounts', /1 account\(s\): 987654321/],
      ['song', /"Open Road" \(\d+ s\): https?:\/\/\S+\.mp3/], // the standalone mock serves its media itself (/__media/)
      ['agent job', /completed, [1-9]\d* attachment\(s\)/],
      ['video \\+ images', /video \d+×\d+, 4 images/],
      ['pagination', /\d+ song\(s\) over \d+ page\(s\) of 2/],
      ['moderation', /at create: ModeratedError 422; while generating: JobModeratedError/],
      ['rate limit', /429 retried 1× then created; RateLimitedError after retries/],
    ] as const) {
      expect(summary).toMatch(new RegExp(`✔ ${step}\\s+${detail.source}`));
    }
    expect(summary).toContain('7 ok.');
    // Off a terminal the progress is plain lines, no cursor movement.
    expect(stdout).not.toContain('\r');
    // The progress line showed the song before it was final.
    expect(stdout).toMatch(/♪ "Open Road": (queued|running)/);
    expect(stdout).toMatch(/📎 image {2}\S+\.png/);
    expect(stdout).not.toContain(MOCK_TOKEN);
  });

  it('--live is read-only without --create: nothing is created, and the token never shows', async () => {
    server = await startMockServer({ port: 0, jobMs: 500 });
    const { code, stdout } = await demo(['--live', '--base-url', server.baseUrl], { USEAPI_TOKEN: MOCK_TOKEN });
    expect(code).toBe(0);
    expect(stdout).toContain('Read-only: nothing is created');
    expect(stdout).toMatch(/– song\s+creates a job, which spends credits: add --create/);
    expect(stdout).toMatch(/– moderation\s+mock server only/);
    expect(stdout).toContain('2 ok, 5 skipped.');
    expect(server.mock.requests.map((r) => r.method)).not.toContain('POST');
    expect(server.mock.requests.map((r) => r.operationId)).toEqual(['listAccounts', 'getSchedulerAvailable', 'listMusic', 'listMusic']);
    expect(stdout).not.toContain(MOCK_TOKEN);
  });

  it('--live --create warns about credits and runs the creating steps (here against a mock server)', async () => {
    server = await startMockServer({ port: 0, jobMs: 300 });
    const { code, stdout } = await demo(['--live', '--create', '--poll-ms', '100', '--base-url', server.baseUrl], { USEAPI_TOKEN: MOCK_TOKEN });
    expect(stdout).toContain('SPEND CREDITS');
    expect(code).toBe(0);
    expect(stdout).toContain('5 ok, 2 skipped.');
    const created = server.mock.requests.filter((r) => r.method === 'POST').map((r) => r.operationId);
    expect(created.sort()).toEqual(['createImages', 'createMusic', 'createVideo', 'runAgent']);
  });

  it('explains a refused token without printing it, and exits 1', async () => {
    server = await startMockServer({ port: 0 });
    const secret = 'user:42-not/valid.SECRET'; // well-formed for the client, refused by the mock
    const { code, stdout, stderr } = await demo(['--live', '--base-url', server.baseUrl], { USEAPI_TOKEN: secret });
    expect(code).toBe(1);
    expect(stdout).toMatch(/✖ accounts\s+UnauthorizedError: the token was refused \(401\): check USEAPI_TOKEN/);
    expect(stdout + stderr).not.toContain('SECRET');
  });

  it('refuses --live without USEAPI_TOKEN with exit code 2 and the usage', async () => {
    const { code, stdout, stderr } = await demo(['--live']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--live needs your useapi.net token in USEAPI_TOKEN/);
    expect(stderr).toContain('Usage: pnpm demo');
  });
});
