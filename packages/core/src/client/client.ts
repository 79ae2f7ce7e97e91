// createClient(): the one object a host or a widget holds. It connects the adapter to the store,
// runs the core's rules on the injected scheduler, and turns intentions into checked commands.

import {
  asyncScheduler,
  defer,
  lastValueFrom,
  map,
  retry,
  Subscription,
  throwError,
  timer,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import { supports, type Adapter, type Capabilities } from '../adapter.js';
import { CcError } from '../errors.js';
import type { AgentProfile, AgentSession, Role, Station } from '../model/agent.js';
import type { Channel, ChannelView, IndicatorState } from '../model/channel.js';
import type { ConnectionState } from '../model/connection.js';
import type { Task } from '../model/task.js';
import type { TenantSettings } from '../model/tenant.js';
import { checkSignIn } from '../rules/station.js';
import { channelViews, indicatorState, mediaToChange, stateMenu, type ChannelTarget, type StateChangeRequest } from '../rules/channels.js';
import { runRetries, retrySteps } from '../rules/retry.js';
import { signOutAllowance, type SignOutAllowance } from '../rules/sign-out.js';
import { elapsedSince } from '../rules/time-in-state.js';
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
import type { Command, CommandType } from './commands.js';

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
  select<T>(project: (state: CcState) => T, compare?: (a: T, b: T) => boolean): Observable<T>;
  /** Whether the backend carries out this command; widgets hide what it does not. */
  can(type: CommandType): boolean;
  /** ST-1/ST-3: what a target's state menu offers (never the state or reason already chosen). */
  stateMenu$(target: ChannelTarget): Observable<readonly StateChangeRequest[]>;
  /** ST-9: milliseconds in the channel's current state, ticking each second. */
  timeInState$(channel: Channel): Observable<number | undefined>;
  signIn(request: SignInRequest): Promise<SignInResult>;
  signOut(): Promise<void>;
  /** ST-1/ST-4: move one group or all groups; resolves at once when nothing needs to change. */
  setChannelState(target: ChannelTarget, status: 'ready' | 'notReady', reasonId?: string): Promise<void>;
  rememberedStation(): Promise<RememberedStation | undefined>;
  /** Send a command as is, after the capability check. */
  execute(command: Command): Promise<void>;
  /** Close the connection and stop every rule. */
  dispose(): void;
}

export function createClient(options: ClientOptions): CcClient {
  const { adapter } = options;
  const scheduler = options.scheduler ?? asyncScheduler;
  const storage = options.storage ?? memoryStorage();
  const store = new Store();
  const subscriptions = new Subscription();

  const dispatch = (event: DomainEvent) => store.dispatch(event);
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
    select,
    can: (type) => supports(adapter.capabilities, type),
    stateMenu$: (target) => select((s) => stateMenu(s, target), sameRequests),
    timeInState$: (channel) => elapsedSince(channels$.pipe(map((views) => views.find((v) => v.channel === channel)?.since)), scheduler),

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
