// The Finesse adapter as the core uses it, against the emulator over real HTTP and a real Prosody
// on loopback: sign-in and every state change, a whole call, refusals as typed errors, a chat
// task, queue statistics for a supervisor, and failover (SE-4) mid-call and mid-wrap-up to the
// secondary node and back, with nothing lost.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { CcError, createClient, type CcClient, type CcState, type Task } from '@cc-elements/core';
import { SCENARIOS, type SimScenario } from '@cc-elements/adapter-sim';
import { startFinesseEmulator, type FinesseEmulator } from '../emulator/server.js';
import { createFinesseAdapter, type FinesseAdapter } from './adapter.js';
import type { FinesseAdapterOptions } from './options.js';
import { statuses, until } from './client.test-support.js';

// @xmpp/websocket uses the global WebSocket, which Node 20 lacks without a flag.
globalThis.WebSocket ??= NodeWebSocket as unknown as typeof globalThis.WebSocket;

const SCENARIO: SimScenario = { ...SCENARIOS.liveTraffic, title: 'Finesse adapter tests', traffic: false };

let emulator: FinesseEmulator;
const clients: CcClient[] = [];

beforeAll(async () => {
  emulator = await startFinesseEmulator({ scenario: SCENARIO, engineOptions: { seed: 5, consultDelayMs: 30 }, queueStatsIntervalMs: 50 });
});

afterEach(async () => {
  // Each test starts from a quiet contact center: no caller left waiting, nobody left Ready.
  for (const call of emulator.engine.calls()) if (call.status !== 'ended') emulator.engine.hangUp(call.id);
  for (const client of clients.splice(0)) {
    if (client.state.session && client.state.connection.status === 'connected') {
      await client.setChannelState('all', 'notReady').catch(() => {});
      await until(client, (s) => s.tasks.every((t) => t.status !== 'wrapUp' && t.status !== 'active'), 'no work left', 3_000).catch(
        () => {},
      );
      await client.signOut().catch(() => {});
    }
    client.dispose();
  }
});

afterAll(async () => {
  await emulator?.stop();
});

function userOf(id: string) {
  const user = emulator.users.find((u) => u.id === id);
  if (!user) throw new Error(`no user ${id}`);
  return user;
}

function connect(id: string, overrides: Partial<FinesseAdapterOptions> = {}): { client: CcClient; adapter: FinesseAdapter } {
  const user = userOf(id);
  const adapter = createFinesseAdapter({
    nodes: emulator.nodes.map((n) => ({ restUrl: n.restUrl, xmppUrl: n.xmppUrl })) as unknown as FinesseAdapterOptions['nodes'],
    credentials: { kind: 'basic', id: user.id, password: user.password },
    wrapUpTimeoutSec: 60,
    failover: { backoffMs: 50, maxBackoffMs: 400, alternateAfterMs: 600 },
    pingIntervalMs: 1_000,
    ...overrides,
  });
  const client = createClient({ adapter });
  clients.push(client);
  return { client, adapter };
}

const voiceOf = (s: CcState) => s.media.voice;

/** The simulator's id of a wrap-up reason Finesse sends by label (§4.2). */
const simReasonId = (label: string) => SCENARIO.tenant.wrapUpReasons.find((r) => r.label === label)?.id;
const taskOf = (s: CcState, id: string): Task | undefined => s.tasks.find((t) => t.id === id);

async function signedIn(id: string, overrides: Partial<FinesseAdapterOptions> = {}) {
  const connected = connect(id, overrides);
  const { client } = connected;
  await until(client, (s) => s.connection.status === 'connected' && s.profile !== undefined, 'the profile');
  if (!client.state.session) {
    const teamId = client.state.profile!.teams[0]?.id;
    await client.signIn({ role: 'agent', station: { kind: 'extension', extension: userOf(id).extension! }, ...(teamId ? { teamId } : {}) });
    await until(client, (s) => s.session !== undefined && voiceOf(s) !== undefined, 'the session');
  }
  return connected;
}

