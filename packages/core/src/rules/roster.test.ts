// SV-1/SV-3/SV-4: the roster as the grid lists it, and what the policy allows on an agent.

import { describe, expect, it } from 'vitest';
import type { RosterAgent, RosterStatus, SupervisorPolicy } from '../model/supervisor.js';
import { agentActions, ROSTER_SORTS, rosterView, type RosterQuery } from './roster.js';

const agent = (id: string, over: Partial<RosterAgent> = {}): RosterAgent => ({
  id,
  name: id,
  status: 'ready',
  since: 0,
  channels: { voice: 'ready' },
  interactions: [],
  queues: [],
  ...over,
});

const AGENTS: readonly RosterAgent[] = [
  agent('a1', {
    name: 'Émile Durand',
    status: 'notReady',
    reasonId: 'lunch',
    since: 100,
    teamId: 't1',
    queues: [{ queueId: 'q1', enabled: true }],
  }),
  agent('a2', {
    name: 'ana Pop',
    status: 'busy',
    since: 300,
    teamId: 't2',
    interactions: [{ id: 'c1', media: 'voice', status: 'active', since: 300 }],
  }),
  agent('a3', { name: 'Bob Stone', status: 'signedOut', since: 50, channels: {}, teamId: 't1' }),
  agent('a4', { name: 'Zoë Li', status: 'ready', since: 200, channels: { chatSocial: 'ready' }, teamId: 't2' }),
];

const names = (agents: readonly RosterAgent[]) => agents.map((a) => a.name);

describe('rosterView (SV-1)', () => {
  it('SV-1: sorts by name by default, ignoring case and accents; descending reverses', () => {
    expect(names(rosterView(AGENTS, {}))).toEqual(['ana Pop', 'Bob Stone', 'Émile Durand', 'Zoë Li']);
    expect(names(rosterView(AGENTS, { descending: true }))).toEqual(['Zoë Li', 'Émile Durand', 'Bob Stone', 'ana Pop']);
  });

  it('SV-1: search matches name, id or team without accents; filters by status, channel, team and queue', () => {
    expect(names(rosterView(AGENTS, { search: 'emile' }))).toEqual(['Émile Durand']);
    expect(names(rosterView(AGENTS, { search: 'zoe' }))).toEqual(['Zoë Li']);
    expect(names(rosterView(AGENTS, { statuses: ['ready', 'busy'] }))).toEqual(['ana Pop', 'Zoë Li']);
    expect(names(rosterView(AGENTS, { channel: 'chatSocial' }))).toEqual(['Zoë Li']);
    expect(names(rosterView(AGENTS, { teamId: 't1' }))).toEqual(['Bob Stone', 'Émile Durand']);
    expect(names(rosterView(AGENTS, { queueId: 'q1' }))).toEqual(['Émile Durand']);
  });

  it('SV-1: sorts by status (busy first), by time in status (longest first) and by interactions', () => {
    expect(names(rosterView(AGENTS, { sort: 'status' }))).toEqual(['ana Pop', 'Zoë Li', 'Émile Durand', 'Bob Stone']);
    expect(names(rosterView(AGENTS, { sort: 'timeInStatus' }))).toEqual(['Bob Stone', 'Émile Durand', 'Zoë Li', 'ana Pop']);
    expect(names(rosterView(AGENTS, { sort: 'interactions' }))[0]).toBe('ana Pop');
  });

  it('SV-1: favourites only, or favourites first', () => {
    const favourites = new Set(['a4', 'a3']);
    expect(names(rosterView(AGENTS, { favouritesOnly: true }, favourites))).toEqual(['Bob Stone', 'Zoë Li']);
    expect(names(rosterView(AGENTS, { favouritesFirst: true }, favourites))).toEqual(['Bob Stone', 'Zoë Li', 'ana Pop', 'Émile Durand']);
  });
});

