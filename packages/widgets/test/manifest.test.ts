// PL-1: custom-elements.json tells a host (and Storybook, IDEs, the React wrappers) what each
// widget is: its tag, a summary, its `cc-*` events with their types, its parts and CSS properties
// and its properties. These tests hold the manifest against the sources, so a widget cannot ship
// an event, a part or a property its JSDoc does not declare, and a stale manifest fails.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWidgets, WIDGETS_DIR, widgetsOf, type Item, type Widget } from './manifest.js';

const fresh = analyzeWidgets();
const widgets = widgetsOf(fresh);
const pkg = JSON.parse(readFileSync(join(WIDGETS_DIR, 'package.json'), 'utf8')) as { customElements?: string; files?: string[] };

const read = (path: string) => readFileSync(join(WIDGETS_DIR, path), 'utf8');
const sources = (folder: string) =>
  readdirSync(join(WIDGETS_DIR, folder))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => read(join(folder, f)));
const names = (items: readonly { name: string }[] | undefined) => (items ?? []).map((i) => i.name).sort();
const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);

/** Parts drawn by a template: static `part="a b"` and the first argument of `commandButton('a', …)`. */
const partsIn = (text: string) => [
  ...all(text, /\bpart="([^"$]+)"/g).flatMap((p) => p.split(/\s+/)),
  ...all(text, /commandButton\(\s*'([^']+)'/g),
];

/** Shared pieces in src/internal (errorLine, noticeItem …): the parts each function draws. */
const sharedParts = new Map(
  sources('src/internal').flatMap((text) =>
    text
      .split(/^export function /m)
      .slice(1)
      .map((chunk) => [/^\w+/.exec(chunk)![0], partsIn(chunk)] as const),
  ),
);

/** Every part a widget draws: its folder's templates, the shared pieces it calls, the base's banner. */
function partsDrawn(widget: Widget, folderText: string): string[] {
  const shared = [...sharedParts].flatMap(([fn, parts]) => (new RegExp(`\\b${fn}\\(`).test(folderText) ? parts : []));
  const base = widget.superclass?.name === 'CcElement' ? ['connection-lost'] : [];
  return [...new Set([...partsIn(folderText), ...shared, ...base])].sort();
}

/** The `cc-*` events a module declares in `declare global { interface HTMLElementEventMap { … } }`. */
function declaredEvents(moduleText: string): string[] {
  const body = /interface HTMLElementEventMap \{([^}]*)\}/.exec(moduleText)?.[1] ?? '';
  return all(body, /'(cc-[a-z0-9-]+)'\s*:/g).sort();
}

/** The `cc-*` events a widget's code sends: `emit('cc-…')`, or queued as `{ type: 'cc-…' }` and sent later. */
function dispatchedEvents(folderText: string): string[] {
  return [...new Set([...all(folderText, /\bemit\(\s*'(cc-[a-z0-9-]+)'/g), ...all(folderText, /\btype:\s*'(cc-[a-z0-9-]+)'/g)])].sort();
}

describe('PL-1 custom-elements manifest', () => {
  it('PL-1: package.json names custom-elements.json in "customElements" and ships it in "files"', () => {
    expect(pkg.customElements).toBe('custom-elements.json');
    expect(pkg.files).toContain('custom-elements.json');
  });

  it('PL-1: the manifest in the package is what the analyzer makes of the sources now (`npm run cem` writes it)', () => {
    const file = join(WIDGETS_DIR, pkg.customElements ?? 'custom-elements.json');
    expect(existsSync(file), `${file} is missing: run \`npm run cem\``).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')), `${file} is stale: run \`npm run cem\``).toEqual(fresh);
  });

  it('PL-1: every tag the registration files define is in it, on its class', () => {
    const registered = readdirSync(join(WIDGETS_DIR, 'src'))
      .filter((f) => /^cc-.+\.ts$/.test(f))
      .flatMap((f) => [...read(join('src', f)).matchAll(/\bdefine\('(cc-[a-z0-9-]+)', (\w+)\)/g)].map((m) => `${m[1]} ${m[2]}`));
    expect(registered.length).toBeGreaterThan(0);
    expect(widgets.map((w) => `${w.tagName} ${w.name}`).sort()).toEqual(registered.sort());
    expect(widgets.every((w) => w.customElement)).toBe(true);
  });

  describe.each(widgets.map((w) => [w.tagName, w] as const))('PL-1 <%s>', (tag, widget) => {
    const folder = dirname(widget.module);
    const folderText = sources(folder).join('\n');

    it(`PL-1 <${tag}>: has a @summary`, () => {
      expect(widget.summary?.trim(), `${widget.module}: add @summary to the class JSDoc`).toBeTruthy();
    });

    it(`PL-1 <${tag}>: @fires names exactly the cc-* events it declares in HTMLElementEventMap and sends, each with its type`, () => {
      const declared = declaredEvents(read(widget.module));
      expect(names(widget.events), `${widget.module}: @fires vs HTMLElementEventMap`).toEqual(declared);
      expect(dispatchedEvents(folderText), `${folder}: events sent vs HTMLElementEventMap`).toEqual(declared);
      for (const event of widget.events ?? []) expect(event.type?.text, event.name).toMatch(/^CustomEvent<.+>$/);
    });

    it(`PL-1 <${tag}>: every part it draws is a @csspart`, () => {
      const documented = new Set(names(widget.cssParts));
      expect(
        partsDrawn(widget, folderText).filter((part) => !documented.has(part)),
        `${widget.module}: add @csspart lines`,
      ).toEqual([]);
    });

    it(`PL-1 <${tag}>: every --${tag}-* property its styles read is a @cssproperty`, () => {
      const documented = new Set(names(widget.cssProperties));
      const used = new Set(all(folderText, new RegExp(`(--${tag}-[a-z0-9-]+)`, 'g')));
      expect(
        [...used].filter((property) => !documented.has(property)),
        `${widget.module}: add @cssproperty lines`,
      ).toEqual([]);
    });

    it(`PL-1 <${tag}>: every public property, attribute, event, part, CSS property and slot says what it is`, () => {
      const items: (readonly [string, Item])[] = [
        ...(widget.members ?? []).filter((m) => m.kind === 'field' && !m.static).map((m) => [`property ${m.name}`, m] as const),
        ...(widget.attributes ?? []).map((a) => [`attribute ${a.name}`, a] as const),
        ...(widget.events ?? []).map((e) => [`event ${e.name}`, e] as const),
        ...(widget.cssParts ?? []).map((p) => [`part ${p.name}`, p] as const),
        ...(widget.cssProperties ?? []).map((p) => [`CSS property ${p.name}`, p] as const),
        ...(widget.slots ?? []).map((s) => [`slot ${s.name || '(default)'}`, s] as const),
      ];
      const undescribed = items.filter(([, item]) => !item.description?.trim()).map(([label]) => label);
      expect(undescribed, `${widget.module}: add a JSDoc line`).toEqual([]);
    });

    if (tag !== 'cc-provider') {
      // <cc-provider> draws nothing of its own (display: contents around a slot): no parts, no properties.
      it(`PL-1 <${tag}>: documents its parts and its own CSS properties`, () => {
        expect(widget.cssParts?.length ?? 0).toBeGreaterThan(0);
        expect(widget.cssProperties?.length ?? 0).toBeGreaterThan(0);
      });
    }
  });
});
