// One run of a batch, as a separate process that the crash test kills with SIGKILL: from outside at a random
// instant, or from inside at a chosen write of the ledger (CRASH_AT=<event type>:<n>:<before|after>: right before
// or after the n-th write of that event type; "before created" is the instant a create was answered, the job
// exists and its id is not recorded yet). Exits 0 once every job succeeded and its result is saved.
//   node worker.mjs <baseUrl> <manifest.json> <ledger path> <out dir>
import { readFileSync } from 'node:fs';
import { createMiniMaxClient } from '@useapi-minimax/client';
import { createJobRunner, openFileLedger } from '../../dist/index.js';

const [baseUrl, manifestPath, ledgerPath, outDir] = process.argv.slice(2);
const items = JSON.parse(readFileSync(manifestPath, 'utf8'));
const [crashType, crashN, crashWhen] = (process.env.CRASH_AT ?? '::').split(':');
const client = createMiniMaxClient({ token: 'user:12345-useapiMiniMaxMockToken', baseUrl, logLevel: 'silent', maxRetries: 5 });

const ledger = await openFileLedger(ledgerPath);
let writes = 0;
const append = ledger.append.bind(ledger);
ledger.append = async (key, event, claim) => {
  const hit = event.type === crashType && ++writes === Number(crashN);
  if (hit && crashWhen === 'before') process.kill(process.pid, 'SIGKILL');
  const record = await append(key, event, claim);
  if (hit && crashWhen === 'after') process.kill(process.pid, 'SIGKILL');
  return record;
};

const media = async (url) => {
  const body = new TextEncoder().encode(`mock media for ${url}\n`.repeat(100));
  return new Response(body, { headers: { 'content-type': 'video/mp4', 'content-length': String(body.byteLength) } });
};

// Outcome-unknown creates are looked up with the client's findCreated. The mock creates a job in the same
// request that answers it, so absence is provable at once (the real API needs the client's 30 s settle time).
const runner = createJobRunner({ client, ledger, downloadDir: outDir, fetch: media, intervalMs: 40, schedulerRefreshMs: 100, lookup: { settleMs: 0 } });
const report = await runner.batch(items);
await runner.close();
await ledger.close();
const ok = report.results.every((r) => r.outcome === 'succeeded' && r.files.length === 1 && !r.downloadError);
process.stdout.write(JSON.stringify({ counts: report.counts }) + '\n');
process.exit(ok ? 0 : 3);
