// The built-in scenarios are what the demo and stories show, so each must be self-consistent and
// must show what its name promises when its first agent signs in.

import { describe, expect, it } from 'vitest';
import { VirtualTimeScheduler } from 'rxjs';
import { MEDIA, STATION_KINDS, type Command, type Station } from '@cc-elements/core';
import { SimContactCenter } from './engine.js';
import {
  isValidWrapUpTimeout,
  resolveScenario,
  SCENARIO_NAMES,
  SCENARIOS,
  validateScenario,
  type ScenarioName,
  type SimScenario,
} from './scenarios.js';

const E164 = /^\+[1-9]\d{6,14}$/;

/** The station an agent of this scenario would normally pick: the default or a registered number. */
function usualStation(scenario: SimScenario): Station {
  const number = scenario.tenant.defaultDialNumber ?? scenario.dialNumberRegistry?.[0] ?? '+14155550123';
  return { kind: 'dialNumber', number };
}

function signInFirstAgent(name: ScenarioName) {
  const scenario = SCENARIOS[name];
  const engine = new SimContactCenter({ scenario, scheduler: new VirtualTimeScheduler() });
  const agent = scenario.agents[0]!;
  const command: Command = { type: 'session.signIn', role: 'agent', station: usualStation(scenario), teamId: agent.teams[0]!.id };
  engine.apply(agent.id, command);
  return Object.fromEntries(engine.snapshot(agent.id).media.map((m) => [m.media, m.status]));
}

