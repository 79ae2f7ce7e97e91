// The smallest task shape the skeleton needs: SL-11 must know whether any work is open.
// Voice and digital issues grow it.

import type { Media } from './channel.js';

export const TASK_STATUSES = ['offered', 'active', 'held', 'wrapUp'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface Task {
  readonly id: string;
  readonly media: Media;
  readonly status: TaskStatus;
  readonly since: number;
}
