// PL-5 and KB: an agent's whole shift with the keyboard only — real keystrokes (sendKeys), no click,
// no element.click(), no focus() — on the simulator in virtual time: sign in with the station login,
// go Ready, answer and end a call, wrap it up, take, answer and end a chat, take and answer an
// email, wrap both up and sign out. After every step focus is on a visible control inside the
// widgets (never dropped to the page), and axe checks the whole desktop on the way.

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, memoryStorage, type CcClient } from '@cc-elements/core';
import { createSimAdapter, SCENARIOS, type SimScenario } from '@cc-elements/adapter-sim';
import './cc-provider.js';
import './cc-station-login.js';
import './cc-agent-state.js';
import './cc-call-banner.js';
import './cc-wrapup-picker.js';
import './cc-task-pane.js';
import './cc-email-composer.js';
import { ManualTime, settle } from '../test/helpers.js';

/** Focus where it really is, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** "cc-call-banner › end": the widget holding focus and the control, for messages. */
function where(el: Element | null): string {
  if (!el) return 'nothing';
  const host = (el.getRootNode() as ShadowRoot).host;
  const name = el.getAttribute('part') ?? el.getAttribute('role') ?? el.localName;
  return host ? `${host.localName} › ${name}` : name;
}

/** The widget (custom element) whose shadow root holds `el`. */
const widgetOf = (el: Element | null) => ((el?.getRootNode() as ShadowRoot | undefined)?.host ?? null) as HTMLElement | null;

/** PL-5: focus is on a control in the widgets and shows (`:focus-visible` with an outline or ring). */
function expectVisibleFocus(step: string): Element {
  const el = deepActive();
  expect(el && el !== document.body, `${step}: focus was dropped to the page`).to.equal(true);
  expect(widgetOf(el)?.localName ?? '', `${step}: focus left the widgets (${where(el)})`).to.match(/^cc-/);
  expect(el!.matches(':focus-visible'), `${step}: ${where(el)} has focus but does not show it`).to.equal(true);
  const style = getComputedStyle(el!);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  expect(ring, `${step}: ${where(el)} shows no focus ring`).to.equal(true);
  return el!;
}

async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
  await settle();
}

/** Presses keys together, as a person holds modifiers: chord('Control', 'Alt', '9'). */
async function chord(...keys: string[]): Promise<void> {
  const key = keys.pop()!;
  for (const modifier of keys) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  for (const modifier of [...keys].reverse()) await sendKeys({ up: modifier });
  await settle();
}

/** Tab (or Shift+Tab) until focus is on what `found` accepts; focus must never fall to the page on the way. */
async function tabTo(what: string, found: (el: Element) => boolean, { back = false, max = 60 } = {}): Promise<Element> {
  const seen: string[] = [];
  if (found(deepActive()!)) return deepActive()!;
  for (let i = 0; i < max; i++) {
    if (back) await chord('Shift', 'Tab');
    else await press('Tab');
    const el = deepActive();
    expect(el && el !== document.body, `Tab to ${what}: focus went to the page after ${seen.join(', ')}`).to.equal(true);
    if (found(el!)) return el!;
    seen.push(where(el));
  }
  throw new Error(`Tab to ${what}: not reached; passed ${seen.join(', ')}`);
}

/** A control by its widget and part. */
const control = (widget: string, part: string) => (el: Element) => widgetOf(el)?.localName === widget && el.getAttribute('part') === part;

