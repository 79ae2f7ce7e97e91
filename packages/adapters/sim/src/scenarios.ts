// The worlds the simulator can play: a tenant, the people who may sign in, the station registry,
// the voice and digital queues and their traffic, and the faults to show. Built-in scenarios back
// the demo, the stories and the tests by name.

import {
  DEFAULT_TENANT,
  type AgentProfile,
  type CommandType,
  type Direction,
  type ErrorCode,
  type Media,
  type ReasonCode,
  type ResponseTimers,
  type SupervisorPolicy,
  type Team,
  type TenantSettings,
  type TransferTarget,
  type WrapUpSettings,
} from '@cc-elements/core';
import type { SimRange } from './callers.js';
import { DIGITAL, SOCIAL_NEEDS_APPROVAL } from './digital-settings.js';

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
  /** Voice queues carry calls (the voice ACD); chat, SMS, social and email queues carry contacts (the digital ACD). */
  readonly media: Media;
  /** Outbound queues carry IVR callbacks (QL-1, CB-4); digital queues are inbound. */
  readonly direction: Direction;
  readonly members: readonly SimQueueMember[];
  readonly supervisors: readonly SimQueueSupervisor[];
  /**
   * CB-1/TP-1: how long an offer waits for Accept before RONA. When absent: `DEFAULT_OFFER_TIMEOUT_MS`
   * for calls, `DEFAULT_DIGITAL_OFFER_TIMEOUT_MS` of its medium for digital contacts.
   */
  readonly offerTimeoutMs?: number;
  /** DX-6: whether agents may decline this queue's offers (accept/reject per skill); true when absent. */
  readonly declinable?: boolean;
  /** WU-1…WU-3: this queue's wrap-up, instead of the tenant's. */
  readonly wrapUp?: WrapUpSettings;
  /** Mean arrivals per hour while traffic is on (a seeded Poisson process); 0 for none. */
  readonly arrivalsPerHour: number;
  /** How long a caller waits before hanging up, while traffic is on. `DEFAULT_CALLER_PATIENCE_MS` when absent. Voice only. */
  readonly callerPatienceMs?: SimRange;
  /**
   * How long a connected caller talks before hanging up, and how long a virtual agent takes over a
   * call or a digital contact.
   */
  readonly talkTimeMs?: SimRange;
  readonly virtualAgents?: SimVirtualAgents;
  /**
   * Calls or contacts already waiting when the world starts (QL-6), with waits of up to three
   * minutes drawn from the seed.
   */
  readonly waitingAtStart?: number;
  /** DX-2/DX-3: the agent response and customer inactivity timers of a digital queue (skill). */
  readonly timers?: ResponseTimers;
  /** DX-7: contacts of this queue come through this integration-defined channel type of the tenant. */
  readonly channelTypeId?: string;
  /** Email queues: the mailbox customers write to and agents answer from. `DEFAULT_MAILBOX` when absent. */
  readonly address?: string;
  /** Digital queues: how long a customer takes to write back. `DEFAULT_CUSTOMER_REPLY_MS` of the medium when absent. */
  readonly customerReplyMs?: SimRange;
  /** SV-2: the service level counts interactions answered within this wait. `DEFAULT_SERVICE_LEVEL_TARGET_MS` when absent. */
  readonly serviceLevelTargetMs?: number;
}

/** SV: a team of the simulated floor, with the queues its agents take work from. */
export interface SimFloorTeam extends Team {
  /** Each agent of the team is a member of every one of them (a few with one switched off, QL-5). */
  readonly queueIds: readonly string[];
}

/**
 * SV-1/SV-5: a floor of simulated agents generated from the seed — names, teams, queue
 * memberships — who sign in, go Ready and Not Ready with the tenant's reasons, take calls and
 * digital work from the queues while traffic is on, and wrap up. They are not in `agents`
 * (nobody connects as them); supervisors whose profile has their team see them in the roster.
 */
