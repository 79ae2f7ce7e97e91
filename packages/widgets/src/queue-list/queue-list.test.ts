import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CcError, COMMAND_TYPES, createClient, memoryStorage, type CcClient, type Command, type Queue } from '@cc-elements/core';
import { createSimAdapter } from '@cc-elements/adapter-sim';
import type { TestAdapter } from '@cc-elements/core/testing';
import '../cc-queue-list.js';
import type { CcQueueList } from './queue-list.js';
import { ManualTime, scriptedClient, settle, shadow, shadowAll, type, type ScriptedClientOptions } from '../../test/helpers.js';

/** A voice inbound queue I am a member of and that nobody waits in, unless told otherwise; `enabled: undefined` makes one I only supervise. */
function queue(id: string, name: string, more: { readonly [K in keyof Queue]?: Queue[K] | undefined } = {}): Queue {
  const all = { id, name, media: 'voice', direction: 'inbound', enabled: true, busy: 0, waiting: 0, agentsSignedIn: 2, ...more };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined)) as unknown as Queue;
}

/** An agent's queues in three groups; `now` is the scheduler time they are loaded at. */
function agentQueues(now: number): Queue[] {
  return [
    queue('q-sales', 'Sales', { busy: 3, waiting: 2, oldestWaitingSince: now - 42_000 }),
    queue('q-support', 'Support', { enabled: false, busy: 1, waiting: 5, oldestWaitingSince: now - 90_000 }),
    queue('q-billing', 'Facturation', { busy: 7 }),
    queue('q-callbacks', 'Callbacks', { direction: 'outbound', waiting: 1, oldestWaitingSince: now - 5_000 }),
    queue('q-chat', 'Web chat', { media: 'chat', enabled: false, busy: 2 }),
  ];
}

interface Setup {
  readonly client: CcClient;
  readonly adapter: TestAdapter;
  readonly el: CcQueueList;
}

async function setup(
  options: ScriptedClientOptions & { queues?: (now: number) => Queue[]; mode?: CcQueueList['mode'] } = {},
): Promise<Setup> {
  const { client, adapter } = scriptedClient(options);
  adapter.emit({ type: 'queues.loaded', queues: (options.queues ?? agentQueues)(client.scheduler.now()) });
  const el = await fixture<CcQueueList>(html`<cc-queue-list .client=${client} mode=${options.mode ?? 'auto'}></cc-queue-list>`);
  await settle();
  return { client, adapter, el };
}

/** The backend applies queue changes and reports them, as a real one does. */
function applyQueueChanges(client: CcClient, adapter: TestAdapter): void {
  adapter.respond((command: Command) => {
    if (command.type !== 'queues.setEnabled' && command.type !== 'queues.setMonitored') return;
    const flag = command.type === 'queues.setEnabled' ? 'enabled' : 'monitored';
    for (const change of command.changes) {
      const current = client.state.queues.find((q) => q.id === change.queueId)!;
      adapter.emit({ type: 'queue.updated', queue: { ...current, [flag]: change.on } });
    }
  });
}

const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const rowIds = (el: CcQueueList) => shadowAll(el, '[part="row"]').map((r) => r.dataset['queueId']);
const row = (el: CcQueueList, id: string) => shadow(el, `[part="row"][data-queue-id="${id}"]`);
const cells = (el: CcQueueList, id: string) => [...row(el, id).querySelectorAll('td')].map(text);
const checkbox = (el: CcQueueList, id: string) => shadow<HTMLInputElement>(el, `[part="row"][data-queue-id="${id}"] [part="checkbox"]`);
const confirmButton = (el: CcQueueList) => shadow<HTMLButtonElement>(el, '[part="confirm"]');
const queueCommands = (adapter: TestAdapter) => adapter.commands.filter((c) => c.type.startsWith('queues.'));
const sortOf = (el: CcQueueList, column: string) => shadow(el, `th[data-sort="${column}"]`).getAttribute('aria-sort');

async function tick(el: CcQueueList, id: string): Promise<void> {
  checkbox(el, id).click();
  await el.updateComplete;
}

async function confirm(el: CcQueueList): Promise<void> {
  confirmButton(el).click();
  await settle();
  await el.updateComplete;
}

