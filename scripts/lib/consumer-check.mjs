// The consumer check: install the packed tarballs into a scratch project, as a user would from npm, and use
// them from Node (every entry point, real calls against the packed mock server, the CLI), from TypeScript
// (`nodenext` and `bundler` resolution) and from a Vite build (a browser bundle with no Node built-in).
// Shared by `pnpm release --dry-run` (scripts/release.mjs) and the packaging test (tests/packaging).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a command; resolves with its output, rejects with the output when it fails or outlives `timeoutMs`. */
export function run(cmd, args, { cwd, timeoutMs = 120_000, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`${cmd} ${args.join(' ')} timed out after ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}) in ${cwd}\n${output}`));
    });
  });
}

/** A dependency range used in the workspace (so the scratch project gets what the packages are tested with). */
function workspaceRange(pkgDir, name) {
  const pkg = JSON.parse(readFileSync(join(root, pkgDir, 'package.json'), 'utf8'));
  const range = pkg.devDependencies?.[name] ?? pkg.dependencies?.[name] ?? pkg.peerDependencies?.[name];
  if (!range) throw new Error(`${pkgDir}/package.json does not list ${name}`);
  return range;
}

/** The registry packages the scratch project installs next to the tarballs. */
export function registryDependencies() {
  return {
    '@tanstack/react-query': workspaceRange('packages/react', '@tanstack/react-query'),
    react: workspaceRange('packages/react', 'react'),
    'react-dom': workspaceRange('packages/react', 'react-dom'),
    msw: workspaceRange('packages/mock-server', 'msw'),
    vite: '^7.3.8',
    typescript: workspaceRange('packages/client', 'typescript'),
    '@types/node': workspaceRange('packages/client', '@types/node'),
    '@types/react': workspaceRange('packages/react', '@types/react'),
  };
}

