import { describe, expect, it } from 'vitest';
import type { Queue } from '../model/queue.js';
import { isOn, longestWaitMs, needsAgentWarning, queueListView, queueSelection, queuesForMode, type QueueQuery } from './queues.js';

const NOW = 100_000;

/** `enabled: undefined` makes a queue I only supervise; `monitored` one I may monitor. */
function queue(id: string, name: string, more: { readonly [K in keyof Queue]?: Queue[K] | undefined } = {}): Queue {
  const all = { id, name, media: 'voice', direction: 'inbound', enabled: true, busy: 0, waiting: 0, agentsSignedIn: 1, ...more };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined)) as unknown as Queue;
}

const QUEUES: readonly Queue[] = [
  queue('sales', 'Sales', { busy: 3, waiting: 2, oldestWaitingSince: NOW - 40_000 }),
  queue('support', 'Support', { enabled: false, busy: 1, waiting: 4, oldestWaitingSince: NOW - 90_000 }),
  queue('billing', 'Facturation', { busy: 5 }),
  queue('equipe', 'Équipe réclamations', { waiting: 1, oldestWaitingSince: NOW - 10_000, agentsSignedIn: 0 }),
  queue('callbacks', 'Callbacks', { direction: 'outbound', waiting: 1, oldestWaitingSince: NOW - 5_000 }),
  queue('chat', 'Web chat', { media: 'chat', enabled: false }),
  queue('watched', 'Retention', { enabled: undefined, monitored: true }),
];

const ids = (query: Omit<QueueQuery, 'mode'> & { mode?: QueueQuery['mode'] }) =>
  queueListView(QUEUES, { mode: 'agent', ...query }, NOW).map((g) => [g.group, g.rows.map((r) => r.queue.id)]);

