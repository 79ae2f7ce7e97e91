// The worlds the simulator can play: a tenant, the people who may sign in, the station registry,
// the voice queues and their traffic, and the faults to show. Built-in scenarios back the demo,
// the stories and the tests by name.

import {
  DEFAULT_TENANT,
  type AgentProfile,
  type CommandType,
  type Direction,
  type ErrorCode,
  type Media,
  type ReasonCode,
  type Team,
  type TenantSettings,
  type TransferTarget,
  type WrapUpSettings,
} from '@cc-elements/core';
import type { SimRange } from './callers.js';

/** A medium whose sign-in fails, to show ST-5's failed and partial indicators. */
export interface MediaSignInFault {
  readonly media: Media;
  readonly code: ErrorCode;
  /**
   * How many sign-in attempts of this medium fail in each session, counting the one made by the
   * session sign-in and every retry after it. `Infinity` means it never signs in.
   */
  readonly failures: number;
  /** What the server says; the error code's default message when absent. */
  readonly message?: string;
}

/** A member of a queue: routing from it to this agent is on or off (QL-5). */
export interface SimQueueMember {
  readonly agentId: string;
  readonly enabled: boolean;
}

/** A supervisor who may monitor a queue, and whether they do (QL-7). */
export interface SimQueueSupervisor {
  readonly agentId: string;
  readonly monitored: boolean;
}

/** Background staff who keep a queue's figures alive while traffic is on. */
export interface SimVirtualAgents {
  readonly count: number;
  /** They take a call only once it waited this long, so real agents get the first chance. */
  readonly answerAfterMs: number;
}

/** What a consultation target does when called (CB-3). */
export type ConsultOutcome = 'answer' | 'decline';

export interface SimQueue {
  readonly id: string;
  readonly name: string;
  /** Only voice is routed so far; the type stays open for digital queues. */
  readonly media: Media;
  /** Outbound queues carry IVR callbacks (QL-1, CB-4). */
  readonly direction: Direction;
  readonly members: readonly SimQueueMember[];
  readonly supervisors: readonly SimQueueSupervisor[];
  /** CB-1: how long an offer rings before RONA. `DEFAULT_OFFER_TIMEOUT_MS` when absent. */
  readonly offerTimeoutMs?: number;
  /** WU-1…WU-3: this queue's wrap-up, instead of the tenant's. */
  readonly wrapUp?: WrapUpSettings;
  /** Mean arrivals per hour while traffic is on (a seeded Poisson process); 0 for none. */
  readonly arrivalsPerHour: number;
  /** How long a caller waits before hanging up, while traffic is on. `DEFAULT_CALLER_PATIENCE_MS` when absent. */
  readonly callerPatienceMs?: SimRange;
  /** How long a connected caller talks before hanging up (and how long a virtual agent takes). */
  readonly talkTimeMs?: SimRange;
  readonly virtualAgents?: SimVirtualAgents;
  /** Calls already waiting when the world starts (QL-6), with waits of up to three minutes drawn from the seed. */
  readonly waitingAtStart?: number;
}

export interface SimScenario {
  /** A short name for scenario pickers in the demo and stories. */
  readonly title: string;
  /** What the scenario shows, in a sentence. */
  readonly description: string;
  readonly tenant: TenantSettings;
  /** Everyone who may sign in; an adapter speaks for the first unless told which agent it is. */
  readonly agents: readonly AgentProfile[];
  /** SL-6: extensions the phone system knows; any other is refused as not registered. */
  readonly extensions: readonly string[];
  /** SL-10: when present, only these dial numbers (E.164) may sign in. */
  readonly dialNumberRegistry?: readonly string[];
  /** SL-10: numbers already held by agents outside the simulation, refused as not unique. */
  readonly dialNumbersInUse?: readonly string[];
  readonly mediaSignInFaults?: readonly MediaSignInFault[];
  /** QL-1: the contact center's queues, with who is a member and who supervises each. */
  readonly queues: readonly SimQueue[];
  /**
   * Random arrivals, abandonments, callers hanging up and virtual agents. Off, nothing happens
   * unless a test or the demo injects it (`injectCall`, `hangUp`).
   */
  readonly traffic: boolean;
  /** CB-3: what each transfer target does when consulted; `answer` when absent. */
  readonly consultOutcomes?: Readonly<Record<string, ConsultOutcome>>;
  /** Commands this backend lacks: left out of the adapter's capabilities and refused by the server. */
  readonly unsupportedCommands?: readonly CommandType[];
}

