// <cc-supervisor-grid>: the supervisor's floor (SV-1…SV-5, QL-6, QL-7) — every agent of the
// supervisor's teams live, searched, filtered, sorted and starred by the core, with the actions the
// backend's policy allows; and the monitored queues' live figures. Rows are virtualised with
// @lit-labs/virtualizer (only those in view are in the DOM; all are one height, so its layout works
// out where each goes and never measures one) and drawn at most once per animation frame, however
// fast the roster changes.

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { localized, msg, str } from '@lit/localize';
import { BehaviorSubject, combineLatest, map, of, switchMap, take } from 'rxjs';
import {
  agentActions,
  CcError,
  CHANNELS,
  queueListView,
  ROSTER_STATUSES,
  type AgentActions,
  type AgentProfile,
  type AgentSession,
  type CcClient,
  type Channel,
  type ErrorInfo,
  type MediaStatus,
  type MonitorMode,
  type Queue,
  type QueueRow,
  type RosterAgent,
  type RosterInteraction,
  type RosterQuery,
  type RosterSort,
  type RosterStatus,
  type TaskStatus,
  type TenantSettings,
} from '@cc-elements/core';
import { CcElement } from '../internal/cc-element.js';
import { StoreController } from '../internal/store-controller.js';
import { controls } from '../internal/tokens.js';
import { errorLine } from '../internal/error-line.js';
import { channelName, errorMessage, mediaName, statusName, systemReasonName } from '../internal/messages.js';
import { formatDuration } from '../internal/format.js';
import { formatLocale } from '../internal/locale.js';
import { channelIcon, mediaIcon } from './icons.js';
import { perFrame } from './per-frame.js';
import { styles } from './supervisor-grid.styles.js';

/** The two views: the agents (SV-1) and the monitored queues (SV-2). */
export const SUPERVISOR_VIEWS = ['agents', 'queues'] as const;
export type SupervisorView = (typeof SUPERVISOR_VIEWS)[number];

/** What the supervisor did (or tried) to an agent. */
export const SUPERVISOR_ACTIONS = [
  'ready',
  'notReady',
  'signOut',
  'enableQueue',
  'disableQueue',
  'monitor',
  'whisper',
  'barge',
  'stopMonitor',
  'favourite',
] as const;
export type SupervisorAction = (typeof SUPERVISOR_ACTIONS)[number];

/** `cc-supervisor-action`: an action the backend carried out. */
export interface SupervisorActionDetail {
  readonly agentId: string;
  readonly action: SupervisorAction;
  /** Not Ready: the reason chosen. */
  readonly reasonId?: string;
  /** enableQueue / disableQueue: the queue. */
  readonly queueId?: string;
  /** monitor / whisper / barge / stopMonitor: the call. */
  readonly taskId?: string;
}

/** `cc-supervisor-error`: a refused or failed action, in the core's error shape (SL-10: with the trace id). */
export interface SupervisorErrorDetail extends SupervisorActionDetail, ErrorInfo {}

/** `cc-agent-selected`: the supervisor picked a row (click, or Space on a cell). */
export interface AgentSelectedDetail {
  readonly agentId: string;
}

/** `cc-favourite-toggled`: an agent was starred or unstarred (kept by the core through reloads). */
export interface FavouriteToggledDetail {
  readonly agentId: string;
  readonly favourite: boolean;
}

/** `cc-supervisor-query-changed`: the person changed the search, a filter or the sort. */
export interface SupervisorQueryDetail {
  readonly query: RosterQuery;
}

/** `cc-supervisor-view-changed`: the person switched between agents and queues. */
export interface SupervisorViewDetail {
  readonly view: SupervisorView;
}

/** The agents view's columns, in order. */
type Column = 'favourite' | 'name' | 'status' | 'time' | 'channels' | 'interactions' | 'queues' | 'actions';
const COLUMNS: readonly Column[] = ['favourite', 'name', 'status', 'time', 'channels', 'interactions', 'queues', 'actions'];
/** Without the actions column: a supervisor whose policy allows no action sees no control for one. */
const READ_ONLY_COLUMNS: readonly Column[] = COLUMNS.filter((c) => c !== 'actions');
/** The columns that sort, each by the core's key (SV-1). */
const SORT_OF: Partial<Record<Column, RosterSort>> = { name: 'name', status: 'status', time: 'timeInStatus', interactions: 'interactions' };

/** One frame of the roster as the grid draws it: the core's view for `query`. */
interface RosterFrame {
  readonly agents: readonly RosterAgent[];
  readonly total: number;
  readonly favourites: ReadonlySet<string>;
  readonly query: RosterQuery;
}

/** The open menu's agent and what the policy allows on them now. */
interface MenuData {
  readonly agent: RosterAgent | undefined;
  readonly actions: AgentActions | undefined;
}

type Bound = {
  session: AgentSession | undefined;
  profile: AgentProfile | undefined;
  tenant: TenantSettings;
  queues: readonly Queue[];
  roster: RosterFrame;
  now: number;
  menu: MenuData | undefined;
};

/** The focused cell: `index` -1 is the header row; `agentId` follows the agent through re-sorts. */
interface ActiveCell {
  readonly agentId: string | undefined;
  readonly index: number;
  readonly col: number;
}

/** What one row's drawing depends on besides the agent. */
interface RowContext {
  readonly columns: readonly Column[];
  readonly now: number;
  readonly tenant: TenantSettings;
  readonly favourites: ReadonlySet<string>;
  readonly queueNames: ReadonlyMap<string, string>;
  readonly teamNames: ReadonlyMap<string, string>;
}

const statusesConverter = {
  fromAttribute: (value: string | null): RosterStatus[] =>
    (value ?? '').split(/[\s,]+/).filter((s): s is RosterStatus => (ROSTER_STATUSES as readonly string[]).includes(s)),
  toAttribute: (value: readonly RosterStatus[]) => value.join(' '),
};

type VirtualRows = typeof import('./virtual-rows.js');
type RowsLayout = ReturnType<VirtualRows['fixedRows']>;

/** The virtualizer once its chunk has arrived; every grid on the page shares the one load. */
let virtualRows: VirtualRows | undefined;
let virtualRowsLoading: Promise<VirtualRows> | undefined;
const loadVirtualRows = () => (virtualRowsLoading ??= import('./virtual-rows.js').then((module) => (virtualRows = module)));

/** The rows' height in rem (the default of --cc-supervisor-grid-row-block-size), until the header row has been measured. */
const ROW_REM = 2.75;
/** Rows drawn beyond those in view, above and below (px): a fast scroll shows rows, not a gap. */
const OVERSCAN_PX = 480;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

let nextId = 0;

