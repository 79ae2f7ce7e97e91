// What the wrap-up picker stories need beyond stories/support.ts: Ana signed in on the simulator
// with a call she answered and hung up (so it is in wrap-up, or closed when wrap-up is off), and
// — for the two states the simulator cannot reach within a story's set-up — a scripted backend:
// a wrap-up that already reached zero, and a call and a chat in wrap-up together.

import { DEFAULT_TENANT, type CcClient, type ReasonCode, type Task, type WrapUpSettings } from '@cc-elements/core';
import { createTestAdapter } from '@cc-elements/core/testing';
import { SCENARIOS, type SimContactCenter, type SimScenario } from '@cc-elements/adapter-sim';
import { signedInClient, storyClient, until } from './support.js';

/** What the wrap-up stories' loaders hand to render and play. */
export interface WrapUpStoryLoaded {
  readonly client?: CcClient;
  /** The simulated contact center, for a story's play. */
  readonly engine?: SimContactCenter;
}

/** The agent-only world (Ana Popescu, member of Sales), its wrap-up set as a story needs. */
export function wrapUpWorld(wrapUp: WrapUpSettings, wrapUpReasons?: readonly ReasonCode[]): SimScenario {
  const base = SCENARIOS.agentOnly;
  return {
    ...base,
    title: `Wrap-up ${wrapUp.mode}, ${wrapUp.timeoutSec} s`,
    tenant: { ...base.tenant, wrapUp, ...(wrapUpReasons ? { wrapUpReasons } : {}) },
  };
}

/** A long list, as a contact center that files calls by product and outcome has. */
export const MANY_REASONS: readonly ReasonCode[] = [
  'Billing',
  'Cards',
  'Loans',
  'Mortgages',
  'Savings',
  'Insurance',
  'Online banking',
].flatMap((product) =>
  ['question answered', 'complaint logged', 'follow-up needed', 'sale made', 'transferred'].map((outcome) => ({
    id: `${product.toLowerCase().replace(/\s+/g, '-')}-${outcome.replace(/\s+/g, '-')}`,
    label: `${product} – ${outcome}`,
  })),
);

export interface EndedCallOptions {
  /** A reason chosen before the story renders. */
  readonly chosen?: string;
  /** The server refuses the next Close with these words (and a trace id of its own). */
  readonly refuseClose?: string;
}

/**
 * Ana signed in with voice Ready; Sam Carter calls Sales, Ana answers and hangs up. The call is
 * then in wrap-up — or closed already when the world's wrap-up is off (WU-1).
 */
export async function endedCall(scenario: SimScenario, options: EndedCallOptions = {}): Promise<WrapUpStoryLoaded> {
  let engine: SimContactCenter | undefined;
  const client = await signedInClient(scenario, {
    station: { kind: 'extension', extension: '1001' },
    teamId: 'team-billing',
    latencyMs: 40,
    channels: [{ target: 'voice', status: 'ready' }],
    adapt: (sim) => {
      engine = sim.engine;
      if (options.refuseClose !== undefined) sim.engine.failNext('task.close', 'api', { message: options.refuseClose });
    },
  });
  engine!.injectCall({ queueId: 'q-sales', from: '+14155550188', customerName: 'Sam Carter' });
  const ringing = await until(client, (s) => s.tasks.some((t) => t.status === 'offered'), 'the call to ring');
  const taskId = ringing.tasks.find((t) => t.status === 'offered')!.id;
  await client.accept(taskId);
  await until(client, (s) => s.tasks.some((t) => t.id === taskId && t.status === 'active'), 'the call to connect');
  await client.end(taskId);
  await until(client, (s) => !s.tasks.some((t) => t.id === taskId && t.status === 'active'), 'the call to end');
  if (options.chosen !== undefined) await client.chooseWrapUpReason(taskId, options.chosen);
  return { client, engine: engine! };
}

// ---- scripted: states the simulator cannot reach within a story's set-up --------------------

/** A client on a scripted backend with the simulator's tenant, signed in with voice and chat Ready; it closes what it is asked to. */
function scriptedClient() {
  const adapter = createTestAdapter();
  // storyClient registers the client so the story runner disposes of it; the adapter is ours.
  const client = storyClient({ adapt: () => adapter });
  const { tenant, agents } = SCENARIOS.agentOnly;
  const profile = agents[0]!;
  adapter.emit({ type: 'connection.changed', status: 'connected' });
  adapter.emit({ type: 'profile.loaded', profile, tenant: { ...DEFAULT_TENANT, ...tenant, media: ['voice', 'chat'] } });
  adapter.emit({
    type: 'session.signedIn',
    session: { role: 'agent', station: { kind: 'extension', extension: '1001' }, signedInAt: client.scheduler.now() },
  });
  for (const media of ['voice', 'chat'] as const) adapter.emit({ type: 'media.stateChanged', media, status: 'ready' });
  adapter.respond((command) => {
    if (command.type === 'task.close') adapter.emit({ type: 'task.removed', taskId: command.taskId, reason: 'closed' });
  });
  return { client, adapter };
}

const ENDED_CALL = {
  media: 'voice',
  status: 'wrapUp',
  direction: 'inbound',
  from: '+14155550188',
  customerName: 'Sam Carter',
  queueId: 'q-sales',
  queueName: 'Sales',
} as const;

/** How long the auto-closed story's wrap-up runs before it reaches zero on screen. */
export const AUTO_CLOSE_MS = 1000;

/**
 * WU-2: a wrap-up with "Follow-up needed" chosen and one second left: it reaches zero on screen
 * and the core closes it by itself. On the simulator the shortest timeout is 5 s of real time.
 */
export async function autoClosing(): Promise<WrapUpStoryLoaded> {
  const { client, adapter } = scriptedClient();
  const now = client.scheduler.now();
  adapter.emit({
    type: 'task.updated',
    task: { ...ENDED_CALL, id: 'call-7', since: now, wrapUp: { forced: true, expiresAt: now + AUTO_CLOSE_MS } },
  });
  await client.chooseWrapUpReason('call-7', 'follow-up');
  return { client };
}

/** A call and a chat in wrap-up at once: the simulator routes voice only, one call at a time. */
export async function severalTasks(): Promise<WrapUpStoryLoaded> {
  const { client, adapter } = scriptedClient();
  const now = client.scheduler.now();
  const call: Task = { ...ENDED_CALL, id: 'call-8', since: now, wrapUp: { forced: true, expiresAt: now + 60_000 } };
  const chat: Task = {
    id: 'chat-3',
    media: 'chat',
    status: 'wrapUp',
    since: now,
    from: 'lena.fischer@example.com',
    customerName: 'Lena Fischer',
    queueId: 'q-web-chat',
    queueName: 'Web chat',
    wrapUp: { forced: true, expiresAt: now + 45_000 },
  };
  adapter.emit({ type: 'task.updated', task: call });
  adapter.emit({ type: 'task.updated', task: chat });
  await client.chooseWrapUpReason('chat-3', 'resolved');
  return { client };
}