export interface SimFloor {
  /** How many agents, dealt to the teams in turn. */
  readonly agents: number;
  readonly teams: readonly SimFloorTeam[];
  /** Floor agents take a call or contact once it waited this long. `DEFAULT_FLOOR_ANSWER_AFTER_MS` when absent. */
  readonly answerAfterMs?: number;
  /** How long a floor agent's wrap-up lasts. `DEFAULT_FLOOR_WRAP_UP_MS` when absent. */
  readonly wrapUpMs?: SimRange;
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
  /**
   * Customers write back after the agent's messages even while traffic is off (with traffic on
   * they always do), a few times each, after a delay drawn from the seed.
   */
  readonly customersReply?: boolean;
  /**
   * TP-15: the digital queues a routing point (a transfer target's id) feeds; a contact goes to the
   * one of its medium. A routing point without a queue for the medium hands the contact out of the
   * simulated world.
   */
  readonly routingPointQueues?: Readonly<Record<string, readonly string[]>>;
  /** TP-5: the first thread loads of the world fail, this many (to show Retry). */
  readonly threadLoadFailures?: number;
  /** SV: simulated agents on the queues, for the supervisor's roster and figures. */
  readonly floor?: SimFloor;
}

/** CB-1: how long an offer rings when the queue does not say. */
export const DEFAULT_OFFER_TIMEOUT_MS = 15_000;
export const DEFAULT_CALLER_PATIENCE_MS: SimRange = { min: 45_000, max: 240_000 };
export const DEFAULT_TALK_TIME_MS: SimRange = { min: 60_000, max: 360_000 };
/** SV-2: answered within 20 s counts towards the service level, unless the queue says otherwise. */
export const DEFAULT_SERVICE_LEVEL_TARGET_MS = 20_000;

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
  digital: DIGITAL,
};

/** TP-15: where a conversation may go — its medium's queues and routing points, never the voice directory. */
const DIGITAL_TRANSFER_TARGETS: readonly TransferTarget[] = [
  { id: 'dq-chat', name: 'Web chat', kind: 'queue', media: ['chat'] },
  { id: 'dq-chat-billing', name: 'Billing chat', kind: 'queue', media: ['chat'] },
  { id: 'dq-email', name: 'Email support', kind: 'queue', media: ['email'] },
  { id: 'rp-billing-digital', name: 'Billing (chat and email)', kind: 'routingPoint', media: ['chat', 'email'] },
  { id: 'rp-social-team', name: 'Social media team', kind: 'routingPoint', media: ['sms', 'social'] },
];

/** The Billing routing point feeds the Billing chat and email queues; the social media team is outside the simulation. */
const ROUTING_POINT_QUEUES: Readonly<Record<string, readonly string[]>> = {
  'rp-billing-digital': ['dq-chat-billing', 'dq-email-billing'],
};

/** Voice and digital work together: the transfer list holds both, each medium sees its own (CB-3, TP-15). */
const DIGITAL_TENANT: TenantSettings = { ...TENANT, transferTargets: [...TRANSFER_TARGETS, ...DIGITAL_TRANSFER_TARGETS] };

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

/** DX-2/DX-3: chat answers fast and may give a quiet customer two more minutes. */
const CHAT_TIMERS: ResponseTimers = {
  firstResponseMs: 60_000,
  followUpMs: 90_000,
  customerInactivityMs: 180_000,
  inactivityExtensionMs: 120_000,
};
/** SMS customers answer slowly; no extension. */
const SMS_TIMERS: ResponseTimers = { firstResponseMs: 300_000, followUpMs: 600_000, customerInactivityMs: 900_000 };
/** Social posts wait for the agent, never for the customer. */
const SOCIAL_TIMERS: ResponseTimers = { firstResponseMs: 600_000, followUpMs: 900_000 };
const EMAIL_TIMERS: ResponseTimers = { firstResponseMs: 4 * 60 * 60_000 };

/**
 * TP, EM, DX: a queue per digital medium plus Billing chat and email (transfer destinations) and
 * Acme Messenger, a channel type brought by an integration that behaves as chat (DX-7). SMS closes
 * without wrap-up (WU-1); the others follow the tenant's forced wrap-up.
 */
