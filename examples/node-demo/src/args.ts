// Command-line options of the demo. Pure: no I/O, so it is tested directly.

/** What the demo runs against and which steps it may take. */
export interface DemoOptions {
  /** `mock`: the built-in mock server, started in-process. `live`: the real API (needs `USEAPI_TOKEN`). */
  mode: 'mock' | 'live';
  /** Run the steps that create jobs (they spend credits on the real API). Always true against the mock. */
  create: boolean;
  /** How long a generation takes on the mock server, in ms. */
  jobMs: number;
  /** Base URL of the API (a proxy, or a standalone mock server); default: the real API in live mode. */
  baseUrl: string | undefined;
  /** Poll interval of job waits, in ms; default: `jobMs / 10` on the mock, the client's per-kind defaults live. */
  pollMs: number | undefined;
  /** Default `account` for calls that take one (needed when several accounts are configured). */
  account: string | undefined;
  /** The API token (live mode only; never printed). */
  token: string | undefined;
  /** Print the usage and exit. */
  help: boolean;
}

/** A command line the demo cannot run: the message says why, the exit code is 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: pnpm demo [-- options]

Walks the MiniMax API workflow with @useapi-minimax/client: accounts, a song with live progress, an agent job
and its attachments, a video and an image batch, pagination, and how moderation and 429 are handled.

Options:
  --live             run against the real API (reads USEAPI_TOKEN); read-only steps only, unless --create
  --create           with --live: also run the steps that create jobs. They SPEND CREDITS on your account.
  --account <id>     default account (needed when several accounts are configured)
  --base-url <url>   API base URL (your proxy, or a standalone mock server); default: the real API with --live
  --job-ms <ms>      mock server only: how long a generation takes (default 2000)
  --poll-ms <ms>     poll interval of job waits (default: job-ms / 10 on the mock; live: the client's 5–10 s)
  -h, --help         this text

Without --live, the demo starts the mock server in-process: no token, no network, no credits.`;

const DEFAULT_JOB_MS = 2000;

/**
 * Parses the demo's arguments (`process.argv.slice(2)`) and environment. Throws `UsageError` for an unknown
 * option, a missing or invalid value, `--create` without `--live`, or `--live` without `USEAPI_TOKEN`.
 */
export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): DemoOptions {
  const options: DemoOptions = {
    mode: 'mock',
    create: false,
    jobMs: DEFAULT_JOB_MS,
    baseUrl: undefined,
    pollMs: undefined,
    account: undefined,
    token: undefined,
    help: false,
  };
  let createFlag = false;
  let jobMsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    if (raw === '--') continue; // `pnpm demo -- --live` passes the separator through
    const eq = raw.indexOf('=');
    const name = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${name} needs a value`);
      i++;
      return next;
    };
    switch (name) {
      case '--live':
        options.mode = 'live';
        break;
      case '--create':
        createFlag = true;
        break;
      case '--account':
        options.account = value();
        break;
      case '--base-url': {
        const url = value();
        if (!/^https?:\/\/[^/]/.test(url)) throw new UsageError(`--base-url must be an http(s) URL, got "${url}"`);
        options.baseUrl = url.replace(/\/+$/, '');
        break;
      }
      case '--job-ms': {
        const text = value();
        const ms = Number(text);
        if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) throw new UsageError(`--job-ms must be an integer from 100 to 600000, got "${text}"`);
        options.jobMs = ms;
        jobMsGiven = true;
        break;
      }
      case '--poll-ms': {
        const text = value();
        const ms = Number(text);
        if (!Number.isInteger(ms) || ms < 50 || ms > 600_000) throw new UsageError(`--poll-ms must be an integer from 50 to 600000, got "${text}"`);
        options.pollMs = ms;
        break;
      }
      case '-h':
      case '--help':
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown option "${raw}"`);
    }
  }
  if (options.help) return options;
  if (options.mode === 'live') {
    const token = env['USEAPI_TOKEN']?.trim();
    if (!token) throw new UsageError('--live needs your useapi.net token in USEAPI_TOKEN (https://useapi.net/docs/start-here/setup-useapi)');
    if (jobMsGiven) throw new UsageError('--job-ms only applies to the mock server, not with --live');
    options.token = token;
    options.create = createFlag;
  } else {
    if (createFlag) throw new UsageError('--create only applies with --live (the mock server always runs every step, for free)');
    options.create = true;
  }
  return options;
}
