// The supervisor floor on virtual time, through the engine's own API: rosters (loaded, changed in
// batches per tick, removed), the simulated floor at tens and thousands of agents, the SV-2 queue
// figures, each policy's commands, and monitoring as the monitored agent hears it.

import { describe, expect, it } from 'vitest';
import { VirtualTimeScheduler } from 'rxjs';
import {
  roleNeedsTeam,
  type Command,
  type DomainEvent,
  type Queue,
  type Role,
  type RosterAgent,
  type SupervisorPolicy,
} from '@cc-elements/core';
import { SimContactCenter, type SimChange, type SimContactCenterOptions } from './engine.js';
import { SCENARIOS, type SimScenario } from './scenarios.js';
import { refusalOf } from './refusal.test-support.js';

const CAMILLE = 'camille.durand';
const MAYA = 'maya.patel';
const LUCA = 'luca.rossi';
const ANA = 'ana.popescu';
const TRACE_ID = /^sim-[0-9a-f]{16}$/;

type WorldOptions = Omit<SimContactCenterOptions, 'scheduler'>;
type RosterEvent = Extract<DomainEvent, { type: 'roster.loaded' | 'roster.changed' | 'roster.removed' }>;

function world(options: WorldOptions = {}) {
  const scheduler = new VirtualTimeScheduler();
  const engine = new SimContactCenter({ scenario: 'supervisorFloor', seed: 1, traffic: false, ...options, scheduler });
  const log: SimChange[] = [];
  engine.changes$.subscribe((change) => log.push(change));
  const eventsOf = (agentId: string): DomainEvent[] => log.filter((c) => c.agentId === agentId).map((c) => c.event);
  return {
    scheduler,
    engine,
    log,
    eventsOf,
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
    rosterEvents: (agentId: string) => eventsOf(agentId).filter((e): e is RosterEvent => e.type.startsWith('roster.')),
    row: (supervisorId: string, agentId: string): RosterAgent | undefined => engine.rosterOf(supervisorId).find((a) => a.id === agentId),
    queue: (agentId: string, queueId: string): Queue | undefined => engine.queues(agentId).find((q) => q.id === queueId),
    supervise: (command: Command, supervisorId = CAMILLE) => engine.apply(supervisorId, command),
  };
}

function scenarioWith(base: SimScenario, changes: Partial<SimScenario>): SimScenario {
  return { ...base, title: 'Test', ...changes };
}

const loaded = (events: DomainEvent[]) =>
  events.find((e): e is Extract<DomainEvent, { type: 'roster.loaded' }> => e.type === 'roster.loaded');
const changedBatches = (events: DomainEvent[]) =>
  events.filter((e): e is Extract<DomainEvent, { type: 'roster.changed' }> => e.type === 'roster.changed');

