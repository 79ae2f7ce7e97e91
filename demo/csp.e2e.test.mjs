// PL-6: every widget under a strict Content-Security-Policy with Trusted Types, in real Chromium.
// The test builds demo/csp (esbuild: one module and its lazy chunks, nothing inline), serves it from
// 127.0.0.1 with exactly the policy of issue 7 as a header, records every `securitypolicyviolation`
// (listened for before any page script runs), every page error and console error, then uses the
// page as an agent and a supervisor would — and fails on any violation, printing them. A second run
// adds a `trusted-types` allow-list with only the policy names the README gives hosts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { buildCspPage, serveWithPolicy, STRICT_CSP } from './csp/serve.mjs';

/** The policy names the widgets create: Lit's, ours (inert parsing, DOMPurify), ProseMirror's (paste). */
const POLICY_NAMES = 'trusted-types lit-html cc-elements ProseMirrorClipboard';
const POLICIES = [
  {
    title:
      "PL-6: under default-src/script-src/style-src 'self' and require-trusted-types-for 'script', every widget works with no violation",
    policy: STRICT_CSP,
  },
  {
    title:
      'PL-6: with a trusted-types allow-list of lit-html, cc-elements and ProseMirrorClipboard only, every widget still works with no violation',
    policy: `${STRICT_CSP}; ${POLICY_NAMES}`,
  },
];

