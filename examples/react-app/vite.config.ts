import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type ProxyOptions } from 'vite';

// By default the app talks to the mock server inside the browser (MSW), and no proxy is needed.
//
// With VITE_MINIMAX_BASE_URL=/api/minimax and USEAPI_TOKEN set, the dev and preview servers proxy /api/minimax to
// the real API (or MINIMAX_PROXY_TARGET, e.g. a standalone mock server) and add the token on the way: the token
// stays in this Node process and never reaches the browser bundle (only VITE_* variables do).
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  const base = env['VITE_MINIMAX_BASE_URL'];
  const token = env['USEAPI_TOKEN'];
  const proxy: Record<string, ProxyOptions> = {};
  if (base?.startsWith('/') && token) {
    const target = new URL(env['MINIMAX_PROXY_TARGET'] ?? 'https://api.useapi.net/v1/minimax');
    const prefix = target.pathname.replace(/\/$/, '');
    proxy[base] = {
      target: target.origin,
      changeOrigin: true,
      rewrite: (path) => prefix + path.slice(base.length),
      headers: { authorization: `Bearer ${token}` },
    };
  }
  return {
    plugins: [react()],
    server: { proxy },
    preview: { proxy },
    build: { chunkSizeWarningLimit: 2000 },
  };
});
