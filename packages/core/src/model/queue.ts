// QL-1…QL-7: the queues assigned to an agent (or monitored by a supervisor) with their live figures.

import type { Media } from './channel.js';
import type { Direction } from './task.js';

export interface Queue {
  readonly id: string;
  readonly name: string;
  readonly media: Media;
  /** Outbound phone queues carry IVR callbacks (QL-1). */
  readonly direction: Direction;
  /** QL-5: routing from this queue to me is on. Absent when I am not a member (a supervisor's queue). */
  readonly enabled?: boolean;
  /**
   * QL-7: I watch this queue (the blue check); it feeds the supervisor grid. Absent when I may not
   * monitor it (a plain agent).
   */
  readonly monitored?: boolean;
  /** Interactions being handled ("busy"). */
  readonly busy: number;
  readonly waiting: number;
  /** Scheduler time the longest-waiting interaction joined; absent when none waits (QL-2 ticks from it). */
  readonly oldestWaitingSince?: number;
  /** QL-6: agents signed in on this queue. */
  readonly agentsSignedIn: number;
  // SV-2: the live figures a supervisor reads, where the backend gives them.
  /** Interactions handled today (answered and finished). */
  readonly handled?: number;
  /** Interactions accepted by an agent today. */
  readonly accepted?: number;
  /** Callers or customers who gave up waiting today. */
  readonly abandoned?: number;
  /** Share of today's interactions answered within the target time (0–1). */
  readonly serviceLevel?: number;
  readonly agentsReady?: number;
  readonly agentsNotReady?: number;
  readonly agentsTalking?: number;
}

/** QL-1: the groups of the list, in display order. */
export const QUEUE_GROUPS = [
  'voice.inbound',
  'voice.outbound',
  'chat.inbound',
  'sms.inbound',
  'social.inbound',
  'email.inbound',
  'chat.outbound',
  'sms.outbound',
  'social.outbound',
  'email.outbound',
] as const;
export type QueueGroup = (typeof QUEUE_GROUPS)[number];

export function queueGroup(queue: Pick<Queue, 'media' | 'direction'>): QueueGroup {
  return `${queue.media}.${queue.direction}` as QueueGroup;
}

/** CB-3: where a call may be transferred or a consultation placed. */
export interface TransferTarget {
  readonly id: string;
  readonly name: string;
  readonly kind: 'queue' | 'routingPoint' | 'agent';
  /** TP-15: the media it takes; voice only when absent (digital tasks never see the voice directory). */
  readonly media?: readonly Media[];
}

/** TP-15: the targets that take a medium — voice calls never see digital routing points, and the reverse. */
export function transferTargetsFor(targets: readonly TransferTarget[], media: Media): TransferTarget[] {
  return targets.filter((t) => (t.media ?? ['voice']).includes(media));
}
