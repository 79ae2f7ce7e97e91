// The agent desktop demo as a person uses it, in real Chromium against the Vite dev server on
// 127.0.0.1: pick a role, a station, type numbers in each format, see the errors, choose a team,
// remember the station, sign in, change channel states with reasons, sign out when allowed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { waitFor } from './e2e-support.mjs';

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
  const { port } = server.httpServer.address();
  base = `http://127.0.0.1:${port}/`;
  browser = await puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page in a fresh browser context: no storage left over from another test. */
async function open(query = '') {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('favicon') && errors.push(m.text()));
  await page.goto(base + query, { waitUntil: 'networkidle0' });
  await waitFor(page, 'form[part="form"]');
  return { page, errors };
}

/** Text of the first element matching a pierce selector, whitespace folded. */
const text = (page, selector) => page.$eval(`pierce/${selector}`, (e) => e.textContent.replace(/\s+/g, ' ').trim());
const disabled = (page, selector) => page.$eval(`pierce/${selector}`, (e) => e.disabled);

async function typeInto(page, selector, value) {
  const input = await page.$(`pierce/${selector}`);
  await input.click({ count: 3 });
  await page.keyboard.press('Backspace');
  await input.type(value);
}

test('SL-1…SL-11, ST-1…ST-9: a whole sign-in, state changes and sign-out on the simulator', async () => {
  const { page, errors } = await open('?scenario=default');

  // SL-1: three roles; choose Supervisor and Agent. SL-8: the team is asked.
  await page.click('pierce/input[name="role"][value="supervisorAgent"]');
  await waitFor(page, 'select[id$="-team"]');

  // SL-3: international format, a number too short for +1 → an inline message, submit disabled.
  await typeInto(page, 'input[type="tel"]', '555');
  await page.click('pierce/input[type="search"]');
  await waitFor(page, '.error', 'too short');
  assert.equal(await disabled(page, 'button[part="submit"]'), true);

  // SL-4: other formats — a bare national number needs a prefix; E.164 is accepted.
  await page.click('pierce/label.choice input[type="checkbox"]');
  await typeInto(page, 'input[type="tel"]', '2015550123');
  await page.click('pierce/input[type="tel"]');
  await page.keyboard.press('Tab');
  await waitFor(page, '.error', 'Start with +');
  await typeInto(page, 'input[type="tel"]', '+1 415 555 0123');

  // SL-8 and SL-9: team and remember.
  await page.select('pierce/select[id$="-team"]', 'team-billing');
  const remember = await page.$$('pierce/label.choice input[type="checkbox"]');
  await remember.at(-1).click();
  await page.waitForFunction(() => !document.querySelector('cc-station-login').shadowRoot.querySelector('[part="submit"]').disabled);

  // SL-10: signed in, the summary shows the E.164 number.
  await page.click('pierce/button[part="submit"]');
  await waitFor(page, '[part="summary"]');
  assert.match(await text(page, '[part="summary"]'), /Dial Number \+14155550123/);
  const saved = await page.evaluate(() => localStorage.getItem('cc-elements:station'));
  assert.deepEqual(JSON.parse(saved), {
    role: 'supervisorAgent',
    stationKind: 'dialNumber',
    international: false,
    country: 'US',
    dialNumber: '+1 415 555 0123',
    teamId: 'team-billing',
  });

  // ST-2: every channel starts Not Ready. ST-1: All → Ready.
  await waitFor(page, '[part="trigger"]', 'All channels Not Ready');
  await page.click('pierce/[part="trigger"]');
  await page.click('pierce/[role="group"][data-target="all"] [role="menuitem"][data-status="ready"]');
  await waitFor(page, '[part="trigger"]', 'All channels Ready');

  // SL-11: sign-out is refused while Ready, and says why.
  assert.equal(await disabled(page, 'button[part="sign-out"]'), true);
  assert.match(await text(page, '[part="summary"]'), /Set every channel to Not Ready/);

  // ST-3/ST-4: voice → Not Ready – Lunch; then All → Not Ready leaves Lunch in place.
  await page.click('pierce/[part="trigger"]');
  const lunch = await page.$$('pierce/[role="group"][data-target="voice"] [role="menuitem"]');
  const labels = await Promise.all(lunch.map((b) => b.evaluate((e) => e.textContent.trim())));
  await lunch[labels.indexOf('Not Ready – Lunch')].click();
  await waitFor(page, '[part="channel"][data-channel="voice"]', 'Not Ready – Lunch');
  await page.click('pierce/[part="trigger"]');
  await page.click('pierce/[role="group"][data-target="all"] [role="menuitem"][data-status="notReady"]');
  await waitFor(page, '[part="trigger"]', 'All channels Not Ready');
  assert.match(await text(page, '[part="channel"][data-channel="voice"]'), /Not Ready – Lunch/);

  // SL-11: now sign-out is allowed; SL-9: the next form is prefilled from what was remembered.
  await page.waitForFunction(() => !document.querySelector('cc-station-login').shadowRoot.querySelector('[part="sign-out"]').disabled);
  await page.click('pierce/button[part="sign-out"]');
  await waitFor(page, 'form[part="form"]');
  await page.waitForFunction(
    () => document.querySelector('cc-station-login').shadowRoot.querySelector('input[type="tel"]')?.value === '+1 415 555 0123',
  );

  assert.deepEqual(errors, []);
  await page.close();
});

