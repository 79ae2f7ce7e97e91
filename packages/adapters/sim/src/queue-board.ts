// QL-1…QL-7 on the server: who is on which queue (members with their enabled tick, supervisors
// with their monitored tick), each queue's live figures, and telling every signed-in user about
// the queues they have — the whole list at sign-in, then each change as it happens.

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
import type { SimQueue, SimScenario } from './scenarios.js';

export interface QueueBoardHost {
  readonly scenario: SimScenario;
  /** Everyone in the scenario, in its order: the tie-breaker of routing and the order users are told. */
  readonly agentIds: readonly string[];
  session(agentId: string): AgentSession | undefined;
  mediumStatus(agentId: string, media: Media): string | undefined;
  emit(agentId: string, event: DomainEvent): void;
  refuse(code: ErrorCode, message?: string): CcError;
}

/** Where a call stands, as far as the figures care. */
export interface QueuedCall {
  readonly queueId: string;
  readonly status: 'waiting' | 'offered' | 'connected' | 'virtual' | 'ended';
  readonly waitingSince: number;
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
}

export class QueueBoard {
  readonly #host: QueueBoardHost;
  readonly #queues = new Map<string, QueueRecord>();
  /** Per signed-in user who got the list: the views last told, so only changes are told. */
  readonly #told = new Map<string, Map<string, Queue>>();

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
   * enabled and its medium signed in, plus the virtual staff while traffic runs.
   */
  #figures(calls: Iterable<QueuedCall>, traffic: boolean): Map<string, Figures> {
    const figures = new Map<string, Figures>();
    for (const queue of this.#queues.values()) {
      figures.set(queue.def.id, { busy: 0, waiting: 0, agentsSignedIn: traffic ? (queue.def.virtualAgents?.count ?? 0) : 0 });
    }
    for (const call of calls) {
      const figure = figures.get(call.queueId);
      if (!figure) continue;
      if (call.status === 'waiting' || call.status === 'offered') {
        figure.waiting += 1;
        figure.oldestWaitingSince = Math.min(figure.oldestWaitingSince ?? Infinity, call.waitingSince);
      } else if (call.status === 'connected' || call.status === 'virtual') {
        figure.busy += 1;
      }
    }
    for (const agentId of this.#host.agentIds) {
      const session = this.#host.session(agentId);
      if (!session || !roleTakesWork(session.role)) continue;
      for (const queue of this.#queues.values()) {
        const status = this.#host.mediumStatus(agentId, queue.def.media);
        if (queue.members.get(agentId) === true && (status === 'ready' || status === 'notReady')) {
          figures.get(queue.def.id)!.agentsSignedIn += 1;
        }
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
      });
    }
    return views;
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
    a.agentsSignedIn === b.agentsSignedIn
  );
}
