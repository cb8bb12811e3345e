// A real redis-server for the Redis backend's tests and bench: found (or installed) by scripts/ensure-redis.mjs,
// started on a free loopback port with a temporary directory and persistence on (appendonly, fsync always),
// stopped by its process id. `restart()` stops it (SIGTERM: it writes its data) and starts it again on the same
// port and directory, as a Redis restart in production.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRedis } from '../ensure-redis.mjs';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const answers = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => {
      socket.destroy();
      resolve(String(d).startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });

/** Starts redis-server; resolves with `{ url, port, pid, restart(), stop() }`. */
export async function startRedis() {
  const bin = ensureRedis();
  const dir = mkdtempSync(join(tmpdir(), 'umm-redis-'));
  const port = await freePort();
  let child;
  const launch = async () => {
    child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--daemonize', 'no', '--protected-mode', 'no', '--loglevel', 'warning'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.exited = exited;
    for (let i = 0; i < 200; i++) {
      if (await answers(port)) return;
      if (child.exitCode !== null) throw new Error(`redis-server exited: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('redis-server did not answer in 10 s');
  };
  const halt = async () => {
    if (!child || child.exitCode !== null) return;
    process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 10_000);
    await child.exited;
    clearTimeout(timer);
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child.pid;
    },
    dir,
    /** Stops it (its data written) and starts it again on the same port and directory; `downMs` in between. */
    async restart(downMs = 500) {
      await halt();
      await new Promise((r) => setTimeout(r, downMs));
      await launch();
    },
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
