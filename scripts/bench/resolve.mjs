// Imports a dependency as a given workspace package would: the benchmarks under scripts/ import the built
// packages and their dev dependencies (jsdom, react, @tanstack/react-query, …) without adding any to the root.
// ESM `exports` conditions (`import`, then `default`) are honoured, so a package is loaded as the same instance
// the built package itself loads.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

function pick(target) {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) return pick(target[0]);
  if (target && typeof target === 'object') {
    for (const key of ['import', 'node', 'default']) if (key in target) return pick(target[key]);
  }
  return undefined;
}

/** The file URL of `specifier` (`pkg` or `pkg/sub`) as resolved from the workspace package at `packageDir`. */
export function resolveFrom(packageDir, specifier) {
  const require = createRequire(join(root, packageDir, 'package.json'));
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const sub = `.${specifier.slice(name.length)}`;
  let pkgJson;
  try {
    pkgJson = require.resolve(`${name}/package.json`);
  } catch {
    return pathToFileURL(require.resolve(specifier)).href;
  }
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'));
  const entry = pkg.exports === undefined ? undefined : typeof pkg.exports === 'string' || !Object.keys(pkg.exports).some((k) => k.startsWith('.')) ? (sub === '.' ? pick(pkg.exports) : undefined) : pick(pkg.exports[sub]);
  if (entry) return pathToFileURL(join(dirname(pkgJson), entry)).href;
  return pathToFileURL(require.resolve(specifier)).href;
}

/** `import()` of `specifier` as the workspace package at `packageDir` would load it. */
export function importFrom(packageDir, specifier) {
  return import(resolveFrom(packageDir, specifier));
}

/** Exits with a hint when a built file is missing. */
export function requireBuilt(...files) {
  for (const file of files) {
    if (!existsSync(join(root, file))) {
      console.error(`${file} is missing: build first (pnpm turbo run build --filter=@useapi-minimax/client... --filter=@useapi-minimax/mock-server... --filter=@useapi-minimax/react...).`);
      process.exit(2);
    }
  }
}
