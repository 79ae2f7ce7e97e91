// The simulator end to end through the core's client, on virtual time: what an agent signing in
// and moving between states would see, and what a host would notice on failures.

import { describe, expect, it } from 'vitest';
import { firstValueFrom, VirtualTimeScheduler } from 'rxjs';
import {
  CcError,
  COMMAND_TYPES,
  SUPERVISOR_COMMAND_TYPES,
  createClient,
  type CcClient,
  type DomainEventInput,
  type ErrorCode,
  type SignInRequest,
} from '@cc-elements/core';
import { createSimAdapter, SIM_COMMANDS, type SimAdapterOptions } from './adapter.js';
import { DEFAULT_THREAD_LOAD_MS, RECEIPT_DELAYS } from './digital.js';
import { SimContactCenter } from './engine.js';
import type { ScenarioName } from './scenarios.js';

/**
 * Runs everything due in the next `ms` of virtual time, one instant at a time: promise
 * continuations (a command's answer, the client's reaction) run before the clock moves on.
 */
async function advance(scheduler: VirtualTimeScheduler, ms: number): Promise<void> {
  const until = scheduler.now() + ms;
  for (;;) {
    await settlePromises();
    const next = scheduler.actions[0];
    if (!next || next.delay > until) break;
    scheduler.maxFrames = next.delay;
    scheduler.flush();
  }
  scheduler.frame = until;
  await settlePromises();
}

/** Not a sleep: one macrotask turn, so every pending promise continuation has run. */
const settlePromises = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What a promise ended as, captured at once so a rejection is never "unhandled" while time runs. */
function outcome(promise: Promise<unknown>): Promise<CcError | 'resolved'> {
  return promise.then(
    () => 'resolved' as const,
    (error: unknown) => (error instanceof CcError ? error : CcError.from(error)),
  );
}

async function refusal(promise: Promise<unknown>): Promise<CcError> {
  const result = await promise;
  if (!(result instanceof CcError)) throw new Error(`expected a refusal, got ${String(result)}`);
  return result;
}

/** Longer than any round trip at the default 150 ms ± 20 %. */
const ROUND_TRIP = 200;
const TRACE_ID = /^sim-[0-9a-f]{16}$/;

/** Maya's usual station: she is in Billing and signs in on a dial number. */
const MAYA_AS_AGENT: SignInRequest = { role: 'agent', station: { kind: 'dialNumber', number: '+14155550123' }, teamId: 'team-billing' };

async function connected(scenario: ScenarioName = 'default', options: Omit<SimAdapterOptions, 'scenario' | 'scheduler'> = {}) {
  const scheduler = new VirtualTimeScheduler();
  const adapter = createSimAdapter({ scenario, scheduler, seed: 42, ...options });
  const client = createClient({ adapter, scheduler });
  await advance(scheduler, ROUND_TRIP);
  return { scheduler, adapter, client, engine: adapter.engine };
}

async function signedIn(scenario: ScenarioName = 'default', request: SignInRequest = MAYA_AS_AGENT) {
  const world = await connected(scenario);
  const result = outcome(world.client.signIn(request));
  await advance(world.scheduler, ROUND_TRIP);
  expect(await result).toBe('resolved');
  return world;
}

function statuses(client: CcClient): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(client.state.media).map(([media, state]) => [media, state?.status]));
}

describe('connecting', () => {
  it('SE-2: reports connected and loads the profile and tenant after one round trip', async () => {
    const scheduler = new VirtualTimeScheduler();
    const client = createClient({ adapter: createSimAdapter({ scheduler, seed: 42 }), scheduler });
    await advance(scheduler, 100);
    expect(client.state.connection.status).toBe('connecting');
    expect(client.state.profile).toBeUndefined();

    await advance(scheduler, 100);
    expect(client.state.connection.status).toBe('connected');
    expect(client.state.profile).toMatchObject({ id: 'maya.patel', name: 'Maya Patel', roles: ['agent', 'supervisor', 'supervisorAgent'] });
    expect(client.state.tenant.notReadyReasons.map((r) => r.label)).toEqual(
      expect.arrayContaining(['Lunch', 'Break', 'Meeting', 'Training', 'Coaching']),
    );
    expect(client.state.tenant.defaultCountry).toBe('US');
  });

  it('SL-2: capabilities carry every command and the station kinds and media of the tenant', async () => {
    const { client } = await connected('noDesktop');
    expect(client.capabilities.commands).toEqual(SIM_COMMANDS);
    expect(client.capabilities.stationKinds).toEqual(['dialNumber', 'extension']);
    expect(client.capabilities.media).toEqual(['voice', 'chat', 'sms', 'social', 'email']);
    expect(client.can('media.signIn')).toBe(true);
  });

  it('answers at the same virtual instant when latencyMs is 0', async () => {
    const scheduler = new VirtualTimeScheduler();
    const client = createClient({ adapter: createSimAdapter({ scheduler, latencyMs: 0 }), scheduler });
    await advance(scheduler, 0);
    expect(client.state.connection).toMatchObject({ status: 'connected', since: 0 });
  });

  it('refuses a command sent before anyone subscribed to events$', async () => {
    const adapter = createSimAdapter({ scheduler: new VirtualTimeScheduler() });
    const error = await refusal(outcome(adapter.execute({ type: 'session.signOut' })));
    expect(error.code).toBe('network');
  });

  it('throws at creation for an unknown agent or options the shared engine already has', () => {
    const engine = new SimContactCenter({ scheduler: new VirtualTimeScheduler() });
    expect(() => createSimAdapter({ engine, agentId: 'nobody' })).toThrow(/nobody/);
    expect(() => createSimAdapter({ engine, latencyMs: 0 })).toThrow(/latencyMs/);
    expect(() => createSimAdapter({ scenario: 'noSuchScenario' as ScenarioName })).toThrow(/noSuchScenario/);
  });
});

