// The client's voice work on a scripted backend, in virtual time: offers and RONA (CB-1, ST-6),
// the unavailable time after a decline (ST-8), calls (CB-3), wrap-up (WU-1…WU-4) and queue
// confirmation (QL-5, QL-7), with the races a person can cause.

import { describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { CcError } from '../errors.js';
import type { AgentProfile, AgentSession } from '../model/agent.js';
import { SYSTEM_REASONS, type Media, type MediaStatus } from '../model/channel.js';
import type { Queue } from '../model/queue.js';
import type { Task } from '../model/task.js';
import { DEFAULT_TENANT, type TenantSettings } from '../model/tenant.js';
import { memoryStorage, type StoragePort } from '../session/storage.js';
import { WRAP_UP_CHOICES_KEY } from '../session/wrap-up-choices.js';
import { createTestAdapter } from '../testing.js';
import { createClient } from './client.js';
import { rejection, track, virtualTime } from './client.test-support.js';

const profile: AgentProfile = { id: 'a1', name: 'Ana Pop', roles: ['agent', 'supervisorAgent'], teams: [] };
const tenant: TenantSettings = {
  ...DEFAULT_TENANT,
  media: ['voice', 'chat', 'sms', 'email'],
  wrapUpReasons: [
    { id: 'resolved', label: 'Resolved' },
    { id: 'follow-up', label: 'Follow-up needed' },
  ],
  wrapUp: { mode: 'forced', timeoutSec: 30 },
  transferTargets: [{ id: 'q-sales', name: 'Sales', kind: 'queue' }],
  retryAttempts: 0,
};
const session: AgentSession = { role: 'supervisorAgent', station: { kind: 'desktop' }, signedInAt: 0 };

function setup(
  options: { storage?: StoragePort; tenant?: TenantSettings; profile?: AgentProfile; media?: Partial<Record<Media, MediaStatus>> } = {},
) {
  const time = virtualTime();
  const adapter = createTestAdapter();
  const storage = options.storage ?? memoryStorage();
  const client = createClient({ adapter, scheduler: time.scheduler, storage });
  adapter.emit({ type: 'connection.changed', status: 'connected' });
  adapter.emit({ type: 'profile.loaded', profile: options.profile ?? profile, tenant: options.tenant ?? tenant });
  adapter.emit({ type: 'session.signedIn', session });
  const media = options.media ?? { voice: 'ready', chat: 'ready', sms: 'ready', email: 'ready' };
  for (const [m, status] of Object.entries(media) as [Media, MediaStatus][]) adapter.emit({ type: 'media.stateChanged', media: m, status });
  return { ...time, adapter, client, storage };
}

const offer = (overrides: Partial<Task> = {}): Task => ({
  id: 'call-1',
  media: 'voice',
  status: 'offered',
  since: 0,
  direction: 'inbound',
  from: '+14155550123',
  queueId: 'q-support',
  queueName: 'Support',
  offerExpiresAt: 15_000,
  ...overrides,
});

const sent = (adapter: ReturnType<typeof createTestAdapter>) => adapter.commands.map((c) => c.type);

describe('offers (CB-1, CB-2, ST-6)', () => {
  it('CB-1: the countdown runs from the server deadline to 0', async () => {
    const { client, adapter, advance } = setup();
    adapter.emit({ type: 'task.updated', task: offer() });
    const seen: (number | undefined)[] = [];
    const subscription = client.offerRemaining$('call-1').subscribe((ms) => seen.push(ms));
    await advance(15_000);
    subscription.unsubscribe();
    expect(seen[0]).toBe(15_000);
    expect(seen.at(-1)).toBe(0);
    expect(seen).toHaveLength(16);
  });

  it('CB-2: accept after the deadline is refused by the core, and nothing is sent', async () => {
    const { client, adapter, advance } = setup();
    adapter.emit({ type: 'task.updated', task: offer() });
    await advance(15_000);
    expect((await rejection(client.accept('call-1'))).code).toBe('offer.expired');
    expect(sent(adapter)).toEqual([]);
  });

  it('CB-2: a double click on Accept sends one command and both clicks hear the same answer', async () => {
    const { client, adapter, advance } = setup();
    adapter.emit({ type: 'task.updated', task: offer() });
    let answer!: () => void;
    adapter.respond(() => new Promise<void>((resolve) => (answer = resolve)));
    const first = track(client.accept('call-1'));
    const second = track(client.accept('call-1'));
    await advance(0);
    expect(sent(adapter)).toEqual(['task.accept']);
    answer();
    await advance(0);
    expect(first).toMatchObject({ settled: true });
    expect(second).toMatchObject({ settled: true });
    expect(first.error ?? second.error).toBeUndefined();
    // Once accepted, a late third click is a no-op.
    adapter.emit({ type: 'task.updated', task: offer({ status: 'active', startedAt: 100 }) });
    await client.accept('call-1');
    expect(sent(adapter)).toEqual(['task.accept']);
  });

  it('CB-2: the server refusing a late accept (RONA on its side first) gives a typed error', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: offer() });
    adapter.respond(() => {
      throw new CcError('offer.expired', undefined, { traceId: 't-1' });
    });
    const error = await rejection(client.accept('call-1'));
    expect(error).toMatchObject({ code: 'offer.expired', traceId: 't-1' });
  });

  it('a task that left is unknown; commands on it are refused before sending', async () => {
    const { client, adapter } = setup();
    expect((await rejection(client.accept('nope'))).code).toBe('task.unknown');
    expect((await rejection(client.hold('nope'))).code).toBe('task.unknown');
    expect(sent(adapter)).toEqual([]);
  });

  it('ST-6: RONA raises a notice and, when the backend left voice Ready, the core sets it Not Ready', async () => {
    const { client, adapter, advance } = setup();
    adapter.emit({ type: 'task.updated', task: offer() });
    adapter.emit({ type: 'task.removed', taskId: 'call-1', reason: 'rona' });
    expect(client.state.notices).toEqual([
      expect.objectContaining({ id: 'rona:call-1', kind: 'rona', channel: 'voice', from: '+14155550123', queueName: 'Support' }),
    ]);
    expect(client.state.notices[0]!.until).toBeUndefined();
    await advance(0);
    expect(adapter.commands).toEqual([{ type: 'media.setState', media: ['voice'], status: 'notReady', reasonId: SYSTEM_REASONS.rona }]);
  });

  it('ST-6: a backend that sets Not Ready itself in the same breath gets no second command', async () => {
    const { adapter, advance } = setup();
    adapter.emit({ type: 'task.updated', task: offer() });
    adapter.emit({ type: 'task.removed', taskId: 'call-1', reason: 'rona' });
    adapter.emit({ type: 'media.stateChanged', media: 'voice', status: 'notReady', reasonId: SYSTEM_REASONS.rona });
    await advance(0);
    expect(adapter.commands).toEqual([]);
  });

  it('ST-6: a missed chat makes the whole Chat/Social group Not Ready; a missed email only Email', async () => {
    const { adapter, advance } = setup();
    adapter.emit({ type: 'task.updated', task: offer({ id: 'chat-1', media: 'chat' }) });
    adapter.emit({ type: 'task.removed', taskId: 'chat-1', reason: 'rona' });
    adapter.emit({ type: 'task.updated', task: offer({ id: 'mail-1', media: 'email' }) });
    adapter.emit({ type: 'task.removed', taskId: 'mail-1', reason: 'rona' });
    await advance(0);
    expect(adapter.commands).toEqual([
      { type: 'media.setState', media: ['chat', 'sms'], status: 'notReady', reasonId: SYSTEM_REASONS.rona },
      { type: 'media.setState', media: ['email'], status: 'notReady', reasonId: SYSTEM_REASONS.rona },
    ]);
  });

  it('ST-6: the notice ends once the agent is Ready again on that channel; it can also be dismissed', () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: offer() });
    adapter.emit({ type: 'task.removed', taskId: 'call-1', reason: 'rona' });
    adapter.emit({ type: 'media.stateChanged', media: 'voice', status: 'notReady', reasonId: SYSTEM_REASONS.rona });
    expect(client.state.notices).toHaveLength(1);
    adapter.emit({ type: 'media.stateChanged', media: 'voice', status: 'ready' });
    expect(client.state.notices).toEqual([]);

    adapter.emit({ type: 'task.updated', task: offer({ id: 'call-2' }) });
    adapter.emit({ type: 'task.removed', taskId: 'call-2', reason: 'abandoned' });
    expect(client.state.notices.map((n) => n.kind)).toEqual(['abandoned']);
    client.dismissNotice('abandoned:call-2');
    expect(client.state.notices).toEqual([]);
  });

  it('a task removed for another reason (closed, taken) raises no notice', () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: offer() });
    adapter.emit({ type: 'task.removed', taskId: 'call-1', reason: 'taken' });
    expect(client.state.notices).toEqual([]);
  });
});

