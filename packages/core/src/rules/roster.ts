// SV-1/SV-5: the supervisor's agents as the grid lists them — searched, filtered, sorted, with
// favourites first when asked — and SV-3/SV-4: which actions the policy allows on one agent. Pure
// functions over the roster; the grid only draws what they return.

import type { Channel } from '../model/channel.js';
import type { MonitorMode, RosterAgent, RosterStatus, SupervisorPolicy } from '../model/supervisor.js';
import { compareNames } from './collate.js';

export const ROSTER_SORTS = ['name', 'status', 'timeInStatus', 'interactions'] as const;
export type RosterSort = (typeof ROSTER_SORTS)[number];

export interface RosterQuery {
  /** Matches the agent's name, id or team, case- and accent-insensitive. */
  readonly search?: string;
  /** Only these statuses (all when absent or empty). */
  readonly statuses?: readonly RosterStatus[];
  /** Only agents signed in on this channel group. */
  readonly channel?: Channel;
  readonly teamId?: string;
  /** Only agents who take work from this queue. */
  readonly queueId?: string;
  readonly favouritesOnly?: boolean;
  readonly sort?: RosterSort;
  readonly descending?: boolean;
  /** Favourites before everyone else, each part in the chosen order. */
  readonly favouritesFirst?: boolean;
}

/** The order statuses sort in: who needs attention (busy, wrap-up) before who is idle. */
const STATUS_ORDER: Record<RosterStatus, number> = { busy: 0, wrapUp: 1, ready: 2, notReady: 3, signedOut: 4 };
const STATUS_LEVELS = 5;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Every name's place in collation order, kept while the names stay the same. */
let ranked = new Map<string, number>();

/** Ranks every current name afresh (so names of agents long gone do not pile up). */
function rankNames(agents: readonly RosterAgent[]): void {
  const names = [...new Set(agents.map((a) => a.name))].sort(compareNames);
  ranked = new Map();
  let rank = 0;
  names.forEach((name, i) => {
    // Names the collator calls equal ("ana" and "Ana") share a rank; the id decides between them.
    if (i > 0 && compareNames(names[i - 1]!, name) !== 0) rank = i;
    ranked.set(name, rank);
  });
}

/** The name rank of each agent shown (`agents` are all of them, should a name be new). */
function nameRanks(shown: readonly RosterAgent[], agents: readonly RosterAgent[]): Uint32Array {
  const ranks = new Uint32Array(shown.length);
  for (let i = 0; i < shown.length; i++) {
    const rank = ranked.get(shown[i]!.name);
    if (rank === undefined) {
      rankNames(agents);
      return nameRanks(shown, agents);
    }
    ranks[i] = rank;
  }
  return ranks;
}

/** SV-1: the agents the grid shows, in order. Runs over thousands of agents on every update (SV-5). */
export function rosterView(agents: readonly RosterAgent[], query: RosterQuery, favourites: ReadonlySet<string> = new Set()): RosterAgent[] {
  const needle = query.search ? fold(query.search.trim()) : '';
  const statuses = query.statuses && query.statuses.length > 0 ? new Set(query.statuses) : undefined;
  const shown = agents.filter(
    (a) =>
      (!statuses || statuses.has(a.status)) &&
      (!query.channel || (a.channels[query.channel] !== undefined && a.channels[query.channel] !== 'signedOut')) &&
      (!query.teamId || a.teamId === query.teamId) &&
      (!query.queueId || a.queues.some((q) => q.queueId === query.queueId)) &&
      (!query.favouritesOnly || favourites.has(a.id)) &&
      (!needle || fold(`${a.name} ${a.id} ${a.teamId ?? ''}`).includes(needle)),
  );
  return sortShown(shown, query, favourites, nameRanks(shown, agents));
}

/**
 * SV-5: thousands of agents, several sorts a second. The order is, in turn: favourites first (when
 * asked), the sort's own key, the name (by collation rank, worked out once per distinct name), and
 * the id. All but the id are whole numbers, so the agents are put in order by a radix sort — a pass
 * or two over them for the name, then for the group and key, no comparator called ~60,000 times —
 * and only agents equal in all (namesakes in one group) are then put in id order.
 */