describe('signing in', () => {
  it('ST-2: after sign-in every channel starts Not Ready', async () => {
    const { client, scheduler } = await connected();
    const before = scheduler.now();
    const result = outcome(client.signIn(MAYA_AS_AGENT));
    expect(client.state.session).toBeUndefined();
    await advance(scheduler, ROUND_TRIP);

    expect(await result).toBe('resolved');
    const session = client.state.session;
    expect(session).toMatchObject({ role: 'agent', station: MAYA_AS_AGENT.station, teamId: 'team-billing' });
    expect(session?.signedInAt).toBeGreaterThan(before);
    expect(session?.signedInAt).toBeLessThanOrEqual(before + ROUND_TRIP);
    expect(statuses(client)).toEqual({ voice: 'notReady', chat: 'notReady', sms: 'notReady', social: 'notReady', email: 'notReady' });
    expect(await firstValueFrom(client.indicator$)).toBe('allNotReady');
    const views = await firstValueFrom(client.channels$);
    expect(views.map((v) => [v.channel, v.status])).toEqual([
      ['voice', 'notReady'],
      ['chatSocial', 'notReady'],
      ['email', 'notReady'],
    ]);
  });

  it('SL-1: a pure supervisor signs in without a team and takes no channels', async () => {
    const { client } = await signedIn('default', { role: 'supervisor', station: { kind: 'desktop' } });
    expect(client.state.session).toMatchObject({ role: 'supervisor', station: { kind: 'desktop' } });
    expect(client.state.session?.teamId).toBeUndefined();
    expect(client.state.media).toEqual({});
  });

  it('SL-6: signs in on a registered extension', async () => {
    const { client } = await signedIn('default', {
      role: 'supervisorAgent',
      station: { kind: 'extension', extension: '4410' },
      teamId: 'team-retention',
    });
    expect(client.state.session).toMatchObject({
      role: 'supervisorAgent',
      station: { kind: 'extension', extension: '4410' },
      teamId: 'team-retention',
    });
  });

  const refusals: [name: string, scenario: ScenarioName, request: SignInRequest, code: ErrorCode][] = [
    [
      'a station kind the tenant does not allow',
      'noDesktop',
      { role: 'agent', station: { kind: 'desktop' }, teamId: 'team-billing' },
      'command.notAllowed',
    ],
    ['a number not in E.164', 'default', { ...MAYA_AS_AGENT, station: { kind: 'dialNumber', number: '4155550123' } }, 'dialNumber.invalid'],
    ['a number other than the tenant default', 'restrictedDialNumber', MAYA_AS_AGENT, 'command.notAllowed'],
    [
      'a number missing from the registry',
      'registryRequired',
      { ...MAYA_AS_AGENT, station: { kind: 'dialNumber', number: '+14155550199' } },
      'dialNumber.notRegistered',
    ],
    [
      'a number held by another agent',
      'numberInUse',
      { ...MAYA_AS_AGENT, station: { kind: 'dialNumber', number: '+14155550100' } },
      'dialNumber.notUnique',
    ],
    ['an extension with letters', 'default', { ...MAYA_AS_AGENT, station: { kind: 'extension', extension: '10a1' } }, 'extension.invalid'],
    ['an unknown extension', 'default', { ...MAYA_AS_AGENT, station: { kind: 'extension', extension: '9999' } }, 'extension.notRegistered'],
    ['an agent without a team', 'default', { role: 'agent', station: MAYA_AS_AGENT.station }, 'api'],
    ['a team that is not the agent’s', 'default', { ...MAYA_AS_AGENT, teamId: 'team-sales-na' }, 'api'],
  ];

  it.each(refusals)('SL-10: %s is refused by the server with a readable error and a trace id', async (_name, scenario, request, code) => {
    const { client, adapter, scheduler } = await connected(scenario);
    // Straight to the server: it must refuse on its own, whatever the client checked first.
    const { role, station, teamId } = request;
    const result = outcome(adapter.execute({ type: 'session.signIn', role, station, ...(teamId === undefined ? {} : { teamId }) }));
    await advance(scheduler, ROUND_TRIP);

    const error = await refusal(result);
    expect(error.code).toBe(code);
    expect(error.traceId).toMatch(TRACE_ID);
    expect(error.message.length).toBeGreaterThan(10);
    expect(client.state.session).toBeUndefined();
    expect(client.state.media).toEqual({});
  });

  it('SL-10: the server itself refuses a role the profile lacks, as a profile problem', async () => {
    // client.signIn() checks roles before sending; execute() shows the server's own answer.
    const { client, scheduler } = await connected('agentOnly');
    expect(client.state.profile?.roles).toEqual(['agent']);
    const result = outcome(client.execute({ type: 'session.signIn', role: 'supervisor', station: { kind: 'desktop' } }));
    await advance(scheduler, ROUND_TRIP);
    const error = await refusal(result);
    expect(error.code).toBe('profile.forbidden');
    expect(error.traceId).toMatch(TRACE_ID);
  });

  it('SL-10: the team problem says what to do', async () => {
    const { adapter, scheduler } = await connected();
    const result = outcome(adapter.execute({ type: 'session.signIn', role: 'agent', station: MAYA_AS_AGENT.station }));
    await advance(scheduler, ROUND_TRIP);
    expect((await refusal(result)).message).toMatch(/choose your team/i);
  });

  it('SL-5: a tenant restricted to its default dial number prefills it and accepts it', async () => {
    const { client, scheduler } = await connected('restrictedDialNumber');
    expect(client.state.tenant).toMatchObject({ defaultDialNumber: '+14155550142', restrictToDefaultDialNumber: true });
    const result = outcome(client.signIn({ ...MAYA_AS_AGENT, station: { kind: 'dialNumber', number: '+14155550142' } }));
    await advance(scheduler, ROUND_TRIP);
    expect(await result).toBe('resolved');
    expect(client.state.session?.station).toEqual({ kind: 'dialNumber', number: '+14155550142' });
  });

  it('SL-5: a default dial number without restriction still lets the agent choose another', async () => {
    const { client } = await signedIn('defaultDialNumber');
    expect(client.state.tenant).toMatchObject({ defaultDialNumber: '+14155550177', restrictToDefaultDialNumber: false });
    expect(client.state.session?.station).toEqual(MAYA_AS_AGENT.station);
  });

  it('SL-10: a number held by another agent is refused as not unique, and is free once they sign out', async () => {
    const scheduler = new VirtualTimeScheduler();
    const engine = new SimContactCenter({ scheduler, seed: 3 });
    const maya = createClient({ adapter: createSimAdapter({ engine }), scheduler });
    const luca = createClient({ adapter: createSimAdapter({ engine, agentId: 'luca.rossi' }), scheduler });
    await advance(scheduler, ROUND_TRIP);
    const lucaRequest: SignInRequest = { role: 'agent', station: MAYA_AS_AGENT.station, teamId: 'team-support-emea' };

    const mayaSignIn = outcome(maya.signIn(MAYA_AS_AGENT));
    await advance(scheduler, ROUND_TRIP);
    expect(await mayaSignIn).toBe('resolved');

    const refused = outcome(luca.signIn(lucaRequest));
    await advance(scheduler, ROUND_TRIP);
    expect((await refusal(refused)).code).toBe('dialNumber.notUnique');

    const mayaSignOut = outcome(maya.signOut());
    await advance(scheduler, ROUND_TRIP);
    expect(await mayaSignOut).toBe('resolved');

    const accepted = outcome(luca.signIn(lucaRequest));
    await advance(scheduler, ROUND_TRIP);
    expect(await accepted).toBe('resolved');
    expect(luca.state.session?.station).toEqual(MAYA_AS_AGENT.station);
  });

  it('SL-10: in the numberInUse scenario only the held number is refused', async () => {
    const { client } = await signedIn('numberInUse', { ...MAYA_AS_AGENT, station: { kind: 'dialNumber', number: '+14155550101' } });
    expect(client.state.session?.station).toEqual({ kind: 'dialNumber', number: '+14155550101' });
  });

  it('SL-10: an injected fault reaches the agent once, with its message and a trace id', async () => {
    const { client, scheduler, engine } = await connected();
    engine.failNext('session.signIn', 'network', { message: 'The gateway timed out.' });

    const first = outcome(client.signIn(MAYA_AS_AGENT));
    await advance(scheduler, ROUND_TRIP);
    const error = await refusal(first);
    expect(error).toMatchObject({ code: 'network', message: 'The gateway timed out.' });
    expect(error.traceId).toMatch(TRACE_ID);

    const second = outcome(client.signIn(MAYA_AS_AGENT));
    await advance(scheduler, ROUND_TRIP);
    expect(await second).toBe('resolved');
  });

  it('SL-10: injected faults come before every other check', async () => {
    const { adapter, scheduler, engine } = await connected();
    engine.failNext('session.signIn', 'station.unavailable', { times: 2 });
    const invalid = {
      type: 'session.signIn',
      role: 'agent',
      teamId: 'team-billing',
      station: { kind: 'dialNumber', number: 'nonsense' },
    } as const;
    const results = [outcome(adapter.execute(invalid)), outcome(adapter.execute(invalid)), outcome(adapter.execute(invalid))];
    await advance(scheduler, ROUND_TRIP);
    expect(await Promise.all(results.map(async (r) => (await refusal(r)).code))).toEqual([
      'station.unavailable',
      'station.unavailable',
      'dialNumber.invalid',
    ]);
  });
});

