// Where the app's API calls go, from the build's environment (VITE_* variables only: never a token).

/** `mock`: the mock server runs in the browser (MSW worker). `api`: calls go to `baseUrl` (your proxy). */
export const apiMode: 'mock' | 'api' = import.meta.env.VITE_MINIMAX_BASE_URL ? 'api' : 'mock';

/** The proxy's base URL in `api` mode. */
export const baseUrl: string | undefined = import.meta.env.VITE_MINIMAX_BASE_URL || undefined;

/** Default account for calls that take one. */
export const account: string | undefined = import.meta.env.VITE_MINIMAX_ACCOUNT || undefined;

/** Mock only: how long a generation takes (real clock). */
export const mockJobMs: number = Number(import.meta.env.VITE_MOCK_JOB_MS) || 3000;

/**
 * How often job hooks poll: `VITE_POLL_INTERVAL_MS` when set (e.g. against a standalone mock on a manual clock);
 * against the in-browser mock, a few times per (short) job; against the real API, the hooks' defaults (music 5 s,
 * video/image/agent 10 s).
 */
export const pollIntervalMs: number | undefined =
  Number(import.meta.env.VITE_POLL_INTERVAL_MS) || (apiMode === 'mock' ? Math.max(250, Math.round(mockJobMs / 6)) : undefined);

/**
 * Where the flows record the job they follow (`persist`), so a reload mid-job resumes it: `localStorage`, or
 * nothing where the browser refuses it (some privacy modes throw on access).
 */
export const jobStore: Storage | undefined = (() => {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
})();
