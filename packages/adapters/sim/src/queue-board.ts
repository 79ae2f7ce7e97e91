// QL-1…QL-7 on the server: who is on which queue (members with their enabled tick, supervisors
// with their monitored tick), each queue's live figures, and telling every signed-in user about
// the queues they have — the whole list at sign-in, then each change as it happens. SV-2: the
// day's counts (accepted, handled, abandoned, service level) and the agents by what they are
// doing, which only supervisors are shown.

import {
  roleTakesWork,
  type AgentSession,
  type CcError,
  type DomainEvent,
  type ErrorCode,
  type Media,
  type Queue,
  type QueueChange,
} from '@cc-elements/core';
import type { FloorStaff } from './floor.js';
import { DEFAULT_SERVICE_LEVEL_TARGET_MS, type SimQueue, type SimScenario } from './scenarios.js';

export interface QueueBoardHost {
  readonly scenario: SimScenario;
  /** Everyone in the scenario, in its order: the tie-breaker of routing and the order users are told. */
  readonly agentIds: readonly string[];
  session(agentId: string): AgentSession | undefined;
  mediumStatus(agentId: string, media: Media): string | undefined;
  /**
   * SV-2: what the agent does on this medium: `talking` with an interaction offered, connected or
   * on hold; `wrapUp` with only wrap-ups left; undefined when idle.
   */
  activityOn(agentId: string, media: Media): 'talking' | 'wrapUp' | undefined;
  /** SV: the simulated floor, when the scenario has one: its agents are the queues' staff. */
  readonly floor: FloorStaff | undefined;
  emit(agentId: string, event: DomainEvent): void;
  refuse(code: ErrorCode, message?: string): CcError;
}

/** Where a call stands, as far as the figures care. */
export interface QueuedCall {
  readonly queueId: string;
  readonly status: 'waiting' | 'offered' | 'connected' | 'virtual' | 'ended';
  readonly waitingSince: number;
  /** The floor agent handling it, when it is `virtual` with a named one rather than anonymous staff. */
  readonly staffId?: string | undefined;
}

export interface QueueRecord {
  readonly def: SimQueue;
  /** agent id → routing from this queue is on for them (QL-5). */
  readonly members: Map<string, boolean>;
  /** agent id → they monitor this queue (QL-7). */
  readonly supervisors: Map<string, boolean>;
}

interface Figures {
  busy: number;
  waiting: number;
  oldestWaitingSince?: number;
  agentsSignedIn: number;
  agentsReady: number;
  agentsNotReady: number;
  agentsTalking: number;
}

/** SV-2: what happened on a queue since the world started (the simulator's "today"). */
interface DayCounts {
  accepted: number;
  /** Accepted within the queue's service level target. */
  acceptedInTarget: number;
  abandoned: number;
  handled: number;
}

export class QueueBoard {
  readonly #host: QueueBoardHost;
  readonly #queues = new Map<string, QueueRecord>();
  /** Per signed-in user who got the list: the views last told, so only changes are told. */
  readonly #told = new Map<string, Map<string, Queue>>();
  readonly #day = new Map<string, DayCounts>();