describe('partial and failed sign-in (ST-5)', () => {
  it('ST-5: shows partial, then email recovers on the core retry while SMS stays failed', async () => {
    const { client, scheduler, engine, adapter } = await connected('partialSignIn');
    const smsFailures: DomainEventInput[] = [];
    engine.changesOf(adapter.agentId).subscribe((event) => {
      if (event.type === 'media.stateChanged' && event.media === 'sms' && event.status === 'failed') smsFailures.push(event);
    });
    const { retryAttempts, retryDelayMs } = client.state.tenant;
    expect(retryAttempts).toBe(3);

    const result = outcome(client.signIn(MAYA_AS_AGENT));
    await advance(scheduler, ROUND_TRIP);
    expect(await result).toBe('resolved');
    expect(statuses(client)).toEqual({ voice: 'notReady', chat: 'notReady', sms: 'failed', social: 'notReady', email: 'failed' });
    expect(client.state.media.email?.error).toMatchObject({
      code: 'station.unavailable',
      message: 'The email server did not accept the sign-in.',
    });
    expect(client.state.media.email?.error?.traceId).toMatch(TRACE_ID);
    expect(client.state.media.sms?.error?.code).toBe('network');
    expect(await firstValueFrom(client.indicator$)).toBe('partial');
    const views = await firstValueFrom(client.channels$);
    expect(views.map((v) => [v.channel, v.status])).toEqual([
      ['voice', 'notReady'],
      ['chatSocial', 'partial'],
      ['email', 'failed'],
    ]);

    // The first retry is the email's second attempt: it fails again.
    await advance(scheduler, retryDelayMs + ROUND_TRIP);
    expect(client.state.media.email).toMatchObject({ status: 'failed', attempts: 1 });

    // The second retry is its third attempt: it signs in, Not Ready like the rest (ST-2).
    await advance(scheduler, retryDelayMs + ROUND_TRIP);
    expect(client.state.media.email?.status).toBe('notReady');
    expect(client.state.media.email?.error).toBeUndefined();

    await advance(scheduler, 10 * (retryDelayMs + ROUND_TRIP));
    expect(client.state.media.sms).toMatchObject({ status: 'failed', attempts: retryAttempts });
    expect(smsFailures).toHaveLength(1 + retryAttempts);
    expect(await firstValueFrom(client.indicator$)).toBe('partial');
    expect(scheduler.actions).toHaveLength(0);
  });

  it('ST-5: when no channel can sign in the indicator says failed, each with its reason', async () => {
    const { client, scheduler } = await signedIn('allChannelsFail');
    expect(await firstValueFrom(client.indicator$)).toBe('failed');
    await advance(scheduler, 60_000);
    expect(await firstValueFrom(client.indicator$)).toBe('failed');
    for (const media of client.state.tenant.media) {
      expect(client.state.media[media]).toMatchObject({
        status: 'failed',
        attempts: 3,
        error: { code: 'station.unavailable', message: 'The media server did not answer.' },
      });
    }
  });
});

