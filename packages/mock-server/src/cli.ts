#!/usr/bin/env node
// useapi-minimax-mock: the standalone mock server from the command line (arguments: cli-args.ts).
import { EXIT, HELP, UsageError, parseCommandLine } from './cli-args.js';
import { startMockServer } from './server/index.js';
import { MOCK_TOKEN } from './token.js';

function exit(code: number, message: string): never {
  console.error(`useapi-minimax-mock: ${message}`);
  process.exit(code);
}

let command: ReturnType<typeof parseCommandLine>;
try {
  command = parseCommandLine(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  exit(EXIT.usage, `${error.message}\n\n${HELP}`);
}
if (command.kind === 'help') {
  console.log(HELP);
  process.exit(0);
}

const { options, quiet, controlTokenGiven } = command;
try {
  const server = await startMockServer(options);
  console.log(server.baseUrl);
  if (!quiet) {
    const credential = controlTokenGiven ? 'Bearer <your --control-token>' : `Bearer ${MOCK_TOKEN}`;
    console.log(`  token     Authorization: Bearer ${MOCK_TOKEN}  (any user:<digits>-<alphanumerics> works)`);
    console.log(`  control   ${server.url}/__mock  (Authorization: ${credential}; JSON bodies; POST /reset, /scenario, /clock/advance, GET /requests)`);
    console.log(`  accounts  ${server.mock.accounts.join(', ') || '(none)'} · clock ${server.mock.clock.mode} · jobMs ${server.mock.jobMs}`);
  }
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `${options.host}:${options.port}`;
  if (code === 'EADDRINUSE') exit(EXIT.portInUse, `port ${options.port} is already in use on ${options.host} (another mock server?); choose another with --port, or --port 0 for a free one`);
  if (code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') exit(EXIT.listen, `cannot listen on ${where} (${code}): ${(error as Error).message}`);
  exit(EXIT.listen, `cannot start: ${error instanceof Error ? error.message : String(error)}`);
}
