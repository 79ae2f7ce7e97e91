// Finesse records in the core's words: a User becomes the profile, the session and the voice
// medium's state; ReasonCodes and WrapUpReasons the tenant's lists; Dialogs the tasks (a consult
// dialog folds into the call it consults about); MediaList the digital media; Queues the queue
// figures. Pure functions: what they cannot read from the record comes from the options or from
// what the adapter saw before (`previous`).

import {
  DEFAULT_TENANT,
  type AgentProfile,
  type AgentSession,
  type Consultation,
  type CustomerField,
  type Media,
  type MediaState,
  type MediaStatus,
  type RosterAgent,
  type Queue as CoreQueue,
  type ReasonCode as CoreReasonCode,
  type Role,
  type Station,
  type Task,
  type TenantSettings,
  type TransferTarget,
  type WrapUpSettings,
} from '@cc-elements/core';
import type {
  Dialog,
  Media as FinesseMedia,
  Participant,
  Queue,
  ReasonCode,
  TaskState,
  User,
  VoiceDialog,
  WrapUpReason,
  WrapUpMode,
} from './xml/index.js';

/** What mapping needs from the adapter's options. */
export interface MappingSettings {
  /** Which core medium each MRD is, by MRD id or name (case-insensitive); unmapped MRDs are left out. */
  readonly mrdMedia: Readonly<Record<string, Exclude<Media, 'voice'>>>;
  /** Where calls may be transferred or consulted: Finesse has no directory of its own here. */
  readonly transferTargets: readonly (TransferTarget & { readonly address?: string })[];
  /** WU-3: the wrap-up timer configured on the contact center (seconds, 0–60). */
  readonly wrapUpTimeoutSec: number;
  /** The call variable that names the caller, if the IVR sets one. */
  readonly customerNameVariable?: string;
}

export const DEFAULT_MRD_MEDIA: MappingSettings['mrdMedia'] = { chat: 'chat', email: 'email', sms: 'sms', social: 'social' };

/** A Finesse time (epoch ms) or now. */
const timeOr = (t: number | undefined, now: number) => t ?? now;

export function profileFrom(user: User): AgentProfile {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.loginName || user.loginId;
  const agent = user.roles.includes('Agent');
  const supervisor = user.roles.includes('Supervisor');
  const roles: Role[] = [
    ...(agent ? (['agent'] as const) : []),
    ...(supervisor ? (['supervisor'] as const) : []),
    ...(agent && supervisor ? (['supervisorAgent'] as const) : []),
  ];
  // An agent belongs to one team; a supervisor also has the teams they supervise (§3.2 `teams`),
  // and SL-8 lists every one they may sign in for.
  const teams = new Map<string, string>();
  if (user.teamId) teams.set(user.teamId, user.teamName ?? user.teamId);
  if (supervisor) for (const t of user.teams) teams.set(t.id, t.name ?? t.id);
  return {
    id: user.loginId,
    name,
    roles: roles.length > 0 ? roles : ['agent'],
    teams: [...teams].map(([id, teamName]) => ({ id, name: teamName })),
  };
}

/**
 * finesse.js WrapUpMode → the core's wrap-up. REQUIRED_WITH_WRAP_UP_DATA is the one that wants a
 * reason (WU-2); REQUIRED and OPTIONAL lead to wrap-up with reasons offered, not demanded.
 */
export function wrapUpFrom(mode: WrapUpMode | undefined, timeoutSec: number): WrapUpSettings {
  switch (mode) {
    case 'REQUIRED_WITH_WRAP_UP_DATA':
      return { mode: 'forced', timeoutSec };
    case 'REQUIRED':
    case 'OPTIONAL':
      return { mode: 'optional', timeoutSec };
    default:
      return { mode: 'off', timeoutSec: 0 };
  }
}

/** WU-2/WU-3: a call's wrap-up as the task carries it, from the agent's entering WORK / WORK_READY. */
export function taskWrapUp(settings: WrapUpSettings, since: number): NonNullable<Task['wrapUp']> {
  return { forced: settings.mode === 'forced', ...(settings.timeoutSec > 0 ? { expiresAt: since + settings.timeoutSec * 1000 } : {}) };
}

const reasonFrom = (r: ReasonCode | WrapUpReason): CoreReasonCode => ({ id: r.id, label: r.label });

export interface TenantSources {
  readonly user: User;
  readonly notReady: readonly ReasonCode[];
  readonly wrapUpReasons: readonly WrapUpReason[];
  readonly media: readonly FinesseMedia[];
}

