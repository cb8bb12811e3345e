#!/usr/bin/env node
// Packs the package in the current directory the way it would be published (`pnpm pack` rewrites workspace
// ranges) and checks the tarball with publint (strict) and arethetypeswrong (ESM-only profile).
//   node ../../scripts/check-package.mjs [--keep DIR]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const cwd = process.cwd();
const dir = mkdtempSync(join(tmpdir(), 'pack-'));
const run = (cmd, args) => execFileSync(cmd, args, { cwd, stdio: 'inherit' });

try {
  execFileSync('pnpm', ['pack', '--pack-destination', dir], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz')));
  // publint's exports map does not expose package.json; its main entry sits next to the CLI.
  const publint = join(dirname(require.resolve('publint')), 'cli.js');
  const attw = join(dirname(require.resolve('@arethetypeswrong/cli/package.json')), 'dist', 'index.js');
  run(process.execPath, [publint, tarball, '--strict']);
  run(process.execPath, [attw, tarball, '--profile', 'esm-only', '--format', 'table-flipped']);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
