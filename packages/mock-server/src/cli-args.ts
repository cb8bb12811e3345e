// The command line of `useapi-minimax-mock`, parsed with `node:util` `parseArgs` into server options (pure: the CLI
// runs it, the tests call it). Every flag takes `--flag value` and `--flag=value`.
import { parseArgs } from 'node:util';
import { parseScenario, SCENARIO_NAMES, type ScenarioSpec } from './engine/scenarios.js';
import type { MockServerOptions } from './server/index.js';

/** The environment variable of the control token (so it need not be on the command line). */
export const CONTROL_TOKEN_ENV = 'USEAPI_MINIMAX_MOCK_CONTROL_TOKEN';

/** Exit codes of the CLI. */
export const EXIT = {
  /** A bad command line (unknown flag, bad value). */
  usage: 2,
  /** The port is taken. */
  portInUse: 3,
  /** Listening failed for another reason (no permission, no such address). */
  listen: 4,
} as const;

/** The help text. */
export const HELP = `useapi-minimax-mock: a stateful fake of the useapi.net MiniMax API v1

Usage: useapi-minimax-mock [options]      (every option also as --option=value)

  --port <n>               port to listen on (default 4010; 0 = any free port)
  --host <host>            interface (default 127.0.0.1)
  --seed <seed>            seed of the sample data and ids (default 1; digits = a number, else a string)
  --job-ms <ms>            how long a generation takes on the real clock (default 10000)
  --accounts <n>           configured MiniMax accounts (default 1; 0 allowed)
  --clock <mode>           real (default) or manual (advance with POST /__mock/clock/advance)
  --latency <ms>           delay every answer by <ms>
  --scenario <name>        activate a scenario from the start (repeatable; name or name:value)
  --control-token <token>  the control API's credential (default MOCK_TOKEN; or ${CONTROL_TOKEN_ENV})
  --allow-host <name>      another host name the control API answers on (repeatable; loopback always)
  --max-body-bytes <n>     largest JSON request body (default 1048576; larger: 413)
  --max-upload-bytes <n>   largest upload body, multipart or raw (default 33554432; larger: 413)
  --webhook-host <name>    another host webhooks may be POSTed to (repeatable; * = any; loopback always)
  --no-webhooks            do not POST to replyUrl
  --quiet                  print only the base URL
  -h, --help               this help

Exit codes: 0 stopped by SIGINT/SIGTERM, ${EXIT.usage} bad command line, ${EXIT.portInUse} port already in use, ${EXIT.listen} cannot listen.
Scenarios: ${SCENARIO_NAMES.join(', ')}`;

/** What the command line asks for. */
export type CommandLine =
  | { kind: 'help' }
  | { kind: 'serve'; options: MockServerOptions & { port: number; host: string }; quiet: boolean; controlTokenGiven: boolean };

/** A bad command line: the message says which flag and why. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const shown = (v: string) => (v.length > 60 ? `${v.slice(0, 60)}…` : v);

function count(flag: string, value: string | undefined, { min, max, integer }: { min: number; max: number; integer: boolean }): number | undefined {
  if (value === undefined) return undefined;
  const n = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${flag} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${shown(value)}"`);
  }
  return n;
}

/** Parses the arguments (without `node` and the script) and the environment. Throws `UsageError`. */
export function parseCommandLine(argv: readonly string[], env: Record<string, string | undefined> = {}): CommandLine {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        'job-ms': { type: 'string' },
        accounts: { type: 'string' },
        clock: { type: 'string' },
        latency: { type: 'string' },
        scenario: { type: 'string', multiple: true },
        'control-token': { type: 'string' },
        'allow-host': { type: 'string', multiple: true },
        'max-body-bytes': { type: 'string' },
        'max-upload-bytes': { type: 'string' },
        'webhook-host': { type: 'string', multiple: true },
        'no-webhooks': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // parseArgs' own words name the flag ("Unknown option '--nope'", "Option '--port <value>' argument missing").
    throw new UsageError((error as Error).message.split('. To specify a positional')[0] as string);
  }
  if (values.help) return { kind: 'help' };
  const text = (name: string) => values[name] as string | undefined;
  const list = (name: string) => (values[name] as string[] | undefined) ?? [];

  const clock = text('clock');
  if (clock !== undefined && clock !== 'real' && clock !== 'manual') throw new UsageError(`--clock must be real or manual, got "${shown(clock)}"`);
  const seedText = text('seed');
  if (seedText !== undefined && seedText.trim() === '') throw new UsageError('--seed needs a value');
  const host = text('host') ?? '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host needs a value');
  const scenarios: ScenarioSpec[] = list('scenario').map((value) => {
    try {
      const { name, params } = parseScenario(value);
      return { name, params };
    } catch (error) {
      throw new UsageError(`--scenario: ${(error as Error).message}`);
    }
  });
  const controlToken = text('control-token') ?? (env[CONTROL_TOKEN_ENV] || undefined);
  if (controlToken !== undefined && (controlToken.length < 8 || /\s/.test(controlToken))) {
    throw new UsageError('--control-token must be at least 8 characters without spaces');
  }
  const webhookHosts = list('webhook-host');
  for (const name of webhookHosts) if (name !== '*' && !/^[A-Za-z0-9.:[\]-]+$/.test(name)) throw new UsageError(`--webhook-host takes a host name or *, got "${shown(name)}"`);
  const allowedHosts = list('allow-host');
  for (const name of allowedHosts) if (!/^[A-Za-z0-9.:[\]-]+$/.test(name)) throw new UsageError(`--allow-host takes a host name, got "${shown(name)}"`);

  const jobMs = count('job-ms', text('job-ms'), { min: 0, max: 2_147_483_647, integer: false });
  const accounts = count('accounts', text('accounts'), { min: 0, max: 100, integer: true });
  const maxBodyBytes = count('max-body-bytes', text('max-body-bytes'), { min: 1, max: 2 ** 31, integer: true });
  const maxUploadBytes = count('max-upload-bytes', text('max-upload-bytes'), { min: 1, max: 2 ** 33, integer: true });
  const latencyMs = count('latency', text('latency'), { min: 0, max: 600_000, integer: false });
  const options: MockServerOptions & { port: number; host: string } = {
    port: count('port', text('port'), { min: 0, max: 65_535, integer: true }) ?? 4010,
    host,
    ...(seedText !== undefined ? { seed: /^\d{1,15}$/.test(seedText) ? Number(seedText) : seedText } : {}),
    ...(jobMs !== undefined ? { jobMs } : {}),
    ...(accounts !== undefined ? { accounts } : {}),
    ...(clock ? { clock } : {}),
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    ...(scenarios.length ? { scenarios } : {}),
    ...(controlToken !== undefined ? { controlToken } : {}),
    ...(allowedHosts.length ? { allowedHosts } : {}),
    ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
    ...(maxUploadBytes !== undefined ? { maxUploadBytes } : {}),
    ...(webhookHosts.length ? { webhookHosts } : {}),
    ...(values['no-webhooks'] ? { deliverWebhooks: false } : {}),
  };
  return { kind: 'serve', options, quiet: values.quiet === true, controlTokenGiven: controlToken !== undefined };
}
