// What the Finesse-style emulator can be told, and its defaults. Every behaviour the protocol
// brief marks UNVERIFIED is a setting here, defaulting to the brief's most likely value, so the
// adapter can be checked against the other plausible servers too.

import type { ErrorCode } from '@cc-elements/core';
import type { ScenarioName, SimContactCenter, SimContactCenterOptions, SimScenario } from '@cc-elements/adapter-sim';

/** `NON_SSO` takes Basic only, `SSO` Bearer only, `HYBRID` both (brief §1; strings beyond SSO/NON_SSO UNVERIFIED). */
export type SystemAuthMode = 'NON_SSO' | 'SSO' | 'HYBRID';

/**
 * The root element under a notification's `<data>` (brief §9.4, UNVERIFIED): `mixed` is the
 * brief's (`user`, `dialogs`, `dialog`, `media`, `team`, `apiErrors`, `systemInfo`, but `Queue`),
 * `lower` and `capitalized` put every root in one case.
 */
export type DataElementCase = 'mixed' | 'lower' | 'capitalized';

/** One emulator node (a Finesse server with its own Openfire — here Prosody). */
export interface EmulatorNodeOptions {
  /** The node's host name: its SystemInfo `xmppDomain` and its XMPP domain. */
  readonly host?: string;
  /** The REST port on 127.0.0.1; a free one when omitted. */
  readonly restPort?: number;
}

/** The Finesse system reason codes the simulator's own Not Ready reasons become (UNVERIFIED beyond 255/50006). */
export interface SystemReasonCodes {
  /** A missed offer that leaves the agent Not Ready (RONA). */
  readonly rona: number;
  /** A missed offer after which the agent becomes Ready again by itself. */
  readonly missed: number;
  /** A declined offer (only with `declineByDrop`: Finesse has no decline for ACD calls). */
  readonly declined: number;
}

