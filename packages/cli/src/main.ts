// `useapi-minimax`: the commands, over the runner. The token comes from USEAPI_TOKEN only (a token given as an
// argument is used with a warning: it lands in the shell history); it is never printed.
import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createMiniMaxClient, MiniMaxError, type MiniMaxClient } from '@useapi-minimax/client';
import { operations, type OperationDescriptor } from '@useapi-minimax/client/internal';
import {
  checkJob,
  createJobRunner,
  createLocalCorrelation,
  createMemoryLedger,
  createWebhookReceiver,
  listenWebhooks,
  openFileLedger,
  submitKinds,
  type BatchReport,
  type JobRunnerOptions,
  type Ledger,
  type SubmitKind,
  type WebhookServer,
} from '@useapi-minimax/runner';
import { readManifest } from './manifest.js';
import { startEmbeddedMock, type EmbeddedMock } from './mock.js';
import { showProgress } from './progress.js';
import { BATCH_OPERATIONS, batchBackend, batchOperation } from './redis.js';
import { EXIT, exitCodeFor, formatReport, reportJson } from './report.js';

/** Where the CLI writes, and what it reads from the environment. */
export interface CliIo {
  /** Results (tables, ids, `--json`). */
  stdout: CliStream;
  /** Progress, warnings, errors. */
  stderr: CliStream;
  /** The environment (`USEAPI_TOKEN`). */
  env: Record<string, string | undefined>;
  /** Where relative paths start. */
  cwd: string;
}

/** A stream the CLI writes to. */
export interface CliStream {
  /** Writes text. */
  write(text: string): void;
  /** A terminal: draw the live progress block. */
  isTTY?: boolean | undefined;
  /** Its width. */
  columns?: number | undefined;
}

/** The usage text. */
export const USAGE = `useapi-minimax: the useapi.net MiniMax API v1 from the command line

  useapi-minimax accounts                          the configured accounts
  useapi-minimax scheduler                         running jobs and free slots per account
  useapi-minimax videos create --prompt … [--file PATH] [--model …] [--options …]
  useapi-minimax images create --prompt … [--quantity N]
  useapi-minimax music create --prompt … [--lyrics …]   (--legacy --style-id … for the lyrics-to-song era)
  useapi-minimax speech create --text … --voice-id …
  useapi-minimax speech voices [SEARCH]            voice ids whose name or tags contain SEARCH
  useapi-minimax agent run --prompt … --models …  [--file PATH]
  useapi-minimax batch FILE                        videos.json, lines.json or JSONL; resumes by default
  useapi-minimax batch status|cancel|cleanup --redis URL [--batch NAME]   batches on Redis

Every field of a create is an option (--prompt, --aspect-ratio or --aspectRatio, --voice-id, …).
  --wait               follow the job to its end (creates return once created otherwise)
  --download DIR       save the results in DIR (implies --wait)
  --key KEY            the job's key (creates): the same key never creates twice within a ledger
  --json               machine-readable output on stdout
  --mock               run against a mock server in this process: no token, no network, no credits
  --mock-job-ms MS     how long a mock generation takes (default 3000)
  --base-url URL       another API base URL (your proxy)
  --interval-ms MS     pause between polls of a job (default: per kind, 3-10 s)
batch:
  --kind KIND          the kind of lines without one (default: speech for lines with text, else video)
  --dry-run            check every job (files, types, fields) and send nothing
  --ledger PATH        the batch's ledger (default: next to FILE, <name>.ledger.jsonl)
  --no-resume          refuse to continue a ledger that already holds jobs
  --concurrency N      at most N jobs in flight
  --accounts A,B       only these accounts
  --webhook-url URL    follow jobs by webhook: your public URL of the receiver (with --listen)
  --listen [HOST:]PORT serve the webhook receiver here (default host 127.0.0.1)
  --redis URL          run on Redis (redis://host:6379) as one worker of many: start the same command on
                       any number of machines; they share the jobs, the accounts' slots and the webhooks
  --batch NAME         the batch's name on Redis (default: FILE's name)
  --abandon            (cancel) stop following running jobs too (default: they are followed to their end)
  --force              (cleanup) delete unfinished batches too

The token is read from USEAPI_TOKEN. Exit codes: 0 all succeeded, 2 usage or invalid input, 3 failed, 4 moderated,
5 incomplete (timed out or blocked: run again), 6 outcome unknown (check the account), 1 error.
`;

