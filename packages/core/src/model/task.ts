// Work items: a call, a callback, later a chat or an email. One shape for every medium so the
// rules (offers, RONA, wrap-up) and the sign-out check treat them alike; voice fields are optional.

import type { ErrorInfo, Media } from './channel.js';
import type { CustomerField, ResponseTimers } from './digital.js';

export const TASK_STATUSES = ['offered', 'active', 'held', 'wrapUp'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export type Direction = 'inbound' | 'outbound';

/**
 * CB-3: a consultation call the agent placed while the customer waits on hold. `failed` (the
 * target declined or did not answer) stays until the agent cancels it, so the reason is not lost.
 */
export interface Consultation {
  readonly targetId: string;
  readonly targetName: string;
  readonly status: 'ringing' | 'connected' | 'failed';
  readonly since: number;
  readonly error?: ErrorInfo;
}

/** WU-2/WU-3: the wrap-up the backend asks for once the interaction ended. */
export interface WrapUp {
  /** WU-2: Close stays disabled until a reason is chosen. */
  readonly forced: boolean;
  /** Server deadline (scheduler ms); at zero the interaction closes with the reason chosen so far. */
  readonly expiresAt?: number;
}

export interface Task {
  readonly id: string;
  readonly media: Media;
  readonly status: TaskStatus;
  /** Scheduler time (ms) the current status began. */
  readonly since: number;
  readonly direction?: Direction;
  /** The customer: caller id (E.164) for calls, the callback number for callbacks (CB-4). */
  readonly from?: string;
  readonly customerName?: string;
  readonly queueId?: string;
  readonly queueName?: string;
  /** CB-4: an outbound callback the customer asked for in the IVR. */
  readonly callback?: boolean;
  /**
   * DX-6: whether this offer may be declined — a setting of its queue (skill). Absent means the
   * backend's capability decides (`task.decline`).
   */
  readonly declinable?: boolean;
  /** CB-1: the server's acceptance deadline (scheduler ms) while offered. */
  readonly offerExpiresAt?: number;
  /** CB-3: when the agent was connected; the call duration counts from it. */
  readonly startedAt?: number;
  readonly muted?: boolean;
  readonly consult?: Consultation;
  /** Present while status is wrapUp. */
  readonly wrapUp?: WrapUp;
  /** TP-1/TP-4/EM-1: the customer details the backend shows for this contact (up to 10 visible, then scroll). */
  readonly customer?: readonly CustomerField[];
  /** DX-7: the integration-defined channel type, when the contact came through one. */
  readonly channelTypeId?: string;
  /** DX-2/DX-3: the response timers of this contact's queue. */
  readonly timers?: ResponseTimers;
  /** DX-3: the customer-inactivity deadline the backend holds (it unassigns at zero); moved by "extend". */
  readonly inactivityExpiresAt?: number;
  /** DX-4: when the customer's request began (the SLA clock starts there, not at assignment). */
  readonly requestedAt?: number;
  /**
   * TP-15: while the agent is on a voice call, a medium set to `pause` (`DigitalSettings.duringVoiceCall`)
   * stops this interaction's clock and its transfer: since when the backend stopped it.
   */
  readonly pausedSince?: number;
  /** TP-15: how long the clock was stopped by earlier voice calls (ms); the duration leaves it out. */
  readonly pausedMs?: number;
  /** EM-3: the contact center's own address for an email task (what Reply all leaves out, the From of replies). */
  readonly mailbox?: string;
}

/** Why a task left the agent — RONA and declines have consequences (ST-6, ST-8). */
/** `unassigned`: DX-3, the customer did not answer before the inactivity deadline. */
export const TASK_END_REASONS = ['closed', 'rona', 'declined', 'abandoned', 'transferred', 'taken', 'unassigned'] as const;
export type TaskEndReason = (typeof TASK_END_REASONS)[number];

/** Offers, calls on hold and active calls: work the agent still has in hand. */
export function isLive(task: Task): boolean {
  return task.status === 'offered' || task.status === 'active' || task.status === 'held';
}
