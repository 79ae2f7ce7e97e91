// Unit tests that run in Node: the core and the simulator. Browser tests run in web-test-runner.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages by their TypeScript source, in the test files and in what they import:
  // Node-side (SSR) resolution has its own conditions, or a stale dist/ would be tested instead.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: [
      'packages/core/src/**/*.test.ts',
      'packages/adapters/*/src/**/*.test.ts',
      'packages/adapters/*/emulator/**/*.test.ts',
      'packages/widgets/xliff/*.test.ts',
      // PL-1: the widgets' custom-elements manifest, and the React wrappers' events against it (Node; the
      // React components' own test is a browser test, *.test.tsx).
      'packages/widgets/test/manifest.test.ts',
      // PL-3: the README's token reference against the token sheet.
      'packages/widgets/test/tokens-doc.test.ts',
      'packages/react/src/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'threads',
    maxWorkers: 2,
  },
});
