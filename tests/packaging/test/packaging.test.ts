// The published packages as a user gets them: `pnpm pack` tarballs installed with npm into a scratch project,
// then used from Node, TypeScript and a Vite build. Same logic as `pnpm release --dry-run`
// (scripts/lib/consumer-check.mjs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNode, checkTypes, checkViteBuild, installScratchProject, writeScratchProject } from '../../../scripts/lib/consumer-check.mjs';
import { packTarballs, PUBLISHED } from '../../../scripts/lib/pack.mjs';

let work: string;
let scratch: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'useapi-minimax-packaging-'));
  const tarballs: Record<string, string> = packTarballs(join(work, 'tarballs'));
  expect(Object.keys(tarballs).sort()).toEqual(Object.keys(PUBLISHED).sort());
  scratch = join(work, 'scratch');
  writeScratchProject(scratch, tarballs);
  await installScratchProject(scratch);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed packages', () => {
  it('work from Node: every entry point, real calls against the packed mock server and its CLI', async () => {
    const report: string = await checkNode(scratch);
    for (const line of [
      'server + client: music.createAndWait() completes',
      'server + client: ModeratedError',
      'react: accountsQueryOptions() through a QueryClient',
      'mock: createMiniMaxMock() as fetch, manual clock',
      'msw/node: setupMiniMaxServer() answers the default base URL',
      'msw/browser resolves',
      'cli: answers the API',
      'runner: submit() follows a video to its end',
      'cli: useapi-minimax batch --mock runs a batch',
    ]) {
      expect(report).toContain(`ok  ${line}`);
    }
  });

  it('type-check from TypeScript with nodenext and bundler resolution', async () => {
    await expect(checkTypes(scratch)).resolves.toMatch(/^types check: nodenext .* and bundler resolution$/);
  });

  it('bundle for the browser with Vite, with no Node built-in', async () => {
    const assets: string[] = await checkViteBuild(scratch);
    expect(assets.length).toBeGreaterThan(0);
  });
});
