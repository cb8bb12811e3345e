// `--mock`: the whole CLI against the mock server embedded in this process (real clock, no token, no network).
// Results point at the real CDN hosts; downloads are answered by the mock itself (its media stand-in: small
// deterministic files whose bytes and Content-Type match the extension).
import { createMiniMaxClient, type MiniMaxClient } from '@useapi-minimax/client';
import { createMiniMaxMock, MEDIA_HOSTS, MOCK_TOKEN, type MiniMaxMock } from '@useapi-minimax/mock-server';

/** A mock in this process, a client over it, and a `fetch` for its media. */
export interface EmbeddedMock {
  readonly mock: MiniMaxMock;
  readonly client: MiniMaxClient;
  /** Answers the mock's CDN URLs (anything else is refused: no network in mock mode). */
  readonly fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** Stops the mock's background work. */
  close(): void;
}

/** Starts the embedded mock (2 accounts, real clock, `jobMs` per generation). */
export function startEmbeddedMock(options: { jobMs: number; accounts?: number; deliverWebhooks?: boolean }): EmbeddedMock {
  const mock = createMiniMaxMock({ clock: 'real', jobMs: options.jobMs, accounts: options.accounts ?? 2, seed: 1, deliverWebhooks: options.deliverWebhooks ?? false, validateResponses: false });
  const client = createMiniMaxClient({ token: MOCK_TOKEN, baseUrl: mock.baseUrl, logLevel: 'silent', fetch: mock.fetch });
  return {
    mock,
    client,
    fetch: async (url, init) => {
      if (!MEDIA_HOSTS.includes(new URL(url).hostname)) throw new TypeError(`mock mode: no network (refused ${new URL(url).hostname})`);
      return mock.fetch(url, init);
    },
    close: () => mock.dispose(),
  };
}
