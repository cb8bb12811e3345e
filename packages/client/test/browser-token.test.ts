// In a page, a real token is readable by every script: the client warns when one would go to the real API.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMiniMaxClient } from '../src/index.js';

const TOKEN = 'user:12345-browserTokenSecret';
const g = globalThis as { document?: unknown };

function warningsFor(options: Parameters<typeof createMiniMaxClient>[0]): string[] {
  const warn = vi.fn();
  createMiniMaxClient({ token: TOKEN, ...options, logger: { debug() {}, info() {}, warn, error() {} } });
  return warn.mock.calls.map((args) => args.join(' '));
}

describe('a token configured in a browser', () => {
  afterEach(() => {
    delete g.document;
  });

  it('is warned about when it would go to the real API, without printing it', () => {
    g.document = {};
    const warnings = warningsFor({});
    expect(warnings.some((w) => /configured in a browser/.test(w))).toBe(true);
    expect(warnings.join('\n')).not.toContain(TOKEN);
  });

  it('is not warned about for another base URL (a proxy or a mock server), or with allowBrowserToken', () => {
    g.document = {};
    expect(warningsFor({ baseUrl: 'http://127.0.0.1:4010/v1/minimax' }).filter((w) => /browser/.test(w))).toEqual([]);
    expect(warningsFor({ allowBrowserToken: true }).filter((w) => /browser/.test(w))).toEqual([]);
  });

  it('is not warned about outside a browser', () => {
    expect(warningsFor({}).filter((w) => /browser/.test(w))).toEqual([]);
  });
});
