// The simulator's voice ACD on virtual time, through the engine's own API (no adapter, no client):
// routing, offers and RONA, call control, wrap-up, transfers and consultations, the queue figures
// and their fan-out, and the seeded traffic.

import { describe, expect, it } from 'vitest';
import { VirtualTimeScheduler } from 'rxjs';
import { roleNeedsTeam, SYSTEM_REASONS, type DomainEvent, type Role, type Task } from '@cc-elements/core';
import { SimContactCenter, type SimChange, type SimContactCenterOptions } from './engine.js';
import { SCENARIOS, type SimQueue, type SimScenario } from './scenarios.js';
import { refusalOf } from './refusal.test-support.js';

const MAYA = 'maya.patel';
const LUCA = 'luca.rossi';
const ANA = 'ana.popescu';
const CAMILLE = 'camille.durand';

type WorldOptions = Omit<SimContactCenterOptions, 'scheduler'>;

function world(options: WorldOptions = {}) {
  const scheduler = new VirtualTimeScheduler();
  const engine = new SimContactCenter({ scenario: SCENARIOS.default, seed: 1, traffic: false, ...options, scheduler });
  const log: SimChange[] = [];
  engine.changes$.subscribe((change) => log.push(change));
  return {
    scheduler,
    engine,
    log,
    eventsOf: (agentId: string): DomainEvent[] => log.filter((c) => c.agentId === agentId).map((c) => c.event),
    /** Runs every timer due in the next `ms`, then sets the clock to the end of it. */
    advance(ms: number) {
      const until = scheduler.now() + ms;
      scheduler.maxFrames = until;
      scheduler.flush();
      scheduler.frame = until;
    },
    signIn(agentId: string, role: Role = 'agent') {
      const teamId = roleNeedsTeam(role) ? engine.profile(agentId).teams[0]!.id : undefined;
      engine.apply(agentId, { type: 'session.signIn', role, station: { kind: 'desktop' }, ...(teamId ? { teamId } : {}) });
    },
    ready(agentId: string) {
      engine.apply(agentId, { type: 'media.setState', media: ['voice'], status: 'ready' });
    },
    task: (agentId: string, taskId: string): Task | undefined => engine.tasks(agentId).find((t) => t.id === taskId),
    voice: (agentId: string) => engine.snapshot(agentId).media.find((m) => m.media === 'voice'),
    queue: (agentId: string, queueId: string) => engine.queues(agentId).find((q) => q.id === queueId),
  };
}

const TRACE_ID = /^sim-[0-9a-f]{16}$/;

/** The default scenario with other queues, tenant or agents: for rules a built-in scenario does not show. */
function scenarioWith(changes: Partial<SimScenario>): SimScenario {
  return { ...SCENARIOS.default, title: 'Test', ...changes };
}

function removals(events: DomainEvent[]) {
  return events.filter((e): e is Extract<DomainEvent, { type: 'task.removed' }> => e.type === 'task.removed');
}

describe('routing', () => {
  it('CB-1: a Ready member is offered the call with caller id, queue, direction and the RONA deadline', () => {
    const w = world();
    w.signIn(MAYA);
    w.ready(MAYA);
    w.scheduler.frame = 1_000;
    const id = w.engine.injectCall({ queueId: 'q-sales', from: '+14155550142', customerName: 'Grace Murphy' });
    expect(w.eventsOf(MAYA).at(-2)).toEqual({
      type: 'task.updated',
      task: {
        id,
        media: 'voice',
        status: 'offered',
        since: 1_000,
        direction: 'inbound',
        from: '+14155550142',
        customerName: 'Grace Murphy',
        queueId: 'q-sales',
        queueName: 'Sales',
        offerExpiresAt: 16_000,
      },
      at: 1_000,
    });
    // The figures follow the offer: a ringing call still waits (QL-2).
    expect(w.eventsOf(MAYA).at(-1)).toMatchObject({
      type: 'queue.updated',
      queue: { id: 'q-sales', waiting: 1, oldestWaitingSince: 1_000 },
    });
  });

  it('routing: nobody Not Ready, nobody with the queue disabled, nobody already on a call', () => {
    const w = world();
    w.signIn(MAYA);
    w.signIn(ANA);
    w.ready(ANA);
    // Ana is a member of Support with the queue disabled; Maya is Not Ready.
    const first = w.engine.injectCall({ queueId: 'q-support' });
    expect(w.engine.tasks(ANA)).toEqual([]);
    expect(w.engine.tasks(MAYA)).toEqual([]);
    // Maya becomes Ready: routing runs again.
    w.ready(MAYA);
    expect(w.task(MAYA, first)?.status).toBe('offered');
    // Maya is busy with that offer, Ana still has Support disabled: the next call waits.
    const second = w.engine.injectCall({ queueId: 'q-support' });
    expect(w.engine.calls().find((c) => c.id === second)?.status).toBe('waiting');
    w.engine.apply(MAYA, { type: 'task.accept', taskId: first });
    w.engine.apply(MAYA, { type: 'task.end', taskId: first });
    // A call in wrap-up still keeps her from the next one.
    expect(w.task(MAYA, first)?.status).toBe('wrapUp');
    expect(w.engine.calls().find((c) => c.id === second)?.status).toBe('waiting');
    w.engine.apply(MAYA, { type: 'task.close', taskId: first, reasonId: 'resolved' });
    expect(w.task(MAYA, second)?.status).toBe('offered');
  });

  it('routing: the oldest call goes first, to the agent idle the longest', () => {
    const w = world();
    w.signIn(MAYA);
    w.signIn(ANA);
    const billing = w.engine.injectCall({ queueId: 'q-billing' });
    w.scheduler.frame = 1_000;
    const sales = w.engine.injectCall({ queueId: 'q-sales' });
    // Ana is Ready first, so she is the longest idle, and gets the oldest call.
    w.scheduler.frame = 2_000;
    w.ready(ANA);
    expect(w.task(ANA, billing)?.status).toBe('offered');
    w.scheduler.frame = 3_000;
    w.ready(MAYA);
    expect(w.task(MAYA, sales)?.status).toBe('offered');
  });

  it('routing: idle time counts from the last call closed, so the agent who just finished waits', () => {
    const w = world({ scenario: scenarioWith({ tenant: { ...SCENARIOS.default.tenant, wrapUp: { mode: 'off', timeoutSec: 0 } } }) });
    w.signIn(MAYA);
    w.signIn(ANA);
    w.ready(ANA);
    w.scheduler.frame = 1_000;
    w.ready(MAYA);
    const first = w.engine.injectCall({ queueId: 'q-sales' });
    expect(w.task(ANA, first)?.status).toBe('offered');
    w.engine.apply(ANA, { type: 'task.accept', taskId: first });
    w.scheduler.frame = 5_000;
    w.engine.apply(ANA, { type: 'task.end', taskId: first });
    const second = w.engine.injectCall({ queueId: 'q-sales' });
    expect(w.task(MAYA, second)?.status).toBe('offered');
  });

  it('QL-5: enabling a queue routes its waiting call at once', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA);
    const id = w.engine.injectCall({ queueId: 'q-support' });
    expect(w.engine.tasks(ANA)).toEqual([]);
    w.engine.apply(ANA, { type: 'queues.setEnabled', changes: [{ queueId: 'q-support', on: true }] });
    expect(w.task(ANA, id)?.status).toBe('offered');
  });

  it('CB-4: a callback is offered from the outbound queue with its number', () => {
    const w = world();
    w.signIn(LUCA);
    w.ready(LUCA);
    const id = w.engine.injectCallback({ from: '+12125550187' });
    expect(w.task(LUCA, id)).toMatchObject({
      status: 'offered',
      direction: 'outbound',
      callback: true,
      from: '+12125550187',
      queueName: 'Callbacks',
      // The Callbacks queue rings for 20 s, not the default 15.
      offerExpiresAt: 20_000,
    });
  });
});

