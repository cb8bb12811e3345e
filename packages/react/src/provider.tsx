// MiniMaxProvider: hands the client (or a bare core) to the hooks. It does not create a QueryClient: put it inside
// your own <QueryClientProvider>, so the hooks share the app's cache, defaults and devtools. The hooks call the
// per-operation functions on it, so with `createMiniMaxCore` an app ships only the operations its hooks use.
import type { MiniMaxClient, MiniMaxCore } from '@useapi-minimax/client';
import { MiniMaxError } from '@useapi-minimax/client';
import { createContext, useContext, type ReactElement, type ReactNode } from 'react';

const MiniMaxContext = createContext<MiniMaxCore | undefined>(undefined);

/** Props of {@link MiniMaxProvider}. */
export interface MiniMaxProviderProps {
  /**
   * What every hook below calls: a client (`createMiniMaxClient({ baseUrl: '/api/minimax' })`) or, for the smallest
   * bundle, a core (`createMiniMaxCore(…)`: the hooks use only the operations they call).
   */
  client: MiniMaxCore;
  /** The part of the app that uses the hooks. */
  children?: ReactNode;
}

/** Gives the hooks below it a MiniMax client; render it inside your `QueryClientProvider`. */
export function MiniMaxProvider({ client, children }: MiniMaxProviderProps): ReactElement {
  return <MiniMaxContext.Provider value={client}>{children}</MiniMaxContext.Provider>;
}

/**
 * The client of the nearest `MiniMaxProvider` (typed as a client; `useMiniMaxClient<MiniMaxCore>()` when the
 * provider was given a bare core); throws when there is none.
 */
export function useMiniMaxClient<C extends MiniMaxCore = MiniMaxClient>(): C {
  const client = useContext(MiniMaxContext) as C | undefined;
  if (!client) throw new MiniMaxError('No MiniMax client: render <MiniMaxProvider client={createMiniMaxClient(…)}> above this component');
  return client;
}