describe('SV-1: the roster', () => {
  it('SV-1: a supervisor signing in gets the whole roster of their teams last, floor and real agents, never themself', () => {
    const w = world();
    w.signIn(CAMILLE, 'supervisor');
    expect(w.eventsOf(CAMILLE).map((e) => e.type)).toEqual(['session.signedIn', 'queues.loaded', 'roster.loaded']);
    const agents = loaded(w.eventsOf(CAMILLE))!.agents;
    // Thirty-seven simulated agents plus Maya, Luca and Ana, who share a team with Camille.
    expect(agents).toHaveLength(40);
    expect(agents.slice(0, 3).map((a) => [a.id, a.status])).toEqual([
      [MAYA, 'signedOut'],
      [LUCA, 'signedOut'],
      [ANA, 'signedOut'],
    ]);
    expect(agents.map((a) => a.id)).not.toContain(CAMILLE);
    const teams = new Set(['team-support-emea', 'team-retention', 'team-billing']);
    for (const agent of agents) expect(teams.has(agent.teamId!)).toBe(true);
    expect(new Set(agents.map((a) => a.teamId))).toEqual(teams);
    expect(new Set(agents.map((a) => a.name)).size).toBe(40);
    // A floor agent takes work from its team's queues, a few with one switched off.
    const support = agents.find((a) => a.teamId === 'team-support-emea' && a.id.startsWith('agent-'))!;
    expect(support.queues.map((q) => q.queueId)).toEqual(['q-support', 'dq-chat', 'dq-email']);
    // Every status a supervisor may meet at a glance, with start times in the past.
    expect(new Set(agents.map((a) => a.status))).toEqual(new Set(['signedOut', 'notReady', 'ready', 'busy']));
    expect(agents.filter((a) => a.since < 0).length).toBeGreaterThan(20);
    const busy = agents.find((a) => a.status === 'busy')!;
    expect(busy.interactions).toEqual([
      { id: expect.stringMatching(/^call-/), media: 'voice', status: 'active', since: busy.since, queueId: expect.any(String) },
    ]);
    expect(busy.channels.voice).toBe('ready');
    const onBreak = agents.find((a) => a.status === 'notReady' && a.reasonId !== undefined)!;
    expect(SCENARIOS.supervisorFloor.tenant.notReadyReasons.map((r) => r.id)).toContain(onBreak.reasonId);
  });

  it('SV-1/SL-1: Supervisor+Agent sees everyone of her teams but herself; a plain agent gets no roster', () => {
    const w = world();
    w.signIn(LUCA);
    w.signIn(MAYA, 'supervisorAgent');
    expect(w.eventsOf(LUCA).some((e) => e.type === 'roster.loaded')).toBe(false);
    const ids = loaded(w.eventsOf(MAYA))!.agents.map((a) => a.id);
    expect(ids).toHaveLength(39);
    expect(ids).not.toContain(MAYA);
    expect(ids).toEqual(expect.arrayContaining([LUCA, ANA]));
    expect(w.engine.rosterOf(LUCA)).toEqual([]);
  });

  it('SE-4: the snapshot of a signed-in supervisor carries the roster; an agent’s does not', () => {
    const w = world();
    w.signIn(CAMILLE, 'supervisor');
    w.signIn(LUCA);
    expect(w.engine.snapshot(CAMILLE).roster).toEqual(w.engine.rosterOf(CAMILLE));
    expect(w.engine.snapshot(CAMILLE).roster).toHaveLength(40);
    expect(w.engine.snapshot(LUCA).roster).toBeUndefined();
  });

  it('SV-1: real agents appear with their real state, time in status, channels, interactions and queues', () => {
    const w = world({ scenario: 'default' });
    w.signIn(CAMILLE, 'supervisor');
    expect(loaded(w.eventsOf(CAMILLE))!.agents.map((a) => a.id)).toEqual([MAYA, LUCA, ANA]);
    w.advance(1_000);
    w.signIn(LUCA);
    w.advance(1_000);
    expect(changedBatches(w.eventsOf(CAMILLE)).map((b) => [b.at, b.agents.map((a) => `${a.id}:${a.status}`)])).toEqual([
      [1_250, [`${LUCA}:notReady`]],
    ]);
    w.ready(LUCA);
    // Nothing goes out before the tick.
    expect(changedBatches(w.eventsOf(CAMILLE))).toHaveLength(1);
    w.advance(500);
    const batch = changedBatches(w.eventsOf(CAMILLE))[1];
    expect(batch).toMatchObject({ at: 2_250 });
    expect(batch!.agents).toEqual([
      {
        id: LUCA,
        name: 'Luca Rossi',
        teamId: 'team-support-emea',
        status: 'ready',
        since: 2_000,
        channels: { voice: 'ready', chatSocial: 'notReady', email: 'notReady' },
        interactions: [],
        queues: [
          { queueId: 'q-support', enabled: true },
          { queueId: 'q-retention', enabled: false },
          { queueId: 'q-callbacks', enabled: true },
        ],
      },
    ]);
    w.advance(500);
    const call = w.engine.injectCall({ queueId: 'q-support' });
    w.advance(250);
    expect(w.row(CAMILLE, LUCA)).toMatchObject({
      status: 'busy',
      since: 3_000,
      interactions: [{ id: call, media: 'voice', status: 'offered', since: 3_000, queueId: 'q-support' }],
    });
    expect(changedBatches(w.eventsOf(CAMILLE)).at(-1)!.agents).toEqual([w.row(CAMILLE, LUCA)]);
  });

  it('SV-1/SV-5: changes go out batched — one roster.changed per tick with every changed agent, none when nothing changed', () => {
    const w = world();
    w.signIn(CAMILLE, 'supervisor');
    w.signIn(LUCA);
    w.signIn(ANA);
    w.advance(1_100);
    expect(w.engine.churn(6)).toBe(6);
    w.ready(LUCA);
    w.ready(ANA);
    w.advance(1_000);
    const batches = changedBatches(w.eventsOf(CAMILLE));
    expect(batches.map((b) => b.at)).toEqual([250, 1_250]);
    // Luca and Ana signed in in the first tick; the second carries the churn and both going Ready.
    expect(batches[0]!.agents.map((a) => a.id)).toEqual([LUCA, ANA]);
    expect(batches[1]!.agents).toHaveLength(8);
    expect(batches[1]!.agents.filter((a) => a.id.startsWith('agent-')).every((a) => a.since === 1_100)).toBe(true);
    // Traffic off and nothing changing: the world keeps no timer.
    expect(w.scheduler.actions).toHaveLength(0);
  });

  it('SV-5: the tick is configurable (rosterTickMs)', () => {
    const w = world({ rosterTickMs: 1_000 });
    w.signIn(CAMILLE, 'supervisor');
    w.advance(300);
    w.engine.churn(3);
    w.advance(2_000);
    expect(changedBatches(w.eventsOf(CAMILLE)).map((b) => [b.at, b.agents.length])).toEqual([[1_000, 3]]);
  });

  it('SV-1: roster.removed when an agent leaves the supervisor’s teams; roster.changed when they join', () => {
    const w = world();
    w.signIn(CAMILLE, 'supervisor');
    const someone = loaded(w.eventsOf(CAMILLE))!.agents.find((a) => a.id.startsWith('agent-'))!;
    w.engine.moveAgentToTeam(someone.id, 'team-sales-na');
    w.advance(250);
    expect(w.rosterEvents(CAMILLE).at(-1)).toEqual({ type: 'roster.removed', agentIds: [someone.id], at: 250 });
    expect(w.row(CAMILLE, someone.id)).toBeUndefined();
    w.engine.moveAgentToTeam(someone.id, 'team-retention');
    w.advance(250);
    expect(w.rosterEvents(CAMILLE).at(-1)).toMatchObject({
      type: 'roster.changed',
      agents: [{ id: someone.id, teamId: 'team-retention' }],
    });
    expect(() => w.engine.moveAgentToTeam(LUCA, 'team-retention')).toThrow(RangeError);
  });
});