describe('channel states', () => {
  it('ST-1/ST-4: All → Ready, then a specific reason outranks All → Not Ready', async () => {
    const { client, scheduler } = await signedIn();
    const ready = outcome(client.setChannelState('all', 'ready'));
    await advance(scheduler, ROUND_TRIP);
    expect(await ready).toBe('resolved');
    expect(await firstValueFrom(client.indicator$)).toBe('allReady');

    const lunch = outcome(client.setChannelState('email', 'notReady', 'lunch'));
    await advance(scheduler, ROUND_TRIP);
    expect(await lunch).toBe('resolved');
    expect(client.state.media.email).toMatchObject({ status: 'notReady', reasonId: 'lunch' });
    expect(await firstValueFrom(client.indicator$)).toBe('partial');

    const allNotReady = outcome(client.setChannelState('all', 'notReady'));
    await advance(scheduler, ROUND_TRIP);
    expect(await allNotReady).toBe('resolved');
    expect(client.state.media.email).toMatchObject({ status: 'notReady', reasonId: 'lunch' });
    expect(client.state.media.voice?.status).toBe('notReady');
    expect(client.state.media.voice?.reasonId).toBeUndefined();
  });

  it('ST-1: commands sent back to back arrive in order despite the latency jitter', async () => {
    const { client, scheduler } = await signedIn();
    const reasons = ['break', 'meeting', 'training', 'coaching', 'lunch', 'break', 'meeting', 'training'];
    const results = reasons.map((reasonId) =>
      outcome(client.execute({ type: 'media.setState', media: ['voice'], status: 'notReady', reasonId })),
    );
    await advance(scheduler, ROUND_TRIP);
    expect(new Set(await Promise.all(results))).toEqual(new Set(['resolved']));
    expect(client.state.media.voice).toMatchObject({ status: 'notReady', reasonId: 'training' });
  });

  it('ST-3: the server refuses a Not Ready reason it does not know', async () => {
    const { client, scheduler } = await signedIn();
    const result = outcome(client.execute({ type: 'media.setState', media: ['email'], status: 'notReady', reasonId: 'nap' }));
    await advance(scheduler, ROUND_TRIP);
    const error = await refusal(result);
    expect(error.code).toBe('command.notAllowed');
    expect(error.traceId).toMatch(TRACE_ID);
    expect(client.state.media.email?.reasonId).toBeUndefined();
  });

  it('ST-1: a state change before signing in is refused as needing a session', async () => {
    const { client, scheduler } = await connected();
    const result = outcome(client.execute({ type: 'media.setState', media: ['voice'], status: 'ready' }));
    await advance(scheduler, ROUND_TRIP);
    expect((await refusal(result)).code).toBe('session.required');
  });

  it('ST-5: a state change that meets network faults is retried by the core until it goes through', async () => {
    const { client, scheduler, engine } = await signedIn();
    const { retryDelayMs } = client.state.tenant;
    engine.failNext('media.setState', 'network', { times: 2 });
    let settled = false;
    const result = outcome(client.setChannelState('voice', 'ready')).finally(() => (settled = true));

    await advance(scheduler, ROUND_TRIP);
    await advance(scheduler, retryDelayMs + ROUND_TRIP);
    expect(settled).toBe(false);
    expect(client.state.media.voice?.status).toBe('notReady');
    await advance(scheduler, retryDelayMs + ROUND_TRIP);
    expect(await result).toBe('resolved');
    expect(client.state.media.voice?.status).toBe('ready');
  });

  it('SL-11: the server refuses sign-out while a channel is Ready, and signs out once all are Not Ready', async () => {
    const { client, scheduler } = await signedIn();
    const ready = outcome(client.setChannelState('chatSocial', 'ready'));
    await advance(scheduler, ROUND_TRIP);
    expect(await ready).toBe('resolved');

    const refused = outcome(client.execute({ type: 'session.signOut' }));
    await advance(scheduler, ROUND_TRIP);
    expect((await refusal(refused)).code).toBe('command.notAllowed');
    expect(client.state.session).toBeDefined();

    const notReady = outcome(client.setChannelState('all', 'notReady'));
    await advance(scheduler, ROUND_TRIP);
    expect(await notReady).toBe('resolved');
    const signedOut = outcome(client.signOut());
    await advance(scheduler, ROUND_TRIP);
    expect(await signedOut).toBe('resolved');
    expect(client.state.session).toBeUndefined();
    expect(await firstValueFrom(client.indicator$)).toBe('signedOut');
  });
});

