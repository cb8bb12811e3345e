// One supported Node version, stated the same way everywhere: the root `engines`, every published package's
// `engines`, and every "Node ≥ …" in a README. (CI runs the packed packages on exactly that version.)
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const json = (path: string) => JSON.parse(readFileSync(`${root}${path}`, 'utf8')) as { engines?: { node?: string } };
const minimum = /^>=(\d+\.\d+)$/.exec(json('package.json').engines?.node ?? '')?.[1];
const packages = readdirSync(`${root}packages`);

describe('the supported Node version', () => {
  it('is one minor version in the root engines', () => {
    expect(minimum).toMatch(/^\d+\.\d+$/);
  });

  it.each(packages)('packages/%s: engines.node is the root one', (name) => {
    expect(json(`packages/${name}/package.json`).engines?.node).toBe(`>=${minimum}`);
  });

  it('every README says the same number', () => {
    const readmes = ['README.md', ...packages.map((name) => `packages/${name}/README.md`)];
    const stated = readmes.flatMap((path) => [...readFileSync(`${root}${path}`, 'utf8').matchAll(/Node(?:\.js)?\s*\(?\s*≥\s*(\d+(?:\.\d+)*)/g)].map((m) => `${path}: ${m[1]}`));
    expect(stated.length).toBeGreaterThan(0);
    expect(stated.filter((line) => !line.endsWith(`: ${minimum}`))).toEqual([]);
  });
});