describe('<cc-queue-list>', () => {
  it('QL-1: the assigned queues grouped by media and direction, each group with its heading', async () => {
    const { el } = await setup();
    const groups = shadowAll(el, '[part="group"]');
    expect(groups.map((g) => g.dataset['group'])).to.deep.equal(['voice.inbound', 'voice.outbound', 'chat.inbound']);
    expect(shadowAll(el, '[part="group-heading"]').map(text)).to.deep.equal([
      'Inbound phone (3)',
      'Outbound phone (callbacks) (1)',
      'Inbound chat (1)',
    ]);
    expect(shadowAll(el, 'h3').length, 'group headings are headings').to.equal(3);
    expect([...groups[0]!.querySelectorAll('[part="row"]')].map((r) => (r as HTMLElement).dataset['queueId'])).to.deep.equal([
      'q-billing',
      'q-sales',
      'q-support',
    ]);
    await expect(el).to.be.accessible();
  });

  it('QL-2: each queue shows its name, whether it is enabled for me, busy, waiting and the longest wait', async () => {
    const { el, adapter, client } = await setup();
    expect(shadowAll(el, 'thead th').map(text)).to.deep.equal(['Enabled', 'Queue ▲', 'Busy ↕', 'Waiting ↕', 'Longest wait ↕']);
    expect(cells(el, 'q-sales').slice(1)).to.deep.equal(['Sales', '3', '2', '0:42']);
    expect(cells(el, 'q-billing').slice(1)).to.deep.equal(['Facturation', '7', '0', '–none']);
    expect(checkbox(el, 'q-sales').checked).to.equal(true);
    expect(checkbox(el, 'q-support').checked).to.equal(false);
    // The backend's figures change: the row follows.
    const sales = client.state.queues.find((q) => q.id === 'q-sales')!;
    adapter.emit({ type: 'queue.updated', queue: { ...sales, busy: 4, waiting: 0 } });
    await el.updateComplete;
    expect(cells(el, 'q-sales').slice(1)).to.deep.equal(['Sales', '4', '0', '–none']);
  });

  it('QL-2: the longest wait ticks each second on the client clock (ManualTime)', async () => {
    const time = new ManualTime();
    const { el } = await setup({ scheduler: time.scheduler });
    expect(text(shadow(el, '[data-queue-id="q-sales"] [part="longest-wait"]'))).to.equal('0:42');
    await time.advance(23_000, 1000);
    expect(text(shadow(el, '[data-queue-id="q-sales"] [part="longest-wait"]'))).to.equal('1:05');
    expect(text(shadow(el, '[data-queue-id="q-support"] [part="longest-wait"]'))).to.equal('1:53');
    expect(text(shadow(el, '[data-queue-id="q-billing"] [part="longest-wait"]')), 'nobody waits: nothing ticks').to.equal('–none');
  });

  it('QL-3: search by name ignores case and accents; the count says how many are shown', async () => {
    const { el } = await setup({
      queues: (now) => [...agentQueues(now), queue('q-eq', 'Équipe réclamations')],
    });
    await type(shadow<HTMLInputElement>(el, '[part="search"]'), 'EQUIPE');
    expect(rowIds(el)).to.deep.equal(['q-eq']);
    expect(text(shadow(el, '.count'))).to.equal('1 of 6 queues shown');
    expect(el.search).to.equal('EQUIPE');
    await expect(el).to.be.accessible();
  });

  it('QL-3: the filter panel filters by status and by media/direction; "Clear filters" shows everything again', async () => {
    const { el } = await setup();
    const toggle = shadow<HTMLButtonElement>(el, '[part="filter-toggle"]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const panel = shadow(el, '[part="filters"]');
    expect([...panel.querySelectorAll('label')].map(text)).to.deep.equal([
      'All',
      'Enabled',
      'Disabled',
      'Inbound phone',
      'Outbound phone (callbacks)',
      'Inbound chat',
    ]);
    shadow<HTMLInputElement>(el, '[part="filters"] input[type="radio"][value="off"]').click();
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['q-support', 'q-chat']);
    expect(text(toggle)).to.equal('Filters (1)');
    shadow<HTMLInputElement>(el, '[part="filters"] input[value="chat.inbound"]').click();
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['q-chat']);
    expect(text(toggle)).to.equal('Filters (2)');
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(el, '[part="filters"] [part="clear-filters"]').click();
    await el.updateComplete;
    expect(rowIds(el).length).to.equal(5);
    expect(el.statusFilter).to.equal('all');
    expect(el.groups).to.deep.equal([]);
  });

  it('QL-3: filters that hide everything say so and offer to clear them', async () => {
    const { el } = await setup();
    await type(shadow<HTMLInputElement>(el, '[part="search"]'), 'zzz');
    const empty = shadow(el, '[part="empty"]');
    expect(text(empty)).to.equal('No queue matches your search and filters. Clear filters');
    expect(shadowAll(el, '[part="row"]').length).to.equal(0);
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(el, '[part="empty"] [part="clear-filters"]').click();
    await settle();
    expect(rowIds(el).length).to.equal(5);
    expect(el.shadowRoot!.activeElement, 'focus goes back to the search field').to.equal(shadow(el, '[part="search"]'));
  });

  it('QL-4: column headers sort by name, busy, waiting and longest wait, each way, with aria-sort', async () => {
    const { el } = await setup();
    const voiceInbound = () => rowIds(el).filter((id) => ['q-sales', 'q-support', 'q-billing'].includes(id!));
    expect(sortOf(el, 'name')).to.equal('ascending');
    shadow<HTMLButtonElement>(el, 'th[data-sort="name"] button').click();
    await el.updateComplete;
    expect(sortOf(el, 'name')).to.equal('descending');
    expect(voiceInbound()).to.deep.equal(['q-support', 'q-sales', 'q-billing']);
    shadow<HTMLButtonElement>(el, 'th[data-sort="busy"] button').click();
    await el.updateComplete;
    expect(sortOf(el, 'busy')).to.equal('descending');
    expect(sortOf(el, 'name')).to.equal('none');
    expect(voiceInbound()).to.deep.equal(['q-billing', 'q-sales', 'q-support']);
    shadow<HTMLButtonElement>(el, 'th[data-sort="busy"] button').click();
    await el.updateComplete;
    expect(sortOf(el, 'busy')).to.equal('ascending');
    expect(voiceInbound()).to.deep.equal(['q-support', 'q-sales', 'q-billing']);
    shadow<HTMLButtonElement>(el, 'th[data-sort="waiting"] button').click();
    await el.updateComplete;
    expect(voiceInbound()).to.deep.equal(['q-support', 'q-sales', 'q-billing']);
    shadow<HTMLButtonElement>(el, 'th[data-sort="longestWait"] button').click();
    await el.updateComplete;
    expect(sortOf(el, 'longestWait')).to.equal('descending');
    expect(el.getAttribute('sort-by')).to.equal('longestWait');
    expect(voiceInbound()).to.deep.equal(['q-support', 'q-sales', 'q-billing']);
    shadow<HTMLButtonElement>(el, 'th[data-sort="longestWait"] button').click();
    await el.updateComplete;
    expect(voiceInbound()).to.deep.equal(['q-billing', 'q-sales', 'q-support']);
  });

  it('QL-5: ticks change nothing until "Confirm selections", which applies them all at once', async () => {
    const { el, adapter, client } = await setup();
    applyQueueChanges(client, adapter);
    await tick(el, 'q-support');
    await tick(el, 'q-sales');
    expect(queueCommands(adapter), 'nothing sent before confirm').to.deep.equal([]);
    expect(client.state.queues.find((q) => q.id === 'q-support')!.enabled).to.equal(false);
    // Pending ticks look different from the backend's state, in words too.
    expect(row(el, 'q-support').hasAttribute('data-pending')).to.equal(true);
    expect(text(shadow(el, '[data-queue-id="q-support"] [part="pending"]'))).to.equal('Will be enabled');
    expect(text(shadow(el, '[data-queue-id="q-sales"] [part="pending"]'))).to.equal('Will be disabled');
    expect(checkbox(el, 'q-support').getAttribute('aria-describedby')).to.match(/-pending$/);
    expect(row(el, 'q-billing').hasAttribute('data-pending')).to.equal(false);
    expect(text(shadow(el, '[part="footer"] .hint'))).to.equal('2 changes not confirmed yet.');
    expect(confirmButton(el).getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();

    const confirmed = oneEvent(el, 'cc-queues-confirmed');
    await confirm(el);
    const { detail } = await confirmed;
    expect(queueCommands(adapter)).to.deep.equal([
      {
        type: 'queues.setEnabled',
        changes: [
          { queueId: 'q-support', on: true },
          { queueId: 'q-sales', on: false },
        ],
      },
    ]);
    expect(detail).to.deep.equal({
      mode: 'agent',
      applied: [
        { queueId: 'q-support', on: true },
        { queueId: 'q-sales', on: false },
      ],
      vanished: [],
    });
    expect(text(shadow(el, '[role="status"] [part="success"]'))).to.equal('Selections confirmed: 2 queues changed.');
    expect(checkbox(el, 'q-support').checked).to.equal(true);
    expect(checkbox(el, 'q-sales').checked).to.equal(false);
    expect(shadowAll(el, '[data-pending]').length, 'nothing pending').to.equal(0);
    expect(confirmButton(el).getAttribute('aria-disabled')).to.equal('true');
  });

  it('QL-5: with no change, Confirm is disabled with an explanation and sends nothing', async () => {
    const { el, adapter } = await setup();
    const button = confirmButton(el);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    const hint = el.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(text(hint)).to.equal('Nothing to confirm: tick or untick a queue first.');
    // Ticking and unticking again is no change either.
    await tick(el, 'q-support');
    await tick(el, 'q-support');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    let fired = false;
    el.addEventListener('cc-queues-confirmed', () => (fired = true));
    await confirm(el);
    expect(queueCommands(adapter)).to.deep.equal([]);
    expect(fired).to.equal(false);
  });

  it('QL-5: "Discard changes" puts every tick back as the backend has it', async () => {
    const { el, adapter } = await setup();
    await tick(el, 'q-support');
    await tick(el, 'q-chat');
    shadow<HTMLButtonElement>(el, '[part="discard"]').click();
    await el.updateComplete;
    expect(checkbox(el, 'q-support').checked).to.equal(false);
    expect(checkbox(el, 'q-chat').checked).to.equal(false);
    expect(shadowAll(el, '[data-pending]').length).to.equal(0);
    expect(shadow(el, '[part="discard"]').getAttribute('aria-disabled')).to.equal('true');
    expect(queueCommands(adapter)).to.deep.equal([]);
  });

  it('QL-5: a refusal keeps every tick and shows the error with its trace id; confirming again applies them', async () => {
    const { el, adapter, client } = await setup();
    adapter.respond(() => {
      throw new CcError('api', 'Queue changes are locked during the shift handover.', { traceId: 'trace-7f3a' });
    });
    await tick(el, 'q-support');
    await tick(el, 'q-chat');
    const failed = oneEvent(el, 'cc-queues-error');
    await confirm(el);
    expect((await failed).detail).to.deep.equal({
      code: 'api',
      message: 'Queue changes are locked during the shift handover.',
      traceId: 'trace-7f3a',
    });
    const error = text(shadow(el, '[role="alert"] [part="error"]'));
    expect(error).to.include('Queue changes are locked during the shift handover.');
    expect(error).to.include('Trace id: trace-7f3a');
    expect(checkbox(el, 'q-support').checked, 'the tick stays').to.equal(true);
    expect(checkbox(el, 'q-chat').checked).to.equal(true);
    expect(shadowAll(el, '[data-pending]').map((r) => r.dataset['queueId'])).to.deep.equal(['q-support', 'q-chat']);
    expect(confirmButton(el).getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();

    applyQueueChanges(client, adapter);
    await confirm(el);
    expect(queueCommands(adapter).length).to.equal(2);
    expect(shadowAll(el, '[role="alert"] [part="error"]').length, 'the error is gone').to.equal(0);
    expect(client.state.queues.filter((q) => q.enabled).map((q) => q.id)).to.include.members(['q-support', 'q-chat']);
  });

  it('QL-5: a queue that disappears while ticked is named; the other changes apply', async () => {
    const { el, adapter, client } = await setup();
    applyQueueChanges(client, adapter);
    await tick(el, 'q-support');
    await tick(el, 'q-billing');
    adapter.emit({ type: 'queue.removed', queueId: 'q-billing' });
    await el.updateComplete;
    expect(rowIds(el)).to.not.include('q-billing');
    expect(text(shadow(el, '[part="footer"] [aria-live="polite"]'))).to.equal('No longer assigned to you, so not applied: Facturation.');
    const confirmed = oneEvent(el, 'cc-queues-confirmed');
    await confirm(el);
    expect((await confirmed).detail).to.deep.equal({
      mode: 'agent',
      applied: [{ queueId: 'q-support', on: true }],
      vanished: ['q-billing'],
    });
    expect(queueCommands(adapter)).to.deep.equal([{ type: 'queues.setEnabled', changes: [{ queueId: 'q-support', on: true }] }]);
    expect(text(shadow(el, '[part="success"]'))).to.equal(
      'Selections confirmed: 1 queue changed. No longer assigned to you, so not applied: Facturation.',
    );
    expect(checkbox(el, 'q-support').checked).to.equal(true);
  });

  it('QL-5: a change the backend reports late does not flick back meanwhile', async () => {
    const { el, adapter, client } = await setup();
    await tick(el, 'q-support');
    await confirm(el);
    expect(checkbox(el, 'q-support').checked, 'accepted, not reported yet').to.equal(true);
    expect(row(el, 'q-support').hasAttribute('data-pending')).to.equal(false);
    // The backend's word stands once it reports the queue again.
    const support = client.state.queues.find((q) => q.id === 'q-support')!;
    adapter.emit({ type: 'queue.updated', queue: { ...support, waiting: 6 } });
    await el.updateComplete;
    expect(checkbox(el, 'q-support').checked).to.equal(false);
  });

  it('QL-6: a queue with calls waiting and no agent signed in has a warning marker with words', async () => {
    const { el } = await setup({
      queues: (now) => [
        queue('q-night', 'Night line', { waiting: 3, oldestWaitingSince: now - 1000, agentsSignedIn: 0 }),
        queue('q-empty', 'Empty and unstaffed', { agentsSignedIn: 0 }),
        queue('q-staffed', 'Staffed', { waiting: 3, oldestWaitingSince: now - 1000 }),
      ],
    });
    const warnings = shadowAll(el, '[part="warning"]');
    expect(warnings.length).to.equal(1);
    expect(warnings[0]!.closest('[part="row"]')!.getAttribute('data-queue-id')).to.equal('q-night');
    expect(text(warnings[0]!.querySelector('.visually-hidden')!)).to.equal('Calls waiting, no agent signed in');
    expect(checkbox(el, 'q-night').getAttribute('aria-describedby')).to.equal(warnings[0]!.id);
    await expect(el).to.be.accessible();
  });

  it('QL-7: a supervisor ticks the queues to monitor (the blue check) and confirm sends setMonitored', async () => {
    const monitorQueues = (now: number) => [
      queue('q-sales', 'Sales', { enabled: undefined, monitored: true, waiting: 1, oldestWaitingSince: now }),
      queue('q-retention', 'Retention', { enabled: undefined, monitored: false }),
    ];
    const { el, adapter, client } = await setup({ role: 'supervisor', queues: monitorQueues });
    applyQueueChanges(client, adapter);
    expect(shadow(el, 'table').dataset['mode']).to.equal('supervisor');
    expect(text(shadow(el, 'thead th'))).to.equal('Monitor');
    expect(checkbox(el, 'q-sales').checked).to.equal(true);
    expect(getComputedStyle(checkbox(el, 'q-sales')).accentColor).to.equal('rgb(11, 92, 173)');
    await tick(el, 'q-retention');
    expect(text(shadow(el, '[part="pending"]'))).to.equal('Will be monitored');
    const confirmed = oneEvent(el, 'cc-queues-confirmed');
    await confirm(el);
    expect((await confirmed).detail.mode).to.equal('supervisor');
    expect(queueCommands(adapter)).to.deep.equal([{ type: 'queues.setMonitored', changes: [{ queueId: 'q-retention', on: true }] }]);
    expect(client.state.queues.find((q) => q.id === 'q-retention')!.monitored).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('QL-7: Supervisor+Agent switches between own queues and monitored queues; ticks of each stay apart', async () => {
    const both = () => [
      queue('q-sales', 'Sales', { enabled: true, monitored: false }),
      queue('q-retention', 'Retention', { enabled: undefined, monitored: true }),
    ];
    const { el, adapter } = await setup({ role: 'supervisorAgent', queues: both });
    const toggle = shadow(el, '[part="mode-toggle"]');
    expect([...toggle.querySelectorAll('label')].map(text)).to.deep.equal(['My queues', 'Monitoring']);
    expect(rowIds(el)).to.deep.equal(['q-sales']);
    await tick(el, 'q-sales');
    shadow<HTMLInputElement>(el, '[part="mode-toggle"] input[value="supervisor"]').click();
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['q-retention', 'q-sales']);
    expect(checkbox(el, 'q-sales').checked, 'the agent tick does not leak into monitoring').to.equal(false);
    expect(checkbox(el, 'q-retention').checked).to.equal(true);
    shadow<HTMLInputElement>(el, '[part="mode-toggle"] input[value="agent"]').click();
    await el.updateComplete;
    expect(checkbox(el, 'q-sales').checked, 'the agent tick is still there').to.equal(false);
    expect(row(el, 'q-sales').hasAttribute('data-pending')).to.equal(true);
    expect(queueCommands(adapter)).to.deep.equal([]);
    // A host that fixes the mode gets no toggle.
    el.mode = 'supervisor';
    await el.updateComplete;
    expect(shadowAll(el, '[part="mode-toggle"]').length).to.equal(0);
    expect(shadow(el, 'table').dataset['mode']).to.equal('supervisor');
  });

  it('capabilities: without queues.setEnabled the list is read-only — no checkboxes, no confirm', async () => {
    const { el } = await setup({ commands: COMMAND_TYPES.filter((c) => c !== 'queues.setEnabled') });
    expect(shadowAll(el, '[part="checkbox"]').length).to.equal(0);
    expect(shadowAll(el, '[part="confirm"]').length).to.equal(0);
    expect(text(shadow(el, 'thead th'))).to.equal('Status');
    expect(cells(el, 'q-sales')[0]).to.equal('Enabled');
    expect(cells(el, 'q-support')[0]).to.equal('Disabled');
    await expect(el).to.be.accessible();
  });

  it('capabilities: a supervisor without queues.setMonitored sees the monitored queues read-only', async () => {
    const { el } = await setup({
      role: 'supervisor',
      commands: COMMAND_TYPES.filter((c) => c !== 'queues.setMonitored'),
      queues: () => [queue('q-sales', 'Sales', { enabled: undefined, monitored: true })],
    });
    expect(shadowAll(el, '[part="checkbox"]').length).to.equal(0);
    expect(cells(el, 'q-sales')[0]).to.equal('✓ Monitored');
  });

  it('keyboard: Tab reaches the checkboxes, Space toggles them; sort headers work with Enter and Space', async () => {
    const { el } = await setup();
    shadow<HTMLButtonElement>(el, 'th[data-sort="longestWait"] button').focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(checkbox(el, 'q-billing'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(checkbox(el, 'q-billing').checked).to.equal(false);
    expect(row(el, 'q-billing').hasAttribute('data-pending')).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(checkbox(el, 'q-sales'));

    shadow<HTMLButtonElement>(el, 'th[data-sort="waiting"] button').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(sortOf(el, 'waiting')).to.equal('descending');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(sortOf(el, 'waiting')).to.equal('ascending');
    expect(el.shadowRoot!.activeElement, 'focus stays on the header').to.equal(shadow(el, 'th[data-sort="waiting"] button'));
  });

  it('keyboard: the confirm button stays focusable while disabled, and confirming keeps the focus on it', async () => {
    const { el, adapter, client } = await setup();
    applyQueueChanges(client, adapter);
    await tick(el, 'q-support');
    confirmButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => queueCommands(adapter).length === 1);
    await settle();
    expect(confirmButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(confirmButton(el));
  });

  it('a long list (300 queues) renders every row, and search narrows it', async () => {
    const many = (now: number) =>
      Array.from({ length: 300 }, (_, i) =>
        queue(`q-${i}`, `Queue ${String(i).padStart(3, '0')}`, {
          direction: i % 3 === 0 ? 'outbound' : 'inbound',
          waiting: i % 10,
          ...(i % 10 === 0 ? {} : { oldestWaitingSince: now - i * 1000 }),
        }),
      );
    const { el } = await setup({ queues: many });
    expect(shadowAll(el, '[part="row"]').length).to.equal(300);
    await type(shadow<HTMLInputElement>(el, '[part="search"]'), 'queue 12');
    // Inbound first (QL-1), then the outbound ones (multiples of 3).
    expect(rowIds(el)).to.deep.equal(['q-121', 'q-122', 'q-124', 'q-125', 'q-127', 'q-128', 'q-120', 'q-123', 'q-126', 'q-129']);
  });

  it('empty: no queue assigned says so, without a toolbar', async () => {
    const { el } = await setup({ queues: () => [] });
    expect(text(shadow(el, '[part="empty"]'))).to.equal('No queues are assigned to you.');
    expect(shadowAll(el, '[part="toolbar"], [part="confirm"]').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('no client, or not signed in: says so', async () => {
    const el = await fixture<CcQueueList>(html`<cc-queue-list></cc-queue-list>`);
    expect(text(shadow(el, '[role="status"]'))).to.equal('No contact-center client is connected to this widget.');
    await expect(el).to.be.accessible();
    const { client, adapter } = scriptedClient();
    adapter.emit({ type: 'session.signedOut' });
    el.client = client;
    await el.updateComplete;
    expect(text(shadow(el, '[role="status"]'))).to.equal('Sign in to see your queues.');
  });

  it('loading: while the client connects', async () => {
    const { client, adapter } = scriptedClient();
    adapter.emit({ type: 'connection.changed', status: 'connecting' });
    const el = await fixture<CcQueueList>(html`<cc-queue-list .client=${client}></cc-queue-list>`);
    expect(text(shadow(el, '[role="status"][aria-busy="true"]'))).to.equal('Loading…');
  });

  it('simulator: queues arrive on sign-in, confirm applies on the server, figures follow injected calls', async () => {
    const adapter = createSimAdapter({ scenario: 'busyQueues', latencyMs: 0, agentId: 'maya.patel' });
    const client = createClient({ adapter, storage: memoryStorage() });
    const el = await fixture<CcQueueList>(html`<cc-queue-list .client=${client}></cc-queue-list>`);
    await waitUntil(() => client.state.profile !== undefined);
    await client.signIn({ role: 'agent', station: { kind: 'extension', extension: '1001' }, teamId: 'team-billing' });
    await waitUntil(() => shadowAll(el, '[part="row"]').length > 0, 'the queue list after sign-in');
    expect(shadowAll(el, '[part="group"]').map((g) => g.dataset['group'])).to.deep.equal(['voice.inbound', 'voice.outbound']);
    expect(checkbox(el, 'q-collections').checked).to.equal(false);

    await tick(el, 'q-collections');
    const confirmed = oneEvent(el, 'cc-queues-confirmed');
    confirmButton(el).click();
    expect((await confirmed).detail.applied).to.deep.equal([{ queueId: 'q-collections', on: true }]);
    await waitUntil(() => client.state.queues.find((q) => q.id === 'q-collections')?.enabled === true, 'the server to apply it');
    await el.updateComplete;
    expect(checkbox(el, 'q-collections').checked).to.equal(true);
    expect(row(el, 'q-collections').hasAttribute('data-pending')).to.equal(false);
    // Maya now takes Collections' calls: she counts as signed in there, so its warning is gone (QL-6).
    expect(shadowAll(el, '[data-queue-id="q-collections"] [part="warning"]').length).to.equal(0);

    expect(cells(el, 'q-billing').slice(3)).to.deep.equal(['0', '–none']);
    adapter.engine.injectCall({ queueId: 'q-billing', customerName: 'Jonas Weber' });
    await waitUntil(() => cells(el, 'q-billing')[3] === '1', 'Billing to show the waiting call');
    expect(cells(el, 'q-billing')[4]).to.match(/^0:0\d$/);
    // Callbacks: Maya has it disabled and nobody else is signed in (QL-6).
    adapter.engine.injectCallback({ queueId: 'q-callbacks' });
    await waitUntil(() => shadowAll(el, '[data-queue-id="q-callbacks"] [part="warning"]').length === 1, 'the no-agent warning');
    await expect(el).to.be.accessible();
    client.dispose();
    adapter.engine.dispose();
  });
});
