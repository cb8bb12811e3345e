// The CLI: every documented flag in both forms (`--flag value`, `--flag=value`), the README's command lines run
// as written (on a free port), and the exits a user meets (bad flags, a taken port).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTROL_TOKEN_ENV, EXIT, HELP, parseCommandLine } from '../src/cli-args.js';
import { CONTROL } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/useapi-minimax-mock.js');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

const serve = (argv: string[], env = {}) => {
  const parsed = parseCommandLine(argv, env);
  if (parsed.kind !== 'serve') throw new Error('expected serve');
  return parsed;
};

describe('the command line (parseArgs)', () => {
  it.each([
    [['--port', '0'], { port: 0 }],
    [['--port=5050'], { port: 5050 }],
    [['--host', '::1'], { host: '::1' }],
    [['--host=localhost'], { host: 'localhost' }],
    [['--seed', '7'], { seed: 7 }],
    [['--seed=demo'], { seed: 'demo' }],
    [['--job-ms', '3000'], { jobMs: 3000 }],
    [['--job-ms=0'], { jobMs: 0 }],
    [['--accounts', '2'], { accounts: 2 }],
    [['--accounts=0'], { accounts: 0 }],
    [['--clock', 'manual'], { clock: 'manual' }],
    [['--clock=real'], { clock: 'real' }],
    [['--latency', '20'], { latencyMs: 20 }],
    [['--latency=5'], { latencyMs: 5 }],
    [['--scenario', 'latency:300'], { scenarios: [{ name: 'latency', params: { ms: 300 } }] }],
    [['--scenario=rate-limited:3', '--scenario', 'moderated'], { scenarios: [{ name: 'rate-limited', params: { retryAfter: 3 } }, { name: 'moderated', params: {} }] }],
    [['--control-token', 'my-control-secret'], { controlToken: 'my-control-secret' }],
    [['--control-token=my-control-secret'], { controlToken: 'my-control-secret' }],
    [['--allow-host', 'mock.test', '--allow-host=api.test'], { allowedHosts: ['mock.test', 'api.test'] }],
    [['--no-webhooks'], { deliverWebhooks: false }],
    [['--webhook-host', 'hooks.test', '--webhook-host=*'], { webhookHosts: ['hooks.test', '*'] }],
    [['--max-body-bytes', '2048', '--max-upload-bytes=4096'], { maxBodyBytes: 2048, maxUploadBytes: 4096 }],
  ])('%j', (argv, expected) => {
    expect(serve(argv).options).toMatchObject(expected);
  });

  it('defaults: port 4010 on 127.0.0.1, nothing else set; --quiet; the control token from the environment', () => {
    const plain = serve([]);
    expect(plain.options).toEqual({ port: 4010, host: '127.0.0.1' });
    expect(plain.quiet).toBe(false);
    expect(serve(['--quiet']).quiet).toBe(true);
    expect(serve([], { [CONTROL_TOKEN_ENV]: 'from-the-env-1' }).options.controlToken).toBe('from-the-env-1');
    expect(parseCommandLine(['-h'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--nope'], /Unknown option '--nope'/],
    [['--port'], /--port/],
    [['--port', 'abc'], /--port must be an integer from 0 to 65535/],
    [['--port', '70000'], /--port must be/],
    [['--job-ms=-1'], /--job-ms must be a number/],
    [['--job-ms', '-1'], /--job-ms' argument is ambiguous/],
    [['--accounts', '1.5'], /--accounts must be an integer/],
    [['--clock', 'fast'], /--clock must be real or manual/],
    [['--scenario', 'explode'], /--scenario: Unknown mock scenario "explode"/],
    [['--scenario', 'latency:soon'], /--scenario: Scenario "latency" takes a number/],
    [['--control-token', 'short'], /--control-token must be at least 8/],
    [['stray'], /positional/i],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it('the help lists every flag and the exit codes', () => {
    for (const flag of ['--port', '--host', '--seed', '--job-ms', '--accounts', '--clock', '--latency', '--scenario', '--control-token', '--allow-host', '--no-webhooks', '--quiet', '--help']) expect(HELP).toContain(flag);
    expect(HELP).toContain(`${EXIT.portInUse} port already in use`);
  });

  it('the README\'s flag table lists the flags the CLI knows', () => {
    const table = readme.slice(readme.indexOf('| flag | default |'), readme.indexOf('The first line printed'));
    const flags = [...table.matchAll(/^\| `(--[a-z-]+)/gm)].map((m) => m[1]);
    const known = [...HELP.matchAll(/^ {2}(?:-h, )?(--[a-z-]+)/gm)].map((m) => m[1]).filter((f) => f !== '--help');
    expect(known.length).toBeGreaterThan(12);
    expect(flags.sort()).toEqual(known.sort());
  });
});

const built = existsSync(join(root, 'dist/cli.js'));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGTERM');
});

function run(argv: string[]): { child: ChildProcess; firstLine: Promise<string>; exited: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [bin, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  const firstLine = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    void exited.then(({ code, stderr: e }) => reject(new Error(`exited ${code}: ${e}`)));
  });
  firstLine.catch(() => undefined);
  return { child, firstLine, exited };
}

/** The command lines of the README's CLI section, as written (`npx useapi-minimax-mock …`). */
const README_COMMANDS = [...readme.slice(readme.indexOf('## CLI'), readme.indexOf('| flag | default |')).matchAll(/^npx useapi-minimax-mock(.*?)(?:\s+#.*)?$/gm)].map((m) => m[1]!.trim().split(/\s+/).filter(Boolean));

describe.runIf(built)('the CLI, run', () => {
  it('the README has CLI examples', () => {
    expect(README_COMMANDS.length).toBeGreaterThanOrEqual(2);
    expect(README_COMMANDS).toContainEqual(expect.arrayContaining(['--scenario', 'latency:300']));
  });

  it.each(README_COMMANDS.map((argv) => [argv.join(' ') || '(no flags)', argv] as const))('README: useapi-minimax-mock %s', async (_label, argv) => {
    // As written, on a free port (a later --port wins).
    const { firstLine } = run([...argv, '--port', '0']);
    const baseUrl = await firstLine;
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/minimax$/);
    const info = await (await fetch(`${baseUrl.replace('/v1/minimax', '')}/__mock`, { headers: CONTROL })).json();
    const parsed = serve(argv).options;
    expect(info).toMatchObject({ baseUrl, jobMs: parsed.jobMs ?? 10_000, clock: { mode: parsed.clock ?? 'real' } });
    expect(info.accounts).toHaveLength((parsed.accounts as number | undefined) ?? 1);
    expect(info.scenarios.map((s: { name: string }) => s.name)).toEqual(((parsed.scenarios ?? []) as { name: string }[]).map((s) => s.name));
    expect((await fetch(`${baseUrl}/accounts`, { headers: { authorization: 'Bearer user:1-a' } })).status).toBe(parsed.accounts === 0 ? 404 : 200);
  });

  it('a bad flag: the message and exit code 2', async () => {
    const { exited } = run(['--scenario', 'explode']);
    const { code, stderr } = await exited;
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(/--scenario: Unknown mock scenario "explode"/);
  });

  it('a port in use: says so (no usage text) and exits 3', async () => {
    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    try {
      const { code, stderr } = await run(['--port', String(port)]).exited;
      expect(code).toBe(EXIT.portInUse);
      expect(stderr).toContain(`port ${port} is already in use on 127.0.0.1`);
      expect(stderr).not.toContain('Usage:');
    } finally {
      await new Promise((r) => taken.close(r));
    }
  });
});
