// The codegen targets: one per package that has a `src/generated/` folder.
import { clientTarget } from './client.mjs';
import { mockServerTarget } from './mock-server.mjs';

export const targets = [clientTarget, mockServerTarget];
targets.push((await import('./react.mjs')).reactTarget);
