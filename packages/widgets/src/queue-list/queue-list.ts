// <cc-queue-list>: "My assigned queues" (QL-1…QL-7) — grouped by media and direction, searched,
// filtered and sorted by the core's rules, with ticks that change nothing until "Confirm selections".

import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import {
  CcError,
  isOn,
  longestWaitMs,
  queueGroup,
  queueListView,
  queueSelection,
  queuesForMode,
  QUEUE_GROUPS,
  type AgentSession,
  type ConnectionState,
  type ErrorInfo,
  type Queue,
  type QueueChange,
  type QueueGroup,
  type QueueGroupView,
  type QueueListMode,
  type QueueRow,
  type QueueSortKey,
  type QueueStatusFilter,
} from '@cc-elements/core';
import { CcElement } from '../internal/cc-element.js';
import { StoreController } from '../internal/store-controller.js';
import { controls } from '../internal/tokens.js';
import { errorMessage } from '../internal/messages.js';
import { formatDuration } from '../internal/format.js';
import { styles } from './queue-list.styles.js';

/** What `cc-queues-confirmed` carries: what "Confirm selections" applied. */
export interface QueuesConfirmedDetail {
  /** `agent`: enabled for me (QL-5); `supervisor`: monitored (QL-7). */
  readonly mode: QueueListMode;
  /** The changes the backend accepted. */
  readonly applied: readonly QueueChange[];
  /** Ids of ticked queues that were no longer assigned, so nothing was sent for them. */
  readonly vanished: readonly string[];
}

/** The `mode` attribute: `auto` lists a supervisor's monitored queues and anyone else's own queues. */
export type QueueListModeSetting = QueueListMode | 'auto';

/** The columns, in order; each sorts by the core's key of the same name (QL-4). */
const COLUMNS: readonly QueueSortKey[] = ['name', 'busy', 'waiting', 'longestWait'];

/** Result of the last confirmation, shown until the next tick. */
interface Outcome {
  readonly applied: number;
  readonly vanishedNames: readonly string[];
}

/** Ticks the person made (queue id → ticked), per mode, so switching modes loses nothing. */
type Ticks = Readonly<Record<string, boolean>>;

let nextId = 0;

/**
 * @summary "My assigned queues": the queues grouped by media and direction, with busy and waiting
 * interactions and the longest wait ticking; search, filters and sorts; tick or untick, then
 * "Confirm selections" applies every change at once. In supervisor mode the ticks choose the
 * queues to monitor (the blue check).
 *
 * @fires cc-queues-confirmed - "Confirm selections" was applied. Detail: mode, applied changes, vanished queue ids.
 * @fires cc-queues-error - The backend refused the confirmation; the ticks stay. Detail: code, message, trace id.
 *
 * @csspart connection-lost - SE-4: the banner while the backend connection is lost and being re-established.
 * @csspart mode-toggle - Supervisor+Agent: the switch between own queues and monitored queues.
 * @csspart toolbar - Search and the filter button.
 * @csspart search - The search field.
 * @csspart filter-toggle - The button that opens the filter panel.
 * @csspart filters - The filter panel (status and media/direction).
 * @csspart clear-filters - "Clear filters" (in the panel and in the empty state).
 * @csspart table - The table of queues.
 * @csspart group - One media/direction group (a table body).
 * @csspart group-heading - A group's heading.
 * @csspart row - One queue; `data-queue-id`, and `data-pending` while its tick is not confirmed.
 * @csspart checkbox - A queue's tick (enabled for me, or monitored).
 * @csspart status - A queue's state in the read-only list.
 * @csspart pending - The "not confirmed" marker of a row.
 * @csspart warning - QL-6: calls waiting and no agent signed in.
 * @csspart longest-wait - A queue's longest wait, ticking.
 * @csspart empty - The empty state (no queue assigned, or filters hide every queue).
 * @csspart footer - The pending changes and the confirm and discard buttons.
 * @csspart confirm - "Confirm selections".
 * @csspart discard - "Discard changes".
 * @csspart success - The confirmation's result.
 * @csspart error - The backend's refusal, with its trace id.
 *
 * @cssproperty --cc-queue-list-max-block-size - Tallest the table grows before it scrolls (default: no limit).
 * @cssproperty --cc-queue-list-monitor-color - The supervisor's monitor check (default: the accent colour, blue).
 * @cssproperty --cc-queue-list-warning-color - The QL-6 no-agent marker (default: the Not Ready colour, amber).
 * @cssproperty --cc-queue-list-pending-background - Background of a row whose tick is not confirmed yet.
 */
