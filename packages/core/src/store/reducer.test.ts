import { describe, expect, it } from 'vitest';
import type { AgentProfile, AgentSession } from '../model/agent.js';
import type { ErrorInfo, Media, MediaState } from '../model/channel.js';
import type { Task } from '../model/task.js';
import { DEFAULT_TENANT, type TenantSettings } from '../model/tenant.js';
import type { DomainEvent, ServerSnapshot } from './events.js';
import { reduce } from './reducer.js';
import { INITIAL_STATE, type CcState } from './state.js';

const profile: AgentProfile = { id: 'a1', name: 'Ana Pop', roles: ['agent', 'supervisorAgent'], teams: [{ id: 't1', name: 'Sales' }] };
const tenant: TenantSettings = {
  ...DEFAULT_TENANT,
  notReadyReasons: [
    { id: 'lunch', label: 'Lunch' },
    { id: 'break', label: 'Break' },
  ],
};
const session: AgentSession = { role: 'agent', station: { kind: 'dialNumber', number: '+12015550123' }, signedInAt: 100 };
const networkError: ErrorInfo = { code: 'network', message: 'The server could not be reached.' };

function apply(events: readonly DomainEvent[], from: CcState = INITIAL_STATE): CcState {
  return events.reduce(reduce, from);
}

const signedIn = apply([
  { type: 'profile.loaded', profile, tenant, at: 10 },
  { type: 'session.signedIn', session, at: 100 },
]);

function withMedia(...events: DomainEvent[]): CcState {
  return apply(events, signedIn);
}