/**
 * @summary The supervisor's live floor. Agents: name, status and reason, time in status ticking,
 * channel states, active interactions with their own time, queues; search, status, channel, team
 * and queue filters, sortable columns and favourites, all answered by the core; an actions menu
 * per agent with what the backend's policy allows (Ready / Not Ready with a reason / Sign out,
 * each queue on or off, listen / whisper / barge on a connected call, stop). Queues: waiting,
 * longest wait, busy, handled, accepted, abandoned, service level, agents ready / not ready /
 * talking, and the no-agent warning.
 *
 * Thousands of agents: rows are virtualised (only the rows in view are in the DOM) and the grid
 * draws at most once per animation frame however often the roster changes; every row's time ticks
 * from one shared clock. Keyboard: the grid is one Tab stop; arrows move between cells, Home/End
 * to the row's ends (with Ctrl to the first/last agent), Page Up/Down by a screenful, Enter opens
 * the agent's actions, Space selects the agent, Escape closes the menu.
 *
 * @fires cc-agent-selected - The supervisor picked an agent (click on a row, or Space). Detail: agentId.
 * @fires cc-favourite-toggled - An agent was starred or unstarred. Detail: agentId, favourite.
 * @fires cc-supervisor-action - The backend carried out an action on an agent. Detail: agentId, action, reasonId / queueId / taskId.
 * @fires cc-supervisor-error - An action was refused or failed; shown in the menu and on the row. Detail: agentId, action, code, message, traceId.
 * @fires cc-supervisor-query-changed - The person changed the search, a filter or the sort. Detail: query (the core's RosterQuery).
 * @fires cc-supervisor-view-changed - The person switched between the agents and queues views. Detail: view.
 *
 * @csspart connection-lost - SE-4: the banner while the backend connection is lost and being re-established.
 * @csspart tabs - The Agents / Queues switch (a tab list).
 * @csspart tab - One tab; `aria-selected` on the current one.
 * @csspart toolbar - Search and filters of the agents view.
 * @csspart search - The search field.
 * @csspart status-filter - The status toggle buttons (a group).
 * @csspart status-toggle - One status toggle; `aria-pressed` when it filters.
 * @csspart channel-filter - The channel select.
 * @csspart team-filter - The team select (only with several teams).
 * @csspart queue-filter - The queue select (only when there are queues).
 * @csspart favourites-first - The "Favourites first" checkbox.
 * @csspart favourites-only - The "Favourites only" checkbox.
 * @csspart count - "12 of 240 agents".
 * @csspart grid - The agents grid (the scrolling element).
 * @csspart header - The grid's header row.
 * @csspart sort - A column's sort button.
 * @csspart row - One agent's row; `data-agent-id`, `data-status`, `aria-selected`.
 * @csspart favourite - A row's star button (`aria-pressed`).
 * @csspart name - An agent's name.
 * @csspart status - An agent's status badge; `data-status`.
 * @csspart reason - An agent's Not Ready reason.
 * @csspart time - Time in status, ticking.
 * @csspart channel - One channel's state; `data-channel`, `data-status`.
 * @csspart interaction - One active interaction with its own time; `data-media`, `data-status`.
 * @csspart monitoring - The supervisor's own monitoring of a call (listening, whispering, barged in).
 * @csspart queues - An agent's queues.
 * @csspart actions - A row's button that opens the actions menu.
 * @csspart row-error - A row whose last action was refused.
 * @csspart menu - The actions menu (a popover).
 * @csspart menu-item - One action in the menu.
 * @csspart error - A refusal with its trace id (in the menu).
 * @csspart empty - An empty state; `data-empty` is no-session, no-agents, filtered or no-queues.
 * @csspart clear-filters - "Clear filters" in the filtered empty state.
 * @csspart queues-table - The queues view's table.
 * @csspart queue-row - One queue; `data-queue-id`, `data-warning` with the QL-6 warning.
 * @csspart warning - QL-6: calls waiting and no agent signed in.
 * @csspart longest-wait - A queue's longest wait, ticking.
 *
 * @cssproperty --cc-supervisor-grid-max-block-size - Tallest the agents grid grows before it scrolls (default 32rem).
 * @cssproperty --cc-supervisor-grid-row-block-size - Height of one agent row (default 2.75rem; rows are all one height).
 * @cssproperty --cc-supervisor-grid-min-inline-size - Narrowest the grid's columns get before it scrolls sideways (default 58rem).
 * @cssproperty --cc-supervisor-grid-busy-color - The Busy status (default: the accent colour).
 * @cssproperty --cc-supervisor-grid-warning-color - The QL-6 no-agent warning (default: the danger colour).
 * @cssproperty --cc-supervisor-grid-selected-background - The selected row's background.
 */
@localized()
export class CcSupervisorGrid extends CcElement {
  static override styles = [CcElement.styles, controls, styles];

  /** `agents` (SV-1) or `queues` (SV-2). */
  @property({ reflect: true }) view: SupervisorView = 'agents';

  /** SV-1: search by name, id or team; case and accents are ignored (by the core). */
  @property() search = '';

  /** SV-1: only agents in these statuses (all when empty). Attribute: space-separated, e.g. `ready notReady`. */
  @property({ converter: statusesConverter }) statuses: readonly RosterStatus[] = [];

  /** SV-1: only agents signed in on this channel group. */
  @property() channel: Channel | undefined;

  /** SV-1: only agents of this team. */
  @property({ attribute: 'team-id' }) teamId: string | undefined;

  /** SV-1: only agents who take work from this queue. */
  @property({ attribute: 'queue-id' }) queueId: string | undefined;

  /** SV-1: the sorted column: `name`, `status`, `timeInStatus` or `interactions`. */
  @property({ reflect: true }) sort: RosterSort = 'name';

  /** SV-1: the sort reversed. */
  @property({ type: Boolean, reflect: true }) descending = false;

  /** SV-1: favourite agents before the others. */
  @property({ attribute: 'favourites-first', type: Boolean, reflect: true }) favouritesFirst = false;

  /** SV-1: favourite agents only. */
  @property({ attribute: 'favourites-only', type: Boolean, reflect: true }) favouritesOnly = false;

  /** The selected agent's row (`aria-selected`); set by a click or Space, or by the host. */
  @property({ attribute: 'selected-agent-id', reflect: true }) selectedAgentId: string | undefined;

  /** The agent whose actions menu is open. */
  @state() private menuAgentId: string | undefined;
  /** Actions on their way, as `agentId:key`: their menu items say busy and ignore presses. */
  @state() private pending: ReadonlySet<string> = new Set();
  /** The last refusal per agent, shown in the menu and on the row until the next action. */
  @state() private failures: ReadonlyMap<string, SupervisorErrorDetail> = new Map();
  /** The live region's words: the number of agents after a search or filter, never per update. */
  @state() private announcement = '';

  readonly #id = `cc-supervisor-grid-${nextId++}`;
  readonly #query$ = new BehaviorSubject<RosterQuery>({ sort: 'name' });
  readonly #menuAgent$ = new BehaviorSubject<string | undefined>(undefined);
  #queryKey = JSON.stringify({ sort: 'name' });
  #announcedQuery: RosterQuery | undefined;
  #active: ActiveCell = { agentId: undefined, index: 0, col: 1 };
  /** Keyboard focus is on a cell of the grid (so a re-sort that moves its row gives it back). */
  #focusInGrid = false;
  /** Focus the grid gives itself back, which must not scroll. */
  #quietFocus = false;
  /** Lit or the virtualizer is changing the DOM: a blur now is a row being moved, not the person leaving. */
  #drawing = false;
  /** Where the open menu came from, to give focus back on Escape. */
  #menuTrigger: { agentId: string; col: number } | undefined;
  #menuShown = false;
  /** SV-5: one row's height (px), from the header row's size (all rows are one height); 0 until known. */
  #rowHeight = 0;
  /** Watches the header row's size (so the rows' height), when there is a grid. */
  #rowSize: ResizeObserver | undefined;
  #headerRow: Element | null = null;
  /** The virtualizer's layout for the current row height (one object while the height holds). */
  #rowsLayout: RowsLayout | undefined;
  /** The virtualizer's items: the rows' places 0…n-1 (see #renderRows). */
  #slots: number[] = [];
  #queueNames: { readonly queues: readonly Queue[]; readonly names: ReadonlyMap<string, string> } | undefined;
  #teamNames: { readonly profile: AgentProfile | undefined; readonly names: ReadonlyMap<string, string> } | undefined;

