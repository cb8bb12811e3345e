#!/usr/bin/env node
// Makes sure a Chromium for the browser tests exists: CHROMIUM_PATH, else Debian's /usr/bin/chromium, installed
// with apt-get when missing (as root, or through passwordless sudo). `npx playwright install` is not used: its
// download host may be unreachable, and the tests drive the system browser with playwright-core.
//   node scripts/ensure-chromium.mjs          prints the path, installs if needed
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The Chromium the browser tests use: `CHROMIUM_PATH` when set, else Debian's. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

function which(cmd) {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Installs Debian's chromium package; throws with instructions when that is not possible here. */
function install() {
  if (process.platform !== 'linux' || !which('apt-get')) {
    throw new Error(`No Chromium at ${chromiumPath()}. Install Chromium and set CHROMIUM_PATH to its executable.`);
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = root ? [] : which('sudo') ? ['sudo', '-n'] : undefined;
  if (!sudo) throw new Error(`No Chromium at ${DEFAULT_CHROMIUM}, and apt-get needs root: run \`sudo apt-get install -y chromium\`.`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    execFileSync(cmd, rest, { stdio: 'inherit', env });
  };
  console.log(`ensure-chromium: ${DEFAULT_CHROMIUM} is missing; installing Debian's chromium with apt-get`);
  apt('update', '-qq');
  apt('install', '-y', '-qq', '--no-install-recommends', 'chromium');
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  try {
    if (!existsSync(chromiumPath())) {
      if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
      install();
      if (!existsSync(DEFAULT_CHROMIUM)) throw new Error(`apt-get finished but ${DEFAULT_CHROMIUM} is still missing`);
    }
  } catch (error) {
    console.error(`ensure-chromium: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
