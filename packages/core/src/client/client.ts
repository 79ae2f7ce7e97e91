// createClient(): the one object a host or a widget holds. It connects the adapter to the store,
// runs the core's rules on the injected scheduler, and turns intentions into checked commands.

import {
  asyncScheduler,
  BehaviorSubject,
  combineLatest,
  defer,
  distinctUntilChanged,
  lastValueFrom,
  map,
  of,
  retry,
  share,
  shareReplay,
  startWith,
  Subscription,
  switchMap,
  throwError,
  timer,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import { supports, type Adapter, type Capabilities } from '../adapter.js';
import { CcError } from '../errors.js';
import type { AgentProfile, AgentSession, Role, Station } from '../model/agent.js';
import type { Channel, ChannelView, IndicatorState, Media } from '../model/channel.js';
import type { ConnectionState } from '../model/connection.js';
import type { Notice } from '../model/notice.js';
import { transferTargetsFor, type Queue } from '../model/queue.js';
import type { Task } from '../model/task.js';
import type { TenantSettings } from '../model/tenant.js';
import { checkSignIn } from '../rules/station.js';
import { channelViews, indicatorState, mediaToChange, stateMenu, type ChannelTarget, type StateChangeRequest } from '../rules/channels.js';
import { runRetries, retrySteps } from '../rules/retry.js';
import { signOutAllowance, type SignOutAllowance } from '../rules/sign-out.js';
import { elapsedSince } from '../rules/time-in-state.js';
import { autoReturnsDue } from '../rules/auto-return.js';
import { remaining } from '../rules/countdown.js';
import { aboutTask, isOfferExpired, offerOutcome } from '../rules/offers.js';
import { queueSelection, type QueueListMode } from '../rules/queues.js';
import { holdsWrapUpChoice, sameWrapUpView, wrapUpsDue, wrapUpView, type WrapUpView } from '../rules/wrap-up.js';
import { digitalTransferView, sameTransferView, type DigitalTransferView } from '../rules/transfer.js';
import { loadWrapUpChoices, saveWrapUpChoices } from '../session/wrap-up-choices.js';
import {
  loadRememberedStation,
  forgetRememberedStation,
  saveRememberedStation,
  type RememberedStation,
} from '../session/remembered-station.js';
import { memoryStorage, type StoragePort } from '../session/storage.js';
import type { DomainEvent, DomainEventInput } from '../store/events.js';
import type { CcState } from '../store/state.js';
import { sameItems, Store } from '../store/store.js';
import type { Command, CommandType, OutgoingMessage, QueueChange } from './commands.js';
import type { Attachment, Draft, Message, Thread } from '../model/message.js';
import { loadDrafts, saveDrafts, isEmptyDraft } from '../session/drafts.js';
import { composerCheck } from '../rules/composer.js';
import type { BeingMonitored, MonitorMode, RosterAgent } from '../model/supervisor.js';
import { agentActions, rosterView, type AgentActions, type RosterQuery } from '../rules/roster.js';
import { loadFavourites, saveFavourites } from '../session/favourites.js';
import { isLocaleTag, loadLocale, saveLocale } from '../session/locale.js';

export interface ClientOptions {
  readonly adapter: Adapter;
  /** Time for every rule and timer; tests pass a TestScheduler or a virtual-time scheduler. */
  readonly scheduler?: SchedulerLike;
  /** Where remembered details live; memory when omitted. */
  readonly storage?: StoragePort;
}

export interface SignInRequest {
  readonly role: Role;
  readonly station: Station;
  readonly teamId?: string;
  /** SL-9: the details to remember for next time, false to forget saved ones; omitted leaves them. */
  readonly remember?: RememberedStation | false;
}

export interface SignInResult {
  /**
   * SL-9: what became of the remembered details — saved, forgotten (remember: false), left as
   * they were (remember omitted), or failed (storage refused; the sign-in itself succeeded).
   */
  readonly remembered: 'saved' | 'failed' | 'forgotten' | 'unchanged';
}

export interface CcClient {
  readonly state$: Observable<CcState>;
  /** The current state, for code that needs it once (widgets subscribe instead). */
  readonly state: CcState;
  readonly capabilities: Capabilities;
  readonly scheduler: SchedulerLike;
  readonly connection$: Observable<ConnectionState>;
  readonly profile$: Observable<AgentProfile | undefined>;
  readonly tenant$: Observable<TenantSettings>;
  readonly session$: Observable<AgentSession | undefined>;
  readonly channels$: Observable<readonly ChannelView[]>;
  readonly indicator$: Observable<IndicatorState>;
  readonly signOutAllowance$: Observable<SignOutAllowance>;
  readonly tasks$: Observable<readonly Task[]>;
  /** QL-1: the queues of the signed-in person (members' queues carry `enabled`, monitorable ones `monitored`). */
  readonly queues$: Observable<readonly Queue[]>;
  /** RONA, declines, failed consultations…: shown until dismissed or no longer true. */
  readonly notices$: Observable<readonly Notice[]>;
  /** Scheduler time on every whole second, for views that tick (QL-2 longest wait). */
  readonly clock$: Observable<number>;
  select<T>(project: (state: CcState) => T, compare?: (a: T, b: T) => boolean): Observable<T>;
  /** Whether the backend carries out this command; widgets hide what it does not. */
  can(type: CommandType): boolean;
  /** ST-1/ST-3: what a target's state menu offers (never the state or reason already chosen). */
  stateMenu$(target: ChannelTarget): Observable<readonly StateChangeRequest[]>;
  /** ST-9: milliseconds in the channel's current state, ticking each second. */
  timeInState$(channel: Channel): Observable<number | undefined>;
  /** One task as it changes; undefined once it has left. */
  task$(taskId: string): Observable<Task | undefined>;
  /** ms left until a deadline (CB-1 offer, ST-8 unavailable time, WU-2 wrap-up), ticking each second. */
  remaining$(deadline: number | undefined): Observable<number | undefined>;
  /** CB-1: ms left before RONA; undefined when the task is not an offer. */
  offerRemaining$(taskId: string): Observable<number | undefined>;
  /** CB-3: ms since the call was connected. */
  callDuration$(taskId: string): Observable<number | undefined>;
  /** WU-1…WU-3: the wrap-up as the picker shows it; undefined when the task is not in wrap-up. */
  wrapUp$(taskId: string): Observable<WrapUpView | undefined>;
  /** CB-1/CB-3/TP-1/TP-2: each matching task's offer countdown and time since accepted, ticking. */
  taskTimes$(which: (task: Task) => boolean): Observable<ReadonlyMap<string, TaskTimes>>;
  signIn(request: SignInRequest): Promise<SignInResult>;
  signOut(): Promise<void>;
  /** ST-1/ST-4: move one group or all groups; resolves at once when nothing needs to change. */
  setChannelState(target: ChannelTarget, status: 'ready' | 'notReady', reasonId?: string): Promise<void>;
  rememberedStation(): Promise<RememberedStation | undefined>;
  /** CB-1/CB-4: take an offer. Refused without sending once the deadline has passed; a second call while the first is on its way shares it. */
  accept(taskId: string): Promise<void>;
  /** CB-2/ST-8: refuse an offer; it goes back to its queue and the agent is unavailable for a while. */
  decline(taskId: string): Promise<void>;
  hold(taskId: string): Promise<void>;
  resume(taskId: string): Promise<void>;
  setMuted(taskId: string, muted: boolean): Promise<void>;
  /** CB-3/TP-14: hang up or end; the task goes to wrap-up or closes (WU-1). Refused while customer edits are unsaved (TP-4) unless discarded. */
  end(taskId: string, options?: { readonly discardUnsaved?: boolean }): Promise<void>;
  /** CB-3: blind transfer to one of the tenant's transfer targets. */
  transfer(taskId: string, targetId: string): Promise<void>;
  /** CB-3: hold the customer and call a target first. */
  consult(taskId: string, targetId: string): Promise<void>;
  /** Hand the customer to the consulted party. */
  completeConsult(taskId: string): Promise<void>;
  /** Drop the consultation (or clear a failed one); the customer stays on hold. */
  cancelConsult(taskId: string): Promise<void>;
  /** CB-3: keypad tones (digits, *, #, A–D), refused before sending when anything else is typed. */
  sendDtmf(taskId: string, digits: string): Promise<void>;
  /** WU-2/WU-4: the reason chosen so far (undefined clears it); kept through reloads. */
  chooseWrapUpReason(taskId: string, reasonId: string | undefined): Promise<void>;
  /** WU-2: close the wrap-up with the chosen reason. */
  closeWrapUp(taskId: string): Promise<void>;
  /**
   * QL-5/QL-7 "Confirm selections": apply every tick that differs from the backend's at once.
   * `ticks` maps the queue ids the person touched to ticked or not. Nothing is sent when nothing
   * changes; queues that disappeared meanwhile are reported, not sent.
   */
  confirmQueues(mode: QueueListMode, ticks: Readonly<Record<string, boolean>>): Promise<QueueConfirmation>;
  dismissNotice(id: string): void;

  // ---- digital work (TP, EM, DX) ----
  /** TP-5: a task's thread (loading, loaded, failed with its error). */
  thread$(taskId: string): Observable<Thread | undefined>;
  /** TP-2/TP-3: unread customer messages per task. */
  readonly unread$: Observable<Readonly<Record<string, number>>>;
  /** TP-3: every unread message, for the host's red dot. */
  readonly totalUnread$: Observable<number>;
  readonly selectedTaskId$: Observable<string | undefined>;
  /** TP-2: look at a task; its unread count clears. */
  selectTask(taskId: string | undefined): void;
  /** TP-5 "Retry": fetch a thread again. */
  loadThread(taskId: string): Promise<void>;
  draft$(taskId: string): Observable<Draft | undefined>;
  /** TP-13/EM-7: keep what the agent typed (undefined clears it); kept through reloads. */
  saveDraft(taskId: string, draft: Draft | undefined): Promise<void>;
  /**
   * TP-6/TP-7/EM-3: send a message. It shows at once as "sending"; on success the draft clears;
   * on failure the message stays with its error and the draft is kept (nothing lost).
   */
  sendMessage(taskId: string, message: Omit<OutgoingMessage, 'clientId'> & { readonly clientId?: string }): Promise<void>;
  /** TP-4: customer fields edited and not saved yet. */
  customerEdits$(taskId: string): Observable<Readonly<Record<string, string>> | undefined>;
  editCustomer(taskId: string, edits: Readonly<Record<string, string>> | undefined): void;
  /** TP-4: save the edited fields; the edits clear on success and stay on failure. */
  saveCustomer(taskId: string): Promise<void>;
  /** TP-10: run a workflow; required parameters are checked first. */
  runWorkflow(taskId: string, workflowId: string, parameters: Readonly<Record<string, string>>): Promise<void>;
  /** TP-15: the routing points, the wrap-up reason asked first when forced, and whether a voice call switched transfer off. */
  transferView$(taskId: string): Observable<DigitalTransferView | undefined>;
  /**
   * TP-15: hand a conversation to a routing point of its medium, with the reason chosen first when
   * wrap-up is forced. Refused during a voice call where the medium pauses, and while customer edits
   * are unsaved (TP-4) unless discarded.
   */
  transferTask(taskId: string, targetId: string, options?: { readonly discardUnsaved?: boolean }): Promise<void>;
  /** DX-3: give the customer more time. */
  extendInactivity(taskId: string): Promise<void>;
  // ---- supervisor (SV) ----
  /** SV-1: the supervisor's agents, live. */
  readonly roster$: Observable<readonly RosterAgent[]>;
  /** SV-1: the agents the grid shows for a query (search, filters, sort, favourites). */
  rosterView$(query: RosterQuery): Observable<readonly RosterAgent[]>;
  /** SV-1: favourite agents, kept through reloads. */
  readonly favourites$: Observable<ReadonlySet<string>>;
  toggleFavourite(agentId: string): Promise<void>;
  /** SV-3/SV-4: what the policy lets the supervisor do to this agent now. */
  agentActions$(agentId: string): Observable<AgentActions | undefined>;
  /** SV-3: refused before sending where the backend's policy does not allow it (8x8-style supervisors). */
  setAgentStatus(agentId: string, status: 'ready' | 'notReady' | 'signedOut', reasonId?: string): Promise<void>;
  setAgentQueue(agentId: string, queueId: string, enabled: boolean): Promise<void>;
  /** SV-4: listen to, whisper on or barge into an agent's call. */
  monitor(agentId: string, taskId: string, mode: MonitorMode): Promise<void>;
  stopMonitor(agentId: string, taskId: string): Promise<void>;
  /** SV-4, agent side: a supervisor is listening to one of my calls (where the backend reports it). */
  readonly beingMonitored$: Observable<BeingMonitored | undefined>;

  // ---- preferences (PL-4) ----
  /**
   * PL-4: the language the agent chose for the widgets (a BCP 47 tag such as "fr" or "ro-RO"), kept
   * in storage so it survives a reload; undefined when none was chosen (the widgets follow the page).
   */
  readonly locale$: Observable<string | undefined>;
  /** PL-4: choose the widgets' language, or forget the choice with undefined. Rejects with storage.failed when it cannot be kept. */
  setLocale(locale: string | undefined): Promise<void>;

  /** Send a command as is, after the capability check. */
  execute(command: Command): Promise<void>;
  /** Close the connection and stop every rule. */
  dispose(): void;
}

/** The two clocks of a task a view shows. */
export interface TaskTimes {
  /** ms left to accept, while offered (CB-1, TP-1). */
  readonly offer: number | undefined;
  /** ms since accepted, while in progress (CB-3, TP-2). */
  readonly elapsed: number | undefined;
}

export interface QueueConfirmation {
  /** The changes sent and applied. */
  readonly applied: readonly QueueChange[];
  /** Queue ids that were ticked or unticked but are no longer assigned. */
  readonly vanished: readonly string[];
}

export function createClient(options: ClientOptions): CcClient {
  const { adapter } = options;
  const scheduler = options.scheduler ?? asyncScheduler;
  const storage = options.storage ?? memoryStorage();
  const store = new Store();
  const subscriptions = new Subscription();

  /** Each event, then what it means for the agent (ST-6 notices and the Not Ready that follows a missed offer). */
  const dispatch = (event: DomainEvent) => {
    const before = store.state;
    store.dispatch(event);
    const after = store.state;
    if (after === before) return;
    const outcome = offerOutcome(before, after, event);
    for (const id of outcome.dismiss) store.dispatch({ type: 'notice.dismissed', id, at: event.at });
    for (const notice of outcome.notices) store.dispatch({ type: 'notice.raised', notice, at: event.at });
    if (outcome.notReady) ensureNotReady(outcome.notReady.media, outcome.notReady.reasonId);
    // Seed 002: a newly accepted task joins the list and becomes the one shown.
    if (event.type === 'task.updated' && event.task.media !== 'voice' && event.task.status === 'active') {
      const was = before.tasks.find((t) => t.id === event.task.id);
      if (was?.status === 'offered' && after.selectedTaskId !== event.task.id) {
        store.dispatch({ type: 'task.selected', taskId: event.task.id, at: event.at });
      }
    }
    if (event.type === 'task.removed' && event.taskId in before.wrapUpChoices) persistWrapUpChoices().catch(() => {});
    if (event.type === 'task.removed' && event.taskId in before.drafts) persistDrafts().catch(() => {});
  };
  const stamp = (event: DomainEventInput): DomainEvent => ({ ...event, at: event.at ?? scheduler.now() }) as DomainEvent;

  const execute = async (command: Command): Promise<void> => {
    if (!supports(adapter.capabilities, command.type)) throw new CcError('command.unsupported');
    // SE-4: while the adapter reconnects nothing is sent; the widgets say the connection is lost.
    if (store.state.connection.status === 'lost') {
      throw new CcError('network', 'The connection to the contact center is lost; reconnecting. Try again in a moment.');
    }
    try {
      await adapter.execute(command);
    } catch (error) {
      throw CcError.from(error);
    }
  };

  /** ST-5: state changes are retried on errors worth retrying, as often as the tenant says. */
  const executeWithRetry = (command: Command): Promise<void> => {
    const { retryAttempts, retryDelayMs } = store.state.tenant;
    return lastValueFrom(
      defer(() => execute(command)).pipe(
        retry({
          count: retryAttempts,
          delay: (error: CcError) => (error.retryable ? timer(retryDelayMs, scheduler) : throwError(() => error)),
        }),
      ),
      { defaultValue: undefined },
    );
  };

  /**
   * ST-6: a missed offer leaves its whole channel group Not Ready. Backends usually do it and say
   * so in the same breath, so look again once their events are in and send only what is left.
   */
  function ensureNotReady(media: readonly Media[], reasonId: string): void {
    scheduler.schedule(() => {
      const still = media.filter((m) => store.state.media[m]?.status === 'ready');
      if (still.length === 0 || !store.state.session) return;
      executeWithRetry({ type: 'media.setState', media: still, status: 'notReady', reasonId }).catch(() => {
        // The backend's state stands; the channel shows whatever it reports.
      });
    }, 0);
  }

  // ST-8: Ready again once the unavailable time after a declined or missed call is over.
  subscriptions.add(
    autoReturnsDue(store.state$, scheduler).subscribe(() => {
      if (!store.state.session) return;
      executeWithRetry({ type: 'media.setState', media: ['voice'], status: 'ready' }).catch(() => {});
    }),
  );

  // WU-2: at zero the wrap-up closes by itself with the reason chosen so far.
  subscriptions.add(
    wrapUpsDue(store.state$, scheduler).subscribe(({ taskId }) => {
      const task = store.state.tasks.find((t) => t.id === taskId);
      if (task?.status !== 'wrapUp') return;
      const reasonId = store.state.wrapUpChoices[taskId];
      once(`task.close:${taskId}`, () =>
        executeWithRetry({ type: 'task.close', taskId, ...(reasonId === undefined ? {} : { reasonId }) }),
      ).then(
        () =>
          dispatch({
            type: 'notice.raised',
            notice: {
              id: `wrapUpClosed:${taskId}`,
              kind: 'wrapUpClosed',
              at: scheduler.now(),
              ...aboutTask(task),
              ...(reasonId === undefined ? {} : { reasonId }),
            },
            at: scheduler.now(),
          }),
        () => {
          // Closed meanwhile (by the agent or the server's own timer), or refused: the server's word stands.
        },
      );
    }),
  );

  // WU-4: reasons chosen before a reload come back once their tasks are known again.
  let storedChoices: Readonly<Record<string, string>> | undefined;
  const restoreWrapUpChoices = () => {
    if (!storedChoices) return;
    const { tasks, wrapUpChoices, tenant } = store.state;
    for (const task of tasks) {
      const reasonId = storedChoices[task.id];
      if (!holdsWrapUpChoice(task) || reasonId === undefined || wrapUpChoices[task.id] !== undefined) continue;
      if (!tenant.wrapUpReasons.some((r) => r.id === reasonId)) continue;
      dispatch({ type: 'wrapUp.reasonChosen', taskId: task.id, reasonId, at: scheduler.now() });
    }
  };
  void loadWrapUpChoices(storage).then((choices) => {
    storedChoices = choices;
    restoreWrapUpChoices();
  });
  subscriptions.add(store.select((s) => s.tasks).subscribe(restoreWrapUpChoices));

  let saving: Promise<void> = Promise.resolve();
  /** Saves in order; resolves when this save is done, rejects with storage.failed when it fails. */
  function persistWrapUpChoices(): Promise<void> {
    const choices = store.state.wrapUpChoices;
    storedChoices = choices;
    const save = saving.then(() => saveWrapUpChoices(storage, choices));
    saving = save.catch(() => {});
    return save.catch((error: unknown) => {
      throw new CcError('storage.failed', undefined, { cause: error });
    });
  }

  /** A second identical command while the first is on its way shares its answer (a double click sends once). */
  const inFlight = new Map<string, Promise<void>>();
  function once(key: string, run: () => Promise<void>): Promise<void> {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const started = run().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  }

  function taskOf(taskId: string): Task {
    if (!store.state.session) throw new CcError('session.required');
    const task = store.state.tasks.find((t) => t.id === taskId);
    if (!task) throw new CcError('task.unknown');
    return task;
  }

  function requireCall(task: Task, statuses: readonly Task['status'][], message: string): void {
    if (!statuses.includes(task.status)) throw new CcError('command.notAllowed', message);
  }

  function requireTarget(targetId: string): void {
    if (!transferTargetsFor(store.state.tenant.transferTargets, 'voice').some((t) => t.id === targetId)) {
      throw new CcError('command.notAllowed', `"${targetId}" is not one of the transfer targets of this tenant.`);
    }
  }

  /** Runs the checks now (so bad input throws before anything is sent), then sends once. */
  const command = (key: string, check: () => Command): Promise<void> => {
    let built: Command;
    try {
      built = check();
    } catch (error) {
      return Promise.reject(CcError.from(error));
    }
    return once(key, () => execute(built));
  };

  dispatch({ type: 'connection.changed', status: 'connecting', at: scheduler.now() });
  subscriptions.add(
    adapter.events$.subscribe({
      next: (event) => dispatch(stamp(event)),
      error: (error: unknown) =>
        dispatch({ type: 'connection.changed', status: 'failed', error: CcError.from(error).toInfo(), at: scheduler.now() }),
    }),
  );

  // A backend that cannot sign one medium in again gets no retries: trying would only replace the
  // real failure reason with "unsupported".
  if (supports(adapter.capabilities, 'media.signIn')) {
    subscriptions.add(
      runRetries(
        retrySteps(store.state$, scheduler),
        (step) => dispatch({ type: 'media.retrying', media: step.media, attempt: step.attempt, at: scheduler.now() }),
        (media) =>
          execute({ type: 'media.signIn', media }).catch((error: unknown) => {
            // A late refusal must not undo a state the backend reported since.
            if (store.state.media[media]?.status !== 'signingIn') return;
            dispatch({ type: 'media.stateChanged', media, status: 'failed', error: CcError.from(error).toInfo(), at: scheduler.now() });
          }),
      ).subscribe(),
    );
  }

  let sent = 0;

  /** TP-4: unsaved customer edits stop End and Transfer until saved or knowingly discarded. */
  function requireSavedCustomer(taskId: string, discard: boolean): void {
    if (!discard && store.state.customerEdits[taskId] !== undefined) throw new CcError('customer.unsaved');
  }

  function discardCustomerEdits(taskId: string): void {
    if (store.state.customerEdits[taskId] !== undefined)
      dispatch({ type: 'customer.edited', taskId, edits: undefined, at: scheduler.now() });
  }

  /** TP-5: fetch a thread; a failure is kept with its error for "Retry". */
  function loadThread(taskId: string): Promise<void> {
    return once(`thread.load:${taskId}`, async () => {
      dispatch({ type: 'thread.loading', taskId, at: scheduler.now() });
      try {
        await execute({ type: 'thread.load', taskId });
      } catch (error) {
        const info = CcError.from(error).toInfo();
        dispatch({ type: 'thread.failed', taskId, error: info, at: scheduler.now() });
        throw CcError.from(error);
      }
    });
  }

  // TP-5: a digital conversation the agent holds gets its thread without being asked.
  if (supports(adapter.capabilities, 'thread.load')) {
    subscriptions.add(
      store
        .select((s) =>
          s.tasks.filter((t) => t.media !== 'voice' && t.status !== 'offered' && s.threads[t.id] === undefined).map((t) => t.id),
        )
        .subscribe((ids) => {
          for (const taskId of ids) loadThread(taskId).catch(() => {});
        }),
    );
  }

  // TP-2/TP-14: with nothing selected (the first accepted task, or the selected one left), the
  // last accepted conversation is shown.
  subscriptions.add(
    store
      .select((s) => (s.selectedTaskId === undefined ? lastAccepted(s.tasks)?.id : undefined))
      .subscribe((taskId) => {
        if (taskId !== undefined) dispatch({ type: 'task.selected', taskId, at: scheduler.now() });
      }),
  );

  // TP-13/EM-7: drafts typed before a reload come back once their tasks are known again.
  let storedDrafts: Readonly<Record<string, Draft>> | undefined;
  const restoreDrafts = () => {
    if (!storedDrafts) return;
    for (const task of store.state.tasks) {
      const draft = storedDrafts[task.id];
      if (draft === undefined || store.state.drafts[task.id] !== undefined) continue;
      dispatch({ type: 'draft.changed', taskId: task.id, draft, at: scheduler.now() });
    }
  };
  void loadDrafts(storage).then((drafts) => {
    storedDrafts = drafts;
    restoreDrafts();
  });
  subscriptions.add(store.select((s) => s.tasks).subscribe(restoreDrafts));

  let savingDrafts: Promise<void> = Promise.resolve();
  function persistDrafts(): Promise<void> {
    // The state holds every live draft (restored ones included); gone tasks' drafts leave storage.
    const drafts = store.state.drafts;
    storedDrafts = drafts;
    const save = savingDrafts.then(() => saveDrafts(storage, drafts));
    savingDrafts = save.catch(() => {});
    return save.catch((error: unknown) => {
      throw new CcError('storage.failed', undefined, { cause: error });
    });
  }

  const select = <T>(project: (state: CcState) => T, compare?: (a: T, b: T) => boolean) => store.select(project, compare);
  const task$ = (taskId: string) => select((s) => s.tasks.find((t) => t.id === taskId));
  const offerRemaining$ = (taskId: string) =>
    remaining(task$(taskId).pipe(map((t) => (t?.status === 'offered' ? t.offerExpiresAt : undefined))), scheduler);
  // TP-15: a clock stopped by a voice call shows the time it had; stopped time never counts.
  const callDuration$ = (taskId: string) =>
    task$(taskId).pipe(
      map((t) => {
        if (!t || (t.status !== 'active' && t.status !== 'held') || t.startedAt === undefined) return undefined;
        return { start: t.startedAt + (t.pausedMs ?? 0), stoppedAt: t.pausedSince };
      }),
      distinctUntilChanged((a, b) => a?.start === b?.start && a?.stoppedAt === b?.stoppedAt),
      switchMap((clock) =>
        clock?.stoppedAt === undefined ? elapsedSince(of(clock?.start), scheduler) : of(Math.max(0, clock.stoppedAt - clock.start)),
      ),
    );
  const clock$ = defer(() => {
    const now = scheduler.now();
    return timer(1000 - (now % 1000), 1000, scheduler).pipe(
      map(() => scheduler.now()),
      startWith(now),
    );
  }).pipe(share());
  // SV-1: the roster as a list, and the supervisor's favourites (loaded from storage once).
  // One list for every subscriber (the grid, a host's own view): it is rebuilt once per change.
  const roster$ = select((s) => s.roster).pipe(
    map((roster) => Object.values(roster)),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
  const favourites$ = new BehaviorSubject<ReadonlySet<string>>(new Set());
  void loadFavourites(storage).then((stored) => {
    if (favourites$.value.size === 0 && stored.size > 0) favourites$.next(stored);
  });
  // PL-4: the chosen language, loaded from storage once; a choice made before it loads wins.
  const locale$ = new BehaviorSubject<string | undefined>(undefined);
  let localeChosen = false;
  void loadLocale(storage).then((stored) => {
    if (!localeChosen && stored !== undefined) locale$.next(stored);
  });
  let savingLocale: Promise<void> = Promise.resolve();
  const agentName = (agentId: string) => store.state.roster[agentId]?.name ?? agentId;
  /** SV-3/SV-4: the allowed actions, or a refusal when the agent is not on the roster. */
  const actionsFor = (agentId: string) => {
    const agent = store.state.roster[agentId];
    if (!agent) throw new CcError('command.notAllowed', `"${agentId}" is not one of your agents.`);
    return agentActions(agent, store.state.tenant.supervisor);
  };
  const channels$ = select(channelViews, (a, b) => a.length === b.length && a.every((v, i) => sameView(v, b[i]!)));

  return {
    state$: store.state$,
    get state() {
      return store.state;
    },
    capabilities: adapter.capabilities,
    scheduler,
    connection$: select((s) => s.connection),
    profile$: select((s) => s.profile),
    tenant$: select((s) => s.tenant),
    session$: select((s) => s.session),
    channels$,
    indicator$: select(indicatorState),
    signOutAllowance$: select(signOutAllowance, (a, b) => a.allowed === b.allowed && sameItems(a.blockers, b.blockers)),
    tasks$: select((s) => s.tasks),
    queues$: select((s) => s.queues),
    notices$: select((s) => s.notices),
    clock$,
    select,
    can: (type) => supports(adapter.capabilities, type),
    stateMenu$: (target) => select((s) => stateMenu(s, target), sameRequests),
    timeInState$: (channel) => elapsedSince(channels$.pipe(map((views) => views.find((v) => v.channel === channel)?.since)), scheduler),

    task$,
    remaining$: (deadline) => remaining(of(deadline), scheduler),
    offerRemaining$,
    callDuration$,
    wrapUp$: (taskId) => select((s) => wrapUpView(s, taskId), sameWrapUpView),
    taskTimes$(which) {
      return select((s) => s.tasks.filter(which).map((t) => t.id), sameItems).pipe(
        switchMap((ids) =>
          ids.length === 0
            ? of(new Map<string, TaskTimes>())
            : combineLatest(
                ids.map((id) =>
                  combineLatest([offerRemaining$(id), callDuration$(id)]).pipe(
                    map(([offer, elapsed]): [string, TaskTimes] => [id, { offer, elapsed }]),
                  ),
                ),
              ).pipe(map((entries) => new Map(entries))),
        ),
      );
    },

    async signIn(request) {
      const { role, station, teamId, remember } = request;
      // Bad input is refused here too, so a host without the widget cannot send it either.
      checkSignIn(request, store.state.profile, store.state.tenant, adapter.capabilities);
      await execute({ type: 'session.signIn', role, station, ...(teamId === undefined ? {} : { teamId }) });
      if (remember === undefined) return { remembered: 'unchanged' };
      try {
        if (remember) await saveRememberedStation(storage, remember);
        else await forgetRememberedStation(storage);
        return { remembered: remember ? 'saved' : 'forgotten' };
      } catch {
        return { remembered: 'failed' };
      }
    },

    async signOut() {
      const allowance = signOutAllowance(store.state);
      if (!allowance.allowed) throw new CcError('command.notAllowed', signOutMessage(allowance));
      await execute({ type: 'session.signOut' });
    },

    async setChannelState(target, status, reasonId) {
      if (!store.state.session) throw new CcError('session.required');
      // Seed 002: specific Not Ready reasons are not offered for "All".
      if (target === 'all' && reasonId !== undefined)
        throw new CcError('command.notAllowed', 'Choose a Not Ready reason per channel, not for all channels.');
      if (reasonId !== undefined && !store.state.tenant.notReadyReasons.some((r) => r.id === reasonId)) {
        throw new CcError('command.notAllowed', `Unknown Not Ready reason "${reasonId}".`);
      }
      const media = mediaToChange(store.state, { target, status, ...(reasonId === undefined ? {} : { reasonId }) });
      if (media.length === 0) return;
      await executeWithRetry({
        type: 'media.setState',
        media,
        status,
        ...(status === 'notReady' && reasonId !== undefined ? { reasonId } : {}),
      });
    },

    rememberedStation: () => loadRememberedStation(storage),

    accept(taskId) {
      const key = `task.accept:${taskId}`;
      if (inFlight.has(key)) return inFlight.get(key)!;
      let task: Task;
      try {
        task = taskOf(taskId);
      } catch (error) {
        return Promise.reject(error);
      }
      // Accepted already (a late second click): nothing to do.
      if (task.status === 'active' || task.status === 'held') return Promise.resolve();
      return command(key, () => {
        requireCall(task, ['offered'], 'This interaction is not ringing any more.');
        if (isOfferExpired(task, scheduler.now())) throw new CcError('offer.expired');
        return { type: 'task.accept', taskId };
      });
    },
    decline(taskId) {
      return command(`task.decline:${taskId}`, () => {
        const task = taskOf(taskId);
        requireCall(task, ['offered'], 'This interaction is not ringing any more.');
        if (task.declinable === false)
          throw new CcError('command.notAllowed', `${task.queueName ?? 'This queue'} does not allow declining.`);
        return { type: 'task.decline', taskId };
      });
    },
    hold(taskId) {
      return command(`call.hold:${taskId}`, () => {
        requireCall(taskOf(taskId), ['active'], 'Only a connected call can be put on hold.');
        return { type: 'call.hold', taskId };
      });
    },
    resume(taskId) {
      return command(`call.resume:${taskId}`, () => {
        const task = taskOf(taskId);
        requireCall(task, ['held'], 'The call is not on hold.');
        if (task.consult && task.consult.status !== 'failed') {
          throw new CcError('command.notAllowed', 'End or complete the consultation before resuming the caller.');
        }
        return { type: 'call.resume', taskId };
      });
    },
    setMuted(taskId, muted) {
      return command(`call.mute:${taskId}:${muted}`, () => {
        requireCall(taskOf(taskId), ['active', 'held'], 'There is no call to mute.');
        return { type: 'call.mute', taskId, muted };
      });
    },
    end(taskId, options = {}) {
      return command(`task.end:${taskId}`, () => {
        requireCall(taskOf(taskId), ['active', 'held'], 'There is nothing in progress to end.');
        requireSavedCustomer(taskId, options.discardUnsaved === true);
        return { type: 'task.end', taskId };
      }).then(() => discardCustomerEdits(taskId));
    },
    transfer(taskId, targetId) {
      return command(`call.transfer:${taskId}`, () => {
        requireCall(taskOf(taskId), ['active', 'held'], 'Only a connected call can be transferred.');
        requireTarget(targetId);
        return { type: 'call.transfer', taskId, targetId };
      });
    },
    consult(taskId, targetId) {
      return command(`call.consult:${taskId}`, () => {
        const task = taskOf(taskId);
        requireCall(task, ['active', 'held'], 'Only a connected call can be consulted on.');
        if (task.consult && task.consult.status !== 'failed')
          throw new CcError('command.notAllowed', 'A consultation is already under way.');
        requireTarget(targetId);
        return { type: 'call.consult', taskId, targetId };
      });
    },
    completeConsult(taskId) {
      return command(`call.consultComplete:${taskId}`, () => {
        if (taskOf(taskId).consult?.status !== 'connected') {
          throw new CcError('command.notAllowed', 'The consulted party has not answered yet.');
        }
        return { type: 'call.consultComplete', taskId };
      });
    },
    cancelConsult(taskId) {
      return command(`call.consultCancel:${taskId}`, () => {
        if (!taskOf(taskId).consult) throw new CcError('command.notAllowed', 'There is no consultation to end.');
        return { type: 'call.consultCancel', taskId };
      });
    },
    sendDtmf(taskId, digits) {
      return command(`call.dtmf:${taskId}:${digits}`, () => {
        requireCall(taskOf(taskId), ['active'], 'Keypad tones need a connected call.');
        if (!/^[0-9*#A-D]+$/i.test(digits)) throw new CcError('dtmf.invalid');
        return { type: 'call.dtmf', taskId, digits: digits.toUpperCase() };
      });
    },
    async chooseWrapUpReason(taskId, reasonId) {
      // A reason is chosen in wrap-up (WU-2), or before transferring a conversation (TP-15).
      if (!holdsWrapUpChoice(taskOf(taskId))) throw new CcError('command.notAllowed', 'This interaction is not in wrap-up.');
      if (reasonId !== undefined && !store.state.tenant.wrapUpReasons.some((r) => r.id === reasonId)) {
        throw new CcError('command.notAllowed', `Unknown wrap-up reason "${reasonId}".`);
      }
      dispatch({ type: 'wrapUp.reasonChosen', taskId, reasonId, at: scheduler.now() });
      await persistWrapUpChoices();
    },
    closeWrapUp(taskId) {
      return command(`task.close:${taskId}`, () => {
        const view = wrapUpView(store.state, taskOf(taskId).id);
        if (!view) throw new CcError('command.notAllowed', 'This interaction is not in wrap-up.');
        const expired = view.expiresAt !== undefined && scheduler.now() >= view.expiresAt;
        if (!view.canClose && !expired) throw new CcError('wrapUp.reasonRequired');
        return { type: 'task.close', taskId, ...(view.reasonId === undefined ? {} : { reasonId: view.reasonId }) };
      });
    },
    async confirmQueues(mode, ticks) {
      if (!store.state.session) throw new CcError('session.required');
      const { changes, vanished } = queueSelection(store.state.queues, ticks, mode);
      if (changes.length === 0) return { applied: [], vanished };
      await once(`queues:${mode}`, () => execute({ type: mode === 'agent' ? 'queues.setEnabled' : 'queues.setMonitored', changes }));
      return { applied: changes, vanished };
    },
    dismissNotice(id) {
      dispatch({ type: 'notice.dismissed', id, at: scheduler.now() });
    },

    thread$: (taskId) => select((s) => s.threads[taskId]),
    unread$: select((s) => s.unread),
    totalUnread$: select((s) => Object.values(s.unread).reduce((sum, n) => sum + n, 0)),
    selectedTaskId$: select((s) => s.selectedTaskId),
    selectTask(taskId) {
      dispatch({ type: 'task.selected', taskId, at: scheduler.now() });
    },
    loadThread,
    draft$: (taskId) => select((s) => s.drafts[taskId]),
    async saveDraft(taskId, draft) {
      taskOf(taskId);
      dispatch({ type: 'draft.changed', taskId, draft: draft && !isEmptyDraft(draft) ? draft : undefined, at: scheduler.now() });
      await persistDrafts();
    },
    sendMessage(taskId, message) {
      let task: Task;
      try {
        task = taskOf(taskId);
        requireCall(task, ['active'], 'Messages can be sent only in an accepted conversation.');
        // TP-6: the limit is the chat/SMS/social composer's; an email body has none (seed 002).
        if (task.media !== 'email') {
          const limit = store.state.tenant.digital.composerLimit;
          const { over, canSend } = composerCheck(message.text ?? '', limit, message.attachments?.length ?? 0);
          if (over > 0) throw new CcError('message.tooLong', `The message is ${over} characters over the limit of ${limit}.`);
          if (!canSend) throw new CcError('command.notAllowed', 'Write a message or attach a file first.');
        }
        // EM-3/EM-5: only the conversation's own attachments go along, and never one PCI validation blocked.
        for (const id of message.forwardedAttachmentIds ?? []) {
          const found = store.state.threads[taskId]?.messages.flatMap((m) => m.attachments ?? []).find((a) => a.id === id);
          if (!found) throw new CcError('attachment.refused', 'A forwarded attachment is not part of this conversation.');
          if (found.blocked) throw new CcError('attachment.refused', `${found.name} failed PCI validation and cannot be forwarded.`);
        }
      } catch (error) {
        return Promise.reject(CcError.from(error));
      }
      const clientId = message.clientId ?? `local-${taskId}-${scheduler.now()}-${sent++}`;
      const outgoing: OutgoingMessage = { ...message, clientId };
      const forwarded = (message.forwardedAttachmentIds ?? []).map((id) =>
        store.state.threads[taskId]!.messages.flatMap((m) => m.attachments ?? []).find((a) => a.id === id)!,
      );
      const files: Attachment[] = [
        ...(message.attachments ?? []).map((a, i) => ({
          id: `${clientId}-a${i}`,
          name: a.name,
          size: a.size,
          type: a.type,
          ...(a.inline ? { inline: true } : {}),
        })),
        ...forwarded.map(({ name, size, type }, i) => ({ id: `${clientId}-f${i}`, name, size, type })),
      ];
      // TP-12: shown at once as "sending"; the backend's copy (same id) replaces it.
      const local: Message = {
        id: clientId,
        taskId,
        author: 'agent',
        at: scheduler.now(),
        receipt: 'sending',
        ...(message.text === undefined ? {} : { text: message.text }),
        ...(message.html === undefined ? {} : { html: message.html }),
        ...(store.state.profile ? { authorName: store.state.profile.name } : {}),
        // What the agent sees while it goes: the email's headers and the files' names and sizes.
        ...(message.email === undefined
          ? {}
          : {
              email: {
                from: task.mailbox ?? '',
                to: message.email.to,
                cc: message.email.cc,
                subject: message.email.subject,
                kind: 'sent' as const,
              },
            }),
        ...(files.length === 0 ? {} : { attachments: files }),
      };
      dispatch({ type: 'message.added', message: local, at: scheduler.now() });
      return once(`message.send:${clientId}`, () => execute({ type: 'message.send', taskId, message: outgoing })).then(
        async () => {
          dispatch({ type: 'draft.changed', taskId, draft: undefined, at: scheduler.now() });
          await persistDrafts().catch(() => {});
        },
        (error: unknown) => {
          const info = CcError.from(error);
          const current = store.state.threads[taskId]?.messages.find((m) => m.id === clientId) ?? local;
          dispatch({ type: 'message.updated', message: { ...current, receipt: 'failed', error: info.toInfo() }, at: scheduler.now() });
          throw info;
        },
      );
    },
    customerEdits$: (taskId) => select((s) => s.customerEdits[taskId]),
    editCustomer(taskId, edits) {
      dispatch({ type: 'customer.edited', taskId, edits, at: scheduler.now() });
    },
    saveCustomer(taskId) {
      return command(`customer.save:${taskId}`, () => {
        const task = taskOf(taskId);
        const edits = store.state.customerEdits[taskId] ?? {};
        const fields = Object.entries(edits).map(([id, value]) => {
          const field = task.customer?.find((f) => f.id === id);
          if (!field?.editable) throw new CcError('command.notAllowed', `The field "${field?.label ?? id}" cannot be edited.`);
          return { id, value };
        });
        if (fields.length === 0) throw new CcError('command.notAllowed', 'There is nothing to save.');
        return { type: 'customer.save', taskId, fields };
      }).then(() => discardCustomerEdits(taskId));
    },
    runWorkflow(taskId, workflowId, parameters) {
      return command(`workflow.run:${taskId}:${workflowId}`, () => {
        taskOf(taskId);
        const workflow = store.state.tenant.digital.workflows.find((w) => w.id === workflowId);
        if (!workflow) throw new CcError('command.notAllowed', `Unknown workflow "${workflowId}".`);
        const missing = workflow.parameters.filter((p) => p.required && !parameters[p.id]?.trim());
        if (missing.length > 0) {
          throw new CcError('workflow.parameterMissing', `Fill in ${missing.map((p) => p.label).join(', ')} to run ${workflow.name}.`);
        }
        return { type: 'workflow.run', taskId, workflowId, parameters };
      });
    },
    transferView$: (taskId) => select((s) => digitalTransferView(s, taskId), sameTransferView),
    transferTask(taskId, targetId, options = {}) {
      return command(`task.transfer:${taskId}`, () => {
        taskOf(taskId);
        const view = digitalTransferView(store.state, taskId);
        if (!view) throw new CcError('command.notAllowed', 'Only a conversation in progress can be transferred.');
        if (!view.targets.some((t) => t.id === targetId)) {
          throw new CcError('command.notAllowed', `"${targetId}" is not a routing point for this kind of conversation.`);
        }
        if (view.pausedByVoiceCall) throw new CcError('command.notAllowed', 'Transfer is unavailable while you are on a voice call.');
        if (view.reasonRequired && view.reasonId === undefined) {
          throw new CcError('wrapUp.reasonRequired', 'Choose a wrap-up reason before transferring.');
        }
        requireSavedCustomer(taskId, options.discardUnsaved === true);
        return { type: 'task.transfer', taskId, targetId, ...(view.reasonId === undefined ? {} : { reasonId: view.reasonId }) };
      }).then(() => discardCustomerEdits(taskId));
    },
    extendInactivity(taskId) {
      return command(`inactivity.extend:${taskId}`, () => {
        const task = taskOf(taskId);
        if (task.timers?.inactivityExtensionMs === undefined)
          throw new CcError('command.notAllowed', 'This queue does not allow extending the time.');
        return { type: 'inactivity.extend', taskId };
      });
    },
    roster$,
    rosterView$: (query) =>
      combineLatest([roster$, favourites$]).pipe(map(([agents, favourites]) => rosterView(agents, query, favourites))),
    favourites$,
    async toggleFavourite(agentId) {
      const next = new Set(favourites$.value);
      if (!next.delete(agentId)) next.add(agentId);
      favourites$.next(next);
      try {
        await saveFavourites(storage, next);
      } catch (error) {
        throw new CcError('storage.failed', undefined, { cause: error });
      }
    },
    locale$: locale$.pipe(distinctUntilChanged()),
    setLocale(locale) {
      if (locale !== undefined && !isLocaleTag(locale)) {
        return Promise.reject(new CcError('command.notAllowed', `"${String(locale)}" is not a language tag (e.g. "fr" or "ro-RO").`));
      }
      localeChosen = true;
      locale$.next(locale);
      // Saves in order, so the last choice is the one kept.
      const save = savingLocale.then(() => saveLocale(storage, locale));
      savingLocale = save.catch(() => undefined);
      return save.catch((error: unknown) => {
        throw new CcError('storage.failed', undefined, { cause: error });
      });
    },
    agentActions$: (agentId) =>
      select(
        (s) => {
          const agent = s.roster[agentId];
          return agent ? agentActions(agent, s.tenant.supervisor) : undefined;
        },
        (a, b) => JSON.stringify(a) === JSON.stringify(b),
      ),
    setAgentStatus(agentId, status, reasonId) {
      return command(`supervisor.setAgentStatus:${agentId}`, () => {
        const allowed = actionsFor(agentId).statuses;
        if (!allowed.includes(status)) {
          throw new CcError(
            'command.notAllowed',
            store.state.tenant.supervisor.changeAgentStatus
              ? `${agentName(agentId)} cannot be moved to that status now.`
              : 'This contact center does not let supervisors change an agent’s status.',
          );
        }
        if (reasonId !== undefined && !store.state.tenant.notReadyReasons.some((r) => r.id === reasonId)) {
          throw new CcError('command.notAllowed', `Unknown reason "${reasonId}".`);
        }
        return {
          type: 'supervisor.setAgentStatus',
          agentId,
          status,
          ...(status === 'notReady' && reasonId !== undefined ? { reasonId } : {}),
        };
      });
    },
    setAgentQueue(agentId, queueId, enabled) {
      return command(`supervisor.setAgentQueue:${agentId}:${queueId}`, () => {
        if (!actionsFor(agentId).changeQueues) {
          throw new CcError('command.notAllowed', 'This contact center does not let supervisors change an agent’s queues.');
        }
        if (!store.state.roster[agentId]!.queues.some((q) => q.queueId === queueId)) throw new CcError('queue.unknown');
        return { type: 'supervisor.setAgentQueue', agentId, queueId, enabled };
      });
    },
    monitor(agentId, taskId, mode) {
      return command(`supervisor.monitor:${taskId}`, () => {
        const call = actionsFor(agentId).monitor.find((m) => m.taskId === taskId);
        if (!call || !call.modes.includes(mode)) {
          throw new CcError(
            'command.notAllowed',
            call ? 'This contact center does not allow that kind of monitoring.' : 'That call cannot be monitored now.',
          );
        }
        return { type: 'supervisor.monitor', agentId, taskId, mode };
      });
    },
    stopMonitor(agentId, taskId) {
      return command(`supervisor.stopMonitor:${taskId}`, () => ({ type: 'supervisor.stopMonitor', agentId, taskId }));
    },
    beingMonitored$: select((s) => s.beingMonitored),
    execute,
    dispose() {
      subscriptions.unsubscribe();
      store.complete();
    },
  };
}

/** TP-14: the digital conversation accepted last that is still in progress. */
function lastAccepted(tasks: readonly Task[]): Task | undefined {
  return tasks
    .filter((t) => t.media !== 'voice' && (t.status === 'active' || t.status === 'held'))
    .reduce<Task | undefined>((last, t) => (!last || (t.startedAt ?? t.since) >= (last.startedAt ?? last.since) ? t : last), undefined);
}

function sameRequests(a: readonly StateChangeRequest[], b: readonly StateChangeRequest[]): boolean {
  return (
    a.length === b.length && a.every((r, i) => r.status === b[i]!.status && r.reasonId === b[i]!.reasonId && r.target === b[i]!.target)
  );
}

function sameView(a: ChannelView, b: ChannelView): boolean {
  return a.status === b.status && a.reasonId === b.reasonId && a.since === b.since && sameItems(a.media, b.media);
}

function signOutMessage(allowance: SignOutAllowance): string {
  const reasons: Record<string, string> = {
    notSignedIn: 'You are not signed in.',
    channelReady: 'Set every channel to Not Ready first.',
    activeWork: 'Finish your active conversations first.',
    wrapUp: 'Finish your wrap-up first.',
  };
  return allowance.blockers.map((b) => reasons[b]).join(' ');
}
