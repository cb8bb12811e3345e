#!/usr/bin/env node
// Release through changesets.
//   pnpm release --dry-run   build, pack every published package, check each tarball (publint --strict,
//                            arethetypeswrong), and prove the tarballs install and import from Node and a Vite build.
//   pnpm release             the same checks, then `changeset publish`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packTarballs } from './lib/pack.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dryRun = process.argv.includes('--dry-run');
const keep = process.argv.includes('--keep');
const sh = (cmd, args, cwd = root, extra = {}) => execFileSync(cmd, args, { cwd, stdio: 'inherit', ...extra });

console.log('━━ build');
sh('pnpm', ['build']);

const work = mkdtempSync(join(tmpdir(), 'useapi-minimax-release-'));
try {
  console.log('━━ pack and check tarballs');
  const tarballs = packTarballs(join(work, 'tarballs'));
  const publint = join(root, 'node_modules', 'publint', 'src', 'cli.js');
  const attw = join(root, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
  for (const [name, tarball] of Object.entries(tarballs)) {
    console.log(`\n${name}: ${tarball}`);
    sh(process.execPath, [publint, tarball, '--strict']);
    sh(process.execPath, [attw, tarball, '--profile', 'esm-only', '--format', 'table-flipped']);
  }

  console.log('\n━━ install the tarballs into a scratch project');
  const scratch = join(work, 'scratch');
  mkdirSync(join(scratch, 'src'), { recursive: true });
  const versionOf = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify(
      {
        name: 'scratch-consumer',
        private: true,
        type: 'module',
        dependencies: {
          ...Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`])),
          '@tanstack/react-query': `^${versionOf('@tanstack/react-query') ?? '5'}`,
          msw: '^2.15.0',
          react: '^19.0.0',
          'react-dom': '^19.0.0',
          vite: '^7.3.8',
        },
        // The client tarball is also what the react tarball depends on: use the local one.
        overrides: { '@useapi-minimax/client': `file:${tarballs['@useapi-minimax/client']}` },
      },
      null,
      2,
    ),
  );
  sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], scratch);

  // Node: every entry point imports and works.
  writeFileSync(
    join(scratch, 'node-check.mjs'),
    `import { createMiniMaxClient, isMiniMaxError } from '@useapi-minimax/client';
import { createMiniMaxMock, MOCK_TOKEN } from '@useapi-minimax/mock-server';
import { createMiniMaxHandlers } from '@useapi-minimax/mock-server/msw';
import { setupMiniMaxServer } from '@useapi-minimax/mock-server/msw/node';
import { startMockServer } from '@useapi-minimax/mock-server/server';
import * as react from '@useapi-minimax/react';

const server = await startMockServer({ port: 0 });
try {
  const client = createMiniMaxClient({ token: MOCK_TOKEN, baseUrl: server.baseUrl });
  const accounts = await client.accounts.list();
  if (Object.keys(accounts).length < 1) throw new Error('no accounts from the mock');
  if (typeof createMiniMaxHandlers !== 'function' || typeof setupMiniMaxServer !== 'function') throw new Error('msw adapters missing');
  if (typeof createMiniMaxMock !== 'function' || typeof isMiniMaxError !== 'function') throw new Error('exports missing');
  if (typeof react.useMusic !== 'function' || typeof react.MiniMaxProvider !== 'function') throw new Error('react exports missing');
  console.log('node import check: ok (' + Object.keys(accounts).length + ' account(s) from the packed mock server)');
} finally {
  await server.close();
}
`,
  );
  sh(process.execPath, ['node-check.mjs'], scratch);

  // Vite: a browser bundle of the client, the hooks and the MSW browser adapter builds.
  writeFileSync(
    join(scratch, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="/src/main.js"></script></body></html>\n',
  );
  writeFileSync(
    join(scratch, 'src', 'main.js'),
    `import { createMiniMaxClient } from '@useapi-minimax/client';
import { miniMaxKeys, MiniMaxProvider, useMusic } from '@useapi-minimax/react';
import { setupMiniMaxWorker } from '@useapi-minimax/mock-server/msw/browser';
console.log(typeof createMiniMaxClient, typeof MiniMaxProvider, typeof useMusic, typeof setupMiniMaxWorker, miniMaxKeys.all);
`,
  );
  sh(join(scratch, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], scratch);
  const assets = readdirSync(join(scratch, 'dist', 'assets'));
  const bundle = readFileSync(join(scratch, 'dist', 'assets', assets.find((f) => f.endsWith('.js'))), 'utf8');
  if (/from\s*["']node:|require\(["']node:/.test(bundle)) throw new Error('the browser bundle references a Node built-in');
  console.log(`vite build check: ok (${assets.join(', ')})`);

  if (dryRun) {
    console.log('\n━━ dry run: not publishing. Pending changesets:');
    sh('pnpm', ['changeset', 'status']);
  } else {
    sh('pnpm', ['changeset', 'publish']);
  }
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

