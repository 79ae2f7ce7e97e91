// What the supervisor stories need beyond stories/support.ts: Camille Durand signed in as a
// supervisor on the simulator's floors (Finesse-style `supervisorFloor`, 8x8-style
// `supervisorLarge`), still variants of them for states a check must see exactly (restricted,
// empty, without monitored queues), and Ana on a call a supervisor joins (the call banner's SV-4).

import type { CcClient, SupervisorPolicy } from '@cc-elements/core';
import { SCENARIOS, type SimAdapter, type SimContactCenter, type SimScenario } from '@cc-elements/adapter-sim';
import { signedInClient, until } from './support.js';

export const CAMILLE = 'camille.durand';
export const ANA = 'ana.popescu';

/** What the supervisor stories' loaders hand to render and play. */
export interface SupervisorStoryLoaded {
  readonly client?: CcClient;
  /** The simulated contact center, for a story's play. */
  readonly engine?: SimContactCenter;
}

/** 8x8-style: queues on and off and joining calls, never the agent's own status. */
export const EIGHT_BY_EIGHT: SupervisorPolicy = { changeAgentStatus: false, changeAgentQueues: true, monitorModes: ['monitor', 'barge'] };

/** The supervisor floor (about forty agents) holding still, so a check sees what it promises; `policy` replaces Finesse-style. */
export function stillFloor(policy?: SupervisorPolicy): SimScenario {
  const base = SCENARIOS.supervisorFloor;
  return {
    ...base,
    title: 'Supervisor floor (still)',
    traffic: false,
    ...(policy ? { tenant: { ...base.tenant, supervisor: policy } } : {}),
  };
}

/** Camille supervises teams nobody is in yet. */
export const EMPTY_FLOOR: SimScenario = (() => {
  const { floor: _none, ...base } = stillFloor();
  return {
    ...base,
    title: 'Empty floor',
    agents: base.agents.filter((a) => a.id === CAMILLE),
    queues: base.queues.map((queue) => ({ ...queue, members: [], supervisors: queue.supervisors.filter((s) => s.agentId === CAMILLE) })),
  };
})();

/** Camille watches no queue (QL-7: she has not ticked any yet). */
export const NOTHING_MONITORED: SimScenario = {
  ...stillFloor(),
  title: 'Nothing monitored',
  queues: SCENARIOS.supervisorFloor.queues.map((queue) => ({
    ...queue,
    supervisors: queue.supervisors.map((s) => (s.agentId === CAMILLE ? { ...s, monitored: false } : s)),
  })),
};

export interface SupervisorOptions {
  /** Wait for the roster (a floor with agents sends one at sign-in). */
  readonly expectRoster?: boolean;
}

/** Camille signed in as a supervisor on `scenario`, her roster arrived. */
export async function supervisorClient(scenario: SimScenario, options: SupervisorOptions = {}): Promise<SupervisorStoryLoaded> {
  const { expectRoster = true } = options;
  let engine: SimContactCenter | undefined;
  const client = await signedInClient(scenario, {
    role: 'supervisor',
    station: { kind: 'desktop' },
    latencyMs: 40,
    adapt: (sim: SimAdapter) => {
      engine = sim.engine;
      return sim;
    },
  });
  if (expectRoster) await until(client, (s) => Object.keys(s.roster).length > 0, 'the roster');
  await until(client, (s) => s.queues.length > 0, 'the queues');
  return { client, ...(engine ? { engine } : {}) };
}

/** The still floor as Ana's desktop connects to it (the simulator's adapter speaks for its first agent). */
function anaFirst(): { readonly scenario: SimScenario; readonly teamId: string | undefined } {
  const scenario = stillFloor();
  const ana = scenario.agents.find((a) => a.id === ANA)!;
  return { scenario: { ...scenario, agents: [ana, ...scenario.agents.filter((a) => a !== ana)] }, teamId: ana.teams[0]?.id };
}

/** Ana signed in as an agent on the floor: no supervisor session, so the grid has nothing to show. */
export async function agentOnFloor(): Promise<SupervisorStoryLoaded> {
  const { scenario, teamId } = anaFirst();
  const client = await signedInClient(scenario, {
    role: 'agent',
    station: { kind: 'extension', extension: '1001' },
    latencyMs: 40,
    ...(teamId ? { teamId } : {}),
  });
  return { client };
}

/**
 * SV-4, the agent's side: Ana (Voice Ready) takes Sam Carter's call in Sales, and Camille joins it
 * in `mode` through the simulator — as her own desktop would have asked.
 */
export async function monitoredCall(mode: 'monitor' | 'whisper' | 'barge'): Promise<SupervisorStoryLoaded & { readonly taskId: string }> {
  const { scenario, teamId } = anaFirst();
  let engine: SimContactCenter | undefined;
  const client = await signedInClient(scenario, {
    role: 'agent',
    station: { kind: 'extension', extension: '1001' },
    latencyMs: 40,
    ...(teamId ? { teamId } : {}),
    channels: [{ target: 'voice', status: 'ready' }],
    adapt: (sim: SimAdapter) => {
      engine = sim.engine;
      return sim;
    },
  });
  const sim = engine!;
  const taskId = sim.injectCall({ queueId: 'q-sales', from: '+14155550188', customerName: 'Sam Carter' });
  await until(client, (s) => s.tasks.some((t) => t.id === taskId && t.status === 'offered'), 'the call to ring');
  await client.accept(taskId);
  await until(client, (s) => s.tasks.some((t) => t.id === taskId && t.status === 'active'), 'the call to connect');
  sim.apply(CAMILLE, { type: 'session.signIn', role: 'supervisor', station: { kind: 'desktop' } });
  sim.apply(CAMILLE, { type: 'supervisor.monitor', agentId: ANA, taskId, mode });
  await until(client, (s) => s.beingMonitored?.taskId === taskId, 'the supervisor to join');
  return { client, engine: sim, taskId };
}
