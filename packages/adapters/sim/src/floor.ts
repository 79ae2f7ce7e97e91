// SV-1/SV-5: the simulated floor — tens to thousands of agents generated from the seed (names,
// teams, queue memberships) who sign in, go Ready and Not Ready with reasons, take calls and
// digital work from the ACDs (they are the ACDs' background staff, with names) and wrap up.
// It stays cheap at 5,000 agents: no timer per agent but one timer wheel the engine turns once a
// tick, a pool of Ready agents per queue, and a set of agents changed since the roster last went out.

import {
  channelOf,
  type Channel,
  type Media,
  type MediaStatus,
  type ReasonCode,
  type RosterAgent,
  type RosterStatus,
} from '@cc-elements/core';
import { drawBetween, type SimRange } from './callers.js';
import { drawNames } from './floor-names.js';
import { seededRandom } from './random.js';
import type { SimFloor, SimQueue } from './scenarios.js';

/** A call or contact a floor agent takes from an ACD. */
export interface StaffWork {
  readonly id: string;
  readonly queueId: string;
  readonly media: Media;
  /** How long the agent spends on it before it is done. */
  readonly handleMs: number;
  /** The agent is done: the ACD ends the call or contact (and then calls `released`). */
  readonly finish: (at: number) => void;
}

/** What the ACDs and the queue board need of the floor. */
export interface FloorStaff {
  /** Floor agents take a call or contact once it waited this long (a real Ready agent is offered it first). */
  readonly answerAfterMs: number;
  /** The longest-idle Ready member of the queue takes the work now; their id, or undefined when nobody is free. */
  take(queueId: string, work: StaffWork, at: number): string | undefined;
  /** The work ended on the ACD's side (done, the customer left, traffic stopped): its agent wraps up. Unknown ids are ignored. */
  released(workId: string, at: number): void;
  /** Per queue, the floor's members with the queue enabled, by what they are doing (QL-6, SV-2). */
  figures(): ReadonlyMap<string, StaffFigures>;
}

export interface StaffFigures {
  signedIn: number;
  ready: number;
  notReady: number;
  talking: number;
}

export interface FloorOptions {
  readonly floor: SimFloor;
  readonly queues: readonly SimQueue[];
  readonly reasons: readonly ReasonCode[];
  readonly seed: number;
  /** The wheel's slot: every due time is rounded up to a whole tick. */
  readonly tickMs: number;
  readonly now: number;
  /** A floor agent's work ended (done or not): the engine ends any monitoring of it. */
  readonly workEnded: (agentId: string, workId: string, at: number) => void;
}

export const DEFAULT_FLOOR_ANSWER_AFTER_MS = 2_000;
export const DEFAULT_FLOOR_WRAP_UP_MS: SimRange = { min: 5_000, max: 30_000 };

/** How the floor starts: a few signed out, some on a break, about half on a call. */
const SIGNED_OUT_AT_START = 0.06;
const NOT_READY_AT_START = 0.12;
const BUSY_AT_START = 0.55;
/** After a wrap-up, some take a break; after a break, a few end their shift. */
const BREAK_AFTER_WORK = 0.05;
const SIGN_OUT_AFTER_BREAK = 0.03;
/** Some members have a queue switched off (QL-5), as on a real floor. */
const QUEUE_DISABLED = 0.08;
const SIGNED_OUT_FOR: SimRange = { min: 10 * 60_000, max: 60 * 60_000 };
const READY_AFTER_SIGN_IN: SimRange = { min: 10_000, max: 90_000 };
/** A Ready agent nobody gives work to takes a break after this long. */
const IDLE_STINT: SimRange = { min: 15 * 60_000, max: 45 * 60_000 };
const WARM_CALL_AGE: SimRange = { min: 0, max: 180_000 };

