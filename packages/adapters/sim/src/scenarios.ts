// The worlds the simulator can play: a tenant, the people who may sign in, the station registry
// and the faults to show. Built-in scenarios back the demo, the stories and the tests by name.

import {
  DEFAULT_TENANT,
  type AgentProfile,
  type ErrorCode,
  type Media,
  type ReasonCode,
  type Team,
  type TenantSettings,
} from '@cc-elements/core';

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
}

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

const TENANT: TenantSettings = {
  ...DEFAULT_TENANT,
  stationKinds: ['dialNumber', 'extension', 'desktop'],
  defaultCountry: 'US',
  notReadyReasons: NOT_READY_REASONS,
  media: ['voice', 'chat', 'sms', 'social', 'email'],
  retryAttempts: 3,
  retryDelayMs: 2000,
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
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export const SCENARIOS: Readonly<Record<ScenarioName, SimScenario>> = {
  default: {
    title: 'Default',
    description: 'A supervisor who can also take work, every station kind, several teams and every medium.',
    tenant: TENANT,
    agents: EVERYONE,
    extensions: EXTENSIONS,
  },
  agentOnly: {
    title: 'Agent only',
    description: 'The profile allows one role, so the station login shows no role field.',
    tenant: TENANT,
    agents: AGENT_FIRST,
    extensions: EXTENSIONS,
  },
  restrictedDialNumber: {
    title: 'Restricted to the default dial number',
    description: 'The tenant prefills its default dial number and refuses any other (SL-5).',
    tenant: { ...TENANT, defaultDialNumber: '+14155550142', restrictToDefaultDialNumber: true },
    agents: EVERYONE,
    extensions: EXTENSIONS,
  },
  defaultDialNumber: {
    title: 'Default dial number',
    description: 'The tenant prefills a default dial number that the agent may change (SL-5).',
    tenant: { ...TENANT, defaultDialNumber: '+14155550177', restrictToDefaultDialNumber: false },
    agents: EVERYONE,
    extensions: EXTENSIONS,
  },
  noDesktop: {
    title: 'No desktop phone',
    description: 'The tenant allows dial numbers and extensions only (SL-2).',
    tenant: { ...TENANT, stationKinds: ['dialNumber', 'extension'] },
    agents: EVERYONE,
    extensions: EXTENSIONS,
  },
  partialSignIn: {
    title: 'Partial sign-in',
    description: 'Email fails to sign in twice and recovers on the automatic retry; SMS never signs in (ST-5).',
    tenant: TENANT,
    agents: EVERYONE,
    extensions: EXTENSIONS,
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
    dialNumbersInUse: ['+14155550100'],
  },
  registryRequired: {
    title: 'Registered dial numbers only',
    description: `Only dial numbers the tenant registered may sign in, e.g. ${REGISTERED_DIAL_NUMBERS[0]} (SL-10).`,
    tenant: TENANT,
    agents: EVERYONE,
    extensions: EXTENSIONS,
    dialNumberRegistry: REGISTERED_DIAL_NUMBERS,
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
