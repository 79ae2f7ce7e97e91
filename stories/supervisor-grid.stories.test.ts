// The supervisor grid's stories, each held to what its name promises (story-runner.ts renders them
// as Storybook does, with console-error and axe checks).

import { expect } from '@open-wc/testing';
import { rosterView, type CcClient, type RosterQuery } from '@cc-elements/core';
import type { CcSupervisorGrid } from '@cc-elements/widgets';
import * as supervisorGrid from './supervisor-grid.stories.js';
import { allInShadow, inShadow, waitFor } from './support.js';
import { describeStories, type Check, type StoriesModule } from './story-runner.js';

const words = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const text = (el: Element, selector: string) => words(inShadow(el, selector));
const grid = (el: Element) => el as CcSupervisorGrid;
const clientOf = (el: Element): CcClient => grid(el).client!;
const rosterSize = (el: Element) => Object.keys(clientOf(el).state.roster).length;
/** The agent rows in the DOM, top to bottom. */
const rows = (el: Element) =>
  allInShadow(el, '[part~="row"]').sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')));
const rowIds = (el: Element) => rows(el).map((r) => r.dataset['agentId']!);
/** What the core answers for `query` now: the grid shows its first rows. */
const coreView = (el: Element, query: RosterQuery) => rosterView(Object.values(clientOf(el).state.roster), query).map((a) => a.id);
const menuOpen = (el: Element) => inShadow(el, '[part="menu"]').matches(':popover-open');

/** Rows drawn by the virtualizer (it draws in the frame after the grid). */
async function drawnRows(el: Element, atLeast = 1): Promise<HTMLElement[]> {
  return waitFor(() => rows(el).length >= atLeast && rows(el), `${atLeast} rows drawn`);
}

function empty(kind: string, words: string): Check {
  return (el) => {
    expect(inShadow(el, '[part="empty"]').dataset['empty']).to.equal(kind);
    expect(text(el, '[part="empty"]')).to.include(words);
    expect(allInShadow(el, '[part~="row"]')).to.have.length(0);
  };
}

