// The built-in scenarios are what the demo and stories show, so each must be self-consistent and
// must show what its name promises when its first agent signs in.

import { describe, expect, it } from 'vitest';
import { VirtualTimeScheduler } from 'rxjs';
import { can, failsPci, MEDIA, STATION_KINDS, transferTargetsFor, type Command, type Station } from '@cc-elements/core';
import { CARD_NUMBER_PATTERN, DEFAULT_DIGITAL_OFFER_TIMEOUT_MS } from './digital-settings.js';
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
    // Digital queues only where the scenario promises them; the station-login and voice scenarios stay as they were.
    expect(queues.some((q) => q.media !== 'voice')).toBe(['liveTraffic', 'digital', 'supervisorFloor', 'supervisorLarge'].includes(name));
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
    expect(live).toEqual([
      'liveTraffic',
      'wrapUpOptional',
      'noWrapUp',
      'autoReturnAfterMiss',
      'basicVoice',
      'supervisorFloor',
      'supervisorLarge',
    ]);
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
    'digital',
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

describe('digital scenario data (TP, EM, DX)', () => {
  const { tenant, queues } = SCENARIOS.digital;
  const { digital } = tenant;

  it('TP-6/TP-7/EM-5: 1000 characters; files per medium with PCI formats and a card-number pattern; none on SMS', () => {
    expect(digital.composerLimit).toBe(1000);
    expect(Object.keys(digital.attachments).sort()).toEqual(['chat', 'email', 'social']);
    for (const rules of Object.values(digital.attachments)) {
      expect(rules.pciBlockedFormats).toEqual(expect.arrayContaining(['exe', 'js']));
      expect(rules.pciNamePatterns).toContain(CARD_NUMBER_PATTERN);
    }
    const email = digital.attachments.email!;
    for (const name of ['card 4111 1111 1111 1111.jpg', 'visa-4111-1111-1111-1111.png', '5500000000000004.pdf', 'setup.EXE', 'run.js']) {
      expect(failsPci(name, email)).toBe(true);
    }
    for (const name of ['IMG_20240312_153045.jpg', 'invoice-2024-03.pdf', 'order 5521.pdf', '+33612345678.txt']) {
      expect(failsPci(name, email)).toBe(false);
    }
  });

  it('TP-8: templates in groups, locked ones, ones with replaceable parameters and system parameters', () => {
    const { templates } = digital;
    expect(new Set(templates.map((t) => t.group)).size).toBeGreaterThan(2);
    expect(templates.some((t) => t.locked)).toBe(true);
    expect(templates.some((t) => /{{(?!system\.)\w+}}/.test(t.body))).toBe(true);
    expect(templates.some((t) => t.body.includes('{{system.customerName}}') && t.body.includes('{{system.agentName}}'))).toBe(true);
    expect(templates.some((t) => t.media?.includes('sms') && t.media.length === 1)).toBe(true);
  });

  it('TP-10: workflows with and without parameters, some required', () => {
    const counts = digital.workflows.map((w) => w.parameters.length);
    expect(counts).toContain(0);
    expect(counts.some((n) => n > 0)).toBe(true);
    expect(digital.workflows.flatMap((w) => w.parameters).some((p) => p.required)).toBe(true);
    expect(digital.workflows.flatMap((w) => w.parameters).some((p) => !p.required)).toBe(true);
  });

  it('TP-1: caps of chat 3, SMS 2, social 2, email 1; offers wait 30, 45, 45 and 120 s by default', () => {
    expect(digital.concurrency).toMatchObject({ chat: 3, sms: 2, social: 2, email: 1 });
    expect(DEFAULT_DIGITAL_OFFER_TIMEOUT_MS).toEqual({ chat: 30_000, sms: 45_000, social: 45_000, email: 120_000 });
  });

  it('DX-4: service levels global and per medium, in Paris business hours Monday to Friday with a lunch break', () => {
    expect(digital.serviceLevels.firstResponseMs).toBeGreaterThan(0);
    expect(digital.serviceLevels.perMedia?.chat?.firstResponseMs).toBeLessThan(digital.serviceLevels.perMedia!.email!.firstResponseMs!);
    expect(digital.businessHours?.timeZone).toBe('Europe/Paris');
    const day = [
      { from: 540, to: 750 },
      { from: 810, to: 1080 },
    ];
    expect(digital.businessHours?.days).toEqual({ 1: day, 2: day, 3: day, 4: day, 5: day });
  });

  it('DX-1: in the digital scenario a plain agent may not reply on social, Supervisor+Agent may; elsewhere everything is allowed', () => {
    expect(can(digital, 'social', 'agent', 'reply')).toBe(false);
    expect(can(digital, 'social', 'supervisorAgent', 'reply')).toBe(true);
    expect(can(digital, 'chat', 'agent', 'reply')).toBe(true);
    expect(SCENARIOS.liveTraffic.tenant.digital.permissions).toEqual({});
    expect(SCENARIOS.digital.agents[0]!.roles).toEqual(['agent']);
  });

  it('DX-7: Acme Messenger is a channel type behaving as chat, with its own queue', () => {
    expect(digital.channelTypes).toEqual([
      { id: 'acme-messenger', name: 'Acme Messenger', icon: 'AM', color: expect.any(String), media: 'chat' },
    ]);
    expect(queues.find((q) => q.channelTypeId === 'acme-messenger')).toMatchObject({ media: 'chat' });
  });

  it('TP-15/DX-2/DX-3: each digital medium has a queue with timers and routing points of its own, never the voice ones', () => {
    for (const media of ['chat', 'sms', 'social', 'email'] as const) {
      expect(queues.some((q) => q.media === media && q.timers?.firstResponseMs)).toBe(true);
      const targets = transferTargetsFor(tenant.transferTargets, media);
      expect(targets.length).toBeGreaterThan(0);
      expect(targets.some((t) => t.id.startsWith('q-'))).toBe(false);
    }
    expect(transferTargetsFor(tenant.transferTargets, 'voice').some((t) => t.id.startsWith('d'))).toBe(false);
    expect(queues.find((q) => q.id === 'dq-chat')?.timers).toMatchObject({ customerInactivityMs: 180_000, inactivityExtensionMs: 120_000 });
  });

  it('traffic: the digital scenario is still but its customers write back; liveTraffic carries digital arrivals', () => {
    expect(SCENARIOS.digital).toMatchObject({ traffic: false, customersReply: true });
    expect(SCENARIOS.liveTraffic.queues.filter((q) => q.media !== 'voice' && q.arrivalsPerHour > 0).length).toBeGreaterThan(3);
  });
});

