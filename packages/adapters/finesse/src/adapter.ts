// The core's adapter port over a Finesse-style cluster: reads over REST, changes as 202-then-
// notification writes matched by requestId, Updates from XMPP pubsub turned into domain events,
// and failover (SE-4) — on a dropped session, a 503 or an OUT_OF_SERVICE SystemInfo the core hears
// "lost", the adapter retries with backoff and jitter on the same node and then the alternate,
// signs the agent in again where the new node does not know them (same station, same state, same
// MRDs), and re-reads everything so nothing the agent had is lost.

import { BehaviorSubject, Observable, type Subscriber, type Subscription } from 'rxjs';
import {
  CcError,
  type Adapter,
  type AgentSession,
  type Command,
  type CommandType,
  type DomainEventInput,
  type Media,
  type MediaState,
  type Queue as CoreQueue,
  type RosterAgent,
  type ServerSnapshot,
  type Station,
  type Task,
  type TaskEndReason,
} from '@cc-elements/core';
import {
  DEFAULT_MRD_MEDIA,
  taskWrapUp,
  wrapUpFrom,
  digitalTaskFrom,
  finesseNumber,
  mediaStateFrom,
  mediumOf,
  profileFrom,
  rosterAgentFrom,
  queueFrom,
  sessionFrom,
  tenantFrom,
  voiceStateFrom,
  voiceTasksFrom,
  type MappingSettings,
  type TaskContext,
} from './mapping.js';
import { loadXmpp, openNotifications, type NodeUpdate, type NotificationChannel } from './notifications.js';
import type { FinesseAdapterOptions, FinesseNode } from './options.js';
import { createFinesseRest, isOutOfService, updateToCcError, type FinesseRest } from './rest.js';
import {
  decodeDialogs,
  decodeMediaList,
  decodeQueues,
  decodeReasonCodes,
  decodeSystemInfo,
  decodeTeam,
  decodeUser,
  decodeWrapUpReasons,
  encodeDialogAction,
  encodeMediaState,
  encodeTaskAction,
  encodeUserState,
  type Dialog,
  type Media as FinesseMedia,
  type ReasonCode,
  type User,
  type WrapUpReason,
} from './xml/index.js';

/** What this backend carries out. Finesse has no mute, no decline of a call and no queue ticking (§3–§8). */
export const FINESSE_COMMANDS: readonly CommandType[] = [
  'session.signIn',
  'session.signOut',
  'media.setState',
  'media.signIn',
  'task.accept',
  'task.end',
  'task.close',
  'call.hold',
  'call.resume',
  'call.transfer',
  'call.consult',
  'call.consultComplete',
  'call.consultCancel',
  'call.dtmf',
  'task.transfer',
  'supervisor.setAgentStatus',
];

/** SV-5: how long team members' changes are gathered before one roster event goes out. */
const ROSTER_TICK_MS = 100;

export interface FinesseAdapter extends Adapter {
  /** Which node the adapter speaks to (index into `options.nodes`); changes on failover. */
  readonly node$: Observable<number>;
}

const DEFAULTS = {
  backoffMs: 1_000,
  maxBackoffMs: 30_000,
  alternateAfterMs: 60_000,
  outcomeTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  pingIntervalMs: 10_000,
  wrapUpTimeoutSec: 60,
};

/** Everything read from a node in one go (§10: events missed while away are not replayed). */
interface Reading {
  readonly user: User;
  readonly notReady: readonly ReasonCode[];
  readonly wrapUpReasons: readonly WrapUpReason[];
  readonly media: readonly FinesseMedia[];
  readonly dialogs: readonly Dialog[];
  readonly queues: readonly CoreQueue[] | undefined;
  /** Where calls may go: the options' targets, else the user's phone books' contacts. */
  readonly targets: MappingSettings['transferTargets'];
  /** SV-1: a supervisor's teams' members (§7), by agent id. */
  readonly roster: ReadonlyMap<string, RosterAgent>;
}

