#!/usr/bin/env node
// Generates every package's `src/generated/` folder from spec/openapi.yaml.
//   node scripts/codegen.mjs                 write all targets
//   node scripts/codegen.mjs --target client write one target
//   node scripts/codegen.mjs --check         fail (exit 1) when a generated file is stale or missing
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { targets } from './codegen/targets.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const check = args.includes('--check');
const only = args.includes('--target') ? args[args.indexOf('--target') + 1] : undefined;

const selected = only ? targets.filter((t) => t.name === only) : targets;
if (only && selected.length === 0) {
  console.error(`Unknown target "${only}". Targets: ${targets.map((t) => t.name).join(', ')}`);
  process.exit(2);
}

const started = performance.now();
const stale = [];
for (const target of selected) {
  const files = await target.generate();
  const outDir = join(root, target.outDir);
  const expected = new Set(Object.keys(files));
  for (const [name, contents] of Object.entries(files)) {
    const file = join(outDir, name);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (current === contents) continue;
    if (check) stale.push(relative(root, file));
    else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, contents);
    }
  }
  // Files that the spec no longer produces are stale too.
  if (existsSync(outDir)) {
    for (const name of readdirSync(outDir, { recursive: true })) {
      const rel = String(name);
      if (rel.endsWith('.ts') && !expected.has(rel)) {
        if (check) stale.push(relative(root, join(outDir, rel)));
        else rmSync(join(outDir, rel));
      }
    }
  }
}

const ms = Math.round(performance.now() - started);
if (check) {
  if (stale.length) {
    console.error(`Generated code is stale (run \`pnpm codegen\`):\n${stale.map((f) => `  ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`codegen: ${selected.map((t) => t.name).join(', ')} up to date (${ms} ms)`);
} else {
  console.log(`codegen: wrote ${selected.map((t) => t.outDir).join(', ')} (${ms} ms)`);
}
