#!/usr/bin/env node
// `npm test`: every test. Installs Debian's Chromium and Prosody when missing (as root), runs the
// Node tests (vitest: core, simulator, the Finesse adapter against its emulator and Prosody), the
// browser tests (web-test-runner in Chromium) and the demo's end-to-end test,
// then prints one closing line `tests: N passed, N failed` that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { CHROME_PATH } from './chromium.mjs';

const chrome = CHROME_PATH;
const isRoot = process.getuid?.() === 0;

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  return result.status ?? 1;
}

function ensureChromium() {
  if (existsSync(chrome)) return true;
  const install = 'apt-get update && apt-get install -y chromium';
  if (!isRoot) {
    console.error(
      `Chromium is missing at ${chrome}. Install it with:\n  sudo sh -c '${install}'\n(or set CHROME_PATH to a Chromium binary).`,
    );
    return false;
  }
  console.log(`Installing Debian's chromium (${install}) …`);
  return run('sh', ['-c', install], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }) === 0 && existsSync(chrome);
}

/**
 * Debian's Prosody: the Finesse emulator's XMPP server (the server-backed tests start their own on
 * loopback). Installed here, once, so parallel test files never race to install it.
 */
function ensureProsody() {
  const found = spawnSync('sh', ['-c', 'command -v prosody'], { stdio: 'pipe' }).status === 0;
  if (found) return true;
  const install = 'apt-get update && apt-get install -y prosody';
  if (!isRoot) {
    console.error(`Prosody is missing (the Finesse adapter's tests need it). Install it with:\n  sudo sh -c '${install}'`);
    return false;
  }
  console.log(`Installing Debian's prosody (${install}) …`);
  return run('sh', ['-c', install], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }) === 0;
}

const totals = { passed: 0, failed: 0 };
if (!ensureProsody()) totals.failed += 1;

// Node: core and simulator.
rmSync('.vitest-summary.json', { force: true });
const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.vitest-summary.json']);
if (existsSync('.vitest-summary.json')) {
  const report = JSON.parse(readFileSync('.vitest-summary.json', 'utf8'));
  totals.passed += report.numPassedTests;
  // A file that fails to load has no test results of its own: count it as one failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  ).length;
  totals.failed += report.numFailedTests + brokenFiles;
  rmSync('.vitest-summary.json', { force: true });
} else {
  totals.failed += 1;
}
if (vitestStatus !== 0 && totals.failed === 0) totals.failed += 1;

// Browser: widgets and stories (web-test-runner), then the demo driven as a person would.
if (ensureChromium()) {
  rmSync('.wtr-summary.json', { force: true });
  const wtrStatus = run('npx', ['wtr'], { env: { ...process.env, CHROME_PATH: chrome } });
  if (existsSync('.wtr-summary.json')) {
    const report = JSON.parse(readFileSync('.wtr-summary.json', 'utf8'));
    totals.passed += report.passed;
    totals.failed += report.failed;
    rmSync('.wtr-summary.json', { force: true });
  }
  if (wtrStatus !== 0 && totals.failed === 0) totals.failed += 1;

  rmSync('.e2e.tap', { force: true });
  const before = totals.failed;
  const e2eStatus = run(
    'node',
    [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      '--test-reporter-destination=.e2e.tap',
      'demo/demo.e2e.test.mjs',
      'demo/finesse.e2e.test.mjs',
      'demo/plain.e2e.test.mjs',
      'demo/crm.e2e.test.mjs',
      'demo/hosts.e2e.test.mjs',
      'demo/csp.e2e.test.mjs',
    ],
    { env: { ...process.env, CHROME_PATH: chrome } },
  );
  if (existsSync('.e2e.tap')) {
    const tap = readFileSync('.e2e.tap', 'utf8');
    totals.passed += Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
    totals.failed += Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0);
    rmSync('.e2e.tap', { force: true });
  }
  if (e2eStatus !== 0 && totals.failed === before) totals.failed += 1;
} else {
  totals.failed += 1;
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
