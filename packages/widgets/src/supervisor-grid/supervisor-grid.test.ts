import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  CcError,
  createClient,
  memoryStorage,
  rosterView,
  type CcClient,
  type Queue,
  type RosterAgent,
  type SupervisorPolicy,
} from '@cc-elements/core';
import { createSimAdapter, SCENARIOS } from '@cc-elements/adapter-sim';
import type { TestAdapter } from '@cc-elements/core/testing';
import '../cc-supervisor-grid.js';
import { CcSupervisorGrid } from './supervisor-grid.js';
import { ManualTime, scriptedClient, settle, shadow, shadowAll, type, type ScriptedClientOptions } from '../../test/helpers.js';

/** Finesse-style: a supervisor may change an agent's status and queues and join calls every way. */
const FINESSE: SupervisorPolicy = { changeAgentStatus: true, changeAgentQueues: true, monitorModes: ['monitor', 'whisper', 'barge'] };
/** 8x8-style: queues only, never the agent's own status, no monitoring. */
const EIGHT_BY_EIGHT: SupervisorPolicy = { changeAgentStatus: false, changeAgentQueues: true, monitorModes: [] };
const READ_ONLY: SupervisorPolicy = { changeAgentStatus: false, changeAgentQueues: false, monitorModes: [] };

const REASONS = [
  { id: 'lunch', label: 'Lunch' },
  { id: 'training', label: 'Training' },
];

type Over = { readonly [K in keyof RosterAgent]?: RosterAgent[K] };

/** An agent Ready on voice since 90 s before time 0, on Sales, unless told otherwise. */
function agent(id: string, name: string, over: Over = {}): RosterAgent {
  return {
    id,
    name,
    teamId: 'team-a',
    status: 'ready',
    since: -90_000,
    channels: { voice: 'ready' },
    interactions: [],
    queues: [{ queueId: 'q-sales', enabled: true }],
    ...over,
  } as RosterAgent;
}

/** A small floor: five agents in every status, one on a call, one chatting and emailing. */
function floor(): RosterAgent[] {
  return [
    agent('lee', 'Lee Park', {
      status: 'busy',
      since: -200_000,
      channels: { voice: 'ready', chatSocial: 'ready', email: 'notReady' },
      interactions: [{ id: 'call-lee', media: 'voice', status: 'active', since: -65_000, queueId: 'q-sales' }],
      queues: [
        { queueId: 'q-sales', enabled: true },
        { queueId: 'q-support', enabled: false },
      ],
    }),
    agent('ana', 'Ana Popescu', { status: 'notReady', reasonId: 'lunch', since: -30_000, channels: { voice: 'notReady' } }),
    agent('zoe', 'Zoé Martin', {
      teamId: 'team-b',
      status: 'busy',
      since: -10_000,
      channels: { chatSocial: 'ready', email: 'ready' },
      interactions: [
        { id: 'chat-1', media: 'chat', status: 'active', since: -20_000 },
        { id: 'mail-1', media: 'email', status: 'held', since: -5_000 },
      ],
      queues: [{ queueId: 'q-support', enabled: true }],
    }),
    agent('sam', 'Sam Carter', { status: 'wrapUp', since: -4_000 }),
    agent('bo', 'Bo Diaz', { status: 'signedOut', since: -3_600_000, channels: {}, queues: [] }),
  ];
}

function queue(id: string, name: string, more: Partial<Queue> = {}): Queue {
  return { id, name, media: 'voice', direction: 'inbound', monitored: true, busy: 0, waiting: 0, agentsSignedIn: 2, ...more };
}

const QUEUES: Queue[] = [
  queue('q-sales', 'Sales', {
    busy: 3,
    waiting: 2,
    oldestWaitingSince: -42_000,
    handled: 120,
    accepted: 118,
    abandoned: 4,
    serviceLevel: 0.87,
    agentsReady: 1,
    agentsNotReady: 1,
    agentsTalking: 3,
  }),
  queue('q-support', 'Support', { waiting: 3, oldestWaitingSince: -15_000, agentsSignedIn: 0 }),
  queue('q-billing', 'Billing', { monitored: false }),
];

interface Setup {
  readonly time: ManualTime;
  readonly client: CcClient;
  readonly adapter: TestAdapter;
  readonly el: CcSupervisorGrid;
  readonly events: { type: string; detail: unknown }[];
}

const EVENTS = [
  'cc-agent-selected',
  'cc-favourite-toggled',
  'cc-supervisor-action',
  'cc-supervisor-error',
  'cc-supervisor-query-changed',
  'cc-supervisor-view-changed',
] as const;

interface SetupOptions extends Omit<ScriptedClientOptions, 'scheduler'> {
  readonly policy?: SupervisorPolicy;
  readonly agents?: readonly RosterAgent[];
  readonly queues?: readonly Queue[];
  readonly tag?: string;
}

