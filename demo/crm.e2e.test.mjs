// PL-7 / CB-5 / TP-1: the CRM page (demo/crm/) in real Chromium through the Vite dev server on
// 127.0.0.1. Only <cc-call-banner> and <cc-task-pane> are on it; the page signs the agent in
// through the client, and its screen-pop opens the customer's record from the widgets' `cc-*`
// events when the simulator's engine sends a call or a chat.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium.mjs';

let server;
let browser;
let base;

before(async () => {
  server = await createServer({
    configFile: new URL('../vite.config.ts', import.meta.url).pathname,
    server: { port: 0, host: '127.0.0.1' },
    logLevel: 'error',
  });
  await server.listen();
  base = `http://127.0.0.1:${server.httpServer.address().port}/`;
  browser = await puppeteer.launch({ executablePath: CHROME_PATH, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Text of `selector` in the page (not in a shadow root), whitespace folded. */
const text = (page, selector) => page.$eval(selector, (e) => e.textContent.replace(/\s+/g, ' ').trim());

/** Waits until `selector` in the page contains `expected`. */
async function waitForText(page, selector, expected) {
  await page.waitForFunction(
    (sel, want) => document.querySelector(sel)?.textContent.replace(/\s+/g, ' ').includes(want),
    { timeout: 10_000, polling: 50 },
    selector,
    expected,
  );
}

/** Waits until an element matching `selector` exists somewhere, shadow roots included, and returns it. */
async function shadowElement(page, selector) {
  const handle = await page.waitForFunction(
    (sel) => {
      const find = (root) =>
        root.querySelector(sel) ?? [...root.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean);
      return find(document);
    },
    { timeout: 10_000, polling: 50 },
    selector,
  );
  return handle.asElement();
}

test('PL-7, CB-5, TP-1: a CRM page with only the call banner and the task pane — signed in through the client, screen-pops from cc-* events', async () => {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${base}crm/`, { waitUntil: 'networkidle0' });

  // Only the two widgets are defined: the page loads nothing else.
  const defined = await page.evaluate(() =>
    ['cc-call-banner', 'cc-task-pane', 'cc-station-login', 'cc-agent-state', 'cc-provider'].filter((t) => customElements.get(t)),
  );
  assert.deepEqual(defined, ['cc-call-banner', 'cc-task-pane']);

  // The page signed the agent in itself; its own button moves every channel Ready.
  await waitForText(page, '#agent-status', 'Signed in (extension 1001) — Not Ready');
  await page.click('#ready');
  await waitForText(page, '#agent-status', 'Ready: calls and chats come to you');

  // CB-5: a customer in the CRM calls (through the simulator's engine) → the record opens while it rings.
  await page.evaluate(() =>
    window.ccCrm.adapter.engine.injectCall({ queueId: 'q-sales', from: '+14155550134', customerName: 'Olivia Nguyen' }),
  );
  await waitForText(page, '#record-name', 'Olivia Nguyen (C-1001)');
  assert.equal(await text(page, '#record-reason'), 'Incoming call from +14155550134 — Sales');
  assert.match(await text(page, '#record-fields'), /Open case\s*Refund for order ORD-5521/);
  assert.equal(await page.$eval('tr[data-customer-id="C-1001"]', (row) => row.getAttribute('aria-current')), 'true');
  await waitForText(page, '#record-activity', 'Call ringing (Sales)');

  // Answered in the banner → the record says so; ended → the CRM asks the outcome and closes the wrap-up.
  await (await shadowElement(page, '[part="call"][data-status="offered"] [part="accept"]')).click();
  await waitForText(page, '#record-reason', 'On a call with Olivia Nguyen');
  await waitForText(page, '#record-activity', 'Call answered');
  await (await shadowElement(page, '[part="call"][data-status="active"] [part="end"]')).click();
  await waitForText(page, '#record-activity', 'Call ended');
  await page.waitForSelector('#outcome-form:not([hidden])');
  const outcome = await page.$eval('#outcome option:nth-child(2)', (o) => ({ value: o.value, label: o.textContent }));
  await page.select('#outcome', outcome.value);
  await page.click('#outcome-form button[type="submit"]');
  await waitForText(page, '#record-activity', `Outcome logged: ${outcome.label}`);
  await page.waitForSelector('#outcome-form[hidden]');
  await page.waitForFunction(() => window.ccCrm.client.state.tasks.length === 0, { timeout: 10_000, polling: 50 });

  // TP-1: another customer starts a chat (the page's simulator panel) → offered in the pane, the record pops.
  await page.select('#sim-customer', 'C-1003');
  await page.click('#sim-chat');
  await waitForText(page, '#record-name', 'Chloé Dubois (C-1003)');
  assert.match(await text(page, '#record-reason'), /^New chat from Chloé Dubois — /);
  await (await shadowElement(page, '[part="offer"][data-media="chat"] [part="accept"]')).click();
  await waitForText(page, '#record-reason', 'In a chat with Chloé Dubois');
  assert.equal(await page.$eval('tr[data-customer-id="C-1003"]', (row) => row.getAttribute('aria-current')), 'true');

  // A caller the CRM does not know: the record says there is none.
  await page.evaluate(() => window.ccCrm.adapter.engine.injectCall({ queueId: 'q-sales', from: '+13125550100' }));
  await waitForText(page, '#record-name', 'No customer record for +13125550100');
  assert.equal(await page.$$eval('tr[aria-current="true"]', (r) => r.length), 0);

  assert.deepEqual(errors, []);
  await context.close();
});
