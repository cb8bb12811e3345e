// Bundle size as an app would ship it: esbuild bundle + minify (ESM, browser) + gzip level 9, in bytes.
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
