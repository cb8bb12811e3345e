// Code in the READMEs is what a newcomer copies first. Checked against the packages as built:
//   - the root README's "In ten lines" snippets type-check, and the mock one prints what its comments say;
//   - every package README block marked `<!-- checked by tests/docs: types -->` type-checks, and every block marked
//     `<!-- checked by tests/docs: run -->` (vitest code) type-checks and passes when run.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
// Inside this package, so that the snippets resolve the workspace packages the way a user's project would.
const dir = fileURLToPath(new URL('../.snippets/', import.meta.url));

/** The fenced ts/tsx blocks of the root README's "In ten lines" section, in order. */
function tenLineSnippets(): { lang: string; code: string }[] {
  const start = readme.indexOf('## In ten lines');
  const end = readme.indexOf('\n## ', start + 1);
  expect(start, 'README has an "In ten lines" section').toBeGreaterThan(0);
  const section = readme.slice(start, end);
  return [...section.matchAll(/```(tsx?)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, code: m[2]! }));
}

/** The marked blocks of the package READMEs. */
function markedBlocks(): { name: string; mode: 'types' | 'run'; lang: string; code: string }[] {
  const blocks = [];
  for (const pkg of readdirSync(`${root}packages`)) {
    let text: string;
    try {
      text = readFileSync(`${root}packages/${pkg}/README.md`, 'utf8');
    } catch {
      continue;
    }
    let n = 0;
    for (const m of text.matchAll(/<!-- checked by tests\/docs: (types|run) -->\n```(tsx?)\n([\s\S]*?)```/g)) {
      blocks.push({ name: `${pkg}-${++n}`, mode: m[1] as 'types' | 'run', lang: m[2]!, code: m[3]! });
    }
  }
  return blocks;
}

const names = ['client', 'react', 'mock'] as const;
const files: Record<string, string> = {};
const runnable: string[] = [];

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const blocks = tenLineSnippets();
  expect(blocks.map((b) => b.lang)).toEqual(['ts', 'tsx', 'ts']);
  blocks.forEach((block, i) => {
    const file = `${dir}readme-${names[i]}.${block.lang}`;
    // Each snippet is its own module (top-level await included).
    writeFileSync(file, `${block.code}\nexport {};\n`);
    files[`readme-${names[i]}`] = file;
  });
  for (const block of markedBlocks()) {
    const file = `${dir}${block.name}${block.mode === 'run' ? '.test' : ''}.${block.lang}`;
    writeFileSync(file, `${block.code}\nexport {};\n`);
    files[block.name] = file;
    if (block.mode === 'run') runnable.push(file);
  }
  // The blocks run as a user's own tests would; real-clock ones get room on a busy machine.
  writeFileSync(`${dir}vitest.config.ts`, "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } });\n");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README code', () => {
  it('finds the marked blocks of the package READMEs', () => {
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['readme-client', 'readme-react', 'readme-mock', 'mock-server-1', 'react-1']));
  });

  it('type-checks (strict, NodeNext, react-jsx)', () => {
    const program = ts.createProgram(Object.values(files), {
      strict: true,
      noUncheckedIndexedAccess: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      jsx: ts.JsxEmit.ReactJSX,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: ['node'],
      skipLibCheck: true,
      noEmit: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${d.file.fileName.slice(dir.length)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(diagnostics).toEqual([]);
  });

  const node = (args: string[]) =>
    new Promise<string>((resolve, reject) => {
      execFile(process.execPath, args, { cwd: dir, timeout: 150_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } }, (error, out, err) =>
        error ? reject(new Error(`${error.message}\n${out}\n${err}`)) : resolve(out.replace(/\x1b\[[0-9;]*m/g, '')),
      );
    });

  it('the root README mock snippet runs and prints what its comments promise', async () => {
    const js = ts.transpileModule(readFileSync(files['readme-mock']!, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(`${dir}readme-mock.mjs`, js);
    const stdout = await node([`${dir}readme-mock.mjs`]);
    expect(stdout.trim().split('\n')).toEqual(['completed', 'true']);
  });

  it('the runnable README blocks pass', async () => {
    expect(runnable.length).toBeGreaterThan(0);
    const vitest = fileURLToPath(import.meta.resolve('vitest/package.json')).replace(/package\.json$/, 'vitest.mjs');
    const output = await node([vitest, 'run', '--root', dir, '--reporter', 'verbose']);
    expect(output).toMatch(/Test Files\s+\d+ passed \(\d+\)/);
    expect(output).not.toMatch(/failed/);
  });
});
