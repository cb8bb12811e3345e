// Registers the client's error class as TanStack Query's default error type, so `error` is a `MiniMaxError`
// (narrow it with `instanceof RateLimitedError`, `JobModeratedError`, …) in every hook without a type argument.
import type { MiniMaxError } from '@useapi-minimax/client';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: MiniMaxError;
  }
}

/** The error type of every query and mutation of this package (TanStack's registered `defaultError`). */
export type MiniMaxQueryError = MiniMaxError;