describe('offers: RONA and decline', () => {
  it('ST-6: at the deadline the offer is withdrawn as RONA, voice goes Not Ready (RONA) and the caller keeps their place', () => {
    const w = world();
    w.signIn(MAYA);
    w.signIn(ANA);
    w.ready(MAYA);
    w.scheduler.frame = 500;
    const id = w.engine.injectCall({ queueId: 'q-sales' });
    w.advance(14_999);
    expect(w.task(MAYA, id)?.status).toBe('offered');
    w.advance(1);
    expect(w.eventsOf(MAYA).slice(-2)).toEqual([
      { type: 'task.removed', taskId: id, reason: 'rona', at: 15_500 },
      { type: 'media.stateChanged', media: 'voice', status: 'notReady', reasonId: SYSTEM_REASONS.rona, at: 15_500 },
    ]);
    expect(w.voice(MAYA)).toMatchObject({ status: 'notReady', reasonId: 'cc.rona', since: 15_500 });
    // Back in the queue with its original waiting time, and the next Ready agent gets it.
    expect(w.queue(MAYA, 'q-sales')).toMatchObject({ waiting: 1, oldestWaitingSince: 500 });
    w.ready(ANA);
    expect(w.task(ANA, id)).toMatchObject({ status: 'offered', offerExpiresAt: 15_500 + 15_000 });
  });

  it('ST-8: in the 8x8 model a miss is "missed" (it ends by itself); a person can keep RONA instead', () => {
    const w = world({ scenario: SCENARIOS.autoReturnAfterMiss, traffic: false });
    w.signIn(MAYA);
    w.signIn(LUCA);
    w.ready(MAYA);
    w.ready(LUCA);
    w.engine.injectCall({ queueId: 'q-sales' });
    w.engine.injectCall({ queueId: 'q-callbacks' });
    w.advance(20_000);
    expect(w.voice(MAYA)?.reasonId).toBe(SYSTEM_REASONS.missed);
    // Luca's profile overrides the tenant with null: RONA, until he moves back himself.
    expect(w.voice(LUCA)?.reasonId).toBe(SYSTEM_REASONS.rona);
  });

  it('ST-8: a per-user number overrides a tenant that uses RONA', () => {
    const maya = { ...SCENARIOS.default.agents[0]!, offerRules: { missedUnavailableMs: 5_000 } };
    const w = world({ scenario: scenarioWith({ agents: [maya, ...SCENARIOS.default.agents.slice(1)] }) });
    w.signIn(MAYA);
    w.ready(MAYA);
    w.engine.injectCall({ queueId: 'q-sales' });
    w.advance(15_000);
    expect(w.voice(MAYA)?.reasonId).toBe(SYSTEM_REASONS.missed);
  });

  it('ST-8: a decline puts the caller back and the agent Not Ready (declined); the same call waits until they are Ready again', () => {
    const w = world();
    w.signIn(MAYA);
    w.ready(MAYA);
    const id = w.engine.injectCall({ queueId: 'q-sales' });
    w.scheduler.frame = 2_000;
    w.engine.apply(MAYA, { type: 'task.decline', taskId: id });
    expect(removals(w.eventsOf(MAYA)).at(-1)).toEqual({ type: 'task.removed', taskId: id, reason: 'declined', at: 2_000 });
    expect(w.voice(MAYA)).toMatchObject({ status: 'notReady', reasonId: SYSTEM_REASONS.declined });
    expect(w.engine.calls().find((c) => c.id === id)).toMatchObject({ status: 'waiting', waitingSince: 0 });
    // The core's ST-8 rule sends Ready back with no reason; the server takes the system reasons too.
    w.engine.apply(MAYA, { type: 'media.setState', media: ['voice'], status: 'notReady', reasonId: SYSTEM_REASONS.declined });
    w.scheduler.frame = 12_000;
    w.ready(MAYA);
    expect(w.task(MAYA, id)).toMatchObject({ status: 'offered', since: 12_000 });
  });

  it('CB-1: accepting twice is harmless; accepting after the deadline is "offer.expired"; another agent gets "task.unknown"', () => {
    const w = world();
    w.signIn(MAYA);
    w.signIn(ANA);
    w.ready(MAYA);
    const id = w.engine.injectCall({ queueId: 'q-sales' });
    expect(refusalOf(() => w.engine.apply(ANA, { type: 'task.accept', taskId: id })).code).toBe('task.unknown');

    w.advance(14_999);
    // The deadline has come but its timer has not run yet: the server still says expired.
    w.scheduler.frame = 15_000;
    const late = refusalOf(() => w.engine.apply(MAYA, { type: 'task.accept', taskId: id }));
    expect(late).toMatchObject({ code: 'offer.expired' });
    expect(late.traceId).toMatch(TRACE_ID);
    w.advance(0);
    expect(w.task(MAYA, id)).toBeUndefined();
    expect(refusalOf(() => w.engine.apply(MAYA, { type: 'task.accept', taskId: id })).code).toBe('offer.expired');

    // Ready again: the same caller, still the oldest, rings again and can be taken.
    w.ready(MAYA);
    expect(w.task(MAYA, id)?.status).toBe('offered');
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    const before = w.log.length;
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    expect(w.log).toHaveLength(before);
    expect(w.task(MAYA, id)?.status).toBe('active');
  });

  it('abandon: a caller who hangs up while ringing takes the offer away; one who hangs up waiting leaves the figures', () => {
    const w = world();
    w.signIn(MAYA);
    w.ready(MAYA);
    const ringing = w.engine.injectCall({ queueId: 'q-sales' });
    const waiting = w.engine.injectCall({ queueId: 'q-sales' });
    expect(w.queue(MAYA, 'q-sales')?.waiting).toBe(2);
    w.scheduler.frame = 3_000;
    w.engine.hangUp(ringing);
    expect(removals(w.eventsOf(MAYA)).at(-1)).toEqual({ type: 'task.removed', taskId: ringing, reason: 'abandoned', at: 3_000 });
    // Voice stays Ready (nobody missed anything), so the other caller rings at once.
    expect(w.voice(MAYA)?.status).toBe('ready');
    expect(w.task(MAYA, waiting)?.status).toBe('offered');
    w.engine.hangUp(waiting);
    expect(w.queue(MAYA, 'q-sales')).toMatchObject({ waiting: 0 });
    expect(w.queue(MAYA, 'q-sales')?.oldestWaitingSince).toBeUndefined();
    expect(w.engine.calls().map((c) => c.endedAs)).toEqual(['abandoned', 'abandoned']);
  });
});