  readonly #store = new StoreController<Bound>(this, (client) => ({
    session: client.session$,
    profile: client.profile$,
    tenant: client.tenant$,
    queues: client.queues$.pipe(perFrame()),
    roster: this.#query$.pipe(switchMap((query) => rosterFrames(client, query))),
    now: client.clock$.pipe(perFrame()),
    menu: this.#menuAgent$.pipe(
      switchMap((agentId) =>
        agentId === undefined
          ? of(undefined)
          : combineLatest({ agent: client.select((s) => s.roster[agentId]), actions: client.agentActions$(agentId) }).pipe(perFrame()),
      ),
    ),
  }));

  /** SV-1: the query the grid asks the core for, from the properties above. */
  get query(): RosterQuery {
    const search = this.search.trim();
    return {
      ...(search ? { search } : {}),
      ...(this.statuses.length > 0 ? { statuses: [...this.statuses] } : {}),
      ...(this.channel ? { channel: this.channel } : {}),
      ...(this.teamId ? { teamId: this.teamId } : {}),
      ...(this.queueId ? { queueId: this.queueId } : {}),
      ...(this.favouritesOnly ? { favouritesOnly: true } : {}),
      sort: this.sort,
      ...(this.descending ? { descending: true } : {}),
      ...(this.favouritesFirst ? { favouritesFirst: true } : {}),
    };
  }

  get #agents(): readonly RosterAgent[] {
    return this.#store.value.roster?.agents ?? [];
  }

  get #grid(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part="grid"]');
  }

  get #body(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.body');
  }

  get #rtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  // ---- lifecycle ------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const query = this.query;
    const key = JSON.stringify(query);
    // A new query is answered in this very update: the core's view for it arrives synchronously.
    if (key !== this.#queryKey) {
      this.#queryKey = key;
      this.#query$.next(query);
    }
    const frame = this.#store.value.roster;
    if (frame && frame.query !== this.#announcedQuery) {
      // Said once per search or filter, not on every roster update (the first load says nothing).
      if (this.#announcedQuery !== undefined) this.announcement = countSentence(frame.agents.length, frame.total);
      this.#announcedQuery = frame.query;
    }
    this.#resolveActive();
  }

  protected override update(changed: PropertyValues<this>): void {
    this.#drawing = true;
    try {
      super.update(changed);
    } finally {
      this.#drawing = false;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#watchRowHeight();
    this.#syncMenu();
    this.#afterRows();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#focusInGrid = false;
    this.#rowSize?.disconnect();
    this.#headerRow = null;
    window.removeEventListener('pointerdown', this.#onOutsidePointer, true);
  }

  /** The focused cell follows its agent through re-sorts; an agent who left gives way to the row now in its place. */
  #resolveActive(): void {
    const agents = this.#agents;
    const { agentId, index, col: wanted } = this.#active;
    const col = Math.max(0, Math.min(wanted, this.#columns().length - 1));
    if (index < 0 || agents.length === 0) {
      this.#active = { agentId: undefined, index, col };
      return;
    }
    // Most updates leave the agent where it was: look there before searching thousands of rows.
    let at = agentId === undefined || agents[index]?.id === agentId ? index : agents.findIndex((a) => a.id === agentId);
    if (at < 0 || at >= agents.length) at = Math.min(index, agents.length - 1);
    this.#active = { agentId: agents[at]!.id, index: at, col };
  }

  #columns(): readonly Column[] {
    const policy = this.#store.value.tenant?.supervisor;
    const anyAction = policy !== undefined && (policy.changeAgentStatus || policy.changeAgentQueues || policy.monitorModes.length > 0);
    return anyAction ? COLUMNS : READ_ONLY_COLUMNS;
  }

  // ---- focus in the grid ------------------------------------------------------------------------------

  /** After every render (ours or the virtualizer's): keep exactly one Tab stop and give back focus a move took. */
  #afterRows(): void {
    const grid = this.#grid;
    if (!grid) return;
    const target = this.#activeTarget();
    if (this.#focusInGrid && !this.shadowRoot?.activeElement) {
      // Lit moved the focused row to its new place (a re-sort): focus goes with it. A row scrolled
      // out of the DOM leaves focus on the grid itself, without scrolling back to it.
      this.#quietFocus = true;
      (target ?? grid).focus({ preventScroll: true });
      this.#quietFocus = false;
    }
    // When the focused row is scrolled out of the DOM, the grid itself is the Tab stop.
    grid.tabIndex = target ? -1 : 0;
  }

  #onRangeChanged(): void {
    // The virtualizer draws its rows right after this event (the rows of a new range, or moved by a
    // re-sort); look once it has.
    this.#drawing = true;
    queueMicrotask(() => {
      this.#drawing = false;
      this.#afterRows();
    });
  }

  #row(index: number): HTMLElement | null {
    return this.#body?.querySelector<HTMLElement>(`[role="row"][aria-rowindex="${index + 2}"]`) ?? null;
  }

  /** The element that takes focus in a cell: its one button, or the cell itself. */
  #cellTarget(row: Element | null, col: number): HTMLElement | null {
    const cell = row?.querySelector<HTMLElement>(`[data-col="${col}"]`);
    if (!cell) return null;
    return cell.querySelector<HTMLElement>('button') ?? cell;
  }

  #activeTarget(): HTMLElement | null {
    const { index, col } = this.#active;
    if (index < 0) return this.#cellTarget(this.renderRoot.querySelector('[part="header"] [role="row"]'), col);
    return this.#cellTarget(this.#row(index), col);
  }

  async #focusCell(index: number, col: number): Promise<void> {
    const agents = this.#agents;
    this.#active = { agentId: index >= 0 ? agents[index]?.id : undefined, index, col };
    this.requestUpdate();
    await this.updateComplete;
    if (index >= 0 && !this.#row(index)) {
      // A row out of the DOM: the virtualizer scrolls to it and draws it.
      this.#virtualizer?.element(index)?.scrollIntoView({ block: 'nearest' });
      for (let i = 0; i < 30 && !this.#row(index); i++) await nextFrame();
    }
    const target = this.#activeTarget();
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  #onGridFocusIn(event: FocusEvent): void {
    this.#focusInGrid = true;
    const target = event.target as HTMLElement;
    if (target === event.currentTarget) {
      if (this.#quietFocus) return;
      // Tab reached the grid while its focused row was scrolled away: bring that row back.
      void this.#focusCell(this.#active.index, this.#active.col);
      return;
    }
    const cell = target.closest<HTMLElement>('[data-col]');
    const row = target.closest<HTMLElement>('[role="row"]');
    if (!cell || !row) return;
    const col = Number(cell.dataset['col']);
    const index = Number(row.getAttribute('aria-rowindex')) - 2;
    const agentId = row.dataset['agentId'];
    if (index !== this.#active.index || col !== this.#active.col || agentId !== this.#active.agentId) {
      this.#active = { agentId, index, col };
      this.requestUpdate();
    }
  }

  #onGridFocusOut(event: FocusEvent): void {
    // Chromium blurs a focused row that a redraw moves or removes: that is no leaving the grid.
    if (this.#drawing) return;
    const next = event.relatedTarget as Node | null;
    if (!next || !(event.currentTarget as HTMLElement).contains(next)) this.#focusInGrid = false;
  }

  #onGridKey(event: KeyboardEvent): void {
    if (event.altKey || event.metaKey) return;
    const agents = this.#agents;
    const last = agents.length - 1;
    const columns = this.#columns().length;
    let { index, col } = this.#active;
    const onButton = (event.target as HTMLElement).localName === 'button';
    const page = this.#pageSize();
    switch (event.key) {
      case 'ArrowDown':
        index = Math.min(index + 1, last);
        break;
      case 'ArrowUp':
        index = Math.max(index - 1, -1);
        break;
      case 'ArrowRight':
        col += this.#rtl ? -1 : 1;
        break;
      case 'ArrowLeft':
        col += this.#rtl ? 1 : -1;
        break;
      case 'Home':
        if (event.ctrlKey) index = Math.min(0, last);
        col = 0;
        break;
      case 'End':
        if (event.ctrlKey) index = last;
        col = columns - 1;
        break;
      case 'PageDown':
        index = Math.min(index + page, last);
        break;
      case 'PageUp':
        index = index <= 0 ? -1 : Math.max(index - page, 0);
        break;
      case 'Enter': {
        if (onButton || index < 0) return;
        const agent = agents[index];
        if (agent && this.#hasActions(agent)) {
          event.preventDefault();
          this.#openMenu(agent.id, col);
        }
        return;
      }
      case ' ':
        if (onButton || index < 0) return;
        event.preventDefault();
        if (agents[index]) this.#selectAgent(agents[index]!.id);
        return;
      default:
        return;
    }
    event.preventDefault();
    void this.#focusCell(index, Math.max(0, Math.min(col, columns - 1)));
  }

  /** Rows in one screenful of the grid, for Page Up / Page Down. */
  #pageSize(): number {
    const grid = this.#grid;
    const row = this.#body?.querySelector<HTMLElement>('[role="row"]');
    if (!grid || !row || row.offsetHeight === 0) return 10;
    return Math.max(1, Math.floor(grid.clientHeight / row.offsetHeight) - 1);
  }

  #onGridClick(event: MouseEvent): void {
    const target = event.target as HTMLElement;
    if (target.closest('button')) return;
    const row = target.closest<HTMLElement>('[part~="row"]');
    const agentId = row?.dataset['agentId'];
    if (agentId) this.#selectAgent(agentId);
  }

  #selectAgent(agentId: string): void {
    this.selectedAgentId = agentId;
    this.emit('cc-agent-selected', { agentId });
  }

  // ---- the actions menu ----------------------------------------------------------------------------

  /** Whether the policy lets the supervisor do anything to this agent now (so a row never shows a dead button). */
  #hasActions(agent: RosterAgent): boolean {
    const policy = this.#store.value.tenant?.supervisor;
    if (!policy) return false;
    const allowed = agentActions(agent, policy);
    return (
      allowed.statuses.length > 0 || allowed.changeQueues || allowed.monitor.length > 0 || agent.interactions.some((i) => i.monitoring)
    );
  }

  #openMenu(agentId: string, col: number): void {
    if (this.menuAgentId === agentId) return;
    this.#menuTrigger = { agentId, col };
    this.#menuShown = false;
    this.menuAgentId = agentId;
    this.#menuAgent$.next(agentId);
  }

  #closeMenu(restoreFocus: boolean): void {
    const trigger = this.#menuTrigger;
    if (this.menuAgentId === undefined) return;
    const menu = this.renderRoot.querySelector<HTMLElement>('[part="menu"]');
    this.menuAgentId = undefined;
    this.#menuTrigger = undefined;
    this.#menuAgent$.next(undefined);
    window.removeEventListener('pointerdown', this.#onOutsidePointer, true);
    if (menu?.matches(':popover-open')) menu.hidePopover();
    if (restoreFocus && trigger) {
      const index = this.#agents.findIndex((a) => a.id === trigger.agentId);
      if (index >= 0) void this.#focusCell(index, trigger.col);
    }
  }

  /** Shows the menu as a popover next to the row that opened it, focusing its first item. */
  #syncMenu(): void {
    // Most updates are roster frames with no menu to show: no search of the rows for one.
    if (this.menuAgentId === undefined || this.#menuShown) return;
    const menu = this.renderRoot.querySelector<HTMLElement>('[part="menu"]');
    if (!menu) return;
    this.#menuShown = true;
    if (!menu.matches(':popover-open')) menu.showPopover();
    window.addEventListener('pointerdown', this.#onOutsidePointer, true);
    this.#placeMenu(menu);
    (menu.querySelector<HTMLElement>('[part~="menu-item"]') ?? menu.querySelector<HTMLElement>('button'))?.focus();
  }

  #placeMenu(menu: HTMLElement): void {
    const trigger = this.#menuTrigger;
    const index = trigger ? this.#agents.findIndex((a) => a.id === trigger.agentId) : -1;
    const anchor = index >= 0 ? this.#cellTarget(this.#row(index), trigger!.col) : null;
    const box = (anchor ?? this.#grid ?? this).getBoundingClientRect();
    const size = menu.getBoundingClientRect();
    const margin = 8;
    const left = this.#rtl ? box.left : box.right - size.width;
    let top = box.bottom + 4;
    if (top + size.height > innerHeight - margin) top = box.top - size.height - 4;
    menu.style.left = `${Math.max(margin, Math.min(left, innerWidth - size.width - margin))}px`;
    menu.style.top = `${Math.max(margin, top)}px`;
  }

  /**
   * Light dismiss: a press anywhere but the menu closes it, and focus stays where the person put it.
   * Actions buttons are left to their own click, which opens another agent's menu or closes this one.
   */
  readonly #onOutsidePointer = (event: PointerEvent): void => {
    const path = event.composedPath();
    if (path.some((node) => node instanceof Element && (node.matches('[part="menu"]') || node.matches('[part="actions"]')))) return;
    this.#closeMenu(false);
  };

  #onMenuKey(event: KeyboardEvent): void {
    const items = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[part~="menu-item"]')];
    const at = items.indexOf(event.target as HTMLElement);
    const go = (i: number) => {
      event.preventDefault();
      items[(i + items.length) % items.length]?.focus();
    };
    switch (event.key) {
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.#closeMenu(true);
        return;
      case 'ArrowDown':
        return go(at + 1);
      case 'ArrowUp':
        return go(at <= 0 ? items.length - 1 : at - 1);
      case 'Home':
        return go(0);
      case 'End':
        return go(items.length - 1);
      case 'Tab':
        this.#closeMenu(false);
        return;
    }
  }

  // ---- commands -------------------------------------------------------------------------------------

  async #run(
    detail: SupervisorActionDetail,
    key: string,
    send: (client: CcClient) => Promise<void>,
    onDone: () => void = () => this.emit('cc-supervisor-action', detail),
  ): Promise<boolean> {
    const client = this.activeClient;
    const id = `${detail.agentId}:${key}`;
    if (!client || this.pending.has(id)) return false;
    this.pending = new Set([...this.pending, id]);
    this.failures = new Map([...this.failures].filter(([agentId]) => agentId !== detail.agentId));
    try {
      await send(client);
      onDone();
      return true;
    } catch (error) {
      const failure: SupervisorErrorDetail = { ...detail, ...CcError.from(error).toInfo() };
      this.failures = new Map([...this.failures, [detail.agentId, failure]]);
      this.emit('cc-supervisor-error', failure);
      return false;
    } finally {
      const rest = new Set(this.pending);
      rest.delete(id);
      this.pending = rest;
    }
  }

  #busy(agentId: string, key: string): boolean {
    return this.pending.has(`${agentId}:${key}`);
  }

  async #setStatus(agent: RosterAgent, status: 'ready' | 'notReady' | 'signedOut', reasonId?: string): Promise<void> {
    const action: SupervisorAction = status === 'signedOut' ? 'signOut' : status;
    const detail: SupervisorActionDetail = { agentId: agent.id, action, ...(reasonId === undefined ? {} : { reasonId }) };
    if (await this.#run(detail, `status:${status}:${reasonId ?? ''}`, (c) => c.setAgentStatus(agent.id, status, reasonId))) {
      this.#closeMenu(true);
    }
  }

  async #setQueue(agent: RosterAgent, queueId: string, enabled: boolean): Promise<void> {
    const detail: SupervisorActionDetail = { agentId: agent.id, action: enabled ? 'enableQueue' : 'disableQueue', queueId };
    await this.#run(detail, `queue:${queueId}`, (c) => c.setAgentQueue(agent.id, queueId, enabled));
  }

  async #monitor(agent: RosterAgent, taskId: string, mode: MonitorMode): Promise<void> {
    const detail: SupervisorActionDetail = { agentId: agent.id, action: mode, taskId };
    if (await this.#run(detail, `call:${taskId}`, (c) => c.monitor(agent.id, taskId, mode))) this.#closeMenu(true);
  }

  async #stopMonitor(agent: RosterAgent, taskId: string): Promise<void> {
    const detail: SupervisorActionDetail = { agentId: agent.id, action: 'stopMonitor', taskId };
    if (await this.#run(detail, `call:${taskId}`, (c) => c.stopMonitor(agent.id, taskId))) this.#closeMenu(true);
  }

  async #toggleFavourite(agent: RosterAgent, favourite: boolean): Promise<void> {
    await this.#run(
      { agentId: agent.id, action: 'favourite' },
      'favourite',
      (c) => c.toggleFavourite(agent.id),
      () => this.emit('cc-favourite-toggled', { agentId: agent.id, favourite: !favourite }),
    );
  }

  // ---- what the person changes ------------------------------------------------------------------------

  /** Applies a change of search, filter or sort made in the UI, and tells the host. */
  #changeQuery(change: () => void): void {
    change();
    this.emit('cc-supervisor-query-changed', { query: this.query });
  }

  #sortBy(sort: RosterSort): void {
    this.#changeQuery(() => {
      if (this.sort === sort) this.descending = !this.descending;
      else {
        this.sort = sort;
        this.descending = false;
      }
    });
  }

  #toggleStatus(status: RosterStatus): void {
    this.#changeQuery(() => {
      this.statuses = this.statuses.includes(status) ? this.statuses.filter((s) => s !== status) : [...this.statuses, status];
    });
  }

  #clearFilters(): void {
    this.#changeQuery(() => {
      this.search = '';
      this.statuses = [];
      this.channel = undefined;
      this.teamId = undefined;
      this.queueId = undefined;
      this.favouritesOnly = false;
    });
    // The button goes with the empty state; the search field takes the focus.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('[part="search"]')?.focus());
  }

  #chooseView(view: SupervisorView, focus = false): void {
    if (this.view === view) return;
    this.#closeMenu(false);
    this.view = view;
    this.emit('cc-supervisor-view-changed', { view });
    if (focus)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[part~="tab"][data-view="${view}"]`)?.focus());
  }

  #onTabKey(event: KeyboardEvent): void {
    const order = this.#rtl ? [...SUPERVISOR_VIEWS].reverse() : [...SUPERVISOR_VIEWS];
    const at = order.indexOf(this.view);
    const next =
      event.key === 'ArrowRight'
        ? order[Math.min(at + 1, order.length - 1)]
        : event.key === 'ArrowLeft'
          ? order[Math.max(at - 1, 0)]
          : event.key === 'Home'
            ? SUPERVISOR_VIEWS[0]
            : event.key === 'End'
              ? SUPERVISOR_VIEWS[SUPERVISOR_VIEWS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    this.#chooseView(next, true);
  }

  // ---- words ----------------------------------------------------------------------------------------------

  #reason(agent: RosterAgent, tenant: TenantSettings): string | undefined {
    if (agent.status !== 'notReady' || agent.reasonId === undefined) return undefined;
    return tenant.notReadyReasons.find((r) => r.id === agent.reasonId)?.label ?? systemReasonName(agent.reasonId) ?? agent.reasonId;
  }

  #queueNamesOf(queues: readonly Queue[]): ReadonlyMap<string, string> {
    if (this.#queueNames?.queues !== queues) this.#queueNames = { queues, names: new Map(queues.map((q) => [q.id, q.name])) };
    return this.#queueNames.names;
  }

  #teamNamesOf(profile: AgentProfile | undefined): ReadonlyMap<string, string> {
    if (!this.#teamNames || this.#teamNames.profile !== profile) {
      this.#teamNames = { profile, names: new Map((profile?.teams ?? []).map((t) => [t.id, t.name])) };
    }
    return this.#teamNames.names;
  }

  // ---- the virtualizer and the rows' height (SV-5) ------------------------------------------------

  /** The virtualizer drawing the rows (once its chunk has arrived). */
  get #virtualizer() {
    const body = this.#body as VirtualizerHostElement | null;
    return virtualRows && body ? body[virtualRows.virtualizerRef] : undefined;
  }

  /**
   * Watches the header row's size: every row is as tall as it is, and the virtualizer's layout is told
   * that height (it measures no row). A change (the page sets --cc-supervisor-grid-row-block-size, or
   * the root font size) is applied at the next frame: from the observer's callback, sizing the rows'
   * box would change sizes again within it ("ResizeObserver loop completed with undelivered notifications").
   */
  #watchRowHeight(): void {
    const row = this.renderRoot.querySelector('.head > [role="row"]');
    if (row === this.#headerRow) return;
    this.#headerRow = row;
    this.#rowSize?.disconnect();
    if (!row) return;
    this.#rowSize ??= new ResizeObserver(([entry]) => {
      const height = entry?.borderBoxSize[0]?.blockSize;
      if (!height || height === this.#rowHeight) return;
      requestAnimationFrame(() => {
        this.#rowHeight = height;
        this.requestUpdate();
      });
    });
    this.#rowSize.observe(row);
  }

  /** The rows' places 0…count-1, one array while the count holds. */
  #slotsFor(count: number): number[] {
    if (this.#slots.length !== count) this.#slots = Array.from({ length: count }, (_, i) => i);
    return this.#slots;
  }

  /** The virtualizer's layout: rows of one known height (one object while the height holds). */
  #layout(rows: VirtualRows): RowsLayout {
    const rowHeight = this.#rowHeight || parseFloat(getComputedStyle(document.documentElement).fontSize) * ROW_REM;
    if (this.#rowsLayout?.rowHeight !== rowHeight) this.#rowsLayout = rows.fixedRows({ rowHeight, overscan: OVERSCAN_PX });
    return this.#rowsLayout;
  }

  // ---- rendering ------------------------------------------------------------------------------------------

  override render() {
    if (!this.activeClient) return html`<p role="status">${msg('No contact-center client is connected to this widget.')}</p>`;
    const { session, tenant, queues, roster, now } = this.#store.value;
    if (!tenant || !queues || !roster || now === undefined) return html`<p role="status" aria-busy="true">${msg('Loading…')}</p>`;
    if (!session || session.role === 'agent') {
      return html`${this.renderConnectionBanner()}
        <p part="empty" class="empty" data-empty="no-session" role="status">
          ${msg('Sign in as a supervisor to see your agents and queues.')}
        </p>`;
    }
    const monitored = queueListView(queues, { mode: 'supervisor', status: 'on' }, now).flatMap((g) => g.rows);
    const warned = monitored.some((r) => r.noAgentWarning);
    return html`
      ${this.renderConnectionBanner()}
      <div part="tabs" role="tablist" aria-label=${msg('Supervisor views')} @keydown=${this.#onTabKey}>
        ${this.#renderTab('agents', msg(str`Agents (${roster.total})`), false)}
        ${this.#renderTab('queues', msg(str`Queues (${monitored.length})`), warned)}
      </div>
      <div role="tabpanel" id=${`${this.#id}-panel`} aria-labelledby=${`${this.#id}-tab-${this.view}`} class="panel">
        ${this.view === 'agents' ? this.#renderAgents(roster, tenant, queues, now) : this.#renderQueues(monitored)}
      </div>
      ${this.#renderMenu(tenant, queues, now)}
    `;
  }

  #renderTab(view: SupervisorView, label: string, warned: boolean): TemplateResult {
    const selected = this.view === view;
    return html`<button
      part="tab"
      role="tab"
      type="button"
      id=${`${this.#id}-tab-${view}`}
      data-view=${view}
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls=${`${this.#id}-panel`}
      tabindex=${selected ? 0 : -1}
      @click=${() => this.#chooseView(view)}
    >
      ${label}
      ${
        warned
          ? html`<span class="tab-warning" title=${msg('A queue has calls waiting and no agent signed in')}
              ><span aria-hidden="true">⚠</span
              ><span class="visually-hidden">${msg('A queue has calls waiting and no agent signed in')}</span></span
            >`
          : nothing
      }
    </button>`;
  }

  // ---- agents view (SV-1, SV-3, SV-4, SV-5) ---------------------------------------------------------------

  #renderAgents(roster: RosterFrame, tenant: TenantSettings, queues: readonly Queue[], now: number): TemplateResult {
    if (roster.total === 0) {
      return html`<p part="empty" class="empty" data-empty="no-agents" role="status">${msg('Your teams have no agents yet.')}</p>`;
    }
    return html`
      ${this.#renderToolbar(queues)}
      <p part="count" class="count">${countSentence(roster.agents.length, roster.total)}</p>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${roster.agents.length === 0 ? this.#renderFilteredOut() : this.#renderGrid(roster, tenant, queues, now)}
    `;
  }

  #renderToolbar(queues: readonly Queue[]): TemplateResult {
    const teams = this.#store.value.profile?.teams ?? [];
    const queueOptions = queues;
    return html`
      <div part="toolbar" class="toolbar">
        <label class="search">
          <span class="visually-hidden">${msg('Search agents')}</span>
          <input
            part="search"
            type="search"
            placeholder=${msg('Search agents')}
            .value=${live(this.search)}
            @input=${(e: Event) => this.#changeQuery(() => (this.search = (e.target as HTMLInputElement).value))}
          />
        </label>
        <div part="status-filter" class="toggles" role="group" aria-label=${msg('Status')}>
          ${ROSTER_STATUSES.map(
            (status) =>
              html`<button
                part="status-toggle"
                type="button"
                data-status=${status}
                aria-pressed=${this.statuses.includes(status) ? 'true' : 'false'}
                @click=${() => this.#toggleStatus(status)}
              >
                ${rosterStatusName(status)}
              </button>`,
          )}
        </div>
        <label class="field">
          <span>${msg('Channel')}</span>
          <select
            part="channel-filter"
            @change=${(e: Event) =>
              this.#changeQuery(() => (this.channel = ((e.target as HTMLSelectElement).value || undefined) as Channel | undefined))}
          >
            <option value="" ?selected=${!this.channel}>${channelName('all')}</option>
            ${CHANNELS.map((c) => html`<option value=${c} ?selected=${this.channel === c}>${channelName(c)}</option>`)}
          </select>
        </label>
        ${
          teams.length > 1
            ? html`<label class="field">
                <span>${msg('Team')}</span>
                <select
                  part="team-filter"
                  @change=${(e: Event) => this.#changeQuery(() => (this.teamId = (e.target as HTMLSelectElement).value || undefined))}
                >
                  <option value="" ?selected=${!this.teamId}>${msg('All teams')}</option>
                  ${teams.map((t) => html`<option value=${t.id} ?selected=${this.teamId === t.id}>${t.name}</option>`)}
                </select>
              </label>`
            : nothing
        }
        ${
          queueOptions.length > 0
            ? html`<label class="field">
                <span>${msg('Queue')}</span>
                <select
                  part="queue-filter"
                  @change=${(e: Event) => this.#changeQuery(() => (this.queueId = (e.target as HTMLSelectElement).value || undefined))}
                >
                  <option value="" ?selected=${!this.queueId}>${msg('All queues')}</option>
                  ${queueOptions.map((q) => html`<option value=${q.id} ?selected=${this.queueId === q.id}>${q.name}</option>`)}
                </select>
              </label>`
            : nothing
        }
        <label class="choice">
          <input
            part="favourites-first"
            type="checkbox"
            .checked=${live(this.favouritesFirst)}
            @change=${(e: Event) => this.#changeQuery(() => (this.favouritesFirst = (e.target as HTMLInputElement).checked))}
          />
          ${msg('Favourites first')}
        </label>
        <label class="choice">
          <input
            part="favourites-only"
            type="checkbox"
            .checked=${live(this.favouritesOnly)}
            @change=${(e: Event) => this.#changeQuery(() => (this.favouritesOnly = (e.target as HTMLInputElement).checked))}
          />
          ${msg('Favourites only')}
        </label>
      </div>
    `;
  }

  #renderFilteredOut(): TemplateResult {
    return html`<div part="empty" class="empty" data-empty="filtered">
      <p>
        ${this.favouritesOnly ? msg('No favourite agent matches the search and filters.') : msg('No agent matches the search and filters.')}
      </p>
      <button part="clear-filters" type="button" @click=${this.#clearFilters}>${msg('Clear filters')}</button>
    </div>`;
  }

  #renderGrid(roster: RosterFrame, tenant: TenantSettings, queues: readonly Queue[], now: number): TemplateResult {
    const columns = this.#columns();
    const context: RowContext = {
      columns,
      now,
      tenant,
      favourites: roster.favourites,
      queueNames: this.#queueNamesOf(queues),
      teamNames: this.#teamNamesOf(this.#store.value.profile),
    };
    return html`
      <div
        part="grid"
        class="grid ${columns.includes('actions') ? 'with-actions' : ''}"
        role="grid"
        aria-label=${msg('Agents')}
        aria-rowcount=${roster.agents.length + 1}
        aria-colcount=${columns.length}
        @keydown=${this.#onGridKey}
        @focusin=${this.#onGridFocusIn}
        @focusout=${this.#onGridFocusOut}
        @click=${this.#onGridClick}
      >
        <div part="header" class="head" role="rowgroup">
          <div role="row" class="row" aria-rowindex="1">${columns.map((column, col) => this.#renderHeader(column, col))}</div>
        </div>
        <div class="body" role="rowgroup" @rangeChanged=${this.#onRangeChanged}>${this.#renderRows(roster.agents, context)}</div>
      </div>
    `;
  }

  /**
   * SV-5: only the rows in view, through the virtualizer (a row saying "Loading…" until its chunk has
   * arrived). Its items are the rows' places, 0…n-1 — one array while the number of agents holds —
   * and each place draws the agent the core's view puts there, keyed by agent. All rows are one
   * height, so the places are all the layout depends on: a roster frame that only changes who is
   * where (every re-sort) gives the virtualizer nothing to lay out or measure. The rows in range are
   * drawn in this update — a moved agent's row is moved with its cells as they were, never redrawn —
   * and the virtualizer places the moved rows again (from its MutationObserver). The range is worked
   * out again only on a scroll or resize, or when the number of agents changes (a filter, an agent
   * added or removed).
   */
  #renderRows(agents: readonly RosterAgent[], context: RowContext): unknown {
    const rows = virtualRows;
    if (!rows) {
      void loadVirtualRows().then(() => this.requestUpdate());
      return html`<div role="row" class="row" aria-rowindex="2">
        <div role="gridcell" class="cell" aria-busy="true">${msg('Loading…')}</div>
      </div>`;
    }
    return rows.virtualize({
      layout: this.#layout(rows),
      items: this.#slotsFor(agents.length),
      keyFunction: (slot: number) => agents[slot]!.id,
      renderItem: (slot: number) => this.#renderRow(agents[slot]!, slot, context),
    });
  }

  #renderHeader(column: Column, col: number): TemplateResult {
    const focusable = this.#active.index < 0 && this.#active.col === col;
    const sort = SORT_OF[column];
    const label = columnName(column);
    if (!sort) {
      return html`<div role="columnheader" class="cell ${column}" data-col=${col} tabindex=${focusable ? 0 : -1}>
        ${column === 'favourite' ? html`<span aria-hidden="true">★</span><span class="visually-hidden">${label}</span>` : label}
      </div>`;
    }
    const sorted = this.sort === sort;
    return html`<div
      role="columnheader"
      class="cell ${column}"
      data-col=${col}
      aria-sort=${sorted ? (this.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button part="sort" type="button" data-sort=${sort} tabindex=${focusable ? 0 : -1} @click=${() => this.#sortBy(sort)}>
        ${label}<span class="arrow" aria-hidden="true">${sorted ? (this.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </div>`;
  }

  /**
   * One row. Its cells are redrawn only when its agent, the second or its own state changes — not
   * when a re-sort moves it (that changes its row index, an attribute of the row alone).
   */
  #renderRow(agent: RosterAgent, index: number, context: RowContext): TemplateResult {
    const active = this.#active.agentId === agent.id && this.#active.index === index ? this.#active.col : -1;
    const favourite = context.favourites.has(agent.id);
    const failure = this.failures.get(agent.id);
    const selected = this.selectedAgentId === agent.id;
    const open = this.menuAgentId === agent.id;
    const busyFavourite = this.#busy(agent.id, 'favourite');
    return html`<div
      role="row"
      part="row"
      class="row"
      aria-rowindex=${index + 2}
      aria-selected=${selected ? 'true' : 'false'}
      data-agent-id=${agent.id}
      data-status=${agent.status}
    >
      ${guard(
        [
          agent,
          context.now,
          context.columns,
          context.tenant,
          context.queueNames,
          context.teamNames,
          favourite,
          active,
          failure,
          open,
          busyFavourite,
        ],
        () =>
          context.columns.map((column, col) =>
            this.#renderCell(agent, column, col, active === col, context, { favourite, failure, open, busyFavourite }),
          ),
      )}
    </div>`;
  }

  #renderCell(
    agent: RosterAgent,
    column: Column,
    col: number,
    focusable: boolean,
    context: RowContext,
    row: { favourite: boolean; failure: SupervisorErrorDetail | undefined; open: boolean; busyFavourite: boolean },
  ): TemplateResult {
    const tabindex = focusable ? 0 : -1;
    switch (column) {
      case 'favourite':
        return html`<div role="gridcell" class="cell favourite" data-col=${col}>
          <button
            part="favourite"
            type="button"
            tabindex=${tabindex}
            aria-pressed=${row.favourite ? 'true' : 'false'}
            aria-label=${msg(str`Favourite: ${agent.name}`)}
            aria-busy=${row.busyFavourite ? 'true' : 'false'}
            @click=${() => !row.busyFavourite && this.#toggleFavourite(agent, row.favourite)}
          >
            <span aria-hidden="true">${row.favourite ? '★' : '☆'}</span>
          </button>
        </div>`;
      case 'name': {
        const team = agent.teamId === undefined ? undefined : (context.teamNames.get(agent.teamId) ?? agent.teamId);
        return html`<div role="gridcell" class="cell name" data-col=${col} tabindex=${tabindex}>
          <span part="name">${agent.name}</span>${team ? html` <span class="team">${team}</span>` : nothing}
          ${
            row.failure
              ? html`<span part="row-error" class="row-error" title=${errorMessage(row.failure)}
                  ><span aria-hidden="true">⚠</span
                  ><span class="visually-hidden">${msg(str`Last action refused: ${errorMessage(row.failure)}`)}</span></span
                >`
              : nothing
          }
        </div>`;
      }
      case 'status': {
        const reason = this.#reason(agent, context.tenant);
        return html`<div role="gridcell" class="cell status" data-col=${col} tabindex=${tabindex}>
          <span part="status" class="badge" data-status=${agent.status}>${rosterStatusName(agent.status)}</span>
          ${reason ? html`<span part="reason" class="reason">${reason}</span>` : nothing}
        </div>`;
      }
      case 'time': {
        const ms = Math.max(0, context.now - agent.since);
        return html`<div role="gridcell" class="cell time" data-col=${col} tabindex=${tabindex}>
          <time part="time" datetime=${`PT${Math.floor(ms / 1000)}S`}>${formatDuration(ms)}</time>
        </div>`;
      }
      case 'channels':
        return html`<div role="gridcell" class="cell channels" data-col=${col} tabindex=${tabindex}>
          ${CHANNELS.map((channel) => renderChannel(channel, agent.channels[channel]))}
        </div>`;
      case 'interactions':
        return html`<div role="gridcell" class="cell interactions" data-col=${col} tabindex=${tabindex}>
          <span class="count-badge" data-count=${agent.interactions.length}
            >${agent.interactions.length}<span class="visually-hidden"> ${msg('active')}</span></span
          >
          ${agent.interactions.map((i) => renderInteraction(i, context.now))}
        </div>`;
      case 'queues':
        return html`<div role="gridcell" class="cell queues" data-col=${col} tabindex=${tabindex}>
          <span part="queues"
            >${agent.queues.map(
              (q, i) =>
                html`${i > 0 ? ', ' : ''}<span class=${q.enabled ? 'queue' : 'queue off'}
                    >${context.queueNames.get(q.queueId) ?? q.queueId}${
                      q.enabled ? nothing : html`<span class="visually-hidden"> ${msg('(disabled)')}</span>`
                    }</span
                  >`,
            )}</span
          >
        </div>`;
      case 'actions': {
        const allowed = this.#hasActions(agent);
        return html`<div role="gridcell" class="cell actions" data-col=${col} tabindex=${allowed ? nothing : tabindex}>
          ${
            allowed
              ? html`<button
                  part="actions"
                  type="button"
                  tabindex=${tabindex}
                  aria-haspopup="menu"
                  aria-expanded=${row.open ? 'true' : 'false'}
                  aria-label=${msg(str`Actions for ${agent.name}`)}
                  @click=${() => (row.open ? this.#closeMenu(true) : this.#openMenu(agent.id, col))}
                >
                  <span aria-hidden="true">⋯</span>
                </button>`
              : html`<span class="visually-hidden">${msg('No action available')}</span>`
          }
        </div>`;
      }
    }
  }

  #renderMenu(tenant: TenantSettings, queues: readonly Queue[], now: number): TemplateResult | typeof nothing {
    const agentId = this.menuAgentId;
    const data = this.#store.value.menu;
    if (agentId === undefined || !data?.agent) return nothing;
    const { agent, actions } = data;
    const headingId = `${this.#id}-menu-heading`;
    const reason = this.#reason(agent, tenant);
    const queueNames = this.#queueNamesOf(queues);
    const item = (key: string, label: string, press: () => unknown, extra: { role?: string; checked?: boolean } = {}) => {
      const busy = this.#busy(agent.id, key);
      return html`<button
        part="menu-item"
        type="button"
        role=${extra.role ?? 'menuitem'}
        tabindex="-1"
        aria-checked=${extra.checked === undefined ? nothing : extra.checked ? 'true' : 'false'}
        aria-busy=${busy ? 'true' : 'false'}
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => !busy && press()}
      >
        ${label}
      </button>`;
    };
    const group = (label: string, items: readonly TemplateResult[]) =>
      html`<div role="group" aria-label=${label} class="menu-group">
        <div class="group-label" aria-hidden="true">${label}</div>
        ${items}
      </div>`;

    const groups: TemplateResult[] = [];
    const statuses = actions?.statuses ?? [];
    if (statuses.length > 0) {
      // A radio group: the agent's current status (and reason) is the checked one, and sends nothing.
      const statusItem = (status: (typeof statuses)[number], label: string, reasonId?: string) => {
        const current = agent.status === status && (reasonId === undefined || agent.reasonId === reasonId);
        return item(`status:${status}:${reasonId ?? ''}`, label, () => !current && this.#setStatus(agent, status, reasonId), {
          role: 'menuitemradio',
          checked: current,
        });
      };
      const items = statuses.flatMap((status) => {
        if (status === 'notReady' && tenant.notReadyReasons.length > 0) {
          return tenant.notReadyReasons.map((r) => statusItem('notReady', msg(str`Not Ready – ${r.label}`), r.id));
        }
        return [statusItem(status, status === 'ready' ? msg('Ready') : status === 'notReady' ? msg('Not Ready') : msg('Sign out'))];
      });
      groups.push(group(msg('Status'), items));
    }
    if (actions?.changeQueues) {
      groups.push(
        group(
          msg('Queues'),
          agent.queues.map((q) =>
            item(`queue:${q.queueId}`, queueNames.get(q.queueId) ?? q.queueId, () => this.#setQueue(agent, q.queueId, !q.enabled), {
              role: 'menuitemcheckbox',
              checked: q.enabled,
            }),
          ),
        ),
      );
    }
    for (const interaction of agent.interactions) {
      const modes = actions?.monitor.find((m) => m.taskId === interaction.id)?.modes ?? [];
      if (modes.length === 0 && !interaction.monitoring) continue;
      const items = modes.map((mode) =>
        item(
          `call:${interaction.id}`,
          monitorModeName(mode),
          () => interaction.monitoring !== mode && this.#monitor(agent, interaction.id, mode),
          {
            role: 'menuitemradio',
            checked: interaction.monitoring === mode,
          },
        ),
      );
      if (interaction.monitoring) items.push(item(`call:${interaction.id}`, msg('Stop'), () => this.#stopMonitor(agent, interaction.id)));
      const queue = interaction.queueId === undefined ? undefined : (queueNames.get(interaction.queueId) ?? interaction.queueId);
      const duration = formatDuration(Math.max(0, now - interaction.since));
      groups.push(group(queue ? msg(str`Call in ${queue}, ${duration}`) : msg(str`Call, ${duration}`), items));
    }
    return html`<div part="menu" class="menu" popover="manual" data-agent-id=${agent.id} @keydown=${this.#onMenuKey}>
      <p class="menu-heading" id=${headingId}>${agent.name}</p>
      <p class="menu-state">
        ${rosterStatusName(agent.status)}${reason ? ` – ${reason}` : ''} · ${formatDuration(Math.max(0, now - agent.since))}
      </p>
      ${
        groups.length > 0
          ? html`<div role="menu" aria-labelledby=${headingId} class="menu-items">${groups}</div>`
          : html`<p class="hint">${msg(str`No action is available for ${agent.name} now.`)}</p>
              <button type="button" @click=${() => this.#closeMenu(true)}>${msg('Close')}</button>`
      }
      ${errorLine(this.failures.get(agent.id))}
    </div>`;
  }

  // ---- queues view (SV-2, QL-6, QL-7) -----------------------------------------------------------------

  #renderQueues(rows: readonly QueueRow[]): TemplateResult {
    if (rows.length === 0) {
      return html`<p part="empty" class="empty" data-empty="no-queues" role="status">
        ${msg('You are not monitoring any queue. Choose the queues to monitor in the queue list.')}
      </p>`;
    }
    const percent = new Intl.NumberFormat(formatLocale(), { style: 'percent', maximumFractionDigits: 0 });
    const figure = (value: number | undefined, text = value === undefined ? undefined : String(value)) =>
      text === undefined ? html`<span aria-hidden="true">–</span><span class="visually-hidden">${msg('not reported')}</span>` : text;
    return html`<div class="table-scroller" role="region" aria-label=${msg('Monitored queues')} tabindex="0">
      <table part="queues-table">
        <thead>
          <tr>
            <th scope="col" class="name">${msg('Queue')}</th>
            <th scope="col">${msg('Waiting')}</th>
            <th scope="col">${msg('Longest wait')}</th>
            <th scope="col">${msg('Busy')}</th>
            <th scope="col">${msg('Handled')}</th>
            <th scope="col">${msg('Accepted')}</th>
            <th scope="col">${msg('Abandoned')}</th>
            <th scope="col">${msg('Service level')}</th>
            <th scope="col">${msg('Ready')}</th>
            <th scope="col">${msg('Not Ready')}</th>
            <th scope="col">${msg('Talking')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(({ queue, longestWaitMs: wait, noAgentWarning }) => {
            const warningId = `${this.#id}-queue-${queue.id}-warning`;
            return html`<tr part="queue-row" data-queue-id=${queue.id} ?data-warning=${noAgentWarning}>
              <th scope="row" class="name">
                <span class="media">${mediaIcon(queue.media)}<span class="visually-hidden">${mediaName(queue.media)}</span></span>
                ${queue.name}
                ${
                  noAgentWarning
                    ? html`<span part="warning" id=${warningId}><span aria-hidden="true">⚠</span> ${msg('No agent signed in')}</span>`
                    : nothing
                }
              </th>
              <td>${queue.waiting}</td>
              <td part="longest-wait">
                ${wait === undefined ? figure(undefined, undefined) : html`<time datetime=${`PT${Math.floor(wait / 1000)}S`}>${formatDuration(wait)}</time>`}
              </td>
              <td>${queue.busy}</td>
              <td>${figure(queue.handled)}</td>
              <td>${figure(queue.accepted)}</td>
              <td>${figure(queue.abandoned)}</td>
              <td>${figure(queue.serviceLevel, queue.serviceLevel === undefined ? undefined : percent.format(queue.serviceLevel))}</td>
              <td>${figure(queue.agentsReady)}</td>
              <td>${figure(queue.agentsNotReady)}</td>
              <td>${figure(queue.agentsTalking)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}

/** SV-1/SV-5: the core's view for `query`, recomputed at most once per animation frame. */
function rosterFrames(client: CcClient, query: RosterQuery) {
  // The roster record itself says "something changed" (no list built per event); the rest is per frame.
  return combineLatest([client.select((s) => s.roster), client.favourites$]).pipe(
    perFrame(),
    // Asked of the core once per frame (not once per event): its view for the query, and its list of
    // agents for the count — built once for both (roster$ is shared), no count of the record's keys.
    switchMap(([, favourites]) =>
      combineLatest([client.rosterView$(query), client.roster$]).pipe(
        take(1),
        map(([agents, all]): RosterFrame => ({ agents, total: all.length, favourites, query })),
      ),
    ),
  );
}

function renderChannel(channel: Channel, status: MediaStatus | undefined): TemplateResult {
  const shown = status ?? 'signedOut';
  const label = `${channelName(channel)}: ${statusName(shown)}`;
  return html`<span part="channel" class="channel" data-channel=${channel} data-status=${shown} title=${label}>
    ${channelIcon(channel)}<span class="dot" aria-hidden="true"></span><span class="visually-hidden">${label}</span>
  </span>`;
}

function renderInteraction(interaction: RosterInteraction, now: number): TemplateResult {
  const ms = Math.max(0, now - interaction.since);
  const status = interaction.status === 'active' ? undefined : taskStatusName(interaction.status);
  return html`<span part="interaction" class="interaction" data-media=${interaction.media} data-status=${interaction.status}>
    ${mediaIcon(interaction.media)}<span class="visually-hidden">${mediaName(interaction.media)}</span>
    ${status ? html`<span class="interaction-status">${status}</span>` : nothing}
    <time datetime=${`PT${Math.floor(ms / 1000)}S`}>${formatDuration(ms)}</time>
    ${
      interaction.monitoring
        ? html`<span part="monitoring" class="monitoring" data-mode=${interaction.monitoring}
            >${monitoringName(interaction.monitoring)}</span
          >`
        : nothing
    }
  </span>`;
}

function countSentence(shown: number, total: number): string {
  if (shown === total) return total === 1 ? msg('1 agent') : msg(str`${total} agents`);
  return msg(str`${shown} of ${total} agents`);
}

function columnName(column: Column): string {
  switch (column) {
    case 'favourite':
      return msg('Favourite');
    case 'name':
      return msg('Agent');
    case 'status':
      return msg('Status');
    case 'time':
      return msg('Time in status');
    case 'channels':
      return msg('Channels');
    case 'interactions':
      return msg('Interactions');
    case 'queues':
      return msg('Queues');
    case 'actions':
      return msg('Actions');
  }
}

/** SV-1: an agent's overall status, as the supervisor reads it. */
export function rosterStatusName(status: RosterStatus): string {
  switch (status) {
    case 'ready':
      return msg('Ready');
    case 'notReady':
      return msg('Not Ready');
    case 'busy':
      return msg('Busy');
    case 'wrapUp':
      return msg('Wrap-up');
    case 'signedOut':
      return msg('Signed out');
  }
}

function taskStatusName(status: TaskStatus): string {
  switch (status) {
    case 'offered':
      return msg('ringing');
    case 'active':
      return msg('active');
    case 'held':
      return msg('on hold');
    case 'wrapUp':
      return msg('wrap-up');
  }
}

function monitorModeName(mode: MonitorMode): string {
  switch (mode) {
    case 'monitor':
      return msg('Listen (monitor)');
    case 'whisper':
      return msg('Whisper to the agent');
    case 'barge':
      return msg('Barge in');
  }
}

function monitoringName(mode: MonitorMode): string {
  switch (mode) {
    case 'monitor':
      return msg('Listening');
    case 'whisper':
      return msg('Whispering');
    case 'barge':
      return msg('Barged in');
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-agent-selected': CustomEvent<AgentSelectedDetail>;
    'cc-favourite-toggled': CustomEvent<FavouriteToggledDetail>;
    'cc-supervisor-action': CustomEvent<SupervisorActionDetail>;
    'cc-supervisor-error': CustomEvent<SupervisorErrorDetail>;
    'cc-supervisor-query-changed': CustomEvent<SupervisorQueryDetail>;
    'cc-supervisor-view-changed': CustomEvent<SupervisorViewDetail>;
  }
}
