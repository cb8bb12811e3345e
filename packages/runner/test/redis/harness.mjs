// The Redis scale-out scenarios, shared by the tests and the bench: a real redis-server, the standalone mock
// server (2 accounts × 3 slots, short jobs; its journal is the witness), and worker processes that are spawned,
// killed with SIGKILL, or outlive a Redis restart.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedis } from '../../../../scripts/lib/redis-server.mjs';

const workerPath = fileURLToPath(new URL('./worker.mjs', import.meta.url));

/** 60 jobs of mixed kinds by default: videos, speech and images (keys `job-<n>`). */
export function mixedItems(n = 60, tag = 'batch') {
  return Array.from({ length: n }, (_, i) => {
    const key = `job-${String(i + 1).padStart(2, '0')}`;
    if (i % 5 === 3) return { kind: 'speech', key, input: { text: `${tag} line ${i + 1}.`, voice_id: '308172940561327' } };
    if (i % 5 === 4) return { kind: 'image', key, input: { prompt: `${tag} picture ${i + 1}` } };
    return { kind: 'video', key, input: { prompt: `${tag} shot ${i + 1}` } };
  });
}

/** Spawns a worker; `exit` resolves with its code, signal and output. */
export function spawnWorker(args, env = {}) {
  const child = spawn(process.execPath, [workerPath, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output, last: output.trim().split('\n').at(-1) })));
  return { child, exit, get output() { return output; } };
}

const CREATES = ['createVideo', 'createImages', 'createSpeech'];

/** The witness: 2xx creates per replyRef, 429s, over every create operation. */
export function journal(mock) {
  const creates = new Map();
  let refused = 0;
  for (const op of CREATES) {
    for (const entry of mock.calls(op)) {
      if (entry.status === 429) refused++;
      if (entry.status < 200 || entry.status >= 300) continue;
      const ref = entry.body?.value?.replyRef ?? entry.body?.fields?.replyRef;
      creates.set(ref, (creates.get(ref) ?? 0) + 1);
    }
  }
  return { creates, refused, createsPerJob: [...creates.values()] };
}

/** Starts Redis and the mock; `run(ctx)` gets both and a temp dir; everything is stopped afterwards. */
export async function withStack({ startMockServer, jobMs = 1_500, deliverWebhooks = false }, run) {
  const dir = mkdtempSync(join(tmpdir(), 'umm-scale-'));
  const redis = await startRedis();
  const server = await startMockServer({ port: 0, jobMs, accounts: [{ maxJobs: 3 }, { maxJobs: 3 }], seed: 3, validateResponses: false, deliverWebhooks });
  try {
    return await run({ redis, server, dir, manifest: (items) => {
      const path = join(dir, `manifest-${Math.random().toString(36).slice(2, 8)}.json`);
      writeFileSync(path, JSON.stringify(items));
      return path;
    } });
  } finally {
    await server.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Files saved in `dir`. */
export const savedFiles = (dir) => {
  try {
    return readdirSync(dir).filter((f) => !f.endsWith('.part'));
  } catch {
    return [];
  }
};
