import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The type-check covers every package README (five packages) and the run starts vitest in a child: minutes on a busy machine.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