describe('the simulated floor', () => {
  it('SV-1: floor agents take calls and digital work from the ACDs while traffic is on, and wrap up', () => {
    const w = world({ traffic: true });
    w.signIn(CAMILLE, 'supervisor');
    w.advance(10 * 60_000);
    const byId = new Map(w.engine.rosterOf(CAMILLE).map((a) => [a.id, a]));
    const taken = w.engine.calls().filter((c) => c.staffId !== undefined && c.status === 'virtual');
    expect(taken.length).toBeGreaterThan(5);
    for (const call of taken)
      expect(byId.get(call.staffId!)).toMatchObject({ status: 'busy', interactions: [{ id: call.id, media: 'voice' }] });
    const chats = w.engine.contacts().filter((c) => c.staffId !== undefined);
    expect(chats.length).toBeGreaterThan(0);
    // Over ten minutes people wrapped up, went Ready again and took breaks with reasons.
    const seen = new Set(w.rosterEvents(CAMILLE).flatMap((e) => (e.type === 'roster.changed' ? e.agents.map((a) => a.status) : [])));
    expect(seen).toEqual(new Set(['busy', 'wrapUp', 'ready', 'notReady']));
    const interactions = new Set(
      w
        .rosterEvents(CAMILLE)
        .flatMap((e) => (e.type === 'roster.changed' ? e.agents.flatMap((a) => a.interactions.map((i) => i.media)) : [])),
    );
    expect([...interactions]).toEqual(expect.arrayContaining(['voice', 'chat']));
  });

  it('SV-1: with traffic off the floor stands still; switched on it moves on one timer', () => {
    const w = world();
    const before = w.engine.rosterOf(CAMILLE);
    w.signIn(CAMILLE, 'supervisor');
    const atStart = w.engine.rosterOf(CAMILLE);
    w.advance(30 * 60_000);
    expect(w.engine.rosterOf(CAMILLE)).toEqual(atStart);
    expect(before).toEqual([]);
    expect(w.scheduler.actions).toHaveLength(0);
    w.engine.setTraffic(true);
    w.advance(60_000);
    expect(w.engine.rosterOf(CAMILLE)).not.toEqual(atStart);
    w.engine.dispose();
    expect(w.scheduler.actions.filter((a) => !a.closed)).toHaveLength(0);
  });

  it('determinism: the same seed gives the same roster and the same minute of traffic; another seed other people', () => {
    const run = (seed: number) => {
      const w = world({ seed, traffic: true });
      w.signIn(CAMILLE, 'supervisor');
      w.advance(60_000);
      return w;
    };
    const first = run(3);
    const again = run(3);
    expect(loaded(again.eventsOf(CAMILLE))).toEqual(loaded(first.eventsOf(CAMILLE)));
    expect(again.log).toEqual(first.log);
    const other = loaded(run(4).eventsOf(CAMILLE))!.agents.map((a) => a.name);
    expect(other).not.toEqual(loaded(first.eventsOf(CAMILLE))!.agents.map((a) => a.name));
  });
});