export interface FinesseEmulatorOptions {
  /** The ACD behind every node; one is created from `scenario` and `engineOptions` when omitted. */
  readonly engine?: SimContactCenter;
  /** The simulator scenario when no engine is given. `default` when omitted. */
  readonly scenario?: SimScenario | ScenarioName;
  /** Further options of the engine created here (seed, traffic, consult delay, …). */
  readonly engineOptions?: Omit<SimContactCenterOptions, 'scenario'>;
  /** The nodes, primary first. Two when omitted: `finesse-a.localhost` and `finesse-b.localhost`. */
  readonly nodes?: readonly EmulatorNodeOptions[];
  /** Passwords by agent id; agents not listed use `defaultPassword`. */
  readonly passwords?: Readonly<Record<string, string>>;
  /** The password of every agent not in `passwords`. `secret` when omitted. */
  readonly defaultPassword?: string;
  /** SSO access tokens by agent id; random ones when omitted (see `handle.agents`). */
  readonly tokens?: Readonly<Record<string, string>>;
  /** `NON_SSO` when omitted. */
  readonly systemAuthMode?: SystemAuthMode;
  /** What SystemInfo `systemAuthMode` says (the strings beyond SSO/NON_SSO are UNVERIFIED). The mode's name when omitted. */
  readonly systemAuthModeText?: string;
  /** Lock an id after this many failed sign-ins in a row, for `durationMs` (brief §1: 5, about 5 minutes); `false` never locks. */
  readonly lockout?: { readonly failures: number; readonly durationMs: number } | false;
  /** SystemInfo needs credentials too (UNVERIFIED). `false` when omitted. */
  readonly systemInfoRequiresAuth?: boolean;
  /** SystemInfo `deploymentType` (UNVERIFIED values). `UCCE` when omitted. */
  readonly deploymentType?: string;
  /** SystemInfo `timezoneOffset`, minutes (unit UNVERIFIED). 0 when omitted. */
  readonly timezoneOffset?: number;
  /** Queue statistics are published at most this often, and only when changed (brief §6: ~10 s). */
  readonly queueStatsIntervalMs?: number;
  /**
   * Subscribe every user's bare JID, as admin, to the nodes Finesse subscribes by itself (brief
   * §9.2: User, Dialogs, Media, Dialogs/Media, SystemInfo). `true` when omitted; with `false`,
   * clients subscribe to those nodes themselves.
   */
  readonly autoSubscribe?: boolean;
  /** The namespace of `<notification>` (UNVERIFIED); `null` leaves it out. `http://jabber.org/protocol/pubsub` when omitted. */
  readonly notificationNamespace?: string | null;
  /** `mixed` when omitted. */
  readonly dataElementCase?: DataElementCase;
  /** NOT_READY and LOGOUT need a `reasonCodeId` (a Finesse config flag). `false` when omitted. */
  readonly reasonCodesRequired?: boolean;
  /** Labels of the LOGOUT reason codes (the simulator has none of its own). */
  readonly logoutReasons?: readonly string[];
  readonly systemReasonCodes?: Partial<SystemReasonCodes>;
  /**
   * Where a missed offer (RONA) leaves the agent (UNVERIFIED, configuration-dependent): Not Ready
   * with the RONA system reason, or Ready again at once. `NOT_READY` when omitted.
   */
  readonly ronaState?: 'NOT_READY' | 'READY';
  /** DROP on an alerting call declines it (the simulator's decline); Finesse offers only ANSWER. `false` when omitted. */
  readonly declineByDrop?: boolean;
  /** States LOGOUT may be requested from (UCCE: NOT_READY only; UCCX UNVERIFIED). */
  readonly logoutAllowedFrom?: readonly ('NOT_READY' | 'READY')[];
  /** Mobile agent modes accepted at sign-in; others are refused with `Mode Not Allowed`. */
  readonly mobileAgentModes?: readonly string[];
  /** Media (MRD) state while a task is active (UNVERIFIED); `null` keeps READY/NOT_READY. `ACTIVE` when omitted. */
  readonly mediaActiveState?: string | null;
  /** Dialog `state` while the agent wraps up (the agent's participant is `WRAP_UP`). `DROPPED` when omitted. */
  readonly wrapUpDialogState?: string;
  /** The call variable that carries the customer's name. `callVariable1` when omitted. */
  readonly customerNameVariable?: string;
  /** The Finesse ErrorType a simulator refusal becomes, by its error code (see `DEFAULT_ERROR_TYPES`). */
  readonly errorTypes?: Partial<Record<ErrorCode, string>>;
  /** List chat, SMS, social and email queues too (with a `mediaType` element) in User/Queues. `false` when omitted. */
  readonly includeDigitalQueues?: boolean;
  /** Larger request bodies are refused with 400. 64 KiB when omitted. */
  readonly maxBodyBytes?: number;
  /** Origins allowed by CORS: `loopback` (any http://127.0.0.1 or localhost port), `*`, or a list. `loopback` when omitted. */
  readonly corsOrigins?: 'loopback' | '*' | readonly string[];
  /** Serve the `/emulator/…` control endpoints. `true` when omitted. */
  readonly control?: boolean;
  /** The emulator closes a wrap-up when its timer runs out, with the reason set so far (brief §3.3). `true` when omitted. */
  readonly closeWrapUpAtDeadline?: boolean;
  /** Prosody's console log level. `warn` when omitted. */
  readonly prosodyLogLevel?: 'debug' | 'info' | 'warn' | 'error';
}

/** Finesse ErrorType for each simulator refusal (brief §1.2; the list beyond the sign-in errors is UNVERIFIED). */
export const DEFAULT_ERROR_TYPES: Readonly<Partial<Record<ErrorCode, string>>> = {
  'extension.invalid': 'Invalid Device',
  'extension.notRegistered': 'Invalid Device',
  'dialNumber.invalid': 'Invalid Device',
  'dialNumber.notRegistered': 'Invalid Device',
  'dialNumber.notUnique': 'Device Busy',
  'station.unavailable': 'Invalid Device',
  'profile.forbidden': 'Unauthorized',
  'session.required': 'Invalid State',
  'command.notAllowed': 'Invalid State',
  'command.unsupported': 'Invalid State',
  'wrapUp.reasonRequired': 'Invalid State',
  'offer.expired': 'Invalid State',
  'task.unknown': 'Invalid State',
  'dtmf.invalid': 'Invalid Input',
  api: 'Invalid Input',
};

/** The ErrorType of call-control refusals that arrive asynchronously (brief §1.2, confirmed). */
export const CALL_OPERATION_FAILURE = 'Call Operation Failure';

