// SV-1…SV-4 on the server: every signed-in supervisor's roster (loaded at sign-in, then changes
// in batches, one event per tick, and removals when an agent leaves their teams), the real agents'
// roster state, the supervisor's commands under the tenant's policy, and who monitors which call
// (the monitored real agent is told, and told again when it stops or the call ends).

import {
  channelOf,
  roleTakesWork,
  type AgentProfile,
  type AgentSession,
  type BeingMonitored,
  type CcError,
  type Channel,
  type Command,
  type DomainEvent,
  type ErrorCode,
  type ErrorInfo,
  type MediaState,
  type MediaStatus,
  type MonitorMode,
  type RosterAgent,
  type RosterStatus,
  type Task,
} from '@cc-elements/core';
import type { Floor, FloorAgent } from './floor.js';
import type { SimScenario } from './scenarios.js';

export const DEFAULT_ROSTER_TICK_MS = 250;

export type SupervisorCommand = Extract<Command, { type: `supervisor.${string}` }>;

/** What supervision needs from the rest of the server. */
export interface SupervisionHost {
  readonly scenario: SimScenario;
  readonly floor: Floor | undefined;
  session(agentId: string): AgentSession | undefined;
  media(agentId: string): readonly Omit<MediaState, 'attempts'>[];
  tasks(agentId: string): readonly Task[];
  /** The queues the agent is a member of, with their tick (QL-5). */
  memberQueues(agentId: string): readonly { readonly queueId: string; readonly enabled: boolean }[];
  queueName(queueId: string): string | undefined;
  emit(agentId: string, event: DomainEvent): void;
  refuse(code: ErrorCode, message?: string): CcError;
  /** Something will need to go out with the next tick. */
  requestTick(): void;
  /** SV-3 on a real agent: every signed-in medium to Ready, or to Not Ready with the reason. */
  setMedia(agentId: string, status: 'ready' | 'notReady', reasonId: string | undefined, at: number): void;
  signOut(agentId: string, reason: ErrorInfo, at: number): void;
  setMemberQueue(agentId: string, queueId: string, enabled: boolean, at: number): void;
}

/** A signed-in supervisor and what their roster was last told. */
interface Watcher {
  readonly id: string;
  readonly name: string;
  readonly teams: ReadonlySet<string>;
  /** Floor agents in the roster as last told (to know who left). */
  readonly toldFloor: Set<string>;
  /** Real agents' rows as last told, to send only real changes. */
  readonly toldReal: Map<string, string>;
}

interface Monitoring {
  readonly supervisorId: string;
  readonly supervisorName: string;
  readonly agentId: string;
  readonly mode: MonitorMode;
}

interface RealStatus {
  readonly status: RosterStatus;
  readonly reasonId: string | undefined;
  readonly since: number;
}

type Target =
  | { readonly kind: 'floor'; readonly id: string; readonly name: string; readonly agent: FloorAgent }
  | { readonly kind: 'real'; readonly id: string; readonly name: string };

/** The events that can change how a real agent looks in a roster. */
const ROSTER_EVENTS: ReadonlySet<DomainEvent['type']> = new Set([
  'session.signedIn',
  'session.signedOut',
  'media.stateChanged',
  'task.updated',
  'task.removed',
]);

/** A channel group's one status from its media: Ready wins, then Not Ready (SV-1 "channel states"). */
const STATUS_RANK: Record<MediaStatus, number> = { ready: 0, notReady: 1, signingIn: 2, failed: 3, signedOut: 4 };

export class Supervision {
  readonly #host: SupervisionHost;
  /** Real people who take work: they appear in the rosters of supervisors who share a team with them. */
  readonly #workers = new Map<string, AgentProfile>();
  readonly #real = new Map<string, RealStatus>();
  readonly #realDirty = new Set<string>();
  readonly #watchers = new Map<string, Watcher>();
  /** By call id. */
  readonly #monitors = new Map<string, Monitoring>();

