// @vitest-environment node
// A job hook ships only its own kind's job facts (the client's per-kind `musicJob`, `videoJob`…), not every
// kind's: bundled from the sources with esbuild, as an app's bundler would tree-shake them.
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const alias = {
  '@useapi-minimax/react': src('../src/index.ts'),
  '@useapi-minimax/client/internal': src('../../client/src/internal.ts'),
  '@useapi-minimax/client': src('../../client/src/index.ts'),
};

async function bundle(contents: string): Promise<string> {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: src('.'), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    alias,
    external: ['react', 'react/jsx-runtime', 'react-dom', '@tanstack/react-query'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

// Each kind's facts name the list its lost creates are looked up in (`find.list`, `find.running`).
const lists = { music: 'listMusic', video: 'listVideos', image: 'listImages', agent: 'listAgentJobs', speech: 'listSpeech' };

describe('job facts tree-shake per kind', () => {
  it.each([
    ['useMusic', 'music'],
    ['useVideo', 'video'],
    ['useSpeech', 'speech'],
  ] as const)('%s ships the %s facts and no other kind’s', async (hook, kind) => {
    const code = await bundle(`import { ${hook}, MiniMaxProvider } from '@useapi-minimax/react'; export default () => [${hook}, MiniMaxProvider];`);
    for (const [other, list] of Object.entries(lists)) {
      if (other === kind) expect(code).toContain(`"${list}"`);
      else expect(code).not.toContain(`"${list}"`);
    }
  });

  it('jobQueryOptions (any kind) still has them all', async () => {
    const code = await bundle(`import { jobQueryOptions } from '@useapi-minimax/react'; export default jobQueryOptions;`);
    for (const list of Object.values(lists)) expect(code).toContain(`"${list}"`);
  });
});
