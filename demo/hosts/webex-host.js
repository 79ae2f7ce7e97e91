// The Webex-style host's script: reads the desktop layout, loads each widget `script` once (as a
// module), and creates every element with its attributes — the header's widgets, the navigation
// pages' widgets on a grid from `layout`, and the headless ones. Each area is a shadow root of its
// own, as in the real Desktop, so no element encloses the widgets of two areas. `properties` and
// `$STORE` bindings are not emulated (the example layout uses none).

const params = new URLSearchParams(location.search);
const role = params.get('role') ?? 'agent';
const scriptParam = params.get('script');

const response = await fetch(params.get('layout') ?? './webex-desktop-layout.json');
const layout = await response.json();
const desktop = layout[role];
if (!desktop) throw new Error(`The layout has no "${role}" desktop.`);
document.querySelector('#app-title').textContent = desktop.appTitle;

/** Each distinct script once; by default the bundle served next to this page stands in for the CDN URL. */
const loaded = new Set();
function load(script) {
  const src = scriptParam === 'layout' ? script : new URL('./cc-elements.js', location.href).href;
  if (loaded.has(src)) return;
  loaded.add(src);
  const tag = document.createElement('script');
  tag.type = 'module';
  tag.src = src;
  tag.dataset.widgetScript = '';
  document.head.append(tag);
}

/** A widget entry → its element (in the optional card of `wrapper`). */
function create(entry) {
  if (entry.script) load(entry.script);
  const element = document.createElement(entry.comp);
  for (const [name, value] of Object.entries(entry.attributes ?? {})) element.setAttribute(name, value);
  if (entry.textContent) element.textContent = entry.textContent;
  if (!entry.wrapper?.title) return element;
  const card = document.createElement('section');
  card.className = 'card';
  card.setAttribute('aria-label', entry.wrapper.title);
  const title = document.createElement('h2');
  title.textContent = entry.wrapper.title;
  card.append(title, element);
  return card;
}

/** `{widgets, layout}` as a CSS grid in a new shadow root of `host` (rows as tall as their content; columns by `size.cols`). */
function area(host, { widgets, layout: grid }) {
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  const cols = grid.size?.cols ?? grid.areas[0].map(() => 1);
  style.textContent = `
    .grid { display: grid; gap: 1rem; align-items: start;
      grid-template-areas: ${grid.areas.map((row) => `"${row.join(' ')}"`).join(' ')};
      grid-template-columns: ${cols.map((c) => `minmax(0, ${c}fr)`).join(' ')};
      grid-auto-rows: auto; align-content: start; }
    .card { border: 1px solid #c4c9d2; border-radius: 0.5rem; padding: 0.75rem; min-inline-size: 0; }
    .card h2 { margin: 0 0 0.5rem; font-size: 0.95rem; }`;
  const container = document.createElement('div');
  container.className = 'grid';
  for (const [name, entry] of Object.entries(widgets)) {
    const element = create(entry);
    element.style.gridArea = name;
    container.append(element);
  }
  root.append(style, container);
}

// The header: the Desktop's own components are named only; widget entries are created.
const header = document.querySelector('#advanced-header').attachShadow({ mode: 'open' });
for (const entry of desktop.area.advancedHeader ?? []) {
  if (typeof entry === 'string') {
    const builtin = document.createElement('span');
    builtin.className = 'builtin';
    builtin.textContent = entry;
    header.append(builtin, ' ');
  } else {
    header.append(create(entry));
  }
}

if (desktop.area.headless) area(document.querySelector('#headless'), desktop.area.headless);

// The navigation: one button per page; a page is built the first time it is opened, then kept.
const pages = new Map();
const nav = document.querySelector('#navigation');
const main = document.querySelector('#page');
function open(id) {
  for (const button of nav.querySelectorAll('button')) button.setAttribute('aria-current', button.value === id ? 'page' : 'false');
  for (const [pageId, host] of pages) host.hidden = pageId !== id;
  if (pages.has(id)) return;
  const { page } = desktop.area.navigation.find((n) => n.page.id === id);
  const host = document.createElement('div');
  host.dataset.page = id;
  main.append(host);
  pages.set(id, host);
  area(host, page);
}
for (const { nav: item, page } of desktop.area.navigation ?? []) {
  const button = document.createElement('button');
  button.type = 'button';
  button.value = page.id;
  button.textContent = item.label;
  button.addEventListener('click', () => open(page.id));
  nav.append(button);
}
const first = desktop.area.navigation?.[0];
if (first) open(first.page.id);
