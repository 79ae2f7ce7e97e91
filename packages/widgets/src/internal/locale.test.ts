// PL-4 in the browser: the widgets' language switched at runtime through <cc-provider locale> and
// through the client's stored choice, French and Romanian on screen (with lang set for screen
// readers, and axe passing in French), Intl formatting per language, and right-to-left layouts.

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { memoryStorage, LOCALE_KEY, type CcClient } from '@cc-elements/core';
import '../cc-provider.js';
import '../cc-station-login.js';
import '../cc-agent-state.js';
import '../cc-task-pane.js';
import '../cc-email-composer.js';
import type { CcProvider } from '../provider/provider.js';
import { activeLocale, formatSeconds, formatSpokenDuration, resolveLocale, setActiveLocale } from './locale.js';
import { scriptedClient, settle, shadow } from '../../test/helpers.js';

const words = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const textOf = (tag: string, root: ParentNode) => words(root.querySelector(tag)?.shadowRoot);

/** An agent signed in with voice Ready and chat, on a scripted backend. */
function agent(storage = memoryStorage()): CcClient {
  return scriptedClient({ storage, tenant: { media: ['voice', 'chat'] } }).client;
}

async function desktop(client: CcClient, locale?: string): Promise<CcProvider> {
  const el = await fixture<CcProvider>(
    html`<cc-provider .client=${client} locale=${locale ?? ''}>
      <cc-station-login></cc-station-login>
      <cc-agent-state></cc-agent-state>
      <cc-task-pane></cc-task-pane>
    </cc-provider>`,
  );
  if (locale === undefined) el.removeAttribute('locale');
  await settle();
  return el;
}

/** The three widgets' text once each shows `expected` (the catalogue loads asynchronously). */
async function saying(root: ParentNode, expected: Record<'cc-station-login' | 'cc-agent-state' | 'cc-task-pane', string>) {
  for (const [tag, text] of Object.entries(expected)) {
    await waitUntil(() => textOf(tag, root).includes(text), `${tag} never said "${text}": ${textOf(tag, root)}`);
  }
}

const FRENCH = {
  'cc-station-login': 'Se déconnecter',
  'cc-agent-state': 'Prêt',
  'cc-task-pane': 'Aucune conversation pour l’instant.',
} as const;
const ROMANIAN = {
  'cc-station-login': 'Deconectare',
  'cc-agent-state': 'Disponibil',
  'cc-task-pane': 'Încă nu există conversații.',
} as const;
const ENGLISH = { 'cc-station-login': 'Sign out', 'cc-agent-state': 'Ready', 'cc-task-pane': 'No conversations yet.' } as const;

