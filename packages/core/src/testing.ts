// A scriptable adapter for tests of the core and of hosts: push events, answer commands.

import { Observable, Subject } from 'rxjs';
import type { Adapter, Capabilities } from './adapter.js';
import { COMMAND_TYPES, type Command } from './client/commands.js';
import { STATION_KINDS } from './model/agent.js';
import { MEDIA } from './model/channel.js';
import type { DomainEventInput } from './store/events.js';

export interface TestAdapter extends Adapter {
  /** Every command received, in order. */
  readonly commands: Command[];
  /** Emit a backend event. */
  emit(event: DomainEventInput): void;
  /** Decide how commands are answered (default: accepted, no events). */
  respond(handler: (command: Command) => void | Promise<void>): void;
  readonly subscribed: boolean;
}

export function createTestAdapter(capabilities: Partial<Capabilities> = {}): TestAdapter {
  const events = new Subject<DomainEventInput>();
  const commands: Command[] = [];
  let handler: (command: Command) => void | Promise<void> = () => {};
  let subscribers = 0;
  const events$ = new Observable<DomainEventInput>((subscriber) => {
    subscribers++;
    const subscription = events.subscribe(subscriber);
    return () => {
      subscribers--;
      subscription.unsubscribe();
    };
  });
  return {
    capabilities: { commands: COMMAND_TYPES, stationKinds: STATION_KINDS, media: MEDIA, ...capabilities },
    events$,
    commands,
    async execute(command) {
      commands.push(command);
      await handler(command);
    },
    emit: (event) => events.next(event),
    respond: (h) => void (handler = h),
    get subscribed() {
      return subscribers > 0;
    },
  };
}
