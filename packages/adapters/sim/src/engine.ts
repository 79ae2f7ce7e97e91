// The simulated contact center — the "server" of the simulator. It holds the scenario, every
// agent's server-side state, seeded randomness, network latency and injected faults; adapters
// (and later the Node emulators) talk to it, so several agents and tabs share one world. Calls
// live in the voice ACD, chats, SMS, social posts and emails in the digital ACD, both on one
// queue board; the simulated floor and the supervisors' rosters (SV) turn once per tick. This
// file signs people in and hands each command to the part that has it.

import { asyncScheduler, filter, map, Subject, type Observable, type SchedulerLike, type Subscription } from 'rxjs';
import {
  CcError,
  DIGITAL_COMMAND_TYPES,
  isE164,
  isSystemReason,
  restrictedToDefaultDialNumber,
  roleNeedsTeam,
  roleTakesWork,
  teamRequired,
  validateExtension,
  type AgentProfile,
  type AgentSession,
  type Command,
  type CommandType,
  type DomainEvent,
  type ErrorCode,
  type ErrorInfo,
  type Media,
  type MediaState,
  type Message,
  type Queue,
  type Role,
  type RosterAgent,
  type ServerSnapshot,
  type StationKind,
  type Task,
} from '@cc-elements/core';
import {
  DEFAULT_CONSULT_DELAY_MS,
  DEFAULT_WRAP_UP_GRACE_MS,
  VoiceAcd,
  type CallClosing,
  type ConsultFailure,
  type InjectedCall,
  type SimCall,
} from './acd.js';
import type { CustomerMessage } from './customers.js';
import { DEFAULT_THREAD_LOAD_MS, DigitalAcd, type InjectedContact, type SimContact } from './digital.js';
import { Floor } from './floor.js';
import { MEDIA_NAMES } from './message-rules.js';
import { Operations } from './operations.js';
import { QueueBoard, type QueuedCall } from './queue-board.js';
import { randomHex, seededRandom } from './random.js';
import { resolveScenario, validateScenario, type ScenarioName, type SimScenario } from './scenarios.js';
import { DEFAULT_ROSTER_TICK_MS, Supervision } from './supervision.js';

export interface SimContactCenterOptions {
  /** A built-in scenario by name, or one of your own. `default` when omitted. */
  readonly scenario?: SimScenario | ScenarioName;
  /** Every delay runs on it; tests pass a virtual-time scheduler. `asyncScheduler` when omitted. */
  readonly scheduler?: SchedulerLike;
  /** The simulated network round trip, in ms (0 allowed). 150 when omitted. */
  readonly latencyMs?: number;
  /** How far a round trip may stray from `latencyMs`, as a fraction (0.2 → ±20%). */
  readonly jitter?: number;
  /** Seeds trace ids, latency jitter, arrivals and callers; the same seed replays the same run. */
  readonly seed?: number;
  /** Random arrivals, abandonments, hang-ups and virtual agents; the scenario's `traffic` when omitted. */
  readonly traffic?: boolean;
  /**
   * How long after a wrap-up's deadline the server closes it itself, should no client have (WU-3:
   * nobody stays stuck in wrap-up). `DEFAULT_WRAP_UP_GRACE_MS` when omitted.
   */
  readonly wrapUpGraceMs?: number;
  /** How long a consultation rings before the target answers or declines. `DEFAULT_CONSULT_DELAY_MS` when omitted. */
  readonly consultDelayMs?: number;
  /** TP-5: how long a conversation thread takes to load after `thread.loading`. `DEFAULT_THREAD_LOAD_MS` when omitted. */
  readonly threadLoadMs?: number;
  /**
   * SV-1/SV-5: the tick of the supervisors' rosters and of the simulated floor — changes go out
   * as one `roster.changed` per supervisor per tick, and the floor moves once a tick.
   * `DEFAULT_ROSTER_TICK_MS` (250) when omitted.
   */
  readonly rosterTickMs?: number;
}

export interface FailNextOptions {
  /** How many executes in a row fail (default 1; `Infinity` until cleared). */
  readonly times?: number;
  /** What the server says; the error code's default message when absent. */
  readonly message?: string;
}

/** Something that happened to one agent, as the server tells everyone connected for that agent. */
export interface SimChange {
  readonly agentId: string;
  readonly event: DomainEvent;
}

/** The server's record of a medium: what a reconnect re-reads (retry counts belong to the client). */
export type ServerMediaState = Omit<MediaState, 'attempts'>;