describe('PL-4 locale switching', () => {
  afterEach(async () => {
    await setActiveLocale('en');
  });

  it('PL-4: <cc-provider locale="fr"> shows agent state, station login and task pane in French, with lang="fr", and axe passes', async () => {
    const el = await desktop(agent(), 'fr');
    await saying(el, FRENCH);
    // French typography: a no-break space before the colon.
    expect(el.querySelector('cc-agent-state')!.shadowRoot!.textContent).to.include('Voix\u00a0:');
    expect(textOf('cc-station-login', el)).to.include('Connecté en tant que Test Agent');
    for (const tag of ['cc-station-login', 'cc-agent-state', 'cc-task-pane']) {
      const widget = el.querySelector(tag)!;
      expect(widget.getAttribute('lang'), tag).to.equal('fr');
      await expect(widget).to.be.accessible();
    }
  });

  it('PL-4: changing the attribute at runtime switches every widget (fr → ro → en)', async () => {
    const el = await desktop(agent(), 'fr');
    await saying(el, FRENCH);
    el.locale = 'ro';
    await saying(el, ROMANIAN);
    expect(el.querySelector('cc-agent-state')!.getAttribute('lang')).to.equal('ro');
    el.locale = 'en';
    await saying(el, ENGLISH);
    expect(el.querySelector('cc-task-pane')!.getAttribute('lang')).to.equal('en');
  });

  it('PL-4: the provider follows the client (client.setLocale), and the attribute wins over it', async () => {
    const client = agent();
    const el = await desktop(client);
    await saying(el, ENGLISH);
    await client.setLocale('ro');
    await saying(el, ROMANIAN);
    el.setAttribute('locale', 'fr');
    await saying(el, FRENCH);
    await client.setLocale('en');
    await settle();
    await saying(el, FRENCH);
    el.removeAttribute('locale');
    await saying(el, ENGLISH);
  });

  it('PL-4: the language the agent chose before a reload comes back from the client storage (ro-RO → ro)', async () => {
    const el = await desktop(agent(memoryStorage({ [LOCALE_KEY]: 'ro-RO' })));
    await saying(el, ROMANIAN);
    expect(activeLocale()).to.equal('ro');
  });

  it('PL-4: a page lang set by the host on a widget is left alone', async () => {
    const el = await fixture<CcProvider>(
      html`<cc-provider .client=${agent()} locale="fr"><cc-agent-state lang="fr-CA"></cc-agent-state></cc-provider>`,
    );
    await waitUntil(() => textOf('cc-agent-state', el).includes('Prêt'));
    expect(el.querySelector('cc-agent-state')!.getAttribute('lang')).to.equal('fr-CA');
  });

  it('PL-4: regional tags fall back by language; unknown languages fall back to English with one warning', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      expect(resolveLocale('fr-CA')).to.equal('fr');
      expect(resolveLocale('ro_RO')).to.equal('ro');
      expect(resolveLocale('EN-gb')).to.equal('en');
      expect(warnings).to.have.length(0);
      expect(resolveLocale('de-DE')).to.equal('en');
      expect(resolveLocale('de-DE')).to.equal('en');
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]![0])).to.include('de-DE');

      const el = await desktop(agent(), 'fr');
      await saying(el, FRENCH);
      el.locale = 'es';
      await saying(el, ENGLISH);
    } finally {
      console.warn = warn;
    }
  });

  it('PL-4: durations and counts in words go through Intl in the active language', async () => {
    await setActiveLocale('fr');
    expect(formatSeconds(10)).to.match(/^10\ssecondes$/);
    expect(formatSpokenDuration(65_000)).to.match(/^1\sminute et 5\ssecondes$/);
    await setActiveLocale('ro');
    expect(formatSeconds(10)).to.match(/^10\ssecunde$/);
    expect(formatSeconds(20)).to.match(/^20\sde\ssecunde$/);
    await setActiveLocale('en');
    expect(formatSpokenDuration(3_725_000)).to.match(/^1\shour, 2\sminutes, and 5\sseconds$/);
  });

  it('PL-4: the time in state is spoken as a duration in the active language', async () => {
    const el = await desktop(agent(), 'fr');
    await saying(el, FRENCH);
    const time = shadow(el.querySelector('cc-agent-state')!, '[part="channel"] time');
    expect(time.getAttribute('aria-label')).to.match(/^depuis \d+\ssecondes?$/);
  });
});

