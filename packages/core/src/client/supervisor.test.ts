// The client as a supervisor uses it: the roster from the backend (loaded, changed in batches,
// removed, kept through a resync), favourites kept through reloads, and actions refused before
// anything is sent where the policy does not allow them (SV-1, SV-3, SV-4), plus the agent's side
// of monitoring.

import { describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import type { AgentProfile, AgentSession } from '../model/agent.js';
import type { RosterAgent } from '../model/supervisor.js';
import { DEFAULT_TENANT, type TenantSettings } from '../model/tenant.js';
import { FAVOURITES_KEY } from '../session/favourites.js';
import { memoryStorage } from '../session/storage.js';
import { createTestAdapter } from '../testing.js';
import { createClient } from './client.js';
import { rejection, virtualTime } from './client.test-support.js';

const profile: AgentProfile = { id: 'sup', name: 'Camille', roles: ['supervisor'], teams: [{ id: 't1', name: 'Support' }] };
const session: AgentSession = { role: 'supervisor', station: { kind: 'desktop' }, teamId: 't1', signedInAt: 0 };
const tenant = (supervisor: TenantSettings['supervisor']): TenantSettings => ({
  ...DEFAULT_TENANT,
  notReadyReasons: [{ id: 'lunch', label: 'Lunch' }],
  supervisor,
});
const OPEN = { changeAgentStatus: true, changeAgentQueues: true, monitorModes: ['monitor', 'barge'] } as const;

const agent = (id: string, over: Partial<RosterAgent> = {}): RosterAgent => ({
  id,
  name: `Agent ${id}`,
  status: 'ready',
  since: 0,
  channels: { voice: 'ready' },
  interactions: [],
  queues: [{ queueId: 'q1', enabled: true }],
  ...over,
});

function setup(policy: TenantSettings['supervisor'] = OPEN, storage = memoryStorage()) {
  const time = virtualTime();
  const adapter = createTestAdapter();
  const client = createClient({ adapter, scheduler: time.scheduler, storage });
  adapter.emit({ type: 'connection.changed', status: 'connected' });
  adapter.emit({ type: 'profile.loaded', profile, tenant: tenant(policy) });
  adapter.emit({ type: 'session.signedIn', session });
  return { ...time, adapter, client, storage };
}

describe('supervisor (SV)', () => {
  it('SV-1: the roster loads, changes in batches, loses agents, survives a resync and clears on sign-out', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'roster.loaded', agents: [agent('a1'), agent('a2')] });
    adapter.emit({ type: 'roster.changed', agents: [agent('a1', { status: 'notReady', reasonId: 'lunch', since: 5 }), agent('a3')] });
    adapter.emit({ type: 'roster.removed', agentIds: ['a2'] });
    const roster = await firstValueFrom(client.roster$);
    expect(roster.map((a) => [a.id, a.status])).toEqual([
      ['a1', 'notReady'],
      ['a3', 'ready'],
    ]);
    adapter.emit({ type: 'state.synced', snapshot: { profile, tenant: tenant(OPEN), session, media: [], tasks: [] } });
    expect(Object.keys(client.state.roster)).toEqual(['a1', 'a3']);
    adapter.emit({ type: 'session.signedOut' });
    expect(client.state.roster).toEqual({});
  });

  it('SV-1: favourites are kept in storage and come back in a new client', async () => {
    const storage = memoryStorage();
    const first = setup(OPEN, storage);
    await first.client.toggleFavourite('a2');
    await first.client.toggleFavourite('a1');
    await first.client.toggleFavourite('a2');
    expect(await storage.get(FAVOURITES_KEY)).toBe('["a1"]');
    const second = setup(OPEN, storage);
    await second.advance(0);
    expect([...(await firstValueFrom(second.client.favourites$))]).toEqual(['a1']);
  });

  it('SV-3: with a Finesse-style policy the supervisor moves an agent Not Ready with a reason and turns a queue off', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'roster.loaded', agents: [agent('a1')] });
    await client.setAgentStatus('a1', 'notReady', 'lunch');
    await client.setAgentQueue('a1', 'q1', false);
    expect(adapter.commands).toEqual([
      { type: 'supervisor.setAgentStatus', agentId: 'a1', status: 'notReady', reasonId: 'lunch' },
      { type: 'supervisor.setAgentQueue', agentId: 'a1', queueId: 'q1', enabled: false },
    ]);
  });

  it('SV-3: an 8x8-style supervisor is refused before anything is sent, with the reason', async () => {
    const { client, adapter } = setup({ changeAgentStatus: false, changeAgentQueues: false, monitorModes: [] });
    adapter.emit({ type: 'roster.loaded', agents: [agent('a1')] });
    expect(await rejection(client.setAgentStatus('a1', 'notReady'))).toMatchObject({
      code: 'command.notAllowed',
      message: 'This contact center does not let supervisors change an agent’s status.',
    });
    expect((await rejection(client.setAgentQueue('a1', 'q1', false))).code).toBe('command.notAllowed');
    expect((await rejection(client.setAgentStatus('nobody', 'ready'))).message).toBe('"nobody" is not one of your agents.');
    expect(adapter.commands).toEqual([]);
  });

  it('SV-4: a connected call can be joined in the supported modes only; the agent hears of it where the backend says', async () => {
    const { client, adapter } = setup();
    adapter.emit({
      type: 'roster.loaded',
      agents: [agent('a1', { status: 'busy', interactions: [{ id: 'c1', media: 'voice', status: 'active', since: 0 }] })],
    });
    expect((await rejection(client.monitor('a1', 'c1', 'whisper'))).message).toBe(
      'This contact center does not allow that kind of monitoring.',
    );
    expect((await rejection(client.monitor('a1', 'c9', 'monitor'))).message).toBe('That call cannot be monitored now.');
    await client.monitor('a1', 'c1', 'barge');
    expect(adapter.commands).toEqual([{ type: 'supervisor.monitor', agentId: 'a1', taskId: 'c1', mode: 'barge' }]);
    adapter.emit({ type: 'monitoring.changed', monitoring: { taskId: 'c1', mode: 'monitor', by: 'Camille' } });
    expect(await firstValueFrom(client.beingMonitored$)).toEqual({ taskId: 'c1', mode: 'monitor', by: 'Camille' });
    adapter.emit({ type: 'monitoring.changed', monitoring: undefined });
    expect(client.state.beingMonitored).toBeUndefined();
  });
});
