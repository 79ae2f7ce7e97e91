import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CcError, COMMAND_TYPES, createClient, type CcClient, type CommandType, type Task } from '@cc-elements/core';
import { createSimAdapter, SCENARIOS } from '@cc-elements/adapter-sim';
import type { TestAdapter } from '@cc-elements/core/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../cc-call-banner.js';
import type { CallDetail, CallEndedDetail, CallErrorDetail, CcCallBanner } from './call-banner.js';
import { ManualTime, scriptedClient, settle, shadow, shadowAll, type ScriptedClientOptions } from '../../test/helpers.js';

const TARGETS = [
  { id: 'q-billing', name: 'Billing', kind: 'queue' },
  { id: 'agent-lee', name: 'Lee Park', kind: 'agent' },
] as const;

/** Fields to change; `undefined` leaves a field out (a caller without a name). */
type Changes = { [K in keyof Task]?: Task[K] | undefined };

/** An inbound queued call, ringing with 20 s to answer (scheduler time starts at 0). */
function offer(over: Changes = {}): Task {
  const task = {
    id: 'call-1',
    media: 'voice',
    status: 'offered',
    since: 0,
    direction: 'inbound',
    from: '+14155550100',
    customerName: 'Dana Reyes',
    queueId: 'q-sales',
    queueName: 'Sales',
    offerExpiresAt: 20_000,
    ...over,
  };
  return Object.fromEntries(Object.entries(task).filter(([, v]) => v !== undefined)) as unknown as Task;
}

interface Setup {
  readonly time: ManualTime;
  readonly client: CcClient;
  readonly adapter: TestAdapter;
  readonly el: CcCallBanner;
  readonly events: { type: string; detail: unknown }[];
}

const EVENTS = ['cc-call-offered', 'cc-call-accepted', 'cc-call-ended', 'cc-call-declined', 'cc-call-error'] as const;

/** The banner on a scripted backend in virtual time, recording every cc-call-* event. */
async function setup(options: Omit<ScriptedClientOptions, 'scheduler'> = {}, attrs: { focusOnOffer?: boolean; taskId?: string } = {}) {
  const time = new ManualTime();
  const { client, adapter } = scriptedClient({ scheduler: time.scheduler, tenant: { transferTargets: [...TARGETS] }, ...options });
  const el = await fixture<CcCallBanner>(
    html`<cc-call-banner
      .client=${client}
      ?focus-on-offer=${attrs.focusOnOffer ?? false}
      task-id=${ifDefined(attrs.taskId)}
    ></cc-call-banner>`,
  );
  const events: Setup['events'] = [];
  for (const type of EVENTS) el.addEventListener(type, (e) => events.push({ type, detail: e.detail }));
  await settle();
  return { time, client, adapter, el, events } satisfies Setup;
}

/** A backend that answers commands the way a real one does: with the events that follow. */
function behaveLikeBackend(adapter: TestAdapter, client: CcClient): void {
  adapter.respond((command) => {
    const now = client.scheduler.now();
    const task = 'taskId' in command ? client.state.tasks.find((t) => t.id === command.taskId) : undefined;
    if (!task) return;
    const update = (over: Partial<Task>) => adapter.emit({ type: 'task.updated', task: { ...task, ...over } });
    switch (command.type) {
      case 'task.accept':
        return update({ status: 'active', since: now, startedAt: now });
      case 'task.decline':
        return adapter.emit({ type: 'task.removed', taskId: task.id, reason: 'declined' });
      case 'call.hold':
        return update({ status: 'held', since: now });
      case 'call.resume':
        return update({ status: 'active', since: now });
      case 'call.mute':
        return update({ muted: command.muted });
      case 'task.end':
        return update({ status: 'wrapUp', since: now, wrapUp: { forced: false } });
      case 'call.transfer':
        return adapter.emit({ type: 'task.removed', taskId: task.id, reason: 'transferred' });
      case 'call.consult': {
        const target = TARGETS.find((t) => t.id === command.targetId)!;
        return update({ status: 'held', consult: { targetId: target.id, targetName: target.name, status: 'ringing', since: now } });
      }
      case 'call.consultComplete':
        return adapter.emit({ type: 'task.removed', taskId: task.id, reason: 'transferred' });
      case 'call.consultCancel': {
        const { consult: _dropped, ...rest } = task;
        return adapter.emit({ type: 'task.updated', task: rest });
      }
      default:
        return;
    }
  });
}

const section = (el: CcCallBanner, taskId = 'call-1') => shadow(el, `[part="call"][data-task-id="${taskId}"]`);
const sections = (el: CcCallBanner) => shadowAll(el, '[part="call"]').map((s) => `${s.dataset['taskId']}:${s.dataset['status']}`);
const inCall = <T extends HTMLElement = HTMLButtonElement>(el: CcCallBanner, selector: string, taskId = 'call-1') =>
  section(el, taskId).querySelector<T>(selector);
const button = (el: CcCallBanner, part: string, taskId = 'call-1') => {
  const found = inCall(el, `[part="${part}"]`, taskId);
  if (!found) throw new Error(`No ${part} button on ${taskId}`);
  return found;
};
const partsIn = (el: CcCallBanner, taskId = 'call-1') =>
  [...section(el, taskId).querySelectorAll<HTMLElement>('[part="controls"] > button')].map((b) => b.getAttribute('part'));