describe('PL-5 keyboard-only walkthrough', () => {
  it('PL-5/KB: sign in → Ready → a call answered and ended → wrap-up → a chat taken, answered (Ctrl+Enter), ended → an email taken and answered → wrap-up → sign out, with the keyboard only', async function () {
    // About a hundred real keystrokes and six axe runs: longer than mocha's default (time in the simulator is virtual).
    this.timeout(60_000);
    const time = new ManualTime();
    // The digital world with nobody waiting and customers who write only when told.
    const world: SimScenario = {
      ...SCENARIOS.digital,
      queues: SCENARIOS.digital.queues.map((queue) => ({ ...queue, waitingAtStart: 0 })),
      customersReply: false,
    };
    const adapter = createSimAdapter({ scenario: world, scheduler: time.scheduler, latencyMs: 50, agentId: 'ana.popescu' });
    const client: CcClient = createClient({ adapter, scheduler: time.scheduler, storage: memoryStorage() });
    const engine = adapter.engine;
    const desk = await fixture<HTMLElement>(html`
      <main>
        <cc-provider .client=${client}>
          <header><cc-agent-state></cc-agent-state></header>
          <cc-station-login></cc-station-login>
          <cc-call-banner></cc-call-banner>
          <cc-wrapup-picker></cc-wrapup-picker>
          <cc-task-pane></cc-task-pane>
        </cc-provider>
      </main>
    `);
    const wait = (ms = 300) => time.advance(ms);
    await wait();
    const login = desk.querySelector('cc-station-login')!;
    await waitUntil(() => login.shadowRoot?.querySelector('form'), 'the station login shows its form');
    await settle();

    // ---- sign in: Extension 1001, the first team ----------------------------------------------------------
    await tabTo('the station choice', (el) => el.matches('input[type="radio"][name="station"]'));
    expectVisibleFocus('station choice');
    await press('ArrowDown');
    await login.updateComplete;
    expect((deepActive() as HTMLInputElement).value, 'Dial Number → Extension').to.equal('extension');
    await tabTo('the extension', (el) => el.matches('input[inputmode="numeric"]'));
    await sendKeys({ type: '1001' });
    await tabTo('the team', (el) => el.localName === 'select');
    await press('ArrowDown');
    expect((deepActive() as HTMLSelectElement).value).to.equal('team-billing');
    await tabTo('Sign in', control('cc-station-login', 'submit'));
    await press('Enter');
    await wait();
    expect(client.state.session?.station).to.deep.equal({ kind: 'extension', extension: '1001' });
    expectVisibleFocus('signed in');
    await expect(desk).to.be.accessible();

    // ---- go Ready: Ctrl+Shift+L opens the state menu, "All channels → Ready" ---------------------------
    await chord('Control', 'Shift', 'l');
    expect(where(expectVisibleFocus('state menu'))).to.equal('cc-agent-state › menuitem');
    expect(deepActive()!.closest('[data-target]')?.getAttribute('data-target')).to.equal('all');
    await press('Enter');
    await wait();
    expect(client.state.media.voice?.status).to.equal('ready');
    expect(client.state.media.chat?.status).to.equal('ready');
    expect(client.state.media.email?.status).to.equal('ready');
    expectVisibleFocus('Ready');

    // ---- a call: Ctrl+Alt+9 answers, End hangs up ---------------------------------------------------------
    engine.injectCall({ queueId: 'q-sales', from: '+14155550188', customerName: 'Sam Carter' });
    await wait();
    expect(client.state.tasks.map((t) => `${t.media}:${t.status}`)).to.deep.equal(['voice:offered']);
    await chord('Control', 'Alt', '9');
    await wait();
    expect(client.state.tasks.map((t) => `${t.media}:${t.status}`)).to.deep.equal(['voice:active']);
    expectVisibleFocus('call answered');
    await expect(desk).to.be.accessible();
    await tabTo('End call', control('cc-call-banner', 'end'));
    await press('Enter');
    await wait();
    expect(client.state.tasks.map((t) => `${t.media}:${t.status}`)).to.deep.equal(['voice:wrapUp']);
    expectVisibleFocus('call ended');

    // ---- wrap-up: a reason from the listbox, then Close ----------------------------------------------------
    await tabTo('the wrap-up reasons', control('cc-wrapup-picker', 'reasons'));
    await press('ArrowDown');
    await press('Enter');
    await wait();
    const call = client.state.tasks[0]!;
    expect(client.state.wrapUpChoices[call.id]).to.not.equal(undefined);
    await tabTo('Close', control('cc-wrapup-picker', 'close'));
    await press('Enter');
    await wait();
    expect(client.state.tasks).to.deep.equal([]);
    expectVisibleFocus('call wrapped up');

    // ---- a chat: Ctrl+Alt+9 accepts, Ctrl+Enter sends, End --------------------------------------------------
    const chatId = engine.injectContact({ queueId: 'dq-chat', customerName: 'Chloé Dubois', text: 'Where is my order?' });
    await wait();
    await chord('Control', 'Alt', '9');
    await wait();
    expect(client.state.tasks.map((t) => `${t.id}:${t.status}`)).to.deep.equal([`${chatId}:active`]);
    expectVisibleFocus('chat accepted');
    await tabTo('the reply field', control('cc-task-pane', 'input'));
    await sendKeys({ type: 'Order 42 ships today.' });
    await chord('Control', 'Enter');
    await wait();
    expect(
      engine
        .threadOf(chatId)
        .filter((m) => m.author === 'agent')
        .map((m) => m.text),
    ).to.deep.equal(['Order 42 ships today.']);
    expectVisibleFocus('chat answered');
    await expect(desk).to.be.accessible();
    await tabTo('End', control('cc-task-pane', 'end'), { back: true });
    await press('Enter');
    await wait();
    expect(client.state.tasks.map((t) => `${t.id}:${t.status}`)).to.deep.equal([`${chatId}:wrapUp`]);
    expectVisibleFocus('chat ended');

    // ---- an email: Ctrl+Alt+9 accepts, the reply is typed in the composer and sent ---------------------------
    const emailId = engine.injectContact({
      queueId: 'dq-email',
      customerName: 'Chloé Dubois',
      from: 'chloe.dubois@example.com',
      subject: 'Invoice charged twice',
      html: '<p>Hello, invoice INV-2291 was charged twice.</p>',
    });
    await wait();
    await chord('Control', 'Alt', '9');
    await wait(600);
    expect(client.state.tasks.find((t) => t.id === emailId)?.status).to.equal('active');
    expectVisibleFocus('email accepted');
    const composer = () => desk.querySelector('cc-task-pane')!.shadowRoot!.querySelector('cc-email-composer');
    await waitUntil(() => composer()?.shadowRoot?.querySelector('[part="editor"][contenteditable="true"]'), 'the email editor loads');
    await tabTo('the email body', (el) => el.matches('[contenteditable="true"]'));
    await sendKeys({ type: 'We have refunded the second charge.' });
    await tabTo('Send', control('cc-email-composer', 'send'));
    await press('Enter');
    await wait();
    const replies = engine.threadOf(emailId).filter((m) => m.author === 'agent');
    expect(replies.map((m) => m.html ?? m.text).join(' ')).to.contain('We have refunded the second charge.');
    expectVisibleFocus('email sent');
    await tabTo('End', control('cc-task-pane', 'end'), { back: true });
    await press('Enter');
    await wait();
    expect(client.state.tasks.map((t) => t.status)).to.deep.equal(['wrapUp', 'wrapUp']);
    expectVisibleFocus('email ended');

    // ---- wrap-up of the chat and the email ---------------------------------------------------------------
    for (const taskId of [chatId, emailId]) {
      await tabTo(
        `the wrap-up reasons of ${taskId}`,
        (el) => control('cc-wrapup-picker', 'reasons')(el) && el.closest(`[data-task-id="${taskId}"]`) !== null,
        {
          back: true,
        },
      );
      await press('Enter');
      await wait();
      await tabTo('Close', control('cc-wrapup-picker', 'close'));
      await press('Enter');
      await wait();
      expectVisibleFocus(`${taskId} wrapped up`);
    }
    expect(client.state.tasks).to.deep.equal([]);

    // ---- Not Ready everywhere, then sign out -----------------------------------------------------------------
    await chord('Control', 'Shift', 'l');
    await press('ArrowDown');
    expect(deepActive()!.getAttribute('data-status')).to.equal('notReady');
    await press('Enter');
    await wait();
    expect(client.state.media.voice?.status).to.equal('notReady');
    await tabTo('Sign out', control('cc-station-login', 'sign-out'), { back: true });
    await press('Enter');
    await wait();
    expect(client.state.session).to.equal(undefined);
    expectVisibleFocus('signed out');
    await expect(desk).to.be.accessible();
    client.dispose();
    engine.dispose();
  });
});