describe('a call from offer to close', () => {
  it('CB-2/CB-3/WU-2: accept, hold, resume, mute, end, forced wrap-up, close with a reason', () => {
    const w = world();
    w.signIn(MAYA);
    w.ready(MAYA);
    const id = w.engine.injectCall({ queueId: 'q-billing' });
    w.scheduler.frame = 2_000;
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    expect(w.task(MAYA, id)).toMatchObject({ status: 'active', since: 2_000, startedAt: 2_000 });
    expect(w.task(MAYA, id)?.offerExpiresAt).toBeUndefined();
    expect(w.queue(MAYA, 'q-billing')).toMatchObject({ waiting: 0, busy: 1 });

    w.scheduler.frame = 5_000;
    w.engine.apply(MAYA, { type: 'call.hold', taskId: id });
    expect(w.task(MAYA, id)).toMatchObject({ status: 'held', since: 5_000, startedAt: 2_000 });
    w.scheduler.frame = 8_000;
    w.engine.apply(MAYA, { type: 'call.resume', taskId: id });
    expect(w.task(MAYA, id)).toMatchObject({ status: 'active', since: 8_000 });
    w.engine.apply(MAYA, { type: 'call.mute', taskId: id, muted: true });
    expect(w.task(MAYA, id)?.muted).toBe(true);
    w.engine.apply(MAYA, { type: 'call.mute', taskId: id, muted: false });
    expect(w.task(MAYA, id)?.muted).toBe(false);

    w.scheduler.frame = 60_000;
    w.engine.apply(MAYA, { type: 'task.end', taskId: id });
    expect(w.task(MAYA, id)).toMatchObject({ status: 'wrapUp', since: 60_000, wrapUp: { forced: true, expiresAt: 90_000 } });
    expect(w.queue(MAYA, 'q-billing')).toMatchObject({ waiting: 0, busy: 0 });

    // WU-2: forced and before the deadline, a reason is required; an unknown one is refused.
    expect(refusalOf(() => w.engine.apply(MAYA, { type: 'task.close', taskId: id })).code).toBe('wrapUp.reasonRequired');
    expect(refusalOf(() => w.engine.apply(MAYA, { type: 'task.close', taskId: id, reasonId: 'lunch' })).code).toBe('command.notAllowed');
    w.scheduler.frame = 70_000;
    w.engine.apply(MAYA, { type: 'task.close', taskId: id, reasonId: 'resolved' });
    expect(removals(w.eventsOf(MAYA)).at(-1)).toEqual({ type: 'task.removed', taskId: id, reason: 'closed', at: 70_000 });
    expect(w.engine.closings(id)).toEqual([{ agentId: MAYA, queueId: 'q-billing', reasonId: 'resolved', at: 70_000, closedBy: 'agent' }]);
  });

  it('call control refuses what a call in that state cannot do', () => {
    const w = world();
    w.signIn(MAYA);
    w.ready(MAYA);
    const id = w.engine.injectCall({ queueId: 'q-sales' });
    const code = (command: Parameters<SimContactCenter['apply']>[1]) => refusalOf(() => w.engine.apply(MAYA, command)).code;
    expect(code({ type: 'call.hold', taskId: id })).toBe('command.notAllowed');
    expect(code({ type: 'task.end', taskId: id })).toBe('command.notAllowed');
    expect(code({ type: 'task.close', taskId: id, reasonId: 'resolved' })).toBe('command.notAllowed');
    expect(code({ type: 'call.hold', taskId: 'call-999' })).toBe('task.unknown');
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    expect(code({ type: 'task.decline', taskId: id })).toBe('command.notAllowed');
    // Holding twice or resuming an active call changes nothing.
    const before = w.log.length;
    w.engine.apply(MAYA, { type: 'call.resume', taskId: id });
    w.engine.apply(MAYA, { type: 'call.hold', taskId: id });
    w.engine.apply(MAYA, { type: 'call.hold', taskId: id });
    expect(w.log.length).toBe(before + 1);
  });

  it('WU-2: at the deadline a close without a reason is accepted', () => {
    const w = world();
    w.signIn(MAYA);
    w.ready(MAYA);
    const id = w.engine.injectCall({ queueId: 'q-sales' });
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    w.engine.apply(MAYA, { type: 'task.end', taskId: id });
    w.advance(29_999);
    expect(refusalOf(() => w.engine.apply(MAYA, { type: 'task.close', taskId: id })).code).toBe('wrapUp.reasonRequired');
    w.scheduler.frame = 30_000;
    w.engine.apply(MAYA, { type: 'task.close', taskId: id });
    expect(w.engine.closings(id)).toEqual([{ agentId: MAYA, queueId: 'q-sales', at: 30_000, closedBy: 'agent' }]);
  });

  it('WU-3: the server closes a wrap-up nobody closed, graceMs after its deadline', () => {
    const w = world({ wrapUpGraceMs: 2_000 });
    w.signIn(MAYA);
    w.ready(MAYA);
    const id = w.engine.injectCall({ queueId: 'q-sales' });
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    w.engine.apply(MAYA, { type: 'task.end', taskId: id });
    w.advance(31_999);
    expect(w.task(MAYA, id)?.status).toBe('wrapUp');
    w.advance(1);
    expect(removals(w.eventsOf(MAYA)).at(-1)).toEqual({ type: 'task.removed', taskId: id, reason: 'closed', at: 32_000 });
    expect(w.engine.closings(id)).toEqual([{ agentId: MAYA, queueId: 'q-sales', at: 32_000, closedBy: 'server' }]);
  });

  it('WU-2: an optional wrap-up closes without a reason at any time', () => {
    const w = world({ scenario: SCENARIOS.wrapUpOptional, traffic: false });
    w.signIn(MAYA);
    w.ready(MAYA);
    const id = w.engine.injectCall({ queueId: 'q-sales' });
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    w.engine.apply(MAYA, { type: 'task.end', taskId: id });
    expect(w.task(MAYA, id)?.wrapUp).toEqual({ forced: false, expiresAt: 30_000 });
    w.engine.apply(MAYA, { type: 'task.close', taskId: id });
    expect(w.task(MAYA, id)).toBeUndefined();
  });

  it('WU-1: without wrap-up, ending closes at once; a queue may override the tenant either way', () => {
    const w = world({ scenario: SCENARIOS.noWrapUp, traffic: false });
    w.signIn(MAYA);
    w.ready(MAYA);
    const id = w.engine.injectCall({ queueId: 'q-sales' });
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    w.engine.apply(MAYA, { type: 'task.end', taskId: id });
    expect(removals(w.eventsOf(MAYA)).at(-1)).toMatchObject({ taskId: id, reason: 'closed' });

    const queues: SimQueue[] = SCENARIOS.default.queues.map((q) =>
      q.id === 'q-sales' ? { ...q, wrapUp: { mode: 'off', timeoutSec: 0 } } : q,
    );
    const v = world({ scenario: scenarioWith({ queues }) });
    v.signIn(MAYA);
    v.ready(MAYA);
    const sales = v.engine.injectCall({ queueId: 'q-sales' });
    v.engine.apply(MAYA, { type: 'task.accept', taskId: sales });
    v.engine.apply(MAYA, { type: 'task.end', taskId: sales });
    expect(v.task(MAYA, sales)).toBeUndefined();
    const billing = v.engine.injectCall({ queueId: 'q-billing' });
    v.engine.apply(MAYA, { type: 'task.accept', taskId: billing });
    v.engine.apply(MAYA, { type: 'task.end', taskId: billing });
    expect(v.task(MAYA, billing)?.status).toBe('wrapUp');
  });

  it('WU-3: a zero timeout means no wrap-up, whatever the mode', () => {
    const w = world({ scenario: scenarioWith({ tenant: { ...SCENARIOS.default.tenant, wrapUp: { mode: 'forced', timeoutSec: 0 } } }) });
    w.signIn(MAYA);
    w.ready(MAYA);
    const id = w.engine.injectCall({ queueId: 'q-sales' });
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    w.engine.apply(MAYA, { type: 'task.end', taskId: id });
    expect(w.task(MAYA, id)).toBeUndefined();
  });

  it('the customer hanging up on a connected call sends the agent to wrap-up', () => {
    const w = world();
    w.signIn(MAYA);
    w.ready(MAYA);
    const id = w.engine.injectCall({ queueId: 'q-sales' });
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    w.scheduler.frame = 40_000;
    w.engine.hangUp(id);
    expect(w.task(MAYA, id)).toMatchObject({ status: 'wrapUp', since: 40_000 });
    expect(w.engine.calls()[0]).toMatchObject({ status: 'ended', endedAs: 'completed' });
  });

  it('CB-3: keypad tones only on a connected call, only digits, *, # and A–D; what was sent is recorded', () => {
    const w = world();
    w.signIn(MAYA);
    w.ready(MAYA);
    const id = w.engine.injectCall({ queueId: 'q-sales' });
    expect(refusalOf(() => w.engine.apply(MAYA, { type: 'call.dtmf', taskId: id, digits: '1' })).code).toBe('command.notAllowed');
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    w.engine.apply(MAYA, { type: 'call.dtmf', taskId: id, digits: '1' });
    w.engine.apply(MAYA, { type: 'call.dtmf', taskId: id, digits: '42#*D' });
    for (const digits of ['', '12x', '5 5', 'd']) {
      expect(refusalOf(() => w.engine.apply(MAYA, { type: 'call.dtmf', taskId: id, digits })).code).toBe('dtmf.invalid');
    }
    w.engine.apply(MAYA, { type: 'call.hold', taskId: id });
    expect(refusalOf(() => w.engine.apply(MAYA, { type: 'call.dtmf', taskId: id, digits: '9' })).code).toBe('command.notAllowed');
    expect(w.engine.sentDtmf(id)).toEqual(['1', '42#*D']);
  });
});

