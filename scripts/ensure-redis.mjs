#!/usr/bin/env node
// Makes sure a `redis-server` for the Redis backend's tests exists: REDIS_SERVER when set, else the one on PATH,
// else Debian's package `redis-server` installed with apt-get (as root, or through passwordless sudo), as
// scripts/ensure-chromium.mjs does for the browser tests. CI runs on a clean machine, so this path runs there.
//   node scripts/ensure-redis.mjs          prints the path, installs if needed
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_REDIS_SERVER = '/usr/bin/redis-server';

function which(cmd) {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The redis-server the tests start: `REDIS_SERVER` when set, else the one on PATH, else Debian's path. */
export function redisServerPath() {
  return process.env.REDIS_SERVER || which('redis-server') || DEFAULT_REDIS_SERVER;
}

/** Installs Debian's redis-server package; throws with instructions when that is not possible here. */
function install() {
  if (process.platform !== 'linux' || !which('apt-get')) {
    throw new Error('No redis-server found. Install Redis (7 or later) and put redis-server on PATH, or set REDIS_SERVER.');
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = root ? [] : which('sudo') ? ['sudo', '-n'] : undefined;
  if (!sudo) throw new Error('No redis-server, and apt-get needs root: run `sudo apt-get install -y redis-server`.');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    execFileSync(cmd, rest, { stdio: 'inherit', env });
  };
  console.log('ensure-redis: redis-server is missing; installing Debian\'s redis-server with apt-get');
  apt('update', '-qq');
  apt('install', '-y', '-qq', '--no-install-recommends', 'redis-server');
}

/** Finds redis-server, installing it when missing; returns its path. */
export function ensureRedis() {
  let path = redisServerPath();
  if (!existsSync(path)) {
    if (process.env.REDIS_SERVER) throw new Error(`REDIS_SERVER=${process.env.REDIS_SERVER} does not exist`);
    install();
    path = redisServerPath();
    if (!existsSync(path)) throw new Error(`apt-get finished but ${path} is still missing`);
  }
  return path;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  try {
    console.log(ensureRedis());
  } catch (error) {
    console.error(`ensure-redis: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
