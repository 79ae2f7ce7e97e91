import { throwError, VirtualTimeScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../adapter.js';
import { CcError } from '../errors.js';
import type { AgentProfile, AgentSession } from '../model/agent.js';
import type { ErrorInfo, Media, MediaStatus } from '../model/channel.js';
import { DEFAULT_TENANT, type TenantSettings } from '../model/tenant.js';
import { REMEMBERED_STATION_KEY, type RememberedStation } from '../session/remembered-station.js';
import { memoryStorage, type StoragePort } from '../session/storage.js';
import { createTestAdapter } from '../testing.js';
import { createClient } from './client.js';
import { rejection, track, virtualTime } from './client.test-support.js';
import type { Command } from './commands.js';

const profile: AgentProfile = { id: 'a1', name: 'Ana Pop', roles: ['agent'], teams: [{ id: 'sales', name: 'Sales' }] };
const tenant: TenantSettings = {
  ...DEFAULT_TENANT,
  notReadyReasons: [
    { id: 'lunch', label: 'Lunch' },
    { id: 'break', label: 'Break' },
  ],
  retryAttempts: 3,
  retryDelayMs: 1000,
};
const session: AgentSession = { role: 'agent', station: { kind: 'dialNumber', number: '+12015550123' }, signedInAt: 0 };
const networkInfo: ErrorInfo = { code: 'network', message: 'The server could not be reached.' };

interface SetupOptions {
  readonly capabilities?: Partial<Capabilities>;
  readonly tenant?: TenantSettings;
  readonly profile?: AgentProfile;
  readonly storage?: StoragePort;
  /** Media and their statuses after sign-in; omit to stay signed out. */
  readonly media?: Partial<Record<Media, MediaStatus | readonly [MediaStatus, string]>>;
}

function setup(options: SetupOptions = {}) {
  const time = virtualTime();
  const adapter = createTestAdapter(options.capabilities);
  const storage = options.storage ?? memoryStorage();
  const client = createClient({ adapter, scheduler: time.scheduler, storage });
  adapter.emit({ type: 'connection.changed', status: 'connected' });
  adapter.emit({ type: 'profile.loaded', profile: options.profile ?? profile, tenant: options.tenant ?? tenant });
  if (options.media) {
    adapter.emit({ type: 'session.signedIn', session });
    for (const [media, spec] of Object.entries(options.media) as [Media, MediaStatus | readonly [MediaStatus, string]][]) {
      if (typeof spec === 'string') adapter.emit({ type: 'media.stateChanged', media, status: spec });
      else adapter.emit({ type: 'media.stateChanged', media, status: spec[0], reasonId: spec[1] });
    }
  }
  return { ...time, adapter, client, storage };
}

const allNotReady = { voice: 'notReady', chat: 'notReady', sms: 'notReady', social: 'notReady', email: 'notReady' } as const;

describe('createClient', () => {
  it('SE-2: connects at once, and stamps backend events with scheduler time', async () => {
    const { client, adapter, advance } = setup();
    expect(adapter.subscribed).toBe(true);
    await advance(1500);
    adapter.emit({ type: 'connection.changed', status: 'lost', error: networkInfo });
    expect(client.state.connection).toEqual({ status: 'lost', since: 1500, error: networkInfo });
    client.dispose();
    expect(adapter.subscribed).toBe(false);
  });

  it('SE-2: a broken event stream becomes a failed connection with a readable reason', () => {
    const broken = {
      ...createTestAdapter(),
      events$: throwError(() => new CcError('network', 'The WebSocket closed.', { traceId: 'ws-1' })),
    };
    const client = createClient({ adapter: broken, scheduler: new VirtualTimeScheduler() });
    expect(client.state.connection).toEqual({
      status: 'failed',
      since: 0,
      error: { code: 'network', message: 'The WebSocket closed.', traceId: 'ws-1' },
    });
  });

  it('SE-4: while the connection is lost nothing is sent; once it is back commands go again', async () => {
    const { client, adapter, advance } = setup({ media: { voice: 'notReady' } });
    adapter.emit({ type: 'connection.changed', status: 'lost', error: networkInfo });
    // A state change is retried like any network failure (ST-5), and each retry is held back too.
    const refused = rejection(client.setChannelState('voice', 'ready'));
    await advance(5_000);
    expect(await refused).toMatchObject({
      code: 'network',
      message: 'The connection to the contact center is lost; reconnecting. Try again in a moment.',
    });
    expect(adapter.commands).toEqual([]);
    adapter.emit({ type: 'connection.changed', status: 'connected' });
    await client.setChannelState('voice', 'ready');
    expect(adapter.commands).toEqual([{ type: 'media.setState', media: ['voice'], status: 'ready' }]);
  });

  describe('capabilities', () => {
    it('PL-1: a command the backend does not declare is reported as unsupported and never sent', async () => {
      const { client, adapter } = setup({ capabilities: { commands: ['session.signIn', 'media.setState'] } });
      expect(client.can('media.setState')).toBe(true);
      expect(client.can('session.signOut')).toBe(false);
      expect(client.can('media.signIn')).toBe(false);
      const error = await rejection(client.execute({ type: 'media.signIn', media: 'voice' }));
      expect(error.code).toBe('command.unsupported');
      expect(adapter.commands).toEqual([]);
    });

    it('SL-11: signOut on a backend without sign-out is refused as unsupported, nothing sent', async () => {
      const { client, adapter } = setup({ capabilities: { commands: ['session.signIn', 'media.setState'] }, media: allNotReady });
      expect((await rejection(client.signOut())).code).toBe('command.unsupported');
      expect(adapter.commands).toEqual([]);
    });
  });

  describe('signIn', () => {
    const remember: RememberedStation = {
      role: 'agent',
      stationKind: 'dialNumber',
      international: true,
      country: 'US',
      dialNumber: '2015550123',
      teamId: 'sales',
    };

    it('SL-1: a role the profile lacks is refused before anything is sent', async () => {
      const { client, adapter, storage } = setup();
      const error = await rejection(client.signIn({ role: 'supervisor', station: { kind: 'desktop' }, remember }));
      expect(error.code).toBe('profile.forbidden');
      expect(adapter.commands).toEqual([]);
      expect(await storage.get(REMEMBERED_STATION_KEY)).toBeUndefined();
    });

    it('SL-4: a dial number not in E.164 form is refused before anything is sent', async () => {
      const { client, adapter } = setup();
      const error = await rejection(
        client.signIn({ role: 'agent', station: { kind: 'dialNumber', number: '2015550123' }, teamId: 'sales' }),
      );
      expect(error.code).toBe('dialNumber.invalid');
      expect(adapter.commands).toEqual([]);
    });

    it('SL-6: an extension that is not digits is refused before anything is sent', async () => {
      const { client, adapter } = setup();
      const error = await rejection(client.signIn({ role: 'agent', station: { kind: 'extension', extension: '40a1' }, teamId: 'sales' }));
      expect(error.code).toBe('extension.invalid');
      expect(adapter.commands).toEqual([]);
    });

    it('SL-2: a station kind the tenant does not allow is refused before anything is sent', async () => {
      const { client, adapter } = setup({ tenant: { ...tenant, stationKinds: ['dialNumber', 'extension'] } });
      const error = await rejection(client.signIn({ role: 'agent', station: { kind: 'desktop' }, teamId: 'sales' }));
      expect(error.code).toBe('command.notAllowed');
      expect(adapter.commands).toEqual([]);
    });

    it('SL-9: leaving remember out keeps what was saved', async () => {
      const storage = memoryStorage({ [REMEMBERED_STATION_KEY]: JSON.stringify(remember) });
      const { client } = setup({ storage });
      const result = await client.signIn({ role: 'agent', station: { kind: 'extension', extension: '4021' }, teamId: 'sales' });
      expect(result.remembered).toBe('unchanged');
      expect(JSON.parse((await storage.get(REMEMBERED_STATION_KEY))!)).toEqual(remember);
    });

    it('SL-10: sends the role, station and team as one command', async () => {
      const { client, adapter } = setup();
      await client.signIn({ role: 'agent', station: { kind: 'extension', extension: '4021' }, teamId: 'sales', remember: false });
      expect(adapter.commands).toEqual([
        { type: 'session.signIn', role: 'agent', station: { kind: 'extension', extension: '4021' }, teamId: 'sales' },
      ]);
    });

    it('SL-9: "remember" saves the station details — and never a password or token', async () => {
      const { client, storage } = setup();
      // A host may hand over more than the station details; none of it may reach storage.
      const withSecrets = { ...remember, password: 'hunter2', token: 'eyJhbGciOi', sipPassword: 's3cret' } as RememberedStation;
      const result = await client.signIn({
        role: 'agent',
        station: { kind: 'dialNumber', number: '+12015550123' },
        teamId: 'sales',
        remember: withSecrets,
      });
      expect(result).toEqual({ remembered: 'saved' });
      const stored = await storage.get(REMEMBERED_STATION_KEY);
      expect(stored).toBeDefined();
      expect(JSON.parse(stored!)).toEqual(remember);
      expect(stored).not.toMatch(/hunter2|eyJhbGciOi|s3cret|password|token/i);
      expect(await client.rememberedStation()).toEqual(remember);
    });

    it('SL-9: remember: false forgets what was saved', async () => {
      const storage = memoryStorage({ [REMEMBERED_STATION_KEY]: JSON.stringify(remember) });
      const { client } = setup({ storage });
      expect(await client.rememberedStation()).toEqual(remember);
      const result = await client.signIn({ role: 'agent', station: { kind: 'desktop' }, teamId: 'sales', remember: false });
      expect(result).toEqual({ remembered: 'forgotten' });
      expect(storage.entries.has(REMEMBERED_STATION_KEY)).toBe(false);
      expect(await client.rememberedStation()).toBeUndefined();
    });

    it('SL-9: when saving fails the agent is still signed in and told the details were not saved', async () => {
      const quota: StoragePort = {
        get: async () => undefined,
        set: async () => {
          throw new Error('QuotaExceededError');
        },
        remove: async () => {},
      };
      const { client, adapter } = setup({ storage: quota });
      const result = await client.signIn({ role: 'agent', station: { kind: 'desktop' }, teamId: 'sales', remember });
      expect(result).toEqual({ remembered: 'failed' });
      expect(adapter.commands.map((c) => c.type)).toEqual(['session.signIn']);
    });

    it('SL-10: a refused sign-in rejects with the backend code, message and trace id, and remembers nothing', async () => {
      const { client, adapter, storage } = setup();
      adapter.respond(() => {
        throw { code: 'dialNumber.notUnique', message: 'The number +12015550123 is used by Bob.', traceId: 'trc-42' };
      });
      const error = await rejection(
        client.signIn({ role: 'agent', station: { kind: 'dialNumber', number: '+12015550123' }, teamId: 'sales', remember }),
      );
      expect(error).toMatchObject({ code: 'dialNumber.notUnique', message: 'The number +12015550123 is used by Bob.', traceId: 'trc-42' });
      expect(error.toInfo()).toEqual({
        code: 'dialNumber.notUnique',
        message: 'The number +12015550123 is used by Bob.',
        traceId: 'trc-42',
      });
      expect(await storage.get(REMEMBERED_STATION_KEY)).toBeUndefined();
    });

    it('SL-10: an adapter that throws a plain Error gives an "api" CcError with its message', async () => {
      const { client, adapter } = setup();
      adapter.respond(() => Promise.reject(new Error('HTTP 500 from /agents/login')));
      const error = await rejection(client.signIn({ role: 'agent', station: { kind: 'desktop' }, teamId: 'sales' }));
      expect(error.code).toBe('api');
      expect(error.message).toBe('HTTP 500 from /agents/login');
      expect(error.traceId).toBeUndefined();
    });

    it('SL-10: a backend code the core does not know keeps its readable message and trace id', async () => {
      const { client, adapter } = setup();
      adapter.respond(() => {
        throw { code: 'LICENSE_EXHAUSTED', message: 'No agent licence is free.', traceId: 'trc-7' };
      });
      const error = await rejection(client.signIn({ role: 'agent', station: { kind: 'desktop' }, teamId: 'sales' }));
      expect(error).toMatchObject({ code: 'api', message: 'No agent licence is free.', traceId: 'trc-7' });
    });
  });

  describe('signOut', () => {
    it('SL-11: refused with a readable message while a channel is Ready, nothing sent', async () => {
      const { client, adapter } = setup({ media: { ...allNotReady, chat: 'ready' } });
      const error = await rejection(client.signOut());
      expect(error.code).toBe('command.notAllowed');
      expect(error.message).toBe('Set every channel to Not Ready first.');
      expect(adapter.commands).toEqual([]);
    });

    it('SL-11: the message names every blocker', async () => {
      const { client, adapter } = setup({ media: { ...allNotReady, voice: 'ready' } });
      adapter.emit({ type: 'task.updated', task: { id: 'c1', media: 'chat', status: 'active', since: 0 } });
      adapter.emit({ type: 'task.updated', task: { id: 'e1', media: 'email', status: 'wrapUp', since: 0 } });
      const error = await rejection(client.signOut());
      expect(error.message).toBe(
        'Set every channel to Not Ready first. Finish your active conversations first. Finish your wrap-up first.',
      );
    });

    it('SL-11: refused when not signed in', async () => {
      const { client, adapter } = setup();
      expect((await rejection(client.signOut())).message).toBe('You are not signed in.');
      expect(adapter.commands).toEqual([]);
    });

    it('SL-11: sent when every channel is Not Ready and no work is open', async () => {
      const { client, adapter } = setup({ media: allNotReady });
      await client.signOut();
      expect(adapter.commands).toEqual([{ type: 'session.signOut' }]);
    });
  });

  describe('setChannelState', () => {
    it('ST-1: sends only the media that change', async () => {
      const { client, adapter } = setup({ media: { ...allNotReady, chat: 'ready' } });
      await client.setChannelState('all', 'ready');
      expect(adapter.commands).toEqual([{ type: 'media.setState', media: ['voice', 'sms', 'social', 'email'], status: 'ready' }]);
    });

    it('ST-4: with Lunch set everywhere, All → Not Ready sends nothing and resolves', async () => {
      const lunch = ['notReady', 'lunch'] as const;
      const { client, adapter } = setup({ media: { voice: lunch, chat: lunch, sms: lunch, social: lunch, email: lunch } });
      await client.setChannelState('all', 'notReady');
      expect(adapter.commands).toEqual([]);
    });

    it('ST-4: after All → Not Ready, Lunch on a group is sent with its reason', async () => {
      const { client, adapter } = setup({ media: allNotReady });
      await client.setChannelState('chatSocial', 'notReady', 'lunch');
      expect(adapter.commands).toEqual([
        { type: 'media.setState', media: ['chat', 'sms', 'social'], status: 'notReady', reasonId: 'lunch' },
      ]);
    });

    it('ST-3: a reason the backend does not list is refused, nothing sent', async () => {
      const { client, adapter } = setup({ media: allNotReady });
      const error = await rejection(client.setChannelState('voice', 'notReady', 'nap'));
      expect(error.code).toBe('command.notAllowed');
      expect(adapter.commands).toEqual([]);
    });

    it('ST-3: "All" takes no specific reason (seed 002), nothing sent', async () => {
      const { client, adapter } = setup({ media: allNotReady });
      const error = await rejection(client.setChannelState('all', 'notReady', 'lunch'));
      expect(error.code).toBe('command.notAllowed');
      expect(adapter.commands).toEqual([]);
    });

    it('ST-1: refused before sign-in', async () => {
      const { client, adapter } = setup();
      expect((await rejection(client.setChannelState('all', 'ready'))).code).toBe('session.required');
      expect(adapter.commands).toEqual([]);
    });

    it('ST-5: a state change that hits a network error is retried after retryDelayMs until it goes through', async () => {
      const { client, adapter, advance } = setup({ media: allNotReady });
      let failures = 2;
      adapter.respond(() => {
        if (failures-- > 0) throw new CcError('network');
      });
      const outcome = track(client.setChannelState('voice', 'ready'));
      await advance(999);
      expect(adapter.commands).toHaveLength(1);
      expect(outcome.settled).toBe(false);
      await advance(1);
      expect(adapter.commands).toHaveLength(2);
      await advance(1000);
      expect(adapter.commands).toHaveLength(3);
      expect(outcome).toEqual({ settled: true, value: undefined });
      const sent: Command = { type: 'media.setState', media: ['voice'], status: 'ready' };
      expect(adapter.commands).toEqual([sent, sent, sent]);
    });

    it('ST-5: after retryAttempts retries the network error reaches the caller', async () => {
      const { client, adapter, advance } = setup({ media: allNotReady });
      adapter.respond(() => Promise.reject({ code: 'network', message: 'Offline', traceId: 'trc-1' }));
      const outcome = track(client.setChannelState('email', 'ready'));
      await advance(60_000);
      expect(adapter.commands).toHaveLength(1 + tenant.retryAttempts);
      expect(outcome.error).toBeInstanceOf(CcError);
      expect(outcome.error).toMatchObject({ code: 'network', traceId: 'trc-1' });
    });

    it('ST-5: an error not worth retrying reaches the caller at once', async () => {
      const { client, adapter, advance } = setup({ media: allNotReady });
      adapter.respond(() => Promise.reject({ code: 'profile.forbidden', message: 'Not allowed for your profile.' }));
      const outcome = track(client.setChannelState('email', 'ready'));
      await advance(0);
      expect(outcome.error).toMatchObject({ code: 'profile.forbidden', message: 'Not allowed for your profile.' });
      await advance(60_000);
      expect(adapter.commands).toHaveLength(1);
    });
  });

  describe('automatic sign-in retries of a failed medium', () => {
    const signIns = (commands: readonly Command[]) => commands.filter((c) => c.type === 'media.signIn');

    it.each(['network', 'station.unavailable'] as const)(
      'ST-5: a medium failed with %s is signed in again after retryDelayMs, up to retryAttempts',
      async (code) => {
        const { client, adapter, advance } = setup({ media: allNotReady });
        adapter.respond((command) => {
          if (command.type === 'media.signIn') throw new CcError(code);
        });
        adapter.emit({ type: 'media.stateChanged', media: 'chat', status: 'failed', error: { code, message: 'down' } });
        await advance(999);
        expect(signIns(adapter.commands)).toEqual([]);
        await advance(1);
        expect(signIns(adapter.commands)).toEqual([{ type: 'media.signIn', media: 'chat' }]);
        expect(client.state.media.chat).toMatchObject({ status: 'failed', attempts: 1, error: { code } });
        await advance(1000);
        expect(signIns(adapter.commands)).toHaveLength(2);
        await advance(60_000);
        expect(signIns(adapter.commands)).toHaveLength(tenant.retryAttempts);
        expect(client.state.media.chat).toMatchObject({ status: 'failed', attempts: tenant.retryAttempts });
      },
    );

    it('ST-5: retries stop as soon as the medium recovers', async () => {
      const { client, adapter, advance } = setup({ media: allNotReady });
      adapter.respond((command) => {
        if (command.type === 'media.signIn') adapter.emit({ type: 'media.stateChanged', media: command.media, status: 'notReady' });
      });
      adapter.emit({ type: 'media.stateChanged', media: 'voice', status: 'failed', error: networkInfo });
      await advance(60_000);
      expect(signIns(adapter.commands)).toEqual([{ type: 'media.signIn', media: 'voice' }]);
      expect(client.state.media.voice).toEqual({ media: 'voice', status: 'notReady', since: 1000 });
    });

    it('ST-5: retries stay bounded when the backend reports each attempt as signing in, then failed again', async () => {
      const { adapter, advance } = setup({ media: allNotReady });
      adapter.respond((command) => {
        if (command.type !== 'media.signIn') return;
        adapter.emit({ type: 'media.stateChanged', media: command.media, status: 'signingIn' });
        adapter.emit({ type: 'media.stateChanged', media: command.media, status: 'failed', error: networkInfo });
      });
      adapter.emit({ type: 'media.stateChanged', media: 'sms', status: 'failed', error: networkInfo });
      await advance(60_000);
      expect(signIns(adapter.commands)).toHaveLength(tenant.retryAttempts);
    });

    it('ST-5: an error not worth retrying is not retried', async () => {
      const { adapter, advance } = setup({ media: allNotReady });
      adapter.emit({
        type: 'media.stateChanged',
        media: 'voice',
        status: 'failed',
        error: { code: 'dialNumber.notRegistered', message: 'Not registered.' },
      });
      await advance(60_000);
      expect(signIns(adapter.commands)).toEqual([]);
    });

    it('ST-5: signing out cancels a pending retry', async () => {
      const { adapter, advance } = setup({ media: allNotReady });
      adapter.emit({ type: 'media.stateChanged', media: 'voice', status: 'failed', error: networkInfo });
      await advance(500);
      adapter.emit({ type: 'session.signedOut' });
      await advance(60_000);
      expect(signIns(adapter.commands)).toEqual([]);
    });

    it('ST-5: a backend that cannot sign a medium in again keeps the original failure reason', async () => {
      const { client, adapter, advance } = setup({
        capabilities: { commands: ['session.signIn', 'session.signOut', 'media.setState'] },
        media: allNotReady,
      });
      adapter.emit({ type: 'media.stateChanged', media: 'voice', status: 'failed', error: networkInfo });
      await advance(60_000);
      expect(client.state.media.voice?.error).toEqual(networkInfo);
      expect(adapter.commands).toEqual([]);
    });
  });

  describe('derived streams', () => {
    it('ST-5: indicator$ follows the media', async () => {
      const { client, adapter } = setup({ media: allNotReady });
      const seen: string[] = [];
      const subscription = client.indicator$.subscribe((s) => seen.push(s));
      adapter.emit({ type: 'media.stateChanged', media: 'voice', status: 'ready' });
      for (const media of ['chat', 'sms', 'social', 'email'] as const) adapter.emit({ type: 'media.stateChanged', media, status: 'ready' });
      adapter.emit({ type: 'session.signedOut' });
      subscription.unsubscribe();
      expect(seen).toEqual(['allNotReady', 'partial', 'allReady', 'signedOut']);
    });

    it('ST-3: stateMenu$ drops the state and the reason a group is in, and changes only when they do', () => {
      const { client, adapter } = setup({ media: allNotReady });
      const menus: string[][] = [];
      const subscription = client.stateMenu$('voice').subscribe((m) => menus.push(m.map((r) => r.reasonId ?? r.status)));
      adapter.emit({ type: 'media.stateChanged', media: 'voice', status: 'notReady', reasonId: 'lunch' });
      adapter.emit({ type: 'media.stateChanged', media: 'chat', status: 'ready' });
      subscription.unsubscribe();
      expect(menus).toEqual([
        ['ready', 'lunch', 'break'],
        ['ready', 'notReady', 'break'],
      ]);
    });

    it('ST-9: timeInState$ ticks each second and restarts with a new state', async () => {
      const { client, adapter, advance } = setup({ media: allNotReady });
      const seen: (number | undefined)[] = [];
      const subscription = client.timeInState$('email').subscribe((ms) => seen.push(ms));
      await advance(2000);
      adapter.emit({ type: 'media.stateChanged', media: 'email', status: 'ready' });
      await advance(1000);
      subscription.unsubscribe();
      expect(seen).toEqual([0, 1000, 2000, 0, 1000]);
    });
  });
});
