// Things the agent must be told once (a pop-over, a screen-reader announcement): a missed offer
// (ST-6), a declined call and the unavailable time after it (ST-8), a failed consultation, a
// wrap-up closed at zero (WU-2). The core raises them; widgets show and dismiss them.

import type { Channel, ErrorInfo, Media } from './channel.js';

/** `unassigned`: DX-3, a conversation left because the customer did not answer in time. */
export const NOTICE_KINDS = ['rona', 'declined', 'abandoned', 'consultFailed', 'wrapUpClosed', 'unassigned'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface Notice {
  /** Stable: one notice per kind and task, so a repeated event does not stack copies. */
  readonly id: string;
  readonly kind: NoticeKind;
  readonly at: number;
  readonly taskId?: string;
  readonly media?: Media;
  /** The channel group whose state the event changed (ST-6: the whole Chat/Social group). */
  readonly channel?: Channel;
  readonly from?: string;
  readonly customerName?: string;
  readonly queueId?: string;
  readonly queueName?: string;
  /** ST-8: when the agent will be Ready again (scheduler ms). */
  readonly until?: number;
  /** The backend's or the core's own words, for kinds that carry an error. */
  readonly error?: ErrorInfo;
  /** WU-2: the reason the wrap-up closed with, when it closed by itself. */
  readonly reasonId?: string;
}