@localized()
export class CcQueueList extends CcElement {
  static override styles = [CcElement.styles, controls, styles];

  /**
   * Whose ticks the list shows: `agent` (enabled for me, QL-5), `supervisor` (monitored, QL-7), or
   * `auto` — supervisor for a Supervisor session, agent otherwise; Supervisor+Agent may switch.
   */
  @property({ reflect: true }) mode: QueueListModeSetting = 'auto';

  /** QL-3: the search text; case and accents are ignored. */
  @property() search = '';

  /** QL-3: `on` shows enabled (monitored) queues only, `off` disabled (not monitored) ones. */
  @property({ attribute: 'status-filter', reflect: true }) statusFilter: QueueStatusFilter = 'all';

  /** QL-3: the media/direction groups to show (e.g. `voice.inbound`); empty shows every group. */
  @property({ attribute: false }) groups: readonly QueueGroup[] = [];

  /** QL-4: the column the list is sorted by. */
  @property({ attribute: 'sort-by', reflect: true }) sortBy: QueueSortKey = 'name';

  /** QL-4: sort from the largest (or Z) down. */
  @property({ attribute: 'sort-descending', type: Boolean, reflect: true }) sortDescending = false;

  /** Whether the filter panel is open. */
  @property({ attribute: 'filters-open', type: Boolean, reflect: true }) filtersOpen = false;

  @state() private ticks: Readonly<Record<QueueListMode, Ticks>> = { agent: {}, supervisor: {} };
  /** Supervisor+Agent with `mode="auto"`: the mode chosen with the toggle. */
  @state() private chosenMode: QueueListMode | undefined;
  @state() private confirming = false;
  @state() private failure: ErrorInfo | undefined;
  @state() private outcome: Outcome | undefined;

  readonly #id = `cc-queue-list-${nextId++}`;
  /** Every queue name rendered, so a queue that disappears while ticked is still named (QL-5). */
  readonly #names = new Map<string, string>();
  /**
   * Changes the backend accepted, shown until it reports the queue again: its events may come
   * after the command resolves, and the tick must not flick back meanwhile.
   */
  #applied = new Map<string, { readonly on: boolean; readonly queue: Queue }>();
  #memo: { readonly key: readonly unknown[]; readonly view: QueueGroupView[] } | undefined;
  #namedQueues: readonly Queue[] | undefined;