export function createFinesseAdapter(options: FinesseAdapterOptions): FinesseAdapter {
  const { credentials } = options;
  const failover = { ...DEFAULTS, ...options.failover };
  const outcomeTimeoutMs = options.outcomeTimeoutMs ?? DEFAULTS.outcomeTimeoutMs;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs;
  const settings: MappingSettings = {
    mrdMedia: options.mrdMedia ?? DEFAULT_MRD_MEDIA,
    transferTargets: options.transferTargets ?? [],
    wrapUpTimeoutSec: options.wrapUpTimeoutSec ?? DEFAULTS.wrapUpTimeoutSec,
    ...(options.customerNameVariable ? { customerNameVariable: options.customerNameVariable } : {}),
  };
  let issued = '';
  let issuedCount = 0;
  const newRequestId = () => (issued = `cc-${Date.now().toString(36)}-${(issuedCount += 1)}`);
  const rests: FinesseRest[] = options.nodes.map((node) =>
    createFinesseRest({
      baseUrl: node.restUrl,
      credentials,
      timeoutMs: requestTimeoutMs,
      newRequestId,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
  );
  const node$ = new BehaviorSubject(0);
  const userPath = `/finesse/api/User/${encodeURIComponent(credentials.id)}`;
  let run: Run | undefined;

  /** One subscription to `events$`: a connection that lives through failovers until unsubscribed. */
  class Run {
    readonly #out: Subscriber<DomainEventInput>;
    #stopped = false;
    #channel: NotificationChannel | undefined;
    #channelSub: Subscription | undefined;
    #connected = false;
    /** Writes waiting for their outcome notification, by requestId. */
    readonly #outcomes = new Map<string, { resolve: () => void; reject: (e: CcError) => void; timer: ReturnType<typeof setTimeout> }>();
    // What the adapter knows of the agent, as last read or notified.
    #user: User | undefined;
    #session: AgentSession | undefined;
    #voice: MediaState | undefined;
    #mrds = new Map<string, FinesseMedia>();
    #dialogs = new Map<string, Dialog>();
    /** The last full read of the node (reason lists, queues, transfer targets, roster). */
    #reading: Reading | undefined;
    #tasks = new Map<string, Task>();
    /** Calls gone from Dialogs whose wrap-up the User's state may still ask for. */
    readonly #ended = new Map<string, Task>();
    /** Tasks the agent handed on: their end is a transfer, not a close. */
    readonly #transferring = new Set<string>();
    /** The station and availability to restore on a node that signed the agent out (failover). */
    #station: Station | undefined;
    #signedInMrds = new Set<string>();

    constructor(out: Subscriber<DomainEventInput>) {
      this.#out = out;
    }

    get connected(): boolean {
      return this.#connected;
    }

    start(): void {
      this.#emit({ type: 'connection.changed', status: 'connecting' });
      void this.#reconnect(undefined);
    }

    stop(): void {
      this.#stopped = true;
      if (this.#rosterTimer !== undefined) clearTimeout(this.#rosterTimer);
      this.#dropChannel();
      this.#failOutcomes(new CcError('network', 'The connection to Finesse was closed.'));
    }

    #emit(event: DomainEventInput): void {
      if (!this.#stopped) this.#out.next(event);
    }

    /** The mapping settings with this node's transfer targets. */
    get #settings(): MappingSettings {
      return this.#reading ? { ...settings, transferTargets: this.#reading.targets } : settings;
    }

    get #rest(): FinesseRest {
      return rests[node$.value]!;
    }

    // ---- connecting and failover (SE-4, §10) ----------------------------------------------------

    /** Try nodes with backoff and jitter until one is usable: the same node first, the alternate after a while. */
    async #reconnect(lost: CcError | undefined): Promise<void> {
      const since = Date.now();
      let attempt = 0;
      let onAlternateSince = since;
      while (!this.#stopped) {
        if (lost || attempt > 0) {
          const base = Math.min(failover.maxBackoffMs, failover.backoffMs * 2 ** Math.min(attempt, 16));
          await sleep(base * (0.8 + Math.random() * 0.4));
          if (this.#stopped) return;
        }
        if (options.nodes.length > 1 && Date.now() - onAlternateSince >= failover.alternateAfterMs) {
          node$.next((node$.value + 1) % options.nodes.length);
          onAlternateSince = Date.now();
        }
        try {
          await this.#connect(options.nodes[node$.value]!);
          return;
        } catch (error) {
          if (this.#stopped) return;
          const why = CcError.from(error);
          // Bad credentials or a refused profile will not mend by retrying.
          if (why.code === 'session.required' || why.code === 'profile.forbidden') {
            this.#emit({ type: 'connection.changed', status: 'failed', error: why.toInfo() });
            return;
          }
          // Never connected yet: say why (a node down, a reply that could not be read) and keep trying.
          if (!lost && attempt === 0) this.#emit({ type: 'connection.changed', status: 'failed', error: why.toInfo() });
          attempt += 1;
        }
      }
    }

    /** §10: usable = SystemInfo IN_SERVICE, then XMPP online; then read everything and reconcile. */
    async #connect(node: FinesseNode): Promise<void> {
      // Fetch the XMPP code while SystemInfo is read; openNotifications waits for it (and reports a failure).
      loadXmpp().catch(() => undefined);
      const rest = this.#rest;
      const info = decodeSystemInfo(await rest.get('/finesse/api/SystemInfo', { root: 'SystemInfo' }));
      if (info.status !== 'IN_SERVICE') throw new CcError('network', `The Finesse node is ${info.status}.`);
      const domain = node.xmppDomain ?? info.xmppDomain;
      const channel = await openNotifications({
        url: node.xmppUrl,
        domain,
        pubsubDomain: node.pubsubDomain ?? info.xmppPubSubDomain ?? `pubsub.${domain}`,
        username: credentials.id,
        password: credentials.kind === 'basic' ? credentials.password : await token(credentials.token),
        resource: options.resource ?? 'cc-elements',
        nodes: options.autoSubscriptions === 'client' ? autoNodes(credentials.id) : [],
        pingIntervalMs: options.pingIntervalMs ?? DEFAULTS.pingIntervalMs,
        timeoutMs: requestTimeoutMs,
      });
      if (this.#stopped) {
        await channel.close();
        return;
      }
      this.#channel = channel;
      // Subscribed before reading, so nothing that changes in between is missed.
      this.#channelSub = channel.updates$.subscribe((update) => this.#onUpdate(update));
      try {
        let reading = await this.#read();
        reading = await this.#restoreAfterFailover(reading);
        // §6/§9.2: queue statistics come only to those who subscribe (a refusal leaves the figures as read).
        for (const queue of reading.queues ?? []) await channel.subscribe(`/finesse/api/Queue/${queue.id}`).catch(() => {});
        // §7: a supervisor hears of their agents only on the team nodes they subscribe to.
        for (const team of reading.user.roles.includes('Supervisor') ? reading.user.teams : []) {
          await channel.subscribe(`/finesse/api/Team/${team.id}/Users`).catch(() => {});
        }
        this.#apply(reading);
      } catch (error) {
        this.#dropChannel();
        throw error;
      }
      this.#connected = true;
      this.#emit({ type: 'connection.changed', status: 'connected' });
      this.#emitSnapshot();
      void channel.closed.then((why) => {
        if (this.#channel === channel) this.#lose(why);
      });
    }

    #lose(why: CcError): void {
      if (this.#stopped || !this.#connected) return;
      this.#connected = false;
      this.#dropChannel();
      this.#failOutcomes(new CcError('network', 'The connection to Finesse dropped before the outcome arrived.'));
      this.#emit({ type: 'connection.changed', status: 'lost', error: why.toInfo() });
      void this.#reconnect(why);
    }

    #dropChannel(): void {
      this.#channelSub?.unsubscribe();
      this.#channelSub = undefined;
      const channel = this.#channel;
      this.#channel = undefined;
      void channel?.close();
    }

    async #read(): Promise<Reading> {
      const rest = this.#rest;
      const optional = async <T>(work: Promise<T>, fallback: T) => work.catch(() => fallback);
      const user = decodeUser(await rest.get(userPath, { root: 'User' }));
      const [notReady, wrapUpReasons, media, voiceDialogs, mediaDialogs, queues] = await Promise.all([
        optional(
          rest.get(`${userPath}/ReasonCodes?category=NOT_READY`).then((e) => decodeReasonCodes(e).reasonCodes),
          [],
        ),
        optional(rest.get(`${userPath}/WrapUpReasons`).then(decodeWrapUpReasons), []),
        optional(rest.get(`${userPath}/Media`).then(decodeMediaList), []),
        rest.get(`${userPath}/Dialogs`).then(decodeDialogs),
        optional(rest.get(`${userPath}/Dialogs/Media`).then(decodeDialogs), []),
        optional(
          rest.get(`${userPath}/Queues`).then((e) => decodeQueues(e).map((q) => queueFrom(q, Date.now(), queueRoles(user)))),
          undefined,
        ),
      ]);
      const targets = options.transferTargets ?? (await optional(this.#phoneBookTargets(), []));
      const roster = new Map<string, RosterAgent>();
      if (user.roles.includes('Supervisor')) {
        for (const team of user.teams) {
          const members = await optional(
            rest.get(`/finesse/api/Team/${encodeURIComponent(team.id)}`).then((e) => decodeTeam(e).users),
            [],
          );
          for (const member of members) {
            if (member.loginId !== credentials.id) roster.set(member.loginId, rosterAgentFrom(member, team.id, Date.now()));
          }
        }
      }
      return { user, notReady, wrapUpReasons, media, dialogs: [...voiceDialogs, ...mediaDialogs], queues, targets, roster };
    }

    /** §3.1 PhoneBooks → Contacts: the numbers the agent may transfer or consult to (voice). */
    async #phoneBookTargets(): Promise<MappingSettings['transferTargets']> {
      const rest = this.#rest;
      const books = await rest.get(`${userPath}/PhoneBooks`);
      const targets: { id: string; name: string; kind: 'agent'; address: string }[] = [];
      for (const book of books.getChildren('PhoneBook')) {
        const contactsUri = book.getChildText('contacts');
        if (!contactsUri) continue;
        const contacts = await rest.get(contactsUri.replace(/^https?:\/\/[^/]+/, ''));
        for (const contact of contacts.getChildren('Contact')) {
          const number = contact.getChildText('phoneNumber')?.trim();
          if (!number || targets.some((t) => t.id === number)) continue;
          const name = [contact.getChildText('firstName'), contact.getChildText('lastName')].filter(Boolean).join(' ').trim() || number;
          targets.push({ id: number, name, kind: 'agent', address: number });
        }
      }
      return targets;
    }

    /**
     * §10: a node we failed over to may not know the agent (Finesse may sign them out, reason 255):
     * sign in again with the same station, put back the same availability, sign the same MRDs in.
     */
    async #restoreAfterFailover(reading: Reading): Promise<Reading> {
      const station = this.#station;
      const voice = this.#voice;
      if (!station || reading.user.state !== 'LOGOUT') return reading;
      const rest = this.#rest;
      await this.#write(() => rest.put(userPath, encodeUserState(loginRequest(station))), false);
      if (voice?.status === 'ready') await this.#write(() => rest.put(userPath, encodeUserState({ state: 'READY' })), false);
      else if (voice?.reasonId) {
        await this.#write(() => rest.put(userPath, encodeUserState({ state: 'NOT_READY', reasonCodeId: voice.reasonId! })), false);
      }
      for (const mrd of this.#signedInMrds) {
        const path = `${userPath}/Media/${encodeURIComponent(mrd)}`;
        await this.#write(() => rest.put(path, encodeMediaState({ state: 'LOGIN' })), false).catch(() => {});
      }
      return this.#read();
    }

    #apply(reading: Reading): void {
      this.#user = reading.user;
      this.#mrds = new Map(reading.media.map((m) => [m.id, m]));
      this.#dialogs = new Map(reading.dialogs.map((d) => [d.id, d]));
      this.#reading = reading;
    }

    #emitSnapshot(): void {
      const reading = this.#reading!;
      const now = Date.now();
      const user = reading.user;
      const profile = profileFrom(user);
      const tenant = tenantFrom(
        { user, notReady: reading.notReady, wrapUpReasons: reading.wrapUpReasons, media: reading.media },
        this.#settings,
      );
      this.#session = sessionFrom(user, this.#session, now);
      if (this.#session) this.#station = this.#session.station;
      const voice = this.#session ? voiceStateFrom(user, this.#voice, now) : undefined;
      this.#voice = voice;
      const media = [
        ...(voice ? [voice] : []),
        ...(this.#session
          ? reading.media.map((m) => mediaStateFrom(m, settings, now)).filter((m): m is Omit<MediaState, 'attempts'> => m !== undefined)
          : []),
      ];
      this.#signedInMrds = new Set(reading.media.filter((m) => m.state !== 'LOGOUT').map((m) => m.id));
      const tasks = this.#deriveTasks();
      this.#tasks = new Map(tasks.map((t) => [t.id, t]));
      const snapshot: ServerSnapshot = {
        profile,
        tenant,
        ...(this.#session ? { session: this.#session } : {}),
        media,
        tasks,
        ...(reading.queues ? { queues: reading.queues } : {}),
        ...(reading.roster.size > 0 ? { roster: [...reading.roster.values()] } : {}),
      };
      this.#emit(this.#session ? { type: 'state.synced', snapshot } : { type: 'profile.loaded', profile, tenant });
    }

    // ---- notifications ----------------------------------------------------------------------------

    #onUpdate(update: NodeUpdate | CcError): void {
      if (update instanceof CcError) return; // a malformed Update is dropped; the next full read corrects the state
      const outcome = update.requestId ? this.#outcomes.get(update.requestId) : undefined;
      if (update.data.kind === 'apiErrors') {
        if (outcome) this.#settle(update.requestId!, updateToCcError(update));
        return;
      }
      if (outcome) this.#settle(update.requestId!);
      const data = update.data;
      switch (data.kind) {
        case 'user':
          // A team member's change (§7 Team/{id}/Users), or my own.
          if (data.user.loginId !== credentials.id) return this.#onTeamMember(data.user, update.node);
          return this.#onUser(data.user);
        case 'dialogs':
        case 'dialog': {
          const dialogs = data.kind === 'dialog' ? [data.dialog] : data.dialogs;
          for (const dialog of dialogs) {
            if (update.event === 'DELETE') {
              // A call that left while connected (transferred, hung up by the customer) may still owe
              // its wrap-up: the User's WORK / WORK_READY decides (§3.3).
              const last = this.#tasks.get(dialog.id);
              if (dialog.kind === 'voice' && (last?.status === 'active' || last?.status === 'held')) this.#ended.set(dialog.id, last);
              this.#dialogs.delete(dialog.id);
            } else this.#dialogs.set(dialog.id, dialog);
          }
          return this.#emitTaskChanges();
        }
        case 'media':
          return this.#onMedia(data.media);
        case 'mediaList':
          for (const m of data.mediaList) this.#onMedia(m);
          return;
        case 'queue':
          return this.#emit({ type: 'queue.updated', queue: queueFrom(data.queue, Date.now(), queueRoles(this.#user)) });
        case 'systemInfo':
          if (data.systemInfo.status === 'OUT_OF_SERVICE') this.#lose(new CcError('network', 'The Finesse node went out of service.'));
          return;
        default:
          return;
      }
    }

    #onUser(user: User): void {
      const now = Date.now();
      const before = this.#session;
      this.#user = user;
      const session = sessionFrom(user, before, now);
      this.#session = session;
      if (!session) {
        if (before) {
          this.#station = undefined;
          this.#voice = undefined;
          this.#emit({ type: 'session.signedOut' });
        }
        return;
      }
      this.#station = session.station;
      if (!before) {
        this.#emit({ type: 'session.signedIn', session });
        // QL-1: the queue list comes with the session.
        const queues = this.#reading?.queues;
        if (queues) this.#emit({ type: 'queues.loaded', queues });
        const roster = this.#reading?.roster;
        if (roster && roster.size > 0) this.#emit({ type: 'roster.loaded', agents: [...roster.values()] });
      }
      const voice = voiceStateFrom(user, this.#voice, now);
      if (voice && (voice.status !== this.#voice?.status || voice.reasonId !== this.#voice?.reasonId)) {
        this.#emit({
          type: 'media.stateChanged',
          media: 'voice',
          status: voice.status,
          ...(voice.reasonId ? { reasonId: voice.reasonId } : {}),
        });
      }
      this.#voice = voice;
      // WORK / WORK_READY decide whether a dropped call is in wrap-up.
      this.#emitTaskChanges();
    }

    /** SV-1/SV-5: team members' changes go out in one `roster.changed` per tick, however many arrive. */
    readonly #rosterChanges = new Map<string, RosterAgent>();
    #rosterTimer: ReturnType<typeof setTimeout> | undefined;

    #onTeamMember(member: User, node: string | undefined): void {
      const teamId = /\/Team\/([^/]+)\/Users$/.exec(node ?? '')?.[1] ?? member.teamId ?? '';
      this.#rosterChanges.set(member.loginId, rosterAgentFrom(member, teamId, Date.now()));
      this.#rosterTimer ??= setTimeout(() => {
        this.#rosterTimer = undefined;
        const agents = [...this.#rosterChanges.values()];
        this.#rosterChanges.clear();
        this.#emit({ type: 'roster.changed', agents });
      }, ROSTER_TICK_MS);
    }

    #onMedia(media: FinesseMedia): void {
      const previous = this.#mrds.get(media.id);
      this.#mrds.set(media.id, media);
      if (media.state === 'LOGOUT') this.#signedInMrds.delete(media.id);
      else this.#signedInMrds.add(media.id);
      const state = mediaStateFrom(media, settings, Date.now());
      if (!state) return;
      const before = previous ? mediaStateFrom(previous, settings, Date.now()) : undefined;
      if (before?.status === state.status && before.reasonId === state.reasonId) return;
      this.#emit({
        type: 'media.stateChanged',
        media: state.media,
        status: state.status,
        ...(state.reasonId ? { reasonId: state.reasonId } : {}),
      });
    }

    #deriveTasks(): Task[] {
      const user = this.#user;
      if (!user) return [];
      const context: TaskContext = {
        addresses: [user.extension, user.mobileAgent?.dialNumber].filter((a): a is string => !!a),
        user,
        settings: this.#settings,
        now: Date.now(),
        previous: (id) => this.#tasks.get(id),
      };
      const mrdMedia = new Map<string, Exclude<Media, 'voice'>>();
      for (const m of this.#mrds.values()) {
        const medium = mediumOf(m, settings);
        if (medium) {
          mrdMedia.set(m.id, medium);
          if (m.name) mrdMedia.set(m.name.toLowerCase(), medium);
        }
      }
      const dialogs = [...this.#dialogs.values()];
      const tasks = [
        ...voiceTasksFrom(dialogs, context),
        ...dialogs.map((d) => digitalTaskFrom(d, mrdMedia, context)).filter((t): t is Task => t !== undefined),
      ];
      return [...tasks, ...this.#wrapUpsOfEnded(user, tasks)];
    }

    /**
     * Calls that left Dialogs while connected: in wrap-up while the User is in WORK / WORK_READY,
     * as they were while the User still says TALKING / HOLD (its update follows), gone otherwise.
     */
    #wrapUpsOfEnded(user: User, present: readonly Task[]): Task[] {
      const result: Task[] = [];
      for (const [id, last] of this.#ended) {
        const mode = wrapUpFrom(user.settings.wrapUpOnIncoming, this.#settings.wrapUpTimeoutSec);
        if (present.some((t) => t.id === id) || mode.mode === 'off') {
          this.#ended.delete(id);
        } else if (user.state === 'WORK' || user.state === 'WORK_READY') {
          const since = last.status === 'wrapUp' ? last.since : (user.stateChangeTime ?? Date.now());
          const { consult: _gone, ...rest } = last;
          result.push({
            ...rest,
            status: 'wrapUp',
            since,
            wrapUp: taskWrapUp(mode, since),
          });
        } else if (user.state === 'TALKING' || user.state === 'HOLD' || user.state === 'RESERVED') {
          result.push(last);
        } else {
          this.#ended.delete(id);
        }
      }
      return result;
    }

    #emitTaskChanges(): void {
      const next = new Map(this.#deriveTasks().map((t) => [t.id, t]));
      for (const [id, task] of next) {
        if (!sameTask(this.#tasks.get(id), task)) this.#emit({ type: 'task.updated', task });
      }
      for (const [id, task] of this.#tasks) {
        if (next.has(id)) continue;
        const reason: TaskEndReason = this.#transferring.delete(id)
          ? 'transferred'
          : task.status === 'offered'
            ? this.#missedReason()
            : 'closed';
        this.#emit({ type: 'task.removed', taskId: id, reason });
      }
      this.#tasks = next;
    }

    /** An offer that vanished: RONA when Finesse made the agent Not Ready for it (§3.3), else the caller left. */
    #missedReason(): TaskEndReason {
      return this.#user?.state === 'NOT_READY' ? 'rona' : 'abandoned';
    }

    // ---- commands ---------------------------------------------------------------------------------

    /** A write: 202, then wait for the notification carrying its requestId (an apiErrors one rejects). */
    async #write(send: () => Promise<unknown>, guard = true): Promise<void> {
      if (guard && !this.#connected) throw new CcError('network', 'The connection to Finesse is lost; reconnecting…');
      const sent = send();
      const requestId = issued;
      const outcome = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => this.#settle(requestId), outcomeTimeoutMs);
        this.#outcomes.set(requestId, { resolve, reject, timer });
      });
      try {
        await sent;
      } catch (error) {
        const entry = this.#outcomes.get(requestId);
        if (entry) clearTimeout(entry.timer);
        this.#outcomes.delete(requestId);
        if (isOutOfService(error) && this.#connected) this.#lose(CcError.from(error));
        throw CcError.from(error);
      }
      return outcome;
    }

    #settle(requestId: string, error?: CcError): void {
      const entry = this.#outcomes.get(requestId);
      if (!entry) return;
      this.#outcomes.delete(requestId);
      clearTimeout(entry.timer);
      if (error) entry.reject(error);
      else entry.resolve();
    }

    #failOutcomes(error: CcError): void {
      for (const id of [...this.#outcomes.keys()]) this.#settle(id, error);
    }

    async execute(command: Command): Promise<void> {
      const rest = this.#rest;
      const user = this.#user;
      const me = user?.extension ?? '';
      const dialogPath = (id: string) => `/finesse/api/Dialog/${encodeURIComponent(id)}`;
      const voiceAction = (taskId: string, action: 'ANSWER' | 'HOLD' | 'RETRIEVE' | 'DROP' | 'TRANSFER') =>
        this.#write(() => rest.put(dialogPath(taskId), encodeDialogAction({ action, targetMediaAddress: me })));
      const task = 'taskId' in command ? this.#tasks.get(command.taskId) : undefined;
      const digital = task !== undefined && task.media !== 'voice';
      switch (command.type) {
        case 'session.signIn': {
          this.#station = command.station;
          await this.#write(() => rest.put(userPath, encodeUserState(loginRequest(command.station))));
          // §8.1: the desktop signs in to every media routing domain after the voice sign-in; a refusal
          // shows on that medium (ST-5), not on the sign-in.
          await Promise.all(
            [...this.#mrds.values()]
              .filter((m) => mediumOf(m, settings) !== undefined && m.state === 'LOGOUT')
              .map((m) => this.#signInMrd(m.id)),
          );
          return;
        }
        case 'session.signOut':
          return this.#write(() => rest.put(userPath, encodeUserState({ state: 'LOGOUT' })));
        case 'media.setState': {
          const request =
            command.status === 'ready'
              ? ({ state: 'READY' } as const)
              : ({ state: 'NOT_READY', ...(command.reasonId ? { reasonCodeId: command.reasonId } : {}) } as const);
          const writes: Promise<void>[] = [];
          for (const medium of command.media) {
            if (medium === 'voice') writes.push(this.#write(() => rest.put(userPath, encodeUserState(request))));
            else {
              const mrd = this.#mrdOf(medium);
              writes.push(this.#write(() => rest.put(`${userPath}/Media/${encodeURIComponent(mrd)}`, encodeMediaState(request))));
            }
          }
          await Promise.all(writes);
          return;
        }
        case 'media.signIn': {
          if (command.media === 'voice') {
            if (!this.#station) throw new CcError('session.required');
            const station = this.#station;
            return this.#write(() => rest.put(userPath, encodeUserState(loginRequest(station))));
          }
          return this.#signInMrd(this.#mrdOf(command.media), true);
        }
        case 'task.accept':
          if (digital) return this.#taskAction(command.taskId, { action: 'ACCEPT' });
          return voiceAction(command.taskId, 'ANSWER');
        case 'task.end':
          // §8.2: a task ends into wrap-up (the server closes it at once where there is none).
          if (digital) return this.#taskAction(command.taskId, { action: 'WRAP_UP' });
          return voiceAction(command.taskId, 'DROP');
        case 'task.close':
          return this.#closeWrapUp(command.taskId, command.reasonId);
        case 'call.hold':
          return voiceAction(command.taskId, 'HOLD');
        case 'call.resume':
          return voiceAction(command.taskId, 'RETRIEVE');
        case 'call.transfer':
        case 'call.consult': {
          const toAddress = this.#addressOf(command.targetId);
          const action = command.type === 'call.transfer' ? 'TRANSFER_SST' : 'CONSULT_CALL';
          if (action === 'TRANSFER_SST') this.#transferring.add(command.taskId);
          return this.#write(() =>
            rest.put(dialogPath(command.taskId), encodeDialogAction({ action, targetMediaAddress: me, toAddress })),
          ).catch((error: unknown) => {
            this.#transferring.delete(command.taskId);
            throw error;
          });
        }
        case 'call.consultComplete':
          this.#transferring.add(command.taskId);
          return voiceAction(command.taskId, 'TRANSFER').catch((error: unknown) => {
            this.#transferring.delete(command.taskId);
            throw error;
          });
        case 'call.consultCancel': {
          const consult = this.#consultDialogOf(command.taskId);
          if (consult)
            await this.#write(() => rest.put(dialogPath(consult.id), encodeDialogAction({ action: 'DROP', targetMediaAddress: me })));
          if (this.#tasks.get(command.taskId)?.status === 'held') await voiceAction(command.taskId, 'RETRIEVE');
          return;
        }
        case 'call.dtmf':
          return this.#write(() =>
            rest.put(dialogPath(command.taskId), encodeDialogAction({ action: 'SEND_DTMF', targetMediaAddress: me, dtmf: command.digits })),
          );
        case 'supervisor.setAgentStatus': {
          // §7: a supervisor acts on an agent with a PUT on that agent's User.
          const request =
            command.status === 'ready'
              ? ({ state: 'READY' } as const)
              : ({
                  state: command.status === 'signedOut' ? 'LOGOUT' : 'NOT_READY',
                  ...(command.reasonId ? { reasonCodeId: command.reasonId } : {}),
                } as const);
          return this.#write(() => rest.put(`/finesse/api/User/${encodeURIComponent(command.agentId)}`, encodeUserState(request)));
        }
        case 'task.transfer':
          this.#transferring.add(command.taskId);
          return this.#taskAction(command.taskId, { action: 'TRANSFER', target: this.#addressOf(command.targetId) }).catch(
            (error: unknown) => {
              this.#transferring.delete(command.taskId);
              throw error;
            },
          );
        default:
          throw new CcError('command.unsupported');
      }
    }

    /** §8.1 MRD sign-in. A refusal is the medium's failure (ST-5) unless the caller wants it thrown. */
    async #signInMrd(mrd: string, rethrow = false): Promise<void> {
      const rest = this.#rest;
      try {
        await this.#write(() => rest.put(`${userPath}/Media/${encodeURIComponent(mrd)}`, encodeMediaState({ state: 'LOGIN' })));
      } catch (error) {
        const medium = this.#mrds.get(mrd);
        const media = medium ? mediumOf(medium, settings) : undefined;
        if (media) this.#emit({ type: 'media.stateChanged', media, status: 'failed', error: CcError.from(error).toInfo() });
        if (rethrow) throw error;
      }
    }

    #taskAction(taskId: string, request: Parameters<typeof encodeTaskAction>[0]): Promise<void> {
      const rest = this.#rest;
      return this.#write(() =>
        rest.put(`/finesse/api/Dialog/${encodeURIComponent(taskId)}`, encodeTaskAction(request, options.taskActionNames)),
      );
    }

    /**
     * WU-2: the reason goes on the dialog (`UPDATE_CALL_DATA`, §4.2 — by label), then the agent
     * leaves WORK / WORK_READY for the state it leads to (§3.3).
     */
    async #closeWrapUp(taskId: string, reasonId: string | undefined): Promise<void> {
      const rest = this.#rest;
      const task = this.#tasks.get(taskId);
      const label = reasonId === undefined ? undefined : this.#reading?.wrapUpReasons.find((r) => r.id === reasonId)?.label;
      if (reasonId !== undefined && label === undefined) throw new CcError('command.notAllowed', `Unknown wrap-up reason "${reasonId}".`);
      if (task && task.media !== 'voice') {
        if (label !== undefined) {
          await this.#write(() =>
            rest.put(
              `/finesse/api/Dialog/${encodeURIComponent(taskId)}`,
              encodeDialogAction({ action: 'UPDATE_CALL_DATA', wrapUpReason: label }),
            ),
          );
        }
        return this.#taskAction(taskId, { action: 'CLOSE' });
      }
      if (label !== undefined) {
        await this.#write(() =>
          rest.put(
            `/finesse/api/Dialog/${encodeURIComponent(taskId)}`,
            encodeDialogAction({ action: 'UPDATE_CALL_DATA', targetMediaAddress: this.#user?.extension ?? '', wrapUpReason: label }),
          ),
        );
      }
      const next = this.#user?.state === 'WORK_READY' || this.#user?.pendingState === 'READY' ? 'READY' : 'NOT_READY';
      return this.#write(() => rest.put(userPath, encodeUserState({ state: next })));
    }

    #consultDialogOf(taskId: string): Dialog | undefined {
      const primary = this.#dialogs.get(taskId);
      return [...this.#dialogs.values()].find(
        (d) =>
          d.id !== taskId &&
          d.associatedDialogUri !== undefined &&
          (d.associatedDialogUri === primary?.uri || d.associatedDialogUri.endsWith(`/${taskId}`)),
      );
    }

    #mrdOf(media: Media): string {
      for (const m of this.#mrds.values()) if (mediumOf(m, settings) === media) return m.id;
      throw new CcError('command.unsupported', `This Finesse user has no ${media} media routing domain.`);
    }

    #addressOf(targetId: string): string {
      const target = this.#settings.transferTargets.find((t) => t.id === targetId);
      if (!target) throw new CcError('command.notAllowed', `"${targetId}" is not a transfer target.`);
      return target.address ?? target.id;
    }
  }

  const events$ = new Observable<DomainEventInput>((subscriber) => {
    if (run) {
      subscriber.error(
        new CcError('command.notAllowed', 'This Finesse adapter is already connected; create another for a second connection.'),
      );
      return;
    }
    const current = new Run(subscriber);
    run = current;
    current.start();
    return () => {
      current.stop();
      if (run === current) run = undefined;
    };
  });

  return {
    capabilities: {
      commands: FINESSE_COMMANDS,
      stationKinds: ['extension', 'dialNumber'],
      media: ['voice', 'chat', 'sms', 'social', 'email'],
    },
    events$,
    node$: node$.asObservable(),
    execute(command) {
      if (!FINESSE_COMMANDS.includes(command.type)) return Promise.reject(new CcError('command.unsupported'));
      if (!run) return Promise.reject(new CcError('network', 'Not connected to Finesse: subscribe to events$ first.'));
      return run.execute(command);
    },
  };

  function loginRequest(station: Station) {
    switch (station.kind) {
      case 'extension':
        return { state: 'LOGIN', extension: station.extension } as const;
      case 'dialNumber': {
        if (!options.mobileAgent) throw new CcError('command.unsupported', 'This Finesse connection is not set up for mobile agents.');
        return {
          state: 'LOGIN',
          extension: options.mobileAgent.extension,
          mobileAgent: { mode: options.mobileAgent.mode ?? 'CALL_BY_CALL', dialNumber: finesseNumber(station.number) },
        } as const;
      }
      default:
        throw new CcError('command.unsupported', 'Finesse signs in with an extension or as a mobile agent.');
    }
  }
}

/** Whose queues they are: an agent's route to them, a supervisor watches them. */
function queueRoles(user: User | undefined): { agent: boolean; supervisor: boolean } {
  return { agent: user?.roles.includes('Agent') ?? false, supervisor: user?.roles.includes('Supervisor') ?? false };
}

/** §9.2 nodes Finesse subscribes a user to by itself. */
function autoNodes(id: string): string[] {
  const user = `/finesse/api/User/${id}`;
  return [user, `${user}/Dialogs`, `${user}/Media`, `${user}/Dialogs/Media`, '/finesse/api/SystemInfo'];
}

function sameTask(a: Task | undefined, b: Task): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function token(source: string | (() => Promise<string>)): Promise<string> {
  return typeof source === 'string' ? source : source();
}
