#!/usr/bin/env node
// Codegen time against a plain read + YAML parse of the spec, each in a fresh Node process (what a developer
// waits for), interleaved, median of --runs. Codegen runs as `node scripts/codegen.mjs --check`: every target
// (client, mock-server, react) generated in memory and compared with the files, nothing written.
//   node scripts/bench/codegen.mjs [--runs 5] [--json]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { root } from './resolve.mjs';

const args = process.argv.slice(2);
const specPath = join(root, 'spec/openapi.yaml');

if (args[0] === '--parse-only') {
  const { parse } = await import('yaml');
  const started = performance.now();
  parse(readFileSync(specPath, 'utf8'), { maxAliasCount: -1 });
  console.log(`parsed in ${Math.round(performance.now() - started)} ms`);
  process.exit(0);
}

const runs = Number(args[args.indexOf('--runs') + 1] ?? 5) || 5;
const here = new URL(import.meta.url).pathname;

let stale = false;
function timed(command) {
  const started = performance.now();
  const { stdout, stderr, status } = spawnSync(process.execPath, command, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - started;
  // A stale checkout (someone changed the spec and did not regenerate) is timed all the same, and said.
  if (status !== 0) {
    if (!/stale/.test(stderr)) throw new Error(`${command.join(' ')} failed:\n${stderr}`);
    stale = true;
  }
  return { ms, inner: Number(/\((\d+) ms\)|in (\d+) ms/.exec(stdout)?.slice(1).find(Boolean)) };
}

const codegen = [];
const parse = [];
for (let i = 0; i < runs; i++) {
  parse.push(timed([here, '--parse-only']));
  codegen.push(timed([join(root, 'scripts/codegen.mjs'), '--check']));
}
const median = (xs, key) => [...xs].map((x) => x[key]).sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const result = {
  node: process.version,
  runs,
  spec: { bytes: readFileSync(specPath).length, lines: readFileSync(specPath, 'utf8').split('\n').length },
  parse: { processMs: Math.round(median(parse, 'ms')), inProcessMs: median(parse, 'inner') },
  codegen: { processMs: Math.round(median(codegen, 'ms')), inProcessMs: median(codegen, 'inner') },
};
result.stale = stale;
result.ratio = result.codegen.processMs / result.parse.processMs;
result.ratioInProcess = result.codegen.inProcessMs / Math.max(1, result.parse.inProcessMs);

if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`spec/openapi.yaml: ${result.spec.lines} lines, ${result.spec.bytes} bytes; median of ${runs} interleaved runs, fresh process each\n`);
  console.log(`read + parse (baseline)          process ${result.parse.processMs} ms, of which parsing ${result.parse.inProcessMs} ms`);
  console.log(`codegen --check (3 targets)      process ${result.codegen.processMs} ms, of which generating ${result.codegen.inProcessMs} ms`);
  console.log(`ratio ${result.ratio.toFixed(1)} (process), ${result.ratioInProcess.toFixed(1)} (work after start-up)`);
}
