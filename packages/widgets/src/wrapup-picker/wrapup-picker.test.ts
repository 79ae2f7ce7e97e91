import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CcError, createClient, memoryStorage, type CcClient, type ReasonCode, type Task, type TenantSettings } from '@cc-elements/core';
import { createSimAdapter, SCENARIOS, type SimContactCenter, type SimScenario } from '@cc-elements/adapter-sim';
import type { TestAdapter } from '@cc-elements/core/testing';
import '../cc-wrapup-picker.js';
import type { CcWrapupPicker, WrapUpClosedDetail } from './wrapup-picker.js';
import { ManualTime, scriptedClient, settle, shadow, shadowAll, type ScriptedClientOptions } from '../../test/helpers.js';

const REASONS: readonly ReasonCode[] = [
  { id: 'resolved', label: 'Resolved' },
  { id: 'follow-up', label: 'Follow-up needed' },
  { id: 'sale', label: 'Sale made' },
  { id: 'wrong-number', label: 'Wrong number' },
  { id: 'escalated', label: 'Escalated' },
];

/** Ana, agent only, on extension 1001 in the Billing team, with voice Ready on the simulator. */
async function simAgent(time: ManualTime, scenario: SimScenario): Promise<{ client: CcClient; engine: SimContactCenter }> {
  const adapter = createSimAdapter({ scenario, scheduler: time.scheduler, latencyMs: 50 });
  const client = createClient({ adapter, scheduler: time.scheduler, storage: memoryStorage() });
  await time.advance(200);
  const signIn = client.signIn({ role: 'agent', station: { kind: 'extension', extension: '1001' }, teamId: 'team-billing' });
  await time.advance(500);
  await signIn;
  const ready = client.setChannelState('voice', 'ready');
  await time.advance(200);
  await ready;
  return { client, engine: adapter.engine };
}

/** A caller on Sales, answered and hung up by the agent: the call goes to wrap-up (or closes, WU-1). */
async function answerAndEnd(time: ManualTime, client: CcClient, engine: SimContactCenter): Promise<string> {
  const callId = engine.injectCall({ queueId: 'q-sales', from: '+14155550188', customerName: 'Sam Carter' });
  await time.advance(200);
  const offered = client.state.tasks.find((t) => t.status === 'offered');
  if (!offered) throw new Error('The simulator offered no call.');
  const accepted = client.accept(offered.id);
  await time.advance(200);
  await accepted;
  const ended = client.end(offered.id);
  await time.advance(200);
  await ended;
  return callId;
}

const FORCED: Partial<TenantSettings> = { wrapUpReasons: REASONS, wrapUp: { mode: 'forced', timeoutSec: 30 } };

/** A call that just ended into wrap-up, its deadline `ms` from now. */
function wrapUpTask(client: CcClient, overrides: Partial<Task> = {}, ms = 30_000, forced = true): Task {
  const now = client.scheduler.now();
  return {
    id: 'call-1',
    media: 'voice',
    status: 'wrapUp',
    since: now,
    direction: 'inbound',
    from: '+14155550123',
    customerName: 'Jane Doe',
    queueName: 'Billing',
    wrapUp: { forced, expiresAt: now + ms },
    ...overrides,
  };
}

/** A backend that closes what it is asked to close. */
function closesTasks(adapter: TestAdapter): void {
  adapter.respond((command) => {
    if (command.type === 'task.close' || command.type === 'task.end')
      adapter.emit({ type: 'task.removed', taskId: command.taskId, reason: 'closed' });
  });
}

function setUp(options: ScriptedClientOptions = {}) {
  const scripted = scriptedClient({ tenant: FORCED, ...options });
  closesTasks(scripted.adapter);
  return scripted;
}

async function mount(client: CcClient | undefined, taskId?: string): Promise<CcWrapupPicker> {
  const el = await fixture<CcWrapupPicker>(html`<cc-wrapup-picker .client=${client} .taskId=${taskId}></cc-wrapup-picker>`);
  await settle();
  await el.updateComplete;
  return el;
}

const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const closeButton = (el: CcWrapupPicker) => shadow<HTMLButtonElement>(el, '[part="close"]');
const options = (el: CcWrapupPicker, task = 'call-1') => shadowAll(el, `[part="wrapup"][data-task-id="${task}"] [role="option"]`);
const option = (el: CcWrapupPicker, label: string, task = 'call-1') => {
  const found = options(el, task).find((o) => text(o).endsWith(label));
  if (!found) throw new Error(`No reason "${label}" for ${task}`);
  return found;
};
const chosen = (el: CcWrapupPicker, task = 'call-1') =>
  options(el, task)
    .filter((o) => o.getAttribute('aria-selected') === 'true')
    .map(text);