const DIGITAL_QUEUES: readonly SimQueue[] = [
  {
    id: 'dq-chat',
    name: 'Web chat',
    media: 'chat',
    direction: 'inbound',
    members: [member(ANA.id), member(MAYA.id), member(LUCA.id)],
    supervisors: [supervisor(MAYA.id, true), supervisor(CAMILLE.id, true)],
    timers: CHAT_TIMERS,
    arrivalsPerHour: 24,
    talkTimeMs: { min: 180_000, max: 900_000 },
    virtualAgents: { count: 2, answerAfterMs: 45_000 },
  },
  {
    id: 'dq-chat-billing',
    name: 'Billing chat',
    media: 'chat',
    direction: 'inbound',
    members: [member(MAYA.id), member(LUCA.id), member(ANA.id, false)],
    supervisors: [supervisor(MAYA.id), supervisor(CAMILLE.id)],
    timers: CHAT_TIMERS,
    arrivalsPerHour: 6,
    talkTimeMs: { min: 180_000, max: 900_000 },
    virtualAgents: { count: 1, answerAfterMs: 60_000 },
  },
  {
    id: 'dq-sms',
    name: 'SMS',
    media: 'sms',
    direction: 'inbound',
    members: [member(ANA.id), member(MAYA.id)],
    supervisors: [supervisor(MAYA.id), supervisor(CAMILLE.id)],
    timers: SMS_TIMERS,
    // DX-6: SMS offers cannot be declined (accept/reject per skill).
    declinable: false,
    wrapUp: { mode: 'off', timeoutSec: 0 },
    arrivalsPerHour: 10,
    talkTimeMs: { min: 300_000, max: 1_200_000 },
    virtualAgents: { count: 1, answerAfterMs: 90_000 },
  },
  {
    id: 'dq-social',
    name: 'Social care',
    media: 'social',
    direction: 'inbound',
    members: [member(ANA.id), member(MAYA.id)],
    supervisors: [supervisor(MAYA.id), supervisor(CAMILLE.id, true)],
    timers: SOCIAL_TIMERS,
    arrivalsPerHour: 6,
    talkTimeMs: { min: 300_000, max: 1_200_000 },
    virtualAgents: { count: 1, answerAfterMs: 120_000 },
  },
  {
    id: 'dq-email',
    name: 'Email support',
    media: 'email',
    direction: 'inbound',
    address: 'support@acme.example',
    members: [member(ANA.id), member(MAYA.id), member(LUCA.id)],
    supervisors: [supervisor(MAYA.id), supervisor(CAMILLE.id)],
    timers: EMAIL_TIMERS,
    arrivalsPerHour: 12,
    talkTimeMs: { min: 300_000, max: 1_200_000 },
    virtualAgents: { count: 2, answerAfterMs: 300_000 },
  },
  {
    id: 'dq-email-billing',
    name: 'Billing email',
    media: 'email',
    direction: 'inbound',
    address: 'billing@acme.example',
    members: [member(MAYA.id), member(LUCA.id)],
    supervisors: [supervisor(MAYA.id)],
    timers: EMAIL_TIMERS,
    arrivalsPerHour: 4,
    talkTimeMs: { min: 300_000, max: 1_200_000 },
    virtualAgents: { count: 1, answerAfterMs: 300_000 },
  },
  {
    id: 'dq-acme',
    name: 'Acme Messenger',
    media: 'chat',
    direction: 'inbound',
    channelTypeId: 'acme-messenger',
    members: [member(ANA.id), member(MAYA.id)],
    supervisors: [supervisor(MAYA.id)],
    timers: CHAT_TIMERS,
    arrivalsPerHour: 6,
    talkTimeMs: { min: 180_000, max: 900_000 },
    virtualAgents: { count: 1, answerAfterMs: 60_000 },
  },
];

