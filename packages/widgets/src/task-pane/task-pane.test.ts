import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  CcError,
  COMMAND_TYPES,
  createClient,
  DEFAULT_DIGITAL,
  type CcClient,
  type CommandType,
  type DigitalSettings,
  type Message,
  type Task,
  type TenantSettings,
} from '@cc-elements/core';
import type { TestAdapter } from '@cc-elements/core/testing';
import { createSimAdapter, SCENARIOS, type SimScenario } from '@cc-elements/adapter-sim';
import '../cc-task-pane.js';
import type { CcTaskPane, TaskDetail, TaskErrorDetail, UnreadDetail } from './task-pane.js';
import { ManualTime, scriptedClient, settle, shadow, shadowAll, type ScriptedClientOptions } from '../../test/helpers.js';

const TARGETS: TenantSettings['transferTargets'] = [
  { id: 'rp-chat-billing', name: 'Chat – Billing', kind: 'routingPoint', media: ['chat', 'sms', 'social'] },
  { id: 'rp-email', name: 'Email – Support', kind: 'routingPoint', media: ['email'] },
  { id: 'voice-sales', name: 'Sales (voice)', kind: 'queue' },
];

const DIGITAL: DigitalSettings = {
  ...DEFAULT_DIGITAL,
  composerLimit: 20,
  attachments: {
    chat: { maxSizeBytes: 1024, maxCount: 2, formats: ['png', 'pdf', 'txt'], pciBlockedFormats: ['exe'], pciNamePatterns: ['card'] },
  },
  templates: [
    { id: 't-hello', name: 'Greeting', group: 'Openers', body: 'Hello {{system.customerName}}, I am {{system.agentName}}.' },
    { id: 't-order', name: 'Order status', group: 'Orders', body: 'Order {{order}} ships on {{date}}.' },
    { id: 't-legal', name: 'Legal notice', group: 'Orders', body: 'Terms apply.', locked: true },
  ],
  workflows: [
    { id: 'wf-crm', name: 'Sync CRM', parameters: [] },
    { id: 'wf-refund', name: 'Refund', parameters: [{ id: 'amount', label: 'Amount', required: true }] },
  ],
  channelTypes: [{ id: 'byoc-wechat', name: 'WeChat', icon: 'W', color: '#2dc100', media: 'social' }],
};

type Changes = { [K in keyof Task]?: Task[K] | undefined };

/** A digital task (scheduler time starts at 0). */
function task(over: Changes = {}): Task {
  const t = {
    id: 'chat-1',
    media: 'chat',
    status: 'offered',
    since: 0,
    customerName: 'Dana Reyes',
    queueId: 'q-support',
    queueName: 'Support',
    offerExpiresAt: 30_000,
    customer: [
      { id: 'email', label: 'Email', value: 'dana@example.com' },
      { id: 'account', label: 'Account', value: 'A-1001', editable: true },
    ],
    ...over,
  };
  return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as unknown as Task;
}

const active = (over: Changes = {}) => task({ status: 'active', startedAt: 0, offerExpiresAt: undefined, ...over });

function message(over: Partial<Message> & { id: string }): Message {
  return { taskId: 'chat-1', author: 'customer', at: 1000, text: 'Hi', ...over };
}

interface Setup {
  readonly time: ManualTime;
  readonly client: CcClient;
  readonly adapter: TestAdapter;
  readonly el: CcTaskPane;
  readonly events: { type: string; detail: unknown }[];
}

const EVENTS = ['cc-unread', 'cc-task-offered', 'cc-task-accepted', 'cc-task-error'] as const;

interface SetupOptions extends Omit<ScriptedClientOptions, 'scheduler' | 'tenant'> {
  readonly digital?: Partial<DigitalSettings>;
  readonly tenant?: Partial<TenantSettings>;
  /** Answer thread.load with these messages per task (default: an empty thread). */
  readonly threads?: Readonly<Record<string, readonly Message[]>>;
}

/** The pane on a scripted backend in virtual time that answers the way a backend does. */
async function setup(options: SetupOptions = {}): Promise<Setup> {
  const time = new ManualTime();
  const { digital, tenant, threads, ...rest } = options;
  const { client, adapter } = scriptedClient({
    scheduler: time.scheduler,
    tenant: { media: ['chat', 'sms', 'social', 'email'], transferTargets: TARGETS, digital: { ...DIGITAL, ...digital }, ...tenant },
    ...rest,
  });
  behaveLikeBackend(adapter, client, threads ?? {});
  const el = await fixture<CcTaskPane>(html`<cc-task-pane .client=${client}></cc-task-pane>`);
  const events: Setup['events'] = [];
  for (const type of EVENTS) el.addEventListener(type, (e) => events.push({ type, detail: e.detail }));
  await settle();
  return { time, client, adapter, el, events };
}

function behaveLikeBackend(adapter: TestAdapter, client: CcClient, threads: Readonly<Record<string, readonly Message[]>>): void {
  adapter.respond((command) => {
    const now = client.scheduler.now();
    const current = 'taskId' in command ? client.state.tasks.find((t) => t.id === command.taskId) : undefined;
    const update = (over: Partial<Task>) => current && adapter.emit({ type: 'task.updated', task: { ...current, ...over } });
    switch (command.type) {
      case 'task.accept':
        return update({ status: 'active', since: now, startedAt: now });
      case 'task.decline':
        return adapter.emit({ type: 'task.removed', taskId: command.taskId, reason: 'declined' });
      case 'thread.load':
        return adapter.emit({ type: 'thread.loaded', taskId: command.taskId, messages: threads[command.taskId] ?? [] });
      case 'message.send':
        return adapter.emit({
          type: 'message.added',
          message: {
            id: command.message.clientId,
            taskId: command.taskId,
            author: 'agent',
            authorName: 'Test Agent',
            at: now,
            receipt: 'sent',
            ...(command.message.text === undefined ? {} : { text: command.message.text }),
          },
        });
      case 'task.end':
        return adapter.emit({ type: 'task.removed', taskId: command.taskId, reason: 'closed' });
      case 'task.transfer':
        return adapter.emit({ type: 'task.removed', taskId: command.taskId, reason: 'transferred' });
      default:
        return;
    }
  });
}

const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = <T extends HTMLElement = HTMLElement>(el: CcTaskPane, name: string) => shadow<T>(el, `[part="${name}"]`);
const parts = (el: CcTaskPane, name: string) => shadowAll(el, `[part="${name}"]`);
const has = (el: CcTaskPane, selector: string) => el.shadowRoot!.querySelector(selector) !== null;
const rows = (el: CcTaskPane) => shadowAll(el, '[part="task"]');
const row = (el: CcTaskPane, id: string) => shadow(el, `[part="task"][data-task-id="${id}"]`);
const announcement = (el: CcTaskPane) => textOf(shadow(el, '.visually-hidden[role="status"][aria-live]'));
const sent = (adapter: TestAdapter, type: CommandType) => adapter.commands.filter((c) => c.type === type);
const focusedPart = (el: CcTaskPane) => el.shadowRoot!.activeElement?.getAttribute('part') ?? 'nothing';
/** The task row with focus, by task id. */
const focusedRow = (el: CcTaskPane) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['taskId'] ?? focusedPart(el);
const input = (el: CcTaskPane) => part<HTMLTextAreaElement>(el, 'input');