describe('reconnecting and disconnecting', () => {
  it('SE-4: a reload while signed in re-reads the session and every channel state', async () => {
    const scheduler = new VirtualTimeScheduler();
    const engine = new SimContactCenter({ scheduler });
    const first = createClient({ adapter: createSimAdapter({ engine }), scheduler });
    await advance(scheduler, ROUND_TRIP);
    const signIn = outcome(first.signIn(MAYA_AS_AGENT));
    await advance(scheduler, ROUND_TRIP);
    const ready = outcome(first.setChannelState('email', 'ready'));
    await advance(scheduler, ROUND_TRIP);
    expect([await signIn, await ready]).toEqual(['resolved', 'resolved']);
    const session = first.state.session;
    first.dispose();

    await advance(scheduler, 5_000);
    const reloaded = createClient({ adapter: createSimAdapter({ engine }), scheduler });
    await advance(scheduler, ROUND_TRIP);
    expect(reloaded.state.session).toEqual(session);
    expect(statuses(reloaded)).toEqual({ voice: 'notReady', chat: 'notReady', sms: 'notReady', social: 'notReady', email: 'ready' });
    expect(reloaded.state.profile?.id).toBe('maya.patel');

    // And it keeps listening after the re-read.
    const lunch = outcome(reloaded.setChannelState('voice', 'notReady', 'lunch'));
    await advance(scheduler, ROUND_TRIP);
    expect(await lunch).toBe('resolved');
    expect(reloaded.state.media.voice?.reasonId).toBe('lunch');
  });

  it('SE-1: two tabs of one agent both hear every change', async () => {
    const scheduler = new VirtualTimeScheduler();
    const engine = new SimContactCenter({ scheduler });
    const tab1 = createClient({ adapter: createSimAdapter({ engine }), scheduler });
    const tab2 = createClient({ adapter: createSimAdapter({ engine }), scheduler });
    await advance(scheduler, ROUND_TRIP);
    const signIn = outcome(tab1.signIn(MAYA_AS_AGENT));
    await advance(scheduler, ROUND_TRIP);
    expect(await signIn).toBe('resolved');
    expect(tab2.state.session).toEqual(tab1.state.session);
    expect(statuses(tab2)).toEqual(statuses(tab1));
  });

  it('unsubscribing before the connection opens cancels it: no timer left, no event', () => {
    const scheduler = new VirtualTimeScheduler();
    const adapter = createSimAdapter({ scheduler });
    const seen: DomainEventInput[] = [];
    const subscription = adapter.events$.subscribe((event) => seen.push(event));
    expect(scheduler.actions).toHaveLength(1);
    subscription.unsubscribe();
    expect(scheduler.actions).toHaveLength(0);
    scheduler.flush();
    expect(seen).toEqual([]);
  });

  it('closing the client cancels commands in flight: they fail as network and never reach the server', async () => {
    const { client, scheduler, engine, adapter } = await connected();
    const result = outcome(client.signIn(MAYA_AS_AGENT));
    expect(scheduler.actions).toHaveLength(1);
    client.dispose();
    expect(scheduler.actions).toHaveLength(0);

    const error = await refusal(result);
    expect(error.code).toBe('network');
    await advance(scheduler, 10_000);
    expect(engine.isSignedIn(adapter.agentId)).toBe(false);
  });
});

describe('determinism', () => {
  async function traceIdsOfThreeRefusals(seed: number): Promise<(string | undefined)[]> {
    const scheduler = new VirtualTimeScheduler();
    const client = createClient({ adapter: createSimAdapter({ scheduler, seed }), scheduler });
    await advance(scheduler, ROUND_TRIP);
    const bad = { ...MAYA_AS_AGENT, station: { kind: 'extension', extension: '9999' } } as const;
    const results = [outcome(client.signIn(bad)), outcome(client.signIn(bad)), outcome(client.signIn(bad))];
    await advance(scheduler, ROUND_TRIP);
    return Promise.all(results.map(async (r) => (await refusal(r)).traceId));
  }

  it('SL-10: the same seed gives the same trace ids; another seed gives others', async () => {
    const first = await traceIdsOfThreeRefusals(7);
    const again = await traceIdsOfThreeRefusals(7);
    const other = await traceIdsOfThreeRefusals(8);
    expect(new Set(first).size).toBe(3);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });
});

