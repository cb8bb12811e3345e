// The codegen targets: one per package that has a `src/generated/` folder.
import { clientTarget } from './client.mjs';
import { mockServerTarget } from './mock-server.mjs';
import { reactTarget } from './react.mjs';

export const targets = [clientTarget, mockServerTarget, reactTarget];