export function tenantFrom(sources: TenantSources, settings: MappingSettings): TenantSettings {
  const digital = sources.media.map((m) => mediumOf(m, settings)).filter((m): m is Exclude<Media, 'voice'> => m !== undefined);
  return {
    ...DEFAULT_TENANT,
    // Finesse signs in with an extension, or as a mobile agent on a number (§3.4); there is no browser phone here.
    stationKinds: ['extension', 'dialNumber'],
    notReadyReasons: sources.notReady.filter((r) => !r.systemCode).map(reasonFrom),
    media: ['voice', ...new Set(digital)],
    wrapUpReasons: sources.wrapUpReasons.map(reasonFrom),
    wrapUp: wrapUpFrom(sources.user.settings.wrapUpOnIncoming, settings.wrapUpTimeoutSec),
    transferTargets: settings.transferTargets.map(({ address: _a, ...target }) => target),
    // A missed call leaves the agent Not Ready until they move (RONA on UCCE, §3.3).
    offerRules: { declinedUnavailableMs: 0, missedUnavailableMs: null },
    // SV-3/SV-4 (§7): a Finesse supervisor may change an agent's state; silent monitoring and barge-in
    // place calls from the supervisor's own phone, which this adapter does not make.
    supervisor: { changeAgentStatus: true, changeAgentQueues: false, monitorModes: [] },
  };
}

export function mediumOf(media: FinesseMedia, settings: MappingSettings): Exclude<Media, 'voice'> | undefined {
  const byKey = (key: string | undefined) =>
    key === undefined ? undefined : Object.entries(settings.mrdMedia).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
  return byKey(media.id) ?? byKey(media.name) ?? byKey(media.channel) ?? byKey(media.mediaClass);
}

/** The session a signed-in User is in. Finesse keeps no role per session, so the profile's widest one is used. */
export function sessionFrom(user: User, previous: AgentSession | undefined, now: number): AgentSession | undefined {
  if (user.state === 'LOGOUT') return undefined;
  const station: Station = user.mobileAgent
    ? { kind: 'dialNumber', number: e164(user.mobileAgent.dialNumber) }
    : { kind: 'extension', extension: user.extension ?? '' };
  const roles = profileFrom(user).roles;
  const role: Role = previous?.role ?? (roles.includes('supervisorAgent') ? 'supervisorAgent' : roles[0]!);
  return {
    role,
    station,
    ...((previous?.teamId ?? user.teamId) ? { teamId: (previous?.teamId ?? user.teamId)! } : {}),
    signedInAt: previous?.signedInAt ?? now,
  };
}

/** Finesse dial numbers are digits (§3.4); the core keeps E.164. */
export const e164 = (digits: string) => (digits.startsWith('+') ? digits : `+${digits}`);
/** …and sends digits back. */
export const finesseNumber = (number: string) => number.replace(/^\+/, '');

/**
 * The voice medium's state. RESERVED, TALKING and HOLD are calls, not availability: the agent is
 * still what they were before (or what `pendingState` says they will be). WORK leads to Not Ready,
 * WORK_READY to Ready (§3.3).
 */
export function voiceStateFrom(user: User, previous: MediaState | undefined, now: number): Omit<MediaState, 'attempts'> | undefined {
  const since = timeOr(user.stateChangeTime, now);
  const reasonId = user.reasonCodeId ?? user.reasonCode?.id;
  switch (user.state) {
    case 'LOGOUT':
      return undefined;
    case 'READY':
    case 'WORK_READY':
      return { media: 'voice', status: 'ready', since };
    case 'NOT_READY':
    case 'WORK':
      return { media: 'voice', status: 'notReady', since, ...(reasonId ? { reasonId } : {}) };
    default: {
      if (user.pendingState === 'NOT_READY') return { media: 'voice', status: 'notReady', since: previous?.since ?? since };
      if (user.pendingState === 'READY') return { media: 'voice', status: 'ready', since: previous?.since ?? since };
      return previous ? { ...stripAttempts(previous) } : { media: 'voice', status: 'ready', since };
    }
  }
}

const stripAttempts = ({ attempts: _a, ...rest }: MediaState): Omit<MediaState, 'attempts'> => rest;

/** One MRD's state (§8.1) as a digital medium's. */
export function mediaStateFrom(media: FinesseMedia, settings: MappingSettings, now: number): Omit<MediaState, 'attempts'> | undefined {
  const medium = mediumOf(media, settings);
  if (!medium) return undefined;
  const since = timeOr(media.stateChangeTime, now);
  const reasonId = media.reasonCodeId ?? media.reasonCode?.id;
  switch (media.state) {
    case 'LOGOUT':
      return { media: medium, status: 'signedOut', since };
    case 'NOT_READY':
    case 'WORK':
      return { media: medium, status: 'notReady', since, ...(reasonId ? { reasonId } : {}) };
    default:
      return { media: medium, status: 'ready', since };
  }
}

/** Who "me" is in a dialog: the participant on my extension (or my mobile agent's number). */
export function myParticipant<P extends Participant>(participants: readonly P[], addresses: readonly string[]): P | undefined {
  return participants.find((p) => addresses.includes(p.mediaAddress));
}