  constructor(host: SupervisionHost, now: number) {
    this.#host = host;
    for (const profile of host.scenario.agents) {
      if (!profile.roles.some(roleTakesWork)) continue;
      this.#workers.set(profile.id, profile);
      this.#real.set(profile.id, { status: 'signedOut', reasonId: undefined, since: now });
    }
  }

  /** SV-4: the agent's call a supervisor is on now, as the agent's desktop re-reads it (a reload, a reconnect). */
  beingMonitored(agentId: string): BeingMonitored | undefined {
    for (const [taskId, monitoring] of this.#monitors) {
      if (monitoring.agentId === agentId) return { taskId, mode: monitoring.mode, by: monitoring.supervisorName };
    }
    return undefined;
  }

  /** Something was said to a real agent: their roster row may have changed, and a monitored call may be over. */
  agentEvent(agentId: string, event: DomainEvent): void {
    if (!ROSTER_EVENTS.has(event.type)) return;
    if (event.type === 'task.removed') this.#endMonitoring(event.taskId, event.at);
    if (event.type === 'task.updated' && event.task.status !== 'active' && event.task.status !== 'held') {
      this.#endMonitoring(event.task.id, event.at);
    }
    this.touch(agentId, event.at);
  }

  /** A real agent's row changed (state, work, queues): it goes out with the next batch. */
  touch(agentId: string, at: number): void {
    const previous = this.#real.get(agentId);
    if (!previous) return;
    const { status, reasonId } = this.#realStatus(agentId);
    if (status !== previous.status || reasonId !== previous.reasonId) this.#real.set(agentId, { status, reasonId, since: at });
    if (this.#watchers.size === 0) return;
    this.#realDirty.add(agentId);
    this.#host.requestTick();
  }

  /** SV-1: a supervisor (or Supervisor+Agent) signed in: the whole roster of their teams, now. */
  signedIn(agentId: string, profile: AgentProfile, at: number): void {
    const session = this.#host.session(agentId);
    if (!session || session.role === 'agent') return;
    const watcher: Watcher = {
      id: agentId,
      name: profile.name,
      teams: new Set(profile.teams.map((t) => t.id)),
      toldFloor: new Set(),
      toldReal: new Map(),
    };
    this.#watchers.set(agentId, watcher);
    this.#host.emit(agentId, { type: 'roster.loaded', agents: this.#roster(watcher, true), at });
  }

  signedOut(agentId: string, at: number): void {
    if (!this.#watchers.delete(agentId)) return;
    for (const [taskId, monitoring] of [...this.#monitors]) if (monitoring.supervisorId === agentId) this.#endMonitoring(taskId, at);
  }

  /**
   * SE-4: the roster as a reconnecting supervisor re-reads it (`told`: from now on, changes are
   * counted from it), or as a test looks at it; undefined for anyone not signed in as a supervisor.
   */
  roster(agentId: string, told: boolean): RosterAgent[] | undefined {
    const watcher = this.#watchers.get(agentId);
    return watcher ? this.#roster(watcher, told) : undefined;
  }

  /** Whether a tick has something to send. */
  get pending(): boolean {
    return this.#realDirty.size > 0 || (this.#host.floor?.hasChanges ?? false);
  }

  /** SV-1/SV-5: every supervisor gets one `roster.changed` with all their agents changed since the last tick, and one `roster.removed`. */
  flush(at: number): void {
    const floor = this.#host.floor;
    const floorChanged = floor ? floor.drainChanged() : [];
    const realChanged = [...this.#realDirty];
    this.#realDirty.clear();
    for (const watcher of this.#watchers.values()) {
      const changed: RosterAgent[] = [];
      const removed: string[] = [];
      for (const agentId of realChanged) {
        if (!this.#sees(watcher, agentId)) continue;
        const row = this.#realRow(watcher, agentId);
        const text = JSON.stringify(row);
        if (watcher.toldReal.get(agentId) === text) continue;
        watcher.toldReal.set(agentId, text);
        changed.push(row);
      }
      for (const agent of floorChanged) {
        if (watcher.teams.has(agent.teamId)) {
          watcher.toldFloor.add(agent.id);
          changed.push(this.#floorRow(watcher, agent));
        } else if (watcher.toldFloor.delete(agent.id)) {
          removed.push(agent.id);
        }
      }
      if (changed.length > 0) this.#host.emit(watcher.id, { type: 'roster.changed', agents: changed, at });
      if (removed.length > 0) this.#host.emit(watcher.id, { type: 'roster.removed', agentIds: removed, at });
    }
  }

  /** A floor agent's call or contact ended: whoever monitored it stops. */
  floorWorkEnded(workId: string, at: number): void {
    this.#endMonitoring(workId, at);
  }

  // ——— commands (SV-3, SV-4) ———

  apply(supervisorId: string, command: SupervisorCommand, at: number): void {
    if (!this.#host.session(supervisorId)) throw this.#host.refuse('session.required');
    const watcher = this.#watchers.get(supervisorId);
    if (!watcher) throw this.#host.refuse('command.notAllowed', 'Sign in as a supervisor to act on agents.');
    const policy = this.#host.scenario.tenant.supervisor;
    switch (command.type) {
      case 'supervisor.setAgentStatus':
        if (!policy.changeAgentStatus) {
          throw this.#host.refuse('command.notAllowed', 'This contact center does not let supervisors change an agent’s status.');
        }
        return this.#setStatus(watcher, this.#target(watcher, command.agentId), command.status, command.reasonId, at);
      case 'supervisor.setAgentQueue':
        if (!policy.changeAgentQueues) {
          throw this.#host.refuse('command.notAllowed', 'This contact center does not let supervisors change an agent’s queues.');
        }
        return this.#setQueue(this.#target(watcher, command.agentId), command.queueId, command.enabled, at);
      case 'supervisor.monitor':
        if (!policy.monitorModes.includes(command.mode)) {
          throw this.#host.refuse('command.notAllowed', 'This contact center does not allow that kind of monitoring.');
        }
        return this.#monitor(watcher, this.#target(watcher, command.agentId), command.taskId, command.mode, at);
      case 'supervisor.stopMonitor': {
        const target = this.#target(watcher, command.agentId);
        const current = this.#monitors.get(command.taskId);
        // Stopping what already stopped (the call ended meanwhile) is not an error.
        if (current?.supervisorId === watcher.id && current.agentId === target.id) this.#endMonitoring(command.taskId, at);
        return;
      }
    }
  }

  #target(watcher: Watcher, agentId: string): Target {
    const agent = this.#host.floor?.get(agentId);
    if (agent && watcher.teams.has(agent.teamId)) return { kind: 'floor', id: agent.id, name: agent.name, agent };
    const profile = this.#workers.get(agentId);
    if (profile && this.#sees(watcher, agentId)) return { kind: 'real', id: profile.id, name: profile.name };
    throw this.#host.refuse('command.notAllowed', `"${agentId}" is not one of your agents.`);
  }

  #setStatus(watcher: Watcher, target: Target, status: 'ready' | 'notReady' | 'signedOut', reasonId: string | undefined, at: number): void {
    const reason = status === 'notReady' ? reasonId : undefined;
    if (reason !== undefined && !this.#host.scenario.tenant.notReadyReasons.some((r) => r.id === reason)) {
      throw this.#host.refuse('command.notAllowed', `Unknown Not Ready reason "${reason}".`);
    }
    const notSignedIn = () => this.#host.refuse('command.notAllowed', `${target.name} is not signed in.`);
    const busy = () => this.#host.refuse('command.notAllowed', `${target.name} has work in hand; sign them out once it is finished.`);
    if (target.kind === 'floor') {
      const { agent } = target;
      if (agent.status === 'signedOut') throw notSignedIn();
      if (status === 'signedOut' && agent.holding) throw busy();
      this.#host.floor!.setStatus(agent, status, reason, at);
      this.#host.requestTick();
      return;
    }
    const session = this.#host.session(target.id);
    if (!session || !roleTakesWork(session.role)) throw notSignedIn();
    if (status === 'signedOut') {
      if (this.#host.tasks(target.id).length > 0) throw busy();
      const words = this.#host.refuse('command.notAllowed', `${watcher.name} signed you out.`).toInfo();
      this.#host.signOut(target.id, { ...words, code: 'supervisor.signedOut' }, at);
      return;
    }
    if (!this.#host.media(target.id).some((m) => m.status === 'ready' || m.status === 'notReady')) {
      throw this.#host.refuse('command.notAllowed', `${target.name} has no channel signed in.`);
    }
    this.#host.setMedia(target.id, status, reason, at);
  }

  #setQueue(target: Target, queueId: string, enabled: boolean, at: number): void {
    const queues = target.kind === 'floor' ? target.agent.queues : this.#host.memberQueues(target.id);
    if (!queues.some((q) => q.queueId === queueId)) {
      const name = this.#host.queueName(queueId);
      throw this.#host.refuse(
        'queue.unknown',
        name === undefined ? `There is no queue "${queueId}".` : `The queue "${name}" is not assigned to ${target.name}.`,
      );
    }
    if (target.kind === 'floor') {
      this.#host.floor!.setQueue(target.agent, queueId, enabled);
      this.#host.requestTick();
    } else {
      this.#host.setMemberQueue(target.id, queueId, enabled, at);
      this.touch(target.id, at);
    }
  }

  #monitor(watcher: Watcher, target: Target, taskId: string, mode: MonitorMode, at: number): void {
    if (!this.#connectedCall(target, taskId)) throw this.#host.refuse('command.notAllowed', 'That call cannot be monitored now.');
    const current = this.#monitors.get(taskId);
    if (current && current.supervisorId !== watcher.id) {
      throw this.#host.refuse('command.notAllowed', `${current.supervisorName} is already monitoring this call.`);
    }
    if (current?.mode === mode) return;
    this.#monitors.set(taskId, { supervisorId: watcher.id, supervisorName: watcher.name, agentId: target.id, mode });
    // SV-4: the agent's desktop shows it, where the backend reports it (some countries require it).
    if (target.kind === 'real')
      this.#host.emit(target.id, { type: 'monitoring.changed', monitoring: { taskId, mode, by: watcher.name }, at });
    this.#touchAgent(target.id, at);
  }

  /** A connected voice call of the agent (talking or on hold): the only kind a supervisor joins. */
  #connectedCall(target: Target, taskId: string): boolean {
    if (target.kind === 'floor') {
      const holding = target.agent.holding;
      return holding?.work.id === taskId && holding.work.media === 'voice' && holding.status === 'active';
    }
    return this.#host
      .tasks(target.id)
      .some((t) => t.id === taskId && t.media === 'voice' && (t.status === 'active' || t.status === 'held'));
  }

  #endMonitoring(taskId: string, at: number): void {
    const monitoring = this.#monitors.get(taskId);
    if (!monitoring) return;
    this.#monitors.delete(taskId);
    if (this.#workers.has(monitoring.agentId))
      this.#host.emit(monitoring.agentId, { type: 'monitoring.changed', monitoring: undefined, at });
    this.#touchAgent(monitoring.agentId, at);
  }

  #touchAgent(agentId: string, at: number): void {
    const agent = this.#host.floor?.get(agentId);
    if (agent) {
      this.#host.floor!.touch(agent);
      this.#host.requestTick();
    } else {
      this.touch(agentId, at);
    }
  }

  // ——— rows ———

  /** Everyone the supervisor sees, real agents first; when `told`, remembered as what they were last told. */
  #roster(watcher: Watcher, told: boolean): RosterAgent[] {
    const agents: RosterAgent[] = [];
    if (told) {
      watcher.toldReal.clear();
      watcher.toldFloor.clear();
    }
    for (const agentId of this.#workers.keys()) {
      if (!this.#sees(watcher, agentId)) continue;
      const row = this.#realRow(watcher, agentId);
      if (told) watcher.toldReal.set(agentId, JSON.stringify(row));
      agents.push(row);
    }
    const floor = this.#host.floor;
    if (floor) {
      for (const agent of floor.agents) {
        if (!watcher.teams.has(agent.teamId)) continue;
        if (told) watcher.toldFloor.add(agent.id);
        agents.push(this.#floorRow(watcher, agent));
      }
    }
    return agents;
  }

  /** A real person who takes work and shares a team with the supervisor (never the supervisor themself). */
  #sees(watcher: Watcher, agentId: string): boolean {
    const profile = this.#workers.get(agentId);
    return profile !== undefined && agentId !== watcher.id && profile.teams.some((t) => watcher.teams.has(t.id));
  }

  #floorRow(watcher: Watcher, agent: FloorAgent): RosterAgent {
    const row = this.#host.floor!.view(agent);
    const holding = agent.holding;
    const monitoring = holding && this.#monitors.size > 0 ? this.#monitors.get(holding.work.id) : undefined;
    if (monitoring?.supervisorId !== watcher.id) return row;
    return { ...row, interactions: row.interactions.map((i) => ({ ...i, monitoring: monitoring.mode })) };
  }

  #realRow(watcher: Watcher, agentId: string): RosterAgent {
    const profile = this.#workers.get(agentId)!;
    const session = this.#host.session(agentId);
    const { status, reasonId, since } = this.#real.get(agentId)!;
    const sessionTeam = session?.teamId !== undefined && watcher.teams.has(session.teamId) ? session.teamId : undefined;
    const teamId = sessionTeam ?? profile.teams.find((t) => watcher.teams.has(t.id))?.id;
    const channels: Partial<Record<Channel, MediaStatus>> = {};
    if (status !== 'signedOut') {
      for (const { media, status: mediaStatus } of this.#host.media(agentId)) {
        const channel = channelOf(media);
        const current = channels[channel];
        if (current === undefined || STATUS_RANK[mediaStatus] < STATUS_RANK[current]) channels[channel] = mediaStatus;
      }
    }
    return {
      id: agentId,
      name: profile.name,
      ...(teamId === undefined ? {} : { teamId }),
      status,
      ...(reasonId === undefined ? {} : { reasonId }),
      since,
      channels,
      interactions: this.#host.tasks(agentId).map((task) => {
        const monitoring = this.#monitors.get(task.id);
        return {
          id: task.id,
          media: task.media,
          status: task.status,
          since: task.since,
          ...(task.queueId === undefined ? {} : { queueId: task.queueId }),
          ...(monitoring?.supervisorId === watcher.id ? { monitoring: monitoring.mode } : {}),
        };
      }),
      queues: this.#host.memberQueues(agentId).map((q) => ({ queueId: q.queueId, enabled: q.enabled })),
    };
  }

  /** SV-1: busy with an interaction, else in wrap-up, else Ready on some channel, else Not Ready (with its reason). */
  #realStatus(agentId: string): { status: RosterStatus; reasonId: string | undefined } {
    const session = this.#host.session(agentId);
    if (!session || !roleTakesWork(session.role)) return { status: 'signedOut', reasonId: undefined };
    const tasks = this.#host.tasks(agentId);
    if (tasks.some((t) => t.status === 'offered' || t.status === 'active' || t.status === 'held'))
      return { status: 'busy', reasonId: undefined };
    if (tasks.some((t) => t.status === 'wrapUp')) return { status: 'wrapUp', reasonId: undefined };
    const media = this.#host.media(agentId);
    if (media.some((m) => m.status === 'ready')) return { status: 'ready', reasonId: undefined };
    const reasoned = media.find((m) => m.status === 'notReady' && m.reasonId !== undefined);
    return { status: 'notReady', reasonId: reasoned?.reasonId };
  }
}