describe('voice through the client', () => {
  /** Maya signed in as an agent on a quiet world, voice Ready, a call ringing for her. */
  async function ringing(scenario: ScenarioName = 'default', options: Omit<SimAdapterOptions, 'scenario' | 'scheduler'> = {}) {
    const world = await connected(scenario, { traffic: false, ...options });
    const { client, engine, scheduler } = world;
    const signIn = outcome(client.signIn(MAYA_AS_AGENT));
    await advance(scheduler, ROUND_TRIP);
    expect(await signIn).toBe('resolved');
    const ready = outcome(client.setChannelState('voice', 'ready'));
    await advance(scheduler, ROUND_TRIP);
    expect(await ready).toBe('resolved');
    const taskId = engine.injectCall({ queueId: 'q-sales', from: '+16175550104' });
    await advance(scheduler, 0);
    return { ...world, taskId };
  }

  it('CB-1/QL-1: the offer and the queue list reach the client', async () => {
    const { client, taskId } = await ringing();
    expect(client.state.tasks).toEqual([
      expect.objectContaining({ id: taskId, status: 'offered', from: '+16175550104', queueName: 'Sales' }),
    ]);
    expect(client.state.queues.find((q) => q.id === 'q-sales')).toMatchObject({ enabled: true, waiting: 1 });
  });

  it('ST-8: a decline makes voice unavailable; the core sends Ready back after 10 s and the same caller rings again', async () => {
    const { client, scheduler, taskId } = await ringing();
    const declined = outcome(client.decline(taskId));
    await advance(scheduler, ROUND_TRIP);
    expect(await declined).toBe('resolved');
    expect(client.state.media.voice).toMatchObject({ status: 'notReady', reasonId: 'cc.declined' });
    expect(client.state.tasks).toEqual([]);
    await advance(scheduler, 10_000 + ROUND_TRIP);
    expect(client.state.media.voice?.status).toBe('ready');
    expect(client.state.tasks).toEqual([expect.objectContaining({ id: taskId, status: 'offered' })]);
  });

  it('ST-6: RONA leaves voice Not Ready until the agent moves it back', async () => {
    const { client, scheduler } = await ringing();
    await advance(scheduler, 15_000);
    expect(client.state.tasks).toEqual([]);
    expect(client.state.media.voice).toMatchObject({ status: 'notReady', reasonId: 'cc.rona' });
    await advance(scheduler, 60_000);
    expect(client.state.media.voice?.reasonId).toBe('cc.rona');
  });

  it('WU-2: at zero the core closes the wrap-up with the reason chosen, and the server keeps it', async () => {
    const { client, scheduler, engine, taskId } = await ringing();
    for (const step of [() => client.accept(taskId), () => client.end(taskId)]) {
      const result = outcome(step());
      await advance(scheduler, ROUND_TRIP);
      expect(await result).toBe('resolved');
    }
    expect(client.state.tasks[0]).toMatchObject({ status: 'wrapUp', wrapUp: { forced: true } });
    await client.chooseWrapUpReason(taskId, 'sale');
    await advance(scheduler, 30_000 + ROUND_TRIP);
    expect(client.state.tasks).toEqual([]);
    expect(engine.closings(taskId)).toEqual([expect.objectContaining({ agentId: 'maya.patel', reasonId: 'sale', closedBy: 'agent' })]);
  });

  it('WU-2: with no reason chosen the core still closes at zero, and the server accepts it', async () => {
    const { client, scheduler, engine, taskId } = await ringing();
    for (const step of [() => client.accept(taskId), () => client.end(taskId)]) {
      const result = outcome(step());
      await advance(scheduler, ROUND_TRIP);
      expect(await result).toBe('resolved');
    }
    await advance(scheduler, 30_000 + ROUND_TRIP);
    expect(client.state.tasks).toEqual([]);
    expect(engine.closings(taskId)).toEqual([expect.objectContaining({ closedBy: 'agent' })]);
    expect(engine.closings(taskId)[0]?.reasonId).toBeUndefined();
  });

  it('SE-4/WU-4: a reload during a call restores the task with its start time and the queue list', async () => {
    const { client, scheduler, engine, taskId } = await ringing();
    const accepted = outcome(client.accept(taskId));
    await advance(scheduler, ROUND_TRIP);
    expect(await accepted).toBe('resolved');
    const before = client.state.tasks[0];
    client.dispose();
    await advance(scheduler, 5_000);
    const reloaded = createClient({ adapter: createSimAdapter({ engine }), scheduler });
    await advance(scheduler, ROUND_TRIP);
    expect(reloaded.state.tasks).toEqual([before]);
    expect(reloaded.state.tasks[0]?.startedAt).toBe(before?.startedAt);
    expect(reloaded.state.queues).toEqual(engine.queues('maya.patel'));
  });

  it('QL-5: a confirmation naming a queue unassigned meanwhile is refused whole by the server', async () => {
    const { client, scheduler, engine } = await ringing();
    engine.unassignQueue('maya.patel', 'q-billing');
    // The client has not heard yet: it still lists Billing and sends both ticks.
    const result = outcome(
      client.execute({
        type: 'queues.setEnabled',
        changes: [
          { queueId: 'q-sales', on: false },
          { queueId: 'q-billing', on: false },
        ],
      }),
    );
    await advance(scheduler, ROUND_TRIP);
    const error = await refusal(result);
    expect(error).toMatchObject({ code: 'queue.unknown', message: 'The queue "Billing" is not assigned to you.' });
    expect(error.traceId).toMatch(TRACE_ID);
    expect(client.state.queues.find((q) => q.id === 'q-sales')?.enabled).toBe(true);
  });
});

