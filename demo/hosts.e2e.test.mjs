// PL-7: the Webex-style desktop layout (demo/hosts/webex-desktop-layout.json). First its shape, per
// the protocol notes (../shared/protocols/webex-desktop.md §1): the role desktops and their keys,
// every widget entry a tag that cc-elements.js defines with the bundle as its script, grids that
// name their widgets. Then the layout itself in real Chromium, in a Webex-style host page served as
// it is next to the bundle (scripts/cdn.mjs builds both): each area in its own shadow root, the
// widgets share the headless <cc-simulator>'s client, and an agent signs in and goes Ready.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { waitFor } from './e2e-support.mjs';
import { buildPages } from '../scripts/cdn.mjs';
import { serveStatic } from '../scripts/static-server.mjs';

const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const layout = JSON.parse(read('demo/hosts/webex-desktop-layout.json'));

/** Where scripts/cdn.mjs puts the bundle inside the widgets package, and so where a CDN serving npm packages has it. */
const WIDGETS_PACKAGE = JSON.parse(read('packages/widgets/package.json')).name;
const CDN_PATH = `/${WIDGETS_PACKAGE}/dist/cdn/cc-elements.js`;

/** The tags each registration file defines: `cc-provider.ts` → cc-provider. */
const registrations = Object.fromEntries(
  readdirSync(new URL('../packages/widgets/src/', import.meta.url))
    .filter((file) => /^cc-.*\.ts$/.test(file) && file !== 'cc-all.ts')
    .map((file) => [file.replace(/\.ts$/, ''), /define\('(cc-[a-z-]+)'/.exec(read(`packages/widgets/src/${file}`))?.[1]]),
);
const cdnEntry = read('packages/widgets/cdn/cc-elements.ts');
/** Every tag cc-elements.js defines: the registration files it imports and its own. */
const BUNDLE_TAGS = new Set([
  ...Object.entries(registrations)
    .filter(([file]) => cdnEntry.includes(`import '@cc-elements/widgets/${file}.js';`))
    .map(([, tag]) => tag),
  ...[...cdnEntry.matchAll(/define\('(cc-[a-z-]+)'/g)].map((m) => m[1]),
]);

const ROLES = ['agent', 'supervisor', 'supervisorAgent'];
/** The keys each role's desktop has in the starter repository's current-format layouts (§1.1). */
const ROLE_KEYS = {
  version: 'string',
  appTitle: 'string',
  logo: 'string',
  stopNavigateOnAcceptTask: 'boolean',
  dragDropEnabled: 'boolean',
  notificationTimer: 'number',
  maximumNotificationCount: 'number',
  browserNotificationTimer: 'number',
  wxmConfigured: 'boolean',
  desktopChatApp: 'object',
  taskPageIllustration: 'string',
  area: 'object',
};

/** Every widget entry of a desktop, with where it sits: header, headless, pages (and a panel's tree, if any). */
function widgetEntries(desktop) {
  const entries = [];
  const visit = (entry, where) => {
    if (typeof entry !== 'object' || entry === null) return;
    if (typeof entry.comp === 'string') entries.push({ entry, where });
    for (const child of entry.children ?? []) visit(child, where);
  };
  for (const entry of desktop.area.advancedHeader ?? []) visit(entry, 'advancedHeader');
  for (const [key, entry] of Object.entries(desktop.area.headless?.widgets ?? {})) visit(entry, `headless.${key}`);
  if (desktop.area.panel) visit(desktop.area.panel, 'panel');
  for (const { page } of desktop.area.navigation ?? []) {
    for (const [key, entry] of Object.entries(page.widgets)) visit(entry, `${page.id}.${key}`);
  }
  return entries;
}

/** `{widgets, layout}` areas of a desktop: headless and each navigation page. */
const gridAreas = (desktop) => [
  ...(desktop.area.headless ? [['headless', desktop.area.headless]] : []),
  ...(desktop.area.navigation ?? []).map(({ page }) => [page.id, page]),
];

test('PL-1: cc-elements.js registers every widget (each registration file is imported by the CDN entry)', () => {
  assert.ok(Object.keys(registrations).length >= 9);
  for (const [file, tag] of Object.entries(registrations)) {
    assert.ok(tag, `${file}.ts defines a tag`);
    assert.ok(BUNDLE_TAGS.has(tag), `cc-elements.js defines <${tag}>`);
  }
  assert.ok(BUNDLE_TAGS.has('cc-simulator'));
});

test('PL-7: the Webex-style layout has a desktop per role with the keys the Desktop reads', () => {
  assert.deepEqual(Object.keys(layout).sort(), [...ROLES].sort());
  for (const role of ROLES) {
    const desktop = layout[role];
    for (const [key, type] of Object.entries(ROLE_KEYS)) {
      assert.equal(typeof desktop[key], type, `${role}.${key} is a ${type}`);
    }
    assert.match(desktop.version, /^\d+\.\d+\.\d+$/);
    assert.equal(typeof desktop.desktopChatApp.webexConfigured, 'boolean');
    assert.ok(Array.isArray(desktop.area.navigation) && desktop.area.navigation.length > 0, `${role} has a page of widgets`);
  }
});

test('PL-7: every widget the layout names is a cc-elements.js tag, loaded from the CDN bundle, with string attributes', () => {
  const scripts = new Set();
  for (const role of ROLES) {
    const entries = widgetEntries(layout[role]);
    assert.ok(
      entries.some(({ entry }) => entry.comp.startsWith('cc-')),
      `${role} uses widgets`,
    );
    for (const { entry, where } of entries) {
      const name = `${role} ${where} <${entry.comp}>`;
      if (!entry.comp.startsWith('cc-')) {
        assert.equal(entry.script, undefined, `${name}: the Desktop's own components need no script`);
        continue;
      }
      assert.ok(BUNDLE_TAGS.has(entry.comp), `${name} is defined by cc-elements.js`);
      assert.equal(typeof entry.script, 'string', `${name} has a script`);
      const url = new URL(entry.script);
      assert.equal(url.protocol, 'https:', `${name}: the Desktop loads widgets over https`);
      assert.ok(url.pathname.endsWith(CDN_PATH), `${name}: script is the CDN bundle (…${CDN_PATH}), not ${entry.script}`);
      scripts.add(entry.script);
      for (const [attribute, value] of Object.entries(entry.attributes ?? {})) {
        assert.match(attribute, /^[a-z][a-z0-9-]*$/, `${name}: attribute ${attribute}`);
        assert.equal(typeof value, 'string', `${name}: attribute ${attribute} is a string (the Desktop sets attributes)`);
      }
      for (const value of Object.values(entry.properties ?? {})) {
        assert.match(String(value), /^\$STORE\./, `${name}: properties are $STORE bindings`);
      }
      if (entry.wrapper) assert.equal(typeof entry.wrapper.title, 'string', `${name}: its card has a title`);
    }
    // The client comes from one headless element per desktop (no <cc-provider> spans the Desktop's areas).
    const clients = entries.filter(({ entry }) => entry.comp === 'cc-simulator');
    assert.equal(clients.length, 1, `${role}: one client source`);
    assert.match(clients[0].where, /^headless\./, `${role}: the client source is headless`);
  }
  assert.equal(scripts.size, 1, 'one script URL for every widget: the one file');
});

test('PL-7: every grid names its widgets and sizes its rows and columns; each page is reachable', () => {
  for (const role of ROLES) {
    const desktop = layout[role];
    for (const [id, { widgets, layout: grid }] of gridAreas(desktop)) {
      const where = `${role} ${id}`;
      assert.ok(grid.areas.length > 0 && grid.areas.every((row) => row.length === grid.areas[0].length), `${where}: a rectangular grid`);
      const named = new Set(grid.areas.flat());
      assert.deepEqual([...named].sort(), Object.keys(widgets).sort(), `${where}: the grid places every widget, and only those`);
      assert.equal(grid.size.cols.length, grid.areas[0].length, `${where}: a size per column`);
      assert.equal(grid.size.rows.length, grid.areas.length, `${where}: a size per row`);
    }
    const ids = desktop.area.navigation.map(({ page }) => page.id);
    assert.equal(new Set(ids).size, ids.length, `${role}: page ids are unique`);
    for (const { nav, page } of desktop.area.navigation) {
      assert.equal(nav.navigateTo, page.id, `${role}: the nav entry "${nav.label}" opens its page`);
      assert.equal(typeof nav.label, 'string');
    }
  }
});

// ——— The layout in a Webex-style host, in Chromium. ———

let dir;
let server;
let browser;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cc-hosts-'));
  await buildPages(dir);
  server = await serveStatic(join(dir, 'hosts'));
  browser = await puppeteer.launch({ executablePath: CHROME_PATH, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens the host for `role`; returns the page and the errors it logs. */
async function openHost(role) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1440, height: 1000 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${server.url}webex-host.html?role=${role}`, { waitUntil: 'networkidle0' });
  return { context, page, errors };
}

/**
 * Every cc-* element the host created (through the areas' shadow roots, not into the widgets' own),
 * with the attributes its tag does not observe.
 */
const createdWidgets = (page) =>
  page.evaluate(() => {
    const all = (root) =>
      [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot && !e.localName.startsWith('cc-') ? all(e.shadowRoot) : [])]);
    return all(document.body)
      .filter((e) => e.localName.startsWith('cc-'))
      .map((e) => ({
        tag: e.localName,
        defined: customElements.get(e.localName) !== undefined,
        unknownAttributes: e
          .getAttributeNames()
          .filter((a) => !['style', 'hidden', 'lang', 'theme'].includes(a))
          .filter((a) => !(customElements.get(e.localName)?.observedAttributes ?? []).includes(a)),
      }));
  });

test('PL-7: the agent desktop of the layout in a Webex-style host — widgets in separate areas share the headless simulator; sign in, go Ready; another agent, and every widget follows', async () => {
  const { context, page, errors } = await openHost('agent');

  // One script tag for every widget: the bundle, loaded once.
  assert.equal(await page.$$eval('script[data-widget-script]', (s) => s.length), 1);
  const widgets = await createdWidgets(page);
  assert.deepEqual(widgets.map((w) => w.tag).sort(), [
    'cc-agent-state',
    'cc-call-banner',
    'cc-queue-list',
    'cc-simulator',
    'cc-station-login',
    'cc-task-pane',
    'cc-wrapup-picker',
  ]);
  for (const widget of widgets) {
    assert.ok(widget.defined, `<${widget.tag}> is defined`);
    assert.deepEqual(widget.unknownAttributes, [], `<${widget.tag}>'s attributes are its own`);
  }

  // The station login (on the page) has the simulator's profile: its client came through the shadow roots.
  await waitFor(page, 'form[part="form"]');
  await page.type('pierce/input[type="tel"]', '2015550123');
  await page.select('pierce/select[id$="-team"]', 'team-billing');
  await page.waitForFunction(
    () =>
      document.querySelector('#page > div').shadowRoot.querySelector('cc-station-login').shadowRoot.querySelector('[part="submit"]')
        .disabled === false,
    { timeout: 10_000 },
  );
  await page.click('pierce/button[part="submit"]');
  await waitFor(page, '[part="summary"]', '+12015550123');

  // The agent state (in the header, another area) follows the same client: ST-2 then ST-1.
  await waitFor(page, '[part="trigger"]', 'All channels Not Ready');
  await page.click('pierce/[part="trigger"]');
  await page.click('pierce/[role="group"][data-target="all"] [role="menuitem"][data-status="ready"]');
  await waitFor(page, '[part="trigger"]', 'All channels Ready');
  // QL-1: the queue list on the page shows Ana's queues from the same client.
  await waitFor(page, '[part="row"][data-queue-id="q-sales"]', 'Sales');

  // Another agent in the headless element: a new simulator, whose client every widget follows (SL-1: Maya has three roles).
  await page.evaluate(() =>
    document.querySelector('#headless').shadowRoot.querySelector('cc-simulator').setAttribute('agent-id', 'maya.patel'),
  );
  await waitFor(page, 'input[name="role"][value="supervisorAgent"]');
  await waitFor(page, '[part="trigger"]', 'Not signed in');

  assert.deepEqual(errors, []);
  await context.close();
});

test('PL-7: the supervisor and Supervisor+Agent desktops of the layout load in the host with every widget defined', async () => {
  for (const [role, tags] of [
    ['supervisor', ['cc-queue-list', 'cc-simulator', 'cc-station-login', 'cc-supervisor-grid']],
    [
      'supervisorAgent',
      [
        'cc-agent-state',
        'cc-call-banner',
        'cc-queue-list',
        'cc-queue-list',
        'cc-simulator',
        'cc-station-login',
        'cc-station-login',
        'cc-supervisor-grid',
        'cc-task-pane',
        'cc-wrapup-picker',
      ],
    ],
  ]) {
    const { context, page, errors } = await openHost(role);
    await waitFor(page, 'form[part="form"]');
    // Every page of the desktop, opened once.
    for (const button of await page.$$('#navigation button')) await button.click();
    const widgets = await createdWidgets(page);
    assert.deepEqual(widgets.map((w) => w.tag).sort(), tags, role);
    for (const widget of widgets) {
      assert.ok(widget.defined, `${role}: <${widget.tag}> is defined`);
      assert.deepEqual(widget.unknownAttributes, [], `${role}: <${widget.tag}>'s attributes are its own`);
    }
    assert.deepEqual(errors, [], role);
    await context.close();
  }
});
