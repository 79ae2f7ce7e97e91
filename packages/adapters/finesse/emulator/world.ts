// The Finesse view of the simulator: one ACD behind every node, seen as Finesse users, dialogs,
// media, queues and teams. It keeps what Finesse has and the simulator does not (the extension
// signed in with, the mobile agent number, call variables, the wrap-up reason set on a dialog,
// MRD sign-ins, a pure supervisor's own state, when each state began) and derives everything
// else from the engine on demand, so both nodes always read the same truth.

import {
  transferTargetsFor,
  type AgentProfile,
  type CommandType,
  type Media,
  type MediaState,
  type ServerSnapshot,
  type Task,
} from '@cc-elements/core';
import type { SimContactCenter, SimQueue, SimScenario } from '@cc-elements/adapter-sim';
import { Directory, type DialogRef, type MrdEntry, type ReasonCodeEntry } from './directory.js';
import type { DialogModel, MediaModel, ParticipantModel, QueueModel, QueueStatistics, TeamModel, UserModel, UserState } from './models.js';
import type { EmulatorSettings } from './options.js';

/** What an MRD sign-in asked for (brief §8.1). */
export interface MrdSignIn {
  readonly maxDialogLimit: number;
  readonly interruptAction: string;
  readonly dialogLogoutAction: string;
}

/** Finesse-only facts about one user. */
export interface UserRecord {
  extension: string | undefined;
  mobileAgent: { mode: string; dialNumber: string } | undefined;
  /** The LOGOUT reason given at the last sign-out (a Finesse reason code id). */
  logoutReasonId: number | undefined;
  /** A supervisor without the agent role has no voice medium in the simulator: their state lives here. */
  supervisorState: { state: 'READY' | 'NOT_READY'; reasonCodeId: number | undefined };
  /** MRDs signed in through the Media API; the simulator signs every medium in with the user. */
  readonly mrds: Map<Media, MrdSignIn>;
}

/** Finesse-only facts about one agent's leg of a task. */
export interface TaskRecord {
  readonly callVariables: Map<string, string>;
  wrapUpLabel: string | undefined;
  readonly createdAt: number;
  /** The current consultation's dialog: its sequence number and what it looked like last. */
  consult: { seq: number; targetId: string; status: string; createdAt: number } | undefined;
  consultCount: number;
}

/** The voice side of a user as Finesse states it. */
export interface VoiceView {
  readonly state: UserState;
  readonly pendingState: '' | 'NOT_READY' | 'READY';
  readonly reasonCode: ReasonCodeEntry | undefined;
  readonly task: Task | undefined;
}

/** A Dialog action and the simulator command it needs (when the scenario lacks it, it is not offered). */
const ACTION_COMMANDS: Readonly<Record<string, CommandType>> = {
  ANSWER: 'task.accept',
  HOLD: 'call.hold',
  RETRIEVE: 'call.resume',
  DROP: 'task.end',
  CONSULT_CALL: 'call.consult',
  TRANSFER: 'call.consultComplete',
  TRANSFER_SST: 'call.transfer',
  SEND_DTMF: 'call.dtmf',
  ACCEPT: 'task.accept',
  WRAP_UP: 'task.end',
  CLOSE: 'task.close',
};

const WRAP_UP_MODES = { off: 'NOT_ALLOWED', optional: 'REQUIRED', forced: 'REQUIRED_WITH_WRAP_UP_DATA' } as const;

export class FinesseWorld {
  readonly engine: SimContactCenter;
  readonly scenario: SimScenario;
  readonly directory: Directory;
  readonly settings: EmulatorSettings;

  readonly #users = new Map<string, UserRecord>();
  readonly #tasks = new Map<string, TaskRecord>();
  /** When each derived state began: key of the state → since, per user and per user's MRD. */
  readonly #since = new Map<string, { key: string; since: number }>();

