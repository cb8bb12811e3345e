// `--mock`: the whole CLI against the mock server embedded in this process (real clock, no token, no network).
// Results point at the mock's CDN hosts; downloads get placeholder media of the right type from here.
import { createMiniMaxClient, type MiniMaxClient } from '@useapi-minimax/client';
import { createMiniMaxMock, MOCK_TOKEN, type MiniMaxMock } from '@useapi-minimax/mock-server';

/** The hosts of the mock's result URLs. */
const MOCK_CDN = ['cdn.hailuoai.video', 'cdn.hailuoai.com', 'minimax-public-cdn.com'];

const TYPES: Record<string, string> = { mp4: 'video/mp4', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', mp3: 'audio/mpeg', wav: 'audio/wav' };

/** Placeholder bytes for a mock media URL (deterministic; the type follows the extension). */
export function placeholderMedia(url: string): { body: Uint8Array; type: string } {
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase() ?? '';
  const type = TYPES[ext] ?? 'application/octet-stream';
  const line = `useapi-minimax mock media (${type}) for ${url}\n`;
  return { body: new TextEncoder().encode(line.repeat(Math.max(1, Math.ceil(4096 / line.length)))), type };
}

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
  const client = createMiniMaxClient({ token: MOCK_TOKEN, baseUrl: mock.baseUrl, logLevel: 'silent', fetch: (input, init) => mock.handle(new Request(input, init)) });
  return {
    mock,
    client,
    fetch: async (url) => {
      if (!MOCK_CDN.includes(new URL(url).hostname)) throw new TypeError(`mock mode: no network (refused ${new URL(url).hostname})`);
      const { body, type } = placeholderMedia(url);
      return new Response(body as unknown as BodyInit, { headers: { 'content-type': type, 'content-length': String(body.byteLength) } });
    },
    close: () => mock.dispose(),
  };
}
