// instanceof works across two separately bundled copies of the client (the Symbol.for brand).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Lib = typeof import('../src/index.js');
const dir = mkdtempSync(join(tmpdir(), 'minimax-bundles-'));
let a: Lib;
let b: Lib;

beforeAll(async () => {
  const entry = new URL('../src/index.ts', import.meta.url).pathname;
  for (const name of ['a', 'b']) {
    await esbuild.build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], outfile: join(dir, `${name}.mjs`), logLevel: 'silent' });
  }
  a = await import(pathToFileURL(join(dir, 'a.mjs')).href);
  b = await import(pathToFileURL(join(dir, 'b.mjs')).href);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('two bundled copies', () => {
  it('are really two copies', () => {
    expect(a.NotFoundError).not.toBe(b.NotFoundError);
  });

  it('recognise each other\'s errors', async () => {
    const client = a.createMiniMaxClient({
      token: 'user:1-x',
      logLevel: 'silent',
      fetch: async () => new Response(JSON.stringify({ error: 'Not found.' }), { status: 404 }),
    });
    const error = await client.music.get('m:1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(a.NotFoundError);
    expect(error).toBeInstanceOf(b.NotFoundError);
    expect(error).toBeInstanceOf(b.ApiError);
    expect(error).toBeInstanceOf(b.MiniMaxError);
    expect(error).not.toBeInstanceOf(b.RateLimitedError);
    expect(b.isMiniMaxError(error)).toBe(true);
    expect(new b.JobTimeoutError('x', 'video', 'v', undefined, undefined)).toBeInstanceOf(a.JobTimeoutError);
    expect(new b.ValidationError([])).not.toBeInstanceOf(a.ApiError);
  });
});