describe('digital work through the client', () => {
  const ANA_AS_AGENT: SignInRequest = { role: 'agent', station: { kind: 'dialNumber', number: '+14155550124' }, teamId: 'team-billing' };

  async function anaOnChat() {
    const world = await connected('digital', { agentId: 'ana.popescu' });
    const signedIn = outcome(world.client.signIn(ANA_AS_AGENT));
    await advance(world.scheduler, ROUND_TRIP);
    expect(await signedIn).toBe('resolved');
    const ready = outcome(world.client.setChannelState('chatSocial', 'ready'));
    await advance(world.scheduler, ROUND_TRIP);
    expect(await ready).toBe('resolved');
    return world;
  }

  it('SIM_COMMANDS: the simulator carries out every command the core knows, the supervisor’s (SV-3, SV-4) included', () => {
    expect([...SIM_COMMANDS].sort()).toEqual([...COMMAND_TYPES].sort());
    expect(SIM_COMMANDS).toEqual(expect.arrayContaining([...SUPERVISOR_COMMAND_TYPES]));
  });

  it('TP-1/TP-5/TP-12: the offers of every Chat/Social medium arrive; an accepted chat’s thread loads once; a message goes sent → delivered → read', async () => {
    const { client, scheduler, adapter } = await anaOnChat();
    expect(client.state.tasks.map((t) => `${t.media}:${t.status}`).sort()).toEqual([
      'chat:offered',
      'chat:offered',
      'chat:offered',
      'sms:offered',
      'social:offered',
    ]);
    const chat = client.state.tasks.find((t) => t.media === 'chat' && t.channelTypeId === undefined)!.id;
    const loads: string[] = [];
    adapter.events$.subscribe((e) => e.type.startsWith('thread.') && loads.push(e.type));
    const accepted = outcome(client.accept(chat));
    await advance(scheduler, ROUND_TRIP + DEFAULT_THREAD_LOAD_MS + ROUND_TRIP);
    expect(await accepted).toBe('resolved');
    expect(client.state.threads[chat]?.status).toBe('loaded');
    expect(client.state.threads[chat]?.messages.map((m) => m.author)).toEqual(['bot', 'customer', 'bot', 'system']);
    // The server sent the thread on accept and the client's own request joined it: one load.
    expect(loads.filter((type) => type === 'thread.loaded')).toHaveLength(1);

    const sent = outcome(client.sendMessage(chat, { clientId: 'hello-1', text: 'Hello, I am looking into it.' }));
    const receipt = () => client.state.threads[chat]?.messages.find((m) => m.id === 'hello-1')?.receipt;
    expect(receipt()).toBe('sending');
    await advance(scheduler, ROUND_TRIP);
    expect(await sent).toBe('resolved');
    expect(receipt()).toBe('sent');
    await advance(scheduler, RECEIPT_DELAYS.deliveredMs);
    expect(receipt()).toBe('delivered');
    await advance(scheduler, RECEIPT_DELAYS.readMs);
    expect(receipt()).toBe('read');
  });

  it('TP-5: a failed thread keeps its error for Retry, and Retry loads it', async () => {
    const { client, scheduler, engine } = await anaOnChat();
    const chat = client.state.tasks[0]!.id;
    engine.failNextThreadLoad(chat);
    void outcome(client.accept(chat));
    await advance(scheduler, ROUND_TRIP + DEFAULT_THREAD_LOAD_MS + ROUND_TRIP);
    expect(client.state.threads[chat]).toMatchObject({
      status: 'failed',
      error: { code: 'network', traceId: expect.stringMatching(TRACE_ID) },
    });
    const retry = outcome(client.loadThread(chat));
    await advance(scheduler, ROUND_TRIP + DEFAULT_THREAD_LOAD_MS);
    expect(await retry).toBe('resolved');
    expect(client.state.threads[chat]?.status).toBe('loaded');
  });

  it('ST-6: chat offers left unanswered tell the agent, and the whole Chat/Social group is Not Ready while Email is untouched', async () => {
    const { client, scheduler } = await anaOnChat();
    await advance(scheduler, 30_000);
    expect(statuses(client)).toMatchObject({ chat: 'notReady', sms: 'notReady', social: 'notReady', email: 'notReady' });
    expect(client.state.media.email?.reasonId).toBeUndefined();
    expect(client.state.media.chat?.reasonId).toBe('cc.rona');
    expect(client.state.notices.filter((n) => n.kind === 'rona').map((n) => n.channel)).toEqual(expect.arrayContaining(['chatSocial']));
  });

  it('SE-4: a reload keeps the conversations and fetches their threads again', async () => {
    const { client, scheduler, engine } = await anaOnChat();
    const chat = client.state.tasks[0]!.id;
    void outcome(client.accept(chat));
    await advance(scheduler, ROUND_TRIP + DEFAULT_THREAD_LOAD_MS + ROUND_TRIP);
    const before = client.state.tasks;
    client.dispose();
    const reloaded = createClient({ adapter: createSimAdapter({ engine, agentId: 'ana.popescu' }), scheduler });
    await advance(scheduler, ROUND_TRIP + ROUND_TRIP + DEFAULT_THREAD_LOAD_MS);
    expect(reloaded.state.tasks).toEqual(before);
    expect(reloaded.state.threads[chat]).toMatchObject({ status: 'loaded', messages: engine.threadOf(chat) });
  });
});