let dir;
const servers = new Map();
let browser;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cc-csp-'));
  await buildCspPage(dir);
  for (const { policy } of POLICIES) servers.set(policy, await serveWithPolicy(dir, { policy }));
  browser = await puppeteer.launch({ executablePath: CHROME_PATH, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  for (const server of servers.values()) await server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Waits until an element matching `selector` (searched through shadow roots under `scope`) exists
 * and, when `expected` is given, contains that text. Polls: mutations in shadow roots are not observed.
 */
async function waitFor(page, scope, selector, expected = '') {
  await page.waitForFunction(
    (sc, sel, want) => window.ccFind(sc, sel)?.textContent.replace(/\s+/g, ' ').includes(want),
    { timeout: 10_000, polling: 50 },
    scope,
    selector,
    expected,
  );
}

/** The element matching `selector` under `scope` (through shadow roots), once it is there and enabled. */
async function element(page, scope, selector) {
  await page.waitForFunction(
    (sc, sel) => {
      const el = window.ccFind(sc, sel);
      return el && !el.disabled && el.getAttribute('aria-disabled') !== 'true';
    },
    { timeout: 10_000, polling: 50 },
    scope,
    selector,
  );
  return page.evaluateHandle((sc, sel) => window.ccFind(sc, sel), scope, selector);
}

async function click(page, scope, selector) {
  await (await element(page, scope, selector)).click();
}

/** The id of the agent's task of this medium (the page puts the agent's client on the window). */
const taskId = (page, media) => page.evaluate((m) => window.ccAgent.state.tasks.find((t) => t.media === m)?.id, media);

async function typeInto(page, scope, selector, value) {
  const input = await element(page, scope, selector);
  await input.click({ count: 3 });
  await page.keyboard.press('Backspace');
  await input.type(value);
}

for (const { title, policy } of POLICIES) {
  test(title, () => run(policy));
}

async function run(policy) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // The browser asks for /favicon.ico by itself; the page has none (a data: icon would break the policy).
    if (m.type() === 'error' && !m.location()?.url?.endsWith('/favicon.ico')) problems.push(`console error: ${m.text()}`);
  });
  // Before any script of the page: every violation, wherever it happens (they are composed events);
  // and the test's finder, put there by the browser (a string evaluated in the page would be a violation).
  await page.evaluateOnNewDocument(() => {
    /**
     * `selector` under the light-DOM element `scope` (in it, its shadow root, and every shadow root
     * below); `a >> b` finds `b` under the `a` found so (across a shadow boundary, e.g. into a nested widget).
     */
    window.ccFind = (scope, selector) => {
      const find = (root, sel) =>
        root.querySelector(sel) ?? [...root.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot, sel)).find(Boolean);
      const within = (start, sel) => start && ((start.shadowRoot && find(start.shadowRoot, sel)) ?? find(start, sel));
      return selector.split(' >> ').reduce((found, sel) => within(found, sel), document.querySelector(scope));
    };
    window.__violations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : '';
        // The element it happened on, and the widget (shadow host) it is in.
        const target = e.composedPath()[0];
        const host = target instanceof Node ? target.getRootNode().host : undefined;
        const on = target instanceof Element ? ` on ${target.outerHTML.slice(0, 120)}` : '';
        const within = host ? ` in <${host.localName}>` : '';
        window.__violations.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}${on}${within}${where} sample=${JSON.stringify(e.sample)}`,
        );
      },
      true,
    );
  });

  let failure;
  try {
    await use(page, policy);
  } catch (error) {
    failure = error;
  }
  const violations = await page.evaluate(() => window.__violations);
  if (violations.length > 0) console.log(`PL-6 violations:\n  ${violations.join('\n  ')}`);
  if (problems.length > 0) console.log(`PL-6 errors:\n  ${problems.join('\n  ')}`);
  await context.close();
  if (failure) throw failure;
  assert.deepEqual(violations, [], 'no securitypolicyviolation');
  assert.deepEqual(problems, [], 'no page or console error');
}

/** Everything an agent and a supervisor do on the page. */
async function use(page, policy) {
  const response = await page.goto(servers.get(policy).url, { waitUntil: 'networkidle0' });
  assert.equal(response.headers()['content-security-policy'], policy);
  assert.equal(await page.evaluate(() => typeof window.trustedTypes?.createPolicy), 'function');

  // SL-10: the agent signs in on a dial number (libphonenumber-js is a lazy chunk of this origin).
  await typeInto(page, '#agent cc-station-login', 'input[type="tel"]', '2015550123');
  await page.evaluate(() => {
    const select = window.ccFind('#agent cc-station-login', 'select[id$="-team"]');
    select.value = 'team-billing';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await click(page, '#agent cc-station-login', 'button[part="submit"]');
  await waitFor(page, '#agent cc-station-login', '[part="summary"]', '+12015550123');

  // The supervisor signs in on the same floor.
  await typeInto(page, '#supervisor cc-station-login', 'input[type="tel"]', '2015550188');
  await click(page, '#supervisor cc-station-login', 'button[part="submit"]');
  await waitFor(page, '#supervisor cc-station-login', '[part="summary"]', '+12015550188');

  // ST-1: all Ready.
  await waitFor(page, '#agent cc-agent-state', '[part="trigger"]', 'All channels Not Ready');
  await click(page, '#agent cc-agent-state', '[part="trigger"]');
  await click(page, '#agent cc-agent-state', '[role="group"][data-target="all"] [role="menuitem"][data-status="ready"]');
  await waitFor(page, '#agent cc-agent-state', '[part="trigger"]', 'All channels Ready');

  // QL-2: the queue list shows Ana's queues.
  await waitFor(page, '#agent cc-queue-list', 'table, [role="grid"], [role="table"]');

  // CB-1/CB-2: a call rings, is answered, then ended (CB-3); WU-2: a reason chosen and closed.
  await page.click('#send-call');
  await waitFor(page, '#agent cc-call-banner', '[part="call"][data-status="offered"] [part="number"]', '+14155550199');
  await click(page, '#agent cc-call-banner', '[part="call"][data-status="offered"] [part="accept"]');
  await waitFor(page, '#agent cc-call-banner', '[part="call"][data-status="active"] [part="duration"]', '0:');
  await click(page, '#agent cc-call-banner', '[part="call"][data-status="active"] [part="end"]');
  await click(page, '#agent cc-wrapup-picker', '[part="wrapup"][data-media="voice"] [part="reason"]');
  await click(page, '#agent cc-wrapup-picker', '[part="wrapup"][data-media="voice"] [part="close"]');
  await waitFor(page, '#agent cc-wrapup-picker', '[part="idle"]');

  // TP-1: a chat offered and accepted; TP-6: a reply sent; the customer writes back (TP-5).
  await page.click('#send-chat');
  await click(page, '#agent cc-task-pane', '[part="offer"][data-media="chat"] [part="accept"]');
  await waitFor(page, '#agent cc-task-pane', '[part="conversation"][data-task-id] [part="thread"]', 'where is my parcel');
  await typeInto(page, '#agent cc-task-pane', '[part="composer"] [part="input"]', 'It left our warehouse this morning.');
  await page.keyboard.press('Enter');
  await waitFor(page, '#agent cc-task-pane', '[part="thread"]', 'It left our warehouse this morning.');
  await page.click('#customer-writes');
  await waitFor(page, '#agent cc-task-pane', '[part="thread"]', 'Thanks, that helps.');

  // EM-1: an email offered in the composer and accepted; EM-2/EM-4: its HTML shown sanitised, with
  // its styles, links and (after "Show images") its image from this origin.
  await page.click('#send-email');
  await click(page, '#email', '[part="offer"] [part="accept"]');
  await waitFor(page, '#email', '[part="body"]');
  const body = await page.waitForFunction(
    () => {
      const host = window.ccFind('#email', '[part="body"]');
      return host?.shadowRoot?.querySelector('.brand') ? host : undefined;
    },
    { timeout: 10_000, polling: 50 },
  );
  await click(page, '#email', '[part="show-images"]');
  const shown = await page.waitForFunction(
    (host) => {
      const root = host.shadowRoot;
      const img = root.querySelector('img[alt="Acme logo"]');
      if (!img?.complete || img.naturalWidth === 0) return undefined;
      const styled = (sel) => getComputedStyle(root.querySelector(sel));
      return {
        image: img.naturalWidth,
        sheet: styled('.brand').fontWeight,
        inline: styled('p[style]').color,
        links: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        scripts: root.querySelectorAll('script, [onclick]').length,
      };
    },
    { timeout: 10_000, polling: 50 },
    body,
  );
  const email = await shown.jsonValue();
  assert.equal(email.image, 120, 'the image from this origin loaded');
  assert.equal(email.sheet, '700', "the email's own style sheet applies in its shadow root");
  assert.equal(email.inline, 'rgb(185, 28, 28)', "the email's inline style applies");
  assert.deepEqual(email.links, ['https://tracking.example.com/ORD-8812', 'mailto:ana.customer@example.org', null]);
  assert.equal(email.scripts, 0);

  // EM-4: a reply typed in the ProseMirror editor, formatted (bold, colour, indent, quote), HTML pasted; EM-8: sent.
  const editor = await element(page, '#email', '[part="editor"]');
  await editor.click();
  await page.keyboard.type('Dear Ravi, ');
  await click(page, '#email', '[part="tool"][data-tool="bold"]');
  await page.keyboard.type('we are sorry.');
  await click(page, '#email', '[part="tool"][data-tool="color"]');
  await click(page, '#email', '[part="panel"] .swatch');
  await page.keyboard.type(' A refund is on its way.');
  await click(page, '#email', '[part="tool"][data-tool="indent"]');
  await page.keyboard.press('Enter');
  await click(page, '#email', '[part="tool"][data-tool="blockquote"]');
  await page.keyboard.type('Quoted line');
  // A paste of HTML, as from another mail or a web page (ProseMirror parses it in a detached document).
  await editor.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/html', '<p>Pasted <em>rich</em> <span style="color: #15803d">text</span></p>');
    data.setData('text/plain', 'Pasted rich text');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction((el) => el.textContent.includes('Pasted rich text'), { timeout: 10_000, polling: 50 }, editor);
  const editorLook = await editor.evaluate((el) => ({
    color: [...el.querySelectorAll('span')].some((s) => getComputedStyle(s).color !== getComputedStyle(el).color),
    indent: parseFloat(getComputedStyle(el.querySelector('p')).marginLeft),
  }));
  assert.ok(editorLook.color, 'the coloured text shows in its colour in the editor');
  assert.equal(editorLook.indent, 40, 'the indented paragraph shows indented in the editor');
  await click(page, '#email', '[part="send"]');
  await waitFor(page, '#email', '[part="thread"]', 'A refund is on its way.');

  // TP-14/WU-2: the email ended from the task pane, its wrap-up chosen and closed there.
  await click(page, '#agent cc-task-pane', `[part="task"][data-task-id="${await taskId(page, 'email')}"]`);
  await click(page, '#agent cc-task-pane', '[part="conversation"] [part="end"]');
  await click(page, '#agent cc-task-pane', '[part="wrap-up"] >> [part="reason"]');
  await click(page, '#agent cc-task-pane', '[part="wrap-up"] >> [part="close"]');
  await page.waitForFunction(() => !window.ccAgent.state.tasks.some((t) => t.media === 'email'), { timeout: 10_000, polling: 50 });

  // SV-1: the supervisor's grid shows the floor; scrolled, the rows further down are drawn; SV-3: an
  // agent's action menu opened; SV-2: the queues view.
  await waitFor(page, '#supervisor cc-supervisor-grid', '[part="row"] [part="name"]');
  const names = () =>
    page.evaluate(() =>
      [...window.ccFind('#supervisor cc-supervisor-grid', '[part="grid"]').querySelectorAll('[part="row"] [part="name"]')].map((n) =>
        n.textContent.trim(),
      ),
    );
  const before = await names();
  await page.evaluate(() => {
    const grid = window.ccFind('#supervisor cc-supervisor-grid', '[part="grid"]');
    grid.scrollTop = grid.scrollHeight;
  });
  await page.waitForFunction(
    (seen) =>
      [...window.ccFind('#supervisor cc-supervisor-grid', '[part="grid"]').querySelectorAll('[part="row"] [part="name"]')].some(
        (n) => !seen.includes(n.textContent.trim()),
      ),
    { timeout: 10_000, polling: 50 },
    before,
  );
  await click(page, '#supervisor cc-supervisor-grid', '[part="row"] [part="actions"]');
  await waitFor(page, '#supervisor cc-supervisor-grid', '[part="menu"] [part="menu-item"]');
  await page.keyboard.press('Escape');
  await click(page, '#supervisor cc-supervisor-grid', '[part="tab"]:not([aria-selected="true"])');
  await waitFor(page, '#supervisor cc-supervisor-grid', '[part="queue-row"]');

  // SL-11: the agent ends the chat, wraps it up, goes Not Ready everywhere and signs out.
  await click(page, '#agent cc-task-pane', `[part="task"][data-task-id="${await taskId(page, 'chat')}"]`);
  await click(page, '#agent cc-task-pane', '[part="conversation"] [part="end"]');
  await click(page, '#agent cc-task-pane', '[part="wrap-up"] >> [part="reason"]');
  await click(page, '#agent cc-task-pane', '[part="wrap-up"] >> [part="close"]');
  await page.waitForFunction(() => window.ccAgent.state.tasks.length === 0, { timeout: 10_000, polling: 50 });
  await click(page, '#agent cc-agent-state', '[part="trigger"]');
  await click(page, '#agent cc-agent-state', '[role="group"][data-target="all"] [role="menuitem"][data-status="notReady"]');
  await waitFor(page, '#agent cc-agent-state', '[part="trigger"]', 'All channels Not Ready');
  await click(page, '#agent cc-station-login', 'button[part="sign-out"]');
  await waitFor(page, '#agent cc-station-login', 'form[part="form"]');
}
