// The port every backend implements. An adapter turns its wire protocol into domain events and
// carries out commands; it never renders and never holds rules.

import type { Observable } from 'rxjs';
import type { CommandType, Command } from './client/commands.js';
import type { StationKind } from './model/agent.js';
import type { Media } from './model/channel.js';
import type { DomainEventInput } from './store/events.js';

export interface Capabilities {
  /** Commands this backend carries out; a widget hides controls for the others (never a dead button). */
  readonly commands: readonly CommandType[];
  /** Station kinds the backend can sign in with (the tenant narrows it further). */
  readonly stationKinds: readonly StationKind[];
  /** Media the backend knows. */
  readonly media: readonly Media[];
}

export interface Adapter {
  readonly capabilities: Capabilities;
  /**
   * The backend's events. Cold: subscribing opens the connection (the adapter reports
   * `connection.changed` and loads the profile), unsubscribing closes it.
   */
  readonly events$: Observable<DomainEventInput>;
  /**
   * Carry out a command. Resolves once the backend accepted it (its effects arrive as events);
   * rejects with a CcError a person can read.
   */
  execute(command: Command): Promise<void>;
}

export function supports(capabilities: Capabilities, type: CommandType): boolean {
  return capabilities.commands.includes(type);
}