/** A voice queue the agent is a member of. */
const queueOf = (agentId: string) =>
  SCENARIO.queues.find((q) => q.media === 'voice' && q.direction === 'inbound' && q.members.some((m) => m.agentId === agentId))!.id;

/** Rings a call for the agent (Ready on voice): its dialog id as the core sees it, and its call id in the simulator. */
async function ring(client: CcClient, queueId = 'q-sales'): Promise<{ id: string; callId: string }> {
  const agentId = client.state.profile!.id;
  const callId = emulator.engine.injectCall({ queueId, customerName: 'Dana Reyes' });
  const state = await until(
    client,
    (s) => {
      const id = emulator.dialogIdOf(agentId, callId);
      return id !== undefined && taskOf(s, id)?.status === 'offered';
    },
    'the offer',
  );
  expect(state.connection.status).toBe('connected');
  return { id: emulator.dialogIdOf(agentId, callId)!, callId };
}

describe('Finesse adapter against the emulator (real HTTP + Prosody)', { timeout: 20_000 }, () => {
  it('SL-10/ST-1: loads the profile, signs in with an extension and changes state with reasons', async () => {
    const { client } = await signedIn('ana.popescu');
    const state = client.state;
    expect(state.profile).toMatchObject({ id: 'ana.popescu', name: 'Ana Popescu', roles: ['agent'] });
    expect(state.session?.station).toEqual({ kind: 'extension', extension: userOf('ana.popescu').extension });
    expect(state.tenant.notReadyReasons.length).toBeGreaterThan(0);
    expect(state.tenant.stationKinds).toEqual(['extension', 'dialNumber']);
    // QL-1: an agent's queues all route to them (Finesse has no per-queue switch).
    expect(state.queues.length).toBeGreaterThan(0);
    expect(state.queues.every((q) => q.enabled === true && q.monitored === undefined)).toBe(true);
    await client.setChannelState('voice', 'ready');
    await until(client, (s) => voiceOf(s)?.status === 'ready', 'Ready');
    const reason = state.tenant.notReadyReasons[0]!;
    await client.setChannelState('voice', 'notReady', reason.id);
    await until(client, (s) => voiceOf(s)?.status === 'notReady' && voiceOf(s)?.reasonId === reason.id, `Not Ready (${reason.label})`);
    await client.signOut();
    await until(client, (s) => s.session === undefined, 'signed out');
  });

  it('SL-10: a refused sign-in is a typed, readable error with the request id as trace id', async () => {
    const { client } = connect('luca.rossi');
    await until(client, (s) => s.connection.status === 'connected', 'connected');
    const teamId = client.state.profile!.teams[0]!.id;
    const error = await client.signIn({ role: 'agent', station: { kind: 'extension', extension: '99999' }, teamId }).then(
      () => undefined,
      (e: unknown) => e as CcError,
    );
    expect(error).toBeInstanceOf(CcError);
    expect(error?.code).toBe('extension.notRegistered');
    expect(error?.traceId).toMatch(/^cc-/);
    expect(client.state.session).toBeUndefined();
  });

  it('SL-3/SL-10: a mobile agent signs in on a dial number (kept as E.164) through the CTI port extension', async () => {
    const { client } = connect('maya.patel', { mobileAgent: { extension: userOf('maya.patel').extension! } });
    await until(client, (s) => s.connection.status === 'connected' && s.profile !== undefined, 'the profile');
    const teamId = client.state.profile!.teams[0]!.id;
    await client.signIn({ role: 'agent', station: { kind: 'dialNumber', number: '+33612345678' }, teamId });
    const state = await until(client, (s) => s.session !== undefined, 'the session');
    expect(state.session?.station).toEqual({ kind: 'dialNumber', number: '+33612345678' });
    await client.signOut();
    await until(client, (s) => s.session === undefined, 'signed out');
  });

  it('a reply that is not well-formed XML is a typed, readable error; the client keeps running and connects once replies are sound', async () => {
    let corrupt = true;
    const fetchOnce: typeof fetch = async (input, init) => {
      const reply = await fetch(input, init);
      if (!corrupt || !String(input).endsWith('/User/luca.rossi')) return reply;
      corrupt = false;
      const text = await reply.text();
      return new Response(`<!DOCTYPE User [<!ENTITY x "boom">]>${text.slice(0, text.length / 2)}`, {
        status: 200,
        headers: { 'Content-Type': 'application/xml' },
      });
    };
    const { client } = connect('luca.rossi', { fetch: fetchOnce });
    const failed = await until(client, (s) => s.connection.status === 'failed', 'the failure');
    expect(failed.connection.error?.code).toBe('payload.malformed');
    expect(failed.connection.error?.message).toMatch(/User/);
    await until(client, (s) => s.connection.status === 'connected' && s.profile?.id === 'luca.rossi', 'connected after all');
  });

  it('CB-1…CB-3/WU-2: a whole call — offer, answer, hold, resume, hang up, forced wrap-up with a reason, Ready again', async () => {
    const { client } = await signedIn('ana.popescu');
    await client.setChannelState('voice', 'ready');
    await until(client, (s) => voiceOf(s)?.status === 'ready', 'Ready');
    const { id, callId } = await ring(client);
    await client.accept(id);
    await until(client, (s) => taskOf(s, id)?.status === 'active', 'talking');
    await client.hold(id);
    await until(client, (s) => taskOf(s, id)?.status === 'held', 'on hold');
    await client.resume(id);
    await until(client, (s) => taskOf(s, id)?.status === 'active', 'talking again');
    await client.end(id);
    const wrap = await until(client, (s) => taskOf(s, id)?.status === 'wrapUp', 'wrap-up');
    expect(taskOf(wrap, id)?.wrapUp?.forced).toBe(true);
    const reason = wrap.tenant.wrapUpReasons[0]!;
    await client.chooseWrapUpReason(id, reason.id);
    await client.closeWrapUp(id);
    await until(client, (s) => taskOf(s, id) === undefined, 'the call gone');
    expect(emulator.engine.closings(callId).at(-1)).toMatchObject({ reasonId: simReasonId(reason.label) });
  });

  it('CB-3: consult a target, then complete the transfer: the call leaves the agent as transferred', async () => {
    // Transfer targets come from the user's phone books (§3.1).
    const { client } = await signedIn('luca.rossi');
    // A queue Luca does not take calls from, or the call would come straight back to him.
    const mine = new Set(SCENARIO.queues.filter((q) => q.members.some((m) => m.agentId === 'luca.rossi')).map((q) => q.name));
    const target = client.state.tenant.transferTargets.find((t) => !mine.has(t.name) && SCENARIO.queues.some((q) => q.name === t.name))!;
    const support = target.id;
    await client.setChannelState('voice', 'ready');
    await until(client, (s) => voiceOf(s)?.status === 'ready', 'Ready');
    const { id } = await ring(client, queueOf('luca.rossi'));
    await client.accept(id);
    await until(client, (s) => taskOf(s, id)?.status === 'active', 'talking');
    await client.consult(id, support);
    await until(client, (s) => taskOf(s, id)?.consult?.status === 'connected', 'the consultation connected');
    expect(taskOf(client.state, id)?.consult?.targetName).toBe(target.name);
    await client.completeConsult(id);
    const after = await until(
      client,
      (s) => taskOf(s, id)?.status !== 'active' && taskOf(s, id)?.status !== 'held',
      'the call handed over',
    );
    // Handed over, the call leaves a wrap-up behind (forced here): close it with a reason.
    if (taskOf(after, id)?.status === 'wrapUp') {
      await client.chooseWrapUpReason(id, after.tenant.wrapUpReasons[0]!.id);
      await client.closeWrapUp(id);
    }
    await until(client, (s) => taskOf(s, id) === undefined, 'the wrap-up closed');
  });

  it('TP-1/ST-1: the chat MRD is signed in with the voice sign-in; a chat is offered, accepted and closed with a reason', async () => {
    const { client } = await signedIn('maya.patel');
    await until(client, (s) => s.media.chat?.status === 'notReady', 'Chat signed in (Not Ready)');
    await client.setChannelState('chatSocial', 'ready');
    await until(client, (s) => s.media.chat?.status === 'ready', 'Chat Ready');
    emulator.engine.injectContact({ queueId: 'dq-chat', customerName: 'Lea Martin' });
    const offered = await until(client, (s) => s.tasks.some((t) => t.media === 'chat' && t.status === 'offered'), 'the chat offer');
    const id = offered.tasks.find((t) => t.media === 'chat')!.id;
    await client.accept(id);
    await until(client, (s) => taskOf(s, id)?.status === 'active', 'the chat accepted');
    await client.end(id);
    const wrap = await until(client, (s) => taskOf(s, id)?.status === 'wrapUp' || taskOf(s, id) === undefined, 'the chat ended');
    if (taskOf(wrap, id)) {
      await client.chooseWrapUpReason(id, wrap.tenant.wrapUpReasons[0]!.id);
      await client.closeWrapUp(id);
      await until(client, (s) => taskOf(s, id) === undefined, 'the chat closed');
    }
  });

  it('QL-2/QL-6: a supervisor sees the queues’ figures and is told when a call starts waiting', async () => {
    const { client } = connect('camille.durand');
    await until(client, (s) => s.connection.status === 'connected' && s.profile !== undefined, 'the profile');
    const teamId = client.state.profile!.teams[0]!.id;
    await client.signIn({ role: 'supervisor', station: { kind: 'extension', extension: userOf('camille.durand').extension! }, teamId });
    const loaded = await until(client, (s) => s.session !== undefined && s.queues.length > 0, 'the queues');
    const sales = loaded.queues.find((q) => q.id === 'q-sales')!;
    const callId = emulator.engine.injectCall({ queueId: 'q-sales' });
    emulator.publishQueueStats();
    const after = await until(client, (s) => (s.queues.find((q) => q.id === 'q-sales')?.waiting ?? 0) > sales.waiting, 'the waiting call');
    expect(after.queues.find((q) => q.id === 'q-sales')?.oldestWaitingSince).toBeTypeOf('number');
    emulator.engine.hangUp(callId);
  });

  it('SV-1/SV-3: a supervisor’s roster comes from the team (§7), changes arrive batched, and an agent can be moved Not Ready', async () => {
    const { client } = connect('camille.durand');
    await until(client, (s) => s.connection.status === 'connected' && s.profile !== undefined, 'the profile');
    const teamId = client.state.profile!.teams[0]!.id;
    await client.signIn({ role: 'supervisor', station: { kind: 'extension', extension: userOf('camille.durand').extension! }, teamId });
    const loaded = await until(client, (s) => Object.keys(s.roster).length > 0, 'the roster');
    const member = Object.values(loaded.roster).find((a) => a.id === 'ana.popescu');
    expect(member).toMatchObject({ name: 'Ana Popescu' });
    expect(loaded.tenant.supervisor.changeAgentStatus).toBe(true);
    // Ana signs in on her own; the supervisor sees it.
    const ana = await signedIn('ana.popescu');
    await ana.client.setChannelState('voice', 'ready');
    await until(client, (s) => s.roster['ana.popescu']?.status === 'ready', 'Ana Ready on the roster');
    const reason = loaded.tenant.notReadyReasons[0]!;
    await client.setAgentStatus('ana.popescu', 'notReady', reason.id);
    const moved = await until(client, (s) => s.roster['ana.popescu']?.status === 'notReady', 'Ana Not Ready on the roster');
    expect(moved.roster['ana.popescu']?.reasonId).toBe(reason.id);
    await until(ana.client, (s) => voiceOf(s)?.status === 'notReady', 'Ana told she is Not Ready');
  });

  it('SE-4: a node that signed the agent out during the outage gets the same station, availability and MRDs back', async () => {
    const { client, adapter } = await signedIn('luca.rossi');
    await client.setChannelState('voice', 'ready');
    await until(client, (s) => voiceOf(s)?.status === 'ready', 'Ready');
    const nodeBefore = await new Promise<number>((resolve) => adapter.node$.subscribe(resolve).unsubscribe());
    const seen = statuses(client);
    await emulator.setStatus(nodeBefore, 'OUT_OF_SERVICE', { crash: true });
    // Finesse may force a logout on failover (system reason 255): the agent is signed out while away.
    emulator.engine.apply('luca.rossi', { type: 'media.setState', media: ['voice'], status: 'notReady' });
    emulator.engine.apply('luca.rossi', { type: 'session.signOut' });
    const back = await until(
      client,
      (s) => s.connection.status === 'connected' && voiceOf(s)?.status === 'ready',
      'signed in again, Ready',
      15_000,
    );
    expect(back.session?.station).toEqual({ kind: 'extension', extension: userOf('luca.rossi').extension });
    expect(emulator.engine.isSignedIn('luca.rossi')).toBe(true);
    expect(seen.seen).toContain('lost');
    seen.stop();
    await emulator.setStatus(nodeBefore, 'IN_SERVICE');
    // Leave no Ready agent behind to take the next test's calls.
    await client.setChannelState('voice', 'notReady');
    await client.signOut();
  });

  it('SE-4: mid-call and mid-wrap-up the primary goes out of service; the secondary takes over with nothing lost, then fails back', async () => {
    const { client, adapter } = await signedIn('ana.popescu');
    const nodes: number[] = [];
    const sub = adapter.node$.subscribe((n) => nodes.push(n));
    await client.setChannelState('voice', 'ready');
    await until(client, (s) => voiceOf(s)?.status === 'ready', 'Ready');
    const { id, callId } = await ring(client);
    await client.accept(id);
    const talking = await until(client, (s) => taskOf(s, id)?.status === 'active', 'talking');
    const startedAt = taskOf(talking, id)!.startedAt;

    const seen = statuses(client);
    void emulator.setStatus('primary', 'OUT_OF_SERVICE');
    await until(client, (s) => s.connection.status === 'lost', 'the lost connection');
    expect((await client.hold(id).catch((e: unknown) => e)) as CcError).toMatchObject({ code: 'network' });
    const back = await until(client, (s) => s.connection.status === 'connected' && nodes.at(-1) === 1, 'the secondary', 15_000);
    expect(nodes.at(-1)).toBe(1);
    expect(taskOf(back, id)).toMatchObject({ status: 'active', startedAt });
    expect(taskOf(back, id)?.customer, 'call variables').toEqual(taskOf(talking, id)?.customer);
    expect(voiceOf(back)?.status, 'still Ready').toBe('ready');
    expect(back.session?.station).toEqual({ kind: 'extension', extension: userOf('ana.popescu').extension });

    // Wrap-up on the secondary, a reason chosen, then the secondary fails too and the primary is back.
    await client.end(id);
    const wrap = await until(client, (s) => taskOf(s, id)?.status === 'wrapUp', 'wrap-up');
    const reason = wrap.tenant.wrapUpReasons[1]!;
    await client.chooseWrapUpReason(id, reason.id);
    await emulator.setStatus('primary', 'IN_SERVICE');
    // This time the node's XMPP server is killed outright.
    await emulator.setStatus('secondary', 'OUT_OF_SERVICE', { crash: true });
    const home = await until(client, (s) => s.connection.status === 'connected' && nodes.at(-1) === 0, 'the primary', 15_000);
    expect(seen.seen.filter((status) => status === 'lost')).toHaveLength(2);
    seen.stop();
    expect(nodes.at(-1)).toBe(0);
    expect(taskOf(home, id)?.status).toBe('wrapUp');
    expect(home.wrapUpChoices[id]).toBe(reason.id);
    await client.closeWrapUp(id);
    await until(client, (s) => taskOf(s, id) === undefined, 'closed');
    expect(emulator.engine.closings(callId).at(-1)).toMatchObject({ reasonId: simReasonId(reason.label) });
    sub.unsubscribe();
    await emulator.setStatus('secondary', 'IN_SERVICE');
  });
});