describe('SV-2: queue figures', () => {
  it('SV-2: accepted, handled, abandoned and the service level follow the calls; agents ready, not ready and talking follow the people', () => {
    const w = world({ scenario: 'default' });
    w.signIn(CAMILLE, 'supervisor');
    expect(w.queue(CAMILLE, 'q-sales')).toMatchObject({
      handled: 0,
      accepted: 0,
      abandoned: 0,
      agentsReady: 0,
      agentsNotReady: 0,
      agentsTalking: 0,
    });
    // No service level before anything was answered or abandoned.
    expect(w.queue(CAMILLE, 'q-sales')?.serviceLevel).toBeUndefined();
    w.signIn(MAYA);
    w.signIn(ANA);
    expect(w.queue(CAMILLE, 'q-sales')).toMatchObject({ agentsSignedIn: 2, agentsReady: 0, agentsNotReady: 2, agentsTalking: 0 });
    w.ready(MAYA);
    expect(w.queue(CAMILLE, 'q-sales')).toMatchObject({ agentsReady: 1, agentsNotReady: 1 });

    w.scheduler.frame = 1_000;
    const first = w.engine.injectCall({ queueId: 'q-sales' });
    expect(w.queue(CAMILLE, 'q-sales')).toMatchObject({ agentsReady: 0, agentsTalking: 1, waiting: 1 });
    w.scheduler.frame = 6_000;
    w.engine.apply(MAYA, { type: 'task.accept', taskId: first });
    expect(w.queue(CAMILLE, 'q-sales')).toMatchObject({ accepted: 1, handled: 0, serviceLevel: 1, busy: 1 });
    // The figures reach the supervisor as queue.updated, at once in a world without a floor.
    expect(w.eventsOf(CAMILLE).at(-1)).toMatchObject({ type: 'queue.updated', queue: { id: 'q-sales', accepted: 1 }, at: 6_000 });

    const second = w.engine.injectCall({ queueId: 'q-sales' });
    w.engine.hangUp(second);
    expect(w.queue(CAMILLE, 'q-sales')).toMatchObject({ abandoned: 1, serviceLevel: 0.5 });
    w.engine.apply(MAYA, { type: 'task.end', taskId: first });
    // Wrap-up takes no new call: Not Ready, as on the floor.
    expect(w.queue(CAMILLE, 'q-sales')).toMatchObject({ handled: 1, agentsTalking: 0, agentsReady: 0, agentsNotReady: 2 });
    w.engine.apply(MAYA, { type: 'task.close', taskId: first, reasonId: 'resolved' });
    expect(w.queue(CAMILLE, 'q-sales')).toMatchObject({ agentsReady: 1, agentsNotReady: 1 });

    // Answered after 30 s (nobody was Ready): outside the 20 s target.
    w.engine.apply(MAYA, { type: 'media.setState', media: ['voice'], status: 'notReady' });
    w.scheduler.frame = 10_000;
    const third = w.engine.injectCall({ queueId: 'q-sales' });
    w.scheduler.frame = 40_000;
    w.ready(MAYA);
    w.engine.apply(MAYA, { type: 'task.accept', taskId: third });
    expect(w.queue(CAMILLE, 'q-sales')).toMatchObject({ accepted: 2, abandoned: 1, serviceLevel: 1 / 3 });
    // An agent's own queue list has none of the supervisor's figures.
    expect(w.queue(MAYA, 'q-sales')).not.toHaveProperty('accepted');
    expect(w.queue(MAYA, 'q-sales')).not.toHaveProperty('agentsReady');
  });

  it('SV-2: a queue’s own service level target counts (chat: 60 s on the floor)', () => {
    const w = world({ scenario: scenarioWith(SCENARIOS.supervisorFloor, { floor: { ...SCENARIOS.supervisorFloor.floor!, agents: 0 } }) });
    w.signIn(CAMILLE, 'supervisor');
    w.signIn(ANA);
    const chat = w.engine.injectContact({ queueId: 'dq-chat' });
    w.advance(45_000);
    w.engine.apply(ANA, { type: 'media.setState', media: ['chat'], status: 'ready' });
    w.engine.apply(ANA, { type: 'task.accept', taskId: chat });
    w.advance(250);
    expect(w.queue(CAMILLE, 'dq-chat')).toMatchObject({ accepted: 1, serviceLevel: 1 });
  });

  it('SV-2/QL-6: on the floor the figures move with the traffic and go out once per tick', () => {
    const w = world({ traffic: true });
    w.signIn(CAMILLE, 'supervisor');
    w.advance(15 * 60_000);
    const queues = w.engine.queues(CAMILLE);
    const support = queues.find((q) => q.id === 'q-support')!;
    expect(support.accepted).toBeGreaterThan(10);
    expect(support.handled).toBeGreaterThan(5);
    expect(support.agentsTalking).toBeGreaterThan(0);
    expect(support.agentsReady! + support.agentsNotReady! + support.agentsTalking!).toBe(support.agentsSignedIn);
    // Nobody staffs the Outage hotline: callers wait, then give up.
    expect(queues.find((q) => q.id === 'q-outages')).toMatchObject({ agentsSignedIn: 0, accepted: 0, serviceLevel: 0 });
    expect(queues.find((q) => q.id === 'q-outages')!.abandoned).toBeGreaterThan(0);
    const updates = w.eventsOf(CAMILLE).filter((e) => e.type === 'queue.updated');
    expect(updates.length).toBeGreaterThan(50);
    expect(updates.every((e) => e.at % 250 === 0)).toBe(true);
    // At most one update per queue per tick.
    const perTick = new Map<string, number>();
    for (const e of updates)
      if (e.type === 'queue.updated') perTick.set(`${e.at}:${e.queue.id}`, (perTick.get(`${e.at}:${e.queue.id}`) ?? 0) + 1);
    expect(Math.max(...perTick.values())).toBe(1);
  });
});