  readonly #store = new StoreController<{
    connection: ConnectionState;
    session: AgentSession | undefined;
    queues: readonly Queue[];
    now: number;
  }>(this, (client) => ({
    connection: client.connection$,
    session: client.session$,
    queues: client.queues$,
    // Each second re-renders only the rows that have a wait to tick (see #renderRow's guard).
    now: client.clock$,
  }));

  /** The mode in use, after `auto` and the Supervisor+Agent toggle. */
  get #mode(): QueueListMode {
    if (this.mode !== 'auto') return this.mode;
    const role = this.#store.value.session?.role;
    if (role === 'supervisor') return 'supervisor';
    if (role === 'supervisorAgent') return this.chosenMode ?? 'agent';
    return 'agent';
  }

  get #editable(): boolean {
    return this.activeClient?.can(this.#mode === 'agent' ? 'queues.setEnabled' : 'queues.setMonitored') ?? false;
  }

  /** QL-1…QL-4: the core's view, recomputed only when the queues or the query change (not per tick). */
  #view(queues: readonly Queue[], mode: QueueListMode, now: number): QueueGroupView[] {
    const key = [queues, mode, this.search, this.statusFilter, this.groups, this.sortBy, this.sortDescending];
    if (this.#memo && key.every((k, i) => k === this.#memo!.key[i])) return this.#memo.view;
    const view = queueListView(
      queues,
      {
        mode,
        search: this.search,
        status: this.statusFilter,
        groups: this.groups,
        sort: { by: this.sortBy, descending: this.sortDescending },
      },
      now,
    );
    this.#memo = { key, view };
    return view;
  }

  #rememberNames(queues: readonly Queue[]): void {
    if (queues === this.#namedQueues) return;
    this.#namedQueues = queues;
    for (const queue of queues) this.#names.set(queue.id, queue.name);
  }

  /** The tick a row shows: the person's, else a change just applied, else the backend's. */
  #shownOn(queue: Queue, mode: QueueListMode): boolean {
    const tick = this.ticks[mode][queue.id];
    if (tick !== undefined) return tick;
    const applied = this.#applied.get(queue.id);
    return applied && applied.queue === queue ? applied.on : isOn(queue, mode);
  }

  #onTick(event: Event): void {
    const input = event.target as HTMLInputElement;
    const queueId = input.dataset['queueId']!;
    const mode = this.#mode;
    const queue = this.#store.value.queues?.find((q) => q.id === queueId);
    const next = { ...this.ticks[mode] };
    // A tick back to the backend's state is no change at all.
    if (queue && isOn(queue, mode) === input.checked) delete next[queueId];
    else next[queueId] = input.checked;
    this.#applied.delete(queueId);
    this.ticks = { ...this.ticks, [mode]: next };
    this.outcome = undefined;
  }

  #discard(): void {
    if (Object.keys(this.ticks[this.#mode]).length === 0) return;
    this.ticks = { ...this.ticks, [this.#mode]: {} };
    this.failure = undefined;
    this.outcome = undefined;
  }

  async #confirm(): Promise<void> {
    const client = this.activeClient;
    const queues = this.#store.value.queues;
    if (!client || !queues || this.confirming) return;
    const mode = this.#mode;
    const sent = this.ticks[mode];
    if (queueSelection(queues, sent, mode).changes.length === 0) return;
    this.confirming = true;
    this.failure = undefined;
    this.outcome = undefined;
    try {
      const { applied, vanished } = await client.confirmQueues(mode, sent);
      const current = new Map(client.state.queues.map((q) => [q.id, q]));
      this.#applied = new Map(
        applied.flatMap((change) => {
          const queue = current.get(change.queueId);
          return queue ? [[change.queueId, { on: change.on, queue }] as const] : [];
        }),
      );
      // Ticks made while the confirmation was on its way stay pending.
      const rest = { ...this.ticks[mode] };
      for (const [id, on] of Object.entries(sent)) if (rest[id] === on) delete rest[id];
      this.ticks = { ...this.ticks, [mode]: rest };
      this.outcome = { applied: applied.length, vanishedNames: vanished.map((id) => this.#names.get(id) ?? id) };
      this.emit('cc-queues-confirmed', { mode, applied, vanished });
    } catch (error) {
      // QL-5: nothing is lost; the ticks stay for another try.
      this.failure = CcError.from(error).toInfo();
      this.emit('cc-queues-error', this.failure);
    } finally {
      this.confirming = false;
    }
  }

  #sort(by: QueueSortKey): void {
    if (this.sortBy === by) {
      this.sortDescending = !this.sortDescending;
    } else {
      this.sortBy = by;
      // Names read A→Z first; figures biggest first, which is what a person sorts them for.
      this.sortDescending = by !== 'name';
    }
  }

  #clearFilters(): void {
    const hadEmptyState = this.renderRoot.querySelector('[part="empty"] [part="clear-filters"]') !== null;
    this.search = '';
    this.statusFilter = 'all';
    this.groups = [];
    // The empty state's button goes away with the filters; the search field takes the focus.
    if (hadEmptyState) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('[part="search"]')?.focus());
  }

  #toggleGroup(group: QueueGroup, on: boolean): void {
    const rest = this.groups.filter((g) => g !== group);
    this.groups = on ? [...rest, group] : rest;
  }

  #chooseMode(mode: QueueListMode): void {
    this.chosenMode = mode;
    this.failure = undefined;
    this.outcome = undefined;
  }

  override render() {
    if (!this.activeClient) return html`<p role="status">${msg('No contact-center client is connected to this widget.')}</p>`;
    const { connection, session, queues, now } = this.#store.value;
    if (!connection || !queues || now === undefined || connection.status === 'connecting')
      return html`<p role="status" aria-busy="true">${msg('Loading…')}</p>`;
    if (connection.status === 'failed')
      return html`<p part="error" role="alert">
        ${msg('The contact center could not be loaded.')} ${connection.error ? errorMessage(connection.error) : nothing}
      </p>`;
    if (!session) return html`<p role="status">${msg('Sign in to see your queues.')}</p>`;

    this.#rememberNames(queues);
    const mode = this.#mode;
    const listed = queuesForMode(queues, mode);
    const view = this.#view(queues, mode, now);
    const editable = this.#editable;
    const shown = view.reduce((n, g) => n + g.rows.length, 0);
    return html`
      ${this.renderConnectionBanner()} ${this.#renderModeToggle(queues, session)}
      ${
        listed.length === 0
          ? html`<p part="empty" role="status">
              ${mode === 'agent' ? msg('No queues are assigned to you.') : msg('No queues are available for you to monitor.')}
            </p>`
          : html`
              ${this.#renderToolbar(listed, mode, shown)}
              ${shown === 0 ? this.#renderFilteredOut() : this.#renderTable(view, mode, editable, now)}
            `
      }
      ${editable && listed.length + Object.keys(this.ticks[mode]).length > 0 ? this.#renderFooter(queues, mode) : nothing}
    `;
  }

  /** QL-7: Supervisor+Agent switches between own queues and monitored ones when both exist. */
  #renderModeToggle(queues: readonly Queue[], session: AgentSession): TemplateResult | typeof nothing {
    if (this.mode !== 'auto' || session.role !== 'supervisorAgent') return nothing;
    if (queuesForMode(queues, 'agent').length === 0 || queuesForMode(queues, 'supervisor').length === 0) return nothing;
    const mode = this.#mode;
    const option = (value: QueueListMode, label: string) =>
      html`<label class="choice">
        <input
          type="radio"
          name="${this.#id}-mode"
          value=${value}
          .checked=${live(mode === value)}
          @change=${() => this.#chooseMode(value)}
        />
        ${label}
      </label>`;
    return html`<fieldset part="mode-toggle">
      <legend class="visually-hidden">${msg('Show')}</legend>
      ${option('agent', msg('My queues'))} ${option('supervisor', msg('Monitoring'))}
    </fieldset>`;
  }

  #renderToolbar(listed: readonly Queue[], mode: QueueListMode, shown: number): TemplateResult {
    const active = (this.statusFilter === 'all' ? 0 : 1) + this.groups.length;
    const panelId = `${this.#id}-filters`;
    return html`
      <div part="toolbar">
        <label class="search">
          <span class="visually-hidden">${msg('Search queues')}</span>
          <input
            part="search"
            type="search"
            placeholder=${msg('Search queues')}
            autocomplete="off"
            .value=${live(this.search)}
            @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)}
          />
        </label>
        <button
          part="filter-toggle"
          type="button"
          aria-expanded=${this.filtersOpen ? 'true' : 'false'}
          aria-controls=${panelId}
          @click=${() => (this.filtersOpen = !this.filtersOpen)}
        >
          ${active === 0 ? msg('Filters') : msg(str`Filters (${active})`)}
        </button>
      </div>
      ${this.filtersOpen ? this.#renderFilters(panelId, listed, mode) : nothing}
      <p class="count" role="status">${msg(str`${shown} of ${listed.length} queues shown`)}</p>
    `;
  }

  #renderFilters(panelId: string, listed: readonly Queue[], mode: QueueListMode): TemplateResult {
    const present = new Set(listed.map(queueGroup));
    const groups = QUEUE_GROUPS.filter((g) => present.has(g) || this.groups.includes(g));
    const statuses: readonly [QueueStatusFilter, string][] = [
      ['all', msg('All')],
      ['on', mode === 'agent' ? msg('Enabled') : msg('Monitored')],
      ['off', mode === 'agent' ? msg('Disabled') : msg('Not monitored')],
    ];
    return html`
      <div part="filters" id=${panelId} role="group" aria-label=${msg('Filters')}>
        <fieldset>
          <legend>${msg('Status')}</legend>
          ${statuses.map(
            ([value, label]) =>
              html`<label class="choice">
                <input
                  type="radio"
                  name="${this.#id}-status"
                  value=${value}
                  .checked=${live(this.statusFilter === value)}
                  @change=${() => (this.statusFilter = value)}
                />
                ${label}
              </label>`,
          )}
        </fieldset>
        <fieldset>
          <legend>${msg('Media')}</legend>
          ${groups.map(
            (group) =>
              html`<label class="choice">
                <input
                  type="checkbox"
                  value=${group}
                  .checked=${live(this.groups.includes(group))}
                  @change=${(e: Event) => this.#toggleGroup(group, (e.target as HTMLInputElement).checked)}
                />
                ${groupName(group)}
              </label>`,
          )}
        </fieldset>
        <button part="clear-filters" type="button" @click=${this.#clearFilters}>${msg('Clear filters')}</button>
      </div>
    `;
  }

  /** QL-3: the filters hide every queue — say so and offer to clear them. */
  #renderFilteredOut(): TemplateResult {
    return html`<div part="empty">
      <p>${msg('No queue matches your search and filters.')}</p>
      <button part="clear-filters" type="button" @click=${this.#clearFilters}>${msg('Clear filters')}</button>
    </div>`;
  }

  #renderTable(view: readonly QueueGroupView[], mode: QueueListMode, editable: boolean, now: number): TemplateResult {
    const headers: Record<QueueSortKey, string> = {
      name: msg('Queue'),
      busy: msg('Busy'),
      waiting: msg('Waiting'),
      longestWait: msg('Longest wait'),
    };
    const first = editable ? (mode === 'agent' ? msg('Enabled') : msg('Monitor')) : msg('Status');
    return html`
      <div class="scroller">
        <table part="table" data-mode=${mode}>
          <caption class="visually-hidden">
            ${mode === 'agent' ? msg('My assigned queues') : msg('Queues to monitor')}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="tick">${first}</th>
              ${COLUMNS.map((column) => {
                const sorted = this.sortBy === column;
                return html`<th
                  scope="col"
                  class=${column === 'name' ? 'name' : 'figure'}
                  data-sort=${column}
                  aria-sort=${sorted ? (this.sortDescending ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" @click=${() => this.#sort(column)}>
                    ${headers[column]}
                    <span class="arrow" aria-hidden="true">${sorted ? (this.sortDescending ? '▼' : '▲') : '↕'}</span>
                  </button>
                </th>`;
              })}
            </tr>
          </thead>
          ${repeat(
            view,
            (group) => group.group,
            (group) => html`
              <tbody part="group" data-group=${group.group}>
                <tr>
                  <th scope="rowgroup" colspan="5" class="group-heading">
                    <h3 part="group-heading">${groupName(group.group)} <span class="group-count">(${group.rows.length})</span></h3>
                  </th>
                </tr>
                ${repeat(
                  group.rows,
                  (row) => row.queue.id,
                  (row) => this.#renderRow(row, mode, editable, now),
                )}
              </tbody>
            `,
          )}
        </table>
      </div>
    `;
  }

  /** One row, rebuilt only when its queue, its tick or (while calls wait) the second changes. */
  #renderRow(row: QueueRow, mode: QueueListMode, editable: boolean, now: number): unknown {
    const { queue } = row;
    const on = this.#shownOn(queue, mode);
    const pending = this.ticks[mode][queue.id] !== undefined && on !== isOn(queue, mode);
    const wait = longestWaitMs(queue, now);
    const tick = wait === undefined ? undefined : Math.floor(wait / 1000);
    return guard([queue, mode, editable, on, pending, row.noAgentWarning, tick], () => {
      const boxId = `${this.#id}-q-${queue.id}`;
      const pendingId = `${boxId}-pending`;
      const warningId = `${boxId}-warning`;
      const describedBy = [pending ? pendingId : '', row.noAgentWarning ? warningId : ''].filter(Boolean).join(' ');
      return html`
        <tr part="row" data-queue-id=${queue.id} ?data-pending=${pending} ?data-on=${on}>
          <td class="tick">
            ${
              editable
                ? html`<input
                    part="checkbox"
                    type="checkbox"
                    id=${boxId}
                    data-queue-id=${queue.id}
                    .checked=${live(on)}
                    aria-describedby=${describedBy || nothing}
                    @change=${this.#onTick}
                  />`
                : html`<span part="status" data-on=${on ? 'true' : 'false'}>
                    ${
                      mode === 'supervisor'
                        ? on
                          ? html`<span class="check" aria-hidden="true">✓</span> ${msg('Monitored')}`
                          : msg('Not monitored')
                        : on
                          ? msg('Enabled')
                          : msg('Disabled')
                    }
                  </span>`
            }
          </td>
          <td class="name">
            ${editable ? html`<label for=${boxId}>${queue.name}</label>` : html`<span>${queue.name}</span>`}
            ${
              row.noAgentWarning
                ? html`<span part="warning" id=${warningId} title=${msg('Calls waiting, no agent signed in')}>
                    <span aria-hidden="true">⚠</span><span class="visually-hidden">${msg('Calls waiting, no agent signed in')}</span>
                  </span>`
                : nothing
            }
            ${pending ? html`<span part="pending" id=${pendingId}>${pendingLabel(mode, on)}</span>` : nothing}
          </td>
          <td class="figure">${queue.busy}</td>
          <td class="figure">${queue.waiting}</td>
          <td class="figure" part="longest-wait">
            ${
              wait === undefined
                ? html`<span aria-hidden="true">–</span><span class="visually-hidden">${msg('none')}</span>`
                : html`<time datetime=${`PT${tick}S`}>${formatDuration(wait)}</time>`
            }
          </td>
        </tr>
      `;
    });
  }

  /** QL-5: what is not confirmed yet, and the buttons to confirm or discard it. */
  #renderFooter(queues: readonly Queue[], mode: QueueListMode): TemplateResult {
    const ticks = this.ticks[mode];
    const { changes, vanished } = queueSelection(queues, ticks, mode);
    const hintId = `${this.#id}-confirm-hint`;
    const nothingToConfirm = changes.length === 0;
    const nothingToDiscard = Object.keys(ticks).length === 0;
    const vanishedNames = vanished.map((id) => this.#names.get(id) ?? id);
    return html`
      <div part="footer">
        <p id=${hintId} class="hint">
          ${
            this.confirming
              ? msg('Applying your selections…')
              : nothingToConfirm
                ? msg('Nothing to confirm: tick or untick a queue first.')
                : changes.length === 1
                  ? msg('1 change not confirmed yet.')
                  : msg(str`${changes.length} changes not confirmed yet.`)
          }
        </p>
        <div aria-live="polite">
          ${
            vanishedNames.length > 0
              ? html`<p class="vanished">${msg(str`No longer assigned to you, so not applied: ${vanishedNames.join(', ')}.`)}</p>`
              : nothing
          }
        </div>
        <div class="buttons">
          <button
            part="confirm"
            class="primary"
            type="button"
            aria-disabled=${nothingToConfirm || this.confirming ? 'true' : 'false'}
            aria-busy=${this.confirming ? 'true' : 'false'}
            aria-describedby=${hintId}
            @click=${this.#confirm}
          >
            ${this.confirming ? msg('Confirming…') : msg('Confirm selections')}
          </button>
          <button
            part="discard"
            type="button"
            aria-disabled=${nothingToDiscard || this.confirming ? 'true' : 'false'}
            @click=${() => !this.confirming && this.#discard()}
          >
            ${msg('Discard changes')}
          </button>
        </div>
        <div role="status">${this.outcome ? html`<p part="success">${outcomeMessage(this.outcome)}</p>` : nothing}</div>
        <div role="alert">
          ${
            this.failure
              ? html`<p part="error">
                  ${errorMessage(this.failure)} ${msg('Your selections are kept; confirm again to retry.')}
                  ${this.failure.traceId ? html`<span class="trace">${msg(str`Trace id: ${this.failure.traceId}`)}</span>` : nothing}
                </p>`
              : nothing
          }
        </div>
      </div>
    `;
  }
}

