// KB: the shortcut table on a page as a host builds it — a field and a button of its own, and the
// agent state, call banner and task pane in one <cc-provider>. Keys are real keystrokes (sendKeys).

import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CcClient, Command, Media, Task } from '@cc-elements/core';
import type { TestAdapter } from '@cc-elements/core/testing';
import '../cc-provider.js';
import '../cc-agent-state.js';
import '../cc-call-banner.js';
import '../cc-task-pane.js';
import type { CcProvider } from '../provider/provider.js';
import type { CcAgentState } from '../agent-state/agent-state.js';
import type { CcCallBanner } from '../call-banner/call-banner.js';
import type { CcTaskPane } from '../task-pane/task-pane.js';
import { ariaKeyShortcut, DEFAULT_SHORTCUTS, matches } from './shortcuts.js';
import { ManualTime, scriptedClient, settle, shadow } from '../../test/helpers.js';

interface Page {
  readonly client: CcClient;
  readonly adapter: TestAdapter;
  readonly provider: CcProvider;
  readonly state: CcAgentState;
  readonly banner: CcCallBanner;
  readonly pane: CcTaskPane;
  readonly field: HTMLInputElement;
  readonly button: HTMLButtonElement;
}

/** A host page: its own search field and button, then the widgets in one provider, all Ready. */
async function page(): Promise<Page> {
  const time = new ManualTime();
  const { client, adapter } = scriptedClient({
    scheduler: time.scheduler,
    tenant: { media: ['voice', 'chat', 'sms', 'social', 'email'] },
  });
  adapter.respond((command) => backend(adapter, client, command));
  const root = await fixture<HTMLElement>(html`
    <div>
      <label>CRM search <input id="crm-search" /></label>
      <button id="crm-button" type="button">Open record</button>
      <cc-provider .client=${client}>
        <cc-agent-state></cc-agent-state>
        <cc-call-banner></cc-call-banner>
        <cc-task-pane></cc-task-pane>
      </cc-provider>
    </div>
  `);
  await settle();
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  return {
    client,
    adapter,
    provider: $('cc-provider'),
    state: $('cc-agent-state'),
    banner: $('cc-call-banner'),
    pane: $('cc-task-pane'),
    field: $('#crm-search'),
    button: $('#crm-button'),
  };
}

/** Answers as a backend does: states change, offers are taken. */
function backend(adapter: TestAdapter, client: CcClient, command: Command): void {
  if (command.type === 'media.setState') {
    for (const media of command.media) {
      adapter.emit({
        type: 'media.stateChanged',
        media,
        status: command.status,
        ...(command.reasonId ? { reasonId: command.reasonId } : {}),
      });
    }
  } else if (command.type === 'task.accept') {
    const task = client.state.tasks.find((t) => t.id === command.taskId)!;
    adapter.emit({ type: 'task.updated', task: { ...task, status: 'active', startedAt: 0, since: 0 } });
  }
}

/** Presses keys together, as a person holds modifiers: chord('Control', 'Shift', '4'). */
async function chord(...keys: string[]): Promise<void> {
  const key = keys.pop()!;
  for (const modifier of keys) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  for (const modifier of [...keys].reverse()) await sendKeys({ up: modifier });
  await settle();
}

/** The media each `media.setState` asked for, as "email:notReady". */
const stateCommands = (adapter: TestAdapter) =>
  adapter.commands.flatMap((c) => (c.type === 'media.setState' ? c.media.map((m: Media) => `${m}:${c.status}`) : []));
const accepted = (adapter: TestAdapter) => adapter.commands.flatMap((c) => (c.type === 'task.accept' ? [c.taskId] : []));
const statusOf = (client: CcClient, media: Media) => client.state.media[media]?.status;

/** Focus where it really is, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function call(over: Partial<Task> = {}): Task {
  return {
    id: 'call-1',
    media: 'voice',
    status: 'offered',
    since: 0,
    from: '+14155550123',
    customerName: 'Dana Reyes',
    offerExpiresAt: 20_000,
    ...over,
  };
}
function chat(over: Partial<Task> = {}): Task {
  return { id: 'chat-1', media: 'chat', status: 'offered', since: 0, customerName: 'Sam Carter', offerExpiresAt: 30_000, ...over };
}

/** A chat in hand. */
function conversation(over: Partial<Task> = {}): Task {
  const { offerExpiresAt: _offer, ...task } = chat({ status: 'active', startedAt: 0, ...over });
  return task;
}