const CREATES: Record<string, Record<string, SubmitKind>> = {
  videos: { create: 'video' },
  images: { create: 'image' },
  music: { create: 'music' },
  speech: { create: 'speech' },
  agent: { run: 'agent' },
};

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();

/** Turns `--field value` options into a create's input, typed by the operation's field rules. */
export function fieldsFromArgs(kind: SubmitKind, args: string[]): { input: Record<string, unknown>; problems: string[] } {
  const op = (operations as Record<string, OperationDescriptor>)[submitKinds[kind].operation]!;
  const byName = new Map<string, string>();
  for (const f of Object.keys(op.fields)) {
    byName.set(f, f);
    byName.set(kebab(f), f);
  }
  const input: Record<string, unknown> = {};
  const problems: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    const field = m && byName.get(m[1]!);
    if (!m || !field) {
      problems.push(`unknown option ${arg} for ${kind} (fields: ${Object.keys(op.fields).filter((f) => f !== 'account' && f !== 'replyRef' && f !== 'replyUrl').join(', ')})`);
      continue;
    }
    const rule = op.fields[field]!;
    let value: string | undefined = m[2];
    if (rule.type === 'boolean') {
      if (value === undefined && args[i + 1] !== undefined && /^(true|false)$/.test(args[i + 1]!)) value = args[++i];
      input[field] = value === undefined ? true : value === 'true';
      continue;
    }
    if (value === undefined) {
      value = args[++i];
      if (value === undefined) {
        problems.push(`--${m[1]} needs a value`);
        continue;
      }
    }
    input[field] = rule.type === 'integer' || rule.type === 'number' ? (Number.isFinite(Number(value)) ? Number(value) : value) : value;
  }
  return { input, problems };
}

