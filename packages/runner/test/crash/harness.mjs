// The crash test: a batch run in a child process that is killed with SIGKILL at random instants, again and
// again, then resumed to its end. The mock server (in this process) outlives every kill: its journal is the
// witness that each job was created exactly once, and the downloads that every result is there.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const worker = fileURLToPath(new URL('./worker.mjs', import.meta.url));

/** A seeded generator (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function runOnce(args, env, killAfterMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [worker, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

/**
 * Runs the crash test. `startMockServer` comes from the caller (the test imports the sources, the soak the build).
 * Returns what the witness saw.
 */
export async function crashTest({ startMockServer, kills = 10, jobs = 6, jobMs = 500, seed = 1, killsPerRound = 4 }) {
  const rand = random(seed);
  const dir = mkdtempSync(join(tmpdir(), 'runner-crash-'));
  const server = await startMockServer({ port: 0, jobMs, accounts: [{ maxJobs: 3 }, { maxJobs: 3 }], seed, validateResponses: false, deliverWebhooks: false });
  try {
    const runs = [];
    const rounds = [];
    let killed = 0;
    // Rounds of one fresh batch each: killed up to `killsPerRound` times, then run to its end.
    for (let round = 1; killed < kills; round++) {
      const roundDir = join(dir, `round-${round}`);
      const items = Array.from({ length: jobs }, (_, i) => ({ kind: 'video', key: `job-${i + 1}`, input: { prompt: `crash test ${seed} round ${round} shot ${i + 1}` } }));
      const manifest = `${roundDir}.json`;
      writeFileSync(manifest, JSON.stringify(items));
      const args = [server.baseUrl, manifest, join(roundDir, 'batch.ledger.jsonl'), join(roundDir, 'out')];
      let roundKills = 0;
      let finished = false;
      for (let attempt = 0; attempt < killsPerRound * 4 + 4 && !finished; attempt++) {
        const kill = roundKills < killsPerRound && killed < kills;
        // Half the kills at a random instant from outside, half right before or after a random write of the
        // ledger (around "intent" and "created" is where a loss or a duplicate would come from).
        const mode = !kill ? 'none' : rand() < 0.5 ? 'timer' : 'write';
        const type = ['submitted', 'intent', 'created', 'final', 'downloaded'][Math.floor(rand() * 5)];
        const env = mode === 'write' ? { CRASH_AT: `${type}:${1 + Math.floor(rand() * jobs)}:${rand() < 0.5 ? 'before' : 'after'}` } : {};
        const delay = mode === 'timer' ? Math.floor(rand() * (jobMs * 2 + 800)) : undefined;
        const result = await runOnce(args, env, delay);
        runs.push({ round, mode, ...env, delay, code: result.code, signal: result.signal });
        if (result.signal === 'SIGKILL') {
          killed++;
          roundKills++;
        } else if (result.code === 0) finished = true;
        else throw new Error(`a run failed (exit ${result.code}):\n${result.output}`);
      }
      if (!finished) throw new Error(`round ${round} did not finish: ${JSON.stringify(runs.filter((r) => r.round === round))}`);
      const present = items.filter((item) => {
        try {
          return statSync(join(roundDir, 'out', `${item.key}.mp4`)).size > 0;
        } catch {
          return false;
        }
      }).length;
      rounds.push({ round, jobs, kills: roundKills, present });
    }
    // The witness: 2xx creates per replyRef in the mock's journal.
    const creates = new Map();
    for (const entry of server.mock.calls('createVideo')) {
      if (entry.status < 200 || entry.status >= 300) continue;
      const ref = entry.body?.value?.replyRef;
      creates.set(ref, (creates.get(ref) ?? 0) + 1);
    }
    const total = rounds.length * jobs;
    const present = rounds.reduce((n, r) => n + r.present, 0);
    return {
      jobs: total,
      kills: killed,
      runs: runs.length,
      rounds: rounds.length,
      modes: runs.reduce((m, r) => {
        const name = r.CRASH_AT ? r.CRASH_AT.replace(/:\d+:/, ' ') : r.mode;
        return r.signal === 'SIGKILL' ? { ...m, [name]: (m[name] ?? 0) + 1 } : m;
      }, {}),
      createsPerJob: [...creates.values()],
      distinctReplyRefs: creates.size,
      jobsInMock: [...creates.values()].reduce((a, b) => a + b, 0),
      resultsPresent: present,
      lost: total - present,
      duplicates: [...creates.values()].filter((n) => n > 1).length,
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
