// SV-1/SV-5: the supervisor's agents as the grid lists them — searched, filtered, sorted, with
// favourites first when asked — and SV-3/SV-4: which actions the policy allows on one agent. Pure
// functions over the roster; the grid only draws what they return.

import type { Channel } from '../model/channel.js';
import type { MonitorMode, RosterAgent, RosterStatus, SupervisorPolicy } from '../model/supervisor.js';

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

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Every name's place in collation order, kept while the names stay the same. */
let ranked = new Map<string, number>();

function nameRanks(agents: readonly RosterAgent[]): ReadonlyMap<string, number> {
  if (agents.every((a) => ranked.has(a.name))) return ranked;
  // New names: rank the current ones afresh (so names of agents long gone do not pile up).
  const names = [...new Set(agents.map((a) => a.name))].sort(collator.compare);
  ranked = new Map();
  let rank = 0;
  names.forEach((name, i) => {
    // Names the collator calls equal ("ana" and "Ana") share a rank; the id decides between them.
    if (i > 0 && collator.compare(names[i - 1]!, name) !== 0) rank = i;
    ranked.set(name, rank);
  });
  return ranked;
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
  const sign = query.descending ? -1 : 1;
  // SV-5: thousands of agents, several sorts a second. Each agent's keys are worked out once (the
  // collator runs once per distinct name, as a rank), then the sort compares numbers only.
  const rank = nameRanks(agents);
  const sort = query.sort ?? 'name';
  const keyed = shown.map((agent) => {
    const name = rank.get(agent.name)!;
    const primary =
      sort === 'status'
        ? sign * STATUS_ORDER[agent.status]
        : // Longest in status first when ascending: the one waiting longest needs a look first.
          sort === 'timeInStatus'
          ? sign * agent.since
          : sort === 'interactions'
            ? -sign * agent.interactions.length
            : sign * name;
    return { agent, favourite: query.favouritesFirst && favourites.has(agent.id) ? 0 : 1, primary, name };
  });
  keyed.sort(
    (a, b) =>
      a.favourite - b.favourite ||
      a.primary - b.primary ||
      (sort === 'name' ? 0 : a.name - b.name) ||
      (sort === 'name' ? sign : 1) * collator.compare(a.agent.id, b.agent.id),
  );
  return keyed.map((k) => k.agent);
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