/** The digital scenario's morning: contacts waiting on every medium when the agent goes Ready. */
const DIGITAL_WAITING_AT_START: Readonly<Record<string, number>> = {
  'dq-chat': 2,
  'dq-sms': 1,
  'dq-social': 1,
  'dq-email': 2,
  'dq-acme': 1,
};

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

/** SV-3/SV-4, Finesse-style: a supervisor may change an agent's status and queues and join calls every way. */
const FINESSE_STYLE_SUPERVISOR: SupervisorPolicy = {
  changeAgentStatus: true,
  changeAgentQueues: true,
  monitorModes: ['monitor', 'whisper', 'barge'],
};
/** SV-3/SV-4, 8x8-style: a supervisor never changes an agent's own status, but may change queues and join calls. */
const EIGHT_BY_EIGHT_STYLE_SUPERVISOR: SupervisorPolicy = {
  changeAgentStatus: false,
  changeAgentQueues: true,
  monitorModes: ['monitor', 'whisper', 'barge'],
};

/** Camille leads three teams on the supervisor floor: Support EMEA, Retention and Billing. */
const CAMILLE_FLOOR: AgentProfile = { ...CAMILLE, teams: [TEAMS.supportEmea, TEAMS.retention, TEAMS.billing] };

/**
 * The supervisor floor's queues: the everyday voice and digital ones, every one monitored by
 * Camille (QL-7), staffed by the floor instead of anonymous background agents, with arrivals
 * sized for about forty people (Support runs hot, so calls wait there now and then), and the
 * Outage hotline that nobody staffs (QL-6: calls wait and give up).
 */
const FLOOR_ARRIVALS: Readonly<Record<string, number>> = {
  'q-sales': 90,
  'q-support': 100,
  'q-billing': 60,
  'q-retention': 20,
  'q-callbacks': 10,
  'dq-chat': 14,
  'dq-chat-billing': 6,
  'dq-email': 6,
  'dq-email-billing': 4,
};
const FLOOR_QUEUES: readonly SimQueue[] = [
  ...[...QUEUES, ...DIGITAL_QUEUES]
    .filter((queue) => queue.id in FLOOR_ARRIVALS)
    .map(({ virtualAgents: _replacedByTheFloor, ...queue }) => ({
      ...queue,
      supervisors: [...queue.supervisors.filter((s) => s.agentId !== CAMILLE.id), supervisor(CAMILLE.id, true)],
      arrivalsPerHour: FLOOR_ARRIVALS[queue.id]!,
      ...(queue.media === 'voice' ? {} : { serviceLevelTargetMs: 60_000 }),
    })),
  {
    id: 'q-outages',
    name: 'Outage hotline',
    media: 'voice',
    direction: 'inbound',
    members: [],
    supervisors: [supervisor(CAMILLE.id, true)],
    arrivalsPerHour: 12,
    waitingAtStart: 2,
  },
];

const SUPERVISOR_FLOOR: SimFloor = {
  agents: 37,
  teams: [
    { ...TEAMS.supportEmea, queueIds: ['q-support', 'dq-chat', 'dq-email'] },
    { ...TEAMS.retention, queueIds: ['q-retention', 'q-sales', 'q-callbacks'] },
    { ...TEAMS.billing, queueIds: ['q-billing', 'dq-chat-billing', 'dq-email-billing'] },
  ],
};

/** supervisorLarge: ten lines of business in five regions — fifty teams of a hundred. */
const FUNCTIONS = [
  { id: 'billing', name: 'Billing' },
  { id: 'support', name: 'Support' },
  { id: 'sales', name: 'Sales' },
  { id: 'retention', name: 'Retention' },
  { id: 'collections', name: 'Collections' },
  { id: 'tech', name: 'Technical support' },
  { id: 'onboarding', name: 'Onboarding' },
  { id: 'claims', name: 'Claims' },
  { id: 'loyalty', name: 'Loyalty' },
  { id: 'bookings', name: 'Bookings' },
] as const;
const REGIONS = [
  { id: 'emea', name: 'EMEA' },
  { id: 'na', name: 'North America' },
  { id: 'latam', name: 'Latin America' },
  { id: 'apac', name: 'Asia Pacific' },
  { id: 'nordics', name: 'Nordics' },
] as const;

