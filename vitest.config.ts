// Unit tests that run in Node: the core and the simulator. Browser tests run in web-test-runner.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    include: ['packages/core/src/**/*.test.ts', 'packages/adapters/*/src/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    maxWorkers: 2,
  },
});