/** Presses keys together, as a person holds modifiers: chord('Control', 'Shift', '8'). */
async function chord(...keys: string[]): Promise<void> {
  const key = keys.pop()!;
  for (const modifier of keys) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  for (const modifier of keys.reverse()) await sendKeys({ up: modifier });
  await settle();
}

async function press(el: CcTaskPane, target: HTMLElement): Promise<void> {
  target.focus();
  target.click();
  await settle();
  await el.updateComplete;
}

async function emit(s: Setup, ...events: Parameters<TestAdapter['emit']>[0][]): Promise<void> {
  for (const event of events) s.adapter.emit(event);
  await settle();
  await s.el.updateComplete;
}

/** Types into the composer as a person does: the value, then an input event. */
async function typeReply(el: CcTaskPane, text: string): Promise<void> {
  const area = input(el);
  area.focus();
  area.value = text;
  area.setSelectionRange(text.length, text.length);
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await settle();
  await el.updateComplete;
}

/** One accepted chat with Dana, its thread loaded. */
async function inConversation(options: SetupOptions = {}, over: Changes = {}): Promise<Setup> {
  const s = await setup(options);
  await emit(s, { type: 'task.updated', task: active(over) });
  s.client.selectTask(over.id ?? 'chat-1');
  await settle();
  await s.el.updateComplete;
  return s;
}