  constructor(host: QueueBoardHost) {
    this.#host = host;
    for (const def of host.scenario.queues) {
      this.#queues.set(def.id, {
        def,
        members: new Map(def.members.map((m) => [m.agentId, m.enabled])),
        supervisors: new Map(def.supervisors.map((s) => [s.agentId, s.monitored])),
      });
    }
  }

  get(queueId: string): QueueRecord | undefined {
    return this.#queues.get(queueId);
  }

  records(): IterableIterator<QueueRecord> {
    return this.#queues.values();
  }

  /** SV-2: an agent (real, floor or background) took an interaction that waited this long. */
  accepted(queueId: string, waitedMs: number): void {
    const day = this.#dayOf(queueId);
    const target = this.#queues.get(queueId)?.def.serviceLevelTargetMs ?? DEFAULT_SERVICE_LEVEL_TARGET_MS;
    day.accepted += 1;
    if (waitedMs <= target) day.acceptedInTarget += 1;
  }

  /** SV-2: the caller or customer left before anyone took it. */
  abandoned(queueId: string): void {
    this.#dayOf(queueId).abandoned += 1;
  }

  /** SV-2: an accepted interaction is over (ended, or transferred away from this queue). */
  handled(queueId: string): void {
    this.#dayOf(queueId).handled += 1;
  }

  #dayOf(queueId: string): DayCounts {
    let day = this.#day.get(queueId);
    if (!day) {
      day = { accepted: 0, acceptedInTarget: 0, abandoned: 0, handled: 0 };
      this.#day.set(queueId, day);
    }
    return day;
  }

  /** The user's queues as their signed-in role sees them: members get `enabled`, supervisors `monitored`. */
  viewsOf(agentId: string, calls: Iterable<QueuedCall>, traffic: boolean): Queue[] {
    return this.#views(agentId, this.#figures(calls, traffic));
  }

  /** QL-1: the whole list, once signed in; from now on the user hears every change. */
  list(agentId: string, calls: Iterable<QueuedCall>, traffic: boolean, at: number): void {
    const queues = this.viewsOf(agentId, calls, traffic);
    this.#told.set(agentId, new Map(queues.map((q) => [q.id, q])));
    this.#host.emit(agentId, { type: 'queues.loaded', queues, at });
  }

  unlist(agentId: string): void {
    this.#told.delete(agentId);
  }

  /** Tells each listed user every queue of theirs whose figures or ticks changed. */
  publish(calls: Iterable<QueuedCall>, traffic: boolean, at: number): void {
    const figures = this.#figures(calls, traffic);
    for (const agentId of this.#host.agentIds) {
      const told = this.#told.get(agentId);
      if (!told) continue;
      for (const queue of this.#views(agentId, figures)) {
        if (sameQueue(told.get(queue.id), queue)) continue;
        told.set(queue.id, queue);
        this.#host.emit(agentId, { type: 'queue.updated', queue, at });
      }
    }
  }

  /** QL-5: all or nothing — one queue that is not the member's refuses the whole confirmation. */
  setEnabled(agentId: string, session: AgentSession, changes: readonly QueueChange[]): void {
    const queues = changes.map((change) => {
      const queue = this.#queues.get(change.queueId);
      if (!queue || !roleTakesWork(session.role) || !queue.members.has(agentId)) throw this.#notYours(change.queueId, queue);
      return queue;
    });
    changes.forEach((change, i) => queues[i]!.members.set(agentId, change.on));
  }

  /** SV-1: the queues the agent is a member of, with their tick, in the board's order. */
  memberships(agentId: string): { queueId: string; enabled: boolean }[] {
    const memberships: { queueId: string; enabled: boolean }[] = [];
    for (const queue of this.#queues.values()) {
      const enabled = queue.members.get(agentId);
      if (enabled !== undefined) memberships.push({ queueId: queue.def.id, enabled });
    }
    return memberships;
  }

  /** SV-3: a supervisor switches one of a member's queues on or off (the caller checked it is theirs). */
  setMember(agentId: string, queueId: string, enabled: boolean): void {
    const queue = this.#queues.get(queueId);
    if (queue?.members.has(agentId)) queue.members.set(agentId, enabled);
  }

  /** QL-7: the same for a supervisor's monitored queues. */
  setMonitored(agentId: string, session: AgentSession, changes: readonly QueueChange[]): void {
    if (session.role === 'agent') throw this.#host.refuse('command.notAllowed', 'Sign in as a supervisor to monitor queues.');
    const queues = changes.map((change) => {
      const queue = this.#queues.get(change.queueId);
      if (!queue || !queue.supervisors.has(agentId)) throw this.#notYours(change.queueId, queue);
      return queue;
    });
    changes.forEach((change, i) => queues[i]!.supervisors.set(agentId, change.on));
  }

  remove(queueId: string, at: number): void {
    this.#queues.delete(queueId);
    for (const agentId of this.#host.agentIds) this.#tellRemoved(agentId, queueId, at);
  }

  unassign(agentId: string, queueId: string, at: number): void {
    const queue = this.#queues.get(queueId);
    queue?.members.delete(agentId);
    queue?.supervisors.delete(agentId);
    this.#tellRemoved(agentId, queueId, at);
  }

  #tellRemoved(agentId: string, queueId: string, at: number): void {
    if (this.#told.get(agentId)?.delete(queueId)) this.#host.emit(agentId, { type: 'queue.removed', queueId, at });
  }

  #notYours(queueId: string, queue: QueueRecord | undefined): CcError {
    return this.#host.refuse(
      'queue.unknown',
      queue ? `The queue "${queue.def.name}" is not assigned to you.` : `There is no queue "${queueId}" any more.`,
    );
  }

  /**
   * QL-2/QL-6: waiting counts calls ringing an agent too (they are not answered yet); busy counts
   * connected calls, with real or virtual agents; agents signed in are members with the queue
   * enabled and its medium signed in, plus the floor's and the virtual staff while traffic runs.
   * SV-2: those agents are talking (an interaction of the queue's medium in hand), Ready, or Not
   * Ready (wrap-up counts as Not Ready: it takes no new work).
   */
  #figures(calls: Iterable<QueuedCall>, traffic: boolean): Map<string, Figures> {
    const figures = new Map<string, Figures>();
    for (const queue of this.#queues.values()) {
      const staff = traffic ? (queue.def.virtualAgents?.count ?? 0) : 0;
      figures.set(queue.def.id, { busy: 0, waiting: 0, agentsSignedIn: staff, agentsReady: staff, agentsNotReady: 0, agentsTalking: 0 });
    }
    for (const call of calls) {
      const figure = figures.get(call.queueId);
      if (!figure) continue;
      if (call.status === 'waiting' || call.status === 'offered') {
        figure.waiting += 1;
        figure.oldestWaitingSince = Math.min(figure.oldestWaitingSince ?? Infinity, call.waitingSince);
      } else if (call.status === 'connected' || call.status === 'virtual') {
        figure.busy += 1;
        // Anonymous background staff: one fewer Ready, one more talking.
        if (call.status === 'virtual' && call.staffId === undefined && figure.agentsReady > 0) {
          figure.agentsReady -= 1;
          figure.agentsTalking += 1;
        }
      }
    }
    for (const agentId of this.#host.agentIds) {
      const session = this.#host.session(agentId);
      if (!session || !roleTakesWork(session.role)) continue;
      for (const queue of this.#queues.values()) {
        const status = this.#host.mediumStatus(agentId, queue.def.media);
        if (queue.members.get(agentId) !== true || (status !== 'ready' && status !== 'notReady')) continue;
        const figure = figures.get(queue.def.id)!;
        figure.agentsSignedIn += 1;
        const activity = this.#host.activityOn(agentId, queue.def.media);
        if (activity === 'talking') figure.agentsTalking += 1;
        else if (status === 'ready' && activity === undefined) figure.agentsReady += 1;
        else figure.agentsNotReady += 1;
      }
    }
    const floor = this.#host.floor;
    if (floor) {
      for (const [queueId, staff] of floor.figures()) {
        const figure = figures.get(queueId);
        if (!figure) continue;
        figure.agentsSignedIn += staff.signedIn;
        figure.agentsReady += staff.ready;
        figure.agentsNotReady += staff.notReady;
        figure.agentsTalking += staff.talking;
      }
    }
    return figures;
  }

  #views(agentId: string, figures: Map<string, Figures>): Queue[] {
    const session = this.#host.session(agentId);
    if (!session) return [];
    const takesWork = roleTakesWork(session.role);
    const supervises = session.role !== 'agent';
    const views: Queue[] = [];
    for (const queue of this.#queues.values()) {
      const enabled = takesWork ? queue.members.get(agentId) : undefined;
      const monitored = supervises ? queue.supervisors.get(agentId) : undefined;
      if (enabled === undefined && monitored === undefined) continue;
      const { busy, waiting, oldestWaitingSince, agentsSignedIn } = figures.get(queue.def.id)!;
      views.push({
        id: queue.def.id,
        name: queue.def.name,
        media: queue.def.media,
        direction: queue.def.direction,
        ...(enabled === undefined ? {} : { enabled }),
        ...(monitored === undefined ? {} : { monitored }),
        busy,
        waiting,
        ...(oldestWaitingSince === undefined ? {} : { oldestWaitingSince }),
        agentsSignedIn,
        ...(supervises ? this.#supervisorFigures(queue.def.id, figures.get(queue.def.id)!) : {}),
      });
    }
    return views;
  }

  /** SV-2: the day's counts and the agents by activity; the service level once anything was answered or abandoned. */
  #supervisorFigures(queueId: string, figure: Figures): Partial<Queue> {
    const day = this.#day.get(queueId);
    const accepted = day?.accepted ?? 0;
    const abandoned = day?.abandoned ?? 0;
    const offered = accepted + abandoned;
    return {
      handled: day?.handled ?? 0,
      accepted,
      abandoned,
      ...(offered === 0 ? {} : { serviceLevel: day!.acceptedInTarget / offered }),
      agentsReady: figure.agentsReady,
      agentsNotReady: figure.agentsNotReady,
      agentsTalking: figure.agentsTalking,
    };
  }
}