describe('transfers and consultations (CB-3)', () => {
  function onCall(options: WorldOptions = {}) {
    const w = world(options);
    w.signIn(MAYA);
    w.signIn(LUCA);
    w.ready(MAYA);
    const id = w.engine.injectCall({ queueId: 'q-sales', from: '+13055550111' });
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    return { ...w, id };
  }

  it('a blind transfer to a queue puts the caller in that queue; the agent goes to wrap-up', () => {
    const w = onCall();
    w.scheduler.frame = 10_000;
    w.engine.apply(MAYA, { type: 'call.transfer', taskId: w.id, targetId: 'q-support' });
    expect(w.task(MAYA, w.id)).toMatchObject({ status: 'wrapUp', queueId: 'q-sales' });
    expect(w.engine.calls()[0]).toMatchObject({ status: 'waiting', queueId: 'q-support', waitingSince: 10_000 });
    expect(w.queue(MAYA, 'q-support')).toMatchObject({ waiting: 1, oldestWaitingSince: 10_000 });
    expect(w.queue(MAYA, 'q-sales')).toMatchObject({ waiting: 0, busy: 0 });
    // Luca takes Support calls: the same customer rings for him now.
    w.ready(LUCA);
    expect(w.task(LUCA, w.id)).toMatchObject({ status: 'offered', queueName: 'Support', from: '+13055550111' });
  });

  it('a blind transfer elsewhere lets the call go; without wrap-up the task leaves as transferred', () => {
    const w = onCall();
    w.engine.apply(MAYA, { type: 'call.transfer', taskId: w.id, targetId: 'rp-escalations' });
    expect(w.engine.calls()[0]).toMatchObject({ status: 'ended', endedAs: 'transferred' });
    expect(w.task(MAYA, w.id)?.status).toBe('wrapUp');

    const v = onCall({ scenario: SCENARIOS.noWrapUp, traffic: false });
    v.engine.apply(MAYA, { type: 'call.transfer', taskId: v.id, targetId: 'camille.durand' });
    expect(removals(v.eventsOf(MAYA)).at(-1)).toMatchObject({ taskId: v.id, reason: 'transferred' });
  });

  it('an unknown transfer target is refused and nothing moves', () => {
    const w = onCall();
    const before = w.log.length;
    const error = refusalOf(() => w.engine.apply(MAYA, { type: 'call.transfer', taskId: w.id, targetId: 'q-nowhere' }));
    expect(error).toMatchObject({ code: 'command.notAllowed', message: expect.stringContaining('q-nowhere') });
    expect(w.log).toHaveLength(before);
  });

  it('consult: the customer is held while the target rings, then it connects; complete hands the customer over', () => {
    const w = onCall({ consultDelayMs: 2_000 });
    w.scheduler.frame = 5_000;
    w.engine.apply(MAYA, { type: 'call.consult', taskId: w.id, targetId: 'q-billing' });
    expect(w.task(MAYA, w.id)).toMatchObject({
      status: 'held',
      since: 5_000,
      consult: { targetId: 'q-billing', targetName: 'Billing', status: 'ringing', since: 5_000 },
    });
    expect(refusalOf(() => w.engine.apply(MAYA, { type: 'call.consultComplete', taskId: w.id })).code).toBe('command.notAllowed');
    expect(refusalOf(() => w.engine.apply(MAYA, { type: 'call.resume', taskId: w.id })).code).toBe('command.notAllowed');
    expect(refusalOf(() => w.engine.apply(MAYA, { type: 'call.transfer', taskId: w.id, targetId: 'q-support' })).code).toBe(
      'command.notAllowed',
    );
    w.advance(2_000);
    expect(w.task(MAYA, w.id)?.consult).toEqual({ targetId: 'q-billing', targetName: 'Billing', status: 'connected', since: 7_000 });
    w.engine.apply(MAYA, { type: 'call.consultComplete', taskId: w.id });
    expect(w.task(MAYA, w.id)?.status).toBe('wrapUp');
    expect(w.task(MAYA, w.id)?.consult).toBeUndefined();
    expect(w.engine.calls()[0]).toMatchObject({ status: 'waiting', queueId: 'q-billing' });
  });

  it('consult: cancelling drops the consultation and keeps the customer on hold', () => {
    const w = onCall();
    w.engine.apply(MAYA, { type: 'call.consult', taskId: w.id, targetId: 'rp-escalations' });
    w.engine.apply(MAYA, { type: 'call.consultCancel', taskId: w.id });
    expect(w.task(MAYA, w.id)?.status).toBe('held');
    expect(w.task(MAYA, w.id)?.consult).toBeUndefined();
    // The ring timer was cancelled with it: nothing comes back later.
    const before = w.log.length;
    w.advance(10_000);
    expect(w.log).toHaveLength(before);
    expect(refusalOf(() => w.engine.apply(MAYA, { type: 'call.consultCancel', taskId: w.id })).code).toBe('command.notAllowed');
  });

  it('consult: a target that declines leaves a failed consultation with the reason, until cancelled or resumed', () => {
    const w = onCall();
    w.engine.apply(MAYA, { type: 'call.consult', taskId: w.id, targetId: 'rp-after-hours' });
    w.advance(3_000);
    const consult = w.task(MAYA, w.id)?.consult;
    expect(consult).toMatchObject({ targetId: 'rp-after-hours', status: 'failed', since: 3_000 });
    expect(consult?.error).toMatchObject({
      code: 'consult.failed',
      message: 'After-hours line did not take the consultation; the caller is still on hold.',
    });
    expect(consult?.error?.traceId).toMatch(TRACE_ID);
    expect(w.engine.lastConsultFailure(w.id)).toEqual({
      targetId: 'rp-after-hours',
      targetName: 'After-hours line',
      at: 3_000,
      error: consult?.error,
    });
    expect(refusalOf(() => w.engine.apply(MAYA, { type: 'call.consultComplete', taskId: w.id })).code).toBe('command.notAllowed');
    // Back to the caller: the failed consultation has nothing left to say.
    w.engine.apply(MAYA, { type: 'call.resume', taskId: w.id });
    expect(w.task(MAYA, w.id)?.status).toBe('active');
    expect(w.task(MAYA, w.id)?.consult).toBeUndefined();
    // A new consultation may follow a failed one.
    w.engine.apply(MAYA, { type: 'call.consult', taskId: w.id, targetId: 'camille.durand' });
    expect(w.task(MAYA, w.id)?.consult?.status).toBe('ringing');
    expect(refusalOf(() => w.engine.apply(MAYA, { type: 'call.consult', taskId: w.id, targetId: 'q-billing' })).code).toBe(
      'command.notAllowed',
    );
  });

  it('ending the call during a consultation drops it', () => {
    const w = onCall();
    w.engine.apply(MAYA, { type: 'call.consult', taskId: w.id, targetId: 'q-billing' });
    w.engine.apply(MAYA, { type: 'task.end', taskId: w.id });
    expect(w.task(MAYA, w.id)?.consult).toBeUndefined();
    const before = w.log.length;
    w.advance(5_000);
    expect(w.log).toHaveLength(before);
  });
});