test('SL-10: a refusal armed in the simulator panel is shown with its trace id', async () => {
  const { page, errors } = await open('?scenario=agentOnly');
  await page.select('#fault-code', 'network');
  await page.click('#fault-form button');
  await typeInto(page, 'input[type="tel"]', '2015550123');
  await page.select('pierce/select[id$="-team"]', 'team-billing');
  await page.waitForFunction(() => !document.querySelector('cc-station-login').shadowRoot.querySelector('[part="submit"]').disabled);
  await page.click('pierce/button[part="submit"]');
  await waitFor(page, '[part="server-error"]');
  const message = await text(page, '[part="server-error"]');
  assert.match(message, /could not be reached/);
  assert.match(message, /Trace id: \S+/);
  assert.deepEqual(errors, []);
  await page.close();
});

/** The voice channel reads "Ready" (not "Not Ready …") in the agent state. */
async function voiceReady(page) {
  await page.waitForFunction(
    () => {
      const channel = document.querySelector('cc-agent-state').shadowRoot.querySelector('[part="channel"][data-channel="voice"]');
      return channel && /(^|\s)Ready/.test(channel.textContent.replace(/\s+/g, ' ')) && !/Not Ready/.test(channel.textContent);
    },
    { timeout: 5000, polling: 50 },
  );
}