/** Runs the CLI; resolves with the exit code. */
export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }): Promise<number> {
  // A token typed on the command line is used, with a warning; it is never echoed.
  let argToken: string | undefined;
  const args = argv.filter((a) => {
    if (/^user:\d+-\S+$/.test(a)) {
      argToken = a;
      return false;
    }
    return true;
  });
  const token = io.env.USEAPI_TOKEN || argToken;
  const redact = (text: string) => (token ? text.split(token).join('[redacted]') : text);
  const out = (text: string) => io.stdout.write(redact(text));
  const err = (text: string) => io.stderr.write(redact(text));
  if (argToken) err('warning: a token given as an argument lands in your shell history; set USEAPI_TOKEN instead (e.g. read -s USEAPI_TOKEN; export USEAPI_TOKEN)\n');

  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        json: { type: 'boolean' },
        wait: { type: 'boolean' },
        download: { type: 'string' },
        key: { type: 'string' },
        mock: { type: 'boolean' },
        'mock-job-ms': { type: 'string' },
        'base-url': { type: 'string' },
        kind: { type: 'string' },
        'dry-run': { type: 'boolean' },
        ledger: { type: 'string' },
        resume: { type: 'boolean' },
        'no-resume': { type: 'boolean' },
        concurrency: { type: 'string' },
        accounts: { type: 'string' },
        'webhook-url': { type: 'string' },
        listen: { type: 'string' },
        legacy: { type: 'boolean' },
        'interval-ms': { type: 'string' },
        file: { type: 'string' },
        redis: { type: 'string' },
        batch: { type: 'string' },
        abandon: { type: 'boolean' },
        force: { type: 'boolean' },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const o = parsed.values as Record<string, string | boolean | undefined>;
  const [command, sub, ...rest] = parsed.positionals;
  if (o.help || !command) {
    (o.help ? out : err)(USAGE);
    return o.help ? EXIT.ok : EXIT.usage;
  }
  if (o.version) {
    out('useapi-minimax 0.1.0\n');
    return EXIT.ok;
  }
  const json = o.json === true;
  const intervalMs = o['interval-ms'] === undefined ? undefined : Number(o['interval-ms']);
  if (intervalMs !== undefined && !(Number.isFinite(intervalMs) && intervalMs >= 1)) {
    err('--interval-ms: must be a number of milliseconds\n');
    return EXIT.usage;
  }
  if (intervalMs !== undefined) o['interval-ms'] = String(intervalMs);
  const mockJobMs = Number(o['mock-job-ms'] ?? 3000);
  if (!Number.isFinite(mockJobMs) || mockJobMs < 0) {
    err('--mock-job-ms: must be a number of milliseconds\n');
    return EXIT.usage;
  }

  let embedded: EmbeddedMock | undefined;
  const clientFor = (): MiniMaxClient | number => {
    if (o.mock) {
      embedded ??= startEmbeddedMock({ jobMs: mockJobMs, deliverWebhooks: o.listen !== undefined });
      return embedded.client;
    }
    if (!token) {
      err('no API token: set USEAPI_TOKEN (never pass it as an argument: it lands in your shell history), or use --mock\n');
      return EXIT.usage;
    }
    return createMiniMaxClient({ token, logLevel: 'silent', ...(typeof o['base-url'] === 'string' ? { baseUrl: o['base-url'] } : {}) });
  };

  try {
    switch (command) {
      case 'accounts':
      case 'scheduler':
        return await readOnly(command, clientFor, json, out);
      case 'speech':
      case 'videos':
      case 'images':
      case 'music':
      case 'agent': {
        if (command === 'speech' && sub === 'voices') return await voices(clientFor, rest[0], json, out);
        const kind0 = CREATES[command]?.[sub ?? ''];
        if (!kind0) {
          err(`unknown command: ${[command, sub].filter(Boolean).join(' ')}\n\n${USAGE}`);
          return EXIT.usage;
        }
        const kind: SubmitKind = kind0 === 'music' && o.legacy ? 'music-legacy' : kind0;
        const fieldArgs = [...args];
        for (const word of [command, sub]) fieldArgs.splice(fieldArgs.indexOf(word!), 1);
        return await createOne(kind, fieldArgs, o, clientFor, json, out, err, () => embedded);
      }
      case 'batch':
        if (!sub) {
          err(`batch: give the manifest file\n\n${USAGE}`);
          return EXIT.usage;
        }
        if (BATCH_OPERATIONS.has(sub) && !existsSync(resolve(io.cwd, sub))) return await batchOperation(sub, o, json, out, err);
        return await batch(resolve(io.cwd, sub), o, clientFor, json, io, out, err, () => embedded);
      default:
        err(`unknown command: ${command}\n\n${USAGE}`);
        return EXIT.usage;
    }
  } catch (error) {
    err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof MiniMaxError && /Invalid input/.test(error.message) ? EXIT.usage : EXIT.error;
  } finally {
    embedded?.close();
  }
}

type Out = (text: string) => void;

const intervalOf = (o: Record<string, string | boolean | undefined>): Partial<JobRunnerOptions> =>
  typeof o['interval-ms'] === 'string' ? { intervalMs: Number(o['interval-ms']) } : {};

/** In mock mode: downloads from the mock's media, and polls scaled to the mock's short jobs. */
function mockRunnerOptions(mock: EmbeddedMock | undefined): Partial<JobRunnerOptions> {
  if (!mock) return {};
  return { fetch: mock.fetch, intervalMs: Math.max(100, Math.round(mock.mock.jobMs / 6)), schedulerRefreshMs: Math.max(200, Math.round(mock.mock.jobMs / 3)) };
}

