/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the API (your proxy, e.g. `/api/minimax`); unset = the mock server in the browser (MSW). */
  readonly VITE_MINIMAX_BASE_URL?: string;
  /** Default `account` for calls that take one (with several accounts configured). */
  readonly VITE_MINIMAX_ACCOUNT?: string;
  /** Mock only: how long a generation takes, in ms (default 3000). */
  readonly VITE_MOCK_JOB_MS?: string;
  /** How often job hooks poll, in ms (default: a sixth of `VITE_MOCK_JOB_MS` on the in-browser mock, else the hooks' defaults). */
  readonly VITE_POLL_INTERVAL_MS?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
