import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMiniMaxClient } from '@useapi-minimax/client';
import { MiniMaxProvider } from '@useapi-minimax/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { account, apiMode, baseUrl, mockJobMs } from './config';
import './styles.css';

async function boot(): Promise<void> {
  let token: string | undefined;
  if (apiMode === 'mock') {
    // Loaded only in mock mode: a build with VITE_MINIMAX_BASE_URL never fetches the mock's chunk.
    const { startMockApi } = await import('./mock/worker');
    ({ token } = await startMockApi(mockJobMs));
  }
  const client = createMiniMaxClient({
    // In api mode there is no token here: your proxy (or the dev server's, see vite.config.ts) adds it.
    token,
    baseUrl,
    account,
    // The mock's token is public, so the client's "token in a browser" warning does not apply to it.
    allowBrowserToken: apiMode === 'mock',
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, staleTime: 5_000 } } });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <MiniMaxProvider client={client}>
          <App />
        </MiniMaxProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

boot().catch((error: unknown) => {
  const root = document.getElementById('root')!;
  root.textContent = `The studio could not start: ${error instanceof Error ? error.message : String(error)}`;
  throw error;
});