/** QL-1: a group's heading. */
function groupName(group: QueueGroup): string {
  switch (group) {
    case 'voice.inbound':
      return msg('Inbound phone');
    case 'voice.outbound':
      return msg('Outbound phone (callbacks)');
    case 'chat.inbound':
      return msg('Inbound chat');
    case 'sms.inbound':
      return msg('Inbound SMS');
    case 'social.inbound':
      return msg('Inbound social');
    case 'email.inbound':
      return msg('Inbound email');
    case 'chat.outbound':
      return msg('Outbound chat');
    case 'sms.outbound':
      return msg('Outbound SMS');
    case 'social.outbound':
      return msg('Outbound social');
    case 'email.outbound':
      return msg('Outbound email');
  }
}

function pendingLabel(mode: QueueListMode, on: boolean): string {
  if (mode === 'agent') return on ? msg('Will be enabled') : msg('Will be disabled');
  return on ? msg('Will be monitored') : msg('Will stop being monitored');
}

function outcomeMessage(outcome: Outcome): string {
  const applied =
    outcome.applied === 1
      ? msg('Selections confirmed: 1 queue changed.')
      : msg(str`Selections confirmed: ${outcome.applied} queues changed.`);
  if (outcome.vanishedNames.length === 0) return applied;
  return `${applied} ${msg(str`No longer assigned to you, so not applied: ${outcome.vanishedNames.join(', ')}.`)}`;
}

declare global {
  interface HTMLElementEventMap {
    'cc-queues-confirmed': CustomEvent<QueuesConfirmedDetail>;
    'cc-queues-error': CustomEvent<ErrorInfo>;
  }
}
