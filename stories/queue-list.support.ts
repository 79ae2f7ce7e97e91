// What the queue-list stories need beyond stories/support.ts: Maya signed in on the simulator in
// one role with the engine at hand (to refuse, remove or inject), a world of 300 queues, a world
// with none, and — the one state the simulator cannot reach — digital queues.

import { createClient, DEFAULT_TENANT, memoryStorage, type Adapter, type CcClient, type CommandType, type Role } from '@cc-elements/core';
import { createTestAdapter } from '@cc-elements/core/testing';
import { SCENARIOS, type SimAdapter, type SimContactCenter, type SimQueue, type SimScenario } from '@cc-elements/adapter-sim';
import { signedInClient, until } from './support.js';

/** Maya Patel may sign in as Agent, Supervisor or both; in the busy-queues world she is on most queues. */
export const MAYA = 'maya.patel';

/** What the queue-list stories' loaders hand to render and play. */
export interface QueueStoryLoaded {
  readonly client?: CcClient;
  /** The simulated contact center, for a story's play (remove a queue, inject a call). */
  readonly engine?: SimContactCenter;
}

export interface QueueStoryOptions {
  /** `agent` when omitted. */
  readonly role?: Role;
  /** Commands the backend lacks (QL-5/QL-7 read-only list). */
  readonly without?: readonly CommandType[];
  /** The backend refuses the next confirmation with these words (and a trace id of its own). */
  readonly refuseConfirm?: string;
  /** Whether to wait for the queue list; a world without queues never sends one worth waiting for. */
  readonly expectQueues?: boolean;
}

/** Maya signed in on `scenario` in `role`, her queue list arrived. */
export async function queueStoryClient(
  scenario: SimScenario = SCENARIOS.busyQueues,
  options: QueueStoryOptions = {},
): Promise<QueueStoryLoaded> {
  const { role = 'agent', without = [], refuseConfirm, expectQueues = true } = options;
  let engine: SimContactCenter | undefined;
  const client = await signedInClient(scenario, {
    role,
    station: { kind: 'extension', extension: '1001' },
    ...(role === 'supervisor' ? {} : { teamId: 'team-billing' }),
    adapt: (sim: SimAdapter) => {
      engine = sim.engine;
      if (refuseConfirm !== undefined) {
        sim.engine.failNext(role === 'supervisor' ? 'queues.setMonitored' : 'queues.setEnabled', 'api', { message: refuseConfirm });
      }
      return without.length > 0 ? withoutCommands(sim, without) : sim;
    },
  });
  if (expectQueues) await until(client, (s) => s.queues.length > 0, 'the queue list');
  return { client, ...(engine ? { engine } : {}) };
}

/** The same backend, declaring fewer commands: the widget must not offer what it cannot do. */
function withoutCommands(sim: SimAdapter, types: readonly CommandType[]): Adapter {
  return {
    capabilities: { ...sim.capabilities, commands: sim.capabilities.commands.filter((c) => !types.includes(c)) },
    events$: sim.events$,
    execute: (command) => sim.execute(command),
  };
}

const AREAS = ['Sales', 'Support', 'Billing', 'Claims', 'Onboarding', 'Renewals', 'Collections', 'Returns', 'Loyalty', 'Partners'];
const REGIONS = ['North America', 'EMEA', 'APAC', 'LATAM', 'Nordics', 'DACH'];

/** A large contact center: Maya is a member of 300 voice queues, some with callers waiting. */
export const MANY_QUEUES: SimScenario = {
  ...SCENARIOS.busyQueues,
  title: 'Many queues',
  description: '300 queues, a fifth of them outbound callbacks, calls waiting in some.',
  queues: Array.from({ length: 300 }, (_, i): SimQueue => ({
    id: `q-${i}`,
    name: `${AREAS[i % AREAS.length]} ${REGIONS[Math.floor(i / AREAS.length) % REGIONS.length]} ${Math.floor(i / 60) + 1}`,
    media: 'voice',
    direction: i % 5 === 4 ? 'outbound' : 'inbound',
    members: [{ agentId: MAYA, enabled: i % 3 !== 0 }],
    supervisors: [],
    arrivalsPerHour: 0,
    waitingAtStart: i % 7 === 0 ? 1 + (i % 3) : 0,
  })),
};

/** A contact center where Maya is on no queue at all. */
export const NO_QUEUES: SimScenario = {
  ...SCENARIOS.busyQueues,
  title: 'No queues',
  description: 'Nobody is assigned to any queue yet.',
  queues: [],
};

/**
 * QL-1 digital groups: the simulator routes voice only, so this backend is scripted — a chat, an
 * SMS and an email queue beside two phone queues.
 */
export function digitalQueuesClient(): QueueStoryLoaded {
  const adapter = createTestAdapter();
  const client = createClient({ adapter, storage: memoryStorage() });
  const now = client.scheduler.now();
  adapter.emit({ type: 'connection.changed', status: 'connected' });
  adapter.emit({
    type: 'profile.loaded',
    profile: { id: MAYA, name: 'Maya Patel', roles: ['agent'], teams: [] },
    tenant: { ...DEFAULT_TENANT, media: ['voice', 'chat', 'sms', 'email'] },
  });
  adapter.emit({ type: 'session.signedIn', session: { role: 'agent', station: { kind: 'desktop' }, signedInAt: now } });
  const queue = (id: string, name: string, media: 'voice' | 'chat' | 'sms' | 'email', direction: 'inbound' | 'outbound', waiting = 0) => ({
    id,
    name,
    media,
    direction,
    enabled: true,
    busy: 1,
    waiting,
    ...(waiting > 0 ? { oldestWaitingSince: now - 35_000 } : {}),
    agentsSignedIn: 3,
  });
  adapter.emit({
    type: 'queues.loaded',
    queues: [
      queue('q-sales', 'Sales', 'voice', 'inbound', 2),
      queue('q-callbacks', 'Callbacks', 'voice', 'outbound'),
      queue('q-web-chat', 'Web chat', 'chat', 'inbound', 1),
      queue('q-sms', 'SMS support', 'sms', 'inbound'),
      queue('q-email', 'Email – orders', 'email', 'inbound', 4),
    ],
  });
  return { client };
}
