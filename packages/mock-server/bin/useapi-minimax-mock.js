#!/usr/bin/env node
// The `useapi-minimax-mock` command. A committed shim, so that package managers can link the bin before the
// package is built (in a workspace); the CLI itself is compiled to dist/cli.js.
import '../dist/cli.js';