describe('queues', () => {
  it('QL-1: an agent sees member queues (enabled), a supervisor supervised ones (monitored), Supervisor+Agent both', () => {
    const w = world();
    w.signIn(LUCA);
    w.signIn(CAMILLE, 'supervisor');
    w.signIn(MAYA, 'supervisorAgent');
    const flags = (agentId: string) => w.engine.queues(agentId).map(({ id, enabled, monitored }) => ({ id, enabled, monitored }));
    expect(flags(LUCA)).toEqual([
      { id: 'q-support', enabled: true, monitored: undefined },
      { id: 'q-retention', enabled: false, monitored: undefined },
      { id: 'q-callbacks', enabled: true, monitored: undefined },
    ]);
    expect(flags(CAMILLE)).toEqual([
      { id: 'q-sales', enabled: undefined, monitored: true },
      { id: 'q-support', enabled: undefined, monitored: true },
      { id: 'q-retention', enabled: undefined, monitored: false },
      { id: 'q-callbacks', enabled: undefined, monitored: false },
    ]);
    expect(flags(MAYA)).toEqual([
      { id: 'q-sales', enabled: true, monitored: false },
      { id: 'q-support', enabled: true, monitored: true },
      { id: 'q-billing', enabled: true, monitored: false },
      { id: 'q-retention', enabled: undefined, monitored: false },
      { id: 'q-callbacks', enabled: false, monitored: false },
    ]);
    // The same list went out as queues.loaded right after the media events.
    const loaded = w.eventsOf(MAYA).find((e) => e.type === 'queues.loaded');
    expect(loaded).toMatchObject({ queues: w.engine.queues(MAYA).map((q) => ({ id: q.id })) });
    expect(w.engine.queues(ANA)).toEqual([]);
  });

  it('QL-2/QL-6: waiting, busy, oldest wait and agents signed in follow the calls and the people', () => {
    const w = world();
    w.signIn(CAMILLE, 'supervisor');
    expect(w.queue(CAMILLE, 'q-sales')).toMatchObject({ waiting: 0, busy: 0, agentsSignedIn: 0 });
    w.scheduler.frame = 1_000;
    const first = w.engine.injectCall({ queueId: 'q-sales' });
    w.scheduler.frame = 2_000;
    w.engine.injectCall({ queueId: 'q-sales' });
    // QL-6: calls wait and nobody is signed in to take them.
    expect(w.queue(CAMILLE, 'q-sales')).toMatchObject({ waiting: 2, busy: 0, oldestWaitingSince: 1_000, agentsSignedIn: 0 });
    w.signIn(MAYA);
    expect(w.queue(CAMILLE, 'q-sales')?.agentsSignedIn).toBe(1);
    w.signIn(ANA);
    expect(w.queue(CAMILLE, 'q-sales')?.agentsSignedIn).toBe(2);
    w.ready(MAYA);
    w.engine.apply(MAYA, { type: 'task.accept', taskId: first });
    expect(w.queue(CAMILLE, 'q-sales')).toMatchObject({ waiting: 1, busy: 1, oldestWaitingSince: 2_000 });
    // Disabling the queue takes Maya out of the count; she still has her call.
    w.engine.apply(MAYA, { type: 'queues.setEnabled', changes: [{ queueId: 'q-sales', on: false }] });
    expect(w.queue(CAMILLE, 'q-sales')?.agentsSignedIn).toBe(1);
  });

  it('QL-2: each change reaches every signed-in user who has the queue, once, and nobody else', () => {
    const w = world();
    w.signIn(MAYA);
    w.signIn(LUCA);
    w.signIn(CAMILLE, 'supervisor');
    const before = w.log.length;
    w.scheduler.frame = 4_000;
    w.engine.injectCall({ queueId: 'q-sales' });
    const told = w.log.slice(before);
    expect(told.map((c) => `${c.agentId}:${c.event.type}`)).toEqual([`${MAYA}:queue.updated`, `${CAMILLE}:queue.updated`]);
    for (const { event } of told)
      expect(event).toMatchObject({ queue: { id: 'q-sales', waiting: 1, oldestWaitingSince: 4_000 }, at: 4_000 });
    // Maya sees her tick, Camille his monitoring.
    expect(told[0]!.event).toMatchObject({ queue: { enabled: true } });
    expect(told[1]!.event).toMatchObject({ queue: { monitored: true } });
  });

  it('QL-5: enabling and disabling is all or nothing; a queue not assigned is refused by name', () => {
    const w = world();
    w.signIn(MAYA);
    const before = w.log.length;
    const error = refusalOf(() =>
      w.engine.apply(MAYA, {
        type: 'queues.setEnabled',
        changes: [
          { queueId: 'q-sales', on: false },
          { queueId: 'q-retention', on: true },
        ],
      }),
    );
    expect(error).toMatchObject({ code: 'queue.unknown', message: 'The queue "Retention" is not assigned to you.' });
    expect(error.traceId).toMatch(TRACE_ID);
    expect(w.log).toHaveLength(before);
    expect(w.queue(MAYA, 'q-sales')?.enabled).toBe(true);
    expect(
      refusalOf(() => w.engine.apply(MAYA, { type: 'queues.setEnabled', changes: [{ queueId: 'q-gone', on: true }] })).message,
    ).toContain('q-gone');

    w.engine.apply(MAYA, {
      type: 'queues.setEnabled',
      changes: [
        { queueId: 'q-sales', on: false },
        { queueId: 'q-callbacks', on: true },
      ],
    });
    const updates = w.log.slice(before).filter((c) => c.event.type === 'queue.updated');
    expect(updates.map((c) => c.event)).toEqual([
      expect.objectContaining({ queue: expect.objectContaining({ id: 'q-sales', enabled: false }) }),
      expect.objectContaining({ queue: expect.objectContaining({ id: 'q-callbacks', enabled: true }) }),
    ]);
  });

  it('QL-7: monitoring needs a supervisor role, and only supervised queues', () => {
    const w = world();
    w.signIn(MAYA);
    w.signIn(CAMILLE, 'supervisor');
    const change = { type: 'queues.setMonitored', changes: [{ queueId: 'q-sales', on: true }] } as const;
    expect(refusalOf(() => w.engine.apply(MAYA, change)).code).toBe('command.notAllowed');
    expect(
      refusalOf(() => w.engine.apply(CAMILLE, { type: 'queues.setMonitored', changes: [{ queueId: 'q-billing', on: true }] })).code,
    ).toBe('queue.unknown');
    // A pure supervisor takes no calls, so has no queue to enable.
    expect(refusalOf(() => w.engine.apply(CAMILLE, { type: 'queues.setEnabled', changes: [{ queueId: 'q-sales', on: true }] })).code).toBe(
      'queue.unknown',
    );
    w.engine.apply(CAMILLE, { type: 'queues.setMonitored', changes: [{ queueId: 'q-retention', on: true }] });
    expect(w.queue(CAMILLE, 'q-retention')?.monitored).toBe(true);
    expect(w.eventsOf(CAMILLE).at(-1)).toMatchObject({ type: 'queue.updated', queue: { id: 'q-retention', monitored: true } });
  });

  it('a queue removed or unassigned leaves the lists of those who had it', () => {
    const w = world();
    w.signIn(MAYA);
    w.signIn(ANA);
    w.ready(ANA);
    const ringing = w.engine.injectCall({ queueId: 'q-billing' });
    w.engine.unassignQueue(MAYA, 'q-sales');
    expect(w.eventsOf(MAYA).at(-1)).toEqual({ type: 'queue.removed', queueId: 'q-sales', at: 0 });
    expect(w.queue(MAYA, 'q-sales')).toBeUndefined();
    expect(w.queue(ANA, 'q-sales')?.agentsSignedIn).toBe(1);

    w.engine.removeQueue('q-billing');
    expect(w.eventsOf(MAYA).at(-1)).toEqual({ type: 'queue.removed', queueId: 'q-billing', at: 0 });
    // Its ringing caller is gone too.
    expect(removals(w.eventsOf(ANA)).at(-1)).toMatchObject({ taskId: ringing, reason: 'abandoned' });
    expect(w.eventsOf(ANA).at(-1)).toEqual({ type: 'queue.removed', queueId: 'q-billing', at: 0 });
    expect(() => w.engine.injectCall({ queueId: 'q-billing' })).toThrow(RangeError);
  });
});

