// The simulated contact center — the "server" of the simulator. It holds the scenario, every
// agent's server-side state, seeded randomness, network latency and injected faults; adapters
// (and later the Node emulators) talk to it, so several agents and tabs share one world.

import { asyncScheduler, filter, map, Subject, type Observable, type SchedulerLike, type Subscription } from 'rxjs';
import {
  CcError,
  isE164,
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
  type Media,
  type MediaState,
  type Role,
  type ServerSnapshot,
  type StationKind,
} from '@cc-elements/core';
import { randomHex, seededRandom } from './random.js';
import { resolveScenario, type ScenarioName, type SimScenario } from './scenarios.js';

export interface SimContactCenterOptions {
  /** A built-in scenario by name, or one of your own. `default` when omitted. */
  readonly scenario?: SimScenario | ScenarioName;
  /** Every delay runs on it; tests pass a virtual-time scheduler. `asyncScheduler` when omitted. */
  readonly scheduler?: SchedulerLike;
  /** The simulated network round trip, in ms (0 allowed). 150 when omitted. */
  readonly latencyMs?: number;
  /** How far a round trip may stray from `latencyMs`, as a fraction (0.2 → ±20%). */
  readonly jitter?: number;
  /** Seeds trace ids and latency jitter; the same seed replays the same run. */
  readonly seed?: number;
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
const MEDIA_NAMES: Record<Media, string> = { voice: 'Voice', chat: 'Chat', sms: 'SMS', social: 'Social', email: 'Email' };

export class SimContactCenter {
  readonly scenario: SimScenario;
  readonly scheduler: SchedulerLike;
  readonly latencyMs: number;
  readonly jitter: number;

  readonly #agents = new Map<string, AgentRecord>();
  readonly #faults = new Map<CommandType, InjectedFault[]>();
  readonly #changes = new Subject<SimChange>();
  // Two streams from one seed, so changing the latency never changes the trace ids.
  readonly #traceRandom: () => number;
  readonly #latencyRandom: () => number;

  /** Every change to every agent, in order. */
  readonly changes$: Observable<SimChange> = this.#changes.asObservable();

  constructor(options: SimContactCenterOptions = {}) {
    this.scenario = resolveScenario(options.scenario ?? 'default');
    this.scheduler = options.scheduler ?? asyncScheduler;
    this.latencyMs = Math.max(0, options.latencyMs ?? DEFAULT_LATENCY_MS);
    this.jitter = Math.min(1, Math.max(0, options.jitter ?? DEFAULT_JITTER));
    const seed = options.seed ?? DEFAULT_SEED;
    this.#traceRandom = seededRandom(seed);
    this.#latencyRandom = seededRandom(seed ^ 0x9e3779b9);
    if (this.scenario.agents.length === 0) throw new RangeError(`Scenario "${this.scenario.title}" has no agents.`);
    for (const profile of this.scenario.agents) {
      this.#agents.set(profile.id, { profile, session: undefined, media: new Map(), signInAttempts: new Map() });
    }
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

  /** Everything the server knows of one agent, as a reconnecting client re-reads it (SE-4). */
  snapshot(agentId: string): ServerSnapshot {
    const agent = this.#agent(agentId);
    return {
      profile: agent.profile,
      tenant: this.scenario.tenant,
      ...(agent.session === undefined ? {} : { session: agent.session }),
      media: [...agent.media.values()],
      tasks: [],
    };
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
    switch (command.type) {
      case 'session.signIn':
        return this.#signIn(agent, command, at);
      case 'session.signOut':
        return this.#signOut(agent, at);
      case 'media.setState':
        return this.#setMediaState(agent, command, at);
      case 'media.signIn':
        return this.#signInMediumAgain(agent, command.media, at);
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
    if (!roleTakesWork(role)) return;
    for (const media of tenant.media) this.#signInMedium(agent, media, at);
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
    agent.session = undefined;
    agent.media.clear();
    agent.signInAttempts.clear();
    this.#emit(agent, { type: 'session.signedOut', at });
  }

  #setMediaState(agent: AgentRecord, command: Extract<Command, { type: 'media.setState' }>, at: number): void {
    const { status, reasonId } = command;
    if (!agent.session) throw this.#refuse('session.required');
    if (reasonId !== undefined && !this.scenario.tenant.notReadyReasons.some((r) => r.id === reasonId)) {
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

  #refuse(code: ErrorCode, message?: string): CcError {
    return new CcError(code, message, { traceId: this.newTraceId() });
  }

  #emit(agent: AgentRecord, event: DomainEvent): void {
    this.#changes.next({ agentId: agent.profile.id, event });
  }

  #agent(agentId: string): AgentRecord {
    const agent = this.#agents.get(agentId);
    if (!agent) throw new RangeError(`No agent "${agentId}" in scenario "${this.scenario.title}".`);
    return agent;
  }
}
