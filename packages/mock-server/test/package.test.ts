// Package shape: browser entries import no Node modules; the exports map points at built files; the CLI
// prints the base URL.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Every module specifier reachable from a source file, following relative imports. */
function importsOf(entry: string): { files: string[]; bare: Set<string> } {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = (m[1] ?? m[2]) as string;
      if (spec.startsWith('.')) walk(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else bare.add(spec);
    }
  };
  walk(join(root, 'src', entry));
  return { files: [...seen], bare };
}

describe('browser entries', () => {
  it.each(['index.ts', 'msw/index.ts', 'msw/browser.ts'])('%s imports no Node modules', (entry) => {
    const { bare } = importsOf(entry);
    const node = [...bare].filter((s) => s.startsWith('node:') || ['fs', 'path', 'http', 'net', 'url', 'os', 'child_process', 'msw/node'].includes(s));
    expect(node).toEqual([]);
  });

  it('the Node entries are the only ones that use node:http / msw/node', () => {
    expect(importsOf('server/index.ts').bare).toContain('node:http');
    expect(importsOf('msw/node.ts').bare).toContain('msw/node');
  });
});

describe('package.json', () => {
  it('is ESM only, side-effect free, with types first in every export', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.sideEffects).toBe(false);
    for (const [key, value] of Object.entries<any>(pkg.exports)) {
      if (key === './package.json') continue;
      expect(Object.keys(value)[0]).toBe('types');
    }
    expect(pkg.bin['useapi-minimax-mock']).toBe('./bin/useapi-minimax-mock.js');
    expect(readFileSync(join(root, 'bin/useapi-minimax-mock.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n[\s\S]*import '\.\.\/dist\/cli\.js';/);
    expect(readFileSync(join(root, 'src/cli.ts'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it.runIf(existsSync(join(root, 'dist/index.js')))('points every export at a built file', () => {
    for (const [key, value] of Object.entries<any>(pkg.exports)) {
      if (key === './package.json') continue;
      expect(existsSync(join(root, value.types)), value.types).toBe(true);
      expect(existsSync(join(root, value.default)), value.default).toBe(true);
    }
  });
});

describe.runIf(existsSync(join(root, 'dist/cli.js')))('the CLI', () => {
  it('prints the base URL and serves the API', async () => {
    const child = spawn(process.execPath, [join(root, 'bin/useapi-minimax-mock.js'), '--port', '0', '--seed', '3', '--job-ms', '500'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const firstLine = await new Promise<string>((resolveLine, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('\n')) resolveLine(out.split('\n')[0]!);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/minimax$/);
      const res = await fetch(`${firstLine}/accounts`, { headers: { authorization: 'Bearer user:1-a' } });
      expect(res.status).toBe(200);
      const control = await (await fetch(`${firstLine.replace('/v1/minimax', '')}/__mock`, { headers: { authorization: 'Bearer user:12345-useapiMiniMaxMockToken' } })).json();
      expect(control).toMatchObject({ clock: { mode: 'real' }, jobMs: 500 });
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('rejects unknown options', async () => {
    const child = spawn(process.execPath, [join(root, 'bin/useapi-minimax-mock.js'), '--nope'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(2);
  });
});
