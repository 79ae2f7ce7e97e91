// Counts wtr's test results and writes them to .wtr-summary.json, for scripts/test.mjs to print
// the plain closing line (wtr redraws the terminal after stop, so it cannot print it itself).
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function summaryReporter({ file = '.wtr-summary.json' } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, files: new Set(), brokenFiles: 0 };
      for (const session of sessions) {
        totals.files.add(session.testFile);
        count(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.brokenFiles++;
      }
      writeFileSync(
        file,
        JSON.stringify({
          passed: totals.passed,
          failed: totals.failed + totals.brokenFiles,
          skipped: totals.skipped,
          files: totals.files.size,
        }),
      );
    },
  };
}