describe('ST-8: unavailable after a decline, then Ready again', () => {
  it('after a decline the agent is told, and Ready is sent 10 s after the backend made voice unavailable', async () => {
    const { client, adapter, advance } = setup();
    adapter.emit({ type: 'task.updated', task: offer() });
    await client.decline('call-1');
    await advance(1000);
    adapter.emit({ type: 'task.removed', taskId: 'call-1', reason: 'declined' });
    adapter.emit({ type: 'media.stateChanged', media: 'voice', status: 'notReady', reasonId: SYSTEM_REASONS.declined });
    expect(client.state.notices[0]).toMatchObject({ kind: 'declined', until: 11_000 });
    await advance(9_999);
    expect(sent(adapter)).toEqual(['task.decline']);
    await advance(1);
    expect(adapter.commands.at(-1)).toEqual({ type: 'media.setState', media: ['voice'], status: 'ready' });
  });

  it('an agent who chooses another state meanwhile stays in it', async () => {
    const { client, adapter, advance } = setup();
    adapter.emit({ type: 'media.stateChanged', media: 'voice', status: 'notReady', reasonId: SYSTEM_REASONS.declined });
    await advance(4000);
    adapter.emit({ type: 'media.stateChanged', media: 'voice', status: 'notReady', reasonId: 'lunch' });
    await advance(20_000);
    expect(adapter.commands).toEqual([]);
    expect(client.state.media.voice?.reasonId).toBe('lunch');
  });

  it('a missed call returns too in the 8x8 model, and the person’s own setting wins over the tenant’s', async () => {
    const rules = { declinedUnavailableMs: 10_000, missedUnavailableMs: 10_000 };
    const { adapter, advance } = setup({
      tenant: { ...tenant, offerRules: rules },
      profile: { ...profile, offerRules: { missedUnavailableMs: 3_000 } },
    });
    adapter.emit({ type: 'media.stateChanged', media: 'voice', status: 'notReady', reasonId: SYSTEM_REASONS.missed });
    await advance(2_999);
    expect(adapter.commands).toEqual([]);
    await advance(1);
    expect(adapter.commands).toEqual([{ type: 'media.setState', media: ['voice'], status: 'ready' }]);
  });

  it('ST-6 model: after RONA voice stays Not Ready until the agent moves', async () => {
    const { adapter, advance } = setup();
    adapter.emit({ type: 'media.stateChanged', media: 'voice', status: 'notReady', reasonId: SYSTEM_REASONS.rona });
    await advance(60_000);
    expect(adapter.commands).toEqual([]);
  });

  it('the unavailable time counts from the server, so a reload late in it returns at the same moment', async () => {
    const { adapter, advance, scheduler } = setup({ media: {} });
    await advance(7_000);
    adapter.emit({
      type: 'state.synced',
      at: scheduler.now(),
      snapshot: {
        profile,
        tenant,
        session,
        media: [{ media: 'voice', status: 'notReady', reasonId: SYSTEM_REASONS.declined, since: 2_000 }],
        tasks: [],
      },
    });
    await advance(4_999);
    expect(adapter.commands).toEqual([]);
    await advance(1);
    expect(adapter.commands).toEqual([{ type: 'media.setState', media: ['voice'], status: 'ready' }]);
  });
});

