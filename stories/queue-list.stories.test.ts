// The queue list's stories, each held to what its name promises (story-runner.ts renders them as
// Storybook does, with console-error and axe checks).

import { expect } from '@open-wc/testing';
import * as queueList from './queue-list.stories.js';
import { allInShadow, inShadow } from './support.js';
import { describeStories, type Check, type StoriesModule } from './story-runner.js';

const words = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const text = (el: Element, selector: string) => words(inShadow(el, selector));
const rowIds = (el: Element) => allInShadow(el, '[part="row"]').map((r) => r.dataset['queueId']!);
const groups = (el: Element) => allInShadow(el, '[part="group"]').map((g) => g.dataset['group']);
const checkbox = (el: Element, id: string) => inShadow<HTMLInputElement>(el, `[part="row"][data-queue-id="${id}"] [part="checkbox"]`);
const pendingIds = (el: Element) => allInShadow(el, '[part="row"][data-pending]').map((r) => r.dataset['queueId']);
const warned = (el: Element) => allInShadow(el, '[part="warning"]').map((w) => w.closest('[part="row"]')!.getAttribute('data-queue-id'));
const confirmDisabled = (el: Element) => inShadow(el, '[part="confirm"]').getAttribute('aria-disabled') === 'true';
/** Seconds in a m:ss or h:mm:ss cell; -1 when nobody waits. */
const seconds = (cell: Element) => {
  const time = cell.querySelector('time');
  return time
    ? time
        .textContent!.trim()
        .split(':')
        .reduce((total, part) => total * 60 + Number(part), 0)
    : -1;
};

/** Maya as an agent in the busy-queues world: her nine queues, enabled as the scenario has them. */
const MAYA_AGENT_QUEUES = [
  'q-billing',
  'q-collections',
  'q-spanish',
  'q-premium',
  'q-sales',
  'q-support',
  'q-tech-l2',
  'q-callbacks',
  'q-callbacks-billing',
];

const pendingTwo: Check = (el) => {
  expect(pendingIds(el)).to.have.members(['q-collections', 'q-sales']);
  expect(checkbox(el, 'q-collections').checked).to.equal(true);
  expect(checkbox(el, 'q-sales').checked).to.equal(false);
  expect(text(el, '[data-queue-id="q-collections"] [part="pending"]')).to.equal('Will be enabled');
  expect(text(el, '[data-queue-id="q-sales"] [part="pending"]')).to.equal('Will be disabled');
  expect(text(el, '[part="footer"] .hint')).to.equal('2 changes not confirmed yet.');
  expect(confirmDisabled(el)).to.equal(false);
};

