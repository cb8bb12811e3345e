// Suspense variants: suspend until the first answer, then behave like the regular hooks (job hooks keep polling).
import { NotFoundError } from '@useapi-minimax/client';
import { Component, Suspense, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useSuspenseAccounts, useSuspenseAgentJob, useSuspenseMusic, useSuspenseMusicList } from '../src/index.js';
import { finishSong, renderIn, setup, until, useMswServer } from './helpers.js';

useMswServer();

class Boundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p>boundary: {this.state.error.name}</p> : this.props.children;
  }
}

function Song({ id }: { id: string }) {
  const { data } = useSuspenseMusic(id);
  return <p>{data.statusLabel}</p>;
}

function Songs() {
  const { data } = useSuspenseMusicList(undefined, { select: (songs) => songs.length });
  const { data: accounts } = useSuspenseAccounts();
  return (
    <p>
      {data} songs, {Object.keys(accounts).length} account
    </p>
  );
}

describe('suspense hooks', () => {
  it('useSuspenseMusic suspends, renders the snapshot, then keeps polling to the final state', async () => {
    const env = setup();
    const { musicId } = await env.client.music.create({ prompt: 'Suspenseful song' });
    const view = renderIn(
      env,
      <Suspense fallback={<p>loading</p>}>
        <Song id={musicId} />
      </Suspense>,
    );
    expect(view.container.textContent).toBe('loading');
    await until(() => view.container.textContent === 'pending');
    await finishSong(env, () => view.container.textContent === 'completed');
  });

  it('lists and plain reads suspend too, with select', async () => {
    const env = setup();
    const view = renderIn(
      env,
      <Suspense fallback={<p>loading</p>}>
        <Songs />
      </Suspense>,
    );
    expect(view.container.textContent).toBe('loading');
    await until(() => view.container.textContent !== 'loading');
    expect(view.container.textContent).toBe('3 songs, 1 account');
  });

  it('a typed error with no data goes to the error boundary', async () => {
    const env = setup();
    function Job() {
      const { data } = useSuspenseAgentJob('p000-u12345-a987654321-bot:minimax');
      return <p>{data.status}</p>;
    }
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports caught errors
    const view = renderIn(
      env,
      <Boundary>
        <Suspense fallback={<p>loading</p>}>
          <Job />
        </Suspense>
      </Boundary>,
    );
    await until(() => view.container.textContent!.startsWith('boundary'));
    quiet.mockRestore();
    expect(view.container.textContent).toBe(`boundary: ${NotFoundError.name}`);
  });
});
