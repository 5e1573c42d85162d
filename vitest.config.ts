import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The machine has 2 cores; more workers only contend for them.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
