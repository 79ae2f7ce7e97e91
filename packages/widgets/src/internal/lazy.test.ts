// P1: widgets whose code loads on first use (lazyDefine) — loaded when one is on the page, in the
// document, in a widget's shadow root or in a root the host names; upgraded with what was set before.

import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { CcElement } from './cc-element.js';
import { define } from './define.js';
import { defineWidgetsIn, lazyDefine, widgetAvailable } from './lazy.js';

let count = 0;
const uniqueTag = () => `cc-lazy-probe-${++count}`;

class Probe extends LitElement {
  @property() label = 'unset';
  override render() {
    return html`<span>${this.label}</span>`;
  }
}

/** A loader that defines `tag` when called, and counts its calls. */
function loader(tag: string) {
  const calls = { count: 0 };
  const load = () => {
    calls.count += 1;
    define(tag, class extends Probe {});
    return Promise.resolve();
  };
  return { calls, load };
}

describe('lazyDefine (P1: widget code loads on first use)', () => {
  it('loads nothing until an element with the tag is on the page, then upgrades it keeping what was set before', async () => {
    const tag = uniqueTag();
    const { calls, load } = loader(tag);
    lazyDefine(tag, load);
    expect(calls.count).to.equal(0);
    expect(widgetAvailable(tag)).to.equal(true);
    expect(customElements.get(tag)).to.equal(undefined);

    const element = document.createElement(tag) as Probe;
    element.label = 'set before the upgrade';
    expect(calls.count, 'not yet on the page').to.equal(0);

    document.body.append(element);
    expect(calls.count, 'after the next paint').to.equal(0);
    await customElements.whenDefined(tag);
    await (element as Probe).updateComplete;
    expect(calls.count).to.equal(1);
    expect(element.shadowRoot!.textContent).to.equal('set before the upgrade');

    document.body.append(document.createElement(tag));
    await Promise.resolve();
    expect(calls.count, 'loaded once').to.equal(1);
    document.querySelectorAll(tag).forEach((e) => e.remove());
  });

  it('loads a widget already in the document when registered', async () => {
    const tag = uniqueTag();
    const container = await fixture(`<div><${tag}></${tag}></div>`);
    const { calls, load } = loader(tag);
    lazyDefine(tag, load);
    expect(calls.count, 'the first view is painted first').to.equal(0);
    await customElements.whenDefined(tag);
    expect(calls.count).to.equal(1);
    expect(container.firstElementChild).to.be.instanceOf(customElements.get(tag)!);
  });

  it("loads a widget another widget renders in its shadow root (the task pane's wrap-up picker)", async () => {
    const inner = uniqueTag();
    const outer = uniqueTag();
    const { calls, load } = loader(inner);
    lazyDefine(inner, load);
    class Outer extends CcElement {
      @property({ type: Boolean }) showInner = false;
      override render() {
        return this.showInner ? html`<div>${document.createElement(inner)}</div>` : html`<p>nothing yet</p>`;
      }
    }
    define(outer, Outer);
    const host = await fixture<Outer>(`<${outer}></${outer}>`);
    expect(calls.count).to.equal(0);
    host.showInner = true;
    await host.updateComplete;
    await customElements.whenDefined(inner);
    expect(calls.count).to.equal(1);
    expect(host.shadowRoot!.querySelector(inner)).to.be.instanceOf(customElements.get(inner)!);
  });

  it("loads widgets in a host's own shadow root when the host names it", async () => {
    const tag = uniqueTag();
    const { calls, load } = loader(tag);
    lazyDefine(tag, load);
    const host = await fixture(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<${tag}></${tag}>`;
    await Promise.resolve();
    expect(calls.count, 'a shadow root the widgets do not own is not watched').to.equal(0);
    defineWidgetsIn(root);
    await customElements.whenDefined(tag);
    expect(calls.count).to.equal(1);
  });

  it('reports a failed load and tries again with the next element', async () => {
    const tag = uniqueTag();
    let attempts = 0;
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      lazyDefine(tag, () => {
        attempts += 1;
        if (attempts === 1) return Promise.reject(new Error('offline'));
        define(tag, class extends Probe {});
        return Promise.resolve();
      });
      document.body.append(document.createElement(tag));
      await waitUntil(() => errors.length === 1, 'the failure is reported');
      expect(String(errors[0]![0])).to.contain(`<${tag}>`);
      expect(widgetAvailable(tag)).to.equal(true);

      document.body.append(document.createElement(tag));
      await customElements.whenDefined(tag);
      expect(attempts).to.equal(2);
    } finally {
      console.error = original;
      document.querySelectorAll(tag).forEach((e) => e.remove());
    }
  });

  it('leaves a tag defined at once alone', () => {
    const tag = uniqueTag();
    define(tag, class extends Probe {});
    let called = false;
    lazyDefine(tag, () => ((called = true), Promise.resolve()));
    document.body.append(document.createElement(tag));
    expect(called).to.equal(false);
    expect(widgetAvailable(tag)).to.equal(true);
    expect(widgetAvailable(uniqueTag())).to.equal(false);
    document.querySelectorAll(tag).forEach((e) => e.remove());
  });
});