describe('digital scenario checks', () => {
  const digitalQueue = SCENARIOS.digital.queues.find((q) => q.id === 'dq-chat')!;
  const load = (changes: Partial<SimScenario>) => () =>
    validateScenario({
      ...SCENARIOS.digital,
      title: 'Test',
      queues: [digitalQueue],
      ...changes,
      routingPointQueues: changes.routingPointQueues ?? {},
    });
  const withTargets = SCENARIOS.digital.tenant.transferTargets.filter((t) => t.media === undefined);

  it('a digital queue must be inbound, take no caller patience, and name a channel type of its medium', () => {
    const tenant = { ...SCENARIOS.digital.tenant, transferTargets: withTargets };
    expect(load({ tenant, queues: [{ ...digitalQueue, direction: 'outbound' }] })).toThrow(/digital queues are inbound/);
    expect(load({ tenant, queues: [{ ...digitalQueue, callerPatienceMs: { min: 1, max: 2 } }] })).toThrow(/callerPatienceMs/);
    expect(load({ tenant, queues: [{ ...digitalQueue, channelTypeId: 'pigeon' }] })).toThrow(/"pigeon"/);
    expect(load({ tenant, queues: [{ ...digitalQueue, media: 'email', channelTypeId: 'acme-messenger' }] })).toThrow(/behaves as chat/);
    expect(load({ tenant, queues: [{ ...digitalQueue, timers: { firstResponseMs: 0 } }] })).toThrow(/firstResponseMs/);
    expect(load({ tenant })).not.toThrow();
  });

  it('a voice queue takes no digital settings; routing points feed digital queues of their media', () => {
    const tenant = { ...SCENARIOS.digital.tenant, transferTargets: withTargets };
    const voice = SCENARIOS.default.queues[0]!;
    expect(load({ tenant, queues: [{ ...voice, timers: { firstResponseMs: 1 } }] })).toThrow(/voice queue/);
    expect(load({ queues: SCENARIOS.digital.queues, routingPointQueues: { 'rp-billing-digital': ['q-sales'] } })).toThrow(/"q-sales"/);
    expect(load({ queues: SCENARIOS.digital.queues, routingPointQueues: { 'rp-escalations': ['dq-chat'] } })).toThrow(
      /not a digital routing point/,
    );
    expect(load({ queues: SCENARIOS.digital.queues.filter((q) => q.id !== 'dq-email') })).toThrow(/"dq-email" is not a queue of email/);
    expect(load({ queues: SCENARIOS.digital.queues, threadLoadFailures: 1.5 })).toThrow(/thread load failures/);
  });
});
