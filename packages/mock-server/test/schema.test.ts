// One generated schema for both packages: the mock's `schema.ts` is the same bytes as the client's (each package
// ships its own copy, so each stands alone), both generated with the one SCHEMA_OPTIONS of scripts/codegen.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (pkg: string) => readFileSync(new URL(`../../${pkg}/src/generated/schema.ts`, import.meta.url), 'utf8');

describe('generated schema', () => {
  it('is the same for the client and the mock server', () => {
    expect(read('mock-server')).toBe(read('client'));
  });

  it('keeps request fields with a default optional (what a handler receives)', () => {
    expect(read('mock-server')).toMatch(/@default 5\n\s+\*\/\n\s+duration\?: number;/);
  });
});