test('CB-1…CB-5, QL-5, WU-2: a whole call on the simulator — ready, offer, accept, hold, resume, end, forced wrap-up, ready', async () => {
  const { page, errors } = await open('?scenario=liveTraffic&traffic=off&agent=ana.popescu');
  await typeInto(page, 'input[type="tel"]', '2015550123');
  await page.select('pierce/select[id$="-team"]', 'team-billing');
  await page.waitForFunction(() => !document.querySelector('cc-station-login').shadowRoot.querySelector('[part="submit"]').disabled);
  await page.click('pierce/button[part="submit"]');
  await waitFor(page, '[part="summary"]');

  // QL-1/QL-5: Ana's queues arrive; Support is disabled for her until she ticks it and confirms.
  await waitFor(page, '[part="row"][data-queue-id="q-support"]', 'Support');
  await page.click('pierce/[part="row"][data-queue-id="q-support"] [part="checkbox"]');
  await page.click('pierce/[part="confirm"]');
  await waitFor(page, '[part="success"]');
  await page.waitForFunction(() => window.ccClient.state.queues.find((q) => q.id === 'q-support')?.enabled === true);

  // ST-1: voice Ready, so calls are routed to her.
  await waitFor(page, '[part="trigger"]', 'All channels Not Ready');
  await page.click('pierce/[part="trigger"]');
  await page.click('pierce/[role="group"][data-target="voice"] [role="menuitem"][data-status="ready"]');
  await voiceReady(page);

  // CB-1: a caller for Support rings with caller id, queue and a countdown; CB-5: the host screen-pops.
  await page.select('#call-queue', 'q-support');
  await page.type('#call-from', '+14155550188');
  await page.click('#send-call');
  await waitFor(page, '[part="call"][data-status="offered"] [part="number"]', '+1');
  assert.match(await text(page, '[part="call"][data-status="offered"]'), /Support/);
  await waitFor(page, '[part="call"][data-status="offered"] [part="countdown"]', '0:');
  await waitFor(page, '#crm-log', 'Ringing: looking up +14155550188');

  // CB-2/CB-3: accept → connected with a duration; hold, resume.
  await page.click('pierce/[part="accept"]');
  await waitFor(page, '[part="call"][data-status="active"] [part="duration"]', '0:');
  await waitFor(page, '#crm-log', 'Connected');
  await page.click('pierce/[part="hold"]');
  await waitFor(page, '[part="call"][data-status="held"]');
  await page.click('pierce/[part="resume"]');
  await waitFor(page, '[part="call"][data-status="active"]');

  // CB-3 end → WU-2 forced wrap-up: Close disabled until a reason is chosen, then closes.
  await page.click('pierce/[part="end"]');
  await waitFor(page, '#crm-log', 'Ended');
  await waitFor(page, '[part="wrapup"][data-forced]');
  await waitFor(page, '[part="countdown"]', '0:');
  const closeDisabled = () => page.$eval('pierce/[part="close"]', (b) => b.disabled || b.getAttribute('aria-disabled') === 'true');
  assert.equal(await closeDisabled(), true);
  const reasons = await page.$$('pierce/[part="reason"]');
  const names = await Promise.all(reasons.map((r) => r.evaluate((e) => e.textContent.trim())));
  await reasons[names.findIndex((n) => n.includes('Resolved'))].click();
  await page.waitForFunction(
    () => {
      const find = (root) =>
        root.querySelector('[part="close"]') ??
        [...root.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean);
      const close = find(document);
      return close && !close.disabled && close.getAttribute('aria-disabled') !== 'true';
    },
    { timeout: 5000, polling: 50 },
  );
  await page.click('pierce/[part="close"]');
  await page.waitForFunction(() => window.ccClient.state.tasks.length === 0, { timeout: 5000, polling: 50 });
  await waitFor(page, '[part="idle"]');

  // Ready again for the next caller; the server kept the closing reason.
  await voiceReady(page);
  assert.deepEqual(errors, []);
  await page.close();
});

/** Signs Ana in on the digital scenario and sets one channel group Ready. */
async function digitalDesk(group) {
  const opened = await open('?scenario=digital&agent=ana.popescu');
  const { page } = opened;
  await typeInto(page, 'input[type="tel"]', '2015550123');
  await page.select('pierce/select[id$="-team"]', 'team-billing');
  await page.waitForFunction(() => !document.querySelector('cc-station-login').shadowRoot.querySelector('[part="submit"]').disabled);
  await page.click('pierce/button[part="submit"]');
  await waitFor(page, '[part="summary"]');
  await waitFor(page, '[part="trigger"]', 'All channels Not Ready');
  await page.click('pierce/[part="trigger"]');
  await page.click(`pierce/[role="group"][data-target="${group}"] [role="menuitem"][data-status="ready"]`);
  return opened;
}

/** The first task of a medium in `status`, from the demo's client. */
const firstTask = (page, media, status) =>
  page
    .waitForFunction(
      (m, s) => window.ccClient.state.tasks.find((t) => t.media === m && t.status === s)?.id,
      { timeout: 10000, polling: 50 },
      media,
      status,
    )
    .then((h) => h.jsonValue());

