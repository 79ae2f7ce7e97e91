// <cc-wrapup-picker>: the wrap-up after an interaction ends (WU-1…WU-4). Shows the core's
// WrapUpView per task — reasons, countdown, whether Close is allowed — and sends the agent's
// choice and Close. The deadline, the auto-close at zero and the kept reason are the core's.

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import { BehaviorSubject, combineLatest, distinctUntilChanged, map, of, switchMap, type Observable } from 'rxjs';
import {
  CcError,
  type CcClient,
  type ConnectionStatus,
  type ErrorInfo,
  type Notice,
  type ReasonCode,
  type Task,
  type WrapUpView,
} from '@cc-elements/core';
import { CcElement } from '../internal/cc-element.js';
import { StoreController } from '../internal/store-controller.js';
import { controls } from '../internal/tokens.js';
import { FocusKeeper } from '../internal/keep-focus.js';
import { errorMessage, mediaName } from '../internal/messages.js';
import { formatDuration } from '../internal/format.js';
import { styles } from './wrapup-picker.styles.js';

/** `cc-wrapup-reason-chosen`: the agent picked a reason; the core keeps it (WU-4). */
export interface WrapUpReasonChosenDetail {
  readonly taskId: string;
  readonly reasonId: string;
}

/** `cc-wrapup-closed`: the wrap-up is over, closed by the agent or by the core at zero (WU-2). */
export interface WrapUpClosedDetail {
  readonly taskId: string;
  /** The reason it closed with; undefined when none was chosen. */
  readonly reasonId: string | undefined;
  /** True when the countdown reached zero and the core closed it by itself. */
  readonly automatic: boolean;
}

/** `cc-wrapup-error`: choosing or closing failed; the chosen reason is kept. */
export type WrapUpErrorDetail = ErrorInfo & { readonly taskId: string };

/** One task in wrap-up, with the time left on its countdown. */
interface Entry {
  readonly view: WrapUpView;
  /** ms left before the core closes it; undefined without a deadline. */
  readonly left: number | undefined;
}

/** Screen readers hear the countdown once, when this little is left (and not every second). */
const ANNOUNCE_LEFT_MS = 10_000;
/** Keys typed within this gap build one type-ahead word. */
const TYPE_AHEAD_GAP_MS = 600;

let nextId = 0;

/**
 * @summary The wrap-up of an ended interaction: its reasons from the backend, the countdown,
 * and Close — disabled until a reason is chosen when wrap-up is forced. Shows each task in
 * wrap-up (one picker per task), or only `task-id`.
 *
 * @fires cc-wrapup-reason-chosen - The agent chose a reason. Detail: task id, reason id.
 * @fires cc-wrapup-closed - The wrap-up closed. Detail: task id, reason id, automatic (true when it closed by itself at zero).
 * @fires cc-wrapup-error - Choosing or closing failed. Detail: task id, code, message, trace id.
 *
 * @csspart connection-lost - SE-4: the banner while the backend connection is lost and being re-established.
 * @csspart wrapup - One task's picker; `data-task-id`, `data-media`, `data-forced`.
 * @csspart task - The interaction it is about: media, customer and queue.
 * @csspart countdown - The time left before the wrap-up closes by itself.
 * @csspart reasons - The reason listbox.
 * @csspart reason - One reason; `aria-selected="true"` on the chosen one (shown green with a check).
 * @csspart hint - What Close needs, or the reason chosen.
 * @csspart close - The Close button.
 * @csspart error - A refused choice or close, with its trace id.
 * @csspart notices - Wrap-ups closed automatically.
 * @csspart notice - One "Closed automatically with reason …" message.
 * @csspart dismiss - The button that dismisses a notice.
 * @csspart idle - Shown when no interaction is in wrap-up.
 *
 * @cssproperty --cc-wrapup-picker-chosen-color - Colour of the chosen reason (the ready green by default).
 * @cssproperty --cc-wrapup-picker-list-max-block-size - Height of the reason list before it scrolls.
 * @cssproperty --cc-wrapup-picker-urgent-color - Colour of the countdown in its last seconds.
 */
