#!/usr/bin/env node
// useapi-minimax-mock: the standalone mock server from the command line.
import { startMockServer } from './server/index.js';
import { MOCK_TOKEN } from './token.js';
import { SCENARIO_NAMES, type ScenarioName } from './engine/scenarios.js';

const HELP = `useapi-minimax-mock: a stateful fake of the useapi.net MiniMax API v1

Usage: useapi-minimax-mock [options]

  --port <n>          port to listen on (default 4010; 0 = any free port)
  --host <host>       interface (default 127.0.0.1)
  --seed <seed>       seed of the sample data and ids (default 1)
  --job-ms <ms>       how long a generation takes on the real clock (default 10000)
  --accounts <n>      configured MiniMax accounts (default 1; 0 allowed)
  --clock <mode>      real (default) or manual (advance with POST /__mock/clock/advance)
  --latency <ms>      delay every answer by <ms>
  --scenario <name>   activate a scenario from the start (repeatable; name or name:value)
  --no-webhooks       do not POST to replyUrl
  --quiet             print only the base URL
  -h, --help          this help

Scenarios: ${SCENARIO_NAMES.join(', ')}`;

function fail(message: string): never {
  console.error(`useapi-minimax-mock: ${message}\n\n${HELP}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const opts: Record<string, string | boolean | string[]> = {};
for (let i = 0; i < args.length; i++) {
  const arg = args[i] as string;
  if (arg === '-h' || arg === '--help') {
    console.log(HELP);
    process.exit(0);
  }
  if (arg === '--no-webhooks' || arg === '--quiet') {
    opts[arg.slice(2)] = true;
    continue;
  }
  const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
  const known = ['--port', '--host', '--seed', '--job-ms', '--accounts', '--clock', '--latency', '--scenario'];
  if (!known.includes(flag)) fail(`unknown option ${arg}`);
  const value = inline ?? args[++i];
  if (value === undefined) fail(`${flag} needs a value`);
  if (flag === '--scenario') ((opts.scenario ??= []) as string[]).push(value);
  else opts[flag.slice(2)] = value;
}

const num = (name: string, value: unknown): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) fail(`--${name} must be a number >= 0`);
  return n;
};
const clock = opts.clock as string | undefined;
if (clock !== undefined && clock !== 'real' && clock !== 'manual') fail('--clock must be real or manual');
const seedText = opts.seed as string | undefined;
const seed = seedText === undefined ? undefined : /^\d+$/.test(seedText) ? Number(seedText) : seedText;

try {
  const server = await startMockServer({
    port: num('port', opts.port) ?? 4010,
    host: (opts.host as string | undefined) ?? '127.0.0.1',
    ...(seed !== undefined ? { seed } : {}),
    ...(opts['job-ms'] !== undefined ? { jobMs: num('job-ms', opts['job-ms']) as number } : {}),
    ...(opts.accounts !== undefined ? { accounts: num('accounts', opts.accounts) as number } : {}),
    ...(clock ? { clock: clock as 'real' | 'manual' } : {}),
    ...(opts.latency !== undefined ? { latencyMs: num('latency', opts.latency) as number } : {}),
    ...(opts.scenario ? { scenarios: opts.scenario as ScenarioName[] } : {}),
    ...(opts['no-webhooks'] ? { deliverWebhooks: false } : {}),
  });
  console.log(server.baseUrl);
  if (!opts.quiet) {
    console.log(`  token     Authorization: Bearer ${MOCK_TOKEN}  (any user:<digits>-<alphanumerics> works)`);
    console.log(`  control   ${server.url}/__mock  (POST /reset, POST /scenario, POST /clock/advance, GET /requests)`);
    console.log(`  accounts  ${server.mock.accounts.join(', ') || '(none)'} · clock ${server.mock.clock.mode} · jobMs ${server.mock.jobMs}`);
  }
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