async function readOnly(command: 'accounts' | 'scheduler', clientFor: () => MiniMaxClient | number, json: boolean, out: Out): Promise<number> {
  const client = clientFor();
  if (typeof client === 'number') return client;
  if (command === 'accounts') {
    const accounts = (await client.accounts.list()) as unknown as Record<string, Record<string, unknown>>;
    if (json) out(`${JSON.stringify(accounts, null, 2)}\n`);
    else {
      out('account            maxJobs  video  audio  error\n');
      for (const a of Object.values(accounts)) out(`${String(a.account).padEnd(18)} ${String(a.maxJobs ?? '').padEnd(8)} ${String(a.supportVideo ?? '').padEnd(6)} ${String(a.supportAudio ?? '').padEnd(6)} ${a.error ?? ''}\n`);
    }
    return EXIT.ok;
  }
  const s = (await client.scheduler.available()) as unknown as { executing?: Record<string, unknown>[]; available?: Record<string, unknown>[] };
  if (json) out(`${JSON.stringify(s, null, 2)}\n`);
  else {
    out('account            maxJobs  executing  available  executingAudio\n');
    for (const a of s.available ?? []) out(`${String(a.account).padEnd(18)} ${String(a.maxJobs ?? '').padEnd(8)} ${String(a.executing ?? '').padEnd(10)} ${String(a.available ?? '').padEnd(10)} ${a.executingAudio ?? ''}\n`);
    out(`${(s.executing ?? []).length} job(s) running\n`);
    for (const e of s.executing ?? []) out(`  ${e.videoId ?? e.imageId ?? e.audioId} ${e.elapsed ?? ''}${e.replyRef ? ` (${e.replyRef})` : ''}\n`);
  }
  return EXIT.ok;
}

async function voices(clientFor: () => MiniMaxClient | number, search: string | undefined, json: boolean, out: Out): Promise<number> {
  const client = clientFor();
  if (typeof client === 'number') return client;
  const needle = search?.toLowerCase();
  const found: Record<string, unknown>[] = [];
  // The catalogue is per account: the first one with an audio plan.
  const accounts = Object.values((await client.accounts.list()) as unknown as Record<string, Record<string, unknown>>);
  const account = (accounts.find((a) => a.supportAudio === true && !a.error) ?? accounts[0])?.account as string | undefined;
  for await (const v of client.speech.listAllVoices(account ? { account } : {}) as AsyncIterable<Record<string, any>>) {
    if (!needle || String(v.voice_name ?? '').toLowerCase().includes(needle) || (v.tag_list ?? []).some((t: string) => t.toLowerCase().includes(needle))) found.push(v);
  }
  if (json) out(`${JSON.stringify(found, null, 2)}\n`);
  else {
    for (const v of found) out(`${v.voice_id}\t${v.voice_name ?? ''}\t${((v.tag_list as string[] | undefined) ?? []).join(', ')}\n`);
    out(`${found.length} voice(s)${search ? ` matching "${search}"` : ''}\n`);
  }
  return EXIT.ok;
}

const OWN = new Set(['--json', '--wait', '--mock', '--legacy', '--dry-run', '--resume', '--no-resume', '-h', '--help']);
const OWN_VALUE = new Set(['--interval-ms', '--download', '--key', '--mock-job-ms', '--base-url', '--file', '--accounts', '--concurrency', '--ledger', '--kind', '--webhook-url', '--listen']);