  constructor(engine: SimContactCenter, settings: EmulatorSettings) {
    this.engine = engine;
    this.scenario = engine.scenario;
    this.settings = settings;
    this.directory = new Directory(engine.scenario, settings);
    for (const profile of engine.scenario.agents) {
      this.#users.set(profile.id, {
        extension: undefined,
        mobileAgent: undefined,
        logoutReasonId: undefined,
        supervisorState: { state: 'NOT_READY', reasonCodeId: undefined },
        mrds: new Map(),
      });
    }
  }

  now(): number {
    return this.engine.scheduler.now();
  }

  /** Every user id, in the scenario's order. */
  get userIds(): readonly string[] {
    return this.scenario.agents.map((a) => a.id);
  }

  hasUser(id: string): boolean {
    return this.#users.has(id);
  }

  profile(id: string): AgentProfile {
    return this.engine.profile(id);
  }

  record(id: string): UserRecord {
    const record = this.#users.get(id);
    if (!record) throw new RangeError(`No user "${id}".`);
    return record;
  }

  /** The Finesse-only facts of an agent's leg of a task, made when first seen. */
  taskRecord(agentId: string, task: Task): TaskRecord {
    const key = `${agentId}\u0000${task.id}`;
    let record = this.#tasks.get(key);
    if (!record) {
      const variables = new Map<string, string>();
      if (task.customerName !== undefined) variables.set(this.settings.customerNameVariable, task.customerName);
      for (const field of task.customer ?? []) variables.set(`user.${field.id}`, field.value);
      record = { callVariables: variables, wrapUpLabel: undefined, createdAt: task.since, consult: undefined, consultCount: 0 };
      this.#tasks.set(key, record);
    }
    return record;
  }

  /** Forget a leg that ended (its dialog was deleted). */
  forgetTask(agentId: string, taskId: string): void {
    this.#tasks.delete(`${agentId}\u0000${taskId}`);
  }

  isAgent(profile: AgentProfile): boolean {
    return profile.roles.includes('agent') || profile.roles.includes('supervisorAgent');
  }

  isSupervisor(profile: AgentProfile): boolean {
    return profile.roles.includes('supervisor') || profile.roles.includes('supervisorAgent');
  }

  /** The role the simulator signs a Finesse user in with: an agent if they may take work. */
  simRole(profile: AgentProfile): 'agent' | 'supervisorAgent' | 'supervisor' {
    if (profile.roles.includes('supervisorAgent')) return 'supervisorAgent';
    if (profile.roles.includes('agent')) return 'agent';
    return 'supervisor';
  }

  snapshot(agentId: string): ServerSnapshot {
    return this.engine.snapshot(agentId);
  }

  // ——— users ———

  /** The voice state (brief §3.3) derived from the simulator's session, voice medium and call. */
  voice(agentId: string, snapshot: ServerSnapshot = this.snapshot(agentId)): VoiceView {
    const record = this.record(agentId);
    if (!snapshot.session) {
      return { state: 'LOGOUT', pendingState: '', reasonCode: reasonById(this.directory, record.logoutReasonId), task: undefined };
    }
    if (snapshot.session.role === 'supervisor') {
      const { state, reasonCodeId } = record.supervisorState;
      return {
        state,
        pendingState: '',
        reasonCode: state === 'NOT_READY' ? reasonById(this.directory, reasonCodeId) : undefined,
        task: undefined,
      };
    }
    const voice = snapshot.media.find((m) => m.media === 'voice');
    const ready = voice?.status === 'ready';
    const reason = ready ? undefined : this.directory.reasonCodeOfSim(voice?.reasonId);
    const task = snapshot.tasks.find((t) => t.media === 'voice');
    if (!task) return { state: ready ? 'READY' : 'NOT_READY', pendingState: '', reasonCode: reason, task };
    const live = task.status !== 'wrapUp';
    const pendingState = live && !ready ? 'NOT_READY' : '';
    const state: UserState =
      task.status === 'offered'
        ? task.direction === 'outbound'
          ? 'RESERVED_OUTBOUND'
          : 'RESERVED'
        : task.status === 'active'
          ? 'TALKING'
          : task.status === 'held'
            ? 'HOLD'
            : ready
              ? 'WORK_READY'
              : 'WORK';
    return { state, pendingState, reasonCode: reason, task };
  }

  user(agentId: string, snapshot: ServerSnapshot = this.snapshot(agentId)): UserModel {
    const profile = snapshot.profile;
    const record = this.record(agentId);
    const voice = this.voice(agentId, snapshot);
    const [firstName = '', ...rest] = profile.name.split(' ');
    const team = this.teamOf(profile, snapshot.session?.teamId);
    const wrapUp = this.scenario.tenant.wrapUp;
    const wrapUpMode = wrapUp.timeoutSec === 0 ? 'NOT_ALLOWED' : WRAP_UP_MODES[wrapUp.mode];
    const firstSeen = voice.task?.since ?? snapshot.media.find((m) => m.media === 'voice')?.since ?? snapshot.session?.signedInAt;
    return {
      loginId: profile.id,
      loginName: profile.id,
      firstName,
      lastName: rest.join(' '),
      roles: [...(this.isAgent(profile) ? (['Agent'] as const) : []), ...(this.isSupervisor(profile) ? (['Supervisor'] as const) : [])],
      extension: snapshot.session ? (record.extension ?? '') : '',
      state: voice.state,
      stateChangeTime: this.#track(`user\u0000${agentId}`, `${voice.state}|${voice.reasonCode?.id ?? -1}`, firstSeen),
      pendingState: voice.pendingState,
      reasonCode: voice.reasonCode,
      wrapUpOnIncoming: wrapUpMode,
      wrapUpOnOutgoing: wrapUpMode,
      mobileAgent: snapshot.session ? record.mobileAgent : undefined,
      teamId: team?.id ?? '',
      teamName: team?.name ?? '',
      teams: this.isSupervisor(profile) ? profile.teams : [],
    };
  }

  teamOf(profile: AgentProfile, sessionTeamId: string | undefined): { id: string; name: string } | undefined {
    return profile.teams.find((t) => t.id === sessionTeamId) ?? profile.teams[0];
  }

  /** Whether `supervisorId` supervises a team `agentId` is in. */
  supervises(supervisorId: string, agentId: string): boolean {
    const supervisor = this.profile(supervisorId);
    if (!this.isSupervisor(supervisor)) return false;
    const agentTeams = new Set(this.profile(agentId).teams.map((t) => t.id));
    return supervisor.teams.some((t) => agentTeams.has(t.id));
  }

  // ——— voice dialogs ———

  /** The user's voice dialogs: each call, and its consultation when one is under way. */
  dialogs(agentId: string, snapshot: ServerSnapshot = this.snapshot(agentId)): DialogModel[] {
    const dialogs: DialogModel[] = [];
    const extension = this.record(agentId).extension ?? '';
    for (const task of snapshot.tasks) {
      if (task.media !== 'voice') continue;
      const call = this.#callDialog(agentId, task, extension);
      dialogs.push(call);
      const consult = this.#consultDialog(agentId, task, extension, call.id);
      if (consult) dialogs.push(consult);
    }
    return dialogs;
  }

  #callDialog(agentId: string, task: Task, extension: string): DialogModel {
    const record = this.taskRecord(agentId, task);
    const ref: DialogRef = { agentId, taskId: task.id, kind: 'call' };
    const id = this.directory.dialogIdOf(ref, 'voice');
    const outbound = task.direction === 'outbound';
    const customer = task.from ?? '';
    const consult = task.consult;
    const consultOpen = consult !== undefined && consult.status !== 'failed';
    let dialogState = 'ACTIVE';
    let agentState: string;
    let actions: string[];
    switch (task.status) {
      case 'offered':
        dialogState = 'ALERTING';
        agentState = 'ALERTING';
        actions = ['ANSWER', ...(this.settings.declineByDrop ? ['DROP'] : [])];
        break;
      case 'active':
        agentState = 'ACTIVE';
        actions = ['HOLD', 'DROP', 'UPDATE_CALL_DATA', 'CONSULT_CALL', 'TRANSFER_SST', 'SEND_DTMF'];
        break;
      case 'held':
        agentState = 'HELD';
        actions = [
          ...(consultOpen ? [] : ['RETRIEVE']),
          'DROP',
          'UPDATE_CALL_DATA',
          ...(consult?.status === 'connected' ? ['TRANSFER'] : []),
        ];
        break;
      case 'wrapUp':
        dialogState = this.settings.wrapUpDialogState;
        agentState = 'WRAP_UP';
        actions = ['UPDATE_CALL_DATA'];
        break;
    }
    const agent: ParticipantModel = {
      actions: this.#supported(actions, 'voice'),
      mediaAddress: extension,
      mediaAddressType: 'AGENT_DEVICE',
      startTime: record.createdAt,
      state: agentState,
      stateCause: '',
      stateChangeTime: task.since,
    };
    const caller: ParticipantModel = {
      actions: [],
      mediaAddress: customer,
      mediaAddressType: '',
      startTime: record.createdAt,
      state: task.status === 'wrapUp' ? 'DROPPED' : 'ACTIVE',
      stateCause: '',
      stateChangeTime: task.status === 'wrapUp' ? task.since : record.createdAt,
    };
    return {
      id,
      agentId,
      kind: 'call',
      mediaType: 'Voice',
      fromAddress: outbound ? extension : customer,
      toAddress: outbound ? customer : extension,
      state: dialogState,
      associatedDialogId: undefined,
      mediaId: '1',
      mrdId: undefined,
      dialedNumber: task.queueId ?? '',
      callType: outbound ? 'OUTBOUND' : 'ACD_IN',
      dnis: extension,
      queueNumber: task.queueId ?? '',
      queueName: task.queueName ?? '',
      wrapUpReason: record.wrapUpLabel ?? '',
      callVariables: [...record.callVariables],
      participants: [agent, caller],
    };
  }

  #consultDialog(agentId: string, task: Task, extension: string, callId: string): DialogModel | undefined {
    const record = this.taskRecord(agentId, task);
    const consult = task.consult;
    const seen = record.consult;
    if (!consult) {
      record.consult = undefined;
      return undefined;
    }
    // A consultation placed again (after a failed one, or to someone else) is a new dialog.
    if (!seen || seen.targetId !== consult.targetId || (seen.status === 'failed' && consult.status !== 'failed')) {
      record.consultCount += 1;
      record.consult = { seq: record.consultCount, targetId: consult.targetId, status: consult.status, createdAt: consult.since };
    } else {
      seen.status = consult.status;
    }
    const current = record.consult!;
    const id = this.directory.dialogIdOf({ agentId, taskId: task.id, kind: 'consult', seq: current.seq }, 'voice');
    const address = this.directory.addressOf(consult.targetId);
    const [dialogState, agentState, targetState, actions] =
      consult.status === 'ringing'
        ? ['INITIATED', 'INITIATED', 'ALERTING', ['DROP', 'UPDATE_CALL_DATA']]
        : consult.status === 'connected'
          ? ['ACTIVE', 'ACTIVE', 'ACTIVE', ['DROP', 'TRANSFER', 'UPDATE_CALL_DATA']]
          : ['FAILED', 'FAILED', 'FAILED', ['DROP']];
    const participant = (mediaAddress: string, state: string, allowed: string[], type: string): ParticipantModel => ({
      actions: this.#supported(allowed, 'voice'),
      mediaAddress,
      mediaAddressType: type,
      startTime: current.createdAt,
      state,
      stateCause: consult.status === 'failed' ? 'OTHER' : '',
      stateChangeTime: consult.since,
    });
    return {
      id,
      agentId,
      kind: 'consult',
      mediaType: 'Voice',
      fromAddress: extension,
      toAddress: address,
      state: dialogState,
      associatedDialogId: callId,
      mediaId: '1',
      mrdId: undefined,
      dialedNumber: address,
      callType: 'CONSULT',
      dnis: address,
      queueNumber: task.queueId ?? '',
      queueName: task.queueName ?? '',
      wrapUpReason: '',
      callVariables: [...record.callVariables],
      participants: [participant(extension, agentState, actions, 'AGENT_DEVICE'), participant(address, targetState, [], '')],
    };
  }

  /** Leaves out actions whose command the scenario lacks, and transfers when there is nowhere to go. */
  #supported(actions: readonly string[], media: Media): string[] {
    const unsupported = new Set(this.scenario.unsupportedCommands ?? []);
    const hasTargets = transferTargetsFor(this.scenario.tenant.transferTargets, media).length > 0;
    return actions.filter((action) => {
      const command = ACTION_COMMANDS[action];
      if (command !== undefined && unsupported.has(command)) return false;
      if (!hasTargets && (action === 'CONSULT_CALL' || action === 'TRANSFER_SST' || action === 'TRANSFER')) return false;
      return true;
    });
  }

  // ——— non-voice (brief §8) ———

  /** The user's media routing domains with their states. */
  mediaList(agentId: string, snapshot: ServerSnapshot = this.snapshot(agentId)): MediaModel[] {
    return this.directory.mrds.map((mrd) => this.media(agentId, mrd, snapshot));
  }

  media(agentId: string, mrd: MrdEntry, snapshot: ServerSnapshot = this.snapshot(agentId)): MediaModel {
    const signIn = snapshot.session ? this.record(agentId).mrds.get(mrd.media) : undefined;
    const medium: Omit<MediaState, 'attempts'> | undefined = snapshot.media.find((m) => m.media === mrd.media);
    const ready = medium?.status === 'ready';
    const tasks = snapshot.tasks.filter((t) => t.media === mrd.media);
    let state = 'LOGOUT';
    let reason: ReasonCodeEntry | undefined;
    if (signIn) {
      const base = ready ? 'READY' : 'NOT_READY';
      if (tasks.some((t) => t.status === 'offered')) state = 'RESERVED';
      else if (tasks.some((t) => t.status === 'active' || t.status === 'held')) state = this.settings.mediaActiveState ?? base;
      else if (tasks.some((t) => t.status === 'wrapUp')) state = ready ? 'WORK_READY' : 'WORK';
      else state = base;
      if (!ready) reason = this.directory.reasonCodeOfSim(medium?.reasonId);
    }
    return {
      id: mrd.id,
      name: mrd.name,
      state,
      stateChangeTime: this.#track(`media\u0000${agentId}\u0000${mrd.id}`, `${state}|${reason?.id ?? -1}`, medium?.since),
      reasonCode: reason,
      maxDialogLimit: signIn?.maxDialogLimit ?? 1,
      interruptAction: signIn?.interruptAction ?? 'ACCEPT',
      dialogLogoutAction: signIn?.dialogLogoutAction ?? 'CLOSE',
      routable: signIn !== undefined && ready,
    };
  }

  /** The user's non-voice dialogs (tasks), on every MRD or on one. */
  mediaDialogs(agentId: string, snapshot: ServerSnapshot = this.snapshot(agentId), only?: MrdEntry): DialogModel[] {
    const dialogs: DialogModel[] = [];
    for (const task of snapshot.tasks) {
      const mrd = this.directory.mrdOf(task.media);
      if (!mrd || (only && only.id !== mrd.id)) continue;
      dialogs.push(this.#mediaDialog(agentId, task, mrd));
    }
    return dialogs;
  }

  #mediaDialog(agentId: string, task: Task, mrd: MrdEntry): DialogModel {
    const record = this.taskRecord(agentId, task);
    const id = this.directory.dialogIdOf({ agentId, taskId: task.id, kind: 'media' }, task.media);
    const paused = task.pausedSince !== undefined || task.status === 'held';
    const [state, actions] =
      task.status === 'offered'
        ? ['OFFERED', ['ACCEPT']]
        : task.status === 'wrapUp'
          ? ['WRAPPING_UP', ['UPDATE_CALL_DATA', 'CLOSE']]
          : paused
            ? ['PAUSED', ['UPDATE_CALL_DATA', 'CLOSE']]
            : ['ACTIVE', ['UPDATE_CALL_DATA', 'WRAP_UP', 'CLOSE', 'TRANSFER']];
    const hasTargets = transferTargetsFor(this.scenario.tenant.transferTargets, task.media).length > 0;
    return {
      id,
      agentId,
      kind: 'media',
      mediaType: mrd.name,
      fromAddress: task.from ?? '',
      toAddress: task.mailbox ?? task.queueName ?? '',
      state,
      associatedDialogId: undefined,
      mediaId: mrd.id,
      mrdId: mrd.id,
      dialedNumber: '',
      callType: '',
      dnis: '',
      queueNumber: task.queueId ?? '',
      queueName: task.queueName ?? '',
      wrapUpReason: record.wrapUpLabel ?? '',
      callVariables: [...record.callVariables],
      participants: [
        {
          actions: actions.filter((a) => a !== 'TRANSFER' || hasTargets),
          mediaAddress: agentId,
          mediaAddressType: 'AGENT',
          startTime: record.createdAt,
          state,
          stateCause: '',
          stateChangeTime: task.since,
        },
      ],
    };
  }

  // ——— queues and teams ———

  /** The queues a user is a member or supervisor of (voice, and digital with `includeDigitalQueues`). */
  queuesOf(agentId: string): SimQueue[] {
    return this.scenario.queues.filter(
      (q) =>
        (q.media === 'voice' || this.settings.includeDigitalQueues) &&
        (q.members.some((m) => m.agentId === agentId) || q.supervisors.some((s) => s.agentId === agentId)),
    );
  }

  /** One queue with its statistics (brief §6), for the whole contact center. */
  queue(queueId: string): QueueModel | undefined {
    const def = this.scenario.queues.find((q) => q.id === queueId);
    if (!def) return undefined;
    const stats = {
      callsInQueue: 0,
      startTimeOfLongestCallInQueue: undefined as number | undefined,
      agentsReady: 0,
      agentsNotReady: 0,
      agentsBusyOther: 0,
      agentsLoggedOn: 0,
      agentsTalkingInbound: 0,
      agentsTalkingOutbound: 0,
      agentsTalkingInternal: 0,
      agentsWrapUpNotReady: 0,
      agentsWrapUpReady: 0,
    } satisfies QueueStatistics;
    const items = def.media === 'voice' ? this.engine.calls() : this.engine.contacts();
    let virtualBusy = 0;
    for (const item of items) {
      if (item.queueId !== def.id) continue;
      // As the simulator's own figures: a call ringing an agent is still waiting to be answered.
      if (item.status === 'waiting' || item.status === 'offered') {
        stats.callsInQueue += 1;
        stats.startTimeOfLongestCallInQueue = Math.min(stats.startTimeOfLongestCallInQueue ?? Infinity, item.waitingSince);
      } else if (item.status === 'virtual') virtualBusy += 1;
    }
    const staff = this.engine.traffic ? (def.virtualAgents?.count ?? 0) : 0;
    stats.agentsLoggedOn += staff;
    stats.agentsTalkingInbound += Math.min(staff, virtualBusy);
    stats.agentsReady += Math.max(0, staff - virtualBusy);
    for (const member of def.members) {
      if (!member.enabled) continue;
      const snapshot = this.snapshot(member.agentId);
      if (!snapshot.session || snapshot.session.role === 'supervisor') continue;
      if (def.media === 'voice') this.#countVoice(def, this.voice(member.agentId, snapshot), stats);
      else {
        const mrd = this.directory.mrdOf(def.media);
        if (mrd) this.#countMedia(this.media(member.agentId, mrd, snapshot).state, stats);
      }
    }
    const mrd = def.media === 'voice' ? undefined : this.directory.mrdOf(def.media);
    return { id: def.id, name: def.name, mediaType: mrd?.name, statistics: stats };
  }

  #countVoice(def: SimQueue, voice: VoiceView, stats: { -readonly [K in keyof QueueStatistics]: QueueStatistics[K] }): void {
    stats.agentsLoggedOn += 1;
    switch (voice.state) {
      case 'READY':
        stats.agentsReady += 1;
        return;
      case 'NOT_READY':
        stats.agentsNotReady += 1;
        return;
      case 'TALKING':
      case 'HOLD':
        if (voice.task?.queueId !== def.id) stats.agentsBusyOther += 1;
        else if (voice.task.direction === 'outbound') stats.agentsTalkingOutbound += 1;
        else stats.agentsTalkingInbound += 1;
        return;
      case 'WORK':
        stats.agentsWrapUpNotReady += 1;
        return;
      case 'WORK_READY':
        stats.agentsWrapUpReady += 1;
        return;
      default:
        stats.agentsBusyOther += 1;
    }
  }

  #countMedia(state: string, stats: { -readonly [K in keyof QueueStatistics]: QueueStatistics[K] }): void {
    if (state === 'LOGOUT') return;
    stats.agentsLoggedOn += 1;
    if (state === 'READY') stats.agentsReady += 1;
    else if (state === 'NOT_READY') stats.agentsNotReady += 1;
    else if (state === 'WORK') stats.agentsWrapUpNotReady += 1;
    else if (state === 'WORK_READY') stats.agentsWrapUpReady += 1;
    else if (state === 'RESERVED') stats.agentsBusyOther += 1;
    else stats.agentsTalkingInbound += 1;
  }

  /** Every team some user of the scenario belongs to. */
  teams(): { id: string; name: string }[] {
    const teams = new Map<string, { id: string; name: string }>();
    for (const profile of this.scenario.agents) for (const team of profile.teams) teams.set(team.id, team);
    return [...teams.values()];
  }

  /** A team with its agents (brief §7). */
  team(teamId: string): TeamModel | undefined {
    const team = this.teams().find((t) => t.id === teamId);
    if (!team) return undefined;
    const users = this.teamMembers(teamId).map((id) => this.user(id));
    return { id: team.id, name: team.name, users };
  }

  /** The agents (not pure supervisors) of a team. */
  teamMembers(teamId: string): string[] {
    return this.scenario.agents.filter((p) => this.isAgent(p) && p.teams.some((t) => t.id === teamId)).map((p) => p.id);
  }

  /** `since` for a derived state: kept while the state stays, now when it changes. */
  #track(name: string, key: string, firstSeen: number | undefined): number {
    const seen = this.#since.get(name);
    if (seen?.key === key) return seen.since;
    const since = seen === undefined ? (firstSeen ?? this.now()) : this.now();
    this.#since.set(name, { key, since });
    return since;
  }
}

function reasonById(directory: Directory, id: number | undefined): ReasonCodeEntry | undefined {
  return id === undefined ? undefined : directory.reasonCode(id);
}
