// QL-1…QL-7: what the queue list shows — grouped, searched, filtered, sorted, with the longest wait
// ticking and the no-agent warning — and what "Confirm selections" really changes.

import type { QueueChange } from '../client/commands.js';
import type { Media } from '../model/channel.js';
import { QUEUE_GROUPS, queueGroup, type Queue, type QueueGroup } from '../model/queue.js';
import { compareNames } from './collate.js';

/** Agent: tick = enabled for me (QL-5). Supervisor: tick = monitored (QL-7). */
export type QueueListMode = 'agent' | 'supervisor';

export const QUEUE_SORT_KEYS = ['name', 'busy', 'waiting', 'longestWait'] as const;
export type QueueSortKey = (typeof QUEUE_SORT_KEYS)[number];

export const QUEUE_STATUS_FILTERS = ['all', 'on', 'off'] as const;
/** QL-3: enabled/disabled for an agent, monitored/not monitored for a supervisor. */
export type QueueStatusFilter = (typeof QUEUE_STATUS_FILTERS)[number];

export interface QueueQuery {
  readonly mode: QueueListMode;
  /** QL-3: case- and accent-insensitive match anywhere in the name. */
  readonly search?: string;
  readonly status?: QueueStatusFilter;
  /** QL-3: the media/direction groups to show; empty or absent shows every group. */
  readonly groups?: readonly QueueGroup[];
  /** QL-4; name ascending when absent. */
  readonly sort?: { readonly by: QueueSortKey; readonly descending: boolean };
}

export interface QueueRow {
  readonly queue: Queue;
  /** The tick as the backend has it: enabled (agent) or monitored (supervisor). */
  readonly on: boolean;
  /** QL-2: ms the longest-waiting interaction has waited, at `now`; undefined when none waits. */
  readonly longestWaitMs: number | undefined;
  /** QL-6: calls waiting and nobody signed in to take them. */
  readonly noAgentWarning: boolean;
}

export interface QueueGroupView {
  readonly group: QueueGroup;
  readonly media: Media;
  readonly direction: Queue['direction'];
  readonly rows: readonly QueueRow[];
}

/** The queues a mode lists: members' queues for an agent, monitorable ones for a supervisor. */
export function queuesForMode(queues: readonly Queue[], mode: QueueListMode): Queue[] {
  return queues.filter((q) => (mode === 'agent' ? q.enabled !== undefined : q.monitored !== undefined));
}

export function isOn(queue: Queue, mode: QueueListMode): boolean {
  return (mode === 'agent' ? queue.enabled : queue.monitored) === true;
}

export function longestWaitMs(queue: Queue, now: number): number | undefined {
  return queue.oldestWaitingSince === undefined || queue.waiting === 0 ? undefined : Math.max(0, now - queue.oldestWaitingSince);
}

export function needsAgentWarning(queue: Queue): boolean {
  return queue.waiting > 0 && queue.agentsSignedIn === 0;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();

/** QL-1…QL-4, QL-6: the list as shown at `now`; groups without a matching queue are left out. */
export function queueListView(queues: readonly Queue[], query: QueueQuery, now: number): QueueGroupView[] {
  const search = fold(query.search?.trim() ?? '');
  const status = query.status ?? 'all';
  const groups = query.groups && query.groups.length > 0 ? new Set(query.groups) : undefined;
  const rows = queuesForMode(queues, query.mode)
    .filter((q) => search === '' || fold(q.name).includes(search))
    .filter((q) => status === 'all' || isOn(q, query.mode) === (status === 'on'))
    .filter((q) => !groups || groups.has(queueGroup(q)))
    .map((queue): QueueRow => ({
      queue,
      on: isOn(queue, query.mode),
      longestWaitMs: longestWaitMs(queue, now),
      noAgentWarning: needsAgentWarning(queue),
    }));
  const compare = rowComparator(query.sort ?? { by: 'name', descending: false });
  return QUEUE_GROUPS.flatMap((group) => {
    const inGroup = rows.filter((r) => queueGroup(r.queue) === group).sort(compare);
    if (inGroup.length === 0) return [];
    const [media, direction] = group.split('.') as [Media, Queue['direction']];
    return [{ group, media, direction, rows: inGroup }];
  });
}

function rowComparator(sort: NonNullable<QueueQuery['sort']>): (a: QueueRow, b: QueueRow) => number {
  const byName = (a: QueueRow, b: QueueRow) => compareNames(a.queue.name, b.queue.name) || a.queue.id.localeCompare(b.queue.id);
  const sign = sort.descending ? -1 : 1;
  const value = (row: QueueRow): number => {
    switch (sort.by) {
      case 'busy':
        return row.queue.busy;
      case 'waiting':
        return row.queue.waiting;
      case 'longestWait':
        // Ticking rows keep their order: sort by when the wait began, not by the ms at `now`.
        return row.queue.oldestWaitingSince === undefined || row.queue.waiting === 0 ? -Infinity : -row.queue.oldestWaitingSince;
      case 'name':
        return 0;
    }
  };
  // Ties fall back to the name, always ascending, so equal rows never jump around. Compared, not
  // subtracted: two queues with nobody waiting are both -Infinity.
  const compareValues = (x: number, y: number) => (x === y ? 0 : x < y ? -1 : 1);
  return (a, b) => (sort.by === 'name' ? sign * byName(a, b) : sign * compareValues(value(a), value(b)) || byName(a, b));
}

export interface QueueSelection {
  /** What "Confirm selections" sends: only ticks that differ from the backend's. */
  readonly changes: readonly QueueChange[];
  /** Ticked or unticked queues that are no longer assigned (a queue disappeared meanwhile). */
  readonly vanished: readonly string[];
}

/**
 * QL-5/QL-7: the changes a set of ticks makes. `ticks` holds only the queues the person touched
 * (queue id → ticked); untouched queues and ticks equal to the backend's change nothing.
 */
export function queueSelection(queues: readonly Queue[], ticks: Readonly<Record<string, boolean>>, mode: QueueListMode): QueueSelection {
  const listed = new Map(queuesForMode(queues, mode).map((q) => [q.id, q]));
  const changes: QueueChange[] = [];
  const vanished: string[] = [];
  for (const [queueId, on] of Object.entries(ticks)) {
    const queue = listed.get(queueId);
    if (!queue) vanished.push(queueId);
    else if (isOn(queue, mode) !== on) changes.push({ queueId, on });
  }
  return { changes, vanished };
}
