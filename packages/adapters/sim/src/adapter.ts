// The core's Adapter port over the simulated contact center: one agent's connection to it, with a
// network round trip on every command and on connecting, all on the engine's scheduler.

import { Observable, Subscription } from 'rxjs';
import { CcError, COMMAND_TYPES, type Adapter, type Command, type CommandType, type DomainEventInput } from '@cc-elements/core';
import { SimContactCenter, type SimContactCenterOptions } from './engine.js';

export interface SimAdapterOptions extends SimContactCenterOptions {
  /**
   * A contact center shared with other adapters (other agents, other tabs, a supervisor). When
   * given, it brings its own scenario, scheduler, latency and seed, so those options must be absent.
   */
  readonly engine?: SimContactCenter;
  /** Which of the scenario's agents this connection is; the scenario's first when omitted. */
  readonly agentId?: string;
  /**
   * Commands this backend lacks (e.g. no consult, transfer or mute): left out of the capabilities,
   * so widgets hide those controls, and refused as unsupported if sent anyway. Adds to the
   * scenario's own `unsupportedCommands`.
   */
  readonly without?: readonly CommandType[];
}

export interface SimAdapter extends Adapter {
  /** The world behind this adapter, for tests and stories that inject faults or add agents. */
  readonly engine: SimContactCenter;
  readonly agentId: string;
}

const ENGINE_OPTIONS = [
  'scenario',
  'scheduler',
  'latencyMs',
  'jitter',
  'seed',
  'traffic',
  'wrapUpGraceMs',
  'consultDelayMs',
  'threadLoadMs',
  'rosterTickMs',
] as const satisfies readonly (keyof SimContactCenterOptions)[];

/** The commands the simulator carries out: every one the core knows — voice, digital and the supervisor's (SV-3, SV-4). */
export const SIM_COMMANDS: readonly CommandType[] = [...COMMAND_TYPES];

export function createSimAdapter(options: SimAdapterOptions = {}): SimAdapter {
  const given = ENGINE_OPTIONS.filter((key) => options[key] !== undefined);
  if (options.engine && given.length > 0) {
    throw new TypeError(`createSimAdapter: ${given.join(', ')} belong to the shared engine; set them when creating it.`);
  }
  const engine = options.engine ?? new SimContactCenter(options);
  const agentId = options.agentId ?? engine.defaultAgentId;
  // Fail at once on a typo: an adapter for nobody could only ever report errors.
  engine.profile(agentId);

  let connections = 0;
  /** When the last command reaches the server: commands of one connection arrive in the order sent. */
  let lastArrival = -Infinity;
  /** Commands on their way to the server, each with how to give up on it if the connection closes. */
  const inFlight = new Map<Subscription, () => void>();

  const abandonInFlight = () => {
    const abandoned = [...inFlight];
    inFlight.clear();
    lastArrival = -Infinity;
    for (const [roundTrip, abandon] of abandoned) {
      roundTrip.unsubscribe();
      abandon();
    }
  };

  const events$ = new Observable<DomainEventInput>((subscriber) => {
    connections += 1;
    const connection = new Subscription();
    connection.add(
      engine.afterRoundTrip(() => {
        const at = engine.scheduler.now();
        subscriber.next({ type: 'connection.changed', status: 'connected', at });
        const snapshot = engine.snapshot(agentId);
        // Already signed in (a reload, a reconnect, another tab): re-read everything (SE-4).
        subscriber.next(
          snapshot.session
            ? { type: 'state.synced', snapshot, at }
            : { type: 'profile.loaded', profile: snapshot.profile, tenant: snapshot.tenant, at },
        );
        connection.add(engine.changesOf(agentId).subscribe((event) => subscriber.next(event)));
      }),
    );
    return () => {
      connection.unsubscribe();
      connections -= 1;
      // A promise that never settles would leave a button spinning; the caller hears "network".
      if (connections === 0) abandonInFlight();
    };
  });

  const missing = new Set<CommandType>([...(engine.scenario.unsupportedCommands ?? []), ...(options.without ?? [])]);
  const commands: readonly CommandType[] = SIM_COMMANDS.filter((type) => !missing.has(type));

  const execute = (command: Command): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (!commands.includes(command.type)) {
        reject(new CcError('command.unsupported'));
        return;
      }
      if (connections === 0) {
        reject(new CcError('network', 'Not connected to the simulator: subscribe to events$ first.'));
        return;
      }
      let answered = false;
      // Jitter must not reorder one agent's commands: "Ready" then "Not Ready" has to end Not Ready.
      const now = engine.scheduler.now();
      const delay = Math.max(engine.nextLatency(), lastArrival - now);
      lastArrival = now + delay;
      const roundTrip = engine.scheduler.schedule(() => {
        answered = true;
        inFlight.delete(roundTrip);
        try {
          engine.apply(agentId, command);
          resolve();
        } catch (error) {
          reject(CcError.from(error));
        }
      }, delay);
      if (!answered) {
        inFlight.set(roundTrip, () => reject(new CcError('network', 'The connection closed before the server answered.')));
      }
    });

  const { tenant } = engine.scenario;
  return {
    engine,
    agentId,
    capabilities: { commands, stationKinds: tenant.stationKinds, media: tenant.media },
    events$,
    execute,
  };
}