async function createOne(
  kind: SubmitKind,
  argv: string[],
  o: Record<string, string | boolean | undefined>,
  clientFor: () => MiniMaxClient | number,
  json: boolean,
  out: Out,
  err: Out,
  mockOf: () => EmbeddedMock | undefined,
): Promise<number> {
  // The field options: every option that is not the CLI's own.
  const fieldArgs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.split('=')[0]!;
    if (OWN.has(a)) continue;
    if (OWN_VALUE.has(name)) {
      if (!a.includes('=')) i++;
      continue;
    }
    fieldArgs.push(a);
  }
  const { input, problems } = fieldsFromArgs(kind, fieldArgs);
  const info = submitKinds[kind];
  const files: Record<string, string> = {};
  if (typeof o.file === 'string') files[info.kind === 'agent' ? 'file' : info.fileFields[0]!] = resolve(o.file);
  const issues = [...problems.map((message) => ({ field: 'options', message })), ...(await checkJob(kind, input, files))];
  if (issues.length) {
    for (const i of issues) err(`${i.field}: ${i.message}\n`);
    return EXIT.usage;
  }
  const client = clientFor();
  if (typeof client === 'number') return client;
  const download = typeof o.download === 'string' ? resolve(o.download) : undefined;
  const follow = o.wait === true || download !== undefined;
  const runner = createJobRunner({ client, ledger: createMemoryLedger(), follow, downloadDir: download, ...mockRunnerOptions(mockOf()), ...intervalOf(o) });
  const stop = showProgress(runner, process.stderr.isTTY && !json ? process.stderr : { write: err, isTTY: false }, 1);
  try {
    const result = await runner.submit(kind, input as never, { ...(typeof o.key === 'string' ? { key: o.key } : {}), files });
    stop();
    if (json) out(`${JSON.stringify({ key: result.key, kind, outcome: result.outcome, ids: result.ids, account: result.account, reconciled: result.reconciled, message: result.message, files: result.files.map((f) => f.path), snapshots: result.snapshots }, null, 2)}\n`);
    else {
      for (const id of result.ids) out(`${id}\n`);
      for (const f of result.files) out(`${f.path}\n`);
      if (result.outcome !== 'succeeded' && result.outcome !== 'created') err(`${result.outcome}${result.message ? `: ${result.message}` : ''}\n`);
    }
    return result.outcome === 'created' ? EXIT.ok : exitCodeFor([result]);
  } finally {
    await runner.close();
  }
}

