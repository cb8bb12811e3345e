import { useAccounts } from '@useapi-minimax/react';
import { AgentStudio } from './components/AgentStudio';
import { ErrorNote } from './components/ErrorNote';
import { Gallery } from './components/Gallery';
import { SongStudio } from './components/SongStudio';
import { apiMode, baseUrl, mockJobMs } from './config';

export function App() {
  const accounts = useAccounts();
  const ids = accounts.data ? Object.keys(accounts.data) : [];
  return (
    <div className="app">
      <header className="top">
        <h1>
          MiniMax Studio <small>on @useapi-minimax/react</small>
        </h1>
        <p className="badge" data-testid="api-mode" data-mode={apiMode}>
          {apiMode === 'mock' ? `Mock API in your browser (MSW) · jobs take ${mockJobMs / 1000} s · no credits spent` : `API via ${baseUrl}`}
        </p>
        <p className="muted" data-testid="accounts">
          {accounts.isPending ? 'Connecting…' : ids.length ? `Account${ids.length > 1 ? 's' : ''}: ${ids.join(', ')}` : 'No MiniMax account configured.'}
        </p>
        <ErrorNote error={accounts.error} />
        {apiMode === 'mock' ? (
          <p className="muted tip">
            Tip: put <code>[mock:moderated]</code> or <code>[mock:rate-limited]</code> in a prompt to see how errors are handled.
          </p>
        ) : null}
      </header>
      <main className="layout">
        <SongStudio />
        <AgentStudio />
        <Gallery />
      </main>
    </div>
  );
}
