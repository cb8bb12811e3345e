// MiniMaxProvider: hands the client to the hooks. It does not create a QueryClient: put it inside your own
// <QueryClientProvider>, so the hooks share the app's cache, defaults and devtools.
import type { MiniMaxClient } from '@useapi-minimax/client';
import { MiniMaxError } from '@useapi-minimax/client';
import { createContext, useContext, type ReactElement, type ReactNode } from 'react';

const MiniMaxContext = createContext<MiniMaxClient | undefined>(undefined);

/** Props of {@link MiniMaxProvider}. */
export interface MiniMaxProviderProps {
  /** The client every hook below calls (`createMiniMaxClient({ baseUrl: '/api/minimax' })`). */
  client: MiniMaxClient;
  /** The part of the app that uses the hooks. */
  children?: ReactNode;
}

/** Gives the hooks below it a MiniMax client; render it inside your `QueryClientProvider`. */
export function MiniMaxProvider({ client, children }: MiniMaxProviderProps): ReactElement {
  return <MiniMaxContext.Provider value={client}>{children}</MiniMaxContext.Provider>;
}

/** The client of the nearest `MiniMaxProvider`; throws when there is none. */
export function useMiniMaxClient(): MiniMaxClient {
  const client = useContext(MiniMaxContext);
  if (!client) throw new MiniMaxError('No MiniMax client: render <MiniMaxProvider client={createMiniMaxClient(…)}> above this component');
  return client;
}