describe('calls (CB-3)', () => {
  const active = (overrides: Partial<Task> = {}) => offer({ status: 'active', startedAt: 1000, since: 1000, ...overrides });

  it('hold, resume, mute, end go out as commands once each', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: active() });
    await client.hold('call-1');
    adapter.emit({ type: 'task.updated', task: active({ status: 'held' }) });
    await client.resume('call-1');
    adapter.emit({ type: 'task.updated', task: active() });
    await client.setMuted('call-1', true);
    await client.end('call-1');
    expect(adapter.commands).toEqual([
      { type: 'call.hold', taskId: 'call-1' },
      { type: 'call.resume', taskId: 'call-1' },
      { type: 'call.mute', taskId: 'call-1', muted: true },
      { type: 'task.end', taskId: 'call-1' },
    ]);
  });

  it('the duration counts from the connection and stops in wrap-up', async () => {
    const { client, adapter, advance } = setup();
    await advance(1000);
    adapter.emit({ type: 'task.updated', task: active() });
    const seen: (number | undefined)[] = [];
    const subscription = client.callDuration$('call-1').subscribe((ms) => seen.push(ms));
    await advance(3000);
    adapter.emit({ type: 'task.updated', task: active({ status: 'wrapUp', wrapUp: { forced: false } }) });
    subscription.unsubscribe();
    expect(seen).toEqual([0, 1000, 2000, 3000, undefined]);
  });

  it('CB-1/CB-3: taskTimes$ gives each matching task its offer countdown and its time since accepted', async () => {
    const { client, adapter, advance } = setup();
    adapter.emit({ type: 'task.updated', task: offer() });
    adapter.emit({ type: 'task.updated', task: active({ id: 'call-2' }) });
    adapter.emit({ type: 'task.updated', task: offer({ id: 'chat-1', media: 'chat' }) });
    await advance(1000);
    const seen: ReadonlyMap<string, unknown>[] = [];
    const subscription = client.taskTimes$((t) => t.media === 'voice').subscribe((times) => seen.push(times));
    await advance(1000);
    subscription.unsubscribe();
    expect([...seen.at(-1)!.keys()]).toEqual(['call-1', 'call-2']);
    expect(seen.at(-1)!.get('call-1')).toEqual({ offer: 13_000, elapsed: undefined });
    expect(seen.at(-1)!.get('call-2')).toEqual({ offer: undefined, elapsed: 1000 });
  });

  it('bad input is refused before sending: hold while ringing, an unknown target, keypad letters', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: offer() });
    expect((await rejection(client.hold('call-1'))).code).toBe('command.notAllowed');
    adapter.emit({ type: 'task.updated', task: active() });
    expect((await rejection(client.transfer('call-1', 'nowhere'))).message).toContain('nowhere');
    expect((await rejection(client.sendDtmf('call-1', '12x'))).code).toBe('dtmf.invalid');
    await client.sendDtmf('call-1', '12#*a');
    expect(adapter.commands).toEqual([{ type: 'call.dtmf', taskId: 'call-1', digits: '12#*A' }]);
  });

  it('consult: complete needs an answer; a failed consultation is told and can be cleared', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: active() });
    await client.consult('call-1', 'q-sales');
    const consult = { targetId: 'q-sales', targetName: 'Sales', since: 2000 };
    adapter.emit({ type: 'task.updated', task: active({ status: 'held', consult: { ...consult, status: 'ringing' } }) });
    expect((await rejection(client.completeConsult('call-1'))).code).toBe('command.notAllowed');
    expect((await rejection(client.resume('call-1'))).code).toBe('command.notAllowed');
    const error = { code: 'api', message: 'Sales did not answer.' };
    adapter.emit({ type: 'task.updated', task: active({ status: 'held', consult: { ...consult, status: 'failed', error } }) });
    expect(client.state.notices).toEqual([expect.objectContaining({ kind: 'consultFailed', error })]);
    await client.cancelConsult('call-1');
    adapter.emit({ type: 'task.updated', task: active({ status: 'held' }) });
    expect(client.state.notices).toEqual([]);
    await client.resume('call-1');
    expect(sent(adapter)).toEqual(['call.consult', 'call.consultCancel', 'call.resume']);
  });

  it('a decline during a consultation on another call goes through on its own', async () => {
    const { client, adapter } = setup();
    const consult = { targetId: 'q-sales', targetName: 'Sales', since: 0, status: 'ringing' as const };
    adapter.emit({ type: 'task.updated', task: active({ status: 'held', consult }) });
    adapter.emit({ type: 'task.updated', task: offer({ id: 'call-2' }) });
    await client.decline('call-2');
    expect(adapter.commands).toEqual([{ type: 'task.decline', taskId: 'call-2' }]);
    expect(client.state.tasks.find((t) => t.id === 'call-1')?.consult?.status).toBe('ringing');
  });
});

