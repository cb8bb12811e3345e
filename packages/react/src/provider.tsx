// MiniMaxProvider: hands the client (or a bare core) to the hooks. It does not create a QueryClient: put it inside
// your own <QueryClientProvider>, so the hooks share the app's cache, defaults and devtools. The generated hooks
// call the client's per-operation functions on the core (`getMusic(core, id)`), so an app that passes
// `createMiniMaxCore(…)` bundles only the operations it uses.
import type { MiniMaxClient, MiniMaxCore } from '@useapi-minimax/client';
import { MiniMaxError } from '@useapi-minimax/client';
import { createContext, useContext, type ReactElement, type ReactNode } from 'react';

const MiniMaxContext = createContext<MiniMaxCore | undefined>(undefined);

/** Props of {@link MiniMaxProvider}. */
export interface MiniMaxProviderProps {
  /** What every hook below calls: a client (`createMiniMaxClient({ baseUrl: '/api/minimax' })`) or a core (`createMiniMaxCore(…)`, smaller bundles). */
  client: MiniMaxCore;
  /** The part of the app that uses the hooks. */
  children?: ReactNode;
}

/** Gives the hooks below it a MiniMax client (or core); render it inside your `QueryClientProvider`. */
export function MiniMaxProvider({ client, children }: MiniMaxProviderProps): ReactElement {
  return <MiniMaxContext.Provider value={client}>{children}</MiniMaxContext.Provider>;
}

/** The client or core of the nearest `MiniMaxProvider` (what the hooks use); throws when there is none. */
export function useMiniMaxCore(): MiniMaxCore {
  const client = useContext(MiniMaxContext);
  if (!client) throw new MiniMaxError('No MiniMax client: render <MiniMaxProvider client={createMiniMaxClient(…)}> above this component');
  return client;
}

/** The client of the nearest `MiniMaxProvider`; throws when there is none, or when it was given a bare core. */
export function useMiniMaxClient(): MiniMaxClient {
  const client = useMiniMaxCore();
  if (!('music' in client)) throw new MiniMaxError('The MiniMaxProvider was given a core (createMiniMaxCore): use useMiniMaxCore(), or pass createMiniMaxClient(…)');
  return client as MiniMaxClient;
}