function sortShown(shown: readonly RosterAgent[], query: RosterQuery, favourites: ReadonlySet<string>, ranks: Uint32Array): RosterAgent[] {
  const n = shown.length;
  const sort = query.sort ?? 'name';
  const descending = query.descending === true;
  // The sort's own key as a whole number from 0 to levels - 1, smallest first.
  let levels = 1;
  let primary: (agent: RosterAgent) => number = () => 0;
  if (sort === 'status') {
    levels = STATUS_LEVELS;
    primary = (a) => (descending ? STATUS_LEVELS - 1 - STATUS_ORDER[a.status] : STATUS_ORDER[a.status]);
  } else if (sort === 'interactions') {
    // Most interactions first when ascending.
    const most = shown.reduce((max, a) => Math.max(max, a.interactions.length), 0);
    levels = most + 1;
    primary = (a) => (descending ? a.interactions.length : most - a.interactions.length);
  } else if (sort === 'timeInStatus') {
    // Longest in status (earliest `since`) first when ascending: each time's rank among those shown.
    const times = Float64Array.from(shown, (a) => a.since).sort();
    let distinct = 0;
    for (let i = 0; i < times.length; i++) if (i === 0 || times[i] !== times[i - 1]) times[distinct++] = times[i]!;
    levels = Math.max(1, distinct);
    primary = (a) => {
      const at = lowerBound(times, distinct, a.since);
      return descending ? distinct - 1 - at : at;
    };
  }
  // By name: the name is the sort's key, reversed when descending; otherwise it breaks ties, A to Z.
  const last = Math.max(0, ranked.size - 1);
  const byName = sort === 'name' && descending ? ranks.map((rank) => last - rank) : ranks;
  const byKey = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const agent = shown[i]!;
    const group = query.favouritesFirst && favourites.has(agent.id) ? 0 : 1;
    byKey[i] = group * levels + primary(agent);
  }
  const identity = new Uint32Array(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  // Least significant first: each pass keeps the order of the one before among equals.
  const order = radixOrder(byKey, radixOrder(byName, identity));
  const idSign = sort === 'name' && descending ? -1 : 1;
  const sorted = new Array<RosterAgent>(n);
  let runStart = 0;
  for (let at = 0; at < n; at++) {
    const i = order[at]!;
    sorted[at] = shown[i]!;
    // A run of agents equal in all but the id ends here: put it in id order.
    const next = order[at + 1];
    if (next !== undefined && byKey[next] === byKey[i] && byName[next] === byName[i]) continue;
    if (at > runStart) {
      const run = sorted.slice(runStart, at + 1).sort((a, b) => idSign * compareNames(a.id, b.id));
      for (let j = 0; j < run.length; j++) sorted[runStart + j] = run[j]!;
    }
    runStart = at + 1;
  }
  return sorted;
}

/** `order` (positions in `keys`) sorted by key, equal keys kept in their order: a radix sort, 16 bits a pass. */
function radixOrder(keys: Uint32Array, order: Uint32Array): Uint32Array {
  let max = 0;
  for (let i = 0; i < keys.length; i++) if (keys[i]! > max) max = keys[i]!;
  let from: Uint32Array = order;
  let to: Uint32Array = new Uint32Array(order.length);
  for (let shift = 0; shift === 0 || (shift < 32 && max >>> shift > 0); shift += 16) {
    const counts = new Uint32Array(Math.min(1 << 16, (max >>> shift) + 1));
    for (let i = 0; i < from.length; i++) counts[(keys[from[i]!]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let digit = 0; digit < counts.length; digit++) {
      const count = counts[digit]!;
      counts[digit] = sum;
      sum += count;
    }
    for (let i = 0; i < from.length; i++) {
      const at = from[i]!;
      to[counts[(keys[at]! >>> shift) & 0xffff]!++] = at;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** The first index in the sorted `values[0…length)` whose value is not below `value`. */
function lowerBound(values: Float64Array, length: number, value: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** SV-3/SV-4: what the supervisor may do to this agent right now, by policy and by the agent's state. */
export interface AgentActions {
  /** Statuses the agent may be moved to. */
  readonly statuses: readonly ('ready' | 'notReady' | 'signedOut')[];
  readonly changeQueues: boolean;
  /** Calls that may be joined, and how. */
  readonly monitor: readonly { readonly taskId: string; readonly modes: readonly MonitorMode[] }[];
}

export function agentActions(agent: RosterAgent, policy: SupervisorPolicy): AgentActions {
  const signedIn = agent.status !== 'signedOut';
  const statuses: ('ready' | 'notReady' | 'signedOut')[] = [];
  if (policy.changeAgentStatus && signedIn) {
    if (agent.status !== 'ready') statuses.push('ready');
    // Also for an agent already Not Ready: the supervisor may change the reason.
    statuses.push('notReady');
    // Signing out someone with work in hand would drop a customer.
    if (agent.interactions.length === 0) statuses.push('signedOut');
  }
  const monitor =
    policy.monitorModes.length === 0
      ? []
      : agent.interactions
          .filter((i) => i.media === 'voice' && (i.status === 'active' || i.status === 'held'))
          .map((i) => ({ taskId: i.id, modes: policy.monitorModes }));
  return { statuses, changeQueues: policy.changeAgentQueues && signedIn && agent.queues.length > 0, monitor };
}