/** How long each usual Not Ready reason lasts, and how often agents pick it (weights). */
const REASON_HABITS: Readonly<Record<string, { readonly ms: SimRange; readonly weight: number }>> = {
  break: { ms: { min: 5 * 60_000, max: 15 * 60_000 }, weight: 40 },
  'back-office': { ms: { min: 3 * 60_000, max: 20 * 60_000 }, weight: 20 },
  lunch: { ms: { min: 20 * 60_000, max: 45 * 60_000 }, weight: 15 },
  meeting: { ms: { min: 15 * 60_000, max: 45 * 60_000 }, weight: 10 },
  coaching: { ms: { min: 10 * 60_000, max: 20 * 60_000 }, weight: 8 },
  training: { ms: { min: 20 * 60_000, max: 60 * 60_000 }, weight: 7 },
};
const OTHER_REASON = { ms: { min: 5 * 60_000, max: 20 * 60_000 }, weight: 10 };

interface Membership {
  readonly queueId: string;
  enabled: boolean;
}

interface Holding {
  readonly work: StaffWork;
  status: 'active' | 'wrapUp';
  since: number;
}

/** One simulated agent. Mutable on purpose: thousands change many times a second. */
export interface FloorAgent {
  readonly id: string;
  readonly name: string;
  teamId: string;
  /** The media of the agent's queues: what they sign in on. */
  readonly media: readonly Media[];
  readonly queues: Membership[];
  status: RosterStatus;
  reasonId: string | undefined;
  since: number;
  holding: Holding | undefined;
  /** What a supervisor asked for while the agent was busy: applied when the wrap-up ends. */
  pending: { readonly status: 'ready' | 'notReady'; readonly reasonId?: string } | undefined;
  /** The wheel slot of the agent's next change; -1 when none is due. */
  dueTick: number;
  /** The roster row, built when asked and dropped on every change. */
  view: RosterAgent | undefined;
}

export class Floor implements FloorStaff {
  readonly agents: readonly FloorAgent[];
  readonly answerAfterMs: number;
  readonly #byId = new Map<string, FloorAgent>();
  readonly #byWork = new Map<string, FloorAgent>();
  /** Per queue, Ready idle members with it enabled, longest idle first (insertion order). */
  readonly #pools = new Map<string, Set<FloorAgent>>();
  readonly #queueMedia = new Map<string, Media>();
  readonly #buckets = new Map<number, FloorAgent[]>();
  readonly #changed = new Set<FloorAgent>();
  readonly #random: () => number;
  readonly #reasons: readonly { readonly id: string; readonly ms: SimRange; readonly weight: number }[];
  readonly #reasonWeight: number;
  readonly #wrapUpMs: SimRange;
  readonly #tickMs: number;
  readonly #workEnded: FloorOptions['workEnded'];
  #lastTick: number;
  /** Per queue, its enabled members by what they do, kept up to date change by change (never recounted). */
  readonly #figures = new Map<string, StaffFigures>();