export const DEFAULT_LATENCY_MS = 150;
export const DEFAULT_JITTER = 0.2;
export const DEFAULT_SEED = 1;

interface AgentRecord {
  readonly profile: AgentProfile;
  session: AgentSession | undefined;
  readonly media: Map<Media, ServerMediaState>;
  /** Sign-in attempts per medium in the current session, counted against the scenario's faults. */
  readonly signInAttempts: Map<Media, number>;
}

interface InjectedFault {
  readonly code: ErrorCode;
  readonly message: string | undefined;
  remaining: number;
}

const ROLE_NAMES: Record<Role, string> = { agent: 'Agent', supervisor: 'Supervisor', supervisorAgent: 'Supervisor and Agent' };
const STATION_NAMES: Record<StationKind, string> = { dialNumber: 'a dial number', extension: 'an extension', desktop: 'the desktop phone' };
/** Commands only a digital conversation takes: they go to the digital ACD even for a task it does not know. */
const DIGITAL_COMMANDS: ReadonlySet<CommandType> = new Set(DIGITAL_COMMAND_TYPES);

export class SimContactCenter {
  readonly scenario: SimScenario;
  readonly scheduler: SchedulerLike;
  readonly latencyMs: number;
  readonly jitter: number;
  readonly rosterTickMs: number;

  readonly #agents = new Map<string, AgentRecord>();
  readonly #faults = new Map<CommandType, InjectedFault[]>();
  readonly #changes = new Subject<SimChange>();
  // Two streams from one seed, so changing the latency never changes the trace ids.
  readonly #traceRandom: () => number;
  readonly #latencyRandom: () => number;
  readonly #board: QueueBoard;
  readonly #ops: Operations;
  readonly #acd: VoiceAcd;
  readonly #digital: DigitalAcd;
  readonly #floor: Floor | undefined;
  readonly #supervision: Supervision;
  #tickTimer: Subscription | undefined;
  /** With a floor, queue figures change many times a second: they go out once a tick. */
  #figuresDirty = false;
  #disposed = false;

  /** Every change to every agent, in order. */
  readonly changes$: Observable<SimChange> = this.#changes.asObservable();