/** The grid on a scripted supervisor backend in virtual time, recording every event it fires. */
async function setup(options: SetupOptions = {}, template?: (client: CcClient) => ReturnType<typeof html>): Promise<Setup> {
  const time = new ManualTime();
  const { policy = FINESSE, agents = floor(), queues = QUEUES, role = 'supervisor', ...rest } = options;
  const { client, adapter } = scriptedClient({
    scheduler: time.scheduler,
    role,
    storage: memoryStorage(),
    ...rest,
    tenant: { notReadyReasons: REASONS, supervisor: policy, media: ['voice', 'chat', 'email'], ...rest.tenant },
  });
  adapter.emit({
    type: 'profile.loaded',
    profile: {
      id: 'camille',
      name: 'Camille Durand',
      roles: ['supervisor'],
      teams: [
        { id: 'team-a', name: 'Alpha' },
        { id: 'team-b', name: 'Bravo' },
      ],
    },
    tenant: client.state.tenant,
  });
  adapter.emit({ type: 'queues.loaded', queues });
  adapter.emit({ type: 'roster.loaded', agents });
  const el = await fixture<CcSupervisorGrid>(
    template ? template(client) : html`<cc-supervisor-grid .client=${client}></cc-supervisor-grid>`,
  );
  const events: Setup['events'] = [];
  for (const type of EVENTS) el.addEventListener(type, (e) => events.push({ type, detail: e.detail }));
  await rowsDrawn(el);
  return { time, client, adapter, el, events };
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** One animation frame (the grid draws per frame), then the element's update and the virtualizer's rows. */
async function drawn(el: CcSupervisorGrid): Promise<void> {
  await frame();
  await el.updateComplete;
  await frame();
  await settle();
}

/** The virtualizer has put its first rows in the DOM (or there is no grid to draw). */
async function rowsDrawn(el: CcSupervisorGrid): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => !el.shadowRoot!.querySelector('.body') || el.shadowRoot!.querySelector('[part~="row"]'), 'rows drawn');
  await drawn(el);
}

const words = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: Element) => shadowAll(el, '[part~="row"]').sort((a, b) => rowIndex(a) - rowIndex(b));
const rowIndex = (row: Element) => Number(row.getAttribute('aria-rowindex'));
const rowIds = (el: Element) => rows(el).map((r) => r.dataset['agentId']);
const row = (el: Element, id: string) => shadow(el, `[part~="row"][data-agent-id="${id}"]`);
const cell = (el: Element, id: string, className: string) => words(row(el, id).querySelector(`.cell.${className}`));
const menuItems = (el: Element) => shadowAll(el, '[part="menu"] [part~="menu-item"]').map(words);
const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
/** Which cell has the focus: the agent's id (undefined in the header row) and the column. */
const focusedCell = (el: Element) => {
  const active = focused(el);
  const target = active?.closest<HTMLElement>('[data-col]');
  if (!active || !target) return undefined;
  return { agentId: active.closest<HTMLElement>('[role="row"]')!.dataset['agentId'], col: Number(target.dataset['col']) };
};
/** 5,000 agents, a0000…a4999 in name order. */
const manyAgents = () =>
  Array.from({ length: 5000 }, (_, i) =>
    agent(`a${String(i).padStart(4, '0')}`, `Agent ${String(i).padStart(4, '0')}`, { since: -i * 1000 }),
  );