export interface TaskContext {
  /** My extension (and mobile agent number): the participant that is me. */
  readonly addresses: readonly string[];
  readonly user: User;
  readonly settings: MappingSettings;
  readonly now: number;
  /** The task as last mapped, to keep local start times. */
  readonly previous: (id: string) => Task | undefined;
}

const VOICE_STATUS: Partial<Record<Participant['state'], Task['status']>> = {
  ALERTING: 'offered',
  ACTIVE: 'active',
  HELD: 'held',
  WRAP_UP: 'wrapUp',
};

/**
 * The tasks of a user's voice dialogs. A consultation (a dialog whose `associatedDialogUri` points
 * at another of mine) is not a task: it is the `consult` of the call it belongs to.
 */
export function voiceTasksFrom(dialogs: readonly Dialog[], context: TaskContext): Task[] {
  const voice = dialogs.filter((d): d is VoiceDialog => d.kind === 'voice');
  const consults = voice.filter((d) => d.associatedDialogUri && voice.some((o) => o !== d && sameDialog(o, d.associatedDialogUri!)));
  const tasks: Task[] = [];
  for (const dialog of voice) {
    if (consults.includes(dialog)) continue;
    const task = voiceTaskFrom(
      dialog,
      consults.find((c) => sameDialog(dialog, c.associatedDialogUri!)),
      context,
    );
    if (task) tasks.push(task);
  }
  return tasks;
}

const sameDialog = (dialog: Dialog, uri: string) => dialog.uri === uri || uri.endsWith(`/${dialog.id}`);

export function voiceTaskFrom(dialog: VoiceDialog, consult: VoiceDialog | undefined, context: TaskContext): Task | undefined {
  const { user, settings, now } = context;
  const me = myParticipant(dialog.participants, context.addresses);
  // Dropped without wrap-up, failed, or never mine: the dialog is not work for me.
  const inWork = user.state === 'WORK' || user.state === 'WORK_READY';
  const status =
    (me && VOICE_STATUS[me.state]) ??
    ((me?.state === 'DROPPED' || dialog.state === 'DROPPED') && inWork && wrapUpFrom(user.settings.wrapUpOnIncoming, 0).mode !== 'off'
      ? 'wrapUp'
      : undefined);
  if (!status) return undefined;
  const previous = context.previous(dialog.id);
  const since = previous?.status === status ? previous.since : timeOr(me?.stateChangeTime, now);
  const customer = dialog.mediaProperties.callVariables
    .filter((v) => v.value !== '')
    .map((v): CustomerField => ({ id: v.name, label: v.name, value: v.value }));
  const nameVariable = settings.customerNameVariable;
  const customerName = nameVariable ? dialog.mediaProperties.callVariables.find((v) => v.name === nameVariable)?.value : undefined;
  const outbound = dialog.mediaProperties.callType?.startsWith('OUT') ?? false;
  const other = dialog.participants.find((p) => p !== me);
  const from = outbound ? dialog.toAddress : (dialog.fromAddress ?? other?.mediaAddress);
  const startedAt =
    previous?.startedAt ?? (status === 'active' || status === 'held' || status === 'wrapUp' ? timeOr(me?.startTime, now) : undefined);
  const wrapUp = wrapUpFrom(user.settings.wrapUpOnIncoming, settings.wrapUpTimeoutSec);
  const consultation = consult ? consultationFrom(consult, context) : undefined;
  return {
    id: dialog.id,
    media: 'voice',
    status,
    since,
    direction: outbound ? 'outbound' : 'inbound',
    ...(from ? { from: from.startsWith('+') || !/^\d{8,15}$/.test(from) ? from : e164(from) } : {}),
    ...(customerName ? { customerName } : {}),
    ...(dialog.mediaProperties.queueNumber ? { queueId: dialog.mediaProperties.queueNumber } : {}),
    ...(dialog.mediaProperties.queueName ? { queueName: dialog.mediaProperties.queueName } : {}),
    ...(startedAt === undefined ? {} : { startedAt }),
    ...(consultation ? { consult: consultation } : {}),
    ...(status === 'wrapUp' ? { wrapUp: taskWrapUp(wrapUp, timeOr(user.stateChangeTime, since)) } : {}),
    ...(customer.length > 0 ? { customer } : {}),
  };
}