/** Clicks a part inside <cc-task-pane> (optionally within an element of the pane carrying `data-task-id`). */
async function paneClick(page, selector) {
  const handle = await page.waitForFunction(
    (sel) => document.querySelector('cc-task-pane').shadowRoot.querySelector(sel),
    { timeout: 5000, polling: 50 },
    selector,
  );
  await handle.asElement().click();
}

test('TP-1…TP-14: a whole chat through the task pane — offer, accept, the customer writes, reply, receipts, end, wrap-up', async () => {
  const { page, errors } = await digitalDesk('chatSocial');
  const taskId = await firstTask(page, 'chat', 'offered');
  await paneClick(page, `[part="offer"][data-task-id="${taskId}"] [part="accept"]`);
  await page.waitForFunction((id) => window.ccClient.state.threads[id]?.status === 'loaded', { timeout: 5000 }, taskId);

  // The customer writes; the agent answers with Enter (chat) and sees the receipt move on.
  await page.click('#customer-writes');
  await page.waitForFunction(
    (id) => window.ccClient.state.threads[id].messages.some((m) => m.author === 'customer' && m.text === 'One more thing…'),
    {},
    taskId,
  );
  await paneClick(page, '[part="input"]');
  await page.keyboard.type('Thanks — I am on it.');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (id) =>
      window.ccClient.state.threads[id].messages.some(
        (m) => m.author === 'agent' && m.text === 'Thanks — I am on it.' && m.receipt === 'read',
      ),
    { timeout: 10000, polling: 100 },
    taskId,
  );
  assert.equal(await page.evaluate((id) => window.ccClient.state.drafts[id], taskId), undefined);

  // TP-14 End → forced wrap-up in the pane, closed with a reason.
  await paneClick(page, '[part="end"]');
  await page.waitForFunction((id) => window.ccClient.state.tasks.find((t) => t.id === id)?.status === 'wrapUp', { timeout: 5000 }, taskId);
  const reason = await page.evaluate(() => window.ccClient.state.tenant.wrapUpReasons[0].id);
  await page.evaluate((id, r) => window.ccClient.chooseWrapUpReason(id, r), taskId, reason);
  await page.waitForFunction(() => {
    const picker = document.querySelector('cc-task-pane').shadowRoot.querySelector('cc-wrapup-picker');
    const close = picker?.shadowRoot.querySelector('[part="close"]');
    return close && !close.disabled && close.getAttribute('aria-disabled') !== 'true';
  });
  await page.evaluate(() =>
    document.querySelector('cc-task-pane').shadowRoot.querySelector('cc-wrapup-picker').shadowRoot.querySelector('[part="close"]').click(),
  );
  await page.waitForFunction((id) => !window.ccClient.state.tasks.some((t) => t.id === id), { timeout: 5000 }, taskId);
  assert.deepEqual(errors, []);
  await page.close();
});

