// The simulator's voice ACD (automatic call distribution): routing to the longest-idle eligible
// agent, offers and RONA, calls, consultations, transfers, wrap-up with a server-side safety net,
// and the seeded background traffic that keeps it all moving. The queue board (shared with the
// digital ACD) keeps the figures; the engine settles both after every change.

import type { SchedulerLike, Subscription } from 'rxjs';
import {
  roleTakesWork,
  SYSTEM_REASONS,
  transferTargetsFor,
  type AgentProfile,
  type Command,
  type ErrorInfo,
  type Media,
  type Task,
  type TaskEndReason,
  type TransferTarget,
} from '@cc-elements/core';
import { drawBetween, drawCaller, drawExponential, hashText } from './callers.js';
import type { FloorStaff, StaffWork } from './floor.js';
import { cancel, type Operations } from './operations.js';
import { waitingByQueue, type QueueBoard, type QueueBoardHost, type QueuedCall, type QueueRecord } from './queue-board.js';
import { seededRandom } from './random.js';
import { checkClose, wrapUpAfterEnd, wrapUpSettingsFor } from './wrap-up.js';
import { DEFAULT_CALLER_PATIENCE_MS, DEFAULT_OFFER_TIMEOUT_MS, DEFAULT_TALK_TIME_MS } from './scenarios.js';

/** What the ACD needs from the rest of the server: people, their channels, the clock, the wire. */
export interface AcdHost extends QueueBoardHost {
  readonly scheduler: SchedulerLike;
  profile(agentId: string): AgentProfile;
  /** ST-6/ST-8: the backend itself makes the agent Not Ready with a system reason. */
  setNotReady(agentId: string, media: Media, reasonId: string, at: number): void;
}

export interface AcdOptions {
  readonly traffic: boolean;
  readonly seed: number;
  readonly wrapUpGraceMs: number;
  readonly consultDelayMs: number;
}

/** A call put in a queue by hand (tests, the demo's buttons). */
export interface InjectedCall {
  readonly queueId: string;
  /** E.164; drawn from the seed when absent. */
  readonly from?: string;
  readonly customerName?: string;
  /** Overrides the queue's patience draw (used only while traffic is on). */
  readonly patienceMs?: number;
  /** Overrides the queue's talk-time draw (used only while traffic is on). */
  readonly talkTimeMs?: number;
}

/** How one leg of a call was closed: what later supervisor statistics count. */
export interface CallClosing {
  /** The real agent; absent when a background (virtual) agent handled it. */
  readonly agentId?: string;
  readonly queueId: string;
  readonly reasonId?: string;
  readonly at: number;
  /** agent: closed by the agent (or ended without wrap-up); server: the safety net closed it; virtual: background staff. */
  readonly closedBy: 'agent' | 'server' | 'virtual';
}

/** A consultation the target declined (CB-3), as `lastConsultFailure` reports it. */
export interface ConsultFailure {
  readonly targetId: string;
  readonly targetName: string;
  readonly at: number;
  readonly error: ErrorInfo;
}

export type SimCallStatus = 'waiting' | 'offered' | 'connected' | 'virtual' | 'ended';

/** One customer's call as the ACD sees it, for the demo and tests. */
export interface SimCall {
  readonly id: string;
  readonly queueId: string;
  readonly status: SimCallStatus;
  readonly from: string;
  readonly customerName: string;
  readonly callback: boolean;
  /** When it joined its current queue; kept through a RONA or a decline. */
  readonly waitingSince: number;
  /** The real agent it is offered to or connected with. */
  readonly agentId?: string;
  /** SV: the floor agent who took it (a `virtual` call with a named agent). */
  readonly staffId?: string;
  readonly endedAs?: 'abandoned' | 'completed' | 'transferred';
}