describe('SV-3: supervisor commands and policies', () => {
  const floorAgent = (w: ReturnType<typeof world>, status: RosterAgent['status']) =>
    w.engine.rosterOf(CAMILLE).find((a) => a.id.startsWith('agent-') && a.status === status)!;

  it('SV-3 (Finesse-style): Ready, Not Ready with a reason and sign-out on a floor agent, in the next batch', () => {
    const w = world();
    w.signIn(CAMILLE, 'supervisor');
    const ready = floorAgent(w, 'ready');
    w.advance(500);
    w.supervise({ type: 'supervisor.setAgentStatus', agentId: ready.id, status: 'notReady', reasonId: 'coaching' });
    expect(w.row(CAMILLE, ready.id)).toMatchObject({
      status: 'notReady',
      reasonId: 'coaching',
      since: 500,
      channels: { voice: 'notReady' },
    });
    w.supervise({ type: 'supervisor.setAgentStatus', agentId: ready.id, status: 'ready' });
    w.supervise({ type: 'supervisor.setAgentStatus', agentId: ready.id, status: 'signedOut' });
    expect(w.row(CAMILLE, ready.id)).toMatchObject({ status: 'signedOut', channels: {} });
    w.advance(500);
    expect(changedBatches(w.eventsOf(CAMILLE)).map((b) => [b.at, b.agents.map((a) => `${a.id}:${a.status}`)])).toEqual([
      [750, [`${ready.id}:signedOut`]],
    ]);
  });

  it('SV-3: a busy floor agent goes Not Ready after the wrap-up; sign-out is refused while they have work', () => {
    const w = world({ traffic: true });
    w.signIn(CAMILLE, 'supervisor');
    const busy = floorAgent(w, 'busy');
    const refusal = refusalOf(() => w.supervise({ type: 'supervisor.setAgentStatus', agentId: busy.id, status: 'signedOut' }));
    expect(refusal).toMatchObject({
      code: 'command.notAllowed',
      message: `${busy.name} has work in hand; sign them out once it is finished.`,
    });
    expect(refusal.traceId).toMatch(TRACE_ID);
    w.supervise({ type: 'supervisor.setAgentStatus', agentId: busy.id, status: 'notReady', reasonId: 'meeting' });
    expect(w.row(CAMILLE, busy.id)?.status).toBe('busy');
    w.advance(8 * 60_000);
    const statuses = changedBatches(w.eventsOf(CAMILLE)).flatMap((b) => b.agents.filter((a) => a.id === busy.id));
    expect(statuses.map((a) => a.status)).toEqual(['wrapUp', 'notReady']);
    expect(statuses[1]).toMatchObject({ reasonId: 'meeting', interactions: [] });
  });

  it('SV-3: unknown agents, people signed out and unknown reasons are refused in words', () => {
    const w = world();
    w.signIn(CAMILLE, 'supervisor');
    const set = (agentId: string, status: 'ready' | 'notReady' | 'signedOut', reasonId?: string) =>
      refusalOf(() => w.supervise({ type: 'supervisor.setAgentStatus', agentId, status, ...(reasonId ? { reasonId } : {}) })).message;
    expect(set('nobody', 'ready')).toBe('"nobody" is not one of your agents.');
    // Camille herself, and Maya's floor colleagues of teams she does not lead, are not hers either.
    expect(set(CAMILLE, 'ready')).toBe(`"${CAMILLE}" is not one of your agents.`);
    expect(set(LUCA, 'ready')).toBe('Luca Rossi is not signed in.');
    const out = floorAgent(w, 'signedOut');
    expect(set(out.id, 'ready')).toBe(`${out.name} is not signed in.`);
    expect(set(floorAgent(w, 'ready').id, 'notReady', 'nap')).toBe('Unknown Not Ready reason "nap".');
    expect(refusalOf(() => w.supervise({ type: 'supervisor.setAgentStatus', agentId: LUCA, status: 'ready' }, LUCA))).toMatchObject({
      code: 'session.required',
    });
    w.signIn(LUCA);
    expect(refusalOf(() => w.supervise({ type: 'supervisor.setAgentStatus', agentId: ANA, status: 'ready' }, LUCA)).message).toBe(
      'Sign in as a supervisor to act on agents.',
    );
  });

  it('SV-3: on a real agent the server changes every channel, and a sign-out tells them who did it', () => {
    const w = world();
    w.signIn(CAMILLE, 'supervisor');
    w.signIn(LUCA);
    w.supervise({ type: 'supervisor.setAgentStatus', agentId: LUCA, status: 'notReady', reasonId: 'lunch' });
    const media = w.engine.snapshot(LUCA).media;
    expect(media.every((m) => m.status === 'notReady' && m.reasonId === 'lunch')).toBe(true);
    expect(w.eventsOf(LUCA).at(-1)).toMatchObject({ type: 'media.stateChanged', status: 'notReady', reasonId: 'lunch' });
    w.supervise({ type: 'supervisor.setAgentStatus', agentId: LUCA, status: 'ready' });
    expect(w.engine.snapshot(LUCA).media.every((m) => m.status === 'ready')).toBe(true);

    const call = w.engine.injectCall({ queueId: 'q-support' });
    expect(refusalOf(() => w.supervise({ type: 'supervisor.setAgentStatus', agentId: LUCA, status: 'signedOut' })).message).toBe(
      'Luca Rossi has work in hand; sign them out once it is finished.',
    );
    w.engine.apply(LUCA, { type: 'task.decline', taskId: call });
    w.advance(250);
    w.supervise({ type: 'supervisor.setAgentStatus', agentId: LUCA, status: 'signedOut' });
    expect(w.engine.isSignedIn(LUCA)).toBe(false);
    expect(w.eventsOf(LUCA).find((e) => e.type === 'session.signedOut')).toMatchObject({
      reason: { code: 'supervisor.signedOut', message: 'Camille Durand signed you out.', traceId: expect.stringMatching(TRACE_ID) },
    });
    w.advance(250);
    expect(w.row(CAMILLE, LUCA)).toMatchObject({ status: 'signedOut', channels: {}, interactions: [] });
  });

  it('SV-3: a queue switched off for a real agent reaches their queue list and the roster; for a floor agent, routing', () => {
    const w = world();
    w.signIn(CAMILLE, 'supervisor');
    w.signIn(LUCA);
    w.supervise({ type: 'supervisor.setAgentQueue', agentId: LUCA, queueId: 'q-support', enabled: false });
    w.advance(250);
    expect(
      w
        .eventsOf(LUCA)
        .filter((e) => e.type === 'queue.updated')
        .at(-1),
    ).toMatchObject({ queue: { id: 'q-support', enabled: false } });
    expect(w.row(CAMILLE, LUCA)?.queues).toContainEqual({ queueId: 'q-support', enabled: false });
    expect(
      refusalOf(() => w.supervise({ type: 'supervisor.setAgentQueue', agentId: LUCA, queueId: 'q-billing', enabled: true })),
    ).toMatchObject({
      code: 'queue.unknown',
      message: 'The queue "Billing" is not assigned to Luca Rossi.',
    });

    const agent = floorAgent(w, 'ready');
    const own = agent.queues[0]!.queueId;
    w.supervise({ type: 'supervisor.setAgentQueue', agentId: agent.id, queueId: own, enabled: false });
    expect(w.row(CAMILLE, agent.id)?.queues[0]).toEqual({ queueId: own, enabled: false });
  });

  it('SV-3 (8x8-style): the status of an agent is never the supervisor’s to change; queues are', () => {
    const w = world({ scenario: 'supervisorLarge' });
    w.signIn(CAMILLE, 'supervisor');
    const agent = w.engine.rosterOf(CAMILLE).find((a) => a.status === 'ready')!;
    const refusal = refusalOf(() => w.supervise({ type: 'supervisor.setAgentStatus', agentId: agent.id, status: 'notReady' }));
    expect(refusal).toMatchObject({
      code: 'command.notAllowed',
      message: 'This contact center does not let supervisors change an agent’s status.',
    });
    expect(refusal.traceId).toMatch(TRACE_ID);
    w.supervise({ type: 'supervisor.setAgentQueue', agentId: agent.id, queueId: agent.queues[0]!.queueId, enabled: false });
    expect(w.row(CAMILLE, agent.id)?.queues[0]?.enabled).toBe(false);
  });

  it('SV-3/SV-4: a policy without queue changes or whisper refuses them by name', () => {
    const policy: SupervisorPolicy = { changeAgentStatus: false, changeAgentQueues: false, monitorModes: ['monitor'] };
    const base = SCENARIOS.supervisorFloor;
    const w = world({ scenario: scenarioWith(base, { tenant: { ...base.tenant, supervisor: policy } }) });
    w.signIn(CAMILLE, 'supervisor');
    const busy = w.engine.rosterOf(CAMILLE).find((a) => a.status === 'busy' && a.interactions[0]?.media === 'voice')!;
    expect(
      refusalOf(() => w.supervise({ type: 'supervisor.setAgentQueue', agentId: busy.id, queueId: busy.queues[0]!.queueId, enabled: false }))
        .message,
    ).toBe('This contact center does not let supervisors change an agent’s queues.');
    const taskId = busy.interactions[0]!.id;
    expect(refusalOf(() => w.supervise({ type: 'supervisor.monitor', agentId: busy.id, taskId, mode: 'whisper' })).message).toBe(
      'This contact center does not allow that kind of monitoring.',
    );
    w.supervise({ type: 'supervisor.monitor', agentId: busy.id, taskId, mode: 'monitor' });
    expect(w.row(CAMILLE, busy.id)?.interactions[0]?.monitoring).toBe('monitor');
  });
});