test('EM-1…EM-8: a whole email — offer, accept, the hostile email shown safely, reply typed in the editor, sent and delivered', async () => {
  const { page, errors } = await digitalDesk('email');
  // The first email is hostile (a script, an onerror handler, a javascript: link): any of them would open a dialog.
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const taskId = await firstTask(page, 'email', 'offered');
  await paneClick(page, `[part="offer"][data-task-id="${taskId}"] [part="accept"]`);
  await page.waitForFunction((id) => window.ccClient.state.threads[id]?.status === 'loaded', { timeout: 5000 }, taskId);

  // The hostile email is on screen, sanitised: nothing of it ran.
  await page.waitForFunction(() => document.querySelector('cc-task-pane').shadowRoot.textContent.includes('INV-2291'), {
    timeout: 5000,
    polling: 100,
  });
  assert.deepEqual(dialogs, []);

  // The reply area of <cc-email-composer> inside the pane: type in the editor (loaded lazily), send.
  const editor = await page.waitForFunction(
    () =>
      document
        .querySelector('cc-task-pane')
        .shadowRoot.querySelector('cc-email-composer')
        ?.shadowRoot.querySelector('[part="editor"][contenteditable="true"], [part="editor"] [contenteditable="true"]'),
    { timeout: 10000, polling: 100 },
  );
  await editor.asElement().click();
  await page.keyboard.type('Dear customer, your refund is on its way.');
  const send = await page.waitForFunction(() => {
    const button = document
      .querySelector('cc-task-pane')
      .shadowRoot.querySelector('cc-email-composer')
      .shadowRoot.querySelector('[part="send"]');
    return button && button.getAttribute('aria-disabled') !== 'true' && !button.disabled && button;
  });
  await send.asElement().click();
  await page.waitForFunction(
    (id) =>
      window.ccClient.state.threads[id].messages.some(
        (m) =>
          m.author === 'agent' && m.email?.kind === 'sent' && m.html?.includes('your refund is on its way') && m.receipt === 'delivered',
      ),
    { timeout: 10000, polling: 100 },
    taskId,
  );
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('SV-1, SV-3: the supervisor desktop — sign in as a supervisor, the floor in the grid, an agent moved Not Ready', async () => {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1440, height: 1000 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('favicon') && errors.push(m.text()));
  await page.goto(`${base}supervisor/?floor=supervisorFloor&traffic=off`, { waitUntil: 'networkidle0' });
  await waitFor(page, 'form[part="form"]');

  // Camille supervises three teams; she signs in on the desktop phone (a team is asked only where the role needs one).
  await page.click('pierce/input[name="station"][value="desktop"]');
  if (await page.$('pierce/select[id$="-team"]')) await page.select('pierce/select[id$="-team"]', 'team-support-emea');
  await page.waitForFunction(() => !document.querySelector('cc-station-login').shadowRoot.querySelector('[part="submit"]').disabled);
  await page.click('pierce/button[part="submit"]');

  // SV-1: the floor's forty agents arrive in the grid (virtualised: a window of rows is drawn).
  await page.waitForFunction(() => Object.keys(window.ccClient.state.roster).length >= 40, { timeout: 5000 });
  // The virtualiser draws the rows in view: bring the grid into view.
  await page.evaluate(() => document.querySelector('cc-supervisor-grid').scrollIntoView());
  await waitFor(page, '[part="row"][data-agent-id]');
  const drawn = await page.$$('pierce/[part="row"][data-agent-id]');
  assert.ok(drawn.length > 0 && drawn.length <= 40, `rows drawn: ${drawn.length}`);

  // SV-1: search narrows the list to one agent who is Ready.
  const ready = await page.evaluate(() => Object.values(window.ccClient.state.roster).find((a) => a.status === 'ready'));
  assert.ok(ready, 'a Ready agent on the floor');
  // (The queue list has a search field too: this is the grid's.)
  const search = await page.$('cc-supervisor-grid >>> input[part="search"]');
  await search.click();
  await search.type(ready.name);
  await waitFor(page, `[part="row"][data-agent-id="${ready.id}"]`, ready.name);
  const gridCount = () => document.querySelector('cc-supervisor-grid').shadowRoot.querySelector('[part="count"]')?.textContent ?? '';
  await page.waitForFunction(`(${gridCount})().includes('of 40 agents')`, { timeout: 5000 });

  // SV-3: a Finesse-style supervisor moves them Not Ready with a reason, through the core (the simulator obliges).
  await page.evaluate((id) => window.ccClient.setAgentStatus(id, 'notReady', window.ccClient.state.tenant.notReadyReasons[0].id), ready.id);
  await page.waitForFunction((id) => window.ccClient.state.roster[id]?.status === 'notReady', { timeout: 5000 }, ready.id);
  await waitFor(page, `[part="row"][data-agent-id="${ready.id}"] [part="status"]`, 'Not Ready');
  assert.deepEqual(errors, []);
  await context.close();
});
