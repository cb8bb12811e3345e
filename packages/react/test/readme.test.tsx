// The README's example (test/fixtures/studio.tsx, copied verbatim into the README): a component that follows a
// song and an agent job to completion, run against the mock.
import { act, fireEvent, screen } from '@testing-library/react';
import { jobKinds } from '@useapi-minimax/client/internal';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Studio } from './fixtures/studio.js';
import { renderIn, setup, tick, until, useMswServer } from './helpers.js';

useMswServer();

const here = dirname(fileURLToPath(import.meta.url));
const example = readFileSync(join(here, 'fixtures/studio.tsx'), 'utf8');
const readme = readFileSync(join(here, '../README.md'), 'utf8');

describe('README example', () => {
  it('is in the README verbatim, in under 20 lines', () => {
    expect(readme).toContain(example.trim());
    expect(example.trim().split('\n').length).toBeLessThan(20);
  });

  it('follows a song and an agent job to completion', async () => {
    const env = setup();
    renderIn(env, <Studio />);
    act(() => fireEvent.click(screen.getByText('Song')));
    act(() => fireEvent.click(screen.getByText('Agent')));
    await until(() => /Song: running/.test(document.body.textContent!) && /Agent: running/.test(document.body.textContent!));
    for (let t = 0; t < 10_000; t += jobKinds.music.intervalMs) await tick(env, jobKinds.music.intervalMs);
    expect(screen.getByText(/^Song:/).textContent).toMatch(/^Song: succeeded/);
    expect(document.querySelector('audio')?.getAttribute('src')).toMatch(/\.mp3$/);
    expect(screen.getByText(/^Agent:/).textContent).toBe('Agent: succeeded ');
    expect(document.querySelector('pre')?.textContent).toBeTruthy();
  });
});