describe('SV-4: monitor, whisper, barge', () => {
  /** Luca on a connected Support call, Camille supervising. */
  function onCall() {
    const w = world();
    w.signIn(CAMILLE, 'supervisor');
    w.signIn(LUCA);
    w.ready(LUCA);
    w.scheduler.frame = 1_000;
    const call = w.engine.injectCall({ queueId: 'q-support' });
    w.engine.apply(LUCA, { type: 'task.accept', taskId: call });
    const monitoring = () => w.eventsOf(LUCA).filter((e) => e.type === 'monitoring.changed');
    return { w, call, monitoring };
  }

  it('SV-4: the monitored agent hears who joins and how; the supervisor’s row shows it; stopping tells the agent', () => {
    const { w, call, monitoring } = onCall();
    w.scheduler.frame = 2_000;
    w.supervise({ type: 'supervisor.monitor', agentId: LUCA, taskId: call, mode: 'monitor' });
    expect(monitoring()).toEqual([
      { type: 'monitoring.changed', monitoring: { taskId: call, mode: 'monitor', by: 'Camille Durand' }, at: 2_000 },
    ]);
    w.advance(250);
    expect(w.row(CAMILLE, LUCA)?.interactions).toEqual([
      { id: call, media: 'voice', status: 'active', since: 1_000, queueId: 'q-support', monitoring: 'monitor' },
    ]);
    w.supervise({ type: 'supervisor.monitor', agentId: LUCA, taskId: call, mode: 'barge' });
    expect(monitoring().at(-1)).toMatchObject({ monitoring: { taskId: call, mode: 'barge', by: 'Camille Durand' } });
    w.supervise({ type: 'supervisor.stopMonitor', agentId: LUCA, taskId: call });
    expect(monitoring().at(-1)).toEqual({ type: 'monitoring.changed', monitoring: undefined, at: 2_250 });
    // Stopping again (the call ended meanwhile, a double click) is not an error.
    w.supervise({ type: 'supervisor.stopMonitor', agentId: LUCA, taskId: call });
    expect(monitoring()).toHaveLength(3);
    w.advance(250);
    expect(w.row(CAMILLE, LUCA)?.interactions[0]).not.toHaveProperty('monitoring');
  });

  it('SV-4: a reload or a reconnect reads the monitoring back with the rest (snapshot)', () => {
    const { w, call } = onCall();
    expect(w.engine.snapshot(LUCA)).not.toHaveProperty('beingMonitored');
    w.supervise({ type: 'supervisor.monitor', agentId: LUCA, taskId: call, mode: 'whisper' });
    expect(w.engine.snapshot(LUCA).beingMonitored).toEqual({ taskId: call, mode: 'whisper', by: 'Camille Durand' });
    expect(w.engine.snapshot(CAMILLE)).not.toHaveProperty('beingMonitored');
    w.supervise({ type: 'supervisor.stopMonitor', agentId: LUCA, taskId: call });
    expect(w.engine.snapshot(LUCA)).not.toHaveProperty('beingMonitored');
  });

  it('SV-4: whispering ends with the call (wrap-up) and with the supervisor signing out', () => {
    const { w, call, monitoring } = onCall();
    w.supervise({ type: 'supervisor.monitor', agentId: LUCA, taskId: call, mode: 'whisper' });
    w.scheduler.frame = 5_000;
    w.engine.apply(LUCA, { type: 'task.end', taskId: call });
    const after = w
      .eventsOf(LUCA)
      .slice(-3)
      .map((e) => e.type);
    expect(after).toContain('monitoring.changed');
    expect(monitoring().at(-1)).toEqual({ type: 'monitoring.changed', monitoring: undefined, at: 5_000 });

    const second = w.engine.injectCall({ queueId: 'q-support' });
    w.engine.apply(LUCA, { type: 'task.close', taskId: call, reasonId: 'resolved' });
    w.engine.apply(LUCA, { type: 'task.accept', taskId: second });
    w.supervise({ type: 'supervisor.monitor', agentId: LUCA, taskId: second, mode: 'barge' });
    w.engine.apply(CAMILLE, { type: 'session.signOut' });
    expect(monitoring().at(-1)).toMatchObject({ monitoring: undefined });
    expect(monitoring()).toHaveLength(4);
  });

  it('SV-4: only a connected call, only one supervisor at a time', () => {
    const { w, call } = onCall();
    expect(refusalOf(() => w.supervise({ type: 'supervisor.monitor', agentId: LUCA, taskId: 'call-999', mode: 'monitor' })).message).toBe(
      'That call cannot be monitored now.',
    );
    w.supervise({ type: 'supervisor.monitor', agentId: LUCA, taskId: call, mode: 'monitor' });
    w.signIn(MAYA, 'supervisorAgent');
    expect(refusalOf(() => w.supervise({ type: 'supervisor.monitor', agentId: LUCA, taskId: call, mode: 'barge' }, MAYA)).message).toBe(
      'Camille Durand is already monitoring this call.',
    );
    // Maya's row of Luca shows the call without Camille's monitoring.
    w.advance(250);
    expect(w.row(MAYA, LUCA)?.interactions.find((i) => i.id === call)).not.toHaveProperty('monitoring');
    // In wrap-up there is nobody left to listen to.
    w.engine.apply(LUCA, { type: 'task.end', taskId: call });
    expect(refusalOf(() => w.supervise({ type: 'supervisor.monitor', agentId: LUCA, taskId: call, mode: 'monitor' })).message).toBe(
      'That call cannot be monitored now.',
    );
  });

  it('SV-4: a floor agent’s call can be joined too, and the monitoring ends with it', () => {
    const w = world({ traffic: true });
    w.signIn(CAMILLE, 'supervisor');
    const busy = w.engine.rosterOf(CAMILLE).find((a) => a.status === 'busy' && a.interactions[0]?.media === 'voice')!;
    const taskId = busy.interactions[0]!.id;
    w.supervise({ type: 'supervisor.monitor', agentId: busy.id, taskId, mode: 'barge' });
    w.advance(250);
    expect(
      changedBatches(w.eventsOf(CAMILLE))
        .at(-1)!
        .agents.find((a) => a.id === busy.id)?.interactions[0]?.monitoring,
    ).toBe('barge');
    w.advance(7 * 60_000);
    const rows = changedBatches(w.eventsOf(CAMILLE)).flatMap((b) => b.agents.filter((a) => a.id === busy.id));
    expect(rows.find((a) => a.status === 'wrapUp')?.interactions[0]).toMatchObject({ id: taskId, status: 'wrapUp' });
    expect(rows.find((a) => a.status === 'wrapUp')?.interactions[0]).not.toHaveProperty('monitoring');
  });
});