const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const announcement = (el: CcCallBanner) => textOf(shadow(el, '[role="status"][aria-live]'));
const notices = (el: CcCallBanner) => shadowAll(el, '[part="notice"]');
/** What has focus inside the banner, by part (and text for keys): readable when an assertion fails. */
const focused = (el: CcCallBanner) => {
  const active = el.shadowRoot!.activeElement;
  return active ? `${active.getAttribute('part')}:${textOf(active)}` : 'nothing';
};
const typesOf = (events: Setup['events']) => events.map((e) => e.type);
const sent = (adapter: TestAdapter, type: CommandType) => adapter.commands.filter((c) => c.type === type);

/** A click as a mouse gives it: the button takes focus, then is clicked. */
async function press(el: CcCallBanner, target: HTMLElement): Promise<void> {
  target.focus();
  target.click();
  await settle();
  await el.updateComplete;
}

async function ring(s: Setup, task: Task = offer()): Promise<void> {
  s.adapter.emit({ type: 'task.updated', task });
  await settle();
}

/** An offer, accepted through the banner, now a connected call. */
async function connected(options: Omit<ScriptedClientOptions, 'scheduler'> = {}): Promise<Setup> {
  const s = await setup(options);
  behaveLikeBackend(s.adapter, s.client);
  await ring(s);
  await press(s.el, button(s.el, 'accept'));
  return s;
}

