// Domain events: what a backend says happened, in the core's words. Adapters emit them; the
// reducer folds them. `at` is scheduler time in ms; the client stamps events that lack it.

import type { AgentProfile, AgentSession } from '../model/agent.js';
import type { ErrorInfo, Media, MediaState, MediaStatus } from '../model/channel.js';
import type { ConnectionStatus } from '../model/connection.js';
import type { Draft, Message } from '../model/message.js';
import type { Notice } from '../model/notice.js';
import type { Queue } from '../model/queue.js';
import type { BeingMonitored, RosterAgent } from '../model/supervisor.js';
import type { Task, TaskEndReason } from '../model/task.js';
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
  /** A task left the agent; `reason` drives RONA (ST-6) and the unavailable time after a decline (ST-8). */
  | { readonly type: 'task.removed'; readonly taskId: string; readonly reason?: TaskEndReason; readonly at: number }
  /** QL-1: the full list of the agent's queues (on sign-in); later changes come one by one. */
  | { readonly type: 'queues.loaded'; readonly queues: readonly Queue[]; readonly at: number }
  | { readonly type: 'queue.updated'; readonly queue: Queue; readonly at: number }
  | { readonly type: 'queue.removed'; readonly queueId: string; readonly at: number }
  /** The core's own: something the agent must be told (RONA, a decline, a failed consultation). */
  | { readonly type: 'notice.raised'; readonly notice: Notice; readonly at: number }
  | { readonly type: 'notice.dismissed'; readonly id: string; readonly at: number }
  /** TP-5: a task's thread is being fetched, arrived whole, or could not be fetched (Retry). */
  | { readonly type: 'thread.loading'; readonly taskId: string; readonly at: number }
  | { readonly type: 'thread.loaded'; readonly taskId: string; readonly messages: readonly Message[]; readonly at: number }
  | { readonly type: 'thread.failed'; readonly taskId: string; readonly error: ErrorInfo; readonly at: number }
  /** A message joined a thread (customer, agent, bot, announcement) or changed (TP-12 receipt). */
  | { readonly type: 'message.added'; readonly message: Message; readonly at: number }
  | { readonly type: 'message.updated'; readonly message: Message; readonly at: number }
  /** The core's own: TP-13/EM-7 the draft of a conversation changed (undefined: cleared or sent). */
  | { readonly type: 'draft.changed'; readonly taskId: string; readonly draft: Draft | undefined; readonly at: number }
  /** The core's own: TP-4 customer fields edited and not saved yet (undefined: saved or discarded). */
  | {
      readonly type: 'customer.edited';
      readonly taskId: string;
      readonly edits: Readonly<Record<string, string>> | undefined;
      readonly at: number;
    }
  /** The core's own: TP-2 the task the agent is looking at (its unread count clears). */
  | { readonly type: 'task.selected'; readonly taskId: string | undefined; readonly at: number }
  /** The core's own: WU-2 the reason chosen so far; kept through reloads and reconnects (WU-4). */
  | { readonly type: 'wrapUp.reasonChosen'; readonly taskId: string; readonly reasonId: string | undefined; readonly at: number }
  /** SV-1: the whole roster of the supervisor's teams (on sign-in and resync). */
  | { readonly type: 'roster.loaded'; readonly agents: readonly RosterAgent[]; readonly at: number }
  /** SV-1/SV-5: agents whose state changed; adapters send them in batches (one event per tick, not per agent). */
  | { readonly type: 'roster.changed'; readonly agents: readonly RosterAgent[]; readonly at: number }
  | { readonly type: 'roster.removed'; readonly agentIds: readonly string[]; readonly at: number }
  /** SV-4, agent side: a supervisor is (or no longer is) listening to one of my calls. */
  | { readonly type: 'monitoring.changed'; readonly monitoring: BeingMonitored | undefined; readonly at: number }
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
  /** The agent's queues; absent when the backend has no queue list. */
  readonly queues?: readonly Queue[];
  /** SV-1: a supervisor's roster; absent for an agent. */
  readonly roster?: readonly RosterAgent[];
  /** SV-4, agent side: a supervisor listening to one of my calls when the state was read. */
  readonly beingMonitored?: BeingMonitored;
}