describe('SV-5: 5,000 agents', () => {
  it('SV-5: supervisorLarge loads 5,000 simulated agents in 50 teams; a minute of traffic stays within the event budget', () => {
    const w = world({ scenario: 'supervisorLarge', traffic: true });
    w.signIn(CAMILLE, 'supervisor');
    const agents = loaded(w.eventsOf(CAMILLE))!.agents;
    expect(agents).toHaveLength(5_001);
    expect(agents[0]).toMatchObject({ id: LUCA, status: 'signedOut', teamId: 'team-support-emea' });
    expect(new Set(agents.map((a) => a.id)).size).toBe(5_001);
    expect(new Set(agents.map((a) => a.name)).size).toBe(5_001);
    expect(new Set(agents.map((a) => a.teamId)).size).toBe(50);
    expect(w.engine.floorSize).toBe(5_000);
    expect(agents.filter((a) => a.status === 'busy').length).toBeGreaterThan(1_500);
    expect(w.engine.queues(CAMILLE)).toHaveLength(65);

    w.advance(60_000);
    const events = w.eventsOf(CAMILLE);
    const batches = changedBatches(events);
    const ticks = 60_000 / 250;
    // One batch per tick at most, never one event per agent.
    expect(batches.length).toBeLessThanOrEqual(ticks);
    expect(batches.length).toBeGreaterThan(ticks / 2);
    expect(new Set(batches.map((b) => b.at)).size).toBe(batches.length);
    const rows = batches.reduce((sum, b) => sum + b.agents.length, 0);
    expect(rows).toBeGreaterThan(1_000);
    expect(rows).toBeLessThan(10_000);
    const updates = events.filter((e) => e.type === 'queue.updated').length;
    expect(updates).toBeLessThanOrEqual(ticks * 65);
    expect(events.length).toBeLessThan(3 + batches.length + updates + 1);
    w.engine.dispose();
  });

  it('SV-5: churn(250) every tick makes 1,000 roster changes a second, still one batch per tick', () => {
    const w = world({ scenario: 'supervisorLarge', traffic: false });
    w.signIn(CAMILLE, 'supervisor');
    for (let i = 0; i < 40; i++) {
      expect(w.engine.churn(250)).toBe(250);
      w.advance(250);
    }
    const batches = changedBatches(w.eventsOf(CAMILLE));
    expect(batches).toHaveLength(40);
    expect(batches.every((b) => b.agents.length === 250)).toBe(true);
    expect(w.engine.churn(0)).toBe(0);
    expect(new SimContactCenter({ scenario: 'default', scheduler: w.scheduler }).churn(10)).toBe(0);
  });
});