/** CB-1: how long an offer rings when the queue does not say. */
export const DEFAULT_OFFER_TIMEOUT_MS = 15_000;
export const DEFAULT_CALLER_PATIENCE_MS: SimRange = { min: 45_000, max: 240_000 };
export const DEFAULT_TALK_TIME_MS: SimRange = { min: 60_000, max: 360_000 };

const TEAMS = {
  billing: { id: 'team-billing', name: 'Billing' },
  supportEmea: { id: 'team-support-emea', name: 'Support EMEA' },
  salesNa: { id: 'team-sales-na', name: 'Sales North America' },
  retention: { id: 'team-retention', name: 'Retention' },
} as const satisfies Record<string, Team>;

/** ST-3: one list for voice and digital, as an administrator would set it up. */
const NOT_READY_REASONS: readonly ReasonCode[] = [
  { id: 'lunch', label: 'Lunch' },
  { id: 'break', label: 'Break' },
  { id: 'meeting', label: 'Meeting' },
  { id: 'training', label: 'Training' },
  { id: 'coaching', label: 'Coaching' },
  { id: 'back-office', label: 'Back-office work' },
];

/** WU-3: the reasons an agent files a call under. */
const WRAP_UP_REASONS: readonly ReasonCode[] = [
  { id: 'resolved', label: 'Resolved' },
  { id: 'follow-up', label: 'Follow-up needed' },
  { id: 'sale', label: 'Sale made' },
  { id: 'wrong-number', label: 'Wrong number' },
  { id: 'escalated', label: 'Escalated' },
];

/** CB-3: three queues, a routing point that answers, one that never does, and a supervisor. */
const TRANSFER_TARGETS: readonly TransferTarget[] = [
  { id: 'q-sales', name: 'Sales', kind: 'queue' },
  { id: 'q-support', name: 'Support', kind: 'queue' },
  { id: 'q-billing', name: 'Billing', kind: 'queue' },
  { id: 'rp-escalations', name: 'Escalations desk', kind: 'routingPoint' },
  { id: 'rp-after-hours', name: 'After-hours line', kind: 'routingPoint' },
  { id: 'camille.durand', name: 'Camille Durand (supervisor)', kind: 'agent' },
];

/** The after-hours line is unstaffed in the daytime: consulting it fails (CB-3). */
const CONSULT_OUTCOMES: Readonly<Record<string, ConsultOutcome>> = { 'rp-after-hours': 'decline' };

const TENANT: TenantSettings = {
  ...DEFAULT_TENANT,
  stationKinds: ['dialNumber', 'extension', 'desktop'],
  defaultCountry: 'US',
  notReadyReasons: NOT_READY_REASONS,
  media: ['voice', 'chat', 'sms', 'social', 'email'],
  retryAttempts: 3,
  retryDelayMs: 2000,
  wrapUpReasons: WRAP_UP_REASONS,
  wrapUp: { mode: 'forced', timeoutSec: 30 },
  transferTargets: TRANSFER_TARGETS,
  // ST-6: a missed call leaves the agent Not Ready until they move back; a decline, 10 s (ST-8).
  offerRules: { declinedUnavailableMs: 10_000, missedUnavailableMs: null },
};

/** Can be Agent, Supervisor or both (SL-1 shows the role field), in several teams (SL-8). */
const MAYA: AgentProfile = {
  id: 'maya.patel',
  name: 'Maya Patel',
  roles: ['agent', 'supervisor', 'supervisorAgent'],
  teams: [TEAMS.billing, TEAMS.supportEmea, TEAMS.retention],
};

const LUCA: AgentProfile = { id: 'luca.rossi', name: 'Luca Rossi', roles: ['agent'], teams: [TEAMS.supportEmea] };
const ANA: AgentProfile = {
  id: 'ana.popescu',
  name: 'Ana Popescu',
  roles: ['agent'],
  teams: [TEAMS.billing, TEAMS.salesNa, TEAMS.supportEmea],
};
const CAMILLE: AgentProfile = {
  id: 'camille.durand',
  name: 'Camille Durand',
  roles: ['supervisor'],
  teams: [TEAMS.supportEmea, TEAMS.retention],
};

