// What the call banner stories need beyond stories/support.ts: Ana signed in on the simulator with
// Voice Ready and a call put through the simulator's ACD (ringing, answered, held, consulting…),
// and — for the one state the simulator cannot reach at a precise moment — a scripted backend: an
// offer whose deadline has just passed while the server has not yet taken it back.

import { DEFAULT_TENANT, type CcClient, type CommandType, type Station } from '@cc-elements/core';
import { createTestAdapter } from '@cc-elements/core/testing';
import { createSimAdapter, SCENARIOS, type SimContactCenter, type SimScenario } from '@cc-elements/adapter-sim';
import { signedInClient, storyClient, until } from './support.js';

/** What the call banner stories' loaders hand to render and play. */
export interface CallBannerLoaded {
  readonly client?: CcClient;
  /** The simulated contact center, for a story's play. */
  readonly engine?: SimContactCenter;
  /** The call the story is about. */
  readonly taskId?: string;
}

export interface WorldOptions {
  /** How long Sales rings before RONA (the simulator's default is 15 s). */
  readonly offerTimeoutMs?: number;
  /** ST-8: a missed call makes Ana unavailable this long, then Ready again; null keeps ST-6 (Not Ready). */
  readonly missedUnavailableMs?: number | null;
  /** Commands this backend lacks: the banner hides their controls. */
  readonly without?: readonly CommandType[];
}

/** The agent-only world (Ana Popescu, member of Sales and — here — of Callbacks), without random traffic. */
export function bannerWorld(options: WorldOptions = {}): SimScenario {
  const base = SCENARIOS.agentOnly;
  const queues = base.queues.map((queue) => {
    if (queue.id === 'q-sales' && options.offerTimeoutMs !== undefined) return { ...queue, offerTimeoutMs: options.offerTimeoutMs };
    // CB-4: Ana takes IVR callbacks too.
    if (queue.id === 'q-callbacks') return { ...queue, members: [...queue.members, { agentId: 'ana.popescu', enabled: true }] };
    return queue;
  });
  const offerRules =
    options.missedUnavailableMs === undefined
      ? base.tenant.offerRules
      : { ...base.tenant.offerRules, missedUnavailableMs: options.missedUnavailableMs };
  const without = options.without ?? [];
  return {
    ...base,
    title: 'Call banner',
    traffic: false,
    queues,
    tenant: { ...base.tenant, offerRules, ...(without.includes('call.transfer') ? { transferTargets: [] } : {}) },
    ...(without.length === 0 ? {} : { unsupportedCommands: without }),
    // Nothing to consult on a backend without transfer targets.
    ...(without.includes('call.transfer') ? { consultOutcomes: {} } : {}),
  };
}

export interface CallOptions {
  readonly world?: SimScenario;
  /** Ana's station; an extension when omitted. Desktop gives the DTMF keypad (CB-3). */
  readonly station?: Station;
  /** How long a consultation rings before the target answers or declines. */
  readonly consultDelayMs?: number;
  /** A callback in Callbacks instead of a call in Sales (CB-4). */
  readonly callback?: boolean;
}

/** Sam Carter calls Sales (or asks for a callback); Ana, Voice Ready, sees it ring. */
export async function ringing(options: CallOptions = {}): Promise<Required<CallBannerLoaded>> {
  const world = options.world ?? bannerWorld();
  let engine: SimContactCenter | undefined;
  const client = await signedInClient(world, {
    station: options.station ?? { kind: 'extension', extension: '1001' },
    teamId: 'team-billing',
    latencyMs: 40,
    channels: [{ target: 'voice', status: 'ready' }],
    adapt: (sim) => {
      if (options.consultDelayMs === undefined) {
        engine = sim.engine;
        return sim;
      }
      const adapter = createSimAdapter({ scenario: world, latencyMs: 40, consultDelayMs: options.consultDelayMs });
      engine = adapter.engine;
      return adapter;
    },
  });
  const caller = { from: '+14155550188', customerName: 'Sam Carter' };
  const taskId = options.callback
    ? engine!.injectCallback({ queueId: 'q-callbacks', ...caller })
    : engine!.injectCall({ queueId: 'q-sales', ...caller });
  await until(client, (s) => s.tasks.some((t) => t.id === taskId && t.status === 'offered'), 'the call to ring');
  return { client, engine: engine!, taskId };
}

/** The call answered and connected. */
export async function connected(options: CallOptions = {}): Promise<Required<CallBannerLoaded>> {
  const loaded = await ringing(options);
  const { client, taskId } = loaded;
  await client.accept(taskId);
  await until(client, (s) => s.tasks.some((t) => t.id === taskId && t.status === 'active'), 'the call to connect');
  return loaded;
}

/** The connected call, then `step` and what the story waits for after it. */
export async function connectedThen(
  step: (client: CcClient, taskId: string) => Promise<void>,
  reached: (client: CcClient, taskId: string) => boolean,
  what: string,
  options: CallOptions = {},
): Promise<Required<CallBannerLoaded>> {
  const loaded = await connected(options);
  await step(loaded.client, loaded.taskId);
  await until(loaded.client, () => reached(loaded.client, loaded.taskId), what);
  return loaded;
}

export const taskOf = (client: CcClient, taskId: string) => client.state.tasks.find((t) => t.id === taskId);

/** The call rang, then `step` (decline, or nothing until the timeout), and its notice is up. */
export async function noticeAfter(
  kind: 'rona' | 'declined',
  step: (client: CcClient, taskId: string) => Promise<void>,
  options: CallOptions = {},
): Promise<Required<CallBannerLoaded>> {
  const loaded = await ringing(options);
  await step(loaded.client, loaded.taskId);
  await until(loaded.client, (s) => s.notices.some((n) => n.kind === kind && n.taskId === loaded.taskId), `the ${kind} notice`);
  return loaded;
}

// ---- scripted: the state the simulator cannot reach at a precise moment ------------------------

/**
 * An offer whose deadline passed a moment ago while the server has not taken it back yet: the
 * window in which a late Accept is refused by the client ("Too late"). On the simulator it lasts
 * one network round trip.
 */
export function expiredOffer(): Required<Omit<CallBannerLoaded, 'engine'>> {
  const adapter = createTestAdapter();
  // storyClient registers the client so the story runner disposes of it; the adapter is ours.
  const client = storyClient({ adapt: () => adapter });
  const { tenant, agents } = SCENARIOS.agentOnly;
  adapter.emit({ type: 'connection.changed', status: 'connected' });
  adapter.emit({ type: 'profile.loaded', profile: agents[0]!, tenant: { ...DEFAULT_TENANT, ...tenant, media: ['voice'] } });
  adapter.emit({
    type: 'session.signedIn',
    session: { role: 'agent', station: { kind: 'extension', extension: '1001' }, signedInAt: client.scheduler.now() },
  });
  adapter.emit({ type: 'media.stateChanged', media: 'voice', status: 'ready' });
  const now = client.scheduler.now();
  const taskId = 'call-late';
  adapter.emit({
    type: 'task.updated',
    task: {
      id: taskId,
      media: 'voice',
      status: 'offered',
      since: now - 15_000,
      direction: 'inbound',
      from: '+14155550188',
      customerName: 'Sam Carter',
      queueId: 'q-sales',
      queueName: 'Sales',
      offerExpiresAt: now - 1,
    },
  });
  return { client, taskId };
}
