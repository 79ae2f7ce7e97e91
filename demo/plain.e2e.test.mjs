// PL-1: the one-file CDN bundle on a plain HTML page, in real Chromium. The test builds
// cc-elements.js from the sources (scripts/cdn.mjs) into a temporary folder with
// demo/plain/index.html beside it, serves that folder as it is from 127.0.0.1 (no bundler, no
// transform) and uses the page as an agent would: sign in, go Ready, take a chat and a call.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { waitFor } from './e2e-support.mjs';
import { buildPages } from '../scripts/cdn.mjs';
import { serveStatic } from '../scripts/static-server.mjs';

let dir;
let server;
let browser;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cc-plain-'));
  await buildPages(dir);
  server = await serveStatic(join(dir, 'plain'));
  browser = await puppeteer.launch({ executablePath: CHROME_PATH, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function typeInto(page, selector, value) {
  const input = await page.$(`pierce/${selector}`);
  await input.click({ count: 3 });
  await page.keyboard.press('Backspace');
  await input.type(value);
}

test('PL-1: cc-elements.js is one self-contained ES module — it imports no other file', () => {
  const code = readFileSync(join(dir, 'plain', 'cc-elements.js'), 'utf8');
  // Minified: a static import would start a statement; a lazy part left out would be an import().
  assert.doesNotMatch(code, /(^|[;}\n])import\s*[{*"'\w]/, 'a static import');
  assert.doesNotMatch(code, /\bimport\s*\(/, 'a dynamic import');
  assert.match(code, /\bexport\s*\{/);
});

test('PL-1: the plain page on the one file — sign in (SL-10), all Ready (ST-1), a chat accepted in the task pane (TP-1), a call accepted in the banner (CB-1, CB-2)', async () => {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${server.url}?traffic=off`, { waitUntil: 'networkidle0' });

  // What a page gets from the one file: the client, storage, the simulator, the scenarios, the classes.
  const exported = await page.evaluate(async () => Object.keys(await import('./cc-elements.js')));
  for (const name of [
    'createClient',
    'webStorage',
    'memoryStorage',
    'createSimAdapter',
    'SCENARIO_NAMES',
    'provideClient',
    'CcProvider',
    'CcStationLogin',
    'CcAgentState',
    'CcCallBanner',
    'CcWrapupPicker',
    'CcQueueList',
    'CcTaskPane',
    'CcEmailComposer',
    'CcSupervisorGrid',
    'CcSimulator',
  ]) {
    assert.ok(exported.includes(name), `cc-elements.js exports ${name}`);
  }
  // Every tag is defined on import, none waits for first use.
  const undefinedTags = await page.evaluate(() =>
    [
      'cc-provider',
      'cc-station-login',
      'cc-agent-state',
      'cc-call-banner',
      'cc-wrapup-picker',
      'cc-queue-list',
      'cc-task-pane',
      'cc-email-composer',
      'cc-supervisor-grid',
      'cc-simulator',
    ].filter((tag) => !customElements.get(tag)),
  );
  assert.deepEqual(undefinedTags, []);

  // SL-3/SL-10: Ana signs in on a dial number (libphonenumber-js, lazy in the packages, is inside the file).
  await waitFor(page, 'form[part="form"]');
  await typeInto(page, 'input[type="tel"]', '2015550123');
  await page.select('pierce/select[id$="-team"]', 'team-billing');
  await page.waitForFunction(() => !document.querySelector('cc-station-login').shadowRoot.querySelector('[part="submit"]').disabled, {
    timeout: 10_000,
  });
  await page.click('pierce/button[part="submit"]');
  await waitFor(page, '[part="summary"]', '+12015550123');

  // ST-2 then ST-1: every channel Not Ready after sign-in; All → Ready.
  await waitFor(page, '[part="trigger"]', 'All channels Not Ready');
  await page.click('pierce/[part="trigger"]');
  await page.click('pierce/[role="group"][data-target="all"] [role="menuitem"][data-status="ready"]');
  await waitFor(page, '[part="trigger"]', 'All channels Ready');

  // TP-1: a chat is offered in the task pane; accepted, its conversation opens.
  await page.click('#send-chat');
  await waitFor(page, '[part="offer"][data-media="chat"] [part="accept"]');
  await page.click('pierce/[part="offer"][data-media="chat"] [part="accept"]');
  await waitFor(page, '[part="task"][data-task-id]');
  await waitFor(page, '[part="conversation"][data-task-id] [part="thread"]');

  // CB-1: a caller rings in the banner with a number and a countdown; CB-2: accepted, the call is connected.
  await page.click('#send-call');
  await waitFor(page, '[part="call"][data-status="offered"] [part="number"]', '+1');
  await waitFor(page, '[part="call"][data-status="offered"] [part="countdown"]', '0:');
  await page.click('pierce/[part="call"][data-status="offered"] [part="accept"]');
  await waitFor(page, '[part="call"][data-status="active"] [part="duration"]', '0:');

  // Nothing but the page and the one file was fetched; nothing went wrong.
  const fetched = [...new Set(requests.filter((url) => url.startsWith(server.url)).map((url) => new URL(url).pathname))];
  assert.deepEqual(fetched.sort(), ['/', '/cc-elements.js']);
  assert.deepEqual(errors, []);
  await context.close();
});