describe('rosterView on a floor (SV-5)', () => {
  // The order spelled out one key after another, as a comparator: what the view's packed sort must give.
  const STATUS_ORDER: Record<RosterStatus, number> = { busy: 0, wrapUp: 1, ready: 2, notReady: 3, signedOut: 4 };
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  function expected(agents: readonly RosterAgent[], query: RosterQuery, favourites: ReadonlySet<string>): string[] {
    const sign = query.descending ? -1 : 1;
    const sort = query.sort ?? 'name';
    const primary = (a: RosterAgent) =>
      sort === 'status'
        ? sign * STATUS_ORDER[a.status]
        : sort === 'timeInStatus'
          ? sign * a.since
          : sort === 'interactions'
            ? -sign * a.interactions.length
            : 0;
    const group = (a: RosterAgent) => (query.favouritesFirst && favourites.has(a.id) ? 0 : 1);
    return [...agents]
      .sort(
        (a, b) =>
          group(a) - group(b) ||
          primary(a) - primary(b) ||
          (sort === 'name' ? sign : 1) * collator.compare(a.name, b.name) ||
          (sort === 'name' ? sign : 1) * collator.compare(a.id, b.id),
      )
      .map((a) => a.id);
  }

  it('SV-5: every sort, either way, with favourites first or not, orders as comparing key after key — namesakes and equal times by id', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 16807) % 2147483647;
      return seed % n;
    };
    const statuses: RosterStatus[] = ['ready', 'busy', 'wrapUp', 'notReady', 'signedOut'];
    // Few names and times for many agents: plenty of ties, some that only the collator sees ("ana" = "Ána").
    const NAMES = ['Ana Pop', 'ana pop', 'Ána Pop', 'Bob Stone', 'Émile Durand', 'Zoë Li', 'Zoe Li', 'agent 2', 'agent 10'];
    const floor = Array.from({ length: 400 }, (_, i) =>
      agent(`a${random(1000)}-${i}`, {
        name: NAMES[random(NAMES.length)]!,
        status: statuses[random(statuses.length)]!,
        since: random(20) * 1000,
        interactions: Array.from({ length: random(3) }, (_, k) => ({
          id: `c${i}-${k}`,
          media: 'voice' as const,
          status: 'active' as const,
          since: 0,
        })),
      }),
    );
    const favourites = new Set(floor.filter(() => random(4) === 0).map((a) => a.id));
    for (const sort of ROSTER_SORTS)
      for (const descending of [false, true])
        for (const favouritesFirst of [false, true]) {
          const query: RosterQuery = { sort, descending, favouritesFirst };
          expect(
            rosterView(floor, query, favourites).map((a) => a.id),
            JSON.stringify(query),
          ).toEqual(expected(floor, query, favourites));
        }
  });

  it('SV-5: a floor too big for one 16-bit pass (70,000 agents by time in status, favourites first) orders the same', () => {
    const floor = Array.from({ length: 70_000 }, (_, i) =>
      agent(`b${i}`, { name: ['Ana', 'Bob', 'Cleo'][i % 3]!, since: (i * 7919) % 69_997, status: i % 2 ? 'busy' : 'ready' }),
    );
    const favourites = new Set(floor.filter((_, i) => i % 5 === 0).map((a) => a.id));
    for (const descending of [false, true]) {
      const query: RosterQuery = { sort: 'timeInStatus', descending, favouritesFirst: true };
      expect(rosterView(floor, query, favourites).map((a) => a.id)).toEqual(expected(floor, query, favourites));
    }
  });
});

describe('agentActions (SV-3, SV-4)', () => {
  const open: SupervisorPolicy = { changeAgentStatus: true, changeAgentQueues: true, monitorModes: ['monitor', 'whisper', 'barge'] };
  const closed: SupervisorPolicy = { changeAgentStatus: false, changeAgentQueues: false, monitorModes: [] };

  it('SV-3: a Finesse-style supervisor may move a signed-in agent, and sign out only one without work', () => {
    // Not Ready again: another reason.
    expect(agentActions(AGENTS[0]!, open).statuses).toEqual(['ready', 'notReady', 'signedOut']);
    expect(agentActions(AGENTS[1]!, open).statuses).toEqual(['ready', 'notReady']);
    expect(agentActions(AGENTS[2]!, open).statuses).toEqual([]);
    expect(agentActions(AGENTS[0]!, open).changeQueues).toBe(true);
  });

  it('SV-3: an 8x8-style supervisor cannot change an agent’s status or queues', () => {
    expect(agentActions(AGENTS[0]!, closed)).toEqual({ statuses: [], changeQueues: false, monitor: [] });
  });

  it('SV-4: only connected calls can be joined, in the modes the backend supports', () => {
    expect(agentActions(AGENTS[1]!, open).monitor).toEqual([{ taskId: 'c1', modes: ['monitor', 'whisper', 'barge'] }]);
    expect(agentActions(AGENTS[1]!, { ...open, monitorModes: ['monitor'] }).monitor).toEqual([{ taskId: 'c1', modes: ['monitor'] }]);
    expect(agentActions(AGENTS[0]!, open).monitor).toEqual([]);
  });
});
