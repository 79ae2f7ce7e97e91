// What a supervisor sees and may do (SV-1…SV-5, seeds 000 and 001): the roster of agents with
// their live state, the queues' live figures (extra fields on Queue), and the policies that say
// which actions a backend lets a supervisor take on an agent.

import type { Channel, Media, MediaStatus } from './channel.js';
import type { TaskStatus } from './task.js';

/** SV-1: the agent's overall availability, as the supervisor reads it at a glance. */
export const ROSTER_STATUSES = ['signedOut', 'notReady', 'ready', 'busy', 'wrapUp'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

/** One interaction an agent is handling (SV-1 "active interactions"). */
export interface RosterInteraction {
  readonly id: string;
  readonly media: Media;
  readonly status: TaskStatus;
  /** Scheduler time the interaction's current status began. */
  readonly since: number;
  readonly queueId?: string;
  /** SV-4: the supervisor's own monitoring of this call, when there is one. */
  readonly monitoring?: MonitorMode;
}

/** SV-1: one agent of the supervisor's teams. */
export interface RosterAgent {
  readonly id: string;
  readonly name: string;
  readonly teamId?: string;
  readonly status: RosterStatus;
  /** The Not Ready reason, when there is one. */
  readonly reasonId?: string;
  /** Scheduler time the status (and reason) began; the grid ticks from it. */
  readonly since: number;
  /** Per channel group, the agent's state (absent groups are not signed in). */
  readonly channels: Readonly<Partial<Record<Channel, MediaStatus>>>;
  readonly interactions: readonly RosterInteraction[];
  /** Queues the agent takes work from (SV-3: each may be enabled or disabled for them). */
  readonly queues: readonly { readonly queueId: string; readonly enabled: boolean }[];
}

/** SV-4: how a supervisor joins an agent's call. */
export const MONITOR_MODES = ['monitor', 'whisper', 'barge'] as const;
export type MonitorMode = (typeof MONITOR_MODES)[number];

/**
 * SV-3/SV-4: what the backend lets a supervisor do to an agent. 8x8-style supervisors cannot
 * change an agent's own status; Finesse-style ones can.
 */
export interface SupervisorPolicy {
  readonly changeAgentStatus: boolean;
  readonly changeAgentQueues: boolean;
  readonly monitorModes: readonly MonitorMode[];
}

export const DEFAULT_SUPERVISOR_POLICY: SupervisorPolicy = {
  changeAgentStatus: false,
  changeAgentQueues: false,
  monitorModes: [],
};

/** The agent's side of SV-4: who is listening to which call, when the backend says so. */
export interface BeingMonitored {
  readonly taskId: string;
  readonly mode: MonitorMode;
  readonly by?: string;
}