const checks: Record<string, Check> = {
  SmallTeam: async (el) => {
    await drawnRows(el, 10);
    const size = rosterSize(el);
    expect(size, 'about forty agents').to.be.within(30, 60);
    expect(inShadow(el, '[part="grid"]').getAttribute('aria-rowcount')).to.equal(String(size + 1));
    expect(text(el, '[part~="tab"][data-view="agents"]')).to.equal(`Agents (${size})`);
    // Names do not change with traffic: the order is the core's by name.
    expect(rowIds(el)).to.deep.equal(coreView(el, { sort: 'name' }).slice(0, rows(el).length));
    for (const row of rows(el)) expect(words(row.querySelector('[part="time"]'))).to.match(/^\d+:\d\d(:\d\d)?$/);
    // Every time ticks from one clock.
    const first = rows(el)[0]!.dataset['agentId']!;
    const before = text(el, `[data-agent-id="${first}"] [part="time"]`);
    await waitFor(() => text(el, `[data-agent-id="${first}"] [part="time"]`) !== before, 'the time in status to tick', 2500);
  },
  FiveThousandAgents: async (el) => {
    await drawnRows(el, 5);
    const size = rosterSize(el);
    expect(size).to.be.at.least(5000);
    expect(inShadow(el, '[part="grid"]').getAttribute('aria-rowcount')).to.equal(String(size + 1));
    expect(rows(el).length, 'only a window of rows in the page').to.be.within(5, 100);
    expect(text(el, '[part="count"]')).to.equal(`${size} agents`);
  },
  Filtered: async (el) => {
    const expected = coreView(el, { statuses: ['notReady'], sort: 'name' });
    expect(expected.length, 'the floor has agents on a break').to.be.greaterThan(0);
    await drawnRows(el);
    expect(inShadow(el, '[part="status-toggle"][data-status="notReady"]').getAttribute('aria-pressed')).to.equal('true');
    expect(rowIds(el)).to.deep.equal(expected.slice(0, rows(el).length));
    for (const row of rows(el)) expect(row.dataset['status']).to.equal('notReady');
    expect(text(el, '[part="count"]')).to.equal(`${expected.length} of ${rosterSize(el)} agents`);
  },
  Sorted: async (el) => {
    await drawnRows(el, 5);
    const header = inShadow(el, '[part="sort"][data-sort="timeInStatus"]').closest('[role="columnheader"]')!;
    expect(header.getAttribute('aria-sort')).to.equal('ascending');
    expect(rowIds(el)).to.deep.equal(coreView(el, { sort: 'timeInStatus' }).slice(0, rows(el).length));
  },
  FavouritesFirst: async (el) => {
    await waitFor(() => rows(el)[0]?.querySelector('[part="favourite"][aria-pressed="true"]'), 'a favourite on top');
    const byName = coreView(el, { sort: 'name' });
    expect(rowIds(el).slice(0, 2)).to.deep.equal([byName[2], byName[3]]);
    expect(
      rows(el)
        .map((r) => r.querySelector('[part="favourite"]')!.getAttribute('aria-pressed'))
        .slice(0, 3),
    ).to.deep.equal(['true', 'true', 'false']);
    expect(inShadow<HTMLInputElement>(el, '[part="favourites-first"]').checked).to.equal(true);
  },
  ActionsMenuOpen: (el) => {
    expect(menuOpen(el)).to.equal(true);
    const statuses = allInShadow(el, '[part="menu"] [role="menuitemradio"]').map(words);
    expect(
      statuses.some((s) => s.startsWith('Not Ready – ')),
      'Not Ready with a reason',
    ).to.equal(true);
    expect(allInShadow(el, '[part="menu"] [role="menuitemcheckbox"]').length, 'the agent’s queues').to.be.greaterThan(0);
    expect(el.shadowRoot!.activeElement?.getAttribute('part'), 'focus on the first action').to.equal('menu-item');
    expect(inShadow(el, '[part="actions"][aria-expanded="true"]')).to.not.equal(null);
  },
  RefusedAction: (el) => {
    const error = text(el, '[part="menu"] [role="alert"] [part="error"]');
    expect(error).to.include('The agent’s phone is being reset; try again in a minute.');
    expect(error).to.match(/Trace id: sim-[0-9a-f]+/);
    expect(allInShadow(el, '[part="row-error"]')).to.have.length(1);
  },
  PolicyRestricted: (el) => {
    expect(menuOpen(el)).to.equal(true);
    expect(allInShadow(el, '[part="menu"] [role="menuitemradio"]').map(words), 'no status control').to.satisfy((items: string[]) =>
      items.every((i) => !/Ready|Sign out/.test(i)),
    );
    expect(allInShadow(el, '[part="menu"] [role="menuitemcheckbox"]').length, 'queues on and off').to.be.greaterThan(0);
  },
  ReadOnly: async (el) => {
    await drawnRows(el, 5);
    expect(allInShadow(el, '[part="actions"]')).to.have.length(0);
    expect(inShadow(el, '[part="grid"]').getAttribute('aria-colcount')).to.equal('7');
    expect(allInShadow(el, '[role="columnheader"]').map(words)).to.not.include('Actions');
  },
  QueuesView: (el) => {
    const monitored = clientOf(el)
      .state.queues.filter((q) => q.monitored)
      .map((q) => q.id);
    const shown = allInShadow(el, '[part="queue-row"]');
    expect(shown.map((r) => r.dataset['queueId'])).to.have.members(monitored);
    const outage = inShadow(el, '[part="queue-row"][data-queue-id="q-outages"]');
    expect(outage.hasAttribute('data-warning')).to.equal(true);
    expect(words(outage.querySelector('[part="warning"]'))).to.equal('⚠ No agent signed in');
    expect(words(outage.querySelector('[part="longest-wait"]'))).to.match(/^\d+:\d\d$/);
    expect(text(el, '[part~="tab"][data-view="queues"]')).to.include('A queue has calls waiting and no agent signed in');
    expect(
      shown.some((r) => /\d+%/.test(words(r))),
      'service levels',
    ).to.equal(true);
  },
  NothingMatches: (el) => {
    empty('filtered', 'No agent matches the search and filters.')(el);
    expect(text(el, '[part="clear-filters"]')).to.equal('Clear filters');
  },
  NoAgents: empty('no-agents', 'Your teams have no agents yet.'),
  NoMonitoredQueues: empty('no-queues', 'You are not monitoring any queue.'),
  NotASupervisor: empty('no-session', 'Sign in as a supervisor to see your agents and queues.'),
  DarkTheme: async (el) => {
    await drawnRows(el);
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(29, 31, 35)');
  },
};

describeStories(supervisorGrid as unknown as StoriesModule, checks);
