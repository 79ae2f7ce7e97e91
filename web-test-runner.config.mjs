// Browser tests: widgets and stories in Debian's Chromium (see TOOLING in the README).
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { CHROME_PATH, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { reactEsm } from './scripts/wtr-react.mjs';

export default {
  files: ['packages/widgets/src/**/*.test.ts', 'stories/**/*.test.ts', 'packages/react/src/**/*.test.tsx'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  // TSX (the React wrappers' test) uses the base tsconfig's `jsx`; reactEsm serves React as ES modules.
  plugins: [esbuildPlugin({ ts: true, tsx: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }), reactEsm()],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: CHROME_PATH, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
