// Domain events: what a backend says happened, in the core's words. Adapters emit them; the
// reducer folds them. `at` is scheduler time in ms; the client stamps events that lack it.

import type { AgentProfile, AgentSession } from '../model/agent.js';
import type { ErrorInfo, Media, MediaState, MediaStatus } from '../model/channel.js';
import type { ConnectionStatus } from '../model/connection.js';
import type { Task } from '../model/task.js';
import type { TenantSettings } from '../model/tenant.js';

export type DomainEvent =
  | { readonly type: 'connection.changed'; readonly status: ConnectionStatus; readonly error?: ErrorInfo; readonly at: number }
  | { readonly type: 'profile.loaded'; readonly profile: AgentProfile; readonly tenant: TenantSettings; readonly at: number }
  | { readonly type: 'session.signedIn'; readonly session: AgentSession; readonly at: number }
  | { readonly type: 'session.signedOut'; readonly reason?: ErrorInfo; readonly at: number }
  | {
      readonly type: 'media.stateChanged';
      readonly media: Media;
      readonly status: MediaStatus;
      readonly reasonId?: string;
      readonly error?: ErrorInfo;
      readonly at: number;
    }
  /** The core's own event: an automatic sign-in retry of a failed medium is under way (ST-5). */
  | { readonly type: 'media.retrying'; readonly media: Media; readonly attempt: number; readonly at: number }
  | { readonly type: 'task.updated'; readonly task: Task; readonly at: number }
  | { readonly type: 'task.removed'; readonly taskId: string; readonly at: number }
  /** A full re-read of the server's state, after connecting or reconnecting (SE-4). */
  | { readonly type: 'state.synced'; readonly snapshot: ServerSnapshot; readonly at: number };

export type DomainEventType = DomainEvent['type'];

/** An event as an adapter may emit it: `at` is optional, the client fills it from its scheduler. */
export type DomainEventInput = DomainEvent extends infer E ? (E extends { at: number } ? Omit<E, 'at'> & { at?: number } : never) : never;

export interface ServerSnapshot {
  readonly profile: AgentProfile;
  readonly tenant: TenantSettings;
  readonly session?: AgentSession;
  readonly media: readonly Omit<MediaState, 'attempts'>[];
  readonly tasks: readonly Task[];
}