/** Everything resolved: what the rest of the emulator reads. */
export interface EmulatorSettings {
  readonly defaultPassword: string;
  readonly passwords: Readonly<Record<string, string>>;
  readonly tokens: Readonly<Record<string, string>> | undefined;
  readonly systemAuthMode: SystemAuthMode;
  readonly systemAuthModeText: string;
  readonly lockout: { readonly failures: number; readonly durationMs: number } | false;
  readonly systemInfoRequiresAuth: boolean;
  readonly deploymentType: string;
  readonly timezoneOffset: number;
  readonly queueStatsIntervalMs: number;
  readonly autoSubscribe: boolean;
  readonly notificationNamespace: string | null;
  readonly dataElementCase: DataElementCase;
  readonly reasonCodesRequired: boolean;
  readonly logoutReasons: readonly string[];
  readonly systemReasonCodes: SystemReasonCodes;
  readonly ronaState: 'NOT_READY' | 'READY';
  readonly declineByDrop: boolean;
  readonly logoutAllowedFrom: readonly string[];
  readonly mobileAgentModes: readonly string[];
  readonly mediaActiveState: string | null;
  readonly wrapUpDialogState: string;
  readonly customerNameVariable: string;
  readonly errorTypes: Readonly<Partial<Record<ErrorCode, string>>>;
  readonly includeDigitalQueues: boolean;
  readonly maxBodyBytes: number;
  readonly corsOrigins: 'loopback' | '*' | readonly string[];
  readonly control: boolean;
  readonly closeWrapUpAtDeadline: boolean;
  readonly prosodyLogLevel: 'debug' | 'info' | 'warn' | 'error';
}

export const DEFAULT_NODE_HOSTS = ['finesse-a.localhost', 'finesse-b.localhost'] as const;

/** The settings with every default filled in. */
export function resolveSettings(options: FinesseEmulatorOptions): EmulatorSettings {
  return {
    defaultPassword: options.defaultPassword ?? 'secret',
    passwords: options.passwords ?? {},
    tokens: options.tokens,
    systemAuthMode: options.systemAuthMode ?? 'NON_SSO',
    systemAuthModeText: options.systemAuthModeText ?? options.systemAuthMode ?? 'NON_SSO',
    lockout: options.lockout ?? { failures: 5, durationMs: 5 * 60_000 },
    systemInfoRequiresAuth: options.systemInfoRequiresAuth ?? false,
    deploymentType: options.deploymentType ?? 'UCCE',
    timezoneOffset: options.timezoneOffset ?? 0,
    queueStatsIntervalMs: Math.max(10, options.queueStatsIntervalMs ?? 10_000),
    autoSubscribe: options.autoSubscribe ?? true,
    notificationNamespace:
      options.notificationNamespace === undefined ? 'http://jabber.org/protocol/pubsub' : options.notificationNamespace,
    dataElementCase: options.dataElementCase ?? 'mixed',
    reasonCodesRequired: options.reasonCodesRequired ?? false,
    logoutReasons: options.logoutReasons ?? ['End of shift', 'Personal'],
    systemReasonCodes: { rona: 32767, missed: 32767, declined: 32762, ...options.systemReasonCodes },
    ronaState: options.ronaState ?? 'NOT_READY',
    declineByDrop: options.declineByDrop ?? false,
    logoutAllowedFrom: options.logoutAllowedFrom ?? ['NOT_READY'],
    mobileAgentModes: options.mobileAgentModes ?? ['CALL_BY_CALL', 'NAILED_CONNECTION'],
    mediaActiveState: options.mediaActiveState === undefined ? 'ACTIVE' : options.mediaActiveState,
    wrapUpDialogState: options.wrapUpDialogState ?? 'DROPPED',
    customerNameVariable: options.customerNameVariable ?? 'callVariable1',
    errorTypes: { ...DEFAULT_ERROR_TYPES, ...options.errorTypes },
    includeDigitalQueues: options.includeDigitalQueues ?? false,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
    corsOrigins: options.corsOrigins ?? 'loopback',
    control: options.control ?? true,
    closeWrapUpAtDeadline: options.closeWrapUpAtDeadline ?? true,
    prosodyLogLevel: options.prosodyLogLevel ?? 'warn',
  };
}