@localized()
export class CcWrapupPicker extends CcElement {
  static override styles = [CcElement.styles, controls, styles];

  /** The task to wrap up; when unset, every task in wrap-up gets its own picker (oldest first). */
  @property({ attribute: 'task-id' }) taskId: string | undefined;

  @state() private errors: ReadonlyMap<string, ErrorInfo> = new Map();
  @state() private closing: ReadonlySet<string> = new Set();
  /** The option the keyboard is on, per task (the chosen reason until the agent moves). */
  @state() private active: ReadonlyMap<string, string> = new Map();

  readonly #id = `cc-wrapup-picker-${nextId++}`;
  readonly #taskId$ = new BehaviorSubject<string | undefined>(undefined);
  readonly #reportedNotices = new Set<string>();
  #typed = { text: '', at: -Infinity };

  readonly #store = new StoreController<{
    entries: readonly Entry[];
    notices: readonly Notice[];
    reasons: readonly ReasonCode[];
    connection: ConnectionStatus;
  }>(this, (client) => ({
    entries: this.#entries$(client),
    notices: combineLatest([client.notices$, this.#taskId$]).pipe(
      map(([notices, taskId]) => notices.filter((n) => n.kind === 'wrapUpClosed' && (taskId === undefined || n.taskId === taskId))),
    ),
    reasons: client.tenant$.pipe(map((t) => t.wrapUpReasons)),
    connection: client.connection$.pipe(map((c) => c.status)),
  }));

  /** The tasks to show — `taskId`, or every task in wrap-up — each with its view and countdown. */
  #entries$(client: CcClient): Observable<readonly Entry[]> {
    return combineLatest([this.#taskId$, client.tasks$]).pipe(
      map(([taskId, tasks]) => (taskId !== undefined ? [taskId] : tasks.filter((t) => t.status === 'wrapUp').map((t) => t.id))),
      distinctUntilChanged((a, b) => a.length === b.length && a.every((id, i) => id === b[i])),
      switchMap((ids) => (ids.length === 0 ? of([]) : combineLatest(ids.map((id) => this.#entry$(client, id))))),
      map((entries) => entries.filter((e): e is Entry => e !== undefined)),
    );
  }

  #entry$(client: CcClient, taskId: string): Observable<Entry | undefined> {
    const view$ = client.wrapUp$(taskId);
    const left$ = view$.pipe(
      map((v) => v?.expiresAt),
      distinctUntilChanged(),
      switchMap((deadline) => client.remaining$(deadline)),
    );
    return combineLatest([view$, left$]).pipe(map(([view, left]) => (view ? { view, left } : undefined)));
  }

  /**
   * PL-5: a wrap-up closed with focus in it hands focus to the next one's reasons, else to "No
   * interaction is in wrap-up", never to the page.
   */
  constructor() {
    super();
    new FocusKeeper(
      this,
      () => this.renderRoot.querySelector<HTMLElement>('[part="reasons"]') ?? this.renderRoot.querySelector<HTMLElement>('[part="idle"]'),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Before the controller's update, so this very render shows the task asked for.
    if (changed.has('taskId')) this.#taskId$.next(this.taskId);
  }

  protected override updated(): void {
    // WU-2: the core closed a wrap-up at zero; tell the host once per notice.
    const notices = this.#store.value.notices ?? [];
    for (const notice of notices) {
      if (this.#reportedNotices.has(notice.id) || notice.taskId === undefined) continue;
      this.#reportedNotices.add(notice.id);
      this.emit('cc-wrapup-closed', { taskId: notice.taskId, reasonId: notice.reasonId, automatic: true });
    }
    for (const id of this.#reportedNotices) if (!notices.some((n) => n.id === id)) this.#reportedNotices.delete(id);
  }

  #setError(taskId: string, error: ErrorInfo | undefined): void {
    const errors = new Map(this.errors);
    if (error) errors.set(taskId, error);
    else errors.delete(taskId);
    this.errors = errors;
  }

  #setActive(taskId: string, reasonId: string): void {
    this.active = new Map(this.active).set(taskId, reasonId);
  }

  async #choose(view: WrapUpView, reasonId: string): Promise<void> {
    const client = this.activeClient;
    this.#setActive(view.taskId, reasonId);
    if (!client || view.reasonId === reasonId) return;
    this.#setError(view.taskId, undefined);
    try {
      await client.chooseWrapUpReason(view.taskId, reasonId);
    } catch (error) {
      const info = CcError.from(error).toInfo();
      this.#setError(view.taskId, info);
      this.emit('cc-wrapup-error', { ...info, taskId: view.taskId });
      // The core keeps the choice in memory when only saving it failed; the host still hears of it.
      if (client.state.wrapUpChoices[view.taskId] !== reasonId) return;
    }
    this.emit('cc-wrapup-reason-chosen', { taskId: view.taskId, reasonId });
  }

  async #close(view: WrapUpView): Promise<void> {
    const client = this.activeClient;
    if (!client || this.closing.has(view.taskId)) return;
    this.#setError(view.taskId, undefined);
    this.closing = new Set(this.closing).add(view.taskId);
    // The core sends the reason it holds at the moment of sending; report that one.
    const reasonId = client.state.wrapUpChoices[view.taskId];
    try {
      await client.closeWrapUp(view.taskId);
      this.emit('cc-wrapup-closed', { taskId: view.taskId, reasonId, automatic: false });
    } catch (error) {
      const info = CcError.from(error).toInfo();
      this.#setError(view.taskId, info);
      this.emit('cc-wrapup-error', { ...info, taskId: view.taskId });
    } finally {
      const closing = new Set(this.closing);
      closing.delete(view.taskId);
      this.closing = closing;
    }
  }

  #activeReason(view: WrapUpView): string | undefined {
    const active = this.active.get(view.taskId);
    if (active !== undefined && view.reasons.some((r) => r.id === active)) return active;
    return view.reasonId ?? view.reasons[0]?.id;
  }

  /** Listbox keys (WAI-ARIA APG): arrows, Home/End move; Enter/Space choose; letters jump (type-ahead). */
  #onListKey(event: KeyboardEvent, view: WrapUpView): void {
    const { reasons } = view;
    if (reasons.length === 0) return;
    const current = Math.max(
      0,
      reasons.findIndex((r) => r.id === this.#activeReason(view)),
    );
    const move = (index: number) => {
      this.#setActive(view.taskId, reasons[Math.min(reasons.length - 1, Math.max(0, index))]!.id);
      void this.updateComplete.then(() => this.#revealActive(event.currentTarget as HTMLElement));
    };
    const typing = event.timeStamp - this.#typed.at < TYPE_AHEAD_GAP_MS && this.#typed.text !== '';
    // Any key but a letter ends the word being typed.
    if (event.key.length !== 1) this.#typed = { text: '', at: -Infinity };
    switch (event.key) {
      case 'ArrowDown':
        move(current + 1);
        break;
      case 'ArrowUp':
        move(current - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(reasons.length - 1);
        break;
      case 'Enter':
        void this.#choose(view, reasons[current]!.id);
        break;
      case ' ':
        if (typing) {
          this.#typeAhead(event, view, current, move);
          break;
        }
        void this.#choose(view, reasons[current]!.id);
        break;
      default:
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        this.#typeAhead(event, view, current, move);
    }
    event.preventDefault();
  }

  #onListClick(event: MouseEvent, view: WrapUpView): void {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    const reasonId = option?.dataset['reasonId'];
    if (reasonId !== undefined) void this.#choose(view, reasonId);
  }

  #typeAhead(event: KeyboardEvent, view: WrapUpView, current: number, move: (index: number) => void): void {
    const fresh = event.timeStamp - this.#typed.at >= TYPE_AHEAD_GAP_MS;
    const text = (fresh ? '' : this.#typed.text) + event.key.toLocaleLowerCase();
    this.#typed = { text, at: event.timeStamp };
    const { reasons } = view;
    // A new single letter looks past the current option, so pressing it again cycles.
    const start = text.length === 1 ? current + 1 : current;
    for (let i = 0; i < reasons.length; i++) {
      const index = (start + i) % reasons.length;
      if (reasons[index]!.label.toLocaleLowerCase().startsWith(text)) {
        move(index);
        return;
      }
    }
  }

  #revealActive(list: HTMLElement): void {
    list.querySelector<HTMLElement>('[data-active]')?.scrollIntoView?.({ block: 'nearest' });
  }

  override render() {
    if (!this.activeClient) return html`<p role="status">${msg('No contact-center client is connected to this widget.')}</p>`;
    const { entries, notices, reasons, connection } = this.#store.value;
    if (!entries || !notices || !reasons || !connection) return html`<p role="status" aria-busy="true">${msg('Loading…')}</p>`;
    return html`
      ${this.renderConnectionBanner()}
      <div class="visually-hidden" role="status">${entries.map((e) => html`<p>${this.#announcement(e)}</p>`)}</div>
      <div part="notices" role="status">${notices.map((n) => this.#renderNotice(n, reasons))}</div>
      ${entries.length === 0 ? html`<p part="idle" tabindex="-1">${msg('No interaction is in wrap-up.')}</p>` : nothing}
      ${repeat(
        entries,
        (entry) => entry.view.taskId,
        (entry, index) => this.#renderEntry(entry, index, connection),
      )}
    `;
  }

  /** What a screen reader hears: once when wrap-up starts, once when little time is left. */
  #announcement({ view, left }: Entry): string {
    const task = taskLabel(view.task);
    if (left !== undefined && left > 0 && left <= ANNOUNCE_LEFT_MS) return msg(str`Less than 10 seconds of wrap-up left for ${task}.`);
    return view.forced
      ? msg(str`Wrap-up for ${task}: choose a reason before the time runs out.`)
      : msg(str`Wrap-up for ${task}: choosing a reason is optional.`);
  }

  #renderEntry({ view, left }: Entry, index: number, connection: ConnectionStatus): TemplateResult {
    const id = `${this.#id}-${index}`;
    const chosen = view.reasons.find((r) => r.id === view.reasonId);
    const active = this.#activeReason(view);
    const error = this.errors.get(view.taskId);
    const closing = this.closing.has(view.taskId);
    const connected = connection === 'connected';
    const canSendClose = this.activeClient?.can('task.close') ?? false;
    const urgent = left !== undefined && left <= ANNOUNCE_LEFT_MS;
    const { task } = view;
    return html`
      <section
        part="wrapup"
        aria-labelledby="${id}-task"
        data-task-id=${view.taskId}
        data-media=${task.media}
        data-forced=${view.forced ? 'true' : 'false'}
      >
        <p part="task" id="${id}-task">
          <span class="media">${msg(str`Wrap-up · ${mediaName(task.media)}`)}</span>
          <strong class="customer">${customerLabel(task)}</strong>
          ${task.queueName ? html`<span class="queue">${task.queueName}</span>` : nothing}
        </p>
        <div class="menu">
          <div class="menu-head">
            <span id="${id}-label" class="label"
              >${msg('Wrap-up reason')}${view.forced ? html` <span class="required">(${msg('required')})</span>` : nothing}</span
            >
            ${
              left === undefined
                ? nothing
                : html`<span part="countdown" role="timer" class=${urgent ? 'urgent' : ''}
                    >${msg(str`${formatDuration(Math.ceil(left / 1000) * 1000)} left`)}</span
                  >`
            }
          </div>
          ${
            view.reasons.length === 0
              ? html`<p class="hint">${msg('No wrap-up reasons are configured.')}</p>`
              : html`<div
                  part="reasons"
                  role="listbox"
                  tabindex="0"
                  aria-labelledby="${id}-label"
                  aria-describedby="${id}-hint"
                  aria-required=${view.forced ? 'true' : 'false'}
                  aria-activedescendant="${id}-reason-${view.reasons.findIndex((r) => r.id === active)}"
                  @keydown=${(e: KeyboardEvent) => this.#onListKey(e, view)}
                  @click=${(e: MouseEvent) => this.#onListClick(e, view)}
                >
                  ${view.reasons.map(
                    (reason, i) => html`
                      <div
                        part="reason"
                        role="option"
                        id="${id}-reason-${i}"
                        aria-selected=${reason.id === view.reasonId ? 'true' : 'false'}
                        data-reason-id=${reason.id}
                        ?data-active=${reason.id === active}
                      >
                        <span class="check" aria-hidden="true">${reason.id === view.reasonId ? '✓' : ''}</span>
                        <span>${reason.label}</span>
                      </div>
                    `,
                  )}
                </div>`
          }
        </div>
        <div class="actions">
          <p part="hint" id="${id}-hint" class=${chosen ? 'chosen' : ''}>${this.#hint(view, chosen, connected, canSendClose)}</p>
          ${
            canSendClose
              ? html`<button
                  part="close"
                  class="primary"
                  type="button"
                  ?disabled=${(!view.canClose || !connected) && !closing}
                  aria-disabled=${closing ? 'true' : 'false'}
                  aria-busy=${closing ? 'true' : 'false'}
                  aria-describedby="${id}-hint"
                  @click=${() => this.#close(view)}
                >
                  ${closing ? msg('Closing…') : msg('Close')}
                </button>`
              : nothing
          }
        </div>
        <div part="error" role="alert">
          ${
            error
              ? html`<p class="error">
                  ${errorMessage(error)}
                  ${error.traceId ? html`<span class="trace">${msg(str`Trace id: ${error.traceId}`)}</span>` : nothing}
                </p>`
              : nothing
          }
        </div>
      </section>
    `;
  }

  #hint(view: WrapUpView, chosen: ReasonCode | undefined, connected: boolean, canSendClose: boolean): TemplateResult | string {
    if (chosen) return html`<span aria-hidden="true">✓ </span>${msg(str`Reason: ${chosen.label}`)}`;
    if (!canSendClose) return msg('The wrap-up closes by itself when the time runs out.');
    if (!connected) return msg('Close is unavailable until the connection is back.');
    return view.forced ? msg('Choose a reason to close.') : msg('Choosing a reason is optional.');
  }

  #renderNotice(notice: Notice, reasons: readonly ReasonCode[]): TemplateResult {
    const reason = reasons.find((r) => r.id === notice.reasonId)?.label ?? notice.reasonId;
    // The notice names its interaction itself: the task is gone by the time it shows.
    const about = noticeLabel(notice);
    return html`<p part="notice" data-task-id=${notice.taskId ?? ''}>
      <span
        >${reason === undefined ? msg('Closed automatically without a reason.') : msg(str`Closed automatically with reason ${reason}.`)}
        ${about ? html`<span class="about">${about}</span>` : nothing}</span
      >
      <button part="dismiss" type="button" aria-label=${msg('Dismiss')} @click=${() => this.activeClient?.dismissNotice(notice.id)}>
        <span aria-hidden="true">×</span>
      </button>
    </p>`;
  }
}

/** The customer as the agent knows them: name, else number or address, else unknown. */
function customerLabel(task: Task): string {
  return task.customerName ?? task.from ?? msg('Unknown customer');
}

/** "Voice – Jane Doe (Billing)": which interaction, in one phrase. */
function taskLabel(task: Task): string {
  const base = `${mediaName(task.media)} – ${customerLabel(task)}`;
  return task.queueName ? `${base} (${task.queueName})` : base;
}

/** Which interaction a notice is about, from what the notice itself carries. */
function noticeLabel(notice: Notice): string {
  const parts = [notice.media ? mediaName(notice.media) : undefined, notice.customerName ?? notice.from].filter((p) => p !== undefined);
  const base = parts.join(' – ');
  return notice.queueName ? `${base} (${notice.queueName})`.trim() : base;
}

declare global {
  interface HTMLElementEventMap {
    'cc-wrapup-reason-chosen': CustomEvent<WrapUpReasonChosenDetail>;
    'cc-wrapup-closed': CustomEvent<WrapUpClosedDetail>;
    'cc-wrapup-error': CustomEvent<WrapUpErrorDetail>;
  }
}