/** How busy each voice queue is against its team: most comfortable, one in five at the edge (calls wait, some give up). */
const LARGE_LOAD = [0.8, 1, 1.25, 0.9, 1.5] as const;
const LARGE_VOICE_QUEUES: readonly SimQueue[] = FUNCTIONS.flatMap((fn, f) =>
  REGIONS.map((region, r) => ({
    id: `q-${fn.id}-${region.id}`,
    name: `${fn.name} – ${region.name}`,
    media: 'voice' as const,
    direction: 'inbound' as const,
    members: fn.id === 'support' && region.id === 'emea' ? [member(LUCA.id)] : [],
    supervisors: [supervisor(CAMILLE.id, true)],
    arrivalsPerHour: Math.round(800 * LARGE_LOAD[(f + r) % LARGE_LOAD.length]!),
  })),
);
/** Chat per line of business (taken by its EMEA, North America and Latin America teams), email per region. */
const LARGE_DIGITAL_QUEUES: readonly SimQueue[] = [
  ...FUNCTIONS.map((fn) => ({
    id: `dq-${fn.id}-chat`,
    name: `${fn.name} chat`,
    media: 'chat' as const,
    direction: 'inbound' as const,
    members: fn.id === 'support' ? [member(LUCA.id)] : [],
    supervisors: [supervisor(CAMILLE.id, true)],
    timers: CHAT_TIMERS,
    arrivalsPerHour: 240,
    talkTimeMs: { min: 180_000, max: 900_000 },
    serviceLevelTargetMs: 60_000,
  })),
  ...REGIONS.map((region) => ({
    id: `dq-${region.id}-email`,
    name: `Email – ${region.name}`,
    media: 'email' as const,
    direction: 'inbound' as const,
    address: `${region.id}@acme.example`,
    members: [],
    supervisors: [supervisor(CAMILLE.id, true)],
    timers: EMAIL_TIMERS,
    arrivalsPerHour: 80,
    talkTimeMs: { min: 300_000, max: 1_200_000 },
    serviceLevelTargetMs: 60 * 60_000,
  })),
];
const LARGE_TEAMS: readonly SimFloorTeam[] = FUNCTIONS.flatMap((fn, f) =>
  REGIONS.map((region, r) => ({
    id: `team-${fn.id}-${region.id}`,
    name: `${fn.name} ${region.name}`,
    queueIds: [`q-${fn.id}-${region.id}`, ...(r < 3 ? [`dq-${fn.id}-chat`] : []), ...(f % 3 === 0 ? [`dq-${region.id}-email`] : [])],
  })),
);
const LARGE_FLOOR: SimFloor = { agents: 5_000, teams: LARGE_TEAMS };
/** The supervisor of the whole floor; Luca (Support EMEA) is the one real agent among the five thousand. */
const CAMILLE_LARGE: AgentProfile = { ...CAMILLE, teams: LARGE_TEAMS.map(({ id, name }) => ({ id, name })) };
const LARGE_TRANSFER_TARGETS: readonly TransferTarget[] = [
  { id: 'q-support-emea', name: 'Support – EMEA', kind: 'queue' },
  { id: 'q-billing-emea', name: 'Billing – EMEA', kind: 'queue' },
  { id: 'q-sales-na', name: 'Sales – North America', kind: 'queue' },
  ...TRANSFER_TARGETS.filter((t) => t.kind !== 'queue'),
  { id: 'dq-support-chat', name: 'Support chat', kind: 'queue', media: ['chat'] },
  { id: 'dq-emea-email', name: 'Email – EMEA', kind: 'queue', media: ['email'] },
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
  'digital',
  'supervisorFloor',
  'supervisorLarge',
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
      'Calls arrive in Sales, Support, Billing and Retention, callbacks in Callbacks, chats, SMS, posts and emails in the digital queues; callers hang up when kept waiting, customers write back and background agents answer.',
    tenant: DIGITAL_TENANT,
    agents: EVERYONE,
    extensions: EXTENSIONS,
    queues: [...QUEUES, ...DIGITAL_QUEUES],
    traffic: true,
    consultOutcomes: CONSULT_OUTCOMES,
    routingPointQueues: ROUTING_POINT_QUEUES,
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
  digital: {
    title: 'Digital channels',
    description:
      'Chats (one through Acme Messenger, an integration’s channel), SMS, social posts and emails wait on every medium; the first email is hostile HTML, the second carries files the PCI rule blocks. Customers write back; on social a plain agent’s replies need approval (DX-1). Still until traffic is switched on.',
    tenant: { ...DIGITAL_TENANT, digital: { ...DIGITAL, permissions: SOCIAL_NEEDS_APPROVAL } },
    agents: AGENT_FIRST,
    extensions: EXTENSIONS,
    queues: [...QUEUES, ...DIGITAL_QUEUES.map((queue) => ({ ...queue, waitingAtStart: DIGITAL_WAITING_AT_START[queue.id] ?? 0 }))],
    traffic: false,
    consultOutcomes: CONSULT_OUTCOMES,
    routingPointQueues: ROUTING_POINT_QUEUES,
    customersReply: true,
  },
  supervisorFloor: {
    title: 'Supervisor floor',
    description:
      'Camille Durand supervises Support EMEA, Retention and Billing: about forty agents (Maya, Luca and Ana among them, the rest simulated) take calls, chats and emails, go on breaks and wrap up. Finesse-style: she may change their status and queues and monitor, whisper or barge.',
    tenant: { ...DIGITAL_TENANT, supervisor: FINESSE_STYLE_SUPERVISOR },
    agents: [CAMILLE_FLOOR, MAYA, LUCA, ANA],
    extensions: EXTENSIONS,
    queues: FLOOR_QUEUES,
    traffic: true,
    consultOutcomes: CONSULT_OUTCOMES,
    routingPointQueues: ROUTING_POINT_QUEUES,
    floor: SUPERVISOR_FLOOR,
  },
  supervisorLarge: {
    title: 'Supervisor floor, 5,000 agents',
    description:
      'Camille Durand supervises fifty teams of a hundred on sixty-five queues, all busy. 8x8-style: she may change queues and join calls but never an agent’s own status.',
    tenant: { ...DIGITAL_TENANT, transferTargets: LARGE_TRANSFER_TARGETS, supervisor: EIGHT_BY_EIGHT_STYLE_SUPERVISOR },
    agents: [CAMILLE_LARGE, LUCA],
    extensions: EXTENSIONS,
    queues: [...LARGE_VOICE_QUEUES, ...LARGE_DIGITAL_QUEUES],
    traffic: true,
    consultOutcomes: CONSULT_OUTCOMES,
    floor: LARGE_FLOOR,
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
    if (queue.media !== 'voice') checkDigitalQueue(scenario, queue, fail);
    else if (queue.timers || queue.channelTypeId !== undefined || queue.address !== undefined || queue.customerReplyMs) {
      fail(`${name} is a voice queue; response timers, channel types, mailboxes and customer replies are for digital queues.`);
    }
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
      ['customerReplyMs', queue.customerReplyMs],
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
    const target = queue.serviceLevelTargetMs;
    if (target !== undefined && !(target > 0 && Number.isFinite(target)))
      fail(`${name} needs a service level target above 0 ms, not ${target}.`);
  }
  if (scenario.floor) checkFloor(scenario.floor, queueIds, fail);
  const targetIds = new Set(scenario.tenant.transferTargets.map((t) => t.id));
  if (targetIds.size !== scenario.tenant.transferTargets.length) fail('lists a transfer target twice.');
  for (const targetId of Object.keys(scenario.consultOutcomes ?? {})) {
    if (!targetIds.has(targetId)) fail(`has a consultation outcome for "${targetId}", which is not a transfer target.`);
  }
  checkRoutingPoints(scenario, fail);
  const failures = scenario.threadLoadFailures;
  if (failures !== undefined && !(Number.isInteger(failures) && failures >= 0)) fail('needs a whole number of thread load failures.');
  return scenario;
}