async function batch(
  file: string,
  o: Record<string, string | boolean | undefined>,
  clientFor: () => MiniMaxClient | number,
  json: boolean,
  io: CliIo,
  out: Out,
  err: Out,
  mockOf: () => EmbeddedMock | undefined,
): Promise<number> {
  if (!existsSync(file)) {
    err(`batch: ${file} does not exist\n`);
    return EXIT.usage;
  }
  const kind = o.kind as SubmitKind | undefined;
  if (kind !== undefined && !(kind in submitKinds)) {
    err(`--kind: must be one of ${Object.keys(submitKinds).join(', ')}\n`);
    return EXIT.usage;
  }
  const concurrency = o.concurrency === undefined ? undefined : Number(o.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
    err('--concurrency: must be a whole number > 0\n');
    return EXIT.usage;
  }
  const manifest = readManifest(file, { kind });
  const issues = [...manifest.issues];
  for (const [i, item] of manifest.items.entries()) {
    for (const issue of await checkJob(item.kind, item.input, item.files)) issues.push({ item: i + 1, field: issue.field, message: issue.message });
  }
  issues.sort((a, b) => a.item - b.item);
  if (issues.length) {
    for (const i of issues) err(`${basename(file)}${i.item ? ` item ${i.item}` : ''}: ${i.field}: ${i.message}\n`);
    err(`${issues.length} problem(s); nothing was sent\n`);
    return EXIT.usage;
  }
  const stem = join(dirname(file), basename(file, extname(file)));
  const ledgerPath = typeof o.ledger === 'string' ? resolve(io.cwd, o.ledger) : `${stem}${o.mock ? '.mock' : ''}.ledger.jsonl`;
  if (o['dry-run']) {
    const counts: Record<string, number> = {};
    for (const item of manifest.items) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
    const summary = { file, format: manifest.format, jobs: manifest.items.length, kinds: counts, ledger: ledgerPath, ledgerExists: existsSync(ledgerPath) };
    if (json) out(`${JSON.stringify({ dryRun: true, valid: true, ...summary }, null, 2)}\n`);
    else out(`${manifest.items.length} job(s) valid (${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}); nothing was sent. Ledger: ${ledgerPath}${summary.ledgerExists ? ' (exists: jobs already in it will not be created again)' : ''}\n`);
    return EXIT.ok;
  }
  if (o['no-resume'] && !o.redis && existsSync(ledgerPath)) {
    const previous = await openFileLedger(ledgerPath);
    const jobs = (await previous.list()).length;
    await previous.close();
    if (jobs > 0) {
      err(`--no-resume: ${ledgerPath} already holds ${jobs} job(s). To start over (creating them again, paid), pass another --ledger.\n`);
      return EXIT.usage;
    }
  }
  // The embedded mock forgets everything when the process ends: so does its ledger.
  if (o.mock && o.redis) {
    err('--redis with --mock: the embedded mock lives in this one process and forgets its jobs at exit; run the standalone mock server (npx @useapi-minimax/mock-server) and pass --base-url instead\n');
    return EXIT.usage;
  }
  if (o.mock) rmSync(ledgerPath, { force: true });
  const client = clientFor();
  if (typeof client === 'number') return client;
  const backend = typeof o.redis === 'string' ? await batchBackend(o, file, err) : undefined;
  if (o.redis && !backend) return EXIT.error;
  const where = backend ? `Redis batch ${backend.batch}` : ledgerPath;
  let ledger: Ledger | undefined;
  let receiver: WebhookServer | undefined;
  let runner: ReturnType<typeof createJobRunner> | undefined;
  try {
    if (!backend) ledger = await openFileLedger(ledgerPath);
    const options: JobRunnerOptions = {
      client,
      ...(backend ? { backend } : { ledger }),
      ...(concurrency ? { concurrency } : {}),
      ...(typeof o.accounts === 'string' ? { accounts: o.accounts.split(',').map((a) => a.trim()).filter(Boolean) } : {}),
      ...(typeof o.download === 'string' ? { downloadDir: resolve(io.cwd, o.download) } : {}),
      ...mockRunnerOptions(mockOf()),
      ...intervalOf(o),
    };
    if (typeof o.listen === 'string') {
      const [host, port] = o.listen.includes(':') ? [o.listen.slice(0, o.listen.lastIndexOf(':')), o.listen.slice(o.listen.lastIndexOf(':') + 1)] : ['127.0.0.1', o.listen];
      // On Redis, any instance's receiver matches any worker's job.
      const correlation = backend?.correlation ?? createLocalCorrelation(ledger!);
      receiver = await listenWebhooks(createWebhookReceiver({ correlation }), { host, port: Number(port) });
      if (!backend) options.correlation = correlation;
      options.webhookUrl = typeof o['webhook-url'] === 'string' ? o['webhook-url'] : `${receiver.url}/`;
      err(`webhook receiver on ${receiver.url} (jobs report to ${options.webhookUrl})\n`);
    } else if (typeof o['webhook-url'] === 'string') {
      err('--webhook-url needs --listen (the receiver runs in this process)\n');
      return EXIT.usage;
    }
    runner = createJobRunner(options);
    const stop = showProgress(runner, io.stderr.isTTY && !json ? io.stderr : { write: err, isTTY: false }, manifest.items.length);
    let report: BatchReport;
    let interrupted = false;
    const onSignal = () => {
      interrupted = true;
      void runner?.close();
    };
    process.once('SIGINT', onSignal);
    try {
      report = await runner.batch(manifest.items);
    } catch (error) {
      if (!interrupted) throw error;
      stop();
      err(`interrupted: every job is in ${where}; run the same command again to resume (nothing will be created twice)\n`);
      return EXIT.incomplete;
    } finally {
      process.removeListener('SIGINT', onSignal);
      stop();
    }
    if (json) out(reportJson(report, { file, ledger: where }));
    else out(formatReport(report));
    return exitCodeFor(report.results);
  } finally {
    await runner?.close();
    await receiver?.close();
    await ledger?.close();
    await backend?.close();
  }
}
