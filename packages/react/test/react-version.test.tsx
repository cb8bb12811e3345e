// Which React the suite runs on: `pnpm test` runs it on 19, then on 18 (vitest.react18.config.ts).
import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, it } from 'vitest';

it('runs on one React version throughout (react and react-dom agree)', () => {
  expect(['18', '19']).toContain(version.split('.')[0]);
  expect(domVersion.split('.')[0]).toBe(version.split('.')[0]);
  console.log(`React ${version}`);
});