function checkDigitalQueue(scenario: SimScenario, queue: SimQueue, fail: (problem: string) => never): void {
  const name = `queue "${queue.id}"`;
  if (queue.direction !== 'inbound') fail(`${name} is an outbound ${queue.media} queue; digital queues are inbound.`);
  if (queue.callerPatienceMs) fail(`${name} has callerPatienceMs; digital customers do not hang up.`);
  if (queue.channelTypeId !== undefined) {
    const type = scenario.tenant.digital.channelTypes.find((t) => t.id === queue.channelTypeId);
    if (!type) fail(`${name} names the channel type "${queue.channelTypeId}", which the tenant does not define.`);
    else if (type.media !== queue.media) fail(`${name} is ${queue.media} but its channel type "${type.id}" behaves as ${type.media}.`);
  }
  for (const [label, ms] of Object.entries(queue.timers ?? {})) {
    if (!(typeof ms === 'number' && ms > 0 && Number.isFinite(ms))) fail(`${name} needs its ${label} above 0 ms, not ${String(ms)}.`);
  }
}

/** SV: a floor of whole agents, on teams of their own, each team on queues the scenario has. */
function checkFloor(floor: SimFloor, queueIds: ReadonlySet<string>, fail: (problem: string) => never): void {
  if (!(Number.isInteger(floor.agents) && floor.agents >= 0)) fail(`needs a whole number of floor agents, not ${floor.agents}.`);
  if (floor.agents > 0 && floor.teams.length === 0) fail('has floor agents but no team to put them in.');
  const teamIds = new Set<string>();
  for (const team of floor.teams) {
    if (teamIds.has(team.id)) fail(`lists the floor team "${team.id}" twice.`);
    teamIds.add(team.id);
    if (team.queueIds.length === 0) fail(`the floor team "${team.id}" takes work from no queue.`);
    for (const queueId of team.queueIds) {
      if (!queueIds.has(queueId)) fail(`the floor team "${team.id}" takes work from "${queueId}", which is not one of its queues.`);
    }
  }
  if (floor.answerAfterMs !== undefined && !(floor.answerAfterMs >= 0)) fail('needs the floor to answer after 0 ms or more.');
  const wrapUp = floor.wrapUpMs;
  if (wrapUp && !(wrapUp.min >= 0 && wrapUp.max >= wrapUp.min && Number.isFinite(wrapUp.max))) {
    fail(`has a floor wrap-up from ${wrapUp.min} to ${wrapUp.max}; it needs 0 ≤ min ≤ max.`);
  }
}

/** TP-15: every routing point's queues exist, are digital and take a medium the routing point takes. */
function checkRoutingPoints(scenario: SimScenario, fail: (problem: string) => never): void {
  const { transferTargets } = scenario.tenant;
  for (const target of transferTargets) {
    if (target.kind !== 'queue' || target.media === undefined) continue;
    const queue = scenario.queues.find((q) => q.id === target.id);
    if (!queue || !target.media.includes(queue.media))
      fail(`the transfer target "${target.id}" is not a queue of ${target.media.join(' or ')}.`);
  }
  for (const [targetId, queueIds] of Object.entries(scenario.routingPointQueues ?? {})) {
    const target = transferTargets.find((t) => t.id === targetId);
    if (target?.kind !== 'routingPoint' || target.media === undefined) fail(`routes "${targetId}", which is not a digital routing point.`);
    for (const queueId of queueIds) {
      const queue = scenario.queues.find((q) => q.id === queueId);
      if (!queue || !target!.media!.includes(queue.media)) {
        fail(`the routing point "${targetId}" feeds "${queueId}", which is not one of its media's queues.`);
      }
    }
  }
}