  constructor(options: SimContactCenterOptions = {}) {
    this.scenario = validateScenario(resolveScenario(options.scenario ?? 'default'));
    this.scheduler = options.scheduler ?? asyncScheduler;
    this.latencyMs = Math.max(0, options.latencyMs ?? DEFAULT_LATENCY_MS);
    this.jitter = Math.min(1, Math.max(0, options.jitter ?? DEFAULT_JITTER));
    const seed = options.seed ?? DEFAULT_SEED;
    this.rosterTickMs = Math.max(1, options.rosterTickMs ?? DEFAULT_ROSTER_TICK_MS);
    const now = this.scheduler.now();
    this.#traceRandom = seededRandom(seed);
    this.#latencyRandom = seededRandom(seed ^ 0x9e3779b9);
    for (const profile of this.scenario.agents) {
      this.#agents.set(profile.id, { profile, session: undefined, media: new Map(), signInAttempts: new Map() });
    }
    const { floor } = this.scenario;
    this.#floor = floor
      ? new Floor({
          floor,
          queues: this.scenario.queues,
          reasons: this.scenario.tenant.notReadyReasons,
          seed,
          tickMs: this.rosterTickMs,
          now,
          workEnded: (_agentId, workId, at) => this.#supervision.floorWorkEnded(workId, at),
        })
      : undefined;
    const host = {
      scenario: this.scenario,
      scheduler: this.scheduler,
      agentIds: this.scenario.agents.map((a) => a.id),
      profile: (agentId: string) => this.#agent(agentId).profile,
      session: (agentId: string) => this.#agent(agentId).session,
      mediumStatus: (agentId: string, media: Media) => this.#agent(agentId).media.get(media)?.status,
      activityOn: (agentId: string, media: Media) => {
        const tasks = this.tasks(agentId).filter((t) => t.media === media);
        if (tasks.some((t) => t.status !== 'wrapUp')) return 'talking' as const;
        return tasks.length > 0 ? ('wrapUp' as const) : undefined;
      },
      floor: this.#floor,
      setNotReady: (agentId: string, media: Media, reasonId: string, at: number) => {
        const agent = this.#agent(agentId);
        const status = agent.media.get(media)?.status;
        if (status === 'ready' || status === 'notReady') this.#setMedium(agent, { media, status: 'notReady', reasonId }, at);
      },
      emit: (agentId: string, event: DomainEvent) => {
        this.#tell(agentId, event);
        // TP-15: a call starting or ending stops or restarts the agent's conversations' clocks.
        if ((event.type === 'task.updated' || event.type === 'task.removed') && this.#digital) {
          const onCall = this.#acd.tasksOf(agentId).some((t) => t.status === 'active' || t.status === 'held');
          this.#digital.voiceCall(agentId, onCall, event.at);
        }
      },
      refuse: (code: ErrorCode, message?: string) => this.#refuse(code, message),
    };
    this.#board = new QueueBoard(host);
    this.#ops = new Operations(this.scheduler, (at) => this.#settle(at));
    this.#supervision = new Supervision(
      {
        scenario: this.scenario,
        floor: this.#floor,
        session: (agentId) => this.#agent(agentId).session,
        media: (agentId) => [...this.#agent(agentId).media.values()],
        tasks: (agentId) => this.tasks(agentId),
        memberQueues: (agentId) => this.#board.memberships(agentId),
        queueName: (queueId) => this.#board.get(queueId)?.def.name,
        emit: (agentId, event) => this.#tell(agentId, event),
        refuse: (code, message) => this.#refuse(code, message),
        requestTick: () => this.#ensureTick(),
        setMedia: (agentId, status, reasonId, at) => this.#setEveryMedium(this.#agent(agentId), status, reasonId, at),
        signOut: (agentId, reason, at) => this.#endSession(this.#agent(agentId), at, reason),
        setMemberQueue: (agentId, queueId, enabled, at) => this.#ops.run(at, () => this.#board.setMember(agentId, queueId, enabled)),
      },
      now,
    );
    const traffic = options.traffic ?? this.scenario.traffic;
    const wrapUpGraceMs = Math.max(0, options.wrapUpGraceMs ?? DEFAULT_WRAP_UP_GRACE_MS);
    this.#acd = new VoiceAcd(host, this.#board, this.#ops, {
      traffic,
      seed,
      wrapUpGraceMs,
      consultDelayMs: Math.max(0, options.consultDelayMs ?? DEFAULT_CONSULT_DELAY_MS),
    });
    this.#digital = new DigitalAcd(host, this.#board, this.#ops, {
      traffic,
      seed,
      wrapUpGraceMs,
      threadLoadMs: Math.max(0, options.threadLoadMs ?? DEFAULT_THREAD_LOAD_MS),
    });
    // SV: about half the floor starts on a call already under way.
    this.#floor?.warmUp(now, (queueId, agentId, startedAt) => this.#acd.callInProgress(queueId, agentId, startedAt));
    // Calls already waiting at start are routed and counted before anyone looks.
    this.#ops.run(now, () => undefined);
    if (this.#floor && traffic) this.#ensureTick();
  }

  /** The agent an adapter speaks for when it is not told: the scenario's first. */
  get defaultAgentId(): string {
    return this.scenario.agents[0]!.id;
  }

  hasAgent(agentId: string): boolean {
    return this.#agents.has(agentId);
  }

  profile(agentId: string): AgentProfile {
    return this.#agent(agentId).profile;
  }

  isSignedIn(agentId: string): boolean {
    return this.#agent(agentId).session !== undefined;
  }

  /**
   * Everything the server knows of one agent, as a reconnecting client re-reads it (SE-4): calls
   * and digital tasks with their times and deadlines. Threads are not in it: after a reconnect the
   * client fetches each conversation again with `thread.load` (TP-5).
   */
  snapshot(agentId: string): ServerSnapshot {
    const agent = this.#agent(agentId);
    // SV-1/SE-4: a supervisor re-reads the whole roster (and is told changes from there).
    const roster = this.#supervision.roster(agentId, true);
    const beingMonitored = this.#supervision.beingMonitored(agentId);
    return {
      profile: agent.profile,
      tenant: this.scenario.tenant,
      ...(agent.session === undefined ? {} : { session: agent.session }),
      media: [...agent.media.values()],
      tasks: this.tasks(agentId),
      ...(agent.session === undefined ? {} : { queues: this.queues(agentId) }),
      ...(roster === undefined ? {} : { roster }),
      ...(beingMonitored === undefined ? {} : { beingMonitored }),
    };
  }

  /** SV-1: the supervisor's roster as it stands (empty for anyone not signed in as a supervisor). */
  rosterOf(supervisorId: string): RosterAgent[] {
    this.#agent(supervisorId);
    return this.#supervision.roster(supervisorId, false) ?? [];
  }

  /** SV: how many simulated agents the floor has (0 without a floor). */
  get floorSize(): number {
    return this.#floor?.agents.length ?? 0;
  }

  /**
   * SV-5 burst hook for benchmarks and demos: n different floor agents who are Ready or Not
   * Ready change now (Ready → Not Ready with a reason, Not Ready → Ready), whether traffic is on
   * or not. Their rows go out with the next roster tick, like every other change. Returns how
   * many changed (0 without a floor; fewer than n when fewer are idle). Called once per tick with
   * n = 250, it makes 1,000 changes a second at the default 250 ms tick.
   */
  churn(n: number): number {
    const floor = this.#floor;
    if (!floor || !(n > 0)) return 0;
    const at = this.scheduler.now();
    let changed = 0;
    this.#ops.run(at, () => {
      changed = floor.churn(Math.floor(n), at);
    });
    this.#ensureTick();
    return changed;
  }

  /** SV: a floor agent moves to another team; supervisors who lose them get `roster.removed`, those who gain them `roster.changed`. */
  moveAgentToTeam(agentId: string, teamId: string): void {
    const agent = this.#floor?.get(agentId);
    if (!agent) throw new RangeError(`No floor agent "${agentId}" in scenario "${this.scenario.title}".`);
    this.#floor!.moveToTeam(agent, teamId);
    this.#ensureTick();
  }

  /** The agent's tasks as the server has them: offers, calls, conversations and wrap-ups. */
  tasks(agentId: string): Task[] {
    this.#agent(agentId);
    return [...this.#acd.tasksOf(agentId), ...this.#digital.tasksOf(agentId)];
  }

  /** QL-1: the user's queues as their signed-in role sees them (none while signed out). */
  queues(agentId: string): Queue[] {
    this.#agent(agentId);
    return this.#board.viewsOf(agentId, this.#queued(), this.traffic);
  }

  /** Every call the ACD knows, waiting, ringing, connected or recently ended. */
  calls(): SimCall[] {
    return this.#acd.calls();
  }

  /**
   * A caller joins a queue now; returns the call id, which is also the id of the task it offers.
   * A digital queue gets a contact instead (as `injectContact`, with the number as its address).
   */
  injectCall(call: InjectedCall): string {
    const queue = this.#board.get(call.queueId);
    if (queue && queue.def.media !== 'voice') {
      return this.#digital.injectContact({
        queueId: call.queueId,
        ...(call.from === undefined ? {} : { from: call.from }),
        ...(call.customerName === undefined ? {} : { customerName: call.customerName }),
      });
    }
    return this.#acd.injectCall(call);
  }

  /**
   * A customer writes to a digital queue now (a chat, an SMS, a post, an email); returns the
   * contact id, which is also the id of the task it offers. What is not given is drawn from the
   * seed; the first message goes round the medium's samples (the first email is hostile HTML).
   */
  injectContact(contact: InjectedContact): string {
    return this.#digital.injectContact(contact);
  }

  /** The customer of a digital contact writes again (a message, or an email with files); returns the message id. */
  customerWrites(taskId: string, message: CustomerMessage): string {
    return this.#digital.customerWrites(taskId, message);
  }

  /** TP-5: the next thread load (of that task, or of any task) fails with a readable error; `thread.load` then retries. */
  failNextThreadLoad(taskId?: string): void {
    this.#digital.failNextThreadLoad(taskId);
  }

  /** The whole conversation of a digital contact as the server keeps it, announcements included. */
  threadOf(taskId: string): readonly Message[] {
    return this.#digital.threadOf(taskId);
  }

  /** Every digital contact the ACD knows, waiting, offered, assigned or recently ended. */
  contacts(): SimContact[] {
    return this.#digital.contacts();
  }

  /** CB-4: an IVR callback waits in an outbound queue (the scenario's first one when none is named). */
  injectCallback(call: Partial<InjectedCall> = {}): string {
    const queueId = call.queueId ?? this.scenario.queues.find((q) => q.direction === 'outbound')?.id;
    if (queueId === undefined) throw new RangeError(`Scenario "${this.scenario.title}" has no outbound queue for callbacks.`);
    return this.#acd.injectCall({ ...call, queueId });
  }

  /** The customer hangs up: abandoned while waiting or ringing, ended (→ wrap-up) when connected. */
  hangUp(callId: string): void {
    this.#acd.hangUp(callId);
  }

  /** The queue disappears from the configuration; its waiting callers are dropped. */
  removeQueue(queueId: string): void {
    this.#knownQueue(queueId);
    const at = this.scheduler.now();
    this.#ops.run(at, () => {
      this.#acd.dropQueue(queueId, at);
      this.#digital.dropQueue(queueId, at);
      this.#board.remove(queueId, at);
    });
    for (const agentId of this.#agents.keys()) this.#supervision.touch(agentId, at);
  }

  /** The administrator takes one person off a queue (as member and as supervisor). */
  unassignQueue(agentId: string, queueId: string): void {
    this.#knownQueue(queueId);
    this.#agent(agentId);
    const at = this.scheduler.now();
    this.#ops.run(at, () => this.#board.unassign(agentId, queueId, at));
    this.#supervision.touch(agentId, at);
  }

  get traffic(): boolean {
    return this.#acd.traffic;
  }

  /** Switches random arrivals, abandonments, hang-ups and virtual agents on or off. */
  setTraffic(on: boolean): void {
    this.#ops.run(this.scheduler.now(), () => {
      this.#acd.setTraffic(on);
      this.#digital.setTraffic(on);
    });
    if (on && this.#floor) this.#ensureTick();
  }

  /** CB-3: the keypad tones sent on a task, one entry per command. */
  sentDtmf(taskId: string): readonly string[] {
    return this.#acd.sentDtmf(taskId);
  }

  /** CB-3: the last consultation on a task that the target declined. */
  lastConsultFailure(taskId: string): ConsultFailure | undefined {
    return this.#acd.lastConsultFailure(taskId);
  }

  /** How each leg of a call was closed, with its wrap-up reason (for supervisor statistics). */
  closings(callId: string): readonly CallClosing[] {
    return this.#acd.closings(callId);
  }

  /** Stops the world's timers (traffic, offers, wrap-ups): call it when throwing a world away. */
  dispose(): void {
    this.#disposed = true;
    this.#tickTimer?.unsubscribe();
    this.#tickTimer = undefined;
    this.#acd.dispose();
    this.#digital.dispose();
  }

  /** The changes of one agent, as events. */
  changesOf(agentId: string): Observable<DomainEvent> {
    return this.changes$.pipe(
      filter((change) => change.agentId === agentId),
      map((change) => change.event),
    );
  }

  /** The next simulated round trip in ms: `latencyMs` give or take the jitter, from the seed. */
  nextLatency(): number {
    if (this.latencyMs === 0) return 0;
    const spread = this.jitter * (2 * this.#latencyRandom() - 1);
    return Math.max(0, Math.round(this.latencyMs * (1 + spread)));
  }

  /** Runs `work` after one simulated round trip; unsubscribe to cancel it. */
  afterRoundTrip(work: () => void): Subscription {
    return this.scheduler.schedule(work, this.nextLatency());
  }

  /** A trace id like a real backend puts on its errors, for the agent to quote to support (SL-10). */
  newTraceId(): string {
    return `sim-${randomHex(this.#traceRandom, 16)}`;
  }

  /**
   * Make the next executes of one command type fail, before any other check. Calls queue up:
   * a second call takes effect once the first is used up.
   */
  failNext(commandType: CommandType, code: ErrorCode, options: FailNextOptions = {}): void {
    const times = options.times ?? 1;
    if (!(times >= 1)) throw new RangeError(`failNext needs times ≥ 1, got ${times}.`);
    const queue = this.#faults.get(commandType) ?? [];
    queue.push({ code, message: options.message, remaining: times });
    this.#faults.set(commandType, queue);
  }

  /** Forget faults injected with failNext, for one command type or all. */
  clearFaults(commandType?: CommandType): void {
    if (commandType === undefined) this.#faults.clear();
    else this.#faults.delete(commandType);
  }

  /**
   * Carry out a command for an agent, now. Throws a CcError with a trace id when the server
   * refuses; on success its effects go out on `changes$`. Adapters add the round trip around it.
   */
  apply(agentId: string, command: Command): void {
    const agent = this.#agent(agentId);
    // One instant per command, so everything it changes shares one start time.
    const at = this.scheduler.now();
    this.#takeInjectedFault(command.type);
    if (this.scenario.unsupportedCommands?.includes(command.type)) throw this.#refuse('command.unsupported');
    switch (command.type) {
      case 'session.signIn':
        return this.#signIn(agent, command, at);
      case 'session.signOut':
        return this.#signOut(agent, at);
      case 'media.setState':
        return this.#setMediaState(agent, command, at);
      case 'media.signIn':
        return this.#signInMediumAgain(agent, command.media, at);
      case 'queues.setEnabled':
      case 'queues.setMonitored': {
        const session = agent.session;
        if (!session) throw this.#refuse('session.required');
        this.#ops.run(at, () =>
          command.type === 'queues.setEnabled'
            ? this.#board.setEnabled(agentId, session, command.changes)
            : this.#board.setMonitored(agentId, session, command.changes),
        );
        return this.#supervision.touch(agentId, at);
      }
      case 'supervisor.setAgentStatus':
      case 'supervisor.setAgentQueue':
      case 'supervisor.monitor':
      case 'supervisor.stopMonitor':
        // SV-3/SV-4: one change of the world, so a floor agent made Ready takes waiting work at once.
        return this.#ops.run(at, () => this.#supervision.apply(agentId, command, at));
      default: {
        if (!agent.session) throw this.#refuse('session.required');
        const digital =
          this.#digital.knows(agentId, command.taskId) || (DIGITAL_COMMANDS.has(command.type) && !this.#acd.knows(agentId, command.taskId));
        return digital ? this.#digital.apply(agentId, command, at) : this.#acd.apply(agentId, command, at);
      }
    }
  }

  #signIn(agent: AgentRecord, command: Extract<Command, { type: 'session.signIn' }>, at: number): void {
    const { role, station, teamId } = command;
    const { tenant } = this.scenario;
    if (agent.session) throw this.#refuse('command.notAllowed', 'You are already signed in. Sign out first.');
    if (!agent.profile.roles.includes(role)) {
      throw this.#refuse('profile.forbidden', `Your profile does not allow signing in as ${ROLE_NAMES[role]}. Ask your administrator.`);
    }
    if (!tenant.stationKinds.includes(station.kind)) {
      throw this.#refuse('command.notAllowed', `This tenant does not allow signing in with ${STATION_NAMES[station.kind]}.`);
    }
    if (station.kind === 'dialNumber') this.#checkDialNumber(agent, station.number);
    if (station.kind === 'extension') this.#checkExtension(station.extension);
    const team = this.#checkTeam(agent.profile, role, teamId);

    const session: AgentSession = { role, station, ...(team === undefined ? {} : { teamId: team }), signedInAt: at };
    agent.session = session;
    agent.media.clear();
    agent.signInAttempts.clear();
    this.#emit(agent, { type: 'session.signedIn', session, at: session.signedInAt });
    // A pure supervisor takes no work, so has no channels to sign in.
    if (roleTakesWork(role)) for (const media of tenant.media) this.#signInMedium(agent, media, at);
    // After the session and its media: the queue list (QL-1), then the others' figures.
    this.#ops.run(at, () => this.#board.list(agent.profile.id, this.#queued(), this.traffic, at));
    // SV-1: a supervisor's roster comes last.
    this.#supervision.signedIn(agent.profile.id, agent.profile, at);
  }

  #checkDialNumber(agent: AgentRecord, number: string): void {
    const { tenant, dialNumberRegistry, dialNumbersInUse } = this.scenario;
    if (!isE164(number)) {
      throw this.#refuse('dialNumber.invalid', `${number} is not a dial number in international format (+ country code and number).`);
    }
    if (restrictedToDefaultDialNumber(tenant) && number !== tenant.defaultDialNumber) {
      throw this.#refuse('command.notAllowed', `This tenant only allows its default dial number ${tenant.defaultDialNumber}.`);
    }
    if (dialNumberRegistry && !dialNumberRegistry.includes(number))
      throw this.#refuse('dialNumber.notRegistered', `${number} is not registered for this tenant.`);
    if (dialNumbersInUse?.includes(number) || this.#heldByAnotherAgent(agent, number)) {
      throw this.#refuse('dialNumber.notUnique', `${number} is already in use by another agent.`);
    }
  }

  #heldByAnotherAgent(agent: AgentRecord, number: string): boolean {
    for (const other of this.#agents.values()) {
      const station = other.session?.station;
      if (other !== agent && station?.kind === 'dialNumber' && station.number === number) return true;
    }
    return false;
  }

  #checkExtension(extension: string): void {
    if (!validateExtension(extension).ok) throw this.#refuse('extension.invalid');
    if (!this.scenario.extensions.includes(extension))
      throw this.#refuse('extension.notRegistered', `Extension ${extension} is not registered.`);
  }

  /** SL-8: the team the session keeps, or undefined for a role that signs in without one. */
  #checkTeam(profile: AgentProfile, role: Role, teamId: string | undefined): string | undefined {
    if (teamRequired(profile, role) && teamId === undefined) throw this.#refuse('api', 'Choose your team before signing in.');
    if (teamId === undefined) return undefined;
    if (!profile.teams.some((team) => team.id === teamId)) throw this.#refuse('api', `You are not a member of the team "${teamId}".`);
    // A pure supervisor is not shown the team field (SL-8), so a team sent anyway is not kept.
    return roleNeedsTeam(role) ? teamId : undefined;
  }

  #signOut(agent: AgentRecord, at: number): void {
    if (!agent.session) throw this.#refuse('session.required');
    // The server holds SL-11 too, for clients that skip the core's check.
    if ([...agent.media.values()].some((m) => m.status === 'ready')) {
      throw this.#refuse('command.notAllowed', 'Set every channel to Not Ready before signing out.');
    }
    if (this.#acd.hasWork(agent.profile.id) || this.#digital.hasWork(agent.profile.id)) {
      throw this.#refuse('command.notAllowed', 'Finish your calls and conversations and their wrap-up before signing out.');
    }
    this.#endSession(agent, at);
  }

  /** The session ends: by the agent, or by a supervisor (SV-3, with the reason the agent is shown). */
  #endSession(agent: AgentRecord, at: number, reason?: ErrorInfo): void {
    agent.session = undefined;
    agent.media.clear();
    agent.signInAttempts.clear();
    this.#emit(agent, { type: 'session.signedOut', ...(reason === undefined ? {} : { reason }), at });
    this.#ops.run(at, () => {
      this.#board.unlist(agent.profile.id);
      this.#acd.signedOut(agent.profile.id);
      this.#digital.signedOut(agent.profile.id);
    });
    this.#supervision.signedOut(agent.profile.id, at);
  }

  /** SV-3: a supervisor moves the agent: every signed-in medium Ready, or Not Ready with the reason. */
  #setEveryMedium(agent: AgentRecord, status: 'ready' | 'notReady', reasonId: string | undefined, at: number): void {
    for (const { media, status: current } of [...agent.media.values()]) {
      if (current !== 'ready' && current !== 'notReady') continue;
      this.#setMedium(agent, { media, status, ...(reasonId === undefined ? {} : { reasonId }) }, at);
    }
  }

  #setMediaState(agent: AgentRecord, command: Extract<Command, { type: 'media.setState' }>, at: number): void {
    const { status, reasonId } = command;
    if (!agent.session) throw this.#refuse('session.required');
    // The backend's own reasons (declined, missed, RONA) are accepted too: the core's ST-8 rule sends them back.
    if (reasonId !== undefined && !isSystemReason(reasonId) && !this.scenario.tenant.notReadyReasons.some((r) => r.id === reasonId)) {
      throw this.#refuse('command.notAllowed', `Unknown Not Ready reason "${reasonId}".`);
    }
    // All or nothing: a failed or unknown medium refuses the whole change before anything moves.
    for (const media of command.media) {
      const current = agent.media.get(media);
      if (current?.status !== 'ready' && current?.status !== 'notReady') {
        throw this.#refuse('command.notAllowed', `${MEDIA_NAMES[media]} is not signed in.`);
      }
    }
    const keptReason = status === 'notReady' ? reasonId : undefined;
    for (const media of command.media) {
      this.#setMedium(agent, { media, status, ...(keptReason === undefined ? {} : { reasonId: keptReason }) }, at);
    }
  }

  /** ST-5: a retry of a medium whose sign-in failed. */
  #signInMediumAgain(agent: AgentRecord, media: Media, at: number): void {
    if (!agent.session) throw this.#refuse('session.required');
    if (!roleTakesWork(agent.session.role) || !this.scenario.tenant.media.includes(media)) {
      throw this.#refuse('command.notAllowed', `${MEDIA_NAMES[media]} is not one of your channels.`);
    }
    const status = agent.media.get(media)?.status;
    if (status === 'ready' || status === 'notReady') return;
    const refusal = this.#signInMedium(agent, media, at);
    if (refusal) throw refusal;
  }

  /** One sign-in attempt of a medium; ST-2: it starts Not Ready. Returns the refusal when it fails. */
  #signInMedium(agent: AgentRecord, media: Media, at: number): CcError | undefined {
    const attempt = (agent.signInAttempts.get(media) ?? 0) + 1;
    agent.signInAttempts.set(media, attempt);
    const fault = this.scenario.mediaSignInFaults?.find((f) => f.media === media);
    if (fault && attempt <= fault.failures) {
      const refusal = this.#refuse(fault.code, fault.message);
      this.#setMedium(agent, { media, status: 'failed', error: refusal.toInfo() }, at);
      return refusal;
    }
    this.#setMedium(agent, { media, status: 'notReady' }, at);
    return undefined;
  }

  #setMedium(agent: AgentRecord, next: Omit<ServerMediaState, 'since'>, at: number): void {
    const previous = agent.media.get(next.media);
    // ST-9: a repeated state keeps its start time, as the client's reducer does.
    const same = previous?.status === next.status && previous.reasonId === next.reasonId;
    agent.media.set(next.media, { ...next, since: same ? previous.since : at });
    this.#emit(agent, { type: 'media.stateChanged', ...next, at });
    this.#acd.mediumChanged(agent.profile.id, next.media, next.status, at);
    this.#digital.mediumChanged(agent.profile.id, next.media, next.status, at);
  }

  #takeInjectedFault(type: CommandType): void {
    const queue = this.#faults.get(type);
    const fault = queue?.[0];
    if (!queue || !fault) return;
    fault.remaining -= 1;
    if (fault.remaining <= 0) queue.shift();
    if (queue.length === 0) this.#faults.delete(type);
    throw this.#refuse(fault.code, fault.message);
  }

  /**
   * Routes every medium, lets background staff pick up, then tells everyone the changed figures:
   * at once, or with the next tick when a floor keeps them changing many times a second.
   */
  #settle(at: number): void {
    this.#acd.route(at);
    this.#digital.route(at);
    this.#acd.pickUpByStaff(at);
    this.#digital.pickUpByStaff(at);
    if (this.#floor) {
      this.#figuresDirty = true;
      this.#ensureTick();
    } else {
      this.#board.publish(this.#queued(), this.traffic, at);
    }
  }

  /** One timer for the whole world's tick, on whole multiples of `rosterTickMs`, only while something needs it. */
  #ensureTick(): void {
    if (this.#tickTimer || this.#disposed) return;
    const now = this.scheduler.now();
    const next = (Math.floor(now / this.rosterTickMs) + 1) * this.rosterTickMs;
    this.#tickTimer = this.scheduler.schedule(() => this.#tick(), next - now);
  }

  /** The floor moves (while traffic is on), then the figures and every supervisor's roster changes go out, once each. */
  #tick(): void {
    this.#tickTimer = undefined;
    const now = this.scheduler.now();
    const floor = this.#floor;
    const moving = floor !== undefined && this.traffic;
    if (moving) this.#ops.run(now, () => floor.advance(now));
    if (this.#figuresDirty) {
      this.#figuresDirty = false;
      this.#board.publish(this.#queued(), this.traffic, now);
    }
    this.#supervision.flush(now);
    if (moving || this.#supervision.pending) this.#ensureTick();
  }

  /** Everything that waits in or is handled from a queue, calls and contacts, for the figures (QL-2). */
  *#queued(): Iterable<QueuedCall> {
    yield* this.#acd.queued();
    yield* this.#digital.queued();
  }

  #knownQueue(queueId: string): void {
    if (!this.#board.get(queueId)) throw new RangeError(`No queue "${queueId}" in scenario "${this.scenario.title}".`);
  }

  #refuse(code: ErrorCode, message?: string): CcError {
    return new CcError(code, message, { traceId: this.newTraceId() });
  }

  #emit(agent: AgentRecord, event: DomainEvent): void {
    this.#tell(agent.profile.id, event);
  }

  /** Every event to an agent goes out here; what changes a roster row is noted for the next tick. */
  #tell(agentId: string, event: DomainEvent): void {
    this.#changes.next({ agentId, event });
    this.#supervision.agentEvent(agentId, event);
  }

  #agent(agentId: string): AgentRecord {
    const agent = this.#agents.get(agentId);
    if (!agent) throw new RangeError(`No agent "${agentId}" in scenario "${this.scenario.title}".`);
    return agent;
  }
}
