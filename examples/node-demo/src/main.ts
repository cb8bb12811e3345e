#!/usr/bin/env node
// The useapi-minimax demo: `pnpm demo` (mock server, in-process) or `pnpm demo -- --live [--create]`.
import { createMiniMaxClient, type RequestEvent } from '@useapi-minimax/client';
import { MOCK_TOKEN } from '@useapi-minimax/mock-server';
import { startMockServer, type MockServer } from '@useapi-minimax/mock-server/server';
import { parseArgs, USAGE, UsageError } from './args.js';
import { renderSummary } from './format.js';
import { runDemo, type DemoContext } from './workflow.js';

async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`demo: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const out = process.stdout;
  const color = Boolean(out.isTTY) && !process.env['NO_COLOR'];
  const started = Date.now();
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSigint);

  let server: MockServer | undefined;
  let baseUrl = options.baseUrl;
  let target: string;
  if (options.mode === 'mock') {
    if (!baseUrl) {
      // The embedded default: the whole API, in this process, on a free port, with jobs that take jobMs.
      server = await startMockServer({ port: 0, jobMs: options.jobMs, accounts: 1, seed: 1 });
      baseUrl = server.baseUrl;
    }
    target = `mock server at ${baseUrl} (jobs take ${options.jobMs / 1000} s)`;
    out.write(`useapi-minimax demo against the ${target}: no token, no network, no credits.\n`);
  } else {
    target = baseUrl ? `API at ${baseUrl}` : 'live API at https://api.useapi.net/v1/minimax';
    out.write(`useapi-minimax demo against the ${target}.\n`);
    out.write(
      options.create
        ? '⚠ --create: the song, agent, video and image steps create real jobs and SPEND CREDITS on your account.\n'
        : 'Read-only: nothing is created. Add --create to also run the steps that create jobs (they spend credits).\n',
    );
  }

  const requests: RequestEvent[] = [];
  const ctx: DemoContext = {
    client: createMiniMaxClient({
      token: options.mode === 'mock' ? MOCK_TOKEN : options.token,
      baseUrl,
      account: options.account,
      logLevel: 'silent', // the demo reports errors itself; the client's own lines would repeat them
      hooks: {
        onRequest: (event) => void requests.push(event),
        onRetry: (event) => ctx.onRetry?.(event),
      },
    }),
    options,
    out,
    intervalMs: options.pollMs ?? (options.mode === 'mock' ? Math.max(100, Math.round(options.jobMs / 10)) : undefined),
    signal: controller.signal,
    requests,
    onRetry: undefined,
    mockScenario:
      options.mode === 'mock'
        ? async (name, operationId) => {
            // The mock's control API (`/__mock/`), served next to the API by every mock server; its credential
            // is MOCK_TOKEN unless the server was started with another control token.
            const response = await fetch(new URL('/__mock/scenario', baseUrl), {
              method: 'POST',
              headers: { authorization: `Bearer ${MOCK_TOKEN}`, 'content-type': 'application/json' },
              body: JSON.stringify({ name, operationId, once: true }),
            });
            if (!response.ok) throw new Error(`the mock server refused scenario ${name}: ${response.status}`);
          }
        : undefined,
  };

  try {
    const results = await runDemo(ctx);
    const totalMs = Date.now() - started;
    out.write(renderSummary(results, { target, totalMs, color }));
    const calls = requests.filter((r) => r.attempt === 1).length;
    out.write(`${calls} API call(s), ${requests.length - calls} retr${requests.length - calls === 1 ? 'y' : 'ies'}.\n`);
    if (controller.signal.aborted) return 130;
    return results.some((r) => r.status === 'failed') ? 1 : 0;
  } finally {
    process.off('SIGINT', onSigint);
    await server?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`demo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