export const DEFAULT_WRAP_UP_GRACE_MS = 5_000;
export const DEFAULT_CONSULT_DELAY_MS = 3_000;
/** Ended calls kept for `closings` and the demo; older ones are forgotten. */
const ENDED_CALLS_KEPT = 500;
/** How many calls end between two looks at what to forget. */
export const ENDED_PRUNE_EVERY = 50;
/** Waits of calls already queued when the world starts: up to three minutes. */
export const WAITING_AT_START_MS = { min: 5_000, max: 180_000 };
const DTMF = /^[0-9*#A-D]+$/;

interface CallRecord {
  readonly id: string;
  /** Arrival order: the tie-breaker among calls that joined at the same instant. */
  readonly seq: number;
  queueId: string;
  readonly from: string;
  readonly customerName: string;
  readonly callback: boolean;
  waitingSince: number;
  status: SimCallStatus;
  agentId: string | undefined;
  /** The floor agent on it while `virtual`; kept after for the record. */
  staffId: string | undefined;
  connectedAt: number | undefined;
  endedAs: SimCall['endedAs'];
  readonly patienceMs: number;
  readonly talkMs: number;
  /** Agents who declined or missed it, with their Ready count then: not offered again until they are Ready anew. */
  readonly passedBy: Map<string, number>;
  patienceTimer: Subscription | undefined;
  hangUpTimer: Subscription | undefined;
  virtualTimer: Subscription | undefined;
  readonly dtmf: string[];
  consultFailure: ConsultFailure | undefined;
  readonly closings: CallClosing[];
  /** Agents' tasks still pointing at it (a wrap-up outlives the call): it is kept while any remain. */
  legs: number;
}

/** An agent's leg of a call: the task the agent sees. */
interface TaskRecord {
  task: Task;
  readonly callId: string;
  offerTimer: Subscription | undefined;
  consultTimer: Subscription | undefined;
  wrapUpTimer: Subscription | undefined;
}

interface AgentWork {
  readonly tasks: Map<string, TaskRecord>;
  /** Offers this agent let expire, so a late accept hears "expired" rather than "not yours". */
  readonly expired: Set<string>;
  /** How many times voice went Ready: a call passed over waits for the next time. */
  readySeq: number;
  ready: boolean;
  /** Longest idle first: since voice went Ready or the last call closed, whichever is later. */
  idleSince: number;
}

/** A queue's own random stream (arrivals and callers) and its traffic timers. */
interface QueueTraffic {
  readonly random: () => number;
  arrivalTimer: Subscription | undefined;
  virtualTimer: Subscription | undefined;
}

export type TaskCommand = Extract<Command, { taskId: string }>;

export class VoiceAcd {
  readonly #host: AcdHost;
  readonly #options: AcdOptions;
  readonly #board: QueueBoard;
  readonly #queueTraffic = new Map<string, QueueTraffic>();
  readonly #calls = new Map<string, CallRecord>();
  readonly #work = new Map<string, AgentWork>();
  readonly #ops: Operations;
  readonly #injectRandom: () => number;
  #warmRandom: (() => number) | undefined;
  #trafficOn: boolean;
  #callCount = 0;
  #endedSincePrune = 0;

  constructor(host: AcdHost, board: QueueBoard, ops: Operations, options: AcdOptions) {
    this.#host = host;
    this.#board = board;
    this.#ops = ops;
    this.#options = options;
    this.#trafficOn = options.traffic;
    this.#injectRandom = seededRandom(options.seed ^ 0x5bd1e995);
    for (const agentId of host.agentIds) {
      this.#work.set(agentId, {
        tasks: new Map(),
        expired: new Set(),
        readySeq: 0,
        ready: false,
        idleSince: 0,
      });
    }
    const now = host.scheduler.now();
    for (const queue of this.#voiceQueues()) {
      // Each queue draws from its own stream, so adding a queue does not change another's callers.
      const random = seededRandom(options.seed ^ hashText(queue.def.id));
      this.#queueTraffic.set(queue.def.id, { random, arrivalTimer: undefined, virtualTimer: undefined });
      const waits = Array.from({ length: queue.def.waitingAtStart ?? 0 }, () => drawBetween(random, WAITING_AT_START_MS));
      for (const wait of waits.sort((a, b) => b - a)) this.#enqueue(this.#newCall(queue, random, {}), now - wait, now);
    }
    if (this.#trafficOn) this.#startTraffic(now);
  }

  get traffic(): boolean {
    return this.#trafficOn;
  }

  // ——— what the rest of the server asks ———

  tasksOf(agentId: string): Task[] {
    return [...this.#agentWork(agentId).tasks.values()].map((r) => r.task);
  }

  /** Every call, for the queue figures. */
  queued(): Iterable<QueuedCall> {
    return this.#calls.values();
  }

  hasWork(agentId: string): boolean {
    return this.#agentWork(agentId).tasks.size > 0;
  }

  /** The task is this agent's call, or an offer of one they let expire. */
  knows(agentId: string, taskId: string): boolean {
    const work = this.#agentWork(agentId);
    return work.tasks.has(taskId) || work.expired.has(taskId);
  }

  calls(): SimCall[] {
    return [...this.#calls.values()].map((call) => ({
      id: call.id,
      queueId: call.queueId,
      status: call.status,
      from: call.from,
      customerName: call.customerName,
      callback: call.callback,
      waitingSince: call.waitingSince,
      ...(call.agentId === undefined ? {} : { agentId: call.agentId }),
      ...(call.staffId === undefined ? {} : { staffId: call.staffId }),
      ...(call.endedAs === undefined ? {} : { endedAs: call.endedAs }),
    }));
  }

  closings(callId: string): readonly CallClosing[] {
    return [...this.#knownCall(callId).closings];
  }

  sentDtmf(taskId: string): readonly string[] {
    return [...(this.#calls.get(taskId)?.dtmf ?? [])];
  }

  lastConsultFailure(taskId: string): ConsultFailure | undefined {
    return this.#calls.get(taskId)?.consultFailure;
  }

  signedOut(agentId: string): void {
    const work = this.#agentWork(agentId);
    work.ready = false;
    work.expired.clear();
  }

  /** A medium changed: Ready makes the agent routable, and signed-in agents count on queues (QL-6). */
  mediumChanged(agentId: string, media: Media, status: string, at: number): void {
    if (media !== 'voice') return;
    this.#ops.run(at, () => {
      const work = this.#agentWork(agentId);
      const ready = status === 'ready';
      if (ready && !work.ready) {
        work.readySeq += 1;
        work.idleSince = at;
      }
      work.ready = ready;
    });
  }

  apply(agentId: string, command: TaskCommand, at: number): void {
    this.#ops.run(at, () => this.#taskCommand(agentId, command, at));
  }

  // ——— helpers for tests and the demo ———

  injectCall(call: InjectedCall): string {
    const queue = this.#board.get(call.queueId);
    if (queue?.def.media !== 'voice') throw new RangeError(`No voice queue "${call.queueId}" in scenario "${this.#host.scenario.title}".`);
    const at = this.#host.scheduler.now();
    let id = '';
    this.#ops.run(at, () => {
      id = this.#enqueue(this.#newCall(queue, this.#injectRandom, call), at, at).id;
    });
    return id;
  }

  /** The customer hangs up: an abandon while waiting or ringing, the end of the call when connected. */
  hangUp(callId: string): void {
    const call = this.#knownCall(callId);
    const at = this.#host.scheduler.now();
    this.#ops.run(at, () => this.#customerLeaves(call, at));
  }

  setTraffic(on: boolean): void {
    if (on === this.#trafficOn) return;
    const at = this.#host.scheduler.now();
    this.#ops.run(at, () => {
      this.#trafficOn = on;
      if (on) {
        this.#startTraffic(at);
        return;
      }
      for (const traffic of this.#queueTraffic.values()) stopTraffic(traffic);
      for (const call of this.#calls.values()) {
        stopCaller(call);
        // Background staff go home with traffic: their calls end now.
        if (call.status === 'virtual') this.#endVirtual(call, at);
      }
    });
  }

  /** The queue is going away: its traffic stops and its waiting and ringing callers hang up. */
  dropQueue(queueId: string, at: number): void {
    const traffic = this.#queueTraffic.get(queueId);
    if (traffic) stopTraffic(traffic);
    this.#queueTraffic.delete(queueId);
    for (const call of this.#calls.values()) {
      if (call.queueId === queueId && (call.status === 'waiting' || call.status === 'offered')) this.#customerLeaves(call, at);
    }
  }

  /** Stops every timer: a world that is thrown away must not keep the page or the process busy. */
  dispose(): void {
    this.#trafficOn = false;
    for (const traffic of this.#queueTraffic.values()) stopTraffic(traffic);
    for (const call of this.#calls.values()) {
      stopCaller(call);
      call.virtualTimer = cancel(call.virtualTimer);
    }
    for (const work of this.#work.values()) {
      for (const record of work.tasks.values()) {
        record.offerTimer = cancel(record.offerTimer);
        record.consultTimer = cancel(record.consultTimer);
        record.wrapUpTimer = cancel(record.wrapUpTimer);
      }
    }
  }

  // ——— commands ———

  #taskCommand(agentId: string, command: TaskCommand, at: number): void {
    const work = this.#agentWork(agentId);
    const record = work.tasks.get(command.taskId);
    if (!record) throw this.#host.refuse(work.expired.has(command.taskId) ? 'offer.expired' : 'task.unknown');
    const { task } = record;
    switch (command.type) {
      case 'task.accept':
        // A late second click: the call is already connected.
        if (task.status === 'active' || task.status === 'held') return;
        this.#requireStatus(task, ['offered'], 'This call is not ringing any more.');
        if (task.offerExpiresAt !== undefined && at >= task.offerExpiresAt) throw this.#host.refuse('offer.expired');
        return this.#accept(agentId, record, at);
      case 'task.decline':
        this.#requireStatus(task, ['offered'], 'This call is not ringing any more.');
        return this.#passOver(agentId, record, 'declined', SYSTEM_REASONS.declined, at);
      case 'task.end':
        this.#requireStatus(task, ['active', 'held'], 'There is no connected call to end.');
        this.#endCall(this.#callOf(record), 'completed');
        return this.#wrapUp(agentId, record, 'closed', at);
      case 'task.close':
        return this.#close(agentId, record, command.reasonId, at);
      case 'call.hold':
        if (task.status === 'held') return;
        this.#requireStatus(task, ['active'], 'Only a connected call can be put on hold.');
        return this.#update(agentId, record, { ...task, status: 'held', since: at }, at);
      case 'call.resume': {
        if (task.status === 'active') return;
        this.#requireStatus(task, ['held'], 'The call is not on hold.');
        if (task.consult && task.consult.status !== 'failed') {
          throw this.#host.refuse('command.notAllowed', 'End or complete the consultation before resuming the caller.');
        }
        // Back with the caller: a failed consultation has nothing left to say.
        const { consult: _done, ...rest } = task;
        return this.#update(agentId, record, { ...rest, status: 'active', since: at }, at);
      }
      case 'call.mute':
        this.#requireStatus(task, ['active', 'held'], 'There is no call to mute.');
        if ((task.muted ?? false) === command.muted) return;
        return this.#update(agentId, record, { ...task, muted: command.muted }, at);
      case 'call.transfer': {
        this.#requireStatus(task, ['active', 'held'], 'Only a connected call can be transferred.');
        if (task.consult && task.consult.status !== 'failed') {
          throw this.#host.refuse('command.notAllowed', 'Complete or cancel the consultation before transferring.');
        }
        return this.#handOver(agentId, record, this.#target(command.targetId), at);
      }
      case 'call.consult':
        this.#requireStatus(task, ['active', 'held'], 'Only a connected call can be consulted on.');
        if (task.consult && task.consult.status !== 'failed') {
          throw this.#host.refuse('command.notAllowed', 'A consultation is already under way.');
        }
        return this.#consult(agentId, record, this.#target(command.targetId), at);
      case 'call.consultComplete': {
        const consult = task.consult;
        if (consult?.status !== 'connected') throw this.#host.refuse('command.notAllowed', 'The consulted party has not answered yet.');
        return this.#handOver(agentId, record, this.#target(consult.targetId), at);
      }
      case 'call.consultCancel': {
        if (!task.consult) throw this.#host.refuse('command.notAllowed', 'There is no consultation to end.');
        record.consultTimer = cancel(record.consultTimer);
        const { consult: _dropped, ...rest } = task;
        return this.#update(agentId, record, rest, at);
      }
      case 'call.dtmf':
        this.#requireStatus(task, ['active'], 'Keypad tones need a connected call.');
        if (!DTMF.test(command.digits)) throw this.#host.refuse('dtmf.invalid');
        this.#callOf(record).dtmf.push(command.digits);
        return;
      default:
        throw this.#host.refuse('command.notAllowed', 'A call has no conversation: that action is for chats, messages and emails.');
    }
  }

  #requireStatus(task: Task, statuses: readonly Task['status'][], message: string): void {
    if (!statuses.includes(task.status)) throw this.#host.refuse('command.notAllowed', message);
  }

  #target(targetId: string): TransferTarget {
    const target = transferTargetsFor(this.#host.scenario.tenant.transferTargets, 'voice').find((t) => t.id === targetId);
    if (!target) throw this.#host.refuse('command.notAllowed', `"${targetId}" is not one of the transfer targets of this tenant.`);
    return target;
  }

  #accept(agentId: string, record: TaskRecord, at: number): void {
    const call = this.#callOf(record);
    record.offerTimer = cancel(record.offerTimer);
    call.patienceTimer = cancel(call.patienceTimer);
    call.status = 'connected';
    call.connectedAt = at;
    this.#board.accepted(call.queueId, at - call.waitingSince);
    this.#armHangUp(call, at);
    const { offerExpiresAt: _gone, ...rest } = record.task;
    this.#update(agentId, record, { ...rest, status: 'active', since: at, startedAt: at }, at);
  }

  /** ST-6/ST-8: a decline or a missed offer — the caller goes back to the queue, the agent Not Ready. */
  #passOver(agentId: string, record: TaskRecord, reason: 'declined' | 'rona', reasonId: string, at: number): void {
    const work = this.#agentWork(agentId);
    const call = this.#callOf(record);
    this.#removeTask(agentId, record, reason, at);
    call.status = 'waiting';
    call.agentId = undefined;
    call.passedBy.set(agentId, work.readySeq);
    this.#host.setNotReady(agentId, record.task.media, reasonId, at);
  }

  #missed(agentId: string, taskId: string, at: number): void {
    const work = this.#agentWork(agentId);
    const record = work.tasks.get(taskId);
    if (record?.task.status !== 'offered') return;
    work.expired.add(taskId);
    // ST-8 (8x8): a missed call that ends by itself is "missed"; otherwise RONA until the agent moves (ST-6).
    const reasonId = this.#missedUnavailableMs(agentId) === null ? SYSTEM_REASONS.rona : SYSTEM_REASONS.missed;
    this.#passOver(agentId, record, 'rona', reasonId, at);
  }

  #missedUnavailableMs(agentId: string): number | null {
    const own = this.#host.profile(agentId).offerRules?.missedUnavailableMs;
    // null is a real value here (the RONA model), so only undefined falls back to the tenant.
    return own !== undefined ? own : this.#host.scenario.tenant.offerRules.missedUnavailableMs;
  }

  /** After the call ended or left the agent: wrap-up, or closed at once (WU-1). */
  #wrapUp(agentId: string, record: TaskRecord, removedAs: 'closed' | 'transferred', at: number): void {
    record.consultTimer = cancel(record.consultTimer);
    const call = this.#callOf(record);
    const wrapUp = wrapUpAfterEnd(wrapUpSettingsFor(this.#host.scenario, record.task.queueId), at);
    if (!wrapUp) {
      call.closings.push({ agentId, queueId: record.task.queueId ?? call.queueId, at, closedBy: 'agent' });
      this.#removeTask(agentId, record, removedAs, at);
      return;
    }
    const expiresAt = wrapUp.expiresAt!;
    const { consult: _c, muted: _m, ...rest } = record.task;
    this.#update(agentId, record, { ...rest, status: 'wrapUp', since: at, wrapUp }, at);
    // The client closes at zero (WU-2); should it be gone, the server does, so nobody is stuck in wrap-up.
    record.wrapUpTimer = this.#schedule(expiresAt + this.#options.wrapUpGraceMs - at, (now) => {
      record.wrapUpTimer = undefined;
      if (this.#agentWork(agentId).tasks.get(record.task.id) !== record) return;
      call.closings.push({ agentId, queueId: record.task.queueId ?? call.queueId, at: now, closedBy: 'server' });
      this.#removeTask(agentId, record, 'closed', now);
    });
  }

  #close(agentId: string, record: TaskRecord, reasonId: string | undefined, at: number): void {
    const { task } = record;
    checkClose(this.#host.scenario, task, reasonId, at, this.#host.refuse);
    const call = this.#callOf(record);
    call.closings.push({
      agentId,
      queueId: task.queueId ?? call.queueId,
      ...(reasonId === undefined ? {} : { reasonId }),
      at,
      closedBy: 'agent',
    });
    this.#removeTask(agentId, record, 'closed', at);
  }

  /** A blind transfer or a completed consultation: the caller goes to the target, the agent to wrap-up. */
  #handOver(agentId: string, record: TaskRecord, target: TransferTarget, at: number): void {
    const call = this.#callOf(record);
    call.hangUpTimer = cancel(call.hangUpTimer);
    const queue = target.kind === 'queue' ? this.#board.get(target.id) : undefined;
    if (queue) {
      this.#board.handled(call.queueId);
      call.connectedAt = undefined;
      call.passedBy.clear();
      this.#enqueue(call, at, at, queue.def.id);
    } else {
      this.#endCall(call, 'transferred');
    }
    this.#wrapUp(agentId, record, 'transferred', at);
  }

  #consult(agentId: string, record: TaskRecord, target: TransferTarget, at: number): void {
    const { task } = record;
    this.#update(
      agentId,
      record,
      {
        ...task,
        status: 'held',
        since: task.status === 'held' ? task.since : at,
        consult: { targetId: target.id, targetName: target.name, status: 'ringing', since: at },
      },
      at,
    );
    record.consultTimer = this.#schedule(this.#options.consultDelayMs, (now) => {
      record.consultTimer = undefined;
      const current = record.task;
      if (current.consult?.targetId !== target.id || current.consult.status !== 'ringing') return;
      const outcome = this.#host.scenario.consultOutcomes?.[target.id] ?? 'answer';
      if (outcome === 'answer') {
        this.#update(agentId, record, { ...current, consult: { ...current.consult, status: 'connected', since: now } }, now);
        return;
      }
      const error = this.#host
        .refuse('consult.failed', `${target.name} did not take the consultation; the caller is still on hold.`)
        .toInfo();
      this.#callOf(record).consultFailure = { targetId: target.id, targetName: target.name, at: now, error };
      this.#update(agentId, record, { ...current, consult: { ...current.consult, status: 'failed', since: now, error } }, now);
    });
  }

  // ——— calls ———

  #newCall(queue: QueueRecord, random: () => number, given: Omit<InjectedCall, 'queueId'>): CallRecord {
    // Every draw is made, given or not, so an injected number never shifts the calls after it.
    const caller = drawCaller(random);
    const patienceMs = drawBetween(random, queue.def.callerPatienceMs ?? DEFAULT_CALLER_PATIENCE_MS);
    const talkMs = drawBetween(random, queue.def.talkTimeMs ?? DEFAULT_TALK_TIME_MS);
    this.#callCount += 1;
    return {
      id: `call-${this.#callCount}`,
      seq: this.#callCount,
      queueId: queue.def.id,
      from: given.from ?? caller.number,
      customerName: given.customerName ?? caller.name,
      callback: queue.def.direction === 'outbound',
      waitingSince: 0,
      status: 'waiting',
      agentId: undefined,
      staffId: undefined,
      connectedAt: undefined,
      endedAs: undefined,
      patienceMs: given.patienceMs ?? patienceMs,
      talkMs: given.talkTimeMs ?? talkMs,
      passedBy: new Map(),
      patienceTimer: undefined,
      hangUpTimer: undefined,
      virtualTimer: undefined,
      dtmf: [],
      consultFailure: undefined,
      closings: [],
      legs: 0,
    };
  }

  #enqueue(call: CallRecord, waitingSince: number, at: number, queueId = call.queueId): CallRecord {
    call.queueId = queueId;
    call.waitingSince = waitingSince;
    call.status = 'waiting';
    call.agentId = undefined;
    if (!this.#calls.has(call.id)) this.#calls.set(call.id, call);
    this.#armPatience(call, at);
    return call;
  }

  #armPatience(call: CallRecord, at: number): void {
    call.patienceTimer = cancel(call.patienceTimer);
    if (!this.#trafficOn) return;
    call.patienceTimer = this.#schedule(Math.max(0, call.waitingSince + call.patienceMs - at), (now) => {
      call.patienceTimer = undefined;
      if (call.status === 'waiting' || call.status === 'offered') this.#customerLeaves(call, now);
    });
  }

  #armHangUp(call: CallRecord, at: number): void {
    call.hangUpTimer = cancel(call.hangUpTimer);
    if (!this.#trafficOn || call.connectedAt === undefined) return;
    call.hangUpTimer = this.#schedule(Math.max(0, call.connectedAt + call.talkMs - at), (now) => {
      call.hangUpTimer = undefined;
      if (call.status === 'connected') this.#customerLeaves(call, now);
    });
  }

  #customerLeaves(call: CallRecord, at: number): void {
    switch (call.status) {
      case 'waiting':
        this.#endCall(call, 'abandoned');
        return;
      case 'offered': {
        const agentId = call.agentId!;
        const record = this.#agentWork(agentId).tasks.get(call.id);
        this.#endCall(call, 'abandoned');
        if (record) this.#removeTask(agentId, record, 'abandoned', at);
        return;
      }
      case 'connected': {
        const agentId = call.agentId!;
        const record = this.#agentWork(agentId).tasks.get(call.id);
        this.#endCall(call, 'completed');
        if (record) this.#wrapUp(agentId, record, 'closed', at);
        return;
      }
      case 'virtual':
        this.#endVirtual(call, at);
        return;
      case 'ended':
        return;
    }
  }

  #endVirtual(call: CallRecord, at: number): void {
    call.closings.push({ queueId: call.queueId, at, closedBy: 'virtual' });
    this.#endCall(call, 'completed');
    // The floor agent on it wraps up (a no-op when they are the one who finished it).
    if (call.staffId !== undefined) this.#host.floor?.released(call.id, at);
  }

  #endCall(call: CallRecord, as: NonNullable<SimCall['endedAs']>): void {
    // SV-2: a caller who left unanswered is abandoned; an answered call that ends is handled.
    if (as === 'abandoned') this.#board.abandoned(call.queueId);
    else if (call.status === 'connected' || call.status === 'virtual') this.#board.handled(call.queueId);
    call.patienceTimer = cancel(call.patienceTimer);
    call.hangUpTimer = cancel(call.hangUpTimer);
    call.virtualTimer = cancel(call.virtualTimer);
    call.status = 'ended';
    call.endedAs = as;
    call.agentId = undefined;
    // Keep recent history for statistics, but not forever in a long-running demo; looked at every
    // few dozen ends, as a floor of thousands ends calls by the dozen a second (SV-5).
    this.#endedSincePrune += 1;
    if (this.#endedSincePrune < ENDED_PRUNE_EVERY) return;
    this.#endedSincePrune = 0;
    let kept = 0;
    for (const other of [...this.#calls.values()].reverse()) {
      if (other.status === 'ended' && other.legs === 0 && ++kept > ENDED_CALLS_KEPT) this.#calls.delete(other.id);
    }
  }

  // ——— tasks ———

  #update(agentId: string, record: TaskRecord, task: Task, at: number): void {
    record.task = task;
    this.#host.emit(agentId, { type: 'task.updated', task, at });
  }

  #removeTask(agentId: string, record: TaskRecord, reason: TaskEndReason, at: number): void {
    const work = this.#agentWork(agentId);
    record.offerTimer = cancel(record.offerTimer);
    record.consultTimer = cancel(record.consultTimer);
    record.wrapUpTimer = cancel(record.wrapUpTimer);
    work.tasks.delete(record.task.id);
    this.#callOf(record).legs -= 1;
    if (work.tasks.size === 0) work.idleSince = Math.max(work.idleSince, at);
    this.#host.emit(agentId, { type: 'task.removed', taskId: record.task.id, reason, at });
  }

  #offer(agentId: string, call: CallRecord, queue: QueueRecord, at: number): void {
    const timeout = queue.def.offerTimeoutMs ?? DEFAULT_OFFER_TIMEOUT_MS;
    call.status = 'offered';
    call.agentId = agentId;
    const task: Task = {
      id: call.id,
      media: queue.def.media,
      status: 'offered',
      since: at,
      direction: queue.def.direction,
      from: call.from,
      customerName: call.customerName,
      queueId: queue.def.id,
      queueName: queue.def.name,
      ...(call.callback ? { callback: true } : {}),
      offerExpiresAt: at + timeout,
    };
    const record: TaskRecord = { task, callId: call.id, offerTimer: undefined, consultTimer: undefined, wrapUpTimer: undefined };
    const work = this.#agentWork(agentId);
    work.tasks.set(call.id, record);
    call.legs += 1;
    work.expired.delete(call.id);
    record.offerTimer = this.#schedule(timeout, (now) => {
      record.offerTimer = undefined;
      this.#missed(agentId, call.id, now);
    });
    this.#host.emit(agentId, { type: 'task.updated', task, at });
  }

  // ——— routing and background staff ———

  #schedule(delay: number, work: (now: number) => void): Subscription {
    return this.#ops.schedule(delay, work);
  }

  #voiceQueues(): QueueRecord[] {
    return [...this.#board.records()].filter((queue) => queue.def.media === 'voice');
  }

  /** Oldest call first, each to the longest-idle eligible agent. */
  route(at: number): void {
    // Only real agents are offered calls: with none of them Ready there is nothing to do.
    if (![...this.#work.values()].some((work) => work.ready)) return;
    const waiting = [...this.#calls.values()].filter((c) => c.status === 'waiting').sort(byWait);
    for (const call of waiting) {
      const queue = this.#board.get(call.queueId);
      if (!queue) continue;
      let chosen: string | undefined;
      let chosenIdle = Infinity;
      for (const agentId of this.#host.agentIds) {
        if (!this.#eligible(agentId, call, queue)) continue;
        const idle = this.#agentWork(agentId).idleSince;
        if (idle < chosenIdle) {
          chosen = agentId;
          chosenIdle = idle;
        }
      }
      if (chosen !== undefined) this.#offer(chosen, call, queue, at);
    }
  }

  #eligible(agentId: string, call: CallRecord, queue: QueueRecord): boolean {
    const session = this.#host.session(agentId);
    if (!session || !roleTakesWork(session.role)) return false;
    if (queue.members.get(agentId) !== true) return false;
    if (this.#host.mediumStatus(agentId, queue.def.media) !== 'ready') return false;
    const work = this.#agentWork(agentId);
    for (const record of work.tasks.values()) if (record.task.media === queue.def.media) return false;
    return call.passedBy.get(agentId) !== work.readySeq;
  }

  /**
   * Background staff take calls that waited long enough, oldest first, while traffic is on: the
   * floor's named agents first (the longest idle Ready member, SV), then the queue's anonymous
   * virtual agents. One pass over the calls, whatever the number of queues (SV-5).
   */
  pickUpByStaff(at: number): void {
    if (!this.#trafficOn) return;
    const floor = this.#host.floor;
    const byQueue = waitingByQueue(this.#calls.values());
    for (const queue of this.#voiceQueues()) {
      const traffic = this.#queueTraffic.get(queue.def.id)!;
      traffic.virtualTimer = cancel(traffic.virtualTimer);
      const group = byQueue.get(queue.def.id);
      if (!group || group.waiting.length === 0) continue;
      const waiting = group.waiting.sort(byWait);
      let next = 0;
      // A call the floor cannot take yet waits for the next tick, which settles again.
      while (floor && next < waiting.length && waiting[next]!.waitingSince + floor.answerAfterMs <= at) {
        if (!this.#takeByFloor(floor, waiting[next]!, queue, at)) break;
        next += 1;
      }
      const staff = queue.def.virtualAgents;
      if (!staff || staff.count === 0) continue;
      let idle = staff.count - group.anonymous;
      for (const call of waiting.slice(next)) {
        const due = call.waitingSince + staff.answerAfterMs;
        if (idle <= 0) break;
        if (due > at) {
          // Nothing to do then but settle again, which picks the call up.
          traffic.virtualTimer = this.#schedule(due - at, () => {
            traffic.virtualTimer = undefined;
          });
          break;
        }
        idle -= 1;
        call.status = 'virtual';
        call.patienceTimer = cancel(call.patienceTimer);
        this.#board.accepted(call.queueId, at - call.waitingSince);
        call.virtualTimer = this.#schedule(call.talkMs, (now) => {
          call.virtualTimer = undefined;
          if (call.status === 'virtual') this.#endVirtual(call, now);
        });
      }
    }
  }

  /** SV: a floor agent takes the call, if one is free; the floor's wheel, not a timer of the call's, ends it. */
  #takeByFloor(floor: FloorStaff, call: CallRecord, queue: QueueRecord, at: number): boolean {
    const staffId = floor.take(queue.def.id, this.#staffWork(call), at);
    if (staffId === undefined) return false;
    call.status = 'virtual';
    call.staffId = staffId;
    call.connectedAt = at;
    call.patienceTimer = cancel(call.patienceTimer);
    this.#board.accepted(call.queueId, at - call.waitingSince);
    return true;
  }

  #staffWork(call: CallRecord): StaffWork {
    return {
      id: call.id,
      queueId: call.queueId,
      media: 'voice',
      handleMs: call.talkMs,
      finish: (now) => {
        if (call.status === 'virtual') this.#endVirtual(call, now);
      },
    };
  }

  /**
   * SV: a call a floor agent is already on when the world starts (answered at `startedAt`), so the
   * floor is busy from the first frame. Counted as accepted within the target.
   */
  callInProgress(queueId: string, staffId: string, startedAt: number): StaffWork | undefined {
    const queue = this.#board.get(queueId);
    if (queue?.def.media !== 'voice') return undefined;
    this.#warmRandom ??= seededRandom(this.#options.seed ^ hashText('floor:calls in progress'));
    const call = this.#newCall(queue, this.#warmRandom, {});
    call.waitingSince = startedAt;
    call.status = 'virtual';
    call.staffId = staffId;
    call.connectedAt = startedAt;
    this.#calls.set(call.id, call);
    this.#board.accepted(queueId, 0);
    return this.#staffWork(call);
  }

  #startTraffic(at: number): void {
    for (const queue of this.#voiceQueues()) this.#scheduleArrival(queue);
    for (const call of this.#calls.values()) {
      if (call.status === 'waiting' || call.status === 'offered') this.#armPatience(call, at);
      if (call.status === 'connected') this.#armHangUp(call, at);
    }
  }

  #scheduleArrival(queue: QueueRecord): void {
    const perHour = queue.def.arrivalsPerHour;
    const traffic = this.#queueTraffic.get(queue.def.id);
    if (!this.#trafficOn || !traffic || !(perHour > 0)) return;
    // A Poisson process: exponential gaps with the queue's mean.
    traffic.arrivalTimer = this.#schedule(drawExponential(traffic.random, 3_600_000 / perHour), (now) => {
      traffic.arrivalTimer = undefined;
      this.#enqueue(this.#newCall(queue, traffic.random, {}), now, now);
      this.#scheduleArrival(queue);
    });
  }

  // ——— lookups ———

  #callOf(record: TaskRecord): CallRecord {
    return this.#calls.get(record.callId)!;
  }

  #knownCall(callId: string): CallRecord {
    const call = this.#calls.get(callId);
    if (!call) throw new RangeError(`No call "${callId}" in the simulator.`);
    return call;
  }

  #agentWork(agentId: string): AgentWork {
    const work = this.#work.get(agentId);
    if (!work) throw new RangeError(`No agent "${agentId}" in scenario "${this.#host.scenario.title}".`);
    return work;
  }
}

/** A queue's random arrivals and background staff stop. */
function stopTraffic(traffic: { arrivalTimer: Subscription | undefined; virtualTimer: Subscription | undefined }): void {
  traffic.arrivalTimer = cancel(traffic.arrivalTimer);
  traffic.virtualTimer = cancel(traffic.virtualTimer);
}

/** A caller's own clock stops: no giving up in the queue, no hanging up mid-call. */
function stopCaller(call: { patienceTimer: Subscription | undefined; hangUpTimer: Subscription | undefined }): void {
  call.patienceTimer = cancel(call.patienceTimer);
  call.hangUpTimer = cancel(call.hangUpTimer);
}

function byWait(a: CallRecord, b: CallRecord): number {
  return a.waitingSince - b.waitingSince || a.seq - b.seq;
}