async function emit(p: Page, ...tasks: Task[]): Promise<void> {
  for (const task of tasks) p.adapter.emit({ type: 'task.updated', task });
  await settle();
}

/** Every chord of the agent state's table, once. */
const STATE_CHORDS = [
  ['Control', 'Shift', '4'],
  ['Control', 'Shift', '5'],
  ['Control', 'Shift', '6'],
  ['Control', 'Shift', '7'],
  ['Control', 'Shift', 'v'],
  ['Control', 'Shift', 'z'],
  ['Control', 'Shift', 'l'],
] as const;

describe('KB: keyboard shortcuts', () => {
  afterEach(async () => {
    // No modifier stays held into the next test.
    for (const key of ['Control', 'Shift', 'Alt', 'Meta']) await sendKeys({ up: key });
  });

  it('KB agent state: with focus in a widget on the client, Ctrl+Shift+6/7 Not Ready, 4/5 Ready, Z and V every digital group, L opens the menu', async () => {
    const p = await page();
    // Focus in the task pane: the agent state, elsewhere on the same client, takes the keys.
    shadow(p.pane, '[part="task-list-toggle"]').focus();
    await chord('Control', 'Shift', '6');
    expect(stateCommands(p.adapter)).to.deep.equal(['email:notReady']);
    expect(statusOf(p.client, 'email')).to.equal('notReady');
    await chord('Control', 'Shift', '7');
    expect(stateCommands(p.adapter).slice(1)).to.deep.equal(['chat:notReady', 'sms:notReady', 'social:notReady']);
    await chord('Control', 'Shift', '4');
    await chord('Control', 'Shift', '5');
    expect(stateCommands(p.adapter).slice(4)).to.deep.equal(['email:ready', 'chat:ready', 'sms:ready', 'social:ready']);
    await chord('Control', 'Shift', 'z');
    expect(['chat', 'sms', 'social', 'email'].map((m) => statusOf(p.client, m as Media))).to.deep.equal(Array(4).fill('notReady'));
    expect(statusOf(p.client, 'voice'), 'voice is not a digital channel').to.equal('ready');
    await chord('Control', 'Shift', 'v');
    expect(['chat', 'sms', 'social', 'email'].map((m) => statusOf(p.client, m as Media))).to.deep.equal(Array(4).fill('ready'));
    expect(deepActive()?.getAttribute('part'), 'focus stays where the agent was').to.equal('task-list-toggle');

    // Ctrl+Shift+L: the menu opens with focus on its first entry; Escape gives focus back.
    await chord('Control', 'Shift', 'l');
    await p.state.updateComplete;
    expect(p.state.open).to.equal(true);
    expect(deepActive()?.getAttribute('role')).to.equal('menuitem');
    await sendKeys({ press: 'Escape' });
    await settle();
    expect(p.state.open).to.equal(false);
    expect(deepActive()?.getAttribute('part')).to.equal('task-list-toggle');
    expect(shadow(p.state, '[part="trigger"]').getAttribute('aria-keyshortcuts')).to.equal('Control+Shift+L');
    await expect(p.state).to.be.accessible();
  });

  it('KB: by default no shortcut acts from the host’s own field or page — the keys stay the host’s', async () => {
    const p = await page();
    await emit(p, call(), chat());
    const seen: boolean[] = [];
    const spy = (e: KeyboardEvent) => e.ctrlKey && seen.push(e.defaultPrevented);
    window.addEventListener('keydown', spy);
    try {
      for (const target of [p.field, p.button]) {
        target.focus();
        for (const keys of [
          ...STATE_CHORDS,
          ['Control', 'Alt', '9'],
          ['Control', 'Shift', '8'],
          ['Control', 'Alt', 't'],
          ['Control', 'Alt', '8'],
        ]) {
          await chord(...keys);
        }
      }
    } finally {
      window.removeEventListener('keydown', spy);
    }
    expect(stateCommands(p.adapter)).to.deep.equal([]);
    expect(accepted(p.adapter)).to.deep.equal([]);
    expect(p.state.open).to.equal(false);
    expect(p.pane.listCollapsed).to.equal(false);
    expect(seen.length).to.be.greaterThan(0);
    expect(
      seen.every((prevented) => !prevented),
      'nothing was prevented',
    ).to.equal(true);
    expect(document.activeElement).to.equal(p.button);
  });

  it('KB: page-wide with <cc-provider global-shortcuts> — from the host’s page, never from its own field', async () => {
    const p = await page();
    p.provider.globalShortcuts = true;
    await settle();
    p.field.focus();
    await chord('Control', 'Shift', '6');
    expect(stateCommands(p.adapter), 'typing in the host’s field is the host’s').to.deep.equal([]);
    p.button.focus();
    await chord('Control', 'Shift', '6');
    expect(stateCommands(p.adapter)).to.deep.equal(['email:notReady']);
    await emit(p, call());
    await chord('Control', 'Alt', '9');
    expect(accepted(p.adapter)).to.deep.equal(['call-1']);
    await chord('Control', 'Alt', 't');
    expect(p.pane.listCollapsed, 'the task pane too').to.equal(true);
    expect(document.activeElement, 'focus stays on the host’s button').to.equal(p.button);
    // Off again: the page's keys are the page's.
    p.provider.globalShortcuts = false;
    await settle();
    p.button.focus();
    await chord('Control', 'Shift', '4');
    expect(stateCommands(p.adapter)).to.deep.equal(['email:notReady']);
    // A widget may ask for itself alone.
    p.state.globalShortcuts = true;
    await chord('Control', 'Shift', '4');
    expect(stateCommands(p.adapter)).to.deep.equal(['email:notReady', 'email:ready']);
  });

  it('KB: the host remaps and turns off actions — on the provider for every widget, on a widget for itself', async () => {
    const p = await page();
    p.provider.shortcuts = { readyEmail: 'Alt+E', notReadyEmail: null, openStateMenu: '' };
    await settle();
    shadow(p.pane, '[part="task-list-toggle"]').focus();
    await chord('Control', 'Shift', '6');
    await chord('Control', 'Shift', 'l');
    expect(stateCommands(p.adapter), 'turned off').to.deep.equal([]);
    expect(p.state.open).to.equal(false);
    expect(shadow(p.state, '[part="trigger"]').hasAttribute('aria-keyshortcuts')).to.equal(false);
    await chord('Control', 'Shift', 'z');
    await chord('Control', 'Shift', '4');
    expect(stateCommands(p.adapter).slice(-1), 'the default chord no longer does it').to.deep.equal(['email:notReady']);
    await chord('Alt', 'e');
    expect(stateCommands(p.adapter).slice(-1)).to.deep.equal(['email:ready']);
    // The widget's own table wins over the provider's.
    p.state.shortcuts = { readyEmail: 'Ctrl+Shift+E' };
    await chord('Control', 'Shift', 'z');
    const before = stateCommands(p.adapter).length;
    await chord('Alt', 'e');
    expect(stateCommands(p.adapter).length).to.equal(before);
    await chord('Control', 'Shift', 'e');
    expect(stateCommands(p.adapter).slice(-1)).to.deep.equal(['email:ready']);
    // The task pane's own table: the list on Alt+L, Ctrl+Alt+T off.
    p.pane.shortcuts = { toggleTaskList: 'Alt+L' };
    await settle();
    await chord('Control', 'Alt', 't');
    expect(p.pane.listCollapsed).to.equal(false);
    await chord('Alt', 'l');
    expect(p.pane.listCollapsed).to.equal(true);
    expect(shadow(p.pane, '[part="task-list-toggle"]').getAttribute('aria-keyshortcuts')).to.equal('Alt+L');

    // The call banner: Ctrl+Alt+9 off for it, Alt+A instead; the pane's Ctrl+Alt+9 is left as it was.
    p.banner.shortcuts = { acceptOffers: 'Alt+A' };
    await emit(p, call());
    await chord('Control', 'Alt', '9');
    expect(accepted(p.adapter), 'nothing digital waits; the banner no longer takes Ctrl+Alt+9').to.deep.equal([]);
    expect(shadow(p.banner, '[part="accept"]').getAttribute('aria-keyshortcuts')).to.equal('Alt+A');
    await chord('Alt', 'a');
    expect(accepted(p.adapter)).to.deep.equal(['call-1']);
  });

  it('KB call banner and task pane: Ctrl+Alt+9 does one thing per press — the widget with focus first, else the ringing call', async () => {
    const p = await page();
    await emit(p, call(), chat(), chat({ id: 'email-1', media: 'email' }));
    expect(shadow(p.banner, '[part="accept"]').getAttribute('aria-keyshortcuts')).to.equal('Control+Alt+9');
    // Focus in the agent state: the banner answers the call, the digital offers wait.
    shadow(p.state, '[part="trigger"]').focus();
    await chord('Control', 'Alt', '9');
    expect(accepted(p.adapter)).to.deep.equal(['call-1']);
    // Nothing rings any more: the next press is the pane's, every digital offer at once.
    await chord('Control', 'Alt', '9');
    expect(accepted(p.adapter)).to.deep.equal(['call-1', 'chat-1', 'email-1']);

    // Focus in the pane: its own offers go first, the call on the next press.
    p.adapter.emit({ type: 'task.removed', taskId: 'call-1', reason: 'closed' });
    await emit(p, call({ id: 'call-2' }), chat({ id: 'chat-2' }));
    shadow(p.pane, '[part="offer"] [part="accept"]').focus();
    await chord('Control', 'Alt', '9');
    expect(accepted(p.adapter).slice(3)).to.deep.equal(['chat-2']);
    await chord('Control', 'Alt', '9');
    expect(accepted(p.adapter).slice(3)).to.deep.equal(['chat-2', 'call-2']);
    // Nothing left to accept: the key is not taken.
    const press = new KeyboardEvent('keydown', {
      key: '9',
      code: 'Digit9',
      ctrlKey: true,
      altKey: true,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    shadow(p.state, '[part="trigger"]').dispatchEvent(press);
    expect(press.defaultPrevented).to.equal(false);
    await expect(p.banner).to.be.accessible();
  });

  it('KB task pane: Ctrl+Alt+8 folds the customer details, Ctrl+Shift+8/9 move, Ctrl+Enter sends — and a remapped Send', async () => {
    const p = await page();
    const fields = [{ id: 'email', label: 'Email', value: 'sam@example.com' }];
    await emit(p, conversation({ customer: fields }), conversation({ id: 'chat-2', customer: fields }));
    p.client.selectTask('chat-1');
    await settle();
    const toggle = () => shadow(p.pane, '[part="details-toggle"]');
    expect(toggle().getAttribute('aria-keyshortcuts')).to.equal('Control+Alt+8');
    shadow(p.pane, '[part="input"]').focus();
    await chord('Control', 'Alt', '8');
    expect(toggle().getAttribute('aria-expanded')).to.equal('false');
    await chord('Control', 'Alt', '8');
    expect(toggle().getAttribute('aria-expanded')).to.equal('true');
    expect(deepActive()?.getAttribute('part'), 'typing goes on').to.equal('input');
    await chord('Control', 'Shift', '8');
    expect(p.client.state.selectedTaskId).to.equal('chat-2');
    await chord('Control', 'Shift', '9');
    expect(p.client.state.selectedTaskId).to.equal('chat-1');

    const input = shadow<HTMLTextAreaElement>(p.pane, '[part="input"]');
    input.focus();
    await sendKeys({ type: 'Hello' });
    await chord('Control', 'Enter');
    const sent = () => p.adapter.commands.flatMap((c) => (c.type === 'message.send' ? [c.message.text] : []));
    expect(sent()).to.deep.equal(['Hello']);
    p.pane.shortcuts = { send: 'Alt+S' };
    await settle();
    shadow(p.pane, '[part="input"]').focus();
    await sendKeys({ type: 'Again' });
    await chord('Alt', 's');
    expect(sent()).to.deep.equal(['Hello', 'Again']);
    expect(shadow(p.pane, '[part="send"]').getAttribute('aria-keyshortcuts')).to.equal('Alt+S');
  });

  it('KB: a key the page already handled, or a held-down repeat, is left alone', async () => {
    const p = await page();
    const handled = (e: KeyboardEvent) => e.code === 'Digit6' && e.preventDefault();
    // The host handles Ctrl+Shift+6 itself (capture phase, before any widget).
    window.addEventListener('keydown', handled, { capture: true });
    try {
      shadow(p.state, '[part="trigger"]').focus();
      await chord('Control', 'Shift', '6');
    } finally {
      window.removeEventListener('keydown', handled, { capture: true });
    }
    expect(stateCommands(p.adapter)).to.deep.equal([]);
    const held = new KeyboardEvent('keydown', {
      key: '^',
      code: 'Digit6',
      ctrlKey: true,
      shiftKey: true,
      repeat: true,
      bubbles: true,
      composed: true,
    });
    shadow(p.state, '[part="trigger"]').dispatchEvent(held);
    expect(stateCommands(p.adapter)).to.deep.equal([]);
    // The same keystroke, neither handled nor held: Email goes Not Ready (the test can fail).
    await chord('Control', 'Shift', '6');
    expect(stateCommands(p.adapter)).to.deep.equal(['email:notReady']);
  });

  it('KB: chords — digits by their key under Shift, letters by character, Mod is Ctrl or Cmd, AltGr types', () => {
    const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);
    // Shift turns 8 into * (US) — the physical key still matches.
    expect(matches(key({ key: '*', code: 'Digit8', ctrlKey: true, shiftKey: true }), 'Ctrl+Shift+8')).to.equal(true);
    expect(matches(key({ key: '8', code: 'Numpad8', ctrlKey: true, shiftKey: true }), 'Ctrl+Shift+8')).to.equal(true);
    // Extra or missing modifiers never match.
    expect(matches(key({ key: '*', code: 'Digit8', ctrlKey: true, shiftKey: true, altKey: true }), 'Ctrl+Shift+8')).to.equal(false);
    expect(matches(key({ key: '*', code: 'Digit8', metaKey: true, shiftKey: true }), 'Ctrl+Shift+8')).to.equal(false);
    // AZERTY: the key labelled Z sits where QWERTY has W; the character decides.
    expect(matches(key({ key: 'Z', code: 'KeyW', ctrlKey: true, shiftKey: true }), 'Ctrl+Shift+Z')).to.equal(true);
    expect(matches(key({ key: 'W', code: 'KeyZ', ctrlKey: true, shiftKey: true }), 'Ctrl+Shift+Z')).to.equal(false);
    // A layout without Latin letters (Russian): by position.
    expect(matches(key({ key: 'Я', code: 'KeyZ', ctrlKey: true, shiftKey: true }), 'Ctrl+Shift+Z')).to.equal(true);
    // Mod: Ctrl or Cmd.
    expect(matches(key({ key: 'Enter', code: 'Enter', ctrlKey: true }), DEFAULT_SHORTCUTS.send)).to.equal(true);
    expect(matches(key({ key: 'Enter', code: 'Enter', metaKey: true }), DEFAULT_SHORTCUTS.send)).to.equal(true);
    expect(matches(key({ key: 'Enter', code: 'Enter' }), DEFAULT_SHORTCUTS.send)).to.equal(false);
    // AltGr+8 types "\" on a French keyboard: it is typing, not Ctrl+Alt+8.
    expect(matches(key({ key: '\\', code: 'Digit8', ctrlKey: true, altKey: true, modifierAltGraph: true }), 'Ctrl+Alt+8')).to.equal(false);
    expect(matches(key({ key: '8', code: 'Digit8', ctrlKey: true, altKey: true }), 'Ctrl+Alt+8')).to.equal(true);
    // Off.
    expect(matches(key({ key: '8', code: 'Digit8', ctrlKey: true, altKey: true }), null)).to.equal(false);
    expect(matches(key({ key: '8', code: 'Digit8', ctrlKey: true, altKey: true }), '')).to.equal(false);
    expect(ariaKeyShortcut('Ctrl+Shift+V')).to.equal('Control+Shift+V');
    expect(ariaKeyShortcut('Ctrl+Alt+9')).to.equal('Control+Alt+9');
    expect(ariaKeyShortcut('Mod+Enter')).to.equal(/Mac/.test(navigator.platform) ? 'Meta+Enter' : 'Control+Enter');
    expect(ariaKeyShortcut(null)).to.equal(undefined);
  });
});