/** Ana first: an agent-only profile, so SL-1 hides the role field. */
const AGENT_FIRST: readonly AgentProfile[] = [ANA, MAYA, LUCA, CAMILLE];
const EVERYONE: readonly AgentProfile[] = [MAYA, LUCA, ANA, CAMILLE];

const EXTENSIONS: readonly string[] = ['1001', '1002', '1003', '1004', '2001', '2002', '4410'];

/** 555-01xx numbers are reserved for fiction, so the demo never rings a real phone. */
const REGISTERED_DIAL_NUMBERS: readonly string[] = ['+14155550123', '+14155550124', '+14155550125', '+12125550187', '+442079460321'];

const member = (agentId: string, enabled = true): SimQueueMember => ({ agentId, enabled });
const supervisor = (agentId: string, monitored = false): SimQueueSupervisor => ({ agentId, monitored });

/**
 * The everyday queues: Maya takes calls from most and supervises all (Retention only as a
 * supervisor, so Supervisor+Agent shows a queue with the monitor tick alone), Luca and Ana take
 * calls, Camille only supervises.
 */
const QUEUES: readonly SimQueue[] = [
  {
    id: 'q-sales',
    name: 'Sales',
    media: 'voice',
    direction: 'inbound',
    members: [member(MAYA.id), member(ANA.id)],
    supervisors: [supervisor(MAYA.id), supervisor(CAMILLE.id, true)],
    arrivalsPerHour: 40,
    virtualAgents: { count: 3, answerAfterMs: 30_000 },
  },
  {
    id: 'q-support',
    name: 'Support',
    media: 'voice',
    direction: 'inbound',
    members: [member(MAYA.id), member(LUCA.id), member(ANA.id, false)],
    supervisors: [supervisor(MAYA.id, true), supervisor(CAMILLE.id, true)],
    arrivalsPerHour: 60,
    virtualAgents: { count: 4, answerAfterMs: 30_000 },
  },
  {
    id: 'q-billing',
    name: 'Billing',
    media: 'voice',
    direction: 'inbound',
    members: [member(MAYA.id), member(ANA.id)],
    supervisors: [supervisor(MAYA.id)],
    arrivalsPerHour: 30,
    talkTimeMs: { min: 90_000, max: 480_000 },
    virtualAgents: { count: 3, answerAfterMs: 45_000 },
  },
  {
    id: 'q-retention',
    name: 'Retention',
    media: 'voice',
    direction: 'inbound',
    members: [member(LUCA.id, false)],
    supervisors: [supervisor(MAYA.id), supervisor(CAMILLE.id)],
    arrivalsPerHour: 12,
    virtualAgents: { count: 1, answerAfterMs: 40_000 },
  },
  {
    id: 'q-callbacks',
    name: 'Callbacks',
    media: 'voice',
    direction: 'outbound',
    members: [member(MAYA.id, false), member(LUCA.id)],
    supervisors: [supervisor(MAYA.id), supervisor(CAMILLE.id)],
    // A callback was asked for in the IVR: the customer waits for the call, so patience is long.
    offerTimeoutMs: 20_000,
    arrivalsPerHour: 10,
    callerPatienceMs: { min: 600_000, max: 1_800_000 },
    virtualAgents: { count: 1, answerAfterMs: 120_000 },
  },
];

