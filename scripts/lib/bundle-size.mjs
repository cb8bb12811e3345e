// Bundle size as an app would ship it: esbuild bundle + minify (ESM, browser) + gzip level 9, in bytes.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

/**
 * Measures the bundle of `contents` (an entry module's source), resolved from `resolveDir`.
 * @returns {Promise<{ min: number, gzip: number, metafile: import('esbuild').Metafile }>}
 */
export async function measureBundle(contents, { resolveDir, alias = {}, external = [], plugins = [] }) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    alias,
    external,
    plugins,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, metafile: result.metafile };
}

/** An esbuild plugin that replaces the modules matching `filter` with `contents`. */
const without = (filter, contents) => ({ name: 'without', setup: (b) => b.onLoad({ filter }, () => ({ contents, loader: 'js' })) });

/**
 * Where the bytes of a bundle are: each module's minified bytes and its marginal min+gzip cost, the bundle
 * rebuilt with that module replaced by a stub exporting the same names (so what only it pulls in goes too).
 * `measure(contents, plugins)` rebuilds the bundle the way `total` was measured; `name(path)` labels a module.
 * @returns {Promise<{ bundle: string, gzip: number, modules: { module: string, min: number, marginalGzip: number }[] }>}
 */
export async function marginalCosts({ label, code, total, metafile, measure, name = (path) => path }) {
  const [output] = Object.values(metafile.outputs);
  const modules = [];
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    if (!bytesInOutput || path === '<stdin>') continue;
    const file = resolve(process.cwd(), path); // metafile paths are relative to the working directory
    const names = path.includes('node_modules') ? ['default'] : Object.keys(await import(pathToFileURL(file).href));
    const stub = names.map((n) => (n === 'default' ? 'export default () => ({});' : `export const ${n} = {};`)).join('\n');
    const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const rebuilt = await measure(code, [without(new RegExp(`^${escaped}$`), stub)]);
    modules.push({ module: name(path.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')), min: bytesInOutput, marginalGzip: total.gzip - rebuilt.gzip });
  }
  modules.sort((a, b) => b.marginalGzip - a.marginalGzip);
  return { bundle: label, gzip: total.gzip, modules };
}