describe('sessions', () => {
  it('SL-11: sign-out is refused while a call or its wrap-up remains', () => {
    const w = world();
    w.signIn(MAYA);
    w.ready(MAYA);
    const id = w.engine.injectCall({ queueId: 'q-sales' });
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    w.engine.apply(MAYA, { type: 'media.setState', media: ['voice'], status: 'notReady' });
    expect(refusalOf(() => w.engine.apply(MAYA, { type: 'session.signOut' })).code).toBe('command.notAllowed');
    w.engine.apply(MAYA, { type: 'task.end', taskId: id });
    expect(refusalOf(() => w.engine.apply(MAYA, { type: 'session.signOut' })).message).toMatch(/wrap-up/);
    w.engine.apply(MAYA, { type: 'task.close', taskId: id, reasonId: 'resolved' });
    w.engine.apply(MAYA, { type: 'session.signOut' });
    expect(w.engine.queues(MAYA)).toEqual([]);
  });

  it('SE-4/WU-4: the snapshot carries tasks with their times and deadlines unchanged, and the queue list', () => {
    const w = world();
    w.signIn(MAYA);
    w.ready(MAYA);
    w.scheduler.frame = 1_000;
    const id = w.engine.injectCall({ queueId: 'q-sales' });
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    w.scheduler.frame = 9_000;
    w.engine.apply(MAYA, { type: 'task.end', taskId: id });
    w.engine.injectCall({ queueId: 'q-support' });
    w.scheduler.frame = 20_000;
    const snapshot = w.engine.snapshot(MAYA);
    const lastTask = w.eventsOf(MAYA).findLast((e) => e.type === 'task.updated');
    expect(snapshot.tasks).toEqual([lastTask?.type === 'task.updated' ? lastTask.task : undefined]);
    expect(snapshot.tasks[0]).toMatchObject({ since: 9_000, startedAt: 1_000, wrapUp: { expiresAt: 39_000 } });
    expect(snapshot.queues).toEqual(w.engine.queues(MAYA));
    expect(snapshot.queues?.find((q) => q.id === 'q-support')).toMatchObject({ waiting: 1, oldestWaitingSince: 9_000 });
  });
});