function mediaState(media: Media, status: MediaState['status'], since: number, extra: Partial<MediaState> = {}): MediaState {
  return { media, status, since, ...extra };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('reduce', () => {
  describe('connection.changed', () => {
    it('SE-4: records the connection status, when it began and why it failed', () => {
      const lost = reduce(INITIAL_STATE, { type: 'connection.changed', status: 'lost', error: networkError, at: 500 });
      expect(lost.connection).toEqual({ status: 'lost', since: 500, error: networkError });
      const back = reduce(lost, { type: 'connection.changed', status: 'connected', at: 900 });
      expect(back.connection).toEqual({ status: 'connected', since: 900 });
    });

    it('SE-4: a repeated status keeps its start time and the same state object', () => {
      const connected = reduce(INITIAL_STATE, { type: 'connection.changed', status: 'connected', at: 100 });
      const again = reduce(connected, { type: 'connection.changed', status: 'connected', at: 700 });
      expect(again).toBe(connected);
      expect(again.connection.since).toBe(100);
    });
  });

  it('SL-1: profile.loaded stores the profile and the tenant settings', () => {
    const next = reduce(INITIAL_STATE, { type: 'profile.loaded', profile, tenant, at: 10 });
    expect(next.profile).toBe(profile);
    expect(next.tenant).toBe(tenant);
  });

  describe('session', () => {
    it('SL-10: session.signedIn stores the session and forgets why the previous one ended', () => {
      const signedOutBefore = apply([{ type: 'session.signedOut', reason: { code: 'session.required', message: 'Taken over' }, at: 50 }]);
      expect(signedOutBefore.signedOutReason).toBeDefined();
      const next = reduce(signedOutBefore, { type: 'session.signedIn', session, at: 100 });
      expect(next.session).toBe(session);
      expect(next).not.toHaveProperty('signedOutReason');
    });

    it('SL-11: session.signedOut clears the session, every medium and every task', () => {
      const busy = withMedia(
        { type: 'media.stateChanged', media: 'voice', status: 'notReady', at: 200 },
        { type: 'media.stateChanged', media: 'chat', status: 'ready', at: 200 },
        { type: 'task.updated', task: { id: 't1', media: 'chat', status: 'wrapUp', since: 300 }, at: 300 },
      );
      const next = reduce(busy, { type: 'session.signedOut', at: 400 });
      expect(next.session).toBeUndefined();
      expect(next.media).toEqual({});
      expect(next.tasks).toEqual([]);
      expect(next.profile).toBe(profile);
      expect(next).not.toHaveProperty('signedOutReason');
    });

    it('SE-1: a sign-out the agent did not ask for keeps its reason', () => {
      const reason: ErrorInfo = { code: 'session.required', message: 'You signed in on another desktop.' };
      const next = reduce(signedIn, { type: 'session.signedOut', reason, at: 400 });
      expect(next.signedOutReason).toEqual(reason);
    });
  });

  describe('media.stateChanged', () => {
    it('ST-1: sets status, reason and start time of one medium', () => {
      const next = withMedia({ type: 'media.stateChanged', media: 'voice', status: 'notReady', reasonId: 'lunch', at: 200 });
      expect(next.media.voice).toEqual(mediaState('voice', 'notReady', 200, { reasonId: 'lunch' }));
      expect(next.media.chat).toBeUndefined();
    });

    it('SL-11: is ignored while nobody is signed in', () => {
      const state = apply([{ type: 'profile.loaded', profile, tenant, at: 10 }]);
      expect(reduce(state, { type: 'media.stateChanged', media: 'voice', status: 'ready', at: 200 })).toBe(state);
    });

    it('ST-9: a repeated status keeps `since`', () => {
      const next = withMedia(
        { type: 'media.stateChanged', media: 'email', status: 'ready', at: 200 },
        { type: 'media.stateChanged', media: 'email', status: 'ready', at: 900 },
      );
      expect(next.media.email?.since).toBe(200);
    });

    it('ST-9: a new reason is a new state, so `since` restarts', () => {
      const next = withMedia(
        { type: 'media.stateChanged', media: 'voice', status: 'notReady', at: 200 },
        { type: 'media.stateChanged', media: 'voice', status: 'notReady', reasonId: 'lunch', at: 900 },
      );
      expect(next.media.voice).toEqual(mediaState('voice', 'notReady', 900, { reasonId: 'lunch' }));
    });

    it('ST-5: a failure that repeats after a retry keeps the attempts made; recovery clears both error and attempts', () => {
      const failedAgain = withMedia(
        { type: 'media.stateChanged', media: 'chat', status: 'failed', error: networkError, at: 200 },
        { type: 'media.retrying', media: 'chat', attempt: 1, at: 2200 },
        { type: 'media.stateChanged', media: 'chat', status: 'failed', error: networkError, at: 2300 },
      );
      expect(failedAgain.media.chat).toEqual(mediaState('chat', 'failed', 2300, { error: networkError, attempts: 1 }));
      const recovered = reduce(failedAgain, { type: 'media.stateChanged', media: 'chat', status: 'notReady', at: 4000 });
      expect(recovered.media.chat).toEqual(mediaState('chat', 'notReady', 4000));
    });

    it('ST-5: the attempt count survives a sign-in under way (failed → signingIn → failed), so retries stay bounded', () => {
      const next = withMedia(
        { type: 'media.stateChanged', media: 'chat', status: 'failed', error: networkError, at: 200 },
        { type: 'media.retrying', media: 'chat', attempt: 2, at: 2200 },
        { type: 'media.stateChanged', media: 'chat', status: 'signingIn', at: 2210 },
        { type: 'media.stateChanged', media: 'chat', status: 'failed', error: networkError, at: 2300 },
      );
      expect(next.media.chat?.attempts).toBe(2);
    });
  });

  describe('media.retrying', () => {
    it('ST-5: marks the medium as signing in again, with the attempt number and the last failure kept', () => {
      const next = withMedia(
        { type: 'media.stateChanged', media: 'sms', status: 'failed', error: networkError, at: 200 },
        { type: 'media.retrying', media: 'sms', attempt: 2, at: 4200 },
      );
      expect(next.media.sms).toEqual(mediaState('sms', 'signingIn', 4200, { error: networkError, attempts: 2 }));
    });

    it('ST-5: is ignored for a medium the agent does not have', () => {
      expect(reduce(signedIn, { type: 'media.retrying', media: 'sms', attempt: 1, at: 200 })).toBe(signedIn);
    });
  });

  describe('tasks', () => {
    const offered: Task = { id: 'x', media: 'chat', status: 'offered', since: 200 };
    const other: Task = { id: 'y', media: 'email', status: 'active', since: 210 };

    it('TP-2: task.updated adds a new task and replaces a known one in place', () => {
      const two = withMedia({ type: 'task.updated', task: offered, at: 200 }, { type: 'task.updated', task: other, at: 210 });
      expect(two.tasks).toEqual([offered, other]);
      const accepted: Task = { ...offered, status: 'active', since: 300 };
      const next = reduce(two, { type: 'task.updated', task: accepted, at: 300 });
      expect(next.tasks).toEqual([accepted, other]);
    });

    it('TP-14: task.removed removes the task; an unknown id changes nothing', () => {
      const two = withMedia({ type: 'task.updated', task: offered, at: 200 }, { type: 'task.updated', task: other, at: 210 });
      expect(reduce(two, { type: 'task.removed', taskId: 'x', at: 400 }).tasks).toEqual([other]);
      expect(reduce(two, { type: 'task.removed', taskId: 'nope', at: 400 })).toBe(two);
    });
  });

  describe('state.synced', () => {
    const before = withMedia(
      { type: 'media.stateChanged', media: 'voice', status: 'notReady', reasonId: 'lunch', at: 200 },
      { type: 'media.stateChanged', media: 'chat', status: 'ready', at: 300 },
      { type: 'media.stateChanged', media: 'email', status: 'ready', at: 310 },
      { type: 'task.updated', task: { id: 'keep', media: 'chat', status: 'active', since: 400 }, at: 400 },
      { type: 'task.updated', task: { id: 'moved', media: 'email', status: 'active', since: 450 }, at: 450 },
      { type: 'task.updated', task: { id: 'gone', media: 'chat', status: 'offered', since: 460 }, at: 460 },
    );
    const newTenant: TenantSettings = { ...tenant, retryAttempts: 5 };
    const snapshot: ServerSnapshot = {
      profile: { ...profile, name: 'Ana Pop-Ionescu' },
      tenant: newTenant,
      session,
      // The server's clock differs from ours: unchanged things must keep our start times.
      media: [
        { media: 'voice', status: 'notReady', reasonId: 'lunch', since: 9000 },
        { media: 'chat', status: 'notReady', since: 9000 },
        { media: 'sms', status: 'ready', since: 9000 },
      ],
      tasks: [
        { id: 'keep', media: 'chat', status: 'active', since: 9000 },
        { id: 'moved', media: 'email', status: 'wrapUp', since: 9000 },
        { id: 'new', media: 'sms', status: 'offered', since: 9000 },
      ],
    };

    it('SE-4: after a reconnect, unchanged media and tasks keep their start times; changed ones take the server time', () => {
      const next = reduce(before, { type: 'state.synced', snapshot, at: 10_000 });
      expect(next.media).toEqual({
        voice: mediaState('voice', 'notReady', 200, { reasonId: 'lunch' }),
        chat: mediaState('chat', 'notReady', 9000),
        sms: mediaState('sms', 'ready', 9000),
      });
      expect(next.tasks).toEqual([
        { id: 'keep', media: 'chat', status: 'active', since: 400 },
        { id: 'moved', media: 'email', status: 'wrapUp', since: 9000 },
        { id: 'new', media: 'sms', status: 'offered', since: 9000 },
      ]);
      expect(next.session).toBe(session);
      expect(next.profile?.name).toBe('Ana Pop-Ionescu');
      expect(next.tenant).toBe(newTenant);
    });

    it('SE-4: a snapshot without a session signs the agent out locally and drops every medium', () => {
      const { session: _omitted, ...signedOutSnapshot } = snapshot;
      const next = reduce(before, { type: 'state.synced', snapshot: { ...signedOutSnapshot, tasks: [] }, at: 10_000 });
      expect(next.session).toBeUndefined();
      expect(next.media).toEqual({});
      expect(next.tasks).toEqual([]);
    });
  });

  it('the reducer is pure: no event mutates the state it is given', () => {
    const base = withMedia(
      { type: 'media.stateChanged', media: 'voice', status: 'failed', error: networkError, at: 200 },
      { type: 'media.stateChanged', media: 'chat', status: 'ready', at: 300 },
      { type: 'task.updated', task: { id: 'x', media: 'chat', status: 'active', since: 400 }, at: 400 },
      { type: 'connection.changed', status: 'connected', at: 50 },
    );
    const events: DomainEvent[] = [
      { type: 'connection.changed', status: 'lost', error: networkError, at: 500 },
      { type: 'profile.loaded', profile, tenant: { ...tenant, retryAttempts: 1 }, at: 500 },
      { type: 'session.signedIn', session: { ...session, signedInAt: 500 }, at: 500 },
      { type: 'session.signedOut', reason: networkError, at: 500 },
      { type: 'media.stateChanged', media: 'voice', status: 'failed', error: networkError, at: 500 },
      { type: 'media.stateChanged', media: 'chat', status: 'notReady', reasonId: 'break', at: 500 },
      { type: 'media.retrying', media: 'voice', attempt: 1, at: 500 },
      { type: 'task.updated', task: { id: 'x', media: 'chat', status: 'wrapUp', since: 500 }, at: 500 },
      { type: 'task.updated', task: { id: 'y', media: 'chat', status: 'offered', since: 500 }, at: 500 },
      { type: 'task.removed', taskId: 'x', at: 500 },
      {
        type: 'state.synced',
        snapshot: { profile, tenant, session, media: [{ media: 'voice', status: 'ready', since: 1 }], tasks: [] },
        at: 500,
      },
    ];
    const snapshot = JSON.stringify(base);
    deepFreeze(base);
    for (const event of events) {
      // A frozen input makes any write throw (ES modules run in strict mode).
      const next = reduce(base, event);
      expect(next, event.type).not.toBe(base);
    }
    expect(JSON.stringify(base)).toBe(snapshot);
  });
});