describe('built-in scenarios', () => {
  it('every name has a scenario and every scenario a name', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...SCENARIO_NAMES].sort());
  });

  it.each(SCENARIO_NAMES)('%s is self-consistent', (name) => {
    const { tenant, agents, extensions, dialNumberRegistry = [], dialNumbersInUse = [], mediaSignInFaults = [] } = SCENARIOS[name];
    expect(agents.length).toBeGreaterThan(0);
    expect(new Set(agents.map((a) => a.id)).size).toBe(agents.length);
    for (const agent of agents) expect(agent.roles.length).toBeGreaterThan(0);
    expect(tenant.stationKinds.every((k) => STATION_KINDS.includes(k))).toBe(true);
    expect(tenant.media.every((m) => MEDIA.includes(m))).toBe(true);
    expect(tenant.defaultCountry).toBe('US');
    expect(tenant.notReadyReasons.map((r) => r.label)).toEqual(
      expect.arrayContaining(['Lunch', 'Break', 'Meeting', 'Training', 'Coaching']),
    );
    for (const number of [...dialNumberRegistry, ...dialNumbersInUse, ...(tenant.defaultDialNumber ? [tenant.defaultDialNumber] : [])]) {
      expect(number).toMatch(E164);
    }
    if (tenant.restrictToDefaultDialNumber) expect(tenant.defaultDialNumber).toBeDefined();
    for (const extension of extensions) expect(extension).toMatch(/^\d+$/);
    for (const fault of mediaSignInFaults) expect(tenant.media).toContain(fault.media);
    expect(() => validateScenario(SCENARIOS[name])).not.toThrow();
  });

  it.each(SCENARIO_NAMES)('%s: queues, wrap-up and transfer targets fit together (QL-1, WU-3, CB-3)', (name) => {
    const { tenant, queues } = SCENARIOS[name];
    expect(queues.length).toBeGreaterThan(0);
    expect(tenant.wrapUpReasons.map((r) => r.label)).toEqual(
      expect.arrayContaining(['Resolved', 'Follow-up needed', 'Sale made', 'Wrong number', 'Escalated']),
    );
    expect(isValidWrapUpTimeout(tenant.wrapUp.timeoutSec)).toBe(true);
    // A transfer to a queue lands in a queue the simulator has.
    for (const target of tenant.transferTargets.filter((t) => t.kind === 'queue')) expect(queues.map((q) => q.id)).toContain(target.id);
    for (const queue of queues) expect(queue.media).toBe('voice');
  });

  it('QL-1/CB-4: the default scenario has Sales, Support and Billing inbound and Callbacks outbound', () => {
    const byName = Object.fromEntries(SCENARIOS.default.queues.map((q) => [q.name, q.direction]));
    expect(byName).toMatchObject({ Sales: 'inbound', Support: 'inbound', Billing: 'inbound', Callbacks: 'outbound' });
  });

  it('CB-3: transfer targets include queues, a routing point and a supervisor', () => {
    expect(new Set(SCENARIOS.default.tenant.transferTargets.map((t) => t.kind))).toEqual(new Set(['queue', 'routingPoint', 'agent']));
  });

  it('WU-1/WU-2: default wrap-up is forced for 30 s; wrapUpOptional is optional; noWrapUp has none', () => {
    expect(SCENARIOS.default.tenant.wrapUp).toEqual({ mode: 'forced', timeoutSec: 30 });
    expect(SCENARIOS.wrapUpOptional.tenant.wrapUp.mode).toBe('optional');
    expect(SCENARIOS.noWrapUp.tenant.wrapUp.mode).toBe('off');
  });

  it('ST-6/ST-8: default keeps RONA until the agent moves; autoReturnAfterMiss is the 8x8 model (10 s)', () => {
    expect(SCENARIOS.default.tenant.offerRules).toEqual({ declinedUnavailableMs: 10_000, missedUnavailableMs: null });
    expect(SCENARIOS.autoReturnAfterMiss.tenant.offerRules).toEqual({ declinedUnavailableMs: 10_000, missedUnavailableMs: 10_000 });
  });

  it('QL-6: busyQueues has more than eight queues, calls waiting, and some waiting with nobody to take them', () => {
    const { queues } = SCENARIOS.busyQueues;
    expect(queues.length).toBeGreaterThan(8);
    expect(queues.filter((q) => (q.waitingAtStart ?? 0) > 0).length).toBeGreaterThan(3);
    expect(queues.some((q) => (q.waitingAtStart ?? 0) > 0 && q.members.length === 0)).toBe(true);
    expect(new Set(queues.map((q) => q.direction))).toEqual(new Set(['inbound', 'outbound']));
  });

  it('traffic: the station-login scenarios stay still for stories and tests; the voice ones are alive', () => {
    const live = SCENARIO_NAMES.filter((name) => SCENARIOS[name].traffic);
    expect(live).toEqual(['liveTraffic', 'wrapUpOptional', 'noWrapUp', 'autoReturnAfterMiss', 'basicVoice']);
  });

  it('SL-1: default speaks for a profile with several roles and teams; agentOnly for one with a single role', () => {
    const maya = SCENARIOS.default.agents[0]!;
    expect(maya.roles).toEqual(['agent', 'supervisor', 'supervisorAgent']);
    expect(maya.teams.map((t) => t.name)).toEqual(expect.arrayContaining(['Billing', 'Support EMEA']));
    expect(SCENARIOS.agentOnly.agents[0]!.roles).toEqual(['agent']);
  });

  it('SL-2: default allows every station kind; noDesktop only dial number and extension', () => {
    expect(SCENARIOS.default.tenant.stationKinds).toEqual(['dialNumber', 'extension', 'desktop']);
    expect(SCENARIOS.noDesktop.tenant.stationKinds).toEqual(['dialNumber', 'extension']);
  });

  it.each([
    'default',
    'agentOnly',
    'restrictedDialNumber',
    'defaultDialNumber',
    'noDesktop',
    'numberInUse',
    'registryRequired',
    'liveTraffic',
    'busyQueues',
    'wrapUpOptional',
    'noWrapUp',
    'autoReturnAfterMiss',
    'basicVoice',
  ] as const)('ST-2: in %s the first agent signs in on the usual station with every channel Not Ready', (name) => {
    expect(new Set(Object.values(signInFirstAgent(name)))).toEqual(new Set(['notReady']));
  });

  it('ST-5: partialSignIn starts with email and SMS failed; allChannelsFail with everything failed', () => {
    expect(signInFirstAgent('partialSignIn')).toEqual({
      voice: 'notReady',
      chat: 'notReady',
      sms: 'failed',
      social: 'notReady',
      email: 'failed',
    });
    expect(new Set(Object.values(signInFirstAgent('allChannelsFail')))).toEqual(new Set(['failed']));
  });

  it('resolves names and passes custom scenarios through; an unknown name throws', () => {
    const custom: SimScenario = { ...SCENARIOS.default, title: 'Mine' };
    expect(resolveScenario('numberInUse')).toBe(SCENARIOS.numberInUse);
    expect(resolveScenario(custom)).toBe(custom);
    expect(() => resolveScenario('nope' as ScenarioName)).toThrow(/nope/);
  });
});