const announcer = (el: CcWrapupPicker) => text(shadow(el, '.visually-hidden[role="status"]'));

async function choose(el: CcWrapupPicker, label: string, task = 'call-1'): Promise<void> {
  option(el, label, task).click();
  await settle();
  await el.updateComplete;
}

describe('<cc-wrapup-picker>', () => {
  it('shows a message without a client', async () => {
    const el = await mount(undefined);
    expect(text(shadow(el, '[role="status"]'))).to.equal('No contact-center client is connected to this widget.');
    await expect(el).to.be.accessible();
  });

  it('WU-1: without forced wrap-up, ending closes the interaction and the picker stays idle', async () => {
    const { client, adapter } = setUp({ tenant: { wrapUpReasons: REASONS, wrapUp: { mode: 'off', timeoutSec: 0 } } });
    const el = await mount(client);
    const seen: number[] = [];
    new MutationObserver(() => seen.push(shadowAll(el, '[part="wrapup"]').length)).observe(el.shadowRoot!, {
      childList: true,
      subtree: true,
    });
    adapter.emit({ type: 'task.updated', task: { id: 'call-1', media: 'voice', status: 'active', since: 0, startedAt: 0 } });
    await settle();
    await client.end('call-1');
    await settle();
    expect(client.state.tasks).to.deep.equal([]);
    expect(
      seen.every((n) => n === 0),
      'no picker ever showed',
    ).to.equal(true);
    expect(text(shadow(el, '[part="idle"]'))).to.equal('No interaction is in wrap-up.');
    await expect(el).to.be.accessible();
  });

  it('WU-1: optional wrap-up — Close is enabled at once and closes without a reason', async () => {
    const { client, adapter } = setUp({ tenant: { wrapUpReasons: REASONS, wrapUp: { mode: 'optional', timeoutSec: 0 } } });
    const el = await mount(client);
    adapter.emit({ type: 'task.updated', task: { ...wrapUpTask(client, {}, 0, false), wrapUp: { forced: false } } });
    await settle();
    expect(closeButton(el).disabled).to.equal(false);
    expect(text(shadow(el, '[part="hint"]'))).to.equal('Choosing a reason is optional.');
    expect(shadowAll(el, '[part="countdown"]'), 'no countdown without a deadline').to.have.length(0);
    expect(shadow(el, '[role="listbox"]').getAttribute('aria-required')).to.equal('false');
    await expect(el).to.be.accessible();
    const closed = oneEvent(el, 'cc-wrapup-closed');
    closeButton(el).click();
    expect((await closed).detail).to.deep.equal({ taskId: 'call-1', reasonId: undefined, automatic: false });
    expect(adapter.commands.at(-1)).to.deep.equal({ type: 'task.close', taskId: 'call-1' });
    await settle();
    expect(shadowAll(el, '[part="wrapup"]')).to.have.length(0);
  });

  it('WU-2: forced — the countdown shows in the reasons menu and Close is disabled until a reason is chosen, shown green with a check', async () => {
    const time = new ManualTime();
    const { client, adapter } = setUp({ scheduler: time.scheduler });
    const el = await mount(client);
    adapter.emit({ type: 'task.updated', task: wrapUpTask(client) });
    await settle();
    expect(text(shadow(el, '.menu [part="countdown"]'))).to.equal('0:30 left');
    expect(closeButton(el).disabled).to.equal(true);
    expect(text(shadow(el, '[part="hint"]'))).to.equal('Choose a reason to close.');
    expect(shadow(el, '[role="listbox"]').getAttribute('aria-required')).to.equal('true');
    expect(chosen(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();

    await time.advance(4000);
    expect(text(shadow(el, '[part="countdown"]'))).to.equal('0:26 left');
    const picked = oneEvent(el, 'cc-wrapup-reason-chosen');
    await choose(el, 'Sale made');
    expect((await picked).detail).to.deep.equal({ taskId: 'call-1', reasonId: 'sale' });
    expect(chosen(el)).to.deep.equal(['✓ Sale made']);
    expect(getComputedStyle(option(el, 'Sale made')).color).to.equal('rgb(26, 127, 55)');
    expect(getComputedStyle(option(el, 'Resolved')).color).to.not.equal('rgb(26, 127, 55)');
    expect(text(shadow(el, '[part="hint"]'))).to.equal('✓ Reason: Sale made');
    expect(closeButton(el).disabled).to.equal(false);
    expect(client.state.wrapUpChoices).to.deep.equal({ 'call-1': 'sale' });
    await expect(el).to.be.accessible();

    const closed = oneEvent(el, 'cc-wrapup-closed');
    closeButton(el).click();
    expect((await closed).detail).to.deep.equal({ taskId: 'call-1', reasonId: 'sale', automatic: false });
    expect(adapter.commands.at(-1)).to.deep.equal({ type: 'task.close', taskId: 'call-1', reasonId: 'sale' });
  });

  it('WU-2: at zero the core closes by itself with the reason chosen so far (task.close sent), and the picker says so until dismissed', async () => {
    const time = new ManualTime();
    const { client, adapter } = setUp({ scheduler: time.scheduler });
    const el = await mount(client);
    const closedEvents: WrapUpClosedDetail[] = [];
    el.addEventListener('cc-wrapup-closed', (e) => closedEvents.push(e.detail));
    adapter.emit({ type: 'task.updated', task: wrapUpTask(client) });
    await settle();
    await choose(el, 'Follow-up needed');
    await time.advance(29_000);
    expect(
      adapter.commands.filter((c) => c.type === 'task.close'),
      'nothing sent before zero',
    ).to.deep.equal([]);
    expect(text(shadow(el, '[part="countdown"]'))).to.equal('0:01 left');
    await time.advance(1000);
    await settle();
    expect(adapter.commands.filter((c) => c.type === 'task.close')).to.deep.equal([
      { type: 'task.close', taskId: 'call-1', reasonId: 'follow-up' },
    ]);
    expect(shadowAll(el, '[part="wrapup"]')).to.have.length(0);
    const notice = shadow(el, '[part="notices"][role="status"] [part="notice"]');
    expect(text(notice)).to.match(/^Closed automatically with reason Follow-up needed\. Voice – Jane Doe \(Billing\)/);
    expect(closedEvents).to.deep.equal([{ taskId: 'call-1', reasonId: 'follow-up', automatic: true }]);
    await expect(el).to.be.accessible();

    shadow<HTMLButtonElement>(el, '[part="dismiss"]').click();
    await settle();
    expect(shadowAll(el, '[part="notice"]')).to.have.length(0);
    expect(client.state.notices).to.deep.equal([]);
  });

  it('WU-2: at zero with no reason chosen it still closes, and the notice says without a reason', async () => {
    const time = new ManualTime();
    const { client, adapter } = setUp({ scheduler: time.scheduler });
    const el = await mount(client);
    adapter.emit({ type: 'task.updated', task: wrapUpTask(client, {}, 5000) });
    await settle();
    await time.advance(5000);
    await settle();
    expect(adapter.commands.filter((c) => c.type === 'task.close')).to.deep.equal([{ type: 'task.close', taskId: 'call-1' }]);
    expect(text(shadow(el, '[part="notice"]'))).to.match(/^Closed automatically without a reason\./);
  });

  it('WU-2: the countdown is announced when wrap-up starts and once with 10 s left, not every second', async () => {
    const time = new ManualTime();
    const { client, adapter } = setUp({ scheduler: time.scheduler });
    const el = await mount(client);
    const region = shadow(el, '.visually-hidden[role="status"]');
    expect(text(region)).to.equal('');
    adapter.emit({ type: 'task.updated', task: wrapUpTask(client) });
    await settle();
    const start = announcer(el);
    expect(start).to.equal('Wrap-up for Voice – Jane Doe (Billing): choose a reason before the time runs out.');
    await time.advance(5000);
    expect(announcer(el), 'unchanged while the seconds tick').to.equal(start);
    expect(shadow(el, '[part="countdown"]').getAttribute('role'), 'a timer is not live by default').to.equal('timer');
    await time.advance(15_000);
    const late = announcer(el);
    expect(late).to.equal('Less than 10 seconds of wrap-up left for Voice – Jane Doe (Billing).');
    await time.advance(6000);
    expect(text(shadow(el, '[part="countdown"]'))).to.equal('0:04 left');
    expect(announcer(el), 'said once, not per second').to.equal(late);
    expect(shadow(el, '.visually-hidden[role="status"]'), 'the same live region throughout').to.equal(region);
  });

  it('refused close: the error shows inline with its trace id and the chosen reason is kept', async () => {
    const { client, adapter } = setUp();
    adapter.respond((command) => {
      if (command.type === 'task.close') throw new CcError('api', 'The wrap-up service is unavailable.', { traceId: 'trace-42' });
    });
    const el = await mount(client);
    adapter.emit({ type: 'task.updated', task: wrapUpTask(client) });
    await settle();
    await choose(el, 'Resolved');
    const failed = oneEvent(el, 'cc-wrapup-error');
    closeButton(el).click();
    expect((await failed).detail).to.deep.equal({
      code: 'api',
      message: 'The wrap-up service is unavailable.',
      traceId: 'trace-42',
      taskId: 'call-1',
    });
    await settle();
    expect(text(shadow(el, '[part="error"][role="alert"]'))).to.equal('The wrap-up service is unavailable. Trace id: trace-42');
    expect(chosen(el)).to.deep.equal(['✓ Resolved']);
    expect(client.state.wrapUpChoices['call-1']).to.equal('resolved');
    expect(closeButton(el).disabled, 'the agent can try again').to.equal(false);
    await expect(el).to.be.accessible();

    closesTasks(adapter);
    closeButton(el).click();
    await settle();
    expect(adapter.commands.filter((c) => c.type === 'task.close').at(-1)).to.deep.equal({
      type: 'task.close',
      taskId: 'call-1',
      reasonId: 'resolved',
    });
    expect(shadowAll(el, '[part="wrapup"]')).to.have.length(0);
  });

  it('WU-4: when the browser cannot save the reason, it stays chosen for this session and the agent is told', async () => {
    const storage = {
      get: async () => undefined,
      set: async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      remove: async () => {},
    };
    const { client, adapter } = setUp({ storage });
    const el = await mount(client);
    adapter.emit({ type: 'task.updated', task: wrapUpTask(client) });
    await settle();
    const errors: string[] = [];
    el.addEventListener('cc-wrapup-error', (e) => errors.push(e.detail.code));
    const picked = oneEvent(el, 'cc-wrapup-reason-chosen');
    await choose(el, 'Wrong number');
    expect((await picked).detail.reasonId).to.equal('wrong-number');
    expect(errors).to.deep.equal(['storage.failed']);
    expect(text(shadow(el, '[part="error"]'))).to.equal('The browser storage could not be used.');
    expect(chosen(el)).to.deep.equal(['✓ Wrong number']);
    expect(closeButton(el).disabled).to.equal(false);
  });

  it('WU-3: the reasons are the backend’s, in its order', async () => {
    const reasons = [
      { id: 'billing-q', label: 'Billing question' },
      { id: 'complaint', label: 'Complaint' },
    ];
    const { client, adapter } = setUp({ tenant: { wrapUpReasons: reasons, wrapUp: { mode: 'forced', timeoutSec: 60 } } });
    const el = await mount(client);
    adapter.emit({ type: 'task.updated', task: wrapUpTask(client, {}, 60_000) });
    await settle();
    expect(options(el).map(text)).to.deep.equal(['Billing question', 'Complaint']);
    expect(options(el).map((o) => o.dataset['reasonId'])).to.deep.equal(['billing-q', 'complaint']);
    expect(text(shadow(el, '[part="countdown"]'))).to.equal('1:00 left');
  });

  it('WU-3: a digital task (chat) wraps up the same way and shows the media, customer and queue', async () => {
    const { client, adapter } = setUp({ tenant: { ...FORCED, media: ['voice', 'chat'] } });
    const el = await mount(client);
    adapter.emit({
      type: 'task.updated',
      task: wrapUpTask(client, { id: 'chat-7', media: 'chat', from: 'jane@example.com', customerName: 'Jane Roe', queueName: 'Web chat' }),
    });
    await settle();
    const section = shadow(el, '[part="wrapup"]');
    expect(section.dataset['media']).to.equal('chat');
    expect(text(shadow(el, '[part="task"]'))).to.equal('Wrap-up · Chat Jane Roe Web chat');
    await choose(el, 'Escalated', 'chat-7');
    closeButton(el).click();
    await settle();
    expect(adapter.commands.at(-1)).to.deep.equal({ type: 'task.close', taskId: 'chat-7', reasonId: 'escalated' });
    expect(text(shadow(el, '[part="idle"]'))).to.equal('No interaction is in wrap-up.');
  });

  it('several tasks in wrap-up: one picker each, oldest first; task-id shows only that one', async () => {
    const { client, adapter } = setUp({ tenant: { ...FORCED, media: ['voice', 'email'] } });
    const el = await mount(client);
    adapter.emit({ type: 'task.updated', task: wrapUpTask(client) });
    adapter.emit({
      type: 'task.updated',
      task: wrapUpTask(client, { id: 'email-3', media: 'email', customerName: 'Li Wei', from: 'li@example.com', queueName: 'Returns' }),
    });
    await settle();
    expect(shadowAll(el, '[part="wrapup"]').map((s) => s.dataset['taskId'])).to.deep.equal(['call-1', 'email-3']);
    await choose(el, 'Resolved', 'email-3');
    expect(chosen(el, 'email-3')).to.deep.equal(['✓ Resolved']);
    expect(chosen(el, 'call-1'), 'the other task keeps its own choice').to.deep.equal([]);
    const [first, second] = shadowAll<HTMLButtonElement>(el, '[part="close"]');
    expect(first!.disabled).to.equal(true);
    expect(second!.disabled).to.equal(false);
    await expect(el).to.be.accessible();

    const one = await mount(client, 'email-3');
    expect(shadowAll(one, '[part="wrapup"]').map((s) => s.dataset['taskId'])).to.deep.equal(['email-3']);
    one.taskId = 'call-1';
    await one.updateComplete;
    expect(shadowAll(one, '[part="wrapup"]').map((s) => s.dataset['taskId'])).to.deep.equal(['call-1']);
    one.taskId = 'not-in-wrap-up';
    await one.updateComplete;
    expect(shadowAll(one, '[part="idle"]')).to.have.length(1);
  });

  it('keyboard: Tab to the reasons, arrows and type-ahead move, Enter chooses, then Tab and Enter close', async () => {
    const { client, adapter } = setUp();
    const before = document.createElement('button');
    before.textContent = 'Before';
    document.body.append(before);
    const el = await mount(client);
    adapter.emit({ type: 'task.updated', task: wrapUpTask(client) });
    await settle();
    before.focus();
    await sendKeys({ press: 'Tab' });
    const list = shadow(el, '[role="listbox"]');
    expect(el.shadowRoot!.activeElement).to.equal(list);
    const activeLabel = () => text(el.shadowRoot!.getElementById(list.getAttribute('aria-activedescendant')!)!);
    expect(activeLabel()).to.equal('Resolved');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeLabel()).to.equal('Follow-up needed');
    expect(chosen(el), 'moving does not choose').to.deep.equal([]);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(activeLabel()).to.equal('Escalated');
    await sendKeys({ press: 'w' });
    await el.updateComplete;
    expect(activeLabel()).to.equal('Wrong number');
    const picked = oneEvent(el, 'cc-wrapup-reason-chosen');
    await sendKeys({ press: 'Enter' });
    expect((await picked).detail.reasonId).to.equal('wrong-number');
    await el.updateComplete;
    expect(chosen(el)).to.deep.equal(['✓ Wrong number']);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: ' ' });
    await settle();
    expect(chosen(el), 'Space chooses too').to.deep.equal(['✓ Resolved']);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(closeButton(el));
    const closed = oneEvent(el, 'cc-wrapup-closed');
    await sendKeys({ press: 'Enter' });
    expect((await closed).detail).to.deep.equal({ taskId: 'call-1', reasonId: 'resolved', automatic: false });
    before.remove();
  });

  it('WU-4: the chosen reason comes back after a reload (new client, same storage, task delivered again)', async () => {
    const storage = memoryStorage();
    const first = setUp({ storage });
    const el = await mount(first.client);
    first.adapter.emit({ type: 'task.updated', task: wrapUpTask(first.client) });
    await settle();
    await choose(el, 'Sale made');
    first.client.dispose();

    const second = setUp({ storage });
    const reloaded = await mount(second.client);
    second.adapter.emit({ type: 'task.updated', task: wrapUpTask(second.client) });
    await settle();
    expect(chosen(reloaded)).to.deep.equal(['✓ Sale made']);
    expect(closeButton(reloaded).disabled).to.equal(false);
  });

  it('WU-4/SE-4: after a reconnect (state.synced) the chosen reason and the countdown are kept; Close waits for the connection', async () => {
    const time = new ManualTime();
    const { client, adapter } = setUp({ scheduler: time.scheduler });
    const el = await mount(client);
    const task = wrapUpTask(client);
    adapter.emit({ type: 'task.updated', task });
    await settle();
    await choose(el, 'Escalated');
    await time.advance(10_000);

    adapter.emit({ type: 'connection.changed', status: 'lost' });
    await settle();
    expect(closeButton(el).disabled, 'no Close while disconnected').to.equal(true);
    expect(text(shadow(el, '[part="hint"]'))).to.equal('✓ Reason: Escalated');
    await time.advance(5000);

    const { profile, tenant, session, media } = client.state;
    adapter.emit({ type: 'connection.changed', status: 'connected' });
    adapter.emit({
      type: 'state.synced',
      snapshot: { profile: profile!, tenant, session: session!, media: Object.values(media).map((m) => m!), tasks: [task] },
    });
    await settle();
    expect(chosen(el)).to.deep.equal(['✓ Escalated']);
    expect(text(shadow(el, '[part="countdown"]')), 'the server’s deadline stands').to.equal('0:15 left');
    expect(closeButton(el).disabled).to.equal(false);
  });

  it('simulator: a call ended with forced wrap-up → the picker appears → choose → Close files the reason', async () => {
    const time = new ManualTime();
    const { client, engine } = await simAgent(time, SCENARIOS.agentOnly);
    const el = await mount(client);
    expect(shadowAll(el, '[part="idle"]')).to.have.length(1);
    const callId = await answerAndEnd(time, client, engine);
    const section = shadow(el, '[part="wrapup"]');
    expect(section.dataset['forced']).to.equal('true');
    expect(text(shadow(el, '[part="task"]'))).to.equal('Wrap-up · Voice Sam Carter Sales');
    expect(options(el, section.dataset['taskId']).map(text)).to.deep.equal(SCENARIOS.agentOnly.tenant.wrapUpReasons.map((r) => r.label));
    expect(text(shadow(el, '[part="countdown"]'))).to.match(/^0:(30|29) left$/);
    expect(closeButton(el).disabled).to.equal(true);
    await choose(el, 'Resolved', section.dataset['taskId']);
    expect(closeButton(el).disabled).to.equal(false);
    const closed = oneEvent(el, 'cc-wrapup-closed');
    closeButton(el).click();
    await time.advance(200);
    expect((await closed).detail).to.include({ reasonId: 'resolved', automatic: false });
    await settle();
    expect(shadowAll(el, '[part="wrapup"]')).to.have.length(0);
    expect(engine.closings(callId).find((c) => c.agentId === 'ana.popescu')).to.include({
      queueId: 'q-sales',
      reasonId: 'resolved',
      closedBy: 'agent',
    });
    client.dispose();
  });

  it('simulator: WU-2 at zero the client closes with the reason chosen so far, before the server’s safety net', async () => {
    const time = new ManualTime();
    const { client, engine } = await simAgent(time, SCENARIOS.agentOnly);
    const el = await mount(client);
    const callId = await answerAndEnd(time, client, engine);
    const taskId = shadow(el, '[part="wrapup"]').dataset['taskId'];
    await choose(el, 'Sale made', taskId);
    await time.advance(30_000);
    await settle();
    expect(text(shadow(el, '[part="notice"]'))).to.match(/^Closed automatically with reason Sale made\. Voice – Sam Carter \(Sales\)/);
    const closing = engine.closings(callId).find((c) => c.agentId === 'ana.popescu');
    expect(closing).to.include({ reasonId: 'sale', closedBy: 'agent' });
    client.dispose();
  });

  it('simulator: WU-1 with wrap-up off, ending the call closes it and the picker stays idle', async () => {
    const time = new ManualTime();
    const scenario: SimScenario = {
      ...SCENARIOS.agentOnly,
      tenant: { ...SCENARIOS.agentOnly.tenant, wrapUp: { mode: 'off', timeoutSec: 0 } },
    };
    const { client, engine } = await simAgent(time, scenario);
    const el = await mount(client);
    const callId = await answerAndEnd(time, client, engine);
    expect(client.state.tasks).to.deep.equal([]);
    expect(shadowAll(el, '[part="wrapup"]')).to.have.length(0);
    expect(shadowAll(el, '[part="idle"]')).to.have.length(1);
    expect(engine.closings(callId).map((c) => c.closedBy)).to.deep.equal(['agent']);
    client.dispose();
  });

  it('axe: forced, chosen and dark', async () => {
    const { client, adapter } = setUp();
    const el = await mount(client);
    el.theme = 'dark';
    adapter.emit({ type: 'task.updated', task: wrapUpTask(client) });
    await settle();
    await expect(el).to.be.accessible();
    await choose(el, 'Resolved');
    await expect(el).to.be.accessible();
  });
});
