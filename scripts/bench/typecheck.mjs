#!/usr/bin/env node
// Type-check cost of a consumer file that uses 20 React hooks, against a file that makes the same 20 calls with
// the client's resource methods (the baseline), each in a consumer project of its own that sees the built
// packages as an app would (node_modules links in a temporary folder), `tsc --noEmit --extendedDiagnostics`,
// strict, skipLibCheck (as apps usually set it). Median of --runs for the times; instantiation counts and types
// are deterministic.
//   node scripts/bench/typecheck.mjs [--runs 3] [--json] [--keep]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBuilt, root } from './resolve.mjs';

requireBuilt('packages/client/dist/index.d.ts', 'packages/react/dist/index.d.ts');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 3) || 3;

const ID = "'user:1-minimax:2-x:3'";
/** The 20 operations both files use: [hook call, client call]. */
const CALLS = [
  [`useMusic(${ID})`, `client.music.get(${ID})`],
  [`useVideo(${ID})`, `client.videos.get(${ID})`],
  [`useImage(${ID})`, `client.images.get(${ID})`],
  [`useSpeech(${ID})`, `client.speech.get(${ID})`],
  [`useAgentJob(${ID})`, `client.agent.get(${ID})`],
  ['useAccounts()', 'client.accounts.list()'],
  ['useFeatures()', 'client.accounts.features()'],
  ['useVideos({ limit: 10 })', 'client.videos.list({ limit: 10 })'],
  ['useImages()', 'client.images.list()'],
  ['useMusicList()', 'client.music.list()'],
  ['useFiles()', 'client.files.list()'],
  ['useScheduler()', 'client.scheduler.list()'],
  ['useSchedulerAvailable()', 'client.scheduler.available()'],
  ['useAgentJobs()', 'client.agent.jobs()'],
  ['useSpeechList()', 'client.speech.list()'],
  ['useVoices()', 'client.speech.voices()'],
  ['useLlmChats()', 'client.llm.list()'],
  ['useCreateMusic()', "client.music.create({ prompt: 'a song' })"],
  ['useCreateVideo()', "client.videos.create({ prompt: 'a video' })"],
  ['useCreateImages()', "client.images.create({ prompt: 'an image' })"],
];
const hookName = (call) => call.slice(0, call.indexOf('('));

const hooksFile = `import { ${CALLS.map(([h]) => hookName(h)).join(', ')} } from '@useapi-minimax/react';

export function useDashboard() {
${CALLS.map(([h], i) => `  const r${i} = ${h};`).join('\n')}
  return [${CALLS.map((_, i) => `r${i}.data`).join(', ')}] as const;
}
`;
const clientFile = `import { createMiniMaxClient } from '@useapi-minimax/client';

const client = createMiniMaxClient({ token: 'user:1-x' });

export async function dashboard() {
${CALLS.map(([, c], i) => `  const r${i} = await ${c};`).join('\n')}
  return [${CALLS.map((_, i) => `r${i}`).join(', ')}] as const;
}
`;

const tsc = join(root, 'node_modules/typescript/bin/tsc');
const dir = mkdtempSync(join(tmpdir(), 'useapi-minimax-typecheck-'));
mkdirSync(join(dir, 'node_modules/@useapi-minimax'), { recursive: true });
symlinkSync(join(root, 'packages/react'), join(dir, 'node_modules/@useapi-minimax/react'), 'dir');
symlinkSync(join(root, 'packages/client'), join(dir, 'node_modules/@useapi-minimax/client'), 'dir');

function project(name, source) {
  const folder = join(dir, name);
  mkdirSync(folder);
  writeFileSync(join(folder, 'index.ts'), source);
  writeFileSync(
    join(folder, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2022', 'DOM'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, types: [] }, files: ['index.ts'] }),
  );
  return folder;
}

function diagnostics(folder) {
  let out;
  try {
    out = execFileSync(process.execPath, [tsc, '-p', folder, '--extendedDiagnostics'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`tsc failed for ${folder}:\n${error.stdout}${error.stderr}`);
  }
  const num = (label) => Number((new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(out) ?? [])[1]);
  return { files: num('Files'), types: num('Types'), instantiations: num('Instantiations'), memoryKB: num('Memory used'), checkS: num('Check time'), totalS: num('Total time') };
}

const projects = { client: project('client', clientFile), hooks: project('hooks', hooksFile) };
const samples = { client: [], hooks: [] };
try {
  for (let i = 0; i < runs; i++) for (const name of ['client', 'hooks']) samples[name].push(diagnostics(projects[name]));
} finally {
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
const median = (xs, key) => [...xs].map((x) => x[key]).sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (name) => ({
  files: samples[name][0].files,
  types: samples[name][0].types,
  instantiations: samples[name][0].instantiations,
  memoryMB: Math.round(median(samples[name], 'memoryKB') / 1024),
  checkMs: Math.round(median(samples[name], 'checkS') * 1000),
  totalMs: Math.round(median(samples[name], 'totalS') * 1000),
});
const result = { typescript: execFileSync(process.execPath, [tsc, '--version'], { encoding: 'utf8' }).trim(), runs, client: summary('client'), hooks: summary('hooks') };
result.ratios = {
  instantiations: result.hooks.instantiations / result.client.instantiations,
  types: result.hooks.types / result.client.types,
  checkTime: result.hooks.checkMs / result.client.checkMs,
  totalTime: result.hooks.totalMs / result.client.totalMs,
};

if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`${result.typescript}, strict, skipLibCheck, median of ${runs} runs\n`);
  console.log('consumer file                         | files | types  | instantiations | check ms | total ms | memory MB');
  for (const [label, r] of [['20 client calls (baseline)', result.client], ['20 React hooks', result.hooks]]) {
    console.log(`${label.padEnd(37)} | ${String(r.files).padStart(5)} | ${String(r.types).padStart(6)} | ${String(r.instantiations).padStart(14)} | ${String(r.checkMs).padStart(8)} | ${String(r.totalMs).padStart(8)} | ${String(r.memoryMB).padStart(9)}`);
  }
  console.log(`ratios hooks/client: instantiations ${result.ratios.instantiations.toFixed(2)}, types ${result.ratios.types.toFixed(2)}, check time ${result.ratios.checkTime.toFixed(2)}, total ${result.ratios.totalTime.toFixed(2)}`);
}