describe('the supervisor through the client', () => {
  /** Camille supervising the floor, Luca taking calls, on one engine; traffic off so only the test moves the world. */
  async function floorWithLuca() {
    const scheduler = new VirtualTimeScheduler();
    const engine = new SimContactCenter({ scenario: 'supervisorFloor', scheduler, seed: 5, traffic: false });
    const camille = createClient({ adapter: createSimAdapter({ engine, agentId: 'camille.durand' }), scheduler });
    const luca = createClient({ adapter: createSimAdapter({ engine, agentId: 'luca.rossi' }), scheduler });
    await advance(scheduler, ROUND_TRIP);
    const signIns = [
      outcome(camille.signIn({ role: 'supervisor', station: { kind: 'desktop' } })),
      outcome(luca.signIn({ role: 'agent', station: { kind: 'desktop' }, teamId: 'team-support-emea' })),
    ];
    await advance(scheduler, ROUND_TRIP + 250);
    expect(await Promise.all(signIns)).toEqual(['resolved', 'resolved']);
    return { scheduler, engine, camille, luca };
  }

  it('SV-1: the roster arrives at sign-in, follows the agents in batches and survives a reload (SE-4)', async () => {
    const { scheduler, engine, camille, luca } = await floorWithLuca();
    const roster = await firstValueFrom(camille.roster$);
    expect(roster).toHaveLength(40);
    expect(camille.state.roster['luca.rossi']).toMatchObject({ status: 'notReady', teamId: 'team-support-emea' });
    const ready = outcome(luca.setChannelState('voice', 'ready'));
    await advance(scheduler, ROUND_TRIP + 250);
    expect(await ready).toBe('resolved');
    expect(camille.state.roster['luca.rossi']).toMatchObject({ status: 'ready', channels: { voice: 'ready' } });
    expect(engine.churn(5)).toBe(5);
    await advance(scheduler, 250);
    expect(Object.values(camille.state.roster)).toEqual(expect.arrayContaining(engine.rosterOf('camille.durand')));

    camille.dispose();
    const reloaded = createClient({ adapter: createSimAdapter({ engine, agentId: 'camille.durand' }), scheduler });
    await advance(scheduler, ROUND_TRIP);
    expect(Object.keys(reloaded.state.roster)).toHaveLength(40);
    expect(reloaded.state.roster['luca.rossi']?.status).toBe('ready');
  });

  it('SV-3/SV-4: the supervisor moves an agent and joins his call; the agent sees who is listening until it stops', async () => {
    const { scheduler, engine, camille, luca } = await floorWithLuca();
    const ready = outcome(camille.setAgentStatus('luca.rossi', 'ready'));
    await advance(scheduler, ROUND_TRIP + 250);
    expect(await ready).toBe('resolved');
    expect(luca.state.media.voice?.status).toBe('ready');
    const notReady = outcome(camille.setAgentStatus('luca.rossi', 'notReady', 'coaching'));
    await advance(scheduler, ROUND_TRIP + 250);
    expect(await notReady).toBe('resolved');
    expect(luca.state.media.voice).toMatchObject({ status: 'notReady', reasonId: 'coaching' });
    expect(camille.state.roster['luca.rossi']).toMatchObject({ status: 'notReady', reasonId: 'coaching' });

    void outcome(camille.setAgentStatus('luca.rossi', 'ready'));
    await advance(scheduler, ROUND_TRIP + 250);
    const call = engine.injectCall({ queueId: 'q-support' });
    const accepted = outcome(luca.accept(call));
    await advance(scheduler, ROUND_TRIP + 250);
    expect(await accepted).toBe('resolved');

    const whisper = outcome(camille.monitor('luca.rossi', call, 'whisper'));
    await advance(scheduler, ROUND_TRIP + 250);
    expect(await whisper).toBe('resolved');
    expect(luca.state.beingMonitored).toEqual({ taskId: call, mode: 'whisper', by: 'Camille Durand' });
    expect(camille.state.roster['luca.rossi']?.interactions[0]).toMatchObject({ id: call, monitoring: 'whisper' });

    const ended = outcome(luca.execute({ type: 'task.end', taskId: call }));
    await advance(scheduler, ROUND_TRIP);
    expect(await ended).toBe('resolved');
    expect(luca.state.beingMonitored).toBeUndefined();
  });

  it('SV-3: the server’s refusal reaches the supervisor in words (sign-out with work in hand)', async () => {
    const { scheduler, engine, camille, luca } = await floorWithLuca();
    void outcome(luca.setChannelState('voice', 'ready'));
    await advance(scheduler, ROUND_TRIP);
    engine.injectCall({ queueId: 'q-support' });
    await advance(scheduler, 250);
    expect(camille.state.roster['luca.rossi']?.status).toBe('busy');
    // The client's own rule (no sign-out with interactions) refuses before sending…
    expect((await refusal(outcome(camille.setAgentStatus('luca.rossi', 'signedOut')))).message).toBe(
      'Luca Rossi cannot be moved to that status now.',
    );
    // …and the server holds the same rule for a client that skips it.
    const sent = outcome(camille.execute({ type: 'supervisor.setAgentStatus', agentId: 'luca.rossi', status: 'signedOut' }));
    await advance(scheduler, ROUND_TRIP);
    expect(await refusal(sent)).toMatchObject({
      code: 'command.notAllowed',
      message: 'Luca Rossi has work in hand; sign them out once it is finished.',
      traceId: expect.stringMatching(TRACE_ID),
    });
  });
});

describe('capabilities', () => {
  it('CB-3: `without` leaves commands out, so the client cannot send them and the adapter refuses them', async () => {
    const { client, adapter } = await connected('default', { without: ['call.consult', 'call.transfer', 'call.mute'] });
    expect(client.capabilities.commands).toEqual(SIM_COMMANDS.filter((t) => !['call.consult', 'call.transfer', 'call.mute'].includes(t)));
    expect(client.can('call.consult')).toBe(false);
    expect(client.can('call.hold')).toBe(true);
    const error = await refusal(outcome(adapter.execute({ type: 'call.mute', taskId: 'call-1', muted: true })));
    expect(error.code).toBe('command.unsupported');
  });

  it('CB-3: the basicVoice scenario is a backend without consult, transfer, mute or keypad, and its server says so too', async () => {
    const { client, engine } = await connected('basicVoice', { traffic: false });
    for (const type of ['call.consult', 'call.consultComplete', 'call.consultCancel', 'call.transfer', 'call.mute', 'call.dtmf'] as const) {
      expect(client.can(type)).toBe(false);
    }
    expect(client.can('task.accept')).toBe(true);
    expect(() => engine.apply('maya.patel', { type: 'call.mute', taskId: 'call-1', muted: true })).toThrow(
      expect.objectContaining({ code: 'command.unsupported' }),
    );
  });

  it('traffic: the option switches the scenario’s traffic off for a test, and on for a still scenario', async () => {
    const quiet = await connected('liveTraffic', { traffic: false });
    await advance(quiet.scheduler, 10 * 60_000);
    expect(quiet.engine.calls()).toEqual([]);
    const live = await connected('default', { traffic: true });
    await advance(live.scheduler, 10 * 60_000);
    expect(live.engine.calls().length).toBeGreaterThan(0);
  });
});
