// The root of the error hierarchy and its brand: `instanceof` works across two bundled copies of this package: every
// class is branded with `Symbol.for('useapi-minimax.error')` and its name, and `Symbol.hasInstance` checks the brand.
// Each family brands its own classes in its own module (errors.ts, job-errors.ts, outcome-error.ts), so a bundle
// ships only the families it uses.

const BRAND = Symbol.for('useapi-minimax.error');
const own = Object.prototype.hasOwnProperty;
type Ctor<T> = abstract new (...args: never[]) => T;

function branded(ctor: Function, value: unknown): boolean {
  const proto = ctor.prototype as Record<symbol, unknown>;
  if (!own.call(proto, BRAND)) return Function.prototype[Symbol.hasInstance].call(ctor, value);
  for (let p = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : null; p; p = Object.getPrototypeOf(p)) {
    if (own.call(p, BRAND) && p[BRAND] === proto[BRAND]) return true;
  }
  return false;
}

/** Names and brands a class (`error.name`, cross-copy `instanceof`). */
export function brand(ctor: Function, name: string): void {
  Object.defineProperty(ctor.prototype, 'name', { value: name, writable: true, configurable: true });
  Object.defineProperty(ctor.prototype, BRAND, { value: name });
}

/** Base class of every error this package throws. */
export class MiniMaxError extends Error {
  /** Brand check: true for errors of this class from any copy of the package. */
  static override [Symbol.hasInstance]<T>(this: Ctor<T>, value: unknown): value is T {
    return branded(this, value);
  }

  /** A JSON-safe view (name, message and the error's own fields); never contains the token. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...(this as object) };
  }
}

/** True for any error thrown by this package (any copy of it). */
export function isMiniMaxError(value: unknown): value is MiniMaxError {
  return value instanceof MiniMaxError;
}

brand(MiniMaxError, 'MiniMaxError');