const NODE_CHECK = `// Every entry point of the packed packages, from Node, with real calls.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createMiniMaxClient, createMiniMaxCore, getMusic, isMiniMaxError, ModeratedError, describeJob } from '@useapi-minimax/client';
import { operations } from '@useapi-minimax/client/internal';
import { createMiniMaxMock, MOCK_TOKEN } from '@useapi-minimax/mock-server';
import { createMiniMaxHandlers } from '@useapi-minimax/mock-server/msw';
import { setupMiniMaxServer } from '@useapi-minimax/mock-server/msw/node';
import { startMockServer } from '@useapi-minimax/mock-server/server';
import { MiniMaxProvider, accountsQueryOptions, miniMaxKeys, useMusic } from '@useapi-minimax/react';
import { QueryClient } from '@tanstack/react-query';
import { createRequire } from 'node:module';

const check = (ok, what) => {
  if (!ok) throw new Error('node check failed: ' + what);
  console.log('ok  ' + what);
};
const require = createRequire(import.meta.url);
for (const name of ['@useapi-minimax/client', '@useapi-minimax/mock-server', '@useapi-minimax/react', '@useapi-minimax/runner', '@useapi-minimax/cli']) {
  check(require(name + '/package.json').name === name, name + '/package.json resolves');
}
check(Object.keys(operations).length === 50, 'client/internal: the operations table has 50 operations');
check(typeof getMusic === 'function' && typeof createMiniMaxCore === 'function', 'client: the per-operation functions and createMiniMaxCore');

// /server + client: a job from create to completion over HTTP, and a typed error.
const server = await startMockServer({ port: 0, jobMs: 300 });
try {
  const client = createMiniMaxClient({ token: MOCK_TOKEN, baseUrl: server.baseUrl, logLevel: 'silent' });
  const accounts = await client.accounts.list();
  check(Object.keys(accounts).length === 1, 'server + client: accounts.list()');
  const song = await client.music.createAndWait({ prompt: 'a packaging test' }, { intervalMs: 50 });
  check(describeJob('music', song).state === 'succeeded', 'server + client: music.createAndWait() completes');
  const error = await client.music.create({ prompt: '[mock:moderated]' }).catch((e) => e);
  check(error instanceof ModeratedError && isMiniMaxError(error) && error.status === 422, 'server + client: ModeratedError');
  // react: the options factories drive TanStack Query in Node too.
  const queryClient = new QueryClient();
  const viaQuery = await queryClient.fetchQuery(accountsQueryOptions(client));
  check(Object.keys(viaQuery).length === 1, 'react: accountsQueryOptions() through a QueryClient');
  check(typeof MiniMaxProvider === 'function' && typeof useMusic === 'function' && Array.isArray(miniMaxKeys.all), 'react: hooks, provider, keys');
} finally {
  await server.close();
}

// root entry: the engine as fetch, manual clock.
const mock = createMiniMaxMock({ jobMs: 1000 });
const viaEngine = createMiniMaxClient({ token: MOCK_TOKEN, fetch: mock.fetch, logLevel: 'silent' });
const { musicId } = await viaEngine.music.create({ prompt: 'manual clock' });
mock.clock.advance(1000);
check((await viaEngine.music.get(musicId)).status === 2, 'mock: createMiniMaxMock() as fetch, manual clock');

// /msw and /msw/node.
check(createMiniMaxHandlers().length > 0, 'msw: createMiniMaxHandlers()');
const msw = setupMiniMaxServer();
msw.listen({ onUnhandledRequest: 'error' });
try {
  const viaMsw = createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent' });
  check(Object.keys(await viaMsw.accounts.list()).length === 1, 'msw/node: setupMiniMaxServer() answers the default base URL');
} finally {
  msw.close();
}

// /msw/browser resolves (it runs in browsers: the Vite build below bundles it).
check(import.meta.resolve('@useapi-minimax/mock-server/msw/browser').endsWith('.js'), 'msw/browser resolves');

// The CLI (bin useapi-minimax-mock).
const cli = spawn(process.execPath, [require.resolve('@useapi-minimax/mock-server/package.json').replace(/package\\.json$/, 'dist/cli.js'), '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
try {
  let timer;
  const [first] = await Promise.race([
    createInterface({ input: cli.stdout })[Symbol.asyncIterator]().next().then((r) => [r.value]),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('the CLI printed nothing in 10 s')), 10_000))),
  ]).finally(() => clearTimeout(timer));
  check(/^http:\\/\\/127\\.0\\.0\\.1:\\d+\\/v1\\/minimax$/.test(first), 'cli: prints its base URL (' + first + ')');
  const viaCli = createMiniMaxClient({ token: MOCK_TOKEN, baseUrl: first, logLevel: 'silent' });
  check(Object.keys(await viaCli.accounts.list()).length === 1, 'cli: answers the API');
} finally {
  cli.kill('SIGTERM');
}
// runner: a job through the runner, over the mock as fetch (real clock, short jobs), with a file ledger.
{
  const { createJobRunner, openFileLedger } = await import('@useapi-minimax/runner');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(tmpdir() + '/runner-check-');
  const real = createMiniMaxMock({ clock: 'real', jobMs: 200 });
  const client = createMiniMaxClient({ token: MOCK_TOKEN, fetch: (input, init) => real.handle(new Request(input, init)), logLevel: 'silent' });
  const ledger = await openFileLedger(dir + '/batch.ledger.jsonl');
  const runner = createJobRunner({ client, ledger, intervalMs: 20 });
  const result = await runner.submit('video', { prompt: 'a packaging test' }, { key: 'pack' });
  check(result.outcome === 'succeeded' && result.ids.length === 1, 'runner: submit() follows a video to its end');
  await runner.close();
  await ledger.close();
  real.dispose();
  rmSync(dir, { recursive: true, force: true });
}

// The packed CLI (bin useapi-minimax): a batch against its embedded mock.
{
  const { execFileSync } = await import('node:child_process');
  const { writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(tmpdir() + '/cli-check-');
  writeFileSync(dir + '/jobs.jsonl', '{"prompt":"a corgi"}\\n{"text":"Hello.","voice_id":"308172940561327"}\\n');
  const bin = require.resolve('@useapi-minimax/cli/package.json').replace(/package\\.json$/, 'bin/useapi-minimax.js');
  const out = JSON.parse(execFileSync(process.execPath, [bin, 'batch', 'jobs.jsonl', '--mock', '--mock-job-ms', '300', '--json'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  check(out.counts.succeeded === 2 && out.exitCode === 0, 'cli: useapi-minimax batch --mock runs a batch');
  rmSync(dir, { recursive: true, force: true });
}
console.log('node check: every entry point works');
`;

