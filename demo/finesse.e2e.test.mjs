// The cc-elements gadget in the Finesse-style desktop (PL-7), in real Chromium against the
// Finesse-style emulator (two nodes, each with its own Prosody) and the Vite dev server, all on
// 127.0.0.1: sign in to the desktop, the container renders the gadget, the agent signs in with an
// extension, goes Ready, a caller sent through the emulator's control endpoint rings and is
// answered, the primary node goes out of service — the widgets show "connection lost" — and the
// call is still there once the gadget is on the secondary (SE-4); then the agent hangs up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { startDemoServer, startEmulator } from '../scripts/demo-finesse.mjs';

let emulator;
let vite;
let browser;

async function stopAll() {
  await browser?.close().catch(() => undefined);
  await vite?.server.close().catch(() => undefined);
  await emulator?.stop();
}

before(async () => {
  try {
    emulator = await startEmulator({ scenario: 'liveTraffic' });
    // Callers only when the test sends them: no random arrivals, no background staff.
    const traffic = await fetch(`${emulator.env.control}/traffic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ on: false }),
    });
    assert.equal(traffic.status, 200);
    vite = await startDemoServer(emulator.env, { port: 0, logLevel: 'error' });
    browser = await puppeteer.launch({ executablePath: CHROME_PATH, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    await stopAll();
    throw error;
  }
});

after(stopAll);

/**
 * Waits until an element matching `selector` (searched through every shadow root of `frame`)
 * exists and, when `expected` is given, contains that text. Polls: shadow roots are not observed.
 */
async function waitFor(frame, selector, expected = '', timeout = 10_000) {
  await frame.waitForFunction(
    (sel, want) => {
      const find = (root) =>
        root.querySelector(sel) ?? [...root.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean);
      return find(document)?.textContent.replace(/\s+/g, ' ').includes(want);
    },
    { timeout, polling: 50 },
    selector,
    expected,
  );
}

/** Resolves once nothing in `frame` matches `selector` (through shadow roots). */
async function waitGone(frame, selector, timeout = 15_000) {
  await frame.waitForFunction(
    (sel) => {
      const find = (root) =>
        root.querySelector(sel) ?? [...root.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean);
      return !find(document);
    },
    { timeout, polling: 50 },
    selector,
  );
}

test('PL-7, SL-10, ST-1, CB-1, CB-2, SE-4: the gadget in the Finesse desktop — sign in, Ready, a call answered, the primary fails, the call survives on the secondary, hang up', async () => {
  const { env } = emulator;
  const ana = env.users.find((u) => u.id === 'ana.popescu');
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // The desktop: sign in as Ana; it renders the gadget XML in an iframe and connects it.
  await page.goto(`${vite.base}gadget/container.html?agent=ana.popescu`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#desktop-sign-in:not([hidden]) #desktop-submit');
  await page.click('#desktop-submit');
  const iframe = await page.waitForSelector('.gadget-frame iframe', { timeout: 10_000 });
  const gadget = await iframe.contentFrame();
  await gadget.waitForFunction(() => window.ccClient?.state.connection.status === 'connected', { timeout: 15_000, polling: 50 });
  const config = await gadget.evaluate(() => window.finesse.gadget.Config);
  assert.equal(config.id, 'ana.popescu');
  assert.equal(atob(config.authorization), `ana.popescu:${ana.password}`);
  assert.equal(`${config.scheme}://${config.host}:${config.hostPort}/`, vite.base);
  assert.match(await page.$eval('.gadget-frame h2', (h) => h.textContent), /cc-elements/);

  // SL-10: sign in with Ana's extension in the gadget's station login.
  await waitFor(gadget, 'form[part="form"]');
  await gadget.click('pierce/input[name="station"][value="extension"]');
  const extension = await gadget.waitForSelector('pierce/input[id$="-extension"]');
  await extension.type(ana.extension);
  // SL-8: her team, as the Finesse User resource names it.
  const teamId = await gadget.evaluate(() => window.ccClient.state.profile.teams[0].id);
  await gadget.select('pierce/select[id$="-team"]', teamId);
  await gadget.waitForFunction(() => !document.querySelector('cc-station-login').shadowRoot.querySelector('[part="submit"]').disabled, {
    timeout: 5_000,
    polling: 50,
  });
  await gadget.click('pierce/button[part="submit"]');
  await waitFor(gadget, '[part="summary"]', `Extension ${ana.extension}`);

  // ST-1: voice Ready.
  await waitFor(gadget, '[part="trigger"]');
  await gadget.click('pierce/[part="trigger"]');
  await gadget.click('pierce/[role="group"][data-target="voice"] [role="menuitem"][data-status="ready"]');
  await gadget.waitForFunction(() => window.ccClient.state.media.voice?.status === 'ready', { timeout: 5_000, polling: 50 });

  // CB-1/CB-2: a caller sent through the emulator's control endpoint rings; Ana answers.
  await page.select('#call-queue', 'q-sales');
  await page.type('#call-from', '+14155550188');
  await page.click('#send-call');
  await waitFor(gadget, '[part="call"][data-status="offered"]', 'Sales');
  await gadget.click('pierce/[part="accept"]');
  await waitFor(gadget, '[part="call"][data-status="active"] [part="duration"]', '0:');
  const callId = await gadget.evaluate(() => window.ccClient.state.tasks.find((t) => t.media === 'voice').id);

  // SE-4: the primary goes out of service — every widget shows the banner — then the gadget is on the secondary.
  await page.click('#primary-out');
  await waitFor(gadget, '[part="connection-lost"]');
  await page.waitForFunction(() => /primary: OUT OF SERVICE/.test(document.querySelector('#node-status').textContent), {
    timeout: 10_000,
  });
  await gadget.waitForSelector('#gadget-status[data-node="1"]', { timeout: 20_000 });
  await gadget.waitForFunction(() => window.ccClient.state.connection.status === 'connected', { timeout: 20_000, polling: 50 });
  await waitGone(gadget, '[part="connection-lost"]');
  await waitFor(gadget, `[part="call"][data-status="active"]`);
  assert.equal(await gadget.evaluate(() => window.ccClient.state.tasks.find((t) => t.media === 'voice')?.id), callId);
  assert.match(await gadget.$eval('pierce/[part="summary"]', (e) => e.textContent), new RegExp(`Extension ${ana.extension}`));

  // Ana hangs up on the secondary: the call goes to wrap-up.
  await gadget.click('pierce/[part="end"]');
  await gadget.waitForFunction(
    (id) => window.ccClient.state.tasks.find((t) => t.id === id)?.status === 'wrapUp',
    { timeout: 10_000, polling: 50 },
    callId,
  );
  await waitFor(gadget, '[part="wrapup"]');

  assert.deepEqual(errors, []);
  await context.close();
});