describe('PL-4 right-to-left', () => {
  const box = (node: Element) => node.getBoundingClientRect();

  /** The widget `tag` for `client` inside a block of the given direction, once `ready` finds what it shows. */
  async function inDirection(dir: 'ltr' | 'rtl', tag: string, client: CcClient, ready: (el: Element) => unknown): Promise<Element> {
    const wrap = await fixture<HTMLDivElement>(html`<div dir=${dir} style="inline-size: 40rem"></div>`);
    const el = document.createElement(tag) as HTMLElement & { client: CcClient | undefined };
    el.client = client;
    wrap.append(el);
    await waitUntil(() => ready(el), `${tag} (${dir}) did not render`);
    await settle();
    return el;
  }

  it('PL-4: in dir="rtl" agent state channel rows and the station login start on the right', async () => {
    const client = agent();
    const row = (el: Element) => el.shadowRoot?.querySelector('[part="channel"]');
    const [ltr, rtl] = [await inDirection('ltr', 'cc-agent-state', client, row), await inDirection('rtl', 'cc-agent-state', client, row)];
    // A channel row: its name leads, the time in state trails.
    const name = (el: Element) => row(el)!.firstElementChild!;
    const time = (el: Element) => row(el)!.querySelector('time')!;
    expect(box(name(ltr)).left).to.be.below(box(time(ltr)).left);
    expect(box(name(rtl)).left).to.be.above(box(time(rtl)).left);
    await expect(rtl).to.be.accessible();

    // The signed-in summary's heading: its text sits against the start edge.
    const heading = (el: Element) => el.shadowRoot?.querySelector('h2');
    const [ltrLogin, rtlLogin] = [
      await inDirection('ltr', 'cc-station-login', client, heading),
      await inDirection('rtl', 'cc-station-login', client, heading),
    ];
    const text = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(heading(el)!);
      return range.getBoundingClientRect();
    };
    expect(text(ltrLogin).left - box(ltrLogin).left).to.be.below(box(ltrLogin).right - text(ltrLogin).right);
    expect(box(rtlLogin).right - text(rtlLogin).right).to.be.below(text(rtlLogin).left - box(rtlLogin).left);
  });

  it('PL-4: in dir="rtl" a task pane offer has its channel icon and its Accept button on the right', async () => {
    const { client, adapter } = scriptedClient({ tenant: { media: ['chat'] } });
    adapter.emit({
      type: 'task.updated',
      task: {
        id: 'chat-1',
        media: 'chat',
        status: 'offered',
        since: 0,
        customerName: 'Dana Reyes',
        queueName: 'Support',
        offerExpiresAt: 60_000,
      },
    });
    const accept = (el: Element) => el.shadowRoot?.querySelector('[part="offer"] [part="accept"]');
    const [ltr, rtl] = [await inDirection('ltr', 'cc-task-pane', client, accept), await inDirection('rtl', 'cc-task-pane', client, accept)];
    const head = (el: Element) => el.shadowRoot!.querySelector('[part="offer"] .head')!;
    const icon = (el: Element) => head(el).firstElementChild!;
    const title = (el: Element) => head(el).querySelector('strong')!;
    const offer = (el: Element) => el.shadowRoot!.querySelector('[part="offer"]')!;
    expect(box(icon(ltr)).left).to.be.below(box(title(ltr)).left);
    expect(box(icon(rtl)).left).to.be.above(box(title(rtl)).left);
    expect(box(accept(ltr)!).left - box(offer(ltr)).left).to.be.below(box(offer(ltr)).right - box(accept(ltr)!).right);
    expect(box(offer(rtl)).right - box(accept(rtl)!).right).to.be.below(box(accept(rtl)!).left - box(offer(rtl)).left);
    await expect(rtl).to.be.accessible();
  });

  it('PL-4: in dir="rtl" the email toolbar moves to the next tool with ArrowLeft, and the indent glyphs are mirrored', async () => {
    const { client, adapter } = scriptedClient({ tenant: { media: ['email'] } });
    adapter.respond((command) => {
      if (command.type === 'thread.load') adapter.emit({ type: 'thread.loaded', taskId: command.taskId, messages: [] });
    });
    adapter.emit({
      type: 'task.updated',
      task: { id: 'em-1', media: 'email', status: 'active', since: 0, startedAt: 0, customerName: 'Chloé Dubois', queueName: 'Support' },
    });
    const wrap = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><cc-email-composer .client=${client} task-id="em-1" mode="reply"></cc-email-composer></div>`,
    );
    const el = wrap.querySelector('cc-email-composer')!;
    const tools = () => [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~="toolbar"] [data-tool]') ?? [])];
    await waitUntil(() => el.shadowRoot?.querySelector('[part="editor"]') && tools().length > 2, 'the editor did not load', {
      timeout: 5000,
    });
    tools()[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.shadowRoot!.activeElement).to.equal(tools()[1]);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(tools()[0]);
    const indent = el.shadowRoot!.querySelector('.icon-indent')!;
    expect(getComputedStyle(indent).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
  });
});