/** CB-5: what a host hears about the scripted offer (Dana Reyes calling Sales). */
const DANA: CallDetail = {
  taskId: 'call-1',
  callerId: '+14155550100',
  customerName: 'Dana Reyes',
  queueId: 'q-sales',
  queueName: 'Sales',
  callback: false,
  direction: 'inbound',
};
describe('<cc-call-banner>', () => {
  it('CB-1: an incoming queued call shows caller id, queue, a countdown to RONA, Accept and Decline', async () => {
    const s = await setup();
    await ring(s);
    const call = section(s.el);
    expect(call.dataset['status']).to.equal('offered');
    expect(textOf(call.querySelector('[part="heading"]'))).to.equal('Incoming call');
    expect(textOf(call.querySelector('[part="caller"]'))).to.equal('Dana Reyes');
    expect(textOf(call.querySelector('[part="number"]'))).to.equal('+14155550100');
    expect(textOf(call.querySelector('[part="queue"]'))).to.equal('Sales');
    expect(textOf(call.querySelector('[part="countdown"]'))).to.equal('Time left to answer: 0:20');
    expect(textOf(button(s.el, 'accept'))).to.equal('Accept');
    expect(textOf(button(s.el, 'decline'))).to.equal('Decline');
    await s.time.advance(3000);
    expect(textOf(call.querySelector('[part="countdown"]'))).to.equal('Time left to answer: 0:17');
    await expect(s.el).to.be.accessible();
  });

  it('CB-1: the offer is announced once, and "10 seconds left" once — not every second', async () => {
    const s = await setup();
    await ring(s);
    expect(announcement(s.el)).to.equal('Incoming call from Dana Reyes (+14155550100), queue Sales.');
    await s.time.advance(5000);
    expect(announcement(s.el), 'no tick in the live region').to.equal('Incoming call from Dana Reyes (+14155550100), queue Sales.');
    await s.time.advance(5000);
    expect(announcement(s.el)).to.equal('10 seconds left to answer the call from Dana Reyes (+14155550100).');
    expect(shadow(s.el, '[part="countdown"]').hasAttribute('data-urgent')).to.equal(true);
    await s.time.advance(4000);
    expect(announcement(s.el)).to.equal('10 seconds left to answer the call from Dana Reyes (+14155550100).');
  });

  it('CB-2/ST-6: a timeout sends the call back to the queue and the RONA notice says Voice is now Not Ready', async () => {
    const s = await setup();
    await ring(s);
    await s.time.advance(20_000);
    expect(textOf(shadow(s.el, '[part="countdown"]'))).to.include('0:00');
    s.adapter.emit({ type: 'task.removed', taskId: 'call-1', reason: 'rona' });
    await settle();
    expect(sections(s.el)).to.deep.equal([]);
    const [notice] = notices(s.el);
    expect(notice!.dataset['kind']).to.equal('rona');
    expect(textOf(notice!.querySelector('p'))).to.equal(
      'You missed a call from Dana Reyes (+14155550100) in Sales — Voice is now Not Ready.',
    );
    expect(announcement(s.el)).to.equal('You missed a call from Dana Reyes (+14155550100) in Sales — Voice is now Not Ready.');
    // The core puts Voice Not Ready (ST-6).
    await s.time.advance(100);
    expect(s.adapter.commands.at(-1)).to.deep.include({ type: 'media.setState', status: 'notReady' });
    expect(typesOf(s.events)).to.deep.equal(['cc-call-offered'], 'no accepted, ended or declined');
    await expect(s.el).to.be.accessible();
    await press(s.el, notice!.querySelector<HTMLButtonElement>('[part="dismiss"]')!);
    expect(notices(s.el)).to.have.length(0);
    expect(s.client.state.notices).to.have.length(0);
  });

  it('ST-8: a missed call with an unavailable time counts down to Available again', async () => {
    const s = await setup({ tenant: { offerRules: { declinedUnavailableMs: 10_000, missedUnavailableMs: 10_000 } } });
    await ring(s);
    s.adapter.emit({ type: 'task.removed', taskId: 'call-1', reason: 'rona' });
    await settle();
    expect(textOf(notices(s.el)[0]!.querySelector('p'))).to.equal(
      'You missed a call from Dana Reyes (+14155550100) in Sales. Available again in 0:10.',
    );
    expect(announcement(s.el)).to.equal('You missed a call from Dana Reyes (+14155550100) in Sales. You are unavailable for 10 seconds.');
  });

  it('CB-2/ST-8: Decline sends the call back to the queue; the notice counts down the unavailable time', async () => {
    const s = await setup();
    behaveLikeBackend(s.adapter, s.client);
    await ring(s);
    await press(s.el, button(s.el, 'decline'));
    expect(sent(s.adapter, 'task.decline')).to.deep.equal([{ type: 'task.decline', taskId: 'call-1' }]);
    expect(sections(s.el)).to.deep.equal([]);
    const notice = () => notices(s.el)[0]!;
    expect(notice().dataset['kind']).to.equal('declined');
    expect(textOf(notice().querySelector('p'))).to.equal(
      'You declined a call from Dana Reyes (+14155550100) in Sales; it went back to the queue. Available again in 0:10.',
    );
    expect(announcement(s.el)).to.equal(
      'You declined a call from Dana Reyes (+14155550100) in Sales; it went back to the queue. You are unavailable for 10 seconds.',
    );
    await s.time.advance(2000);
    expect(textOf(notice().querySelector('p'))).to.include('Available again in 0:08.');
    expect(announcement(s.el), 'the countdown is not read out').to.not.include('0:08');
    expect(s.events.filter((e) => e.type === 'cc-call-declined')).to.have.length(1);
    await expect(s.el).to.be.accessible();
  });

  it('CB-2: Accept turns the banner into the connected call, with caller number and queue', async () => {
    const s = await connected();
    expect(sent(s.adapter, 'task.accept')).to.deep.equal([{ type: 'task.accept', taskId: 'call-1' }]);
    const call = section(s.el);
    expect(call.dataset['status']).to.equal('active');
    expect(textOf(call.querySelector('[part="heading"]'))).to.equal('On call');
    expect(textOf(call.querySelector('[part="number"]'))).to.equal('+14155550100');
    expect(textOf(call.querySelector('[part="queue"]'))).to.equal('Sales');
    expect(call.querySelector('[part="accept"]') === null, 'Accept is gone').to.equal(true);
    // The keyboard user is not dropped to the page when Accept goes away.
    expect(focused(s.el)).to.equal('hold:Hold');
  });

  it('CB-3: the call duration ticks; hold and resume; mute and unmute', async () => {
    const s = await connected();
    await s.time.advance(65_000, 1000);
    expect(textOf(shadow(s.el, '[part="duration"]'))).to.equal('Call duration: 1:05');
    await press(s.el, button(s.el, 'hold'));
    expect(section(s.el).dataset['status']).to.equal('held');
    expect(textOf(shadow(s.el, '[part="heading"]'))).to.equal('Call on hold');
    expect(textOf(button(s.el, 'resume'))).to.equal('Resume');
    await expect(s.el).to.be.accessible();
    await press(s.el, button(s.el, 'resume'));
    expect(section(s.el).dataset['status']).to.equal('active');
    await press(s.el, button(s.el, 'mute'));
    expect(sent(s.adapter, 'call.mute')).to.deep.equal([{ type: 'call.mute', taskId: 'call-1', muted: true }]);
    expect(textOf(button(s.el, 'unmute'))).to.equal('Unmute');
    expect(textOf(inCall(s.el, '[data-badge="muted"]'))).to.equal('Muted');
    await press(s.el, button(s.el, 'unmute'));
    expect(sent(s.adapter, 'call.mute').at(-1)).to.deep.equal({ type: 'call.mute', taskId: 'call-1', muted: false });
    expect(inCall(s.el, '[data-badge="muted"]') === null).to.equal(true);
    expect(textOf(shadow(s.el, '[part="duration"]'))).to.equal('Call duration: 1:05', 'hold does not restart the duration');
  });

  it('CB-3: End leads to a small Wrap-up line (the reasons are the wrap-up picker’s)', async () => {
    const s = await connected();
    await press(s.el, button(s.el, 'end'));
    expect(sent(s.adapter, 'task.end')).to.have.length(1);
    const call = section(s.el);
    expect(call.dataset['status']).to.equal('wrapUp');
    expect(textOf(call.querySelector('[part="wrap-up"]'))).to.equal('Wrap-up Dana Reyes (+14155550100) · Sales');
    expect(call.querySelectorAll('button')).to.have.length(0);
    await expect(s.el).to.be.accessible();
  });

  it('CB-3: the blind-transfer picker lists the tenant’s targets and transfers to the one chosen', async () => {
    const s = await connected();
    await press(s.el, button(s.el, 'transfer'));
    const picker = shadow(s.el, '[part="picker"]');
    expect(picker.getAttribute('aria-label')).to.equal('Transfer the call to');
    expect(button(s.el, 'transfer').getAttribute('aria-expanded')).to.equal('true');
    const targets = shadowAll<HTMLButtonElement>(s.el, '[part="target"]');
    expect(targets.map((t) => textOf(t))).to.deep.equal(['Billing queue', 'Lee Park agent']);
    expect(focused(s.el)).to.equal('target:Billing queue');
    await expect(s.el).to.be.accessible();
    await press(s.el, targets[1]!);
    expect(sent(s.adapter, 'call.transfer')).to.deep.equal([{ type: 'call.transfer', taskId: 'call-1', targetId: 'agent-lee' }]);
    expect(sections(s.el)).to.deep.equal([]);
    expect(s.events.at(-1)).to.deep.include({ type: 'cc-call-ended' });
    expect((s.events.at(-1)!.detail as CallEndedDetail).next).to.equal('closed');
  });

  it('CB-3: consult — ringing, connected, then "Complete transfer"', async () => {
    const s = await connected();
    await press(s.el, button(s.el, 'consult'));
    expect(shadow(s.el, '[part="picker"]').getAttribute('aria-label')).to.equal('Consult with');
    await press(s.el, shadowAll<HTMLButtonElement>(s.el, '[part="target"]')[0]!);
    expect(sent(s.adapter, 'call.consult')).to.deep.equal([{ type: 'call.consult', taskId: 'call-1', targetId: 'q-billing' }]);
    const consultation = () => shadow(s.el, '[part="consultation"]');
    expect(consultation().dataset['consult']).to.equal('ringing');
    expect(textOf(consultation().querySelector('p'))).to.equal('Calling Billing… The caller is on hold.');
    expect(consultation().querySelector('[part="consult-complete"]') === null).to.equal(true);
    expect(textOf(consultation().querySelector('[part="consult-cancel"]'))).to.equal('Cancel consult');
    // While consulting, the caller cannot be resumed, transferred or consulted again.
    expect(partsIn(s.el)).to.deep.equal(['mute', 'end']);
    await expect(s.el).to.be.accessible();

    const task = s.client.state.tasks[0]!;
    s.adapter.emit({ type: 'task.updated', task: { ...task, consult: { ...task.consult!, status: 'connected' } } });
    await settle();
    expect(consultation().dataset['consult']).to.equal('connected');
    expect(textOf(consultation().querySelector('p'))).to.equal('Connected with Billing. The caller is on hold.');
    await press(s.el, consultation().querySelector<HTMLButtonElement>('[part="consult-complete"]')!);
    expect(sent(s.adapter, 'call.consultComplete')).to.have.length(1);
    expect(sections(s.el)).to.deep.equal([]);
  });

  it('CB-3: "Cancel consult" returns to the held caller, who can be resumed', async () => {
    const s = await connected();
    await press(s.el, button(s.el, 'consult'));
    await press(s.el, shadowAll<HTMLButtonElement>(s.el, '[part="target"]')[1]!);
    await press(s.el, shadow<HTMLButtonElement>(s.el, '[part="consult-cancel"]'));
    expect(sent(s.adapter, 'call.consultCancel')).to.have.length(1);
    expect(inCall(s.el, '[part="consultation"]') === null).to.equal(true);
    expect(partsIn(s.el)).to.deep.equal(['resume', 'mute', 'transfer', 'consult', 'end']);
  });

  it('CB-3: a failed consultation shows the reason and a way back to the caller', async () => {
    const s = await connected();
    await press(s.el, button(s.el, 'consult'));
    await press(s.el, shadowAll<HTMLButtonElement>(s.el, '[part="target"]')[1]!);
    const task = s.client.state.tasks[0]!;
    s.adapter.emit({
      type: 'task.updated',
      task: {
        ...task,
        consult: { ...task.consult!, status: 'failed', error: { code: 'api', message: 'Lee Park declined the call.', traceId: 'tr-77' } },
      },
    });
    await settle();
    const consultation = shadow(s.el, '[part="consultation"]');
    expect(consultation.dataset['consult']).to.equal('failed');
    expect(textOf(consultation.querySelector('p'))).to.equal(
      'The consultation with Lee Park failed: Lee Park declined the call. Trace id: tr-77',
    );
    // The notice is told once to screen readers; its text is the call's own section, not a copy above it.
    expect(announcement(s.el)).to.equal('The consultation failed: Lee Park declined the call.');
    expect(notices(s.el)).to.have.length(0);
    await expect(s.el).to.be.accessible();
    await press(s.el, consultation.querySelector<HTMLButtonElement>('[part="consult-cancel"]')!);
    expect(focused(s.el), 'focus stays in the call').to.equal('resume:Resume');
    expect(sent(s.adapter, 'call.consultCancel')).to.have.length(1);
    expect(inCall(s.el, '[part="consultation"]') === null).to.equal(true);
    expect(s.client.state.notices).to.have.length(0);
  });

  it('CB-3: the DTMF keypad is there on a Desktop station and sends tones', async () => {
    const s = await connected({ station: { kind: 'desktop' } });
    const toggle = button(s.el, 'keypad-toggle');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    await press(s.el, toggle);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const keys = shadowAll<HTMLButtonElement>(s.el, '[part="key"]');
    expect(keys.map((k) => textOf(k))).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']);
    await press(s.el, keys[4]!);
    await press(s.el, keys[11]!);
    expect(sent(s.adapter, 'call.dtmf')).to.deep.equal([
      { type: 'call.dtmf', taskId: 'call-1', digits: '5' },
      { type: 'call.dtmf', taskId: 'call-1', digits: '#' },
    ]);
    expect(textOf(shadow(s.el, '[part="dtmf-digits"]'))).to.equal('5#');
    await expect(s.el).to.be.accessible();
    // Typing a digit while a key has focus sends it too.
    keys[0]!.focus();
    await sendKeys({ press: '7' });
    await settle();
    expect(sent(s.adapter, 'call.dtmf').at(-1)).to.deep.equal({ type: 'call.dtmf', taskId: 'call-1', digits: '7' });
  });

  it('CB-3: no keypad on a Dial Number station, nor where the backend cannot send tones', async () => {
    const phone = await connected({ station: { kind: 'dialNumber', number: '+14155550199' } });
    expect(partsIn(phone.el)).to.not.include('keypad-toggle');
    const noDtmf = await connected({ commands: COMMAND_TYPES.filter((c) => c !== 'call.dtmf') });
    expect(partsIn(noDtmf.el)).to.not.include('keypad-toggle');
    const desktop = await connected();
    expect(partsIn(desktop.el)).to.include('keypad-toggle');
  });

  it('CB-4: an outbound callback offer is worded as a callback, with the callback number', async () => {
    const s = await setup();
    behaveLikeBackend(s.adapter, s.client);
    await ring(s, offer({ direction: 'outbound', callback: true, customerName: undefined, from: '+14155550123', queueName: 'Callbacks' }));
    const call = section(s.el);
    expect(textOf(call.querySelector('[part="heading"]'))).to.equal('Callback request');
    expect(textOf(call.querySelector('.hint'))).to.equal('The customer asked to be called back at this number.');
    expect(textOf(call.querySelector('[part="number"]'))).to.equal('+14155550123');
    expect(textOf(call.querySelector('[part="queue"]'))).to.equal('Callbacks');
    expect(textOf(button(s.el, 'accept'))).to.equal('Accept callback');
    expect(announcement(s.el)).to.equal('Callback request: call back +14155550123, queue Callbacks.');
    expect((s.events[0]!.detail as CallDetail).callback).to.equal(true);
    await press(s.el, button(s.el, 'accept'));
    expect(textOf(shadow(s.el, '[part="heading"]'))).to.equal('Callback');
    await expect(s.el).to.be.accessible();
  });

  it('CB-5: offered, accepted and ended are each told once, with caller id and queue for a screen-pop', async () => {
    const s = await setup();
    behaveLikeBackend(s.adapter, s.client);
    await ring(s);
    // A repeated update of the same offer is not a new offer.
    s.adapter.emit({ type: 'task.updated', task: offer({ customerName: 'Dana R. Reyes' }) });
    await settle();
    await press(s.el, button(s.el, 'accept'));
    await press(s.el, button(s.el, 'hold'));
    await press(s.el, button(s.el, 'resume'));
    await press(s.el, button(s.el, 'end'));
    s.adapter.emit({ type: 'task.removed', taskId: 'call-1', reason: 'closed' });
    await settle();
    expect(typesOf(s.events)).to.deep.equal(['cc-call-offered', 'cc-call-accepted', 'cc-call-ended']);
    const expected = DANA;
    expect(s.events[0]!.detail).to.deep.equal(expected);
    expect(s.events[1]!.detail).to.deep.equal({ ...expected, customerName: 'Dana R. Reyes' });
    expect(s.events[2]!.detail).to.deep.equal({ ...expected, customerName: 'Dana R. Reyes', next: 'wrapUp' });
  });

  it('CB-5: events bubble out of the shadow root, and none is lost when two updates come in one go', async () => {
    const s = await setup();
    const heard: string[] = [];
    for (const type of EVENTS)
      document.body.addEventListener(type, (e) => heard.push(`${type}:${(e as CustomEvent<CallDetail>).detail.taskId}`));
    // Offered and answered elsewhere (a desk phone) before the banner could render in between.
    s.adapter.emit({ type: 'task.updated', task: offer({ id: 'call-9' }) });
    s.adapter.emit({ type: 'task.updated', task: offer({ id: 'call-9', status: 'active', startedAt: 0 }) });
    s.adapter.emit({ type: 'task.removed', taskId: 'call-9', reason: 'closed' });
    await settle();
    expect(heard).to.deep.equal(['cc-call-offered:call-9', 'cc-call-accepted:call-9', 'cc-call-ended:call-9']);
  });

  it('CB-5: cc-call-declined once, and cc-call-error with code, message and trace id', async () => {
    const s = await setup();
    behaveLikeBackend(s.adapter, s.client);
    await ring(s);
    await press(s.el, button(s.el, 'decline'));
    expect(s.events.filter((e) => e.type === 'cc-call-declined').map((e) => e.detail)).to.deep.equal([DANA]);
    await ring(s, offer({ id: 'call-2' }));
    s.adapter.respond(() => {
      throw new CcError('api', 'The switch refused the call.', { traceId: 'tr-42' });
    });
    await press(s.el, button(s.el, 'accept', 'call-2'));
    const error = s.events.find((e) => e.type === 'cc-call-error')!.detail as CallErrorDetail;
    expect(error).to.deep.equal({
      code: 'api',
      message: 'The switch refused the call.',
      traceId: 'tr-42',
      taskId: 'call-2',
      action: 'accept',
    });
    const inline = inCall(s.el, '[part="error"]', 'call-2')!;
    expect(textOf(inline)).to.equal('The switch refused the call. Trace id: tr-42');
    expect(inline.closest('[role="alert"]') !== null, 'in an alert region').to.equal(true);
    // Nothing stuck: Accept can be pressed again.
    expect(button(s.el, 'accept', 'call-2').getAttribute('aria-disabled')).to.equal('false');
    await expect(s.el).to.be.accessible();
  });

  it('a double click on Accept sends one command; the button shows busy meanwhile', async () => {
    const s = await setup();
    let answer!: () => void;
    s.adapter.respond(() => new Promise<void>((resolve) => (answer = resolve)));
    await ring(s);
    const accept = button(s.el, 'accept');
    accept.click();
    accept.click();
    await settle();
    expect(accept.getAttribute('aria-busy')).to.equal('true');
    expect(accept.getAttribute('aria-disabled')).to.equal('true');
    accept.click();
    await settle();
    expect(sent(s.adapter, 'task.accept')).to.have.length(1);
    answer();
    await settle();
    expect(accept.getAttribute('aria-busy')).to.equal('false');
  });

  it('accept after the deadline: the client refuses, "Too late" shows, nothing is sent, and the banner recovers', async () => {
    const s = await setup();
    await ring(s);
    await s.time.advance(20_500);
    await press(s.el, button(s.el, 'accept'));
    expect(sent(s.adapter, 'task.accept')).to.deep.equal([]);
    expect(textOf(inCall(s.el, '[part="error"]'))).to.equal('Too late: the offer expired and went to another agent.');
    expect((s.events.at(-1)!.detail as CallErrorDetail).code).to.equal('offer.expired');
    expect(button(s.el, 'accept').getAttribute('aria-busy')).to.equal('false');
    // The backend takes the offer away: no ringing banner is left, the message can be dismissed.
    s.adapter.emit({ type: 'task.removed', taskId: 'call-1', reason: 'rona' });
    await settle();
    expect(sections(s.el)).to.deep.equal([]);
    expect(textOf(shadow(s.el, '.leftover [part="error"]'))).to.include('Too late');
    await expect(s.el).to.be.accessible();
    await press(s.el, shadow<HTMLButtonElement>(s.el, '.leftover [part="dismiss"]'));
    expect(shadowAll(s.el, '[part="error"]')).to.have.length(0);
  });

  it('several voice tasks: an offer while another call is held — offers first, each its own section', async () => {
    const s = await connected();
    await press(s.el, button(s.el, 'hold'));
    await ring(s, offer({ id: 'call-2', from: '+14155550222', customerName: undefined, queueName: 'Support' }));
    expect(sections(s.el)).to.deep.equal(['call-2:offered', 'call-1:held']);
    await expect(s.el).to.be.accessible();
  });

  it('decline during a consultation on another call touches only the offer', async () => {
    const s = await connected();
    await press(s.el, button(s.el, 'consult'));
    await press(s.el, shadowAll<HTMLButtonElement>(s.el, '[part="target"]')[0]!);
    await ring(s, offer({ id: 'call-2', from: '+14155550222' }));
    expect(sections(s.el)).to.deep.equal(['call-2:offered', 'call-1:held']);
    await press(s.el, button(s.el, 'decline', 'call-2'));
    expect(sent(s.adapter, 'task.decline')).to.deep.equal([{ type: 'task.decline', taskId: 'call-2' }]);
    expect(sent(s.adapter, 'call.consultCancel')).to.deep.equal([]);
    expect(sections(s.el)).to.deep.equal(['call-1:held']);
    expect(shadow(s.el, '[part="consultation"]').dataset['consult']).to.equal('ringing');
  });

  it('a transfer on its way does not block declining a new offer', async () => {
    const s = await connected();
    let answer!: () => void;
    s.adapter.respond((c) => (c.type === 'call.transfer' ? new Promise<void>((r) => (answer = r)) : undefined));
    await press(s.el, button(s.el, 'transfer'));
    await press(s.el, shadowAll<HTMLButtonElement>(s.el, '[part="target"]')[0]!);
    expect(shadowAll(s.el, '[part="target"]')[0]!.getAttribute('aria-busy')).to.equal('true');
    await ring(s, offer({ id: 'call-2' }));
    await press(s.el, button(s.el, 'decline', 'call-2'));
    expect(sent(s.adapter, 'task.decline')).to.deep.equal([{ type: 'task.decline', taskId: 'call-2' }]);
    answer();
    await settle();
  });

  it('capabilities: a backend without consult, transfer, mute, decline, hold or keypad shows none of those controls', async () => {
    const missing: readonly CommandType[] = [
      'call.consult',
      'call.transfer',
      'call.mute',
      'task.decline',
      'call.hold',
      'call.resume',
      'call.dtmf',
    ];
    const s = await setup({ commands: COMMAND_TYPES.filter((c) => !missing.includes(c)) });
    behaveLikeBackend(s.adapter, s.client);
    await ring(s);
    expect(inCall(s.el, '[part="decline"]') === null).to.equal(true);
    await press(s.el, button(s.el, 'accept'));
    expect(partsIn(s.el)).to.deep.equal(['end']);
    await expect(s.el).to.be.accessible();
  });

  it('no transfer targets: neither Transfer nor Consult', async () => {
    const s = await connected({ tenant: { transferTargets: [] } });
    expect(partsIn(s.el)).to.deep.equal(['hold', 'mute', 'keypad-toggle', 'end']);
  });

  it('keyboard: Tab reaches Accept then Decline, Enter accepts; Accept has a focus-visible ring', async () => {
    const s = await setup();
    behaveLikeBackend(s.adapter, s.client);
    const before = document.createElement('button');
    before.textContent = 'Host page';
    document.body.prepend(before);
    try {
      before.focus();
      await ring(s);
      expect(document.activeElement === before, 'the offer does not steal focus').to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(focused(s.el)).to.equal('accept:Accept');
      const style = getComputedStyle(button(s.el, 'accept'));
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(3);
      await sendKeys({ press: 'Tab' });
      expect(focused(s.el)).to.equal('decline:Decline');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await settle();
      expect(section(s.el).dataset['status']).to.equal('active');
      expect(focused(s.el)).to.equal('hold:Hold');
      // Every control is a Tab stop in order.
      const order: string[] = [];
      for (let i = 0; i < 5; i++) {
        order.push(s.el.shadowRoot!.activeElement!.getAttribute('part')!);
        await sendKeys({ press: 'Tab' });
      }
      expect(order).to.deep.equal(['hold', 'mute', 'transfer', 'consult', 'keypad-toggle']);
    } finally {
      before.remove();
    }
  });

  it('keyboard: Escape closes the transfer picker and gives focus back to Transfer', async () => {
    const s = await connected();
    button(s.el, 'transfer').focus();
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(focused(s.el)).to.equal('target:Billing queue');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await settle();
    expect(s.el.shadowRoot!.querySelector('[part="picker"]') === null, 'the picker closed').to.equal(true);
    expect(focused(s.el)).to.equal('transfer:Transfer');
  });

  it('focus-on-offer: the host may ask for Accept to take focus when an offer arrives', async () => {
    const s = await setup({}, { focusOnOffer: true });
    await ring(s);
    expect(focused(s.el)).to.equal('accept:Accept');
  });

  it('ST-6: an abandoned call (caller hung up before answer) is told and dismissible', async () => {
    const s = await setup();
    await ring(s);
    s.adapter.emit({ type: 'task.removed', taskId: 'call-1', reason: 'abandoned' });
    await settle();
    const [notice] = notices(s.el);
    expect(notice!.dataset['kind']).to.equal('abandoned');
    expect(textOf(notice!.querySelector('p'))).to.equal('The caller Dana Reyes (+14155550100) hung up before you answered (Sales).');
    expect(announcement(s.el)).to.equal('The caller Dana Reyes (+14155550100) hung up before you answered (Sales).');
    await press(s.el, notice!.querySelector<HTMLButtonElement>('[part="dismiss"]')!);
    expect(notices(s.el)).to.have.length(0);
  });

  it('errors show inline with the trace id, and clear when the action succeeds next time', async () => {
    const s = await connected();
    s.adapter.respond(() => {
      throw new CcError('network', undefined, { traceId: 'tr-9' });
    });
    await press(s.el, button(s.el, 'hold'));
    expect(textOf(inCall(s.el, '[part="error"]'))).to.equal(
      'The server could not be reached. Check your network connection and try again. Trace id: tr-9',
    );
    behaveLikeBackend(s.adapter, s.client);
    await press(s.el, button(s.el, 'hold'));
    expect(inCall(s.el, '[part="error"]') === null).to.equal(true);
  });

  it('voice only; task-id pins the banner to one task', async () => {
    const s = await setup({ tenant: { media: ['voice', 'chat'] } }, { taskId: 'call-2' });
    s.adapter.emit({ type: 'task.updated', task: { id: 'chat-1', media: 'chat', status: 'offered', since: 0, offerExpiresAt: 20_000 } });
    await ring(s);
    await ring(s, offer({ id: 'call-2' }));
    expect(sections(s.el)).to.deep.equal(['call-2:offered']);
    expect(typesOf(s.events)).to.deep.equal(['cc-call-offered']);
    s.el.taskId = undefined;
    await settle();
    expect(sections(s.el)).to.deep.equal(['call-1:offered', 'call-2:offered']);
  });

  it('no client, or signed out: the banner is empty', async () => {
    const el = await fixture<CcCallBanner>(html`<cc-call-banner></cc-call-banner>`);
    expect(shadowAll(el, '[part]')).to.have.length(0);
    expect(el.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
    const s = await setup();
    s.adapter.emit({ type: 'session.signedOut' });
    await settle();
    expect(shadowAll(s.el, '[part]')).to.have.length(0);
  });

  it('SV-4: a supervisor listening, coaching or barged in shows on the call concerned, said once each time it changes', async () => {
    const s = await connected();
    const monitored = () => inCall<HTMLElement>(s.el, '[part="monitored"]');
    expect(monitored()).to.equal(null);
    s.adapter.emit({ type: 'monitoring.changed', monitoring: { taskId: 'call-1', mode: 'monitor', by: 'Camille Durand' } });
    await settle();
    expect(textOf(monitored())).to.equal('◉ Camille Durand is listening to this call.');
    expect(monitored()!.dataset['mode']).to.equal('monitor');
    expect(announcement(s.el)).to.equal('Camille Durand is listening to this call.');
    await s.time.advance(3000);
    expect(announcement(s.el), 'said once, not on every tick').to.equal('Camille Durand is listening to this call.');
    await expect(s.el).to.be.accessible();

    s.adapter.emit({ type: 'monitoring.changed', monitoring: { taskId: 'call-1', mode: 'whisper' } });
    await settle();
    expect(textOf(monitored())).to.equal('◉ A supervisor is coaching you on this call; the caller cannot hear them.');
    expect(announcement(s.el)).to.equal('A supervisor is coaching you on this call; the caller cannot hear them.');
    s.adapter.emit({ type: 'monitoring.changed', monitoring: { taskId: 'call-1', mode: 'barge', by: 'Camille Durand' } });
    await settle();
    expect(textOf(monitored())).to.equal('◉ Camille Durand has joined this call.');
    await press(s.el, button(s.el, 'hold'));
    expect(textOf(monitored()), 'still shown while held').to.equal('◉ Camille Durand has joined this call.');

    s.adapter.emit({ type: 'monitoring.changed', monitoring: undefined });
    await settle();
    expect(monitored()).to.equal(null);
    expect(announcement(s.el)).to.equal('The supervisor has left your call.');
    // Another call's monitoring is not this call's.
    s.adapter.emit({ type: 'monitoring.changed', monitoring: { taskId: 'call-9', mode: 'monitor' } });
    await settle();
    expect(monitored()).to.equal(null);
  });

  it('SV-4 simulator: Camille barges into Ana’s call on the supervisor floor, and Ana’s banner says so until she leaves', async () => {
    const time = new ManualTime();
    const scenario = { ...SCENARIOS.supervisorFloor, traffic: false };
    const adapter = createSimAdapter({ scenario, agentId: 'ana.popescu', scheduler: time.scheduler, latencyMs: 50 });
    const client = createClient({ adapter, scheduler: time.scheduler });
    const el = await fixture<CcCallBanner>(html`<cc-call-banner .client=${client}></cc-call-banner>`);
    const step = async (action: () => Promise<unknown>) => {
      const done = action();
      await time.advance(200);
      await done;
    };
    await time.advance(200);
    const teamId = adapter.engine.profile('ana.popescu').teams[0]?.id;
    await step(() => client.signIn({ role: 'agent', station: { kind: 'extension', extension: '1001' }, ...(teamId ? { teamId } : {}) }));
    await step(() => client.setChannelState('voice', 'ready'));
    adapter.engine.apply('camille.durand', { type: 'session.signIn', role: 'supervisor', station: { kind: 'desktop' } });
    const taskId = adapter.engine.injectCall({ queueId: 'q-sales', from: '+14155550188', customerName: 'Sam Carter' });
    await time.advance(200);
    await step(() => press(el, button(el, 'accept', taskId)));
    expect(section(el, taskId).dataset['status']).to.equal('active');

    adapter.engine.apply('camille.durand', { type: 'supervisor.monitor', agentId: 'ana.popescu', taskId, mode: 'barge' });
    await time.advance(200);
    expect(textOf(inCall(el, '[part="monitored"]', taskId))).to.equal('◉ Camille Durand has joined this call.');
    adapter.engine.apply('camille.durand', { type: 'supervisor.stopMonitor', agentId: 'ana.popescu', taskId });
    await time.advance(200);
    expect(inCall(el, '[part="monitored"]', taskId)).to.equal(null);
    client.dispose();
    adapter.engine.dispose();
  });

  it('simulator: a call injected into Sales rings, is accepted, held, resumed and ended', async () => {
    const time = new ManualTime();
    const adapter = createSimAdapter({ scenario: 'agentOnly', scheduler: time.scheduler, latencyMs: 50 });
    const client = createClient({ adapter, scheduler: time.scheduler });
    const el = await fixture<CcCallBanner>(html`<cc-call-banner .client=${client}></cc-call-banner>`);
    const events: string[] = [];
    for (const type of EVENTS) el.addEventListener(type, (e) => events.push(`${type}:${(e.detail as CallDetail).callerId}`));
    const step = async (action: () => Promise<unknown>) => {
      const done = action();
      await time.advance(200);
      await done;
    };
    await time.advance(200);
    await step(() => client.signIn({ role: 'agent', station: { kind: 'extension', extension: '1001' }, teamId: 'team-billing' }));
    await step(() => client.setChannelState('voice', 'ready'));

    adapter.engine.injectCall({ queueId: 'q-sales', from: '+14155550188', customerName: 'Sam Carter' });
    await time.advance(200);
    expect(sections(el).map((s) => s.split(':')[1])).to.deep.equal(['offered']);
    const taskId = shadow(el, '[part="call"]').dataset['taskId']!;
    expect(textOf(shadow(el, '[part="caller"]'))).to.equal('Sam Carter');
    expect(textOf(shadow(el, '[part="queue"]'))).to.equal('Sales');
    expect(textOf(shadow(el, '[part="countdown"]'))).to.match(/0:1[45]$/);

    await step(() => press(el, button(el, 'accept', taskId)));
    expect(section(el, taskId).dataset['status']).to.equal('active');
    await time.advance(3000);
    expect(textOf(shadow(el, '[part="duration"]'))).to.equal('Call duration: 0:03');
    await step(() => press(el, button(el, 'hold', taskId)));
    expect(section(el, taskId).dataset['status']).to.equal('held');
    await step(() => press(el, button(el, 'resume', taskId)));
    expect(section(el, taskId).dataset['status']).to.equal('active');
    await step(() => press(el, button(el, 'end', taskId)));
    // The simulator's tenant forces wrap-up: the banner keeps one line for it.
    expect(section(el, taskId).dataset['status']).to.equal('wrapUp');
    expect(events).to.deep.equal(['cc-call-offered:+14155550188', 'cc-call-accepted:+14155550188', 'cc-call-ended:+14155550188']);
    expect(adapter.engine.tasks('ana.popescu').map((t) => t.status)).to.deep.equal(['wrapUp']);
    await expect(el).to.be.accessible();
    client.dispose();
    adapter.engine.dispose();
  });
});