/** QL-6 and the queue list's filters and sorts: more queues than fit, waits, and queues nobody staffs. */
const BUSY_QUEUES: readonly SimQueue[] = [
  ...QUEUES.map((queue) => ({ ...queue, waitingAtStart: queue.id === 'q-support' ? 3 : queue.id === 'q-sales' ? 1 : 0 })),
  {
    id: 'q-tech-l2',
    name: 'Technical support L2',
    media: 'voice',
    direction: 'inbound',
    members: [member(MAYA.id, false), member(LUCA.id)],
    supervisors: [supervisor(MAYA.id), supervisor(CAMILLE.id)],
    arrivalsPerHour: 20,
    talkTimeMs: { min: 180_000, max: 900_000 },
    virtualAgents: { count: 2, answerAfterMs: 60_000 },
    waitingAtStart: 2,
  },
  {
    id: 'q-spanish',
    name: 'Línea en español',
    media: 'voice',
    direction: 'inbound',
    members: [member(MAYA.id), member(ANA.id)],
    supervisors: [supervisor(MAYA.id)],
    arrivalsPerHour: 15,
    virtualAgents: { count: 1, answerAfterMs: 30_000 },
  },
  {
    id: 'q-premium',
    name: 'Premium accounts',
    media: 'voice',
    direction: 'inbound',
    members: [member(MAYA.id)],
    supervisors: [supervisor(MAYA.id, true), supervisor(CAMILLE.id, true)],
    offerTimeoutMs: 25_000,
    arrivalsPerHour: 8,
    virtualAgents: { count: 1, answerAfterMs: 20_000 },
    waitingAtStart: 1,
  },
  // Nobody but the supervisors: calls wait and no agent is signed in (QL-6).
  {
    id: 'q-outages',
    name: 'Outage hotline',
    media: 'voice',
    direction: 'inbound',
    members: [],
    supervisors: [supervisor(MAYA.id, true), supervisor(CAMILLE.id, true)],
    arrivalsPerHour: 30,
    waitingAtStart: 4,
  },
  {
    id: 'q-collections',
    name: 'Collections',
    media: 'voice',
    direction: 'inbound',
    members: [member(MAYA.id, false)],
    supervisors: [supervisor(MAYA.id)],
    arrivalsPerHour: 6,
    waitingAtStart: 2,
  },
  {
    id: 'q-callbacks-billing',
    name: 'Callbacks – Billing',
    media: 'voice',
    direction: 'outbound',
    members: [member(MAYA.id), member(ANA.id)],
    supervisors: [supervisor(MAYA.id)],
    arrivalsPerHour: 6,
    callerPatienceMs: { min: 600_000, max: 1_800_000 },
    waitingAtStart: 1,
  },
];

