// The request target: the hand split of plain URLs gives what the WHATWG URL parser gives (pathname, search and
// the query's parameters), and everything else is left to the parser (fixed cases, then generated URLs).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTarget } from '../src/engine/target.js';

function same(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const target = parseTarget(url);
  if (!parsed) {
    expect(target, url).toBeUndefined();
    return;
  }
  expect(target, url).toBeDefined();
  expect(target!.pathname, url).toBe(parsed.pathname);
  expect(target!.search, url).toBe(parsed.search);
  expect([...target!.searchParams], url).toEqual([...parsed.searchParams]);
}

describe('parseTarget', () => {
  it('agrees with URL on plain and tricky URLs', () => {
    for (const url of [
      'http://127.0.0.1:4010/v1/minimax/videos/user%3A1-minimax%3A2-video%3A3',
      'http://127.0.0.1:4010/v1/minimax/videos?limit=5&lastId=abc',
      'http://127.0.0.1:4010/v1/minimax/videos?',
      'http://127.0.0.1:4010/v1/minimax/videos/?a=1&a=2&b=%20x+y',
      'https://api.useapi.net/v1/minimax/accounts/',
      'http://[::1]:4010/v1/minimax/files',
      'http://localhost:99999/v1/minimax/files',
      'http://localhost:65535/v1/minimax/files',
      'http://localhost:65536/v1/minimax/files',
      'https://h1:1/x',
      'http://10.0.0.1/x',
      'http://12345/x',
      'http://h:00080/x',
      'http://[::1]/x',
      'http://h/v1/minimax/../minimax/videos',
      'http://h/v1/minimax/./videos',
      'http://h/v1/minimax/%2e%2E/videos',
      'http://h/v1/minimax/.well-known',
      'http://h/a b/c',
      'http://h/a\\b',
      'http://h/a|b',
      'http://h/é',
      'http://h/a?x=\'1\'',
      'http://h/a?x=[mock:rate-limited]',
      'http://h/a?x=1#frag',
      'http://user@h/a',
      'http://h',
      'http://h?x=1',
      'http:///h/a',
      'ftp://h/a',
      'not a url',
      'http://h/%zz/%41',
      'http://H.EXAMPLE/A/B?C=D',
    ]) same(url);
  });

  it('agrees with URL on generated URLs', () => {
    const chars = fc.constantFrom(...'aZ09-._~!$&\'()*+,;=:@%/?#[]{}|\\^` "<>é.'.split(''));
    const part = fc.array(chars, { maxLength: 24 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.constantFrom('http://127.0.0.1:4010', 'https://api.useapi.net', 'http://[::1]:80', 'http://h:70000'), part, part, (origin, path, query) => {
        same(`${origin}/${path}${query ? `?${query}` : ''}`);
      }),
      { numRuns: 3000 },
    );
  });
});
