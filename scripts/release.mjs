#!/usr/bin/env node
// Release through changesets.
//   pnpm release --dry-run   build, pack every published package, check each tarball (publint --strict,
//                            arethetypeswrong), prove the tarballs install and work from Node, TypeScript and a
//                            Vite build (scripts/lib/consumer-check.mjs, also run by tests/packaging), and show
//                            the pending changesets. Publishes nothing.
//   pnpm release             the same checks, then `changeset publish` (after `pnpm changeset version`).
//   --keep                   keep the scratch folder (tarballs and consumer project) for inspection.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkConsumer } from './lib/consumer-check.mjs';
import { packTarballs, PUBLISHED } from './lib/pack.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const unknown = args.filter((a) => !['--dry-run', '--keep'].includes(a));
if (unknown.length) {
  console.error(`release: unknown option(s) ${unknown.join(' ')}\nUsage: pnpm release [--dry-run] [--keep]`);
  process.exit(2);
}
const dryRun = args.includes('--dry-run');
const keep = args.includes('--keep');
const require = createRequire(import.meta.url);
const sh = (cmd, argv, cwd = root) => execFileSync(cmd, argv, { cwd, stdio: 'inherit' });
const started = Date.now();
const stage = (title) => console.log(`\n━━ ${title} (${Math.round((Date.now() - started) / 1000)} s)`);

stage('build the published packages');
sh('pnpm', ['turbo', 'run', 'build', ...Object.values(PUBLISHED).map((dir) => `--filter=./${dir}`), '--output-logs=errors-only']);

const work = mkdtempSync(join(tmpdir(), 'useapi-minimax-release-'));
let ok = false;
try {
  stage('pack and check every tarball (publint --strict, arethetypeswrong)');
  const tarballs = packTarballs(join(work, 'tarballs'));
  // publint's exports map hides its package.json; its CLI sits next to the main entry.
  const publint = join(dirname(require.resolve('publint')), 'cli.js');
  const attw = join(dirname(require.resolve('@arethetypeswrong/cli/package.json')), 'dist', 'index.js');
  for (const [name, tarball] of Object.entries(tarballs)) {
    const { version } = JSON.parse(readFileSync(join(root, PUBLISHED[name], 'package.json'), 'utf8'));
    console.log(`\n${name}@${version}: ${tarball}`);
    sh(process.execPath, [publint, tarball, '--strict']);
    sh(process.execPath, [attw, tarball, '--profile', 'esm-only', '--format', 'table-flipped']);
  }

  stage('install the tarballs into a scratch project; use them from Node, TypeScript and a Vite build');
  await checkConsumer(join(work, 'scratch'), tarballs);

  if (dryRun) {
    stage('dry run: nothing published. Pending changesets');
    sh('pnpm', ['changeset', 'status', '--verbose']);
  } else {
    stage('publish');
    sh('pnpm', ['changeset', 'publish']);
  }
  ok = true;
} finally {
  if (keep) console.log(`\nkept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  console.log(`\n${ok ? 'release' : 'release FAILED'}${dryRun ? ' --dry-run' : ''} in ${Math.round((Date.now() - started) / 1000)} s`);
}