function sameQueue(a: Queue | undefined, b: Queue): boolean {
  return (
    a !== undefined &&
    a.enabled === b.enabled &&
    a.monitored === b.monitored &&
    a.busy === b.busy &&
    a.waiting === b.waiting &&
    a.oldestWaitingSince === b.oldestWaitingSince &&
    a.agentsSignedIn === b.agentsSignedIn &&
    a.handled === b.handled &&
    a.accepted === b.accepted &&
    a.abandoned === b.abandoned &&
    a.serviceLevel === b.serviceLevel &&
    a.agentsReady === b.agentsReady &&
    a.agentsNotReady === b.agentsNotReady &&
    a.agentsTalking === b.agentsTalking
  );
}

/**
 * One pass over a world's calls or contacts for the background staff (SV-5): per queue, those
 * waiting in arrival order, and how many are with an anonymous virtual agent.
 */
export function waitingByQueue<T extends { readonly status: string; readonly staffId?: string | undefined; readonly queueId: string }>(
  items: Iterable<T>,
): Map<string, { anonymous: number; waiting: T[] }> {
  const byQueue = new Map<string, { anonymous: number; waiting: T[] }>();
  for (const item of items) {
    const anonymous = item.status === 'virtual' && item.staffId === undefined;
    if (item.status !== 'waiting' && !anonymous) continue;
    let group = byQueue.get(item.queueId);
    if (!group) byQueue.set(item.queueId, (group = { anonymous: 0, waiting: [] }));
    if (anonymous) group.anonymous += 1;
    else group.waiting.push(item);
  }
  return byQueue;
}
