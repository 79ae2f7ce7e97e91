// createClient(): the one object a host or a widget holds. It connects the adapter to the store,
// runs the core's rules on the injected scheduler, and turns intentions into checked commands.

import {
  asyncScheduler,
  defer,
  lastValueFrom,
  map,
  of,
  retry,
  share,
  startWith,
  Subscription,
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
import { sameWrapUpView, wrapUpsDue, wrapUpView, type WrapUpView } from '../rules/wrap-up.js';
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
import type { Command, CommandType, QueueChange } from './commands.js';

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
  /** CB-3: hang up; the task goes to wrap-up or closes (WU-1). */
  end(taskId: string): Promise<void>;
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
  /** Send a command as is, after the capability check. */
  execute(command: Command): Promise<void>;
  /** Close the connection and stop every rule. */
  dispose(): void;
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
    if (event.type === 'task.removed' && event.taskId in before.wrapUpChoices) persistWrapUpChoices();
  };
  const stamp = (event: DomainEventInput): DomainEvent => ({ ...event, at: event.at ?? scheduler.now() }) as DomainEvent;

  const execute = async (command: Command): Promise<void> => {
    if (!supports(adapter.capabilities, command.type)) throw new CcError('command.unsupported');
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
      if (task.status !== 'wrapUp' || reasonId === undefined || wrapUpChoices[task.id] !== undefined) continue;
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

  const select = <T>(project: (state: CcState) => T, compare?: (a: T, b: T) => boolean) => store.select(project, compare);
  const task$ = (taskId: string) => select((s) => s.tasks.find((t) => t.id === taskId));
  const clock$ = defer(() => {
    const now = scheduler.now();
    return timer(1000 - (now % 1000), 1000, scheduler).pipe(
      map(() => scheduler.now()),
      startWith(now),
    );
  }).pipe(share());
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
    offerRemaining$: (taskId) =>
      remaining(task$(taskId).pipe(map((t) => (t?.status === 'offered' ? t.offerExpiresAt : undefined))), scheduler),
    callDuration$: (taskId) =>
      elapsedSince(
        task$(taskId).pipe(map((t) => (t && (t.status === 'active' || t.status === 'held') ? t.startedAt : undefined))),
        scheduler,
      ),
    wrapUp$: (taskId) => select((s) => wrapUpView(s, taskId), sameWrapUpView),

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
        requireCall(taskOf(taskId), ['offered'], 'This interaction is not ringing any more.');
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
    end(taskId) {
      return command(`task.end:${taskId}`, () => {
        requireCall(taskOf(taskId), ['active', 'held'], 'There is no connected call to end.');
        return { type: 'task.end', taskId };
      });
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
      requireCall(taskOf(taskId), ['wrapUp'], 'This interaction is not in wrap-up.');
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
    execute,
    dispose() {
      subscriptions.unsubscribe();
      store.complete();
    },
  };
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