/** CB-3: the consultation call placed from a held call: ringing, connected, or failed with its cause. */
function consultationFrom(consult: VoiceDialog, context: TaskContext): Consultation {
  const target = consult.participants.find((p) => !context.addresses.includes(p.mediaAddress));
  const address = target?.mediaAddress ?? consult.toAddress ?? '';
  const known = context.settings.transferTargets.find((t) => (t.address ?? t.id) === address);
  const failed = consult.state === 'FAILED' || target?.state === 'FAILED' || target?.state === 'DROPPED';
  const connected = !failed && target?.state === 'ACTIVE';
  const since = timeOr(target?.stateChangeTime ?? target?.startTime, context.now);
  return {
    targetId: known?.id ?? address,
    targetName: known?.name ?? address,
    status: failed ? 'failed' : connected ? 'connected' : 'ringing',
    since,
    ...(failed
      ? {
          error: {
            code: 'consult.failed',
            message: target?.stateCause ? `The consultation did not connect (${target.stateCause}).` : 'The consultation did not connect.',
          },
        }
      : {}),
  };
}

const TASK_STATUS: Partial<Record<TaskState, Task['status']>> = {
  OFFERED: 'offered',
  ACCEPTED: 'active',
  ACTIVE: 'active',
  PAUSED: 'held',
  INTERRUPTED: 'held',
  WRAPPING_UP: 'wrapUp',
};

/** A non-voice task (§8.2) of a medium the adapter knows. */
export function digitalTaskFrom(
  dialog: Dialog,
  mrdMedia: ReadonlyMap<string, Exclude<Media, 'voice'>>,
  context: TaskContext,
): Task | undefined {
  if (dialog.kind !== 'task') return undefined;
  const status = TASK_STATUS[dialog.state];
  const media = mrdMedia.get(dialog.mediaProperties.mediaId ?? '') ?? mrdMedia.get((dialog.mediaType ?? '').toLowerCase());
  if (!status || !media) return undefined;
  const previous = context.previous(dialog.id);
  const since = previous?.status === status ? previous.since : context.now;
  return {
    id: dialog.id,
    media,
    status,
    since,
    direction: 'inbound',
    ...(dialog.fromAddress ? { from: dialog.fromAddress } : {}),
    ...(dialog.mediaProperties.queueNumber ? { queueId: dialog.mediaProperties.queueNumber } : {}),
    ...(dialog.mediaProperties.queueName ? { queueName: dialog.mediaProperties.queueName } : {}),
    ...(status !== 'offered' ? { startedAt: previous?.startedAt ?? context.now } : {}),
    ...(status === 'wrapUp' ? { wrapUp: { forced: wrapUpFrom(context.user.settings.wrapUpOnIncoming, 0).mode === 'forced' } } : {}),
  };
}

/** SV-1: a team member's summary User (§7) as the supervisor's roster shows it. */
export function rosterAgentFrom(user: User, teamId: string, now: number): RosterAgent {
  const status: RosterAgent['status'] =
    user.state === 'LOGOUT'
      ? 'signedOut'
      : user.state === 'READY'
        ? 'ready'
        : user.state === 'NOT_READY'
          ? 'notReady'
          : user.state === 'WORK' || user.state === 'WORK_READY'
            ? 'wrapUp'
            : 'busy';
  const voice: MediaStatus | undefined =
    status === 'signedOut' ? undefined : status === 'notReady' || user.state === 'WORK' ? 'notReady' : 'ready';
  const reasonId = status === 'notReady' ? (user.reasonCodeId ?? user.reasonCode?.id) : undefined;
  return {
    id: user.loginId,
    name: [user.firstName, user.lastName].filter(Boolean).join(' ') || user.loginName || user.loginId,
    teamId: user.teamId ?? teamId,
    status,
    ...(reasonId ? { reasonId } : {}),
    since: timeOr(user.stateChangeTime, now),
    channels: voice ? { voice } : {},
    // The team summary (§7) names no dialogs: a busy agent is shown busy, without the calls' details.
    interactions: [],
    queues: [],
  };
}

/**
 * §6 statistics as the queue list shows them. The user's queues (User/Queues) all route to an
 * agent — Finesse has no switch to turn one off (QL-5 is not offered) — and a supervisor watches
 * them all (QL-7).
 */
export function queueFrom(
  queue: Queue,
  now: number,
  roles: { agent: boolean; supervisor: boolean } = { agent: true, supervisor: false },
): CoreQueue {
  const s = queue.statistics;
  const busy = (s.agentsTalkingInbound ?? 0) + (s.agentsTalkingOutbound ?? 0) + (s.agentsTalkingInternal ?? 0);
  return {
    id: queue.id,
    name: queue.name,
    media: 'voice',
    direction: 'inbound',
    busy,
    waiting: s.callsInQueue ?? 0,
    ...(s.callsInQueue ? { oldestWaitingSince: timeOr(s.startTimeOfLongestCallInQueue, now) } : {}),
    agentsSignedIn: s.agentsLoggedOn ?? 0,
    ...(roles.agent ? { enabled: true } : {}),
    ...(roles.supervisor ? { monitored: true } : {}),
  };
}
