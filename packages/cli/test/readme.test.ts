// The README's quick use: every line of the block marked "checked by the cli tests: run" runs (in a copy of the
// package, with short mock jobs) and exits 0; the table the README shows is what the first line prints.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/index.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
const block = /<!-- checked by the cli tests: run -->\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const lines = block.split('\n').filter((l) => l.startsWith('useapi-minimax '));
const shownTable = /```\n(jobs[\s\S]*?)```/.exec(readme)?.[1] ?? '';
const dir = mkdtempSync(join(tmpdir(), 'cli-readme-'));
cpSync(join(pkg, 'examples'), join(dir, 'examples'), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README quick use', () => {
  it('has the block', () => {
    expect(lines.length).toBe(4);
  });

  it.each(lines)('%s', async (line) => {
    let stdout = '';
    let stderr = '';
    const args = line.split(' ').slice(1);
    const code = await main([...args, ...(args.includes('--mock') ? ['--mock-job-ms', '300'] : [])], {
      stdout: { write: (t) => void (stdout += t) },
      stderr: { write: (t) => void (stderr += t) },
      env: {},
      cwd: dir,
    });
    expect(code, stderr).toBe(0);
    if (line === lines[0]) {
      expect(stdout.startsWith(shownTable)).toBe(true);
      expect(readdirSync(join(dir, 'renders')).filter((f) => f.endsWith('.mp4'))).toHaveLength(4);
    }
  });
});