describe('wrap-up (WU-1…WU-4)', () => {
  const wrapping = (overrides: Partial<Task> = {}) =>
    offer({ status: 'wrapUp', since: 5000, startedAt: 1000, wrapUp: { forced: true, expiresAt: 35_000 }, ...overrides });

  it('WU-2: Close is refused until a reason is chosen; then it closes with that reason', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: wrapping() });
    expect((await firstValueFrom(client.wrapUp$('call-1')))?.canClose).toBe(false);
    expect((await rejection(client.closeWrapUp('call-1'))).code).toBe('wrapUp.reasonRequired');
    await client.chooseWrapUpReason('call-1', 'resolved');
    expect(await firstValueFrom(client.wrapUp$('call-1'))).toMatchObject({ canClose: true, reasonId: 'resolved', expiresAt: 35_000 });
    await client.closeWrapUp('call-1');
    expect(adapter.commands).toEqual([{ type: 'task.close', taskId: 'call-1', reasonId: 'resolved' }]);
  });

  it('WU-2: at zero the core closes with the reason chosen so far and says so', async () => {
    const { client, adapter, advance } = setup();
    await advance(5000);
    adapter.emit({ type: 'task.updated', task: wrapping() });
    await client.chooseWrapUpReason('call-1', 'follow-up');
    await advance(29_999);
    expect(adapter.commands).toEqual([]);
    await advance(1);
    expect(adapter.commands).toEqual([{ type: 'task.close', taskId: 'call-1', reasonId: 'follow-up' }]);
    expect(client.state.notices).toEqual([expect.objectContaining({ kind: 'wrapUpClosed', taskId: 'call-1', reasonId: 'follow-up' })]);
  });

  it('WU-2: at zero with no reason chosen it still closes (an agent is never stuck in wrap-up)', async () => {
    const { adapter, advance } = setup();
    adapter.emit({ type: 'task.updated', task: wrapping() });
    await advance(35_000);
    expect(adapter.commands).toEqual([{ type: 'task.close', taskId: 'call-1' }]);
  });

  it('WU-2: closing by hand first cancels the automatic close', async () => {
    const { client, adapter, advance } = setup();
    adapter.emit({ type: 'task.updated', task: wrapping() });
    await client.chooseWrapUpReason('call-1', 'resolved');
    await client.closeWrapUp('call-1');
    adapter.emit({ type: 'task.removed', taskId: 'call-1', reason: 'closed' });
    await advance(60_000);
    expect(sent(adapter)).toEqual(['task.close']);
  });

  it('WU-1/WU-3: optional wrap-up closes without a reason; an unknown reason is refused', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: wrapping({ wrapUp: { forced: false } }) });
    expect((await rejection(client.chooseWrapUpReason('call-1', 'made-up'))).code).toBe('command.notAllowed');
    await client.closeWrapUp('call-1');
    expect(adapter.commands).toEqual([{ type: 'task.close', taskId: 'call-1' }]);
  });

  it('WU-4: the chosen reason and the deadline survive a reload (a new client on the same storage)', async () => {
    const storage = memoryStorage();
    const first = setup({ storage });
    first.adapter.emit({ type: 'task.updated', task: wrapping() });
    await first.client.chooseWrapUpReason('call-1', 'follow-up');
    expect(JSON.parse(storage.entries.get(WRAP_UP_CHOICES_KEY)!)).toEqual({ 'call-1': 'follow-up' });
    first.client.dispose();

    const second = setup({ storage });
    await second.advance(0);
    second.adapter.emit({ type: 'task.updated', task: wrapping() });
    expect(await firstValueFrom(second.client.wrapUp$('call-1'))).toMatchObject({
      reasonId: 'follow-up',
      canClose: true,
      expiresAt: 35_000,
    });
  });

  it('WU-4: a reconnect (state.synced) keeps the chosen reason; a closed task forgets it in storage', async () => {
    const { client, adapter, advance, scheduler, storage } = setup();
    adapter.emit({ type: 'task.updated', task: wrapping() });
    await client.chooseWrapUpReason('call-1', 'resolved');
    adapter.emit({ type: 'connection.changed', status: 'lost' });
    adapter.emit({
      type: 'state.synced',
      at: scheduler.now(),
      snapshot: { profile, tenant, session, media: [{ media: 'voice', status: 'ready', since: 0 }], tasks: [wrapping()] },
    });
    expect(client.state.wrapUpChoices).toEqual({ 'call-1': 'resolved' });
    adapter.emit({ type: 'task.removed', taskId: 'call-1', reason: 'closed' });
    await advance(0);
    expect((storage as ReturnType<typeof memoryStorage>).entries.has(WRAP_UP_CHOICES_KEY)).toBe(false);
  });

  it('WU-4: a storage that cannot save keeps the choice in memory and says so', async () => {
    const broken: StoragePort = {
      get: async () => undefined,
      set: async () => {
        throw new Error('QuotaExceededError');
      },
      remove: async () => {},
    };
    const { client, adapter } = setup({ storage: broken });
    adapter.emit({ type: 'task.updated', task: wrapping() });
    expect((await rejection(client.chooseWrapUpReason('call-1', 'resolved'))).code).toBe('storage.failed');
    expect(client.state.wrapUpChoices).toEqual({ 'call-1': 'resolved' });
  });
});