/** An agent's place in the view (0 first), from their row's aria-rowindex. */
const rowIndexOf = (el: Element, id: string) => rowIndex(row(el, id)) - 2;
/** The element is wholly in the grid's view, below its sticky header row. */
const inView = (el: Element, target: Element | null) => {
  const box = target!.getBoundingClientRect();
  const grid = shadow(el, '[part="grid"]').getBoundingClientRect();
  const header = shadow(el, '[part="header"]').getBoundingClientRect();
  return box.top >= header.bottom - 0.5 && box.bottom <= grid.bottom + 0.5;
};
/** Presses a key, or a chord such as `Control+End`. */
const press = async (el: CcSupervisorGrid, key: string) => {
  const [modifier, main] = key.length > 1 && key.includes('+') ? key.split('+') : [undefined, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main! });
  if (modifier) await sendKeys({ up: modifier });
  await drawn(el);
};
/** What the core answers for the grid's query right now: the grid must show exactly this. */
async function coreView(client: CcClient, el: CcSupervisorGrid): Promise<string[]> {
  const favourites = await new Promise<ReadonlySet<string>>((resolve) => client.favourites$.subscribe(resolve).unsubscribe());
  return rosterView(Object.values(client.state.roster), el.query, favourites).map((a) => a.id);
}
async function choose(el: CcSupervisorGrid, part: string, value: string): Promise<void> {
  const select = shadow<HTMLSelectElement>(el, `[part="${part}"]`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await drawn(el);
}
async function click(el: CcSupervisorGrid, selector: string): Promise<void> {
  shadow(el, selector).click();
  await drawn(el);
}

/** A grid that counts its renders: the test's own subclass, so the element needs no test-only API. */
class CountingGrid extends CcSupervisorGrid {
  renders = 0;
  override render() {
    this.renders++;
    return super.render();
  }
}
customElements.define('counting-supervisor-grid', CountingGrid);

/** Holds every animation frame until `release`, so a test decides when a frame happens. */
function holdFrames() {
  const original = { request: window.requestAnimationFrame, cancel: window.cancelAnimationFrame };
  let queued = new Map<number, FrameRequestCallback>();
  let next = 1;
  window.requestAnimationFrame = (callback) => {
    queued.set(next, callback);
    return next++;
  };
  window.cancelAnimationFrame = (id) => void queued.delete(id);
  const restore = () => {
    window.requestAnimationFrame = original.request;
    window.cancelAnimationFrame = original.cancel;
  };
  return {
    get pending() {
      return queued.size;
    },
    /** Runs one frame: every callback requested so far, as the browser does. */
    release() {
      const callbacks = [...queued.values()];
      queued = new Map();
      const now = performance.now();
      for (const callback of callbacks) callback(now);
    },
    restore,
  };
}

async function openMenu(el: CcSupervisorGrid, agentId: string): Promise<void> {
  shadow(el, `[data-agent-id="${agentId}"] [part="actions"]`).click();
  await drawn(el);
}

async function pick(el: CcSupervisorGrid, label: string): Promise<void> {
  const item = shadowAll(el, '[part="menu"] [part~="menu-item"]').find((i) => words(i) === label);
  if (!item) throw new Error(`No menu item "${label}" in ${JSON.stringify(menuItems(el))}`);
  item.click();
  await settle();
  await drawn(el);
}

describe('<cc-supervisor-grid>', () => {
  it('SV-1: each agent shows name and team, status with its reason, time in status, channels, interactions with their own time and queues', async () => {
    const { el } = await setup();
    expect(rowIds(el)).to.deep.equal(['ana', 'bo', 'lee', 'sam', 'zoe']);
    expect(cell(el, 'lee', 'name')).to.equal('Lee Park Alpha');
    expect(cell(el, 'ana', 'status')).to.equal('Not Ready Lunch');
    expect(cell(el, 'sam', 'status')).to.equal('Wrap-up');
    expect(cell(el, 'bo', 'status')).to.equal('Signed out');
    expect(cell(el, 'lee', 'time')).to.equal('3:20');
    expect(cell(el, 'bo', 'time')).to.equal('1:00:00');
    expect(cell(el, 'lee', 'channels')).to.equal('Voice: Ready Chat/Social: Ready Email: Not Ready');
    expect(cell(el, 'bo', 'channels')).to.equal('Voice: Not signed in Chat/Social: Not signed in Email: Not signed in');
    expect(cell(el, 'lee', 'interactions')).to.equal('1 active Voice 1:05');
    expect(cell(el, 'zoe', 'interactions')).to.equal('2 active Chat 0:20 Email on hold 0:05');
    expect(cell(el, 'lee', 'queues')).to.equal('Sales, Support (disabled)');
    expect(row(el, 'lee').querySelector('.queue.off')!.textContent).to.include('Support');
    expect(shadow(el, '[part="grid"]').getAttribute('aria-rowcount')).to.equal('6');
    await expect(el).to.be.accessible();
  });

  it('SV-1: every time ticks from one shared clock, each second', async () => {
    const { el, time } = await setup();
    await time.advance(1000);
    await drawn(el);
    expect(cell(el, 'lee', 'time')).to.equal('3:21');
    expect(cell(el, 'ana', 'time')).to.equal('0:31');
    expect(cell(el, 'lee', 'interactions')).to.equal('1 active Voice 1:06');
    await time.advance(59_000, 1000);
    await drawn(el);
    expect(cell(el, 'lee', 'time')).to.equal('4:20');
    expect(cell(el, 'zoe', 'interactions')).to.equal('2 active Chat 1:20 Email on hold 1:05');
  });

  it('SV-1: search, status, channel, team and queue filters show exactly what the core answers; the count is announced once per change, not per update', async () => {
    const { el, client, adapter, events } = await setup();
    const live = () => words(shadow(el, '[role="status"][aria-live]'));
    expect(live(), 'nothing said on the first load').to.equal('');
    await type(shadow<HTMLInputElement>(el, '[part="search"]'), 'zoe');
    await drawn(el);
    expect(rowIds(el)).to.deep.equal(['zoe']);
    expect(words(shadow(el, '[part="count"]'))).to.equal('1 of 5 agents');
    expect(live()).to.equal('1 of 5 agents');
    expect(events.at(-1)).to.deep.equal({ type: 'cc-supervisor-query-changed', detail: { query: { search: 'zoe', sort: 'name' } } });
    // A live update changes the count on screen but says nothing.
    adapter.emit({ type: 'roster.changed', agents: [agent('zoe2', 'Zoe Leroy')] });
    await drawn(el);
    expect(rowIds(el)).to.deep.equal(['zoe2', 'zoe']);
    expect(words(shadow(el, '[part="count"]'))).to.equal('2 of 6 agents');
    expect(live()).to.equal('1 of 5 agents');

    await type(shadow<HTMLInputElement>(el, '[part="search"]'), '');
    await click(el, '[part="status-toggle"][data-status="busy"]');
    expect(shadow(el, '[part="status-toggle"][data-status="busy"]').getAttribute('aria-pressed')).to.equal('true');
    expect(rowIds(el)).to.deep.equal(['lee', 'zoe']);
    expect(live()).to.equal('2 of 6 agents');
    await choose(el, 'channel-filter', 'voice');
    expect(rowIds(el)).to.deep.equal(['lee']);
    expect(rowIds(el)).to.deep.equal(await coreView(client, el));
    await choose(el, 'channel-filter', '');
    await choose(el, 'team-filter', 'team-b');
    expect(rowIds(el)).to.deep.equal(['zoe']);
    await choose(el, 'team-filter', '');
    await click(el, '[part="status-toggle"][data-status="busy"]');
    await choose(el, 'queue-filter', 'q-support');
    expect(el.query).to.deep.equal({ queueId: 'q-support', sort: 'name' });
    expect(rowIds(el)).to.deep.equal(['lee', 'zoe']);
    expect(rowIds(el)).to.deep.equal(await coreView(client, el));
    await expect(el).to.be.accessible();
  });

  it('SV-1: the query can be set by the host (attributes and properties), and the grid shows the core’s answer', async () => {
    const { el, client } = await setup(
      {},
      (c) => html`<cc-supervisor-grid .client=${c} statuses="busy wrapUp" sort="timeInStatus"></cc-supervisor-grid>`,
    );
    expect(el.statuses).to.deep.equal(['busy', 'wrapUp']);
    expect(rowIds(el)).to.deep.equal(['lee', 'zoe', 'sam']);
    el.descending = true;
    el.search = 'a';
    await drawn(el);
    expect(rowIds(el)).to.deep.equal(await coreView(client, el));
    expect(rowIds(el)).to.deep.equal(['sam', 'zoe', 'lee']);
  });

  it('SV-1: a column header sorts through the core with aria-sort; pressing it again reverses', async () => {
    const { el, client, events } = await setup();
    const sortOf = (key: string) =>
      shadow(el, `[part="sort"][data-sort="${key}"]`).closest('[role="columnheader"]')!.getAttribute('aria-sort');
    expect(sortOf('name')).to.equal('ascending');
    await click(el, '[part="sort"][data-sort="status"]');
    expect(rowIds(el)).to.deep.equal(['lee', 'zoe', 'sam', 'ana', 'bo']);
    expect([sortOf('status'), sortOf('name')]).to.deep.equal(['ascending', 'none']);
    expect(el.getAttribute('sort')).to.equal('status');
    await click(el, '[part="sort"][data-sort="status"]');
    expect(sortOf('status')).to.equal('descending');
    expect(rowIds(el)).to.deep.equal(['bo', 'ana', 'sam', 'lee', 'zoe']);
    await click(el, '[part="sort"][data-sort="timeInStatus"]');
    expect(rowIds(el), 'longest in status first').to.deep.equal(['bo', 'lee', 'ana', 'zoe', 'sam']);
    await click(el, '[part="sort"][data-sort="interactions"]');
    expect(rowIds(el)).to.deep.equal(['zoe', 'lee', 'ana', 'bo', 'sam']);
    expect(rowIds(el)).to.deep.equal(await coreView(client, el));
    expect(events.filter((e) => e.type === 'cc-supervisor-query-changed')).to.have.length(4);
  });

  it('SV-1: a star per row marks favourites, kept by the core; favourites first, then favourites only', async () => {
    const { el, client, events } = await setup();
    await click(el, '[data-agent-id="sam"] [part="favourite"]');
    expect(shadow(el, '[data-agent-id="sam"] [part="favourite"]').getAttribute('aria-pressed')).to.equal('true');
    expect(events.at(-1)).to.deep.equal({ type: 'cc-favourite-toggled', detail: { agentId: 'sam', favourite: true } });
    await click(el, '[data-agent-id="zoe"] [part="favourite"]');
    await click(el, '[part="favourites-first"]');
    expect(rowIds(el)).to.deep.equal(['sam', 'zoe', 'ana', 'bo', 'lee']);
    await click(el, '[part="favourites-only"]');
    expect(rowIds(el)).to.deep.equal(['sam', 'zoe']);
    await click(el, '[data-agent-id="sam"] [part="favourite"]');
    expect(rowIds(el)).to.deep.equal(['zoe']);
    expect(events.at(-1)).to.deep.equal({ type: 'cc-favourite-toggled', detail: { agentId: 'sam', favourite: false } });
    expect(rowIds(el)).to.deep.equal(await coreView(client, el));
  });

  it('SV-3: a Finesse-style supervisor moves an agent Not Ready with a reason, and turns their queues on and off', async () => {
    const { el, adapter, events } = await setup();
    await openMenu(el, 'sam');
    expect(menuItems(el)).to.deep.equal(['Ready', 'Not Ready – Lunch', 'Not Ready – Training', 'Sign out', 'Sales']);
    expect(words(focused(el))).to.equal('Ready');
    const checked = () => shadowAll(el, '[part="menu"] [role="menuitemradio"]').map((i) => i.getAttribute('aria-checked'));
    expect(checked()).to.deep.equal(['false', 'false', 'false', 'false']);
    expect(shadow(el, '[data-agent-id="sam"] [part="actions"]').getAttribute('aria-expanded')).to.equal('true');
    await pick(el, 'Not Ready – Lunch');
    expect(adapter.commands.at(-1)).to.deep.equal({
      type: 'supervisor.setAgentStatus',
      agentId: 'sam',
      status: 'notReady',
      reasonId: 'lunch',
    });
    expect(events.at(-1)).to.deep.equal({
      type: 'cc-supervisor-action',
      detail: { agentId: 'sam', action: 'notReady', reasonId: 'lunch' },
    });
    expect(el.shadowRoot!.querySelector('[part="menu"]'), 'the menu closes').to.equal(null);
    expect(focused(el)?.getAttribute('part'), 'focus goes back to the row').to.equal('actions');

    // Ana is Not Ready for lunch already: the supervisor may change her reason, and her own is checked.
    await openMenu(el, 'ana');
    expect(menuItems(el).slice(0, 3)).to.deep.equal(['Ready', 'Not Ready – Lunch', 'Not Ready – Training']);
    expect(checked()).to.deep.equal(['false', 'true', 'false', 'false']);
    const sent = adapter.commands.length;
    await pick(el, 'Not Ready – Lunch');
    expect(adapter.commands.length, 'her current reason sends nothing').to.equal(sent);
    await pick(el, 'Not Ready – Training');
    expect(adapter.commands.at(-1)).to.deep.equal({
      type: 'supervisor.setAgentStatus',
      agentId: 'ana',
      status: 'notReady',
      reasonId: 'training',
    });

    // Lee is on a call: no Sign out (that would drop the customer); his two queues are ticks.
    await openMenu(el, 'lee');
    expect(menuItems(el)).to.deep.equal([
      'Ready',
      'Not Ready – Lunch',
      'Not Ready – Training',
      'Sales',
      'Support',
      'Listen (monitor)',
      'Whisper to the agent',
      'Barge in',
    ]);
    const checks = shadowAll(el, '[part="menu"] [role="menuitemcheckbox"]').map((i) => i.getAttribute('aria-checked'));
    expect(checks).to.deep.equal(['true', 'false']);
    await pick(el, 'Support');
    expect(adapter.commands.at(-1)).to.deep.equal({
      type: 'supervisor.setAgentQueue',
      agentId: 'lee',
      queueId: 'q-support',
      enabled: true,
    });
    expect(el.shadowRoot!.querySelector('[part="menu"]'), 'the menu stays for the next tick').to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('SV-3: an 8x8-style supervisor sees no status control, only queues; a read-only policy shows no actions at all', async () => {
    const eight = await setup({ policy: EIGHT_BY_EIGHT });
    await openMenu(eight.el, 'sam');
    expect(menuItems(eight.el)).to.deep.equal(['Sales']);
    expect(eight.el.shadowRoot!.querySelector('[data-agent-id="bo"] [part="actions"]'), 'signed out, no queue: nothing to do').to.equal(
      null,
    );
    // The virtualizer draws only rows in the viewport: make room for the next grid.
    eight.el.remove();

    const { el } = await setup({ policy: READ_ONLY });
    expect(shadowAll(el, '[part="actions"]')).to.have.length(0);
    expect(shadowAll(el, '[role="columnheader"]').map(words)).to.not.include('Actions');
    expect(shadow(el, '[part="grid"]').getAttribute('aria-colcount')).to.equal('7');
    shadow(el, '[data-agent-id="lee"] .cell.name').focus();
    await press(el, 'Enter');
    expect(el.shadowRoot!.querySelector('[part="menu"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('SV-3: a refusal shows the core’s readable error with its trace id, in the menu and on the row, and fires cc-supervisor-error', async () => {
    const { el, adapter, events } = await setup();
    adapter.respond((command) => {
      if (command.type === 'supervisor.setAgentStatus')
        throw new CcError('api', 'Sam Carter is in a call the server cannot interrupt.', { traceId: 'tr-42' });
    });
    await openMenu(el, 'sam');
    await pick(el, 'Ready');
    const error = words(shadow(el, '[part="menu"] [role="alert"] [part="error"]'));
    expect(error).to.equal('Sam Carter is in a call the server cannot interrupt. Trace id: tr-42');
    expect(words(shadow(el, '[data-agent-id="sam"] [part="row-error"]'))).to.equal(
      '⚠Last action refused: Sam Carter is in a call the server cannot interrupt.',
    );
    expect(events.at(-1)).to.deep.equal({
      type: 'cc-supervisor-error',
      detail: {
        agentId: 'sam',
        action: 'ready',
        code: 'api',
        message: 'Sam Carter is in a call the server cannot interrupt.',
        traceId: 'tr-42',
      },
    });
    await expect(el).to.be.accessible();
    // The next try clears it.
    adapter.respond(() => {});
    await pick(el, 'Ready');
    expect(el.shadowRoot!.querySelector('[data-agent-id="sam"] [part="row-error"]')).to.equal(null);
  });

  it('SV-4: listen and barge are offered on a connected call as the policy allows; the row shows the monitoring and Stop ends it', async () => {
    const policy: SupervisorPolicy = { changeAgentStatus: false, changeAgentQueues: false, monitorModes: ['monitor', 'barge'] };
    const { el, adapter, events } = await setup({ policy });
    const lee = floor()[0]!;
    const call = lee.interactions[0]!;
    adapter.respond((command) => {
      if (command.type === 'supervisor.monitor') {
        adapter.emit({ type: 'roster.changed', agents: [{ ...lee, interactions: [{ ...call, monitoring: command.mode }] }] });
      }
      if (command.type === 'supervisor.stopMonitor') adapter.emit({ type: 'roster.changed', agents: [lee] });
    });
    expect(el.shadowRoot!.querySelector('[data-agent-id="zoe"] [part="actions"]'), 'chat and email cannot be joined').to.equal(null);
    await openMenu(el, 'lee');
    expect(menuItems(el)).to.deep.equal(['Listen (monitor)', 'Barge in']);
    expect(shadow(el, '[part="menu"] [role="group"]').getAttribute('aria-label')).to.equal('Call in Sales, 1:05');
    await pick(el, 'Listen (monitor)');
    expect(adapter.commands.at(-1)).to.deep.equal({ type: 'supervisor.monitor', agentId: 'lee', taskId: 'call-lee', mode: 'monitor' });
    expect(events.at(-1)).to.deep.equal({
      type: 'cc-supervisor-action',
      detail: { agentId: 'lee', action: 'monitor', taskId: 'call-lee' },
    });
    expect(words(shadow(el, '[data-agent-id="lee"] [part="monitoring"]'))).to.equal('Listening');

    await openMenu(el, 'lee');
    expect(menuItems(el)).to.deep.equal(['Listen (monitor)', 'Barge in', 'Stop']);
    expect(shadowAll(el, '[part="menu"] [role="menuitemradio"]').map((i) => i.getAttribute('aria-checked'))).to.deep.equal([
      'true',
      'false',
    ]);
    await pick(el, 'Barge in');
    expect(adapter.commands.at(-1)).to.deep.equal({ type: 'supervisor.monitor', agentId: 'lee', taskId: 'call-lee', mode: 'barge' });
    expect(words(shadow(el, '[data-agent-id="lee"] [part="monitoring"]'))).to.equal('Barged in');
    await openMenu(el, 'lee');
    await pick(el, 'Stop');
    expect(adapter.commands.at(-1)).to.deep.equal({ type: 'supervisor.stopMonitor', agentId: 'lee', taskId: 'call-lee' });
    expect(el.shadowRoot!.querySelector('[data-agent-id="lee"] [part="monitoring"]')).to.equal(null);
  });

  it('SV-5: a hundred roster changes arriving within one frame are drawn once, in their last state', async () => {
    const { el, adapter } = await setup({}, (c) => html`<counting-supervisor-grid .client=${c}></counting-supervisor-grid>`);
    const grid = el as CountingGrid;
    const frames = holdFrames();
    try {
      const before = grid.renders;
      for (let i = 1; i <= 100; i++) {
        adapter.emit({
          type: 'roster.changed',
          agents: [agent('sam', 'Sam Carter', { status: i % 2 === 0 ? 'notReady' : 'busy', since: i })],
        });
        // Each in a task of its own, as messages arrive from a socket.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await grid.updateComplete;
      expect(grid.renders, 'nothing drawn before the frame').to.equal(before);
      expect(cell(el, 'sam', 'status')).to.equal('Wrap-up');
      frames.release();
      await grid.updateComplete;
      await settle();
      expect(grid.renders, 'one render for the hundred changes').to.equal(before + 1);
      expect(cell(el, 'sam', 'status')).to.equal('Not Ready');
    } finally {
      frames.restore();
    }
  });

  it('SV-5: with 5,000 agents only the rows in view are in the DOM; a batch of 100 changes and Ctrl+End reach the rows they concern', async () => {
    const pad = (i: number) => String(i).padStart(4, '0');
    const many = Array.from({ length: 5000 }, (_, i) => agent(`a${pad(i)}`, `Agent ${pad(i)}`, { since: -i * 1000 }));
    const { el, adapter } = await setup({ agents: many });
    expect(shadow(el, '[part="grid"]').getAttribute('aria-rowcount')).to.equal('5001');
    const drawnRows = rows(el).length;
    expect(drawnRows, 'a window of rows').to.be.within(5, 100);
    expect(rowIds(el)[0]).to.equal('a0000');
    adapter.emit({ type: 'roster.changed', agents: many.slice(0, 100).map((a) => ({ ...a, status: 'busy' as const })) });
    await drawn(el);
    expect(cell(el, 'a0000', 'status')).to.equal('Busy');
    expect(rows(el).length).to.be.within(5, 100);

    shadow(el, '[data-agent-id="a0000"] .cell.name').focus();
    await press(el, 'Control+End');
    await waitUntil(() => focusedCell(el)?.agentId === 'a4999', 'the last agent focused');
    expect(focusedCell(el)).to.deep.equal({ agentId: 'a4999', col: 7 });
    expect(rows(el).at(-1)!.getAttribute('aria-rowindex')).to.equal('5001');
    expect(rows(el).length, 'still a window').to.be.within(5, 100);
  });

  it('SV-5: with 5,000 agents, Page Down/Up and Ctrl+Home/End scroll the focused row into view through the virtualizer, clear of the header', async () => {
    const many = manyAgents();
    const { el } = await setup({ agents: many });
    shadow(el, '[data-agent-id="a0000"] .cell.name').focus();
    await press(el, 'PageDown');
    const page = rowIndexOf(el, focusedCell(el)!.agentId!);
    expect(page, 'a screenful down').to.be.within(5, 20);
    expect(inView(el, focused(el)), 'the focus in view').to.equal(true);
    for (let i = 0; i < 3; i++) await press(el, 'PageDown');
    expect(rowIndexOf(el, focusedCell(el)!.agentId!)).to.equal(page * 4);
    expect(inView(el, focused(el)), 'the focus in view').to.equal(true);
    await press(el, 'Control+End');
    await waitUntil(() => focusedCell(el)?.agentId === 'a4999', 'the last agent focused');
    await drawn(el);
    expect(inView(el, focused(el)), 'the focus in view').to.equal(true);
    await press(el, 'PageUp');
    expect(rowIndexOf(el, focusedCell(el)!.agentId!)).to.equal(4999 - page);
    expect(inView(el, focused(el)), 'the focus in view').to.equal(true);
    await press(el, 'Control+Home');
    await waitUntil(() => focusedCell(el)?.agentId === 'a0000', 'the first agent focused');
    await drawn(el);
    expect(inView(el, focused(el)), 'the focus in view, not under the sticky header').to.equal(true);
    expect(rows(el).length, 'still a window').to.be.within(5, 100);
  });

  it('SV-5: scrolling the grid brings far rows into the DOM, each where its place in the view says; live re-sorts there show the core’s order', async () => {
    const many = manyAgents();
    const { el, adapter, client } = await setup(
      { agents: many },
      (c) => html`<cc-supervisor-grid .client=${c} sort="status"></cc-supervisor-grid>`,
    );
    const grid = shadow(el, '[part="grid"]');
    const height = rows(el)[0]!.getBoundingClientRect().height;
    grid.scrollTop = 2500 * height;
    await waitUntil(() => rows(el).some((r) => rowIndex(r) === 2502), 'row 2,501 drawn');
    await drawn(el);
    expect(rows(el).length, 'a window of rows').to.be.within(5, 100);
    const placed = () => {
      const drawnRows = rows(el);
      const first = rowIndex(drawnRows[0]!) - 2;
      const view = coreView(client, el);
      return view.then((ids) => {
        expect(rowIds(el), 'the core’s order, from the first row drawn').to.deep.equal(ids.slice(first, first + drawnRows.length));
        const top = drawnRows[0]!.getBoundingClientRect().top;
        drawnRows.forEach((row, i) => expect(row.getBoundingClientRect().top - top).to.be.closeTo(i * height, 0.5));
      });
    };
    await placed();
    const visible = rows(el).find((r) => inView(el, r))!;
    expect(rowIndex(visible) - 2, 'the row at the top of the view').to.be.within(2499, 2501);

    // A batch that moves agents across the statuses: the rows drawn there follow.
    adapter.emit({
      type: 'roster.changed',
      agents: many.filter((_, i) => i % 7 === 0).map((a, i) => ({ ...a, status: i % 2 === 0 ? ('busy' as const) : ('notReady' as const) })),
    });
    await drawn(el);
    await placed();

    // The rows' height set by the page: the rows are placed by it.
    el.style.setProperty('--cc-supervisor-grid-row-block-size', '3.5rem');
    const taller = parseFloat(getComputedStyle(document.documentElement).fontSize) * 3.5;
    await waitUntil(
      () => Math.abs(rows(el)[1]!.getBoundingClientRect().top - rows(el)[0]!.getBoundingClientRect().top - taller) < 0.5,
      'rows re-placed',
    );
  });

  it('SV-5: in a page that scrolls (the grid not limited in height), the page’s scrolling brings far rows in', async () => {
    const { el } = await setup(
      { agents: manyAgents() },
      (c) => html`<cc-supervisor-grid style="--cc-supervisor-grid-max-block-size: none" .client=${c}></cc-supervisor-grid>`,
    );
    try {
      const height = rows(el)[0]!.getBoundingClientRect().height;
      const body = shadow(el, '.body');
      window.scrollTo(0, body.getBoundingClientRect().top + window.scrollY + 1000 * height);
      await waitUntil(() => rows(el).some((r) => rowIndex(r) === 1002), 'row 1,001 drawn');
      expect(rows(el).length, 'a window of rows').to.be.within(5, 100);
      const atTop = rows(el).find((r) => Math.abs(r.getBoundingClientRect().top) < height / 2);
      expect(atTop && rowIndex(atTop) - 2, 'the row at the top of the window').to.be.within(999, 1001);
    } finally {
      window.scrollTo(0, 0);
    }
  });

  it('SV-5: in a narrow grid the rows keep the columns’ minimum width, as wide as the header row, right to left too', async () => {
    for (const dir of ['ltr', 'rtl']) {
      const { el } = await setup(
        {},
        (c) => html`<cc-supervisor-grid dir=${dir} style="inline-size: 25rem" .client=${c}></cc-supervisor-grid>`,
      );
      const header = shadow(el, '[part="header"] [role="row"]').getBoundingClientRect();
      const grid = shadow(el, '[part="grid"]').getBoundingClientRect();
      expect(header.width, 'wider than the grid: it scrolls sideways').to.be.greaterThan(grid.width);
      for (const r of rows(el)) {
        const box = r.getBoundingClientRect();
        expect([box.left, box.width], dir).to.deep.equal([header.left, header.width]);
      }
    }
  });

  it('SV-1: the grid is one Tab stop; arrows, Home/End and Page Up/Down move between cells; Enter opens the actions, Escape closes them, Space selects', async () => {
    const { el, events } = await setup();
    shadow(el, '[part="favourites-only"]').focus();
    await press(el, 'Tab');
    expect(focusedCell(el)).to.deep.equal({ agentId: 'ana', col: 1 });
    expect(shadowAll(el, '[part="grid"] [tabindex="0"]'), 'one Tab stop').to.have.length(1);
    await press(el, 'ArrowDown');
    expect(focusedCell(el)).to.deep.equal({ agentId: 'bo', col: 1 });
    await press(el, 'ArrowRight');
    expect(focusedCell(el)).to.deep.equal({ agentId: 'bo', col: 2 });
    await press(el, 'End');
    expect(focusedCell(el)).to.deep.equal({ agentId: 'bo', col: 7 });
    await press(el, 'Home');
    expect(focusedCell(el)).to.deep.equal({ agentId: 'bo', col: 0 });
    expect(focused(el)!.getAttribute('part'), 'a cell with one button focuses the button').to.equal('favourite');
    await press(el, 'ArrowUp');
    await press(el, 'ArrowUp');
    expect(focusedCell(el), 'the header row').to.deep.equal({ agentId: undefined, col: 0 });
    await press(el, 'ArrowRight');
    expect(focused(el)!.getAttribute('data-sort')).to.equal('name');
    await press(el, 'Control+End');
    expect(focusedCell(el)).to.deep.equal({ agentId: 'zoe', col: 7 });
    await press(el, 'PageUp');
    expect(focusedCell(el)).to.deep.equal({ agentId: 'ana', col: 7 });
    await press(el, 'PageDown');
    expect(focusedCell(el)).to.deep.equal({ agentId: 'zoe', col: 7 });
    await press(el, 'Control+Home');
    expect(focusedCell(el)).to.deep.equal({ agentId: 'ana', col: 0 });

    await press(el, 'ArrowRight');
    await press(el, 'Enter');
    expect(menuItems(el)[0]).to.equal('Ready');
    expect(words(focused(el))).to.equal('Ready');
    await press(el, 'ArrowDown');
    expect(words(focused(el))).to.equal('Not Ready – Lunch');
    expect(focused(el)!.getAttribute('aria-checked'), 'her status now').to.equal('true');
    await press(el, 'Escape');
    expect(el.shadowRoot!.querySelector('[part="menu"]')).to.equal(null);
    expect(focusedCell(el), 'back where Enter was pressed').to.deep.equal({ agentId: 'ana', col: 1 });

    await press(el, ' ');
    expect(row(el, 'ana').getAttribute('aria-selected')).to.equal('true');
    expect(el.selectedAgentId).to.equal('ana');
    expect(events.at(-1)).to.deep.equal({ type: 'cc-agent-selected', detail: { agentId: 'ana' } });
    await press(el, 'Tab');
    expect(focused(el), 'Tab leaves the grid').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('SV-1: right to left, the arrows follow the reading direction', async () => {
    const { el } = await setup({}, (c) => html`<cc-supervisor-grid dir="rtl" .client=${c}></cc-supervisor-grid>`);
    shadow(el, '[data-agent-id="ana"] .cell.name').focus();
    await press(el, 'ArrowLeft');
    expect(focusedCell(el)).to.deep.equal({ agentId: 'ana', col: 2 });
    await press(el, 'ArrowRight');
    await press(el, 'ArrowRight');
    expect(focusedCell(el)).to.deep.equal({ agentId: 'ana', col: 0 });
    await expect(el).to.be.accessible();
  });

  it('SV-1: the focused agent keeps the focus when a live update moves their row', async () => {
    const { el, adapter } = await setup({}, (c) => html`<cc-supervisor-grid .client=${c} sort="status"></cc-supervisor-grid>`);
    expect(rowIds(el)).to.deep.equal(['lee', 'zoe', 'sam', 'ana', 'bo']);
    shadow(el, '[data-agent-id="ana"] .cell.status').focus();
    await drawn(el);
    adapter.emit({ type: 'roster.changed', agents: [agent('ana', 'Ana Popescu', { status: 'busy', since: 0 })] });
    await drawn(el);
    expect(rowIds(el)).to.deep.equal(['ana', 'lee', 'zoe', 'sam', 'bo']);
    expect(focusedCell(el)).to.deep.equal({ agentId: 'ana', col: 2 });
    await press(el, 'ArrowDown');
    expect(focusedCell(el)).to.deep.equal({ agentId: 'lee', col: 2 });
  });

  it('SV-2/QL-6/QL-7: the queues view lists the monitored queues with their live figures, the longest wait ticking and the no-agent warning', async () => {
    const { el, time, events } = await setup();
    const tab = shadow(el, '[part~="tab"][data-view="queues"]');
    expect(words(tab)).to.equal('Queues (2) ⚠A queue has calls waiting and no agent signed in');
    tab.click();
    await drawn(el);
    expect(el.view).to.equal('queues');
    expect(events.at(-1)).to.deep.equal({ type: 'cc-supervisor-view-changed', detail: { view: 'queues' } });
    const queueRows = shadowAll(el, '[part="queue-row"]');
    expect(
      queueRows.map((r) => r.dataset['queueId']),
      'monitored queues only',
    ).to.deep.equal(['q-sales', 'q-support']);
    const cells = (r: Element) => [...r.querySelectorAll('th, td')].map(words);
    expect(cells(queueRows[0]!)).to.deep.equal(['Voice Sales', '2', '0:42', '3', '120', '118', '4', '87%', '1', '1', '3']);
    expect(cells(queueRows[1]!)[0]).to.equal('Voice Support ⚠ No agent signed in');
    expect(cells(queueRows[1]!).slice(4, 5)).to.deep.equal(['–not reported']);
    expect(queueRows[1]!.hasAttribute('data-warning')).to.equal(true);
    await time.advance(1000);
    await drawn(el);
    expect(words(shadow(el, '[data-queue-id="q-sales"] [part="longest-wait"]'))).to.equal('0:43');
    await expect(el).to.be.accessible();
    shadow(el, '[part~="tab"][data-view="queues"]').focus();
    await press(el, 'ArrowLeft');
    expect(el.view).to.equal('agents');
    expect(focused(el)!.dataset['view']).to.equal('agents');
  });

  it('SV-1/SV-2: empty states — no supervisor session, no agents, nothing matches, no monitored queue', async () => {
    const agentOnly = await setup({ role: 'agent' });
    expect(shadow(agentOnly.el, '[part="empty"]').dataset['empty']).to.equal('no-session');
    await expect(agentOnly.el).to.be.accessible();

    const nobody = await setup({ agents: [], queues: [] });
    expect(words(shadow(nobody.el, '[part="empty"][data-empty="no-agents"]'))).to.equal('Your teams have no agents yet.');
    await click(nobody.el, '[part~="tab"][data-view="queues"]');
    expect(shadow(nobody.el, '[part="empty"]').dataset['empty']).to.equal('no-queues');
    await expect(nobody.el).to.be.accessible();

    const { el } = await setup();
    await type(shadow<HTMLInputElement>(el, '[part="search"]'), 'nobody here');
    await drawn(el);
    expect(words(shadow(el, '[part="empty"][data-empty="filtered"]'))).to.equal('No agent matches the search and filters. Clear filters');
    await expect(el).to.be.accessible();
    await click(el, '[part="clear-filters"]');
    expect(rowIds(el)).to.have.length(5);
    expect(focused(el)?.getAttribute('part')).to.equal('search');
  });

  it('SV-1/SV-2/SV-3 simulator: Camille’s floor arrives, she moves an agent Not Ready with a reason and the row follows; her monitored queues show their figures', async () => {
    const time = new ManualTime();
    const scenario = { ...SCENARIOS.supervisorFloor, traffic: false };
    const adapter = createSimAdapter({ scenario, scheduler: time.scheduler, latencyMs: 50 });
    const client = createClient({ adapter, scheduler: time.scheduler, storage: memoryStorage() });
    const el = await fixture<CcSupervisorGrid>(html`<cc-supervisor-grid .client=${client}></cc-supervisor-grid>`);
    try {
      await time.advance(200);
      const signedIn = client.signIn({ role: 'supervisor', station: { kind: 'desktop' } });
      await time.advance(500);
      await signedIn;
      await time.advance(500);
      await rowsDrawn(el);
      const roster = Object.values(client.state.roster);
      expect(roster.length, 'the floor and the real agents').to.be.greaterThan(30);
      expect(shadow(el, '[part="grid"]').getAttribute('aria-rowcount')).to.equal(String(roster.length + 1));
      expect(rowIds(el)).to.deep.equal(
        rosterView(roster, { sort: 'name' })
          .map((a) => a.id)
          .slice(0, rowIds(el).length),
      );

      const target = rosterView(roster, { statuses: ['ready'] }).find((a) => a.interactions.length === 0)!;
      await type(shadow<HTMLInputElement>(el, '[part="search"]'), target.name);
      await drawn(el);
      expect(rowIds(el)).to.include(target.id);
      const reason = scenario.tenant.notReadyReasons[0]!;
      await openMenu(el, target.id);
      await pick(el, `Not Ready – ${reason.label}`);
      await time.advance(500);
      await drawn(el);
      expect(cell(el, target.id, 'status')).to.equal(`Not Ready ${reason.label}`);

      await click(el, '[part~="tab"][data-view="queues"]');
      const monitored = client.state.queues.filter((q) => q.monitored).map((q) => q.id);
      expect(monitored.length).to.be.greaterThan(0);
      expect(shadowAll(el, '[part="queue-row"]').map((r) => r.dataset['queueId'])).to.have.members(monitored);
      await expect(el).to.be.accessible();
    } finally {
      client.dispose();
      adapter.engine.dispose();
    }
  });
});