const TYPES_CHECK = `// Types of every entry point, as a TypeScript consumer sees them.
import { createMiniMaxClient, type Snapshot, type MiniMaxClient, RateLimitedError } from '@useapi-minimax/client';
import { createMiniMaxMock, MOCK_TOKEN, type MiniMaxMock } from '@useapi-minimax/mock-server';
import { createMiniMaxHandlers } from '@useapi-minimax/mock-server/msw';
import { setupMiniMaxServer } from '@useapi-minimax/mock-server/msw/node';
import { setupMiniMaxWorker } from '@useapi-minimax/mock-server/msw/browser';
import { startMockServer, type MockServer } from '@useapi-minimax/mock-server/server';
import { MiniMaxProvider, useMusic, miniMaxKeys } from '@useapi-minimax/react';
import { createJobRunner, createMemoryLedger, type JobResult } from '@useapi-minimax/runner';
import { main as cliMain } from '@useapi-minimax/cli';

export async function typed(): Promise<void> {
  const result: JobResult = await createJobRunner({ client: createMiniMaxClient({ token: MOCK_TOKEN }), ledger: createMemoryLedger() }).submit('speech', { text: 'x', voice_id: 'v' });
  // @ts-expect-error a speech job needs its text
  void createJobRunner({ client: createMiniMaxClient({ token: MOCK_TOKEN }) }).submit('speech', { voice_id: 'v' });
  const code: number = await cliMain(['--help']);
  void [result.outcome, code];
  const client: MiniMaxClient = createMiniMaxClient({ token: MOCK_TOKEN });
  const song: Snapshot<'music'> = await client.music.createAndWait({ prompt: 'x' });
  const url: string | undefined = song.audioURL;
  // @ts-expect-error prompt is required
  await client.music.create({});
  const mock: MiniMaxMock = createMiniMaxMock();
  const server: MockServer = await startMockServer({ port: 0, mock });
  const e = new RateLimitedError({ status: 429, body: undefined, method: 'POST', path: '/x', headers: {} });
  void [url, server, e.retryAfterMs, createMiniMaxHandlers, setupMiniMaxServer, setupMiniMaxWorker, MiniMaxProvider, useMusic, miniMaxKeys];
}
`;

const BROWSER_ENTRY = `// A browser app's imports: the client, the hooks and the MSW worker adapter.
import { createMiniMaxClient, describeJob } from '@useapi-minimax/client';
import { createMiniMaxMock } from '@useapi-minimax/mock-server';
import { createMiniMaxHandlers } from '@useapi-minimax/mock-server/msw';
import { setupMiniMaxWorker } from '@useapi-minimax/mock-server/msw/browser';
import { MiniMaxProvider, miniMaxKeys, useMusic, useImagesInfinite } from '@useapi-minimax/react';

const client = createMiniMaxClient({ baseUrl: '/api/minimax' });
globalThis.__consumer = { client, describeJob, createMiniMaxMock, createMiniMaxHandlers, setupMiniMaxWorker, MiniMaxProvider, miniMaxKeys, useMusic, useImagesInfinite };
`;

const VITE_CONFIG = `import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Fail the build on any import of a Node built-in (Vite would otherwise only warn and stub it).
const builtins = new Set(builtinModules.flatMap((m) => [m, 'node:' + m]));
export default defineConfig({
  logLevel: 'warn',
  build: { minify: false, reportCompressedSize: false },
  plugins: [
    {
      name: 'no-node-builtins',
      enforce: 'pre',
      resolveId(id, importer) {
        if (builtins.has(id) || id.startsWith('node:')) this.error('the browser bundle imports the Node built-in "' + id + '" (from ' + importer + ')');
        return null;
      },
    },
  ],
});
`;

/**
 * Writes the scratch project in `dir`: the tarballs (package name → path) as `file:` dependencies, the
 * client's tarball also as an override (the react tarball depends on it), and the check files.
 */