describe('queues (QL-5, QL-7)', () => {
  const queue = (id: string, overrides: Partial<Queue> = {}): Queue => ({
    id,
    name: id,
    media: 'voice',
    direction: 'inbound',
    enabled: true,
    busy: 0,
    waiting: 0,
    agentsSignedIn: 1,
    ...overrides,
  });

  it('QL-5: confirm sends only ticks that differ, all at once; no difference sends nothing', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'queues.loaded', queues: [queue('a'), queue('b', { enabled: false }), queue('c')] });
    expect(await client.confirmQueues('agent', { a: true, b: false })).toEqual({ applied: [], vanished: [] });
    expect(adapter.commands).toEqual([]);
    const result = await client.confirmQueues('agent', { a: false, b: true, c: true });
    expect(result.applied).toEqual([
      { queueId: 'a', on: false },
      { queueId: 'b', on: true },
    ]);
    expect(adapter.commands).toEqual([{ type: 'queues.setEnabled', changes: result.applied }]);
  });

  it('QL-5: a queue that disappeared while ticked is reported and the rest applies', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'queues.loaded', queues: [queue('a'), queue('b')] });
    adapter.emit({ type: 'queue.removed', queueId: 'b' });
    expect(await client.confirmQueues('agent', { a: false, b: false })).toEqual({
      applied: [{ queueId: 'a', on: false }],
      vanished: ['b'],
    });
  });

  const supervised = (id: string): Queue => {
    const { enabled: _agentOnly, ...rest } = queue(id);
    return rest;
  };

  it('QL-7: a supervisor’s ticks are monitor changes', async () => {
    const { client, adapter } = setup();
    adapter.emit({
      type: 'queues.loaded',
      queues: [queue('a', { monitored: false }), { ...supervised('b'), monitored: true }],
    });
    await client.confirmQueues('supervisor', { a: true, b: true });
    expect(adapter.commands).toEqual([{ type: 'queues.setMonitored', changes: [{ queueId: 'a', on: true }] }]);
  });

  it('QL-5: a refusal reaches the caller as a typed error', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'queues.loaded', queues: [queue('a')] });
    adapter.respond(() => {
      throw new CcError('queue.unknown', 'The queue "a" is no longer assigned to you.', { traceId: 'q-1' });
    });
    expect(await rejection(client.confirmQueues('agent', { a: false }))).toMatchObject({ code: 'queue.unknown', traceId: 'q-1' });
  });

  it('QL-2: the clock ticks on whole seconds of the scheduler', async () => {
    const { client, advance } = setup();
    await advance(2500);
    const seen: number[] = [];
    const subscription = client.clock$.subscribe((now) => seen.push(now));
    await advance(2000);
    subscription.unsubscribe();
    expect(seen).toEqual([2500, 3000, 4000]);
  });
});