describe('traffic', () => {
  const quietQueue = (changes: Partial<SimQueue>): SimScenario =>
    scenarioWith({
      queues: [
        {
          id: 'q-test',
          name: 'Test',
          media: 'voice',
          direction: 'inbound',
          members: [{ agentId: MAYA, enabled: true }],
          supervisors: [],
          arrivalsPerHour: 0,
          ...changes,
        },
      ],
    });

  it('off, the world has no timers of its own; switched on, arrivals start', () => {
    const w = world({ scenario: SCENARIOS.liveTraffic, traffic: false });
    expect(w.scheduler.actions).toHaveLength(0);
    w.engine.setTraffic(true);
    expect(w.engine.traffic).toBe(true);
    w.advance(5 * 60_000);
    expect(w.engine.calls().length).toBeGreaterThan(0);
    w.engine.setTraffic(false);
    expect(w.scheduler.actions).toHaveLength(0);
    // Background agents went home with the traffic: nothing is left busy with them.
    expect(w.engine.calls().some((c) => c.status === 'virtual')).toBe(false);
  });

  it('abandon: a waiting caller hangs up when their patience runs out, even while ringing', () => {
    const w = world({ scenario: quietQueue({}), traffic: true });
    w.signIn(MAYA);
    const waiting = w.engine.injectCall({ queueId: 'q-test', patienceMs: 5_000 });
    w.advance(5_000);
    expect(w.engine.calls()[0]).toMatchObject({ id: waiting, status: 'ended', endedAs: 'abandoned' });
    expect(w.queue(MAYA, 'q-test')?.waiting).toBe(0);

    w.ready(MAYA);
    const ringing = w.engine.injectCall({ queueId: 'q-test', patienceMs: 8_000 });
    w.advance(8_000);
    expect(removals(w.eventsOf(MAYA)).at(-1)).toEqual({ type: 'task.removed', taskId: ringing, reason: 'abandoned', at: 13_000 });
  });

  it('a connected caller hangs up after their talk time, and the agent goes to wrap-up', () => {
    const w = world({ scenario: quietQueue({}), traffic: true });
    w.signIn(MAYA);
    w.ready(MAYA);
    const id = w.engine.injectCall({ queueId: 'q-test', talkTimeMs: 90_000 });
    w.advance(2_000);
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    w.advance(90_000);
    expect(w.task(MAYA, id)).toMatchObject({ status: 'wrapUp', since: 92_000 });
  });

  it('QL-6: virtual agents count as signed in and answer calls that waited long enough', () => {
    const w = world({ scenario: quietQueue({ virtualAgents: { count: 1, answerAfterMs: 10_000 } }), traffic: true });
    w.signIn(MAYA);
    expect(w.queue(MAYA, 'q-test')?.agentsSignedIn).toBe(2);
    const first = w.engine.injectCall({ queueId: 'q-test', talkTimeMs: 60_000, patienceMs: 600_000 });
    w.scheduler.frame = 1_000;
    const second = w.engine.injectCall({ queueId: 'q-test', talkTimeMs: 60_000, patienceMs: 600_000 });
    w.advance(9_000);
    expect(w.queue(MAYA, 'q-test')).toMatchObject({ waiting: 1, busy: 1, oldestWaitingSince: 1_000 });
    // One virtual agent: the second caller waits until the first call is over.
    w.advance(60_000);
    expect(w.engine.closings(first)).toEqual([{ queueId: 'q-test', at: 70_000, closedBy: 'virtual' }]);
    expect(w.engine.calls().find((c) => c.id === second)?.status).toBe('virtual');
    w.engine.setTraffic(false);
    expect(w.queue(MAYA, 'q-test')).toMatchObject({ waiting: 0, busy: 0, agentsSignedIn: 1 });
  });

  it('calls waiting at start have waits drawn from the seed and keep them (QL-6)', () => {
    const w = world({ scenario: SCENARIOS.busyQueues });
    w.signIn(MAYA, 'supervisorAgent');
    const outages = w.queue(MAYA, 'q-outages');
    expect(outages).toMatchObject({ waiting: 4, agentsSignedIn: 0, monitored: true });
    expect(outages?.oldestWaitingSince).toBeLessThan(0);
    expect(world({ scenario: SCENARIOS.busyQueues }).engine.calls()).toEqual(w.engine.calls());
  });

  it('caller ids are fictional 555-01xx numbers with names, drawn from the seed', () => {
    const w = world();
    const ids = Array.from({ length: 20 }, () => w.engine.injectCall({ queueId: 'q-sales' }));
    const calls = w.engine.calls();
    expect(calls.map((c) => c.id)).toEqual(ids);
    for (const call of calls) {
      expect(call.from).toMatch(/^\+1\d{3}55501\d{2}$/);
      expect(call.customerName).toMatch(/^\S+ \S+$/);
    }
    expect(new Set(calls.map((c) => c.from)).size).toBeGreaterThan(10);
  });

  it('determinism: the same seed replays ten minutes of traffic event for event; another seed does not', () => {
    const run = (seed: number) => {
      const w = world({ scenario: SCENARIOS.liveTraffic, seed, traffic: true });
      // A diligent agent: accepts after 2 s, talks 20 s, files the call 5 s later (all on the scheduler).
      w.engine.changesOf(MAYA).subscribe((event) => {
        if (event.type !== 'task.updated') return;
        const { id, status } = event.task;
        const later = (ms: number, command: Parameters<SimContactCenter['apply']>[1]) =>
          w.scheduler.schedule(() => {
            if (w.task(MAYA, id)) w.engine.apply(MAYA, command);
          }, ms);
        if (status === 'offered') later(2_000, { type: 'task.accept', taskId: id });
        if (status === 'active' && event.task.startedAt === event.at) later(20_000, { type: 'task.end', taskId: id });
        if (status === 'wrapUp') later(5_000, { type: 'task.close', taskId: id, reasonId: 'resolved' });
      });
      w.signIn(MAYA, 'supervisorAgent');
      w.signIn(LUCA);
      w.ready(MAYA);
      w.ready(LUCA);
      w.advance(10 * 60_000);
      return w;
    };
    const first = run(7);
    const again = run(7);
    expect(again.log).toEqual(first.log);
    expect(run(8).log).not.toEqual(first.log);

    // And the world was alive: offers, calls closed, missed calls (Luca never answers), background agents.
    const kinds = new Set(first.log.map((c) => (c.event.type === 'task.removed' ? `removed:${c.event.reason}` : c.event.type)));
    expect([...kinds]).toEqual(expect.arrayContaining(['task.updated', 'removed:closed', 'removed:rona', 'queue.updated']));
    expect(
      first.engine.calls().some((c) => c.status === 'virtual' || first.engine.closings(c.id).some((x) => x.closedBy === 'virtual')),
    ).toBe(true);
  });
});