describe('<cc-task-pane>', () => {
  it('shows a short text without a client', async () => {
    const el = await fixture<CcTaskPane>(html`<cc-task-pane></cc-task-pane>`);
    expect(textOf(part(el, 'empty'))).to.equal('Not connected: the task pane has no client.');
    await expect(el).to.be.accessible();
  });

  it('TP-1: offers on several channels at once, each with its customer details, countdown, Accept and Decline', async () => {
    const s = await setup();
    await emit(
      s,
      { type: 'task.updated', task: task() },
      {
        type: 'task.updated',
        task: task({ id: 'sms-1', media: 'sms', customerName: undefined, from: '+40722000111', queueName: 'SMS care', customer: [] }),
      },
      { type: 'task.updated', task: task({ id: 'email-1', media: 'email', customerName: 'Ion Popa', offerExpiresAt: 60_000 }) },
    );
    const offers = parts(s.el, 'offer');
    expect(offers.map((o) => o.dataset['media'])).to.deep.equal(['chat', 'sms', 'email']);
    expect(textOf(offers[0]!.querySelector('strong'))).to.equal('New Chat: Dana Reyes');
    expect(textOf(offers[1]!.querySelector('strong'))).to.equal('New SMS: +40722000111');
    expect(textOf(offers[0]!.querySelector('[part="offer-details"]'))).to.equal('Email dana@example.com Account A-1001');
    expect(textOf(offers[0]!.querySelector('[part="queue"]'))).to.equal('Support');
    expect(textOf(offers[0]!.querySelector('[part="countdown"]'))).to.equal('Time left to accept: 0:30');
    await s.time.advance(2000);
    expect(textOf(offers[2]!.querySelector('[part="countdown"]'))).to.equal('Time left to accept: 0:58');
    expect(s.events.filter((e) => e.type === 'cc-task-offered').map((e) => (e.detail as TaskDetail).taskId)).to.deep.equal([
      'chat-1',
      'sms-1',
      'email-1',
    ]);
    await press(s.el, offers[1]!.querySelector<HTMLButtonElement>('[part="accept"]')!);
    expect(sent(s.adapter, 'task.accept')).to.deep.equal([{ type: 'task.accept', taskId: 'sms-1' }]);
    expect(parts(s.el, 'offer')).to.have.length(2);
    expect(rows(s.el).map((r) => r.dataset['taskId'])).to.deep.equal(['sms-1']);
    expect(s.events.filter((e) => e.type === 'cc-task-accepted')).to.have.length(1);
    await expect(s.el).to.be.accessible();
  });

  it('TP-1: an offer is announced once, and "10 seconds left" once — not every second', async () => {
    const s = await setup();
    await emit(s, { type: 'task.updated', task: task() });
    expect(announcement(s.el)).to.equal('New Chat from Dana Reyes, queue Support.');
    await s.time.advance(5000);
    expect(announcement(s.el)).to.equal('New Chat from Dana Reyes, queue Support.');
    await s.time.advance(15_000);
    expect(announcement(s.el)).to.equal('10 seconds left to accept the conversation with Dana Reyes.');
    expect(part(s.el, 'countdown').hasAttribute('data-urgent')).to.equal(true);
  });

  it('DX-6: Decline sends the offer back to its queue; without the capability there is no Decline', async () => {
    const s = await setup();
    await emit(s, { type: 'task.updated', task: task() });
    await press(s.el, part(s.el, 'decline'));
    expect(sent(s.adapter, 'task.decline')).to.deep.equal([{ type: 'task.decline', taskId: 'chat-1' }]);
    expect(parts(s.el, 'offer')).to.have.length(0);
    expect(textOf(part(s.el, 'notice').querySelector('p'))).to.equal(
      'You declined the conversation with Dana Reyes in Support; it went back to the queue.',
    );

    const without = await setup({ commands: COMMAND_TYPES.filter((c) => c !== 'task.decline') });
    await emit(without, { type: 'task.updated', task: task() });
    expect(has(without.el, '[part="decline"]')).to.equal(false);
    expect(has(without.el, '[part="accept"]')).to.equal(true);
  });

  it('DX-6: accept/reject per skill — an offer whose queue forbids declining has Accept only', async () => {
    const s = await setup();
    await emit(
      s,
      { type: 'task.updated', task: task() },
      { type: 'task.updated', task: task({ id: 'sms-1', media: 'sms', declinable: false }) },
    );
    const offers = parts(s.el, 'offer');
    expect(offers.map((o) => o.querySelector('[part="decline"]') !== null)).to.deep.equal([true, false]);
    expect(offers.map((o) => o.querySelector('[part="accept"]') !== null)).to.deep.equal([true, true]);
  });

  it('ST-6: a chat offer not accepted in time leaves a notice that Chat/Social is Not Ready', async () => {
    const s = await setup();
    await emit(s, { type: 'task.updated', task: task() });
    await s.time.advance(30_000, 1000);
    await emit(s, { type: 'task.removed', taskId: 'chat-1', reason: 'rona' });
    const [notice] = parts(s.el, 'notice');
    expect(textOf(notice!.querySelector('p'))).to.equal(
      'You did not accept the conversation with Dana Reyes in Support in time — Chat/Social is now Not Ready.',
    );
    expect(announcement(s.el)).to.equal(textOf(notice!.querySelector('p')));
    await expect(s.el).to.be.accessible();
    await press(s.el, notice!.querySelector<HTMLButtonElement>('[part="dismiss"]')!);
    expect(parts(s.el, 'notice')).to.have.length(0);
  });

  it('TP-2: rows show the channel icon, queue, time since accepted, the customer in bold and unread counts; selecting clears them', async () => {
    const s = await setup();
    await emit(
      s,
      { type: 'task.updated', task: active() },
      { type: 'task.updated', task: active({ id: 'sms-1', media: 'sms', customerName: 'Ion Popa', queueName: 'SMS care' }) },
    );
    s.client.selectTask('chat-1');
    await s.time.advance(65_000, 1000);
    await emit(
      s,
      { type: 'message.added', message: message({ id: 'm1', taskId: 'sms-1' }) },
      { type: 'message.added', message: message({ id: 'm2', taskId: 'sms-1' }) },
    );
    const sms = row(s.el, 'sms-1');
    expect(textOf(sms.querySelector('[part="channel-icon"] .visually-hidden'))).to.equal('SMS');
    expect(textOf(sms.querySelector('[part="task-queue"]'))).to.equal('SMS care');
    expect(textOf(sms.querySelector('[part="task-timer"]'))).to.equal('1:05');
    expect(getComputedStyle(sms.querySelector('[part="task-customer"]')!).fontWeight).to.equal('700');
    expect(textOf(sms.querySelector('[part="unread"]'))).to.equal('2 unread messages');
    expect(sms.hasAttribute('data-unread')).to.equal(true);
    expect(textOf(sms)).to.equal('📱SMS Ion Popa SMS care 1:05 2 unread messages');
    await press(s.el, sms);
    expect(sms.getAttribute('aria-selected')).to.equal('true');
    expect(sms.querySelector('[part="unread"]')).to.equal(null);
    expect(s.client.state.unread).to.deep.equal({});
    await expect(s.el).to.be.accessible();
  });

  it('TP-2: Up and Down move through the list; the list collapses and expands', async () => {
    const s = await setup();
    await emit(
      s,
      { type: 'task.updated', task: active() },
      { type: 'task.updated', task: active({ id: 'sms-1', media: 'sms', customerName: 'Ion Popa' }) },
      { type: 'task.updated', task: active({ id: 'social-1', media: 'social', customerName: 'Ana Pop' }) },
    );
    s.client.selectTask('chat-1');
    await settle();
    row(s.el, 'chat-1').focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle();
    expect(s.client.state.selectedTaskId).to.equal('sms-1');
    expect(focusedRow(s.el)).to.equal('sms-1');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await settle();
    expect(s.client.state.selectedTaskId).to.equal('sms-1');
    await sendKeys({ press: 'End' });
    await settle();
    expect(s.client.state.selectedTaskId).to.equal('social-1');
    const toggle = part(s.el, 'task-list-toggle');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await press(s.el, toggle);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(shadow(s.el, '[role="listbox"]').hidden).to.equal(true);
    await press(s.el, toggle);
    expect(shadow(s.el, '[role="listbox"]').hidden).to.equal(false);
  });

  it('TP-3: cc-unread tells the host every change of the total; a message on a conversation not shown pops up', async () => {
    const s = await setup();
    await emit(
      s,
      { type: 'task.updated', task: active() },
      { type: 'task.updated', task: active({ id: 'sms-1', media: 'sms', customerName: 'Ion Popa' }) },
    );
    s.client.selectTask('chat-1');
    await emit(s, { type: 'message.added', message: message({ id: 'm1', taskId: 'sms-1' }) });
    await emit(s, { type: 'message.added', message: message({ id: 'm2', taskId: 'chat-1' }) });
    const unread = () => s.events.filter((e) => e.type === 'cc-unread').map((e) => e.detail as UnreadDetail);
    expect(unread().at(-1)).to.deep.equal({ total: 1, perTask: { 'sms-1': 1 } });
    const toast = part(s.el, 'toast');
    expect(textOf(toast.querySelector('span'))).to.equal('New message from Ion Popa (SMS)');
    await emit(s, { type: 'message.added', message: message({ id: 'm3', taskId: 'sms-1' }) });
    expect(unread().at(-1)).to.deep.equal({ total: 2, perTask: { 'sms-1': 2 } });
    await press(s.el, toast.querySelector<HTMLButtonElement>('[part="show"]')!);
    expect(s.client.state.selectedTaskId).to.equal('sms-1');
    expect(unread().at(-1)).to.deep.equal({ total: 0, perTask: {} });
    expect(has(s.el, '[part="toast"]')).to.equal(false);
    await expect(s.el).to.be.accessible();
  });

  it('TP-4: editable fields with Save and Cancel, a success or failure message; more than 10 fields scroll', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `f${i}`, label: `Field ${i}`, value: `v${i}`, editable: i === 1 }));
    const s = await inConversation({}, { customer: many });
    const fields = part(s.el, 'fields');
    expect(fields.hasAttribute('data-scrolls')).to.equal(true);
    expect(fields.scrollHeight).to.be.greaterThan(fields.clientHeight);
    expect(parts(s.el, 'field-input')).to.have.length(1);
    const field = part<HTMLInputElement>(s.el, 'field-input');
    field.value = 'changed';
    field.dispatchEvent(new Event('input'));
    await settle();
    expect(s.client.state.customerEdits['chat-1']).to.deep.equal({ f1: 'changed' });
    await press(s.el, part(s.el, 'cancel'));
    expect(s.client.state.customerEdits['chat-1']).to.equal(undefined);
    expect(part<HTMLInputElement>(s.el, 'field-input').value).to.equal('v1');

    field.value = 'again';
    field.dispatchEvent(new Event('input'));
    await settle();
    s.adapter.respond((c) => {
      if (c.type === 'customer.save') throw new CcError('api', 'The CRM is down.', { traceId: 't-9' });
    });
    await press(s.el, part(s.el, 'save'));
    expect(textOf(part(s.el, 'save-outcome'))).to.equal('Customer details not saved: The CRM is down.');
    s.adapter.respond(() => {});
    await press(s.el, part(s.el, 'save'));
    expect(sent(s.adapter, 'customer.save').at(-1)).to.deep.equal({
      type: 'customer.save',
      taskId: 'chat-1',
      fields: [{ id: 'f1', value: 'again' }],
    });
    expect(textOf(part(s.el, 'save-outcome'))).to.equal('Customer details saved.');
    await expect(s.el).to.be.accessible();
  });

  it('TP-4/TP-14: End with unsaved edits opens a modal "Unsaved changes" dialog: go back, or continue without saving', async () => {
    const s = await inConversation();
    await emit(s, { type: 'task.updated', task: active({ id: 'sms-1', media: 'sms', customerName: 'Ion Popa', startedAt: 0 }) });
    s.client.selectTask('chat-1');
    await settle();
    const field = part<HTMLInputElement>(s.el, 'field-input');
    field.value = 'A-2002';
    field.dispatchEvent(new Event('input'));
    await settle();
    await press(s.el, part(s.el, 'end'));
    const dialog = shadow<HTMLDialogElement>(s.el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(textOf(dialog.querySelector('h2'))).to.equal('Unsaved changes');
    expect(focusedPart(s.el)).to.equal('go-back');
    expect(sent(s.adapter, 'task.end')).to.deep.equal([]);
    await expect(s.el).to.be.accessible();
    await press(s.el, dialog.querySelector<HTMLButtonElement>('[part="go-back"]')!);
    expect(dialog.open).to.equal(false);
    expect(focusedPart(s.el)).to.equal('field-input');

    await press(s.el, part(s.el, 'end'));
    expect(dialog.open).to.equal(true);
    await press(s.el, dialog.querySelector<HTMLButtonElement>('[part="continue"]')!);
    await settle();
    expect(sent(s.adapter, 'task.end')).to.deep.equal([{ type: 'task.end', taskId: 'chat-1' }]);
    expect(dialog.open).to.equal(false);
    // TP-14: the last accepted conversation is shown, and has focus.
    expect(s.client.state.selectedTaskId).to.equal('sms-1');
    expect(focusedRow(s.el)).to.equal('sms-1');
  });

  it('TP-14: with forced wrap-up the ended conversation shows the wrap-up picker when it is on the page', async () => {
    const s = await inConversation();
    await emit(s, { type: 'task.updated', task: active({ status: 'wrapUp', wrapUp: { forced: true, expiresAt: 30_000 } }) });
    expect(textOf(part(s.el, 'wrap-up'))).to.equal('This conversation has ended and is in wrap-up.');
    expect(has(s.el, '[part="composer"]')).to.equal(false);
    await import('../cc-wrapup-picker.js');
    s.el.requestUpdate();
    await s.el.updateComplete;
    expect(part(s.el, 'wrap-up').querySelector('cc-wrapup-picker')?.getAttribute('task-id')).to.equal('chat-1');
  });

  it('TP-4/TP-15: Transfer with unsaved edits asks first; continuing hands the task over without them', async () => {
    const s = await inConversation();
    const field = part<HTMLInputElement>(s.el, 'field-input');
    field.value = 'A-3003';
    field.dispatchEvent(new Event('input'));
    await settle();
    await press(s.el, part(s.el, 'transfer'));
    await press(s.el, part(s.el, 'target'));
    const dialog = shadow<HTMLDialogElement>(s.el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(textOf(dialog.querySelector('[part="continue"]'))).to.equal('Continue without saving: Transfer to Chat – Billing');
    await sendKeys({ press: 'Escape' });
    await settle();
    expect(dialog.open, 'Escape goes back').to.equal(false);
    expect(sent(s.adapter, 'task.transfer')).to.deep.equal([]);
    await press(s.el, part(s.el, 'target'));
    await press(s.el, dialog.querySelector<HTMLButtonElement>('[part="continue"]')!);
    expect(sent(s.adapter, 'task.transfer')).to.deep.equal([{ type: 'task.transfer', taskId: 'chat-1', targetId: 'rp-chat-billing' }]);
    expect(s.client.state.customerEdits['chat-1']).to.equal(undefined);
  });

  it('TP-4: the customer details fold away and come back; unsaved edits keep them open', async () => {
    const s = await inConversation();
    const toggle = part(s.el, 'details-toggle');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await press(s.el, toggle);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(has(s.el, '[part="fields"]')).to.equal(false);
    await press(s.el, toggle);
    expect(has(s.el, '[part="fields"]')).to.equal(true);
  });

  it('TP-15: Transfer lists the routing points of the medium only; choosing one hands the task over', async () => {
    const s = await inConversation();
    await press(s.el, part(s.el, 'transfer'));
    expect(parts(s.el, 'target').map(textOf)).to.deep.equal(['Chat – Billing']);
    expect(focusedPart(s.el)).to.equal('target');
    await press(s.el, part(s.el, 'target'));
    expect(sent(s.adapter, 'task.transfer')).to.deep.equal([{ type: 'task.transfer', taskId: 'chat-1', targetId: 'rp-chat-billing' }]);
    expect(rows(s.el)).to.have.length(0);
  });

  it('TP-15: with forced wrap-up the reason is chosen first (shown green), then the routing point; it is sent along', async () => {
    const s = await inConversation({
      tenant: {
        wrapUp: { mode: 'forced', timeoutSec: 30 },
        wrapUpReasons: [
          { id: 'wr-solved', label: 'Solved' },
          { id: 'wr-sale', label: 'Sale' },
        ],
      },
    });
    await press(s.el, part(s.el, 'transfer'));
    const target = part(s.el, 'target');
    expect(target.getAttribute('aria-disabled')).to.equal('true');
    expect(target.getAttribute('aria-describedby')).to.equal('transfer-reason');
    await press(s.el, target);
    expect(sent(s.adapter, 'task.transfer'), 'no reason, nothing sent').to.deep.equal([]);
    const select = part<HTMLSelectElement>(s.el, 'transfer-reason');
    expect(textOf(shadow(s.el, 'label[for="transfer-reason"]'))).to.equal('Wrap-up reason (required before transferring)');
    select.value = 'wr-sale';
    select.dispatchEvent(new Event('change'));
    await settle();
    await s.el.updateComplete;
    expect(textOf(part(s.el, 'transfer-reason-chosen'))).to.equal('✓ Sale');
    await expect(s.el).to.be.accessible();
    await press(s.el, part(s.el, 'target'));
    expect(sent(s.adapter, 'task.transfer')).to.deep.equal([
      { type: 'task.transfer', taskId: 'chat-1', targetId: 'rp-chat-billing', reasonId: 'wr-sale' },
    ]);
  });

  it('TP-15: a voice call that stops the conversation disables Transfer, says why, and the timer stands still', async () => {
    const s = await inConversation();
    await s.time.advance(20_000, 1000);
    await emit(s, { type: 'task.updated', task: active({ pausedSince: 20_000 }) });
    const transfer = part<HTMLButtonElement>(s.el, 'transfer');
    expect(transfer.disabled).to.equal(true);
    expect(textOf(part(s.el, 'voice-pause'))).to.equal(
      'You are on a voice call: transfer and this conversation’s clock are stopped until it ends.',
    );
    expect(transfer.getAttribute('aria-describedby')).to.equal('voice-pause');
    await s.time.advance(30_000, 1000);
    await s.el.updateComplete;
    expect(textOf(part(s.el, 'timer'))).to.equal('Time in conversation: 0:20');
    await emit(s, { type: 'task.updated', task: active({ pausedMs: 30_000 }) });
    await s.time.advance(5_000, 1000);
    await s.el.updateComplete;
    expect(textOf(part(s.el, 'timer'))).to.equal('Time in conversation: 0:25');
    expect(part<HTMLButtonElement>(s.el, 'transfer').disabled).to.equal(false);
    expect(has(s.el, '[part="voice-pause"]')).to.equal(false);
  });

  it('TP-5: loading, then failure with Retry; bubbles: customer grey with initials, agent blue with name, bot history', async () => {
    const s = await setup();
    let fail = true;
    s.adapter.respond((c) => {
      if (c.type !== 'thread.load') return;
      if (fail) throw new CcError('network', 'offline', { traceId: 'tr-1' });
      s.adapter.emit({
        type: 'thread.loaded',
        taskId: 'chat-1',
        messages: [
          message({ id: 'b1', author: 'bot', authorName: 'Helpbot', text: 'How can I help?', at: 500 }),
          message({ id: 'c1', text: 'My order is late' }),
          message({ id: 'a1', author: 'agent', authorName: 'Lee Park', text: 'Let me check', at: 2000, receipt: 'read' }),
          message({ id: 's1', author: 'system', announcement: 'transferred', text: 'Transferred from Lee Park', at: 3000 }),
        ],
      });
    });
    s.adapter.emit({ type: 'task.updated', task: active() });
    s.client.selectTask('chat-1');
    await settle();
    const status = part(s.el, 'thread-status');
    expect(status.getAttribute('role')).to.equal('alert');
    expect(textOf(status.querySelector('p'))).to.equal(
      'The conversation could not be loaded. The server could not be reached. Check your network connection and try again. Trace id: tr-1',
    );
    await expect(s.el).to.be.accessible();
    fail = false;
    await press(s.el, part(s.el, 'retry'));
    expect(has(s.el, '[part="thread-status"]')).to.equal(false);
    const messages = parts(s.el, 'message');
    expect(messages.map((m) => m.dataset['author'])).to.deep.equal(['bot', 'customer', 'agent']);
    expect(textOf(messages[0]!.querySelector('.author'))).to.equal('Helpbot');
    expect(textOf(messages[1]!.querySelector('[part="initials"]'))).to.equal('DR');
    const bubble = (i: number) => getComputedStyle(messages[i]!.querySelector('[part="bubble"]')!).backgroundColor;
    expect(bubble(1)).to.equal('rgb(245, 246, 248)');
    expect(bubble(2)).to.equal('rgb(11, 92, 173)');
    expect(textOf(messages[2]!.querySelector('.author'))).to.equal('Lee Park');
    expect(messages[2]!.querySelector('[part="time"]')).to.not.equal(null);
    // TP-11: the announcement sits in the thread with its time.
    const note = part(s.el, 'announcement');
    expect(textOf(note.querySelector('span'))).to.equal('Transferred from Lee Park');
    expect(note.querySelector('time')).to.not.equal(null);
    await expect(s.el).to.be.accessible();
  });

  it('TP-5: the thread says it is loading while the backend has not answered', async () => {
    const s = await setup();
    s.adapter.respond(() => new Promise(() => {}));
    await emit(s, { type: 'task.updated', task: active() });
    s.client.selectTask('chat-1');
    await settle();
    expect(textOf(part(s.el, 'thread-status'))).to.equal('Loading the conversation…');
    expect(part(s.el, 'thread-status').getAttribute('role')).to.equal('status');
  });

  it('TP-12: receipts on agent messages; a failed one shows the error and is resent from its kept text', async () => {
    const s = await inConversation({
      threads: {
        'chat-1': [
          message({ id: 'a1', author: 'agent', text: 'One', receipt: 'delivered' }),
          message({ id: 'a2', author: 'agent', text: 'Two', receipt: 'read' }),
        ],
      },
    });
    await settle();
    expect(parts(s.el, 'receipt').map(textOf)).to.deep.equal(['Delivered', 'Read']);
    s.adapter.respond((c) => {
      if (c.type === 'message.send') throw new CcError('api', 'The customer left the chat.');
    });
    await typeReply(s.el, 'Three');
    await press(s.el, part(s.el, 'send'));
    const failed = shadow(s.el, '[part="message"][data-receipt="failed"]');
    expect(textOf(failed.querySelector('[part="receipt"]'))).to.equal('Not sent: The customer left the chat. Resend');
    expect(input(s.el).value, 'the draft is kept').to.equal('Three');
    behaveLikeBackend(s.adapter, s.client, {});
    await press(s.el, failed.querySelector<HTMLButtonElement>('[part="resend"]')!);
    expect(sent(s.adapter, 'message.send').at(-1)).to.deep.include({ taskId: 'chat-1' });
    expect(parts(s.el, 'receipt').map(textOf)).to.deep.equal(['Delivered', 'Read', 'Sent']);
    expect(input(s.el).value).to.equal('');
    await expect(s.el).to.be.accessible();
  });

  it('TP-6: the count; past the limit Send is disabled and a red message says by how much', async () => {
    const s = await inConversation();
    await typeReply(s.el, 'Hello there');
    expect(textOf(part(s.el, 'count'))).to.equal('11 / 20 characters');
    expect(part<HTMLButtonElement>(s.el, 'send').disabled).to.equal(false);
    await typeReply(s.el, 'This reply is far too long');
    expect(part<HTMLButtonElement>(s.el, 'send').disabled).to.equal(true);
    const problem = part(s.el, 'limit-error');
    expect(textOf(problem)).to.equal('6 characters over the limit: shorten your message.');
    expect(getComputedStyle(problem).color).to.equal('rgb(198, 40, 40)');
    expect(input(s.el).getAttribute('aria-invalid')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(sent(s.adapter, 'message.send')).to.deep.equal([]);
    await expect(s.el).to.be.accessible();
  });

  it('TP-6/KB: Enter sends in chat, Shift+Enter is a new line; SMS sends with Ctrl+Enter only', async () => {
    const s = await inConversation();
    await typeReply(s.el, 'Hi');
    await chord('Shift', 'Enter');
    await settle();
    expect(sent(s.adapter, 'message.send')).to.deep.equal([]);
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(sent(s.adapter, 'message.send').map((c) => c.type === 'message.send' && c.message.text)).to.deep.equal(['Hi\n']);
    expect(input(s.el).value).to.equal('');

    await emit(s, { type: 'task.updated', task: active({ id: 'sms-1', media: 'sms' }) });
    s.client.selectTask('sms-1');
    await settle();
    await typeReply(s.el, 'Hello');
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(sent(s.adapter, 'message.send')).to.have.length(1);
    expect(textOf(shadow(s.el, '.send-row .hint'))).to.equal('Ctrl+Enter sends');
    await chord('Control', 'Enter');
    await settle();
    expect(sent(s.adapter, 'message.send')).to.have.length(2);
  });

  it('TP-13: typing is saved as a draft once the agent pauses, and comes back when switching back', async () => {
    const s = await inConversation();
    await emit(s, { type: 'task.updated', task: active({ id: 'sms-1', media: 'sms' }) });
    s.client.selectTask('chat-1');
    await settle();
    await typeReply(s.el, 'Half a thought');
    expect(s.client.state.drafts['chat-1']).to.equal(undefined);
    await s.time.advance(600);
    expect(s.client.state.drafts['chat-1']).to.deep.equal({ text: 'Half a thought' });
    await press(s.el, row(s.el, 'sms-1'));
    expect(input(s.el).value).to.equal('');
    await typeReply(s.el, 'Other');
    await press(s.el, row(s.el, 'chat-1'));
    // Switching saves at once, without waiting for the pause.
    expect(s.client.state.drafts['sms-1']).to.deep.equal({ text: 'Other' });
    expect(input(s.el).value).to.equal('Half a thought');
  });

  it('TP-13: a draft from before a reload is in the composer of a new pane', async () => {
    const s = await inConversation();
    await s.client.saveDraft('chat-1', { text: 'Kept' });
    const el = await fixture<CcTaskPane>(html`<cc-task-pane .client=${s.client}></cc-task-pane>`);
    await settle();
    expect(input(el).value).to.equal('Kept');
  });

  it('TP-7: attachments by drop or picker, previews with name and size, × removes, refusals per file', async () => {
    const s = await inConversation();
    const file = (name: string, size: number) => new File([new Uint8Array(size)], name);
    const drop = new DataTransfer();
    for (const f of [file('receipt.png', 300), file('setup.exe', 10), file('notes.docx', 10), file('big.pdf', 5000)]) drop.items.add(f);
    part(s.el, 'composer').dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true }));
    await settle();
    expect(parts(s.el, 'attachment-preview').map(textOf)).to.deep.equal(['receipt.png 300 bytes ×']);
    expect(shadowAll(s.el, '[part="attachment-errors"] li').map(textOf)).to.deep.equal([
      'setup.exe was removed: it failed the payment-card (PCI) check.',
      'notes.docx is not a format you can send here.',
      'big.pdf is larger than the 1 kB allowed.',
    ]);
    const picker = shadow<HTMLInputElement>(s.el, '.file-input');
    const more = new DataTransfer();
    for (const f of [file('a.txt', 5), file('b.txt', 5)]) more.items.add(f);
    picker.files = more.files;
    picker.dispatchEvent(new Event('change'));
    await settle();
    expect(parts(s.el, 'attachment-preview').map((p) => textOf(p.querySelector('span')))).to.deep.equal(['receipt.png', 'a.txt']);
    expect(shadowAll(s.el, '[part="attachment-errors"] li').map(textOf)).to.deep.equal([
      'b.txt was not added: at most 2 files per message.',
    ]);
    await expect(s.el).to.be.accessible();
    await press(s.el, shadow(s.el, '[part="remove-attachment"][aria-label="Remove receipt.png"]'));
    expect(parts(s.el, 'attachment-preview').map((p) => textOf(p.querySelector('span')))).to.deep.equal(['a.txt']);
    await press(s.el, part(s.el, 'send'));
    const [send] = sent(s.adapter, 'message.send');
    expect(send?.type === 'message.send' && send.message.attachments?.map((a) => a.name)).to.deep.equal(['a.txt']);
    expect(parts(s.el, 'attachment-preview')).to.have.length(0);
  });

  it('TP-8: templates by group, all, search; system parameters filled; Tab moves between fields to replace', async () => {
    const s = await inConversation();
    await typeReply(s.el, 'typed before');
    await press(s.el, part(s.el, 'templates-toggle'));
    expect(parts(s.el, 'template-tab').map(textOf)).to.deep.equal(['All templates', 'Openers', 'Orders']);
    expect(parts(s.el, 'template').map(textOf)).to.deep.equal(['Greeting', 'Order status', '🔒Locked: Legal notice']);
    await press(s.el, parts(s.el, 'template-tab')[2]!);
    expect(parts(s.el, 'template').map(textOf)).to.deep.equal(['Order status', '🔒Locked: Legal notice']);
    await press(s.el, parts(s.el, 'template-tab')[0]!);
    const search = part<HTMLInputElement>(s.el, 'template-search');
    search.value = 'greet';
    search.dispatchEvent(new Event('input'));
    await settle();
    expect(parts(s.el, 'template').map(textOf)).to.deep.equal(['Greeting']);
    await press(s.el, part(s.el, 'template'));
    expect(input(s.el).value, 'the template replaces what was typed').to.equal('Hello Dana Reyes, I am Test Agent.');
    await expect(s.el).to.be.accessible();

    await press(s.el, part(s.el, 'templates-toggle'));
    search.value = '';
    search.dispatchEvent(new Event('input'));
    await settle();
    await press(s.el, shadow(s.el, '[part="template"][data-template-id="t-order"]'));
    const area = input(s.el);
    expect(area.value).to.equal('Order {{order}} ships on {{date}}.');
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).to.equal('{{order}}');
    await sendKeys({ press: 'Tab' });
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).to.equal('{{date}}');
    await chord('Shift', 'Tab');
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).to.equal('{{order}}');
    await sendKeys({ type: '42' });
    await settle();
    expect(area.value).to.equal('Order 42 ships on {{date}}.');
  });

  it('TP-8: a locked template cannot be edited: the attempt is refused with an error', async () => {
    const s = await inConversation();
    await press(s.el, part(s.el, 'templates-toggle'));
    await press(s.el, shadow(s.el, '[part="template"][data-template-id="t-legal"]'));
    expect(input(s.el).value).to.equal('Terms apply.');
    await sendKeys({ type: 'x' });
    await settle();
    expect(input(s.el).value).to.equal('Terms apply.');
    expect(textOf(part(s.el, 'locked-error'))).to.equal('This template is locked: send it as it is, or clear it to write your own.');
    await press(s.el, part(s.el, 'send'));
    expect(sent(s.adapter, 'message.send').map((c) => c.type === 'message.send' && c.message.text)).to.deep.equal(['Terms apply.']);
  });

  it('TP-9: social replies get bold, italic or strikethrough — one style per selection', async () => {
    const s = await inConversation({}, { media: 'social' });
    expect(has(s.el, '[part="style"]')).to.equal(true);
    await typeReply(s.el, 'Hi all');
    input(s.el).setSelectionRange(0, 2);
    await press(s.el, shadow(s.el, '[part="style"][data-style="bold"]'));
    expect(input(s.el).value).to.equal('𝗛𝗶 all');
    expect(shadow(s.el, '[part="style"][data-style="bold"]').getAttribute('aria-pressed')).to.equal('true');
    await press(s.el, shadow(s.el, '[part="style"][data-style="italic"]'));
    expect(input(s.el).value).to.equal('𝘏𝘪 all');
    expect(shadow(s.el, '[part="style"][data-style="bold"]').getAttribute('aria-pressed')).to.equal('false');

    const chat = await inConversation();
    expect(has(chat.el, '[part="style"]'), 'chat has no formatting').to.equal(false);
  });

  it('TP-10: a workflow with parameters asks for them in a dialog; the backend announces it in the thread', async () => {
    const s = await inConversation();
    await press(s.el, part(s.el, 'workflows-toggle'));
    expect(parts(s.el, 'workflow').map(textOf)).to.deep.equal(['Sync CRM', 'Refund…']);
    await press(s.el, parts(s.el, 'workflow')[1]!);
    const dialog = shadow<HTMLDialogElement>(s.el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.dataset['kind']).to.equal('workflow');
    expect(textOf(dialog.querySelector('h2'))).to.equal('Trigger Refund');
    await expect(s.el).to.be.accessible();
    const amount = dialog.querySelector<HTMLInputElement>('input[name="amount"]')!;
    amount.value = '25';
    amount.dispatchEvent(new Event('input'));
    await settle();
    await press(s.el, dialog.querySelector<HTMLButtonElement>('[part="trigger"]')!);
    expect(sent(s.adapter, 'workflow.run')).to.deep.equal([
      { type: 'workflow.run', taskId: 'chat-1', workflowId: 'wf-refund', parameters: { amount: '25' } },
    ]);
    expect(dialog.open).to.equal(false);
    expect(announcement(s.el)).to.equal('Workflow Refund triggered.');
    await emit(s, {
      type: 'message.added',
      message: message({ id: 'wf', author: 'system', announcement: 'workflow', text: 'Refund of 25 triggered', at: 4000 }),
    });
    expect(textOf(part(s.el, 'announcement').querySelector('span'))).to.equal('Refund of 25 triggered');

    await press(s.el, part(s.el, 'workflows-toggle'));
    await press(s.el, parts(s.el, 'workflow')[0]!);
    expect(sent(s.adapter, 'workflow.run').at(-1)).to.deep.equal({
      type: 'workflow.run',
      taskId: 'chat-1',
      workflowId: 'wf-crm',
      parameters: {},
    });
  });

  it('TP-10: a required parameter left empty is refused in the dialog', async () => {
    const s = await inConversation();
    await press(s.el, part(s.el, 'workflows-toggle'));
    await press(s.el, parts(s.el, 'workflow')[1]!);
    const dialog = shadow<HTMLDialogElement>(s.el, 'dialog');
    dialog.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(textOf(dialog.querySelector('[part="error"]'))).to.equal('Fill in Amount to run Refund.');
    expect(sent(s.adapter, 'workflow.run')).to.deep.equal([]);
    await sendKeys({ press: 'Escape' });
    await settle();
    expect(dialog.open).to.equal(false);
    expect(focusedPart(s.el)).to.equal('workflows-toggle');
  });

  it('DX-1: without the reply permission the composer says drafts need approval and Send is disabled', async () => {
    const s = await inConversation({ digital: { permissions: { chat: { agent: ['approveDrafts'] } } } });
    expect(textOf(part(s.el, 'permission'))).to.include('your messages are drafts that need approval');
    await typeReply(s.el, 'Hi');
    expect(part<HTMLButtonElement>(s.el, 'send').disabled).to.equal(true);
    expect(has(s.el, '[part="transfer"]'), 'no assign permission, no transfer').to.equal(false);
    await sendKeys({ press: 'Enter' });
    expect(sent(s.adapter, 'message.send')).to.deep.equal([]);
  });

  it('DX-2/DX-3: the first-response countdown, then the customer-inactivity countdown with Extend', async () => {
    const s = await inConversation(
      {},
      { timers: { firstResponseMs: 60_000, customerInactivityMs: 120_000, inactivityExtensionMs: 60_000 } },
    );
    expect(textOf(part(s.el, 'response-timer'))).to.equal('First reply due in 1:00');
    await s.time.advance(35_000, 1000);
    expect(textOf(part(s.el, 'response-timer'))).to.equal('First reply due in 0:25');
    expect(part(s.el, 'response-timer').hasAttribute('data-urgent')).to.equal(true);
    expect(announcement(s.el), 'told once as it gets low').to.equal('30 seconds left to reply to Dana Reyes.');
    await s.el.updateComplete;
    expect(announcement(s.el), 'not every second').to.equal('30 seconds left to reply to Dana Reyes.');
    await typeReply(s.el, 'Hello');
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(has(s.el, '[part="response-timer"]')).to.equal(false);
    expect(textOf(part(s.el, 'inactivity-timer'))).to.equal('Unassigned if the customer stays silent for 2:00');
    await s.time.advance(95_000, 1000);
    await s.el.updateComplete;
    expect(announcement(s.el)).to.equal('Dana Reyes will be unassigned in 30 seconds unless they write; you can extend.');
    await press(s.el, part(s.el, 'extend'));
    expect(sent(s.adapter, 'inactivity.extend')).to.deep.equal([{ type: 'inactivity.extend', taskId: 'chat-1' }]);
    await expect(s.el).to.be.accessible();
  });

  it('DX-4: the service level shows while the reply field has focus', async () => {
    const s = await inConversation({ digital: { serviceLevels: { firstResponseMs: 3_600_000 } } });
    expect(has(s.el, '[part="sla"]')).to.equal(false);
    input(s.el).focus();
    await settle();
    expect(textOf(part(s.el, 'sla'))).to.equal('Service level (business hours): First response within 1:00:00');
    input(s.el).blur();
    await settle();
    expect(has(s.el, '[part="sla"]')).to.equal(false);
  });

  it('DX-7: a BYOC channel shows with its integration name, icon and colour', async () => {
    const s = await inConversation({}, { media: 'social', channelTypeId: 'byoc-wechat' });
    const icon = row(s.el, 'chat-1').querySelector<HTMLElement>('[part="channel-icon"]')!;
    expect(textOf(icon.querySelector('[aria-hidden]'))).to.equal('W');
    expect(textOf(icon.querySelector('.visually-hidden'))).to.equal('WeChat');
    expect(getComputedStyle(icon).borderTopColor).to.equal('rgb(45, 193, 0)');
    expect(textOf(shadow(s.el, '.details-head .muted'))).to.equal('WeChat · Support');
  });

  it('KB: Ctrl+Shift+8 next active task, Ctrl+Shift+9 previous, Ctrl+Alt+T the list, Ctrl+Alt+9 accepts offers; configurable', async () => {
    const s = await setup();
    await emit(
      s,
      { type: 'task.updated', task: active() },
      { type: 'task.updated', task: active({ id: 'sms-1', media: 'sms', status: 'wrapUp', wrapUp: { forced: false } }) },
      { type: 'task.updated', task: active({ id: 'social-1', media: 'social' }) },
    );
    s.client.selectTask('chat-1');
    await settle();
    // The shortcuts act while focus is in the pane (see internal/shortcuts.test.ts for the page-wide switch).
    row(s.el, 'chat-1').focus();
    await chord('Control', 'Shift', '8');
    await settle();
    expect(s.client.state.selectedTaskId, 'the wrap-up is skipped').to.equal('social-1');
    expect(focusedRow(s.el)).to.equal('social-1');
    await chord('Control', 'Shift', '9');
    await settle();
    expect(s.client.state.selectedTaskId).to.equal('sms-1');
    await chord('Control', 'Alt', 't');
    await settle();
    expect(s.el.listCollapsed).to.equal(true);
    s.el.shortcuts = { toggleTaskList: 'Alt+L' };
    await chord('Control', 'Alt', 't');
    await settle();
    expect(s.el.listCollapsed).to.equal(true);
    await chord('Alt', 'l');
    await settle();
    expect(s.el.listCollapsed).to.equal(false);

    await emit(
      s,
      { type: 'task.updated', task: task({ id: 'chat-2' }) },
      { type: 'task.updated', task: task({ id: 'email-2', media: 'email' }) },
    );
    await chord('Control', 'Alt', '9');
    expect(sent(s.adapter, 'task.accept').map((c) => 'taskId' in c && c.taskId)).to.deep.equal(['chat-2', 'email-2']);
  });

  it('email: the thread is shown read-only and the email composer takes the composer’s place', async () => {
    const s = await inConversation(
      {
        threads: {
          'email-1': [
            message({
              id: 'e1',
              taskId: 'email-1',
              html: '<p>Hello <b>there</b><img src="https://tracker.example/p.gif"><script>alert(1)</script></p>',
              email: { from: 'dana@example.com', to: ['support@example.com'], cc: [], subject: 'Order', kind: 'received' },
            }),
          ],
        },
      },
      { id: 'email-1', media: 'email' },
    );
    // The sanitiser loads when the first HTML message shows.
    await waitUntil(() => has(s.el, '[part="message"] .rich'), 'the sanitised body');
    const body = shadow(s.el, '[part="message"] .rich');
    expect(body.innerHTML.replace(/<!--[^>]*-->/g, '')).to.equal('<p>Hello <b>there</b><img></p>');
    expect(textOf(part(s.el, 'email-composer'))).to.equal('The email composer is not loaded on this page: reply from your email tool.');
    expect(has(s.el, '[part="composer"]')).to.equal(false);
    if (!customElements.get('cc-email-composer')) customElements.define('cc-email-composer', class extends HTMLElement {});
    s.el.requestUpdate();
    await s.el.updateComplete;
    const composer = part(s.el, 'email-composer').querySelector('cc-email-composer')!;
    expect(composer.getAttribute('task-id')).to.equal('email-1');
    // EM-6: its "Show all messages" brings the pane's thread into view, newest email included.
    part(s.el, 'thread').scrollTop = 0;
    composer.dispatchEvent(new CustomEvent('cc-email-show-all', { detail: { taskId: 'email-1' }, bubbles: true, composed: true }));
    expect(s.el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('thread');
  });

  it('cc-task-error: a refused command is told to the host and shown', async () => {
    const s = await setup();
    s.adapter.respond((c) => {
      if (c.type === 'task.accept') throw new CcError('api', 'Too many chats.', { traceId: 'x-1' });
    });
    await emit(s, { type: 'task.updated', task: task() });
    await press(s.el, part(s.el, 'accept'));
    const error = s.events.find((e) => e.type === 'cc-task-error')?.detail as TaskErrorDetail;
    expect(error).to.deep.include({ taskId: 'chat-1', action: 'accept', code: 'api', traceId: 'x-1' });
    expect(textOf(part(s.el, 'error'))).to.equal('Too many chats. Trace id: x-1');
  });

  it('simulator: a whole chat — offer, accept, the customer writes, a reply with its receipts, end', async () => {
    const time = new ManualTime();
    const quiet: SimScenario = {
      ...SCENARIOS.digital,
      title: 'Task pane',
      queues: SCENARIOS.digital.queues.map((queue) => ({ ...queue, waitingAtStart: 0 })),
      customersReply: false,
    };
    const adapter = createSimAdapter({ scenario: quiet, scheduler: time.scheduler, latencyMs: 50 });
    const client = createClient({ adapter, scheduler: time.scheduler });
    const el = await fixture<CcTaskPane>(html`<cc-task-pane .client=${client}></cc-task-pane>`);
    const step = async (action: () => Promise<unknown>) => {
      const done = action();
      await time.advance(200);
      await done;
    };
    await time.advance(200);
    await step(() => client.signIn({ role: 'agent', station: { kind: 'extension', extension: '1001' }, teamId: 'team-billing' }));
    await step(() => client.setChannelState('chatSocial', 'ready'));

    const taskId = adapter.engine.injectContact({ queueId: 'dq-chat', customerName: 'Sam Carter', text: 'Where is my order?' });
    await time.advance(200);
    const offer = shadow(el, `[part="offer"][data-task-id="${taskId}"]`);
    expect(textOf(offer.querySelector('strong'))).to.equal('New Chat: Sam Carter');
    expect(textOf(offer.querySelector('[part="queue"]'))).to.equal('Web chat');
    await step(() => press(el, offer.querySelector<HTMLButtonElement>('[part="accept"]')!));
    await time.advance(400);
    expect(rows(el).map((r) => r.dataset['taskId'])).to.deep.equal([taskId]);
    expect(textOf(part(el, 'customer-name'))).to.equal('Sam Carter');
    const customerLines = () => shadowAll(el, '[part="message"][data-author="customer"] .text').map(textOf);
    expect(customerLines()).to.include('Where is my order?');

    adapter.engine.customerWrites(taskId, { text: 'It was order 42.' });
    await time.advance(200);
    expect(customerLines().at(-1)).to.equal('It was order 42.');

    await typeReply(el, 'Let me check order 42.');
    await sendKeys({ press: 'Enter' });
    await time.advance(200);
    const mine = () => shadowAll(el, '[part="message"][data-author="agent"]').at(-1)!;
    expect(textOf(mine().querySelector('.text'))).to.equal('Let me check order 42.');
    expect(textOf(mine().querySelector('[part="receipt"]'))).to.equal('Sent');
    await time.advance(1000);
    expect(textOf(mine().querySelector('[part="receipt"]'))).to.equal('Delivered');
    await time.advance(2000);
    expect(textOf(mine().querySelector('[part="receipt"]'))).to.equal('Read');
    await expect(el).to.be.accessible();

    await step(() => press(el, part(el, 'end')));
    await time.advance(200);
    // Web chat forces wrap-up: the pane shows its place instead of the composer.
    expect(adapter.engine.tasks('ana.popescu').map((t) => `${t.id}:${t.status}`)).to.deep.equal([`${taskId}:wrapUp`]);
    expect(has(el, '[part="wrap-up"]')).to.equal(true);
    expect(has(el, '[part="composer"]')).to.equal(false);
    client.dispose();
    adapter.engine.dispose();
  });
});