const checks: Record<string, Check> = {
  AgentList: (el) => {
    expect(groups(el)).to.deep.equal(['voice.inbound', 'voice.outbound']);
    expect(allInShadow(el, '[part="group-heading"]').map(words)).to.deep.equal(['Inbound phone (7)', 'Outbound phone (callbacks) (2)']);
    expect(rowIds(el)).to.deep.equal(MAYA_AGENT_QUEUES);
    expect(checkbox(el, 'q-sales').checked).to.equal(true);
    expect(checkbox(el, 'q-collections').checked).to.equal(false);
    expect(text(el, '[data-queue-id="q-support"] td.figure:nth-of-type(4)')).to.equal('3');
    expect(text(el, '[data-queue-id="q-support"] [part="longest-wait"]')).to.match(/^\d+:\d\d$/);
    expect(confirmDisabled(el), 'nothing to confirm yet').to.equal(true);
  },
  DigitalGroups: (el) => {
    expect(groups(el)).to.deep.equal(['voice.inbound', 'voice.outbound', 'chat.inbound', 'sms.inbound', 'email.inbound']);
    expect(allInShadow(el, '[part="group-heading"]').map(words)).to.deep.equal([
      'Inbound phone (1)',
      'Outbound phone (callbacks) (1)',
      'Inbound chat (1)',
      'Inbound SMS (1)',
      'Inbound email (1)',
    ]);
  },
  LongList: (el) => {
    expect(allInShadow(el, '[part="row"]').length).to.equal(300);
    expect(text(el, '.count')).to.equal('300 of 300 queues shown');
    expect(groups(el)).to.deep.equal(['voice.inbound', 'voice.outbound']);
  },
  FilteredBySearch: (el) => {
    expect(rowIds(el)).to.deep.equal(['q-support', 'q-tech-l2']);
    expect(text(el, '.count')).to.equal('2 of 9 queues shown');
  },
  FilteredToNothing: (el) => {
    expect(allInShadow(el, '[part="row"]').length).to.equal(0);
    expect(text(el, '[part="empty"] p')).to.equal('No queue matches your search and filters.');
    expect(text(el, '[part="empty"] [part="clear-filters"]')).to.equal('Clear filters');
    expect(inShadow(el, '[part="filters"]').getAttribute('role')).to.equal('group');
    expect(text(el, '[part="filter-toggle"]')).to.equal('Filters (1)');
  },
  SortedByLongestWait: (el) => {
    expect(inShadow(el, 'th[data-sort="longestWait"]').getAttribute('aria-sort')).to.equal('descending');
    for (const group of allInShadow(el, '[part="group"]')) {
      const waits = [...group.querySelectorAll('[part="longest-wait"]')].map(seconds);
      expect(waits, group.dataset['group']).to.deep.equal([...waits].sort((a, b) => b - a));
    }
    expect(rowIds(el)[0]).to.not.equal('q-billing');
  },
  PendingChanges: pendingTwo,
  ConfirmRefused: (el) => {
    const error = text(el, '[role="alert"] [part="error"]');
    expect(error).to.include('Queue changes are locked during the shift handover.');
    expect(error).to.match(/Trace id: sim-[0-9a-f]+/);
    pendingTwo(el);
  },
  QueueVanished: (el) => {
    expect(rowIds(el)).to.not.include('q-collections');
    expect(text(el, '[role="status"] [part="success"]')).to.equal(
      'Selections confirmed: 1 queue changed. No longer assigned to you, so not applied: Collections.',
    );
    expect(checkbox(el, 'q-sales').checked).to.equal(false);
    expect(pendingIds(el)).to.deep.equal([]);
  },
  NoAgentWarning: (el) => {
    expect(warned(el)).to.have.members(['q-collections', 'q-tech-l2', 'q-callbacks']);
    for (const warning of allInShadow(el, '[part="warning"]')) {
      expect(words(warning.querySelector('.visually-hidden')!)).to.equal('Calls waiting, no agent signed in');
    }
  },
  SupervisorMonitoring: (el) => {
    expect(inShadow(el, 'table').dataset['mode']).to.equal('supervisor');
    expect(text(el, 'thead th')).to.equal('Monitor');
    expect(allInShadow<HTMLInputElement>(el, '[part="checkbox"]').filter((c) => c.checked).length).to.equal(3);
    expect(checkbox(el, 'q-outages').checked).to.equal(true);
    expect(warned(el)).to.include('q-outages');
    expect(rowIds(el)).to.include('q-retention');
  },
  SupervisorAgentToggle: (el) => {
    expect(inShadow<HTMLInputElement>(el, '[part="mode-toggle"] input[value="supervisor"]').checked).to.equal(true);
    expect(inShadow(el, 'table').dataset['mode']).to.equal('supervisor');
    expect(rowIds(el)).to.include.members(['q-retention', 'q-outages']);
  },
  ReadOnly: (el) => {
    expect(allInShadow(el, '[part="checkbox"], [part="confirm"], [part="footer"]').length).to.equal(0);
    expect(text(el, '[data-queue-id="q-sales"] [part="status"]')).to.equal('Enabled');
    expect(text(el, '[data-queue-id="q-collections"] [part="status"]')).to.equal('Disabled');
  },
  Empty: (el) => {
    expect(text(el, '[part="empty"]')).to.equal('No queues are assigned to you.');
    expect(allInShadow(el, '[part="toolbar"]').length).to.equal(0);
  },
  Loading: (el) => expect(text(el, '[role="status"][aria-busy="true"]')).to.equal('Loading…'),
  NoClient: (el) => expect(text(el, '[role="status"]')).to.equal('No contact-center client is connected to this widget.'),
  DarkTheme: (el) => {
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(29, 31, 35)');
    pendingTwo(el);
  },
};

describeStories(queueList as unknown as StoriesModule, checks);