export const SCENARIO_NAMES = [
  'default',
  'agentOnly',
  'restrictedDialNumber',
  'defaultDialNumber',
  'noDesktop',
  'partialSignIn',
  'allChannelsFail',
  'numberInUse',
  'registryRequired',
  'liveTraffic',
  'busyQueues',
  'wrapUpOptional',
  'noWrapUp',
  'autoReturnAfterMiss',
  'basicVoice',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export const SCENARIOS: Readonly<Record<ScenarioName, SimScenario>> = {
  default: {
    title: 'Default',
    description: 'A supervisor who can also take work, every station kind, several teams and every medium.',
    tenant: TENANT,
    agents: EVERYONE,
    extensions: EXTENSIONS,
    queues: QUEUES,
    traffic: false,
    consultOutcomes: CONSULT_OUTCOMES,
  },
  agentOnly: {
    title: 'Agent only',
    description: 'The profile allows one role, so the station login shows no role field.',
    tenant: TENANT,
    agents: AGENT_FIRST,
    extensions: EXTENSIONS,
    queues: QUEUES,
    traffic: false,
    consultOutcomes: CONSULT_OUTCOMES,
  },
  restrictedDialNumber: {
    title: 'Restricted to the default dial number',
    description: 'The tenant prefills its default dial number and refuses any other (SL-5).',
    tenant: { ...TENANT, defaultDialNumber: '+14155550142', restrictToDefaultDialNumber: true },
    agents: EVERYONE,
    extensions: EXTENSIONS,
    queues: QUEUES,
    traffic: false,
    consultOutcomes: CONSULT_OUTCOMES,
  },
  defaultDialNumber: {
    title: 'Default dial number',
    description: 'The tenant prefills a default dial number that the agent may change (SL-5).',
    tenant: { ...TENANT, defaultDialNumber: '+14155550177', restrictToDefaultDialNumber: false },
    agents: EVERYONE,
    extensions: EXTENSIONS,
    queues: QUEUES,
    traffic: false,
    consultOutcomes: CONSULT_OUTCOMES,
  },
  noDesktop: {
    title: 'No desktop phone',
    description: 'The tenant allows dial numbers and extensions only (SL-2).',
    tenant: { ...TENANT, stationKinds: ['dialNumber', 'extension'] },
    agents: EVERYONE,
    extensions: EXTENSIONS,
    queues: QUEUES,
    traffic: false,
    consultOutcomes: CONSULT_OUTCOMES,
  },
  partialSignIn: {
    title: 'Partial sign-in',
    description: 'Email fails to sign in twice and recovers on the automatic retry; SMS never signs in (ST-5).',
    tenant: TENANT,
    agents: EVERYONE,
    extensions: EXTENSIONS,
    queues: QUEUES,
    traffic: false,
    consultOutcomes: CONSULT_OUTCOMES,
    mediaSignInFaults: [
      { media: 'email', code: 'station.unavailable', failures: 2, message: 'The email server did not accept the sign-in.' },
      { media: 'sms', code: 'network', failures: Infinity, message: 'The SMS gateway could not be reached.' },
    ],
  },
  allChannelsFail: {
    title: 'Every channel fails',
    description: 'No medium can sign in, even after the automatic retries (ST-5).',
    tenant: TENANT,
    agents: EVERYONE,
    extensions: EXTENSIONS,
    queues: QUEUES,
    traffic: false,
    consultOutcomes: CONSULT_OUTCOMES,
    mediaSignInFaults: TENANT.media.map((media) => ({
      media,
      code: 'station.unavailable',
      failures: Infinity,
      message: 'The media server did not answer.',
    })),
  },
  numberInUse: {
    title: 'Dial number in use',
    description: 'Another agent already holds +14155550100, so signing in with it is refused (SL-10).',
    tenant: TENANT,
    agents: EVERYONE,
    extensions: EXTENSIONS,
    queues: QUEUES,
    traffic: false,
    consultOutcomes: CONSULT_OUTCOMES,
    dialNumbersInUse: ['+14155550100'],
  },
  registryRequired: {
    title: 'Registered dial numbers only',
    description: `Only dial numbers the tenant registered may sign in, e.g. ${REGISTERED_DIAL_NUMBERS[0]} (SL-10).`,
    tenant: TENANT,
    agents: EVERYONE,
    extensions: EXTENSIONS,
    queues: QUEUES,
    traffic: false,
    consultOutcomes: CONSULT_OUTCOMES,
    dialNumberRegistry: REGISTERED_DIAL_NUMBERS,
  },
  liveTraffic: {
    title: 'Live traffic',
    description:
      'Calls arrive in Sales, Support, Billing and Retention, callbacks in Callbacks; callers hang up when kept waiting and background agents answer.',
    tenant: TENANT,
    agents: EVERYONE,
    extensions: EXTENSIONS,
    queues: QUEUES,
    traffic: true,
    consultOutcomes: CONSULT_OUTCOMES,
  },
  busyQueues: {
    title: 'Busy queues',
    description: 'Eleven queues, calls waiting in several and some with no agent signed in (QL-6). Still until traffic is switched on.',
    tenant: TENANT,
    agents: EVERYONE,
    extensions: EXTENSIONS,
    queues: BUSY_QUEUES,
    traffic: false,
    consultOutcomes: CONSULT_OUTCOMES,
  },
  wrapUpOptional: {
    title: 'Optional wrap-up',
    description: 'Wrap-up reasons are offered for 30 s but Close works without one (WU-2 not forced).',
    tenant: { ...TENANT, wrapUp: { mode: 'optional', timeoutSec: 30 } },
    agents: EVERYONE,
    extensions: EXTENSIONS,
    queues: QUEUES,
    traffic: true,
    consultOutcomes: CONSULT_OUTCOMES,
  },
  noWrapUp: {
    title: 'No wrap-up',
    description: 'Ending a call closes it at once (WU-1).',
    tenant: { ...TENANT, wrapUp: { mode: 'off', timeoutSec: 0 } },
    agents: EVERYONE,
    extensions: EXTENSIONS,
    queues: QUEUES,
    traffic: true,
    consultOutcomes: CONSULT_OUTCOMES,
  },
  autoReturnAfterMiss: {
    title: 'Back to Ready after a miss',
    description: 'A missed or declined call makes the agent unavailable for 10 s, then Ready again (ST-8); Luca keeps the RONA rule.',
    tenant: { ...TENANT, offerRules: { declinedUnavailableMs: 10_000, missedUnavailableMs: 10_000 } },
    // ST-8 "configurable per user": Luca's profile overrides the tenant.
    agents: [MAYA, { ...LUCA, offerRules: { missedUnavailableMs: null } }, ANA, CAMILLE],
    extensions: EXTENSIONS,
    queues: QUEUES,
    traffic: true,
    consultOutcomes: CONSULT_OUTCOMES,
  },
  basicVoice: {
    title: 'Basic phone backend',
    description: 'A backend without consult, transfer, mute or keypad: the call banner hides those controls (PL capabilities).',
    tenant: { ...TENANT, transferTargets: [] },
    agents: EVERYONE,
    extensions: EXTENSIONS,
    queues: QUEUES,
    traffic: true,
    unsupportedCommands: ['call.transfer', 'call.consult', 'call.consultComplete', 'call.consultCancel', 'call.mute', 'call.dtmf'],
  },
};

export function isScenarioName(value: string): value is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(value);
}