describe('scenario checks', () => {
  it.each([7, 65, -5, 12.5])('WU-3: a wrap-up timeout of %s s is refused when the scenario loads', (timeoutSec) => {
    const tenant = { ...SCENARIOS.default.tenant, wrapUp: { mode: 'forced' as const, timeoutSec } };
    expect(() => new SimContactCenter({ scenario: scenarioWith({ tenant }), scheduler: new VirtualTimeScheduler() })).toThrow(
      new RangeError(`Scenario "Test": the tenant wrap-up timeout must be 0–60 s in steps of 5 s (WU-3), not ${timeoutSec} s.`),
    );
  });

  it('WU-3: a queue override is checked too; 0 and 60 s are fine', () => {
    const withQueueTimeout = (timeoutSec: number) =>
      scenarioWith({ queues: SCENARIOS.default.queues.map((q, i) => (i === 0 ? { ...q, wrapUp: { mode: 'optional', timeoutSec } } : q)) });
    expect(() => new SimContactCenter({ scenario: withQueueTimeout(61), scheduler: new VirtualTimeScheduler() })).toThrow(
      /queue "q-sales".*WU-3/,
    );
    for (const ok of [0, 60])
      expect(() => new SimContactCenter({ scenario: withQueueTimeout(ok), scheduler: new VirtualTimeScheduler() })).not.toThrow();
  });

  it('a queue naming someone outside the scenario, or listed twice, is refused', () => {
    const stranger = scenarioWith({ queues: [{ ...SCENARIOS.default.queues[0]!, members: [{ agentId: 'nobody', enabled: true }] }] });
    expect(() => new SimContactCenter({ scenario: stranger })).toThrow(/"nobody"/);
    const twice = scenarioWith({ queues: [SCENARIOS.default.queues[0]!, SCENARIOS.default.queues[0]!] });
    expect(() => new SimContactCenter({ scenario: twice })).toThrow(/listed twice/);
  });
});
