// A levelled logger that redacts the token from every line.

/** Log levels, most verbose first; `silent` logs nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Where log lines go (`console` fits). */
export interface Logger {
  /** Every request and response. */
  debug(message: string): void;
  /** Retries. */
  info(message: string): void;
  /** Suspicious configuration or answers (a token without `user:`, a list cursor that does not advance). */
  warn(message: string): void;
  /** Unused by the client today; part of the console shape. */
  error(message: string): void;
}

/** Writes one line at a level (already redacted). */
export type Log = (level: Exclude<LogLevel, 'silent'>, message: string) => void;

const LEVELS: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

/** Whether `level` is enabled under `threshold`. */
export function enabled(level: LogLevel, threshold: LogLevel): boolean {
  return LEVELS[level] >= LEVELS[threshold];
}

/** A `Log` that drops lines under `threshold` and passes the rest through `redact`. */
export function createLog(logger: Logger | undefined, threshold: LogLevel, redact: (s: string) => string): Log {
  return (level, message) => {
    if (logger && enabled(level, threshold)) logger[level](`[useapi-minimax] ${redact(message)}`);
  };
}
