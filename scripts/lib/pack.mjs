// Packs the published packages with pnpm (which rewrites `workspace:` ranges the way a publish does).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The packages that are published, with their folders.
 * @type {Record<string, string>}
 */
export const PUBLISHED = {
  '@useapi-minimax/client': 'packages/client',
  '@useapi-minimax/react': 'packages/react',
  '@useapi-minimax/mock-server': 'packages/mock-server',
  '@useapi-minimax/runner': 'packages/runner',
  '@useapi-minimax/cli': 'packages/cli',
};

/**
 * Packs every published package into `dest` and returns package name → tarball path.
 * @param {string} dest
 * @returns {Record<string, string>}
 */
export function packTarballs(dest) {
  mkdirSync(dest, { recursive: true });
  /** @type {Record<string, string>} */
  const result = {};
  for (const [name, dir] of Object.entries(PUBLISHED)) {
    const before = new Set(readdirSync(dest));
    execFileSync('pnpm', ['pack', '--pack-destination', dest], { cwd: join(root, dir), stdio: ['ignore', 'ignore', 'inherit'] });
    const created = readdirSync(dest).find((f) => f.endsWith('.tgz') && !before.has(f));
    if (!created) throw new Error(`pnpm pack produced no tarball for ${name}`);
    result[name] = join(dest, created);
  }
  return result;
}