describe('queueListView', () => {
  it('QL-1: groups by media and direction in the fixed order, names ascending by default, empty groups left out', () => {
    expect(ids({})).toEqual([
      ['voice.inbound', ['equipe', 'billing', 'sales', 'support']],
      ['voice.outbound', ['callbacks']],
      ['chat.inbound', ['chat']],
    ]);
    const [inbound] = queueListView(QUEUES, { mode: 'agent' }, NOW);
    expect(inbound).toMatchObject({ media: 'voice', direction: 'inbound' });
  });

  it('QL-1/QL-7: an agent lists the queues they are a member of, a supervisor the ones they may monitor', () => {
    expect(queuesForMode(QUEUES, 'agent').map((q) => q.id)).not.toContain('watched');
    expect(queuesForMode(QUEUES, 'supervisor').map((q) => q.id)).toEqual(['watched']);
    expect(isOn(QUEUES[6]!, 'supervisor')).toBe(true);
    expect(isOn(QUEUES[6]!, 'agent')).toBe(false);
  });

  it('QL-2: longest wait at `now`, undefined when nobody waits', () => {
    const rows = queueListView(QUEUES, { mode: 'agent' }, NOW).flatMap((g) => g.rows);
    const byId = new Map(rows.map((r) => [r.queue.id, r]));
    expect(byId.get('sales')!.longestWaitMs).toBe(40_000);
    expect(byId.get('billing')!.longestWaitMs).toBeUndefined();
    expect(longestWaitMs(queue('x', 'X', { waiting: 0, oldestWaitingSince: NOW - 1 }), NOW)).toBeUndefined();
    expect(longestWaitMs(queue('x', 'X', { waiting: 1, oldestWaitingSince: NOW + 500 }), NOW), 'never negative').toBe(0);
    expect(byId.get('support')!.on).toBe(false);
  });

  it('QL-3: search ignores case, accents and surrounding spaces, and matches anywhere in the name', () => {
    expect(ids({ search: '  EQUIPE ' })).toEqual([['voice.inbound', ['equipe']]]);
    expect(ids({ search: 'réclam' })).toEqual([['voice.inbound', ['equipe']]]);
    expect(ids({ search: 'chat' })).toEqual([['chat.inbound', ['chat']]]);
    expect(ids({ search: 'nothing like it' })).toEqual([]);
  });

  it('QL-3: status and media/direction filters combine with the search', () => {
    expect(ids({ status: 'off' })).toEqual([
      ['voice.inbound', ['support']],
      ['chat.inbound', ['chat']],
    ]);
    expect(ids({ status: 'on', groups: ['voice.outbound', 'chat.inbound'] })).toEqual([['voice.outbound', ['callbacks']]]);
    expect(ids({ groups: [] }), 'no group chosen shows every group').toHaveLength(3);
    expect(ids({ status: 'on', search: 'sup' })).toEqual([]);
  });

  it('QL-4: sorts by busy, waiting and longest wait both ways; ties keep the name order', () => {
    const inbound = (sort: NonNullable<QueueQuery['sort']>) => ids({ sort, groups: ['voice.inbound'] })[0]![1];
    expect(inbound({ by: 'name', descending: true })).toEqual(['support', 'sales', 'billing', 'equipe']);
    expect(inbound({ by: 'busy', descending: true })).toEqual(['billing', 'sales', 'support', 'equipe']);
    expect(inbound({ by: 'busy', descending: false })).toEqual(['equipe', 'support', 'sales', 'billing']);
    expect(inbound({ by: 'waiting', descending: true })).toEqual(['support', 'sales', 'equipe', 'billing']);
    expect(inbound({ by: 'longestWait', descending: true })).toEqual(['support', 'sales', 'equipe', 'billing']);
    expect(inbound({ by: 'longestWait', descending: false })).toEqual(['billing', 'equipe', 'sales', 'support']);
  });

  it('QL-4: queues with no wait tie among themselves on the name, whichever way the wait is sorted', () => {
    const still = [queue('b', 'Beta'), queue('a', 'Alpha'), queue('c', 'Gamma', { waiting: 1, oldestWaitingSince: 0 })];
    const order = (descending: boolean) =>
      queueListView(still, { mode: 'agent', sort: { by: 'longestWait', descending } }, NOW)[0]!.rows.map((r) => r.queue.id);
    expect(order(true)).toEqual(['c', 'a', 'b']);
    expect(order(false)).toEqual(['a', 'b', 'c']);
  });

  it('QL-4: the longest-wait order does not change as time passes', () => {
    const at = (now: number) =>
      queueListView(QUEUES, { mode: 'agent', sort: { by: 'longestWait', descending: true } }, now).flatMap((g) =>
        g.rows.map((r) => r.queue.id),
      );
    expect(at(NOW + 3_600_000)).toEqual(at(NOW));
  });

  it('QL-6: the warning needs calls waiting and nobody signed in', () => {
    expect(needsAgentWarning(QUEUES[3]!)).toBe(true);
    expect(needsAgentWarning(queue('x', 'X', { agentsSignedIn: 0 }))).toBe(false);
    expect(needsAgentWarning(queue('x', 'X', { waiting: 3 }))).toBe(false);
    const rows = queueListView(QUEUES, { mode: 'agent' }, NOW).flatMap((g) => g.rows);
    expect(rows.filter((r) => r.noAgentWarning).map((r) => r.queue.id)).toEqual(['equipe']);
  });
});

describe('queueSelection', () => {
  it('QL-5: only ticks that differ from the backend are changes', () => {
    expect(queueSelection(QUEUES, { sales: true, support: true, chat: false, billing: false }, 'agent')).toEqual({
      changes: [
        { queueId: 'support', on: true },
        { queueId: 'billing', on: false },
      ],
      vanished: [],
    });
    expect(queueSelection(QUEUES, {}, 'agent')).toEqual({ changes: [], vanished: [] });
  });

  it('QL-5: a ticked queue that is no longer listed is reported, the rest still changes', () => {
    expect(queueSelection(QUEUES, { gone: true, support: true }, 'agent')).toEqual({
      changes: [{ queueId: 'support', on: true }],
      vanished: ['gone'],
    });
  });

  it('QL-7: supervisor ticks compare with the monitored flag; a queue without it is not the supervisor’s', () => {
    expect(queueSelection(QUEUES, { watched: false, sales: true }, 'supervisor')).toEqual({
      changes: [{ queueId: 'watched', on: false }],
      vanished: ['sales'],
    });
  });
});
