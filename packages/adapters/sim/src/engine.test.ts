// The simulated contact center on its own, without an adapter or a client: its server-side
// rules, fault injection, latency and what it tells a reconnecting client.

import { describe, expect, it } from 'vitest';
import { VirtualTimeScheduler } from 'rxjs';
import { type Command, type DomainEvent } from '@cc-elements/core';
import { SimContactCenter } from './engine.js';
import type { SimScenario } from './scenarios.js';
import { SCENARIOS } from './scenarios.js';
import { refusalOf } from './refusal.test-support.js';

const MAYA = 'maya.patel';
const SIGN_IN: Command = { type: 'session.signIn', role: 'agent', station: { kind: 'desktop' }, teamId: 'team-billing' };

function world(scenario: SimScenario = SCENARIOS.default, seed = 1) {
  const scheduler = new VirtualTimeScheduler();
  const engine = new SimContactCenter({ scenario, scheduler, seed });
  const events: DomainEvent[] = [];
  engine.changesOf(MAYA).subscribe((event) => events.push(event));
  return { scheduler, engine, events };
}

describe('SimContactCenter', () => {
  it('ST-2/QL-1: a sign-in reports the session, every tenant medium Not Ready, then the queue list, in order', () => {
    const { engine, events, scheduler } = world();
    scheduler.frame = 1234;
    engine.apply(MAYA, SIGN_IN);
    expect(events.map((e) => (e.type === 'media.stateChanged' ? `${e.media}:${e.status}` : e.type))).toEqual([
      'session.signedIn',
      'voice:notReady',
      'chat:notReady',
      'sms:notReady',
      'social:notReady',
      'email:notReady',
      'queues.loaded',
    ]);
    expect(events[0]).toMatchObject({ session: { signedInAt: 1234 }, at: 1234 });
    expect(engine.isSignedIn(MAYA)).toBe(true);
  });

  it('SL-10: a second sign-in without signing out is refused', () => {
    const { engine } = world();
    engine.apply(MAYA, SIGN_IN);
    expect(refusalOf(() => engine.apply(MAYA, SIGN_IN)).code).toBe('command.notAllowed');
  });

  it('ST-5: a medium fault counts the sign-in and each retry, and starts over with the next session', () => {
    const { engine, events } = world(SCENARIOS.partialSignIn);
    engine.apply(MAYA, SIGN_IN);
    expect(engine.snapshot(MAYA).media.find((m) => m.media === 'email')?.status).toBe('failed');

    const second = refusalOf(() => engine.apply(MAYA, { type: 'media.signIn', media: 'email' }));
    expect(second.code).toBe('station.unavailable');
    // The refusal and the failed state name the same trace id, so support can match them.
    const lastEmail = events.filter((e) => e.type === 'media.stateChanged' && e.media === 'email').at(-1);
    expect(lastEmail).toMatchObject({ status: 'failed', error: { traceId: second.traceId } });

    engine.apply(MAYA, { type: 'media.signIn', media: 'email' });
    expect(engine.snapshot(MAYA).media.find((m) => m.media === 'email')?.status).toBe('notReady');

    engine.apply(MAYA, { type: 'session.signOut' });
    engine.apply(MAYA, SIGN_IN);
    expect(engine.snapshot(MAYA).media.find((m) => m.media === 'email')?.status).toBe('failed');
  });

  it('ST-5: signing in a medium that is already signed in changes nothing', () => {
    const { engine, events } = world();
    engine.apply(MAYA, SIGN_IN);
    const before = events.length;
    engine.apply(MAYA, { type: 'media.signIn', media: 'voice' });
    expect(events).toHaveLength(before);
  });

  it('ST-1: a state change touching a failed medium is refused whole, nothing moves', () => {
    const { engine, events } = world(SCENARIOS.partialSignIn);
    engine.apply(MAYA, SIGN_IN);
    const before = events.length;
    const error = refusalOf(() => engine.apply(MAYA, { type: 'media.setState', media: ['chat', 'sms'], status: 'ready' }));
    expect(error).toMatchObject({ code: 'command.notAllowed', message: 'SMS is not signed in.' });
    expect(events).toHaveLength(before);
  });

  it('ST-3: a reason is kept only for Not Ready', () => {
    const { engine, events } = world();
    engine.apply(MAYA, SIGN_IN);
    engine.apply(MAYA, { type: 'media.setState', media: ['voice'], status: 'ready', reasonId: 'lunch' });
    expect(events.at(-1)).toEqual({ type: 'media.stateChanged', media: 'voice', status: 'ready', at: 0 });
    engine.apply(MAYA, { type: 'media.setState', media: ['voice'], status: 'notReady', reasonId: 'lunch' });
    expect(events.at(-1)).toMatchObject({ status: 'notReady', reasonId: 'lunch' });
  });

  it('ST-9: the snapshot keeps the start time of a state that did not change', () => {
    const { engine, scheduler } = world();
    engine.apply(MAYA, SIGN_IN);
    scheduler.frame = 5000;
    engine.apply(MAYA, { type: 'media.setState', media: ['voice', 'email'], status: 'notReady' });
    engine.apply(MAYA, { type: 'media.setState', media: ['email'], status: 'ready' });
    const since = Object.fromEntries(engine.snapshot(MAYA).media.map((m) => [m.media, m.since]));
    expect(since).toMatchObject({ voice: 0, email: 5000 });
  });

  it('SE-4: the snapshot of a signed-out agent has profile and tenant but no session or channels', () => {
    const { engine } = world();
    const snapshot = engine.snapshot(MAYA);
    expect(snapshot.profile.name).toBe('Maya Patel');
    expect(snapshot.tenant).toBe(SCENARIOS.default.tenant);
    expect(snapshot.session).toBeUndefined();
    expect(snapshot.media).toEqual([]);
  });

  it('failNext: faults queue per command type and are used up', () => {
    const { engine } = world();
    engine.failNext('session.signIn', 'network', { times: 2 });
    engine.failNext('session.signIn', 'api', { message: 'Internal error 500' });
    const codes = [0, 1, 2].map(() => refusalOf(() => engine.apply(MAYA, SIGN_IN)).code);
    expect(codes).toEqual(['network', 'network', 'api']);
    engine.apply(MAYA, SIGN_IN);
    expect(engine.isSignedIn(MAYA)).toBe(true);
  });

  it('failNext: an Infinity fault lasts until cleared, and leaves other command types alone', () => {
    const { engine } = world();
    engine.failNext('session.signOut', 'network', { times: Infinity });
    engine.apply(MAYA, SIGN_IN);
    for (let i = 0; i < 5; i++) expect(refusalOf(() => engine.apply(MAYA, { type: 'session.signOut' })).code).toBe('network');
    engine.clearFaults('session.signOut');
    engine.apply(MAYA, { type: 'session.signOut' });
    expect(engine.isSignedIn(MAYA)).toBe(false);
    expect(() => engine.failNext('session.signIn', 'network', { times: 0 })).toThrow(RangeError);
  });

  it('latency: stays within the jitter of latencyMs, replays with the seed, and is exactly 0 when asked', () => {
    const draws = (seed: number, latencyMs = 150) => {
      const engine = new SimContactCenter({ scheduler: new VirtualTimeScheduler(), latencyMs, seed });
      return Array.from({ length: 50 }, () => engine.nextLatency());
    };
    const first = draws(11);
    expect(Math.min(...first)).toBeGreaterThanOrEqual(120);
    expect(Math.max(...first)).toBeLessThanOrEqual(180);
    expect(new Set(first).size).toBeGreaterThan(10);
    expect(draws(11)).toEqual(first);
    expect(draws(12)).not.toEqual(first);
    expect(new Set(draws(11, 0))).toEqual(new Set([0]));
  });

  it('SL-10: trace ids do not depend on the latency setting, only on the seed', () => {
    const ids = (latencyMs: number) => {
      const engine = new SimContactCenter({ scheduler: new VirtualTimeScheduler(), latencyMs, seed: 5 });
      engine.nextLatency();
      return [engine.newTraceId(), engine.newTraceId()];
    };
    expect(ids(0)).toEqual(ids(400));
  });
});