  constructor(options: FloorOptions) {
    const { floor, queues, now } = options;
    this.#random = seededRandom(options.seed ^ 0x3c6ef372);
    this.#tickMs = options.tickMs;
    this.#lastTick = Math.floor(now / this.#tickMs);
    this.#workEnded = options.workEnded;
    this.answerAfterMs = floor.answerAfterMs ?? DEFAULT_FLOOR_ANSWER_AFTER_MS;
    this.#wrapUpMs = floor.wrapUpMs ?? DEFAULT_FLOOR_WRAP_UP_MS;
    this.#reasons = options.reasons.map((r) => ({ id: r.id, ...(REASON_HABITS[r.id] ?? OTHER_REASON) }));
    this.#reasonWeight = this.#reasons.reduce((sum, r) => sum + r.weight, 0);
    for (const queue of queues) {
      this.#queueMedia.set(queue.id, queue.media);
      this.#pools.set(queue.id, new Set());
      this.#figures.set(queue.id, { signedIn: 0, ready: 0, notReady: 0, talking: 0 });
    }
    const random = this.#random;
    const names = drawNames(random, floor.agents);
    const digits = Math.max(4, String(floor.agents).length);
    this.agents = names.map((name, i) => {
      const team = floor.teams[i % floor.teams.length]!;
      const memberships = team.queueIds.map((queueId) => ({ queueId, enabled: random() >= QUEUE_DISABLED }));
      const media = [...new Set(team.queueIds.map((id) => this.#queueMedia.get(id)!))];
      const agent: FloorAgent = {
        id: `agent-${String(i + 1).padStart(digits, '0')}`,
        name,
        teamId: team.id,
        media,
        queues: memberships,
        status: 'signedOut',
        reasonId: undefined,
        since: now,
        holding: undefined,
        pending: undefined,
        dueTick: -1,
        view: undefined,
      };
      this.#byId.set(agent.id, agent);
      this.#start(agent, now);
      return agent;
    });
    // Where everyone starts is not a change: a supervisor reads it whole in the roster.
    this.#changed.clear();
  }

  get(agentId: string): FloorAgent | undefined {
    return this.#byId.get(agentId);
  }

  /**
   * About half of the Ready agents start on a call already under way, so the floor is busy from
   * the first frame; `connect` asks the voice ACD for the call (undefined when it has none).
   */
  warmUp(now: number, connect: (queueId: string, agentId: string, startedAt: number) => StaffWork | undefined): void {
    for (const agent of this.agents) {
      if (agent.status !== 'ready' || this.#random() >= BUSY_AT_START) continue;
      const voice = agent.queues.find((q) => q.enabled && this.#queueMedia.get(q.queueId) === 'voice');
      if (!voice) continue;
      const startedAt = now - drawBetween(this.#random, WARM_CALL_AGE);
      const work = connect(voice.queueId, agent.id, startedAt);
      if (work) this.#hold(agent, work, startedAt, Math.max(now, startedAt + work.handleMs));
    }
    this.#changed.clear();
  }

  // ——— the ACDs' side ———

  take(queueId: string, work: StaffWork, at: number): string | undefined {
    const pool = this.#pools.get(queueId);
    const agent = pool?.values().next().value;
    if (!agent) return undefined;
    this.#hold(agent, work, at, at + work.handleMs);
    return agent.id;
  }

  released(workId: string, at: number): void {
    const agent = this.#byWork.get(workId);
    if (!agent?.holding) return;
    this.#byWork.delete(workId);
    agent.holding.status = 'wrapUp';
    agent.holding.since = at;
    this.#set(agent, 'wrapUp', undefined, at);
    this.#schedule(agent, at + drawBetween(this.#random, this.#wrapUpMs));
    this.#workEnded(agent.id, workId, at);
  }

  figures(): ReadonlyMap<string, StaffFigures> {
    return this.#figures;
  }

  // ——— the engine's side ———

  /** Turns the wheel to `now`: every agent whose change is due makes it, in the order they were scheduled. */
  advance(now: number): void {
    const current = Math.floor(now / this.#tickMs);
    while (this.#lastTick < current) {
      this.#lastTick += 1;
      const bucket = this.#buckets.get(this.#lastTick);
      if (!bucket) continue;
      this.#buckets.delete(this.#lastTick);
      for (const agent of bucket) {
        // A later change moved the agent to another slot: this entry is stale.
        if (agent.dueTick !== this.#lastTick) continue;
        agent.dueTick = -1;
        this.#due(agent, now);
      }
    }
  }

  /**
   * n different agents who are Ready or Not Ready change now — Ready ones go Not Ready with a
   * reason, Not Ready ones go Ready — for benchmarks and demos that need bursts. Returns how many
   * changed (fewer when the floor has fewer idle agents).
   */
  churn(n: number, at: number): number {
    const picked = new Set<FloorAgent>();
    const count = this.agents.length;
    for (let attempts = 0; picked.size < n && attempts < 4 * n + 16 && count > 0; attempts++) {
      const agent = this.agents[Math.floor(this.#random() * count)]!;
      if (picked.has(agent) || (agent.status !== 'ready' && agent.status !== 'notReady')) continue;
      picked.add(agent);
      if (agent.status === 'ready') this.#toNotReady(agent, this.#drawReason(), at);
      else this.#toReady(agent, at);
    }
    return picked.size;
  }

  /** SV-3 on a floor agent (the checks are the supervisor's): a busy agent gets it after the wrap-up. */
  setStatus(agent: FloorAgent, status: 'ready' | 'notReady' | 'signedOut', reasonId: string | undefined, at: number): void {
    if (status === 'signedOut') {
      this.#toSignedOut(agent, at);
      return;
    }
    if (agent.holding) {
      agent.pending = status === 'ready' ? undefined : { status, ...(reasonId === undefined ? {} : { reasonId }) };
      return;
    }
    if (status === 'ready') this.#toReady(agent, at);
    else this.#toNotReady(agent, reasonId, at);
  }

  /** SV-3: a queue on or off for a floor agent. */
  setQueue(agent: FloorAgent, queueId: string, enabled: boolean): void {
    const membership = agent.queues.find((q) => q.queueId === queueId);
    if (!membership || membership.enabled === enabled) return;
    this.#count(agent, agent.status, -1);
    membership.enabled = enabled;
    this.#count(agent, agent.status, 1);
    if (agent.status === 'ready') {
      if (enabled) this.#pools.get(queueId)?.add(agent);
      else this.#pools.get(queueId)?.delete(agent);
    }
    this.touch(agent);
  }

  moveToTeam(agent: FloorAgent, teamId: string): void {
    if (agent.teamId === teamId) return;
    agent.teamId = teamId;
    this.touch(agent);
  }

  /** The agent's row changed (or how a supervisor sees it, e.g. monitoring): it goes out with the next roster batch. */
  touch(agent: FloorAgent): void {
    agent.view = undefined;
    this.#changed.add(agent);
  }

  /** The agents changed since the last call, in the order they first changed. */
  drainChanged(): FloorAgent[] {
    const changed = [...this.#changed];
    this.#changed.clear();
    return changed;
  }

  get hasChanges(): boolean {
    return this.#changed.size > 0;
  }

  /** SV-1: the agent as the roster shows it (built once per change). */
  view(agent: FloorAgent): RosterAgent {
    if (agent.view) return agent.view;
    const channels: Partial<Record<Channel, MediaStatus>> = {};
    if (agent.status !== 'signedOut') {
      const status: MediaStatus = agent.status === 'notReady' ? 'notReady' : 'ready';
      for (const media of agent.media) channels[channelOf(media)] = status;
    }
    const { holding } = agent;
    agent.view = {
      id: agent.id,
      name: agent.name,
      teamId: agent.teamId,
      status: agent.status,
      ...(agent.reasonId === undefined ? {} : { reasonId: agent.reasonId }),
      since: agent.since,
      channels,
      interactions: holding
        ? [{ id: holding.work.id, media: holding.work.media, status: holding.status, since: holding.since, queueId: holding.work.queueId }]
        : [],
      queues: agent.queues.map((q) => ({ queueId: q.queueId, enabled: q.enabled })),
    };
    return agent.view;
  }

  // ——— lifecycle ———

  /** Where each agent is when the world starts, with start times in the past so times in status differ. */
  #start(agent: FloorAgent, now: number): void {
    const draw = this.#random();
    if (draw < SIGNED_OUT_AT_START) {
      agent.since = now - drawBetween(this.#random, { min: 0, max: 2 * 60 * 60_000 });
      this.#schedule(agent, now + drawBetween(this.#random, SIGNED_OUT_FOR));
    } else if (draw < SIGNED_OUT_AT_START + NOT_READY_AT_START) {
      const reason = this.#drawReason();
      const length = reason === undefined ? 5 * 60_000 : this.#reasonLength(reason);
      const elapsed = Math.floor(this.#random() * length);
      this.#set(agent, 'notReady', reason, now - elapsed);
      this.#schedule(agent, now + length - elapsed);
    } else {
      this.#set(agent, 'ready', undefined, now - drawBetween(this.#random, { min: 0, max: 5 * 60_000 }));
      this.#joinPools(agent);
      this.#schedule(agent, now + drawBetween(this.#random, IDLE_STINT));
    }
  }

  #due(agent: FloorAgent, now: number): void {
    switch (agent.status) {
      case 'signedOut':
        this.#set(agent, 'notReady', undefined, now);
        this.#schedule(agent, now + drawBetween(this.#random, READY_AFTER_SIGN_IN));
        return;
      case 'notReady':
        if (this.#random() < SIGN_OUT_AFTER_BREAK) this.#toSignedOut(agent, now);
        else this.#toReady(agent, now);
        return;
      case 'ready':
        this.#toNotReady(agent, this.#drawReason(), now);
        return;
      case 'busy': {
        const work = agent.holding!.work;
        work.finish(now);
        // The ACD calls `released`; should it not have, the agent still moves on.
        if (this.#byWork.get(work.id) === agent) this.released(work.id, now);
        return;
      }
      case 'wrapUp': {
        agent.holding = undefined;
        const pending = agent.pending;
        agent.pending = undefined;
        if (pending?.status === 'notReady') this.#toNotReady(agent, pending.reasonId, now);
        else if (!pending && this.#random() < BREAK_AFTER_WORK) this.#toNotReady(agent, this.#drawReason(), now);
        else this.#toReady(agent, now);
        return;
      }
    }
  }

  #hold(agent: FloorAgent, work: StaffWork, since: number, dueAt: number): void {
    this.#leavePools(agent);
    agent.holding = { work, status: 'active', since };
    this.#byWork.set(work.id, agent);
    this.#set(agent, 'busy', undefined, since);
    this.#schedule(agent, dueAt);
  }

  #toReady(agent: FloorAgent, at: number): void {
    this.#set(agent, 'ready', undefined, at);
    this.#joinPools(agent);
    this.#schedule(agent, at + drawBetween(this.#random, IDLE_STINT));
  }

  #toNotReady(agent: FloorAgent, reasonId: string | undefined, at: number): void {
    this.#leavePools(agent);
    this.#set(agent, 'notReady', reasonId, at);
    this.#schedule(agent, at + (reasonId === undefined ? 5 * 60_000 : this.#reasonLength(reasonId)));
  }

  #toSignedOut(agent: FloorAgent, at: number): void {
    this.#leavePools(agent);
    agent.pending = undefined;
    this.#set(agent, 'signedOut', undefined, at);
    this.#schedule(agent, at + drawBetween(this.#random, SIGNED_OUT_FOR));
  }

  #set(agent: FloorAgent, status: RosterStatus, reasonId: string | undefined, at: number): void {
    this.#count(agent, agent.status, -1);
    this.#count(agent, status, 1);
    agent.status = status;
    agent.reasonId = reasonId;
    agent.since = at;
    this.touch(agent);
  }

  /** QL-6/SV-2: adds (1) or takes away (-1) the agent in this status on each queue they have enabled. */
  #count(agent: FloorAgent, status: RosterStatus, sign: 1 | -1): void {
    if (status === 'signedOut') return;
    for (const membership of agent.queues) {
      const figure = membership.enabled ? this.#figures.get(membership.queueId) : undefined;
      if (!figure) continue;
      figure.signedIn += sign;
      if (status === 'ready') figure.ready += sign;
      else if (status === 'busy') figure.talking += sign;
      else figure.notReady += sign;
    }
  }

  #joinPools(agent: FloorAgent): void {
    for (const membership of agent.queues) if (membership.enabled) this.#pools.get(membership.queueId)?.add(agent);
  }

  #leavePools(agent: FloorAgent): void {
    for (const membership of agent.queues) this.#pools.get(membership.queueId)?.delete(agent);
  }

  /** Puts the agent's next change in the wheel slot of `at` (rounded up, and never in a slot already turned). */
  #schedule(agent: FloorAgent, at: number): void {
    const tick = Math.max(this.#lastTick + 1, Math.ceil(at / this.#tickMs));
    agent.dueTick = tick;
    const bucket = this.#buckets.get(tick);
    if (bucket) bucket.push(agent);
    else this.#buckets.set(tick, [agent]);
  }

  #drawReason(): string | undefined {
    let draw = this.#random() * this.#reasonWeight;
    for (const reason of this.#reasons) {
      draw -= reason.weight;
      if (draw < 0) return reason.id;
    }
    return undefined;
  }

  #reasonLength(reasonId: string): number {
    const habit = this.#reasons.find((r) => r.id === reasonId) ?? OTHER_REASON;
    return drawBetween(this.#random, habit.ms);
  }
}