/** A scenario given by name or as data; an unknown name is a programming error, so it throws. */
export function resolveScenario(scenario: SimScenario | ScenarioName): SimScenario {
  if (typeof scenario !== 'string') return scenario;
  if (!isScenarioName(scenario))
    throw new RangeError(`Unknown simulator scenario "${String(scenario)}". Known: ${SCENARIO_NAMES.join(', ')}.`);
  return SCENARIOS[scenario];
}

/** WU-3: 0–60 s in 5 s steps; "manual" (no timeout) is not allowed, or agents could be stuck in wrap-up. */
export function isValidWrapUpTimeout(timeoutSec: number): boolean {
  return Number.isInteger(timeoutSec) && timeoutSec >= 0 && timeoutSec <= 60 && timeoutSec % 5 === 0;
}

/**
 * Checks a scenario before a world is built from it, so a typo in a story fails at once with words
 * a developer can act on. Throws a RangeError; returns the scenario unchanged.
 */
export function validateScenario(scenario: SimScenario): SimScenario {
  const where = `Scenario "${scenario.title}"`;
  const fail = (problem: string): never => {
    throw new RangeError(`${where}: ${problem}`);
  };
  if (scenario.agents.length === 0) fail('has no agents.');
  const agentIds = new Set(scenario.agents.map((a) => a.id));
  const checkWrapUp = (owner: string, wrapUp: WrapUpSettings) => {
    if (!isValidWrapUpTimeout(wrapUp.timeoutSec)) {
      fail(`${owner} wrap-up timeout must be 0–60 s in steps of 5 s (WU-3), not ${wrapUp.timeoutSec} s.`);
    }
  };
  checkWrapUp('the tenant', scenario.tenant.wrapUp);
  const queueIds = new Set<string>();
  for (const queue of scenario.queues) {
    const name = `queue "${queue.id}"`;
    if (queueIds.has(queue.id)) fail(`${name} is listed twice.`);
    queueIds.add(queue.id);
    if (queue.media !== 'voice') fail(`${name} is ${queue.media}; only voice queues are simulated so far.`);
    if (queue.wrapUp) checkWrapUp(`${name}'s`, queue.wrapUp);
    if (queue.offerTimeoutMs !== undefined && !(queue.offerTimeoutMs > 0 && Number.isFinite(queue.offerTimeoutMs))) {
      fail(`${name} needs an offer timeout above 0 ms, not ${queue.offerTimeoutMs}.`);
    }
    if (!(queue.arrivalsPerHour >= 0 && Number.isFinite(queue.arrivalsPerHour))) {
      fail(`${name} needs arrivalsPerHour ≥ 0, not ${queue.arrivalsPerHour}.`);
    }
    for (const [label, range] of [
      ['callerPatienceMs', queue.callerPatienceMs],
      ['talkTimeMs', queue.talkTimeMs],
    ] as const) {
      if (range && !(range.min >= 0 && range.max >= range.min && Number.isFinite(range.max))) {
        fail(`${name} has ${label} from ${range.min} to ${range.max}; it needs 0 ≤ min ≤ max.`);
      }
    }
    const virtual = queue.virtualAgents;
    if (virtual && !(Number.isInteger(virtual.count) && virtual.count >= 0 && virtual.answerAfterMs >= 0)) {
      fail(`${name} needs a whole number of virtual agents and answerAfterMs ≥ 0.`);
    }
    if (queue.waitingAtStart !== undefined && !(Number.isInteger(queue.waitingAtStart) && queue.waitingAtStart >= 0)) {
      fail(`${name} needs a whole number of calls waiting at start.`);
    }
    for (const person of [...queue.members, ...queue.supervisors]) {
      if (!agentIds.has(person.agentId)) fail(`${name} names "${person.agentId}", who is not one of the scenario's agents.`);
    }
  }
  const targetIds = new Set(scenario.tenant.transferTargets.map((t) => t.id));
  if (targetIds.size !== scenario.tenant.transferTargets.length) fail('lists a transfer target twice.');
  for (const targetId of Object.keys(scenario.consultOutcomes ?? {})) {
    if (!targetIds.has(targetId)) fail(`has a consultation outcome for "${targetId}", which is not a transfer target.`);
  }
  return scenario;
}