export function writeScratchProject(dir, tarballs) {
  mkdirSync(join(dir, 'src'), { recursive: true });
  const local = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]));
  const pkg = {
    name: 'scratch-consumer',
    private: true,
    type: 'module',
    dependencies: { ...local, ...registryDependencies() },
    // The tarballs depend on each other (react and the runner on the client, the CLI on the runner and the mock).
    overrides: Object.fromEntries(['@useapi-minimax/client', '@useapi-minimax/mock-server', '@useapi-minimax/runner'].map((name) => [name, local[name]])),
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(join(dir, 'node-check.mjs'), NODE_CHECK);
  writeFileSync(join(dir, 'src', 'types-check.ts'), TYPES_CHECK);
  // nodenext also checks every declaration file (ours must not reference anything a consumer lacks); bundler
  // resolution only checks the consumer's code, which is enough to prove the exports' conditions resolve.
  for (const [name, resolution] of [
    ['nodenext', { module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: false }],
    ['bundler', { module: 'ESNext', moduleResolution: 'Bundler', skipLibCheck: true }],
  ]) {
    const tsconfig = {
      compilerOptions: { target: 'ES2022', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, types: ['node'], ...resolution },
      files: ['src/types-check.ts'],
    };
    writeFileSync(join(dir, `tsconfig.${name}.json`), `${JSON.stringify(tsconfig, null, 2)}\n`);
  }
  writeFileSync(join(dir, 'index.html'), '<!doctype html>\n<html><body><script type="module" src="/src/main.js"></script></body></html>\n');
  writeFileSync(join(dir, 'src', 'main.js'), BROWSER_ENTRY);
  writeFileSync(join(dir, 'vite.config.mjs'), VITE_CONFIG);
}

/** `npm install` in the scratch project (the tarballs from disk, the rest from the registry). */
export function installScratchProject(dir, { timeoutMs = 240_000 } = {}) {
  return run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline'], { cwd: dir, timeoutMs, env: { npm_config_update_notifier: 'false' } });
}

/** Runs the Node check; resolves with its report. */
export function checkNode(dir, { timeoutMs = 60_000 } = {}) {
  return run(process.execPath, ['node-check.mjs'], { cwd: dir, timeoutMs, env: { NODE_ENV: 'production' } });
}

/** Type-checks a consumer file under `nodenext` (declaration files included) and `bundler` resolution. */
export async function checkTypes(dir, { timeoutMs = 240_000 } = {}) {
  const tsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
  await Promise.all(['nodenext', 'bundler'].map((name) => run(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], { cwd: dir, timeoutMs })));
  return 'types check: nodenext (with every declaration file) and bundler resolution';
}

/**
 * Builds the browser entry with Vite (failing on any Node built-in) and checks the bundle: it must hold the
 * packages' code and no `node:` import or Vite browser-external stub. Resolves with the JS assets and sizes.
 */
export async function checkViteBuild(dir, { timeoutMs = 120_000 } = {}) {
  await run(process.execPath, [join(dir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: dir, timeoutMs });
  const assetsDir = join(dir, 'dist', 'assets');
  const assets = readdirSync(assetsDir).filter((f) => f.endsWith('.js'));
  const code = assets.map((f) => readFileSync(join(assetsDir, f), 'utf8')).join('\n');
  const problems = [];
  if (/\bfrom\s*["']node:|\brequire\(["']node:|\bimport\(["']node:/.test(code)) problems.push('a node: import');
  if (code.includes('__vite-browser-external')) problems.push('a Vite browser-external stub (a Node built-in was stubbed)');
  for (const marker of ['api.useapi.net/v1/minimax', 'mockServiceWorker', 'useapi-minimax']) if (!code.includes(marker)) problems.push(`no trace of "${marker}" (was the code bundled?)`);
  if (problems.length) throw new Error(`vite build check: the bundle has ${problems.join(', ')}`);
  return assets.map((f) => `${f} (${Buffer.byteLength(readFileSync(join(assetsDir, f)))} B)`);
}

/** The whole check, in order, reporting each stage through `log`. */
export async function checkConsumer(dir, tarballs, { log = console.log } = {}) {
  writeScratchProject(dir, tarballs);
  log(`scratch project: ${dir}`);
  await installScratchProject(dir);
  log('npm install: ok');
  log((await checkNode(dir)).trim());
  log(await checkTypes(dir));
  log(`vite build check: ok (${(await checkViteBuild(dir)).join(', ')})`);
}
