// <cc-task-pane>: the digital work of an agent (seed 002, seed 003) — offers on every channel, the
// task list, the shown conversation with its customer details, thread and composer, End and
// Transfer with the unsaved-changes dialog, workflows, and the response timers. Everything it shows
// comes from the core; its pieces are render modules in this folder.

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { localized, msg, str } from '@lit/localize';
import { combineLatest, distinctUntilChanged, map, of, switchMap, type Observable, type Subscription } from 'rxjs';
import {
  CcError,
  can as permitted,
  checkAttachments,
  inactivityDeadline,
  responseDeadline,
  slaStatus,
  composerCheck,
  fillTemplate,
  applyEdit,
  isSendKeystroke,
  nextParameter,
  searchTemplates,
  sendKey,
  socialStyleOf,
  templateGroups,
  toggleSocialStyle,
  type AgentProfile,
  type AgentSession,
  type CcClient,
  type CommandType,
  type CustomerField,
  type DigitalPermission,
  type DigitalTransferView,
  type Draft,
  type ErrorInfo,
  type Message,
  type Notice,
  type RefusedFile,
  type SocialStyle,
  type Task,
  type Template,
  type TenantSettings,
  type Thread,
  type TransferTarget,
  type Workflow,
  type TaskTimes,
} from '@cc-elements/core';
import { CcElement } from '../internal/cc-element.js';
import { StoreController } from '../internal/store-controller.js';
import { errorLine } from '../internal/error-line.js';
import { noticeItem } from '../internal/parts.js';
import { controls } from '../internal/tokens.js';
import { widgetAvailable } from '../internal/lazy.js';
import { channelName, errorMessage } from '../internal/messages.js';
import { formatDuration } from '../internal/format.js';
import { formatSeconds } from '../internal/locale.js';
import { styles } from './task-pane.styles.js';
import { ShortcutController, type Shortcuts } from '../internal/shortcuts.js';
import { channelLabel, channelTypeOf, customerOf } from './look.js';
import { LOW_TIME_MS, renderOffers, renderTaskList } from './task-list.js';
import { CLOCK_LOW_MS, renderDetails } from './customer-details.js';
import { renderThread } from './thread.js';
import { renderComposer, type PendingFile } from './composer.js';

/** TP-3: unread customer messages, for the host's red dot on the pane's tab. */
export interface UnreadDetail {
  readonly total: number;
  /** Unread messages per task id (tasks with none are absent). */
  readonly perTask: Readonly<Record<string, number>>;
}

/** TP-1: an offer or accepted conversation, for a host that looks the customer up (screen-pop). */
export interface TaskDetail {
  readonly taskId: string;
  readonly media: Task['media'];
  /** DX-7: the integration channel type, when the contact came through one. */
  readonly channelTypeId: string | undefined;
  readonly customerName: string | undefined;
  readonly queueId: string | undefined;
  readonly queueName: string | undefined;
  /** The customer details the backend configured (TP-1/TP-4). */
  readonly customer: readonly CustomerField[];
}

export const TASK_ACTIONS = ['accept', 'decline', 'end', 'transfer', 'save', 'send', 'resend', 'workflow', 'extend', 'retry'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** A refused or failed command, in the core's error shape, with the task and the action. */
export interface TaskErrorDetail extends ErrorInfo {
  readonly taskId: string;
  readonly action: TaskAction;
}

const COMMAND_OF: Partial<Record<TaskAction, CommandType>> = {
  accept: 'task.accept',
  decline: 'task.decline',
  end: 'task.end',
  transfer: 'task.transfer',
  save: 'customer.save',
  send: 'message.send',
  resend: 'message.send',
  workflow: 'workflow.run',
  extend: 'inactivity.extend',
  retry: 'thread.load',
};

/** The notices this pane tells (digital media only; voice ones are the call banner's). */
const NOTICE_KINDS: ReadonlySet<Notice['kind']> = new Set(['rona', 'declined', 'abandoned']);

/** TP-13: typing is saved as a draft once the agent pauses this long. */
export const DRAFT_DELAY_MS = 500;

type Dialog =
  | { readonly kind: 'unsaved'; readonly taskId: string; readonly then: 'end' | { readonly target: TransferTarget } }
  | {
      readonly kind: 'workflow';
      readonly taskId: string;
      readonly workflow: Workflow;
      readonly values: Readonly<Record<string, string>>;
      readonly error?: ErrorInfo;
    };

interface Shown {
  readonly taskId: string | undefined;
  readonly thread: Thread | undefined;
  readonly draft: Draft | undefined;
  readonly edits: Readonly<Record<string, string>> | undefined;
}

type Bound = {
  tasks: readonly Task[];
  selectedTaskId: string | undefined;
  unread: Readonly<Record<string, number>>;
  totalUnread: number;
  tenant: TenantSettings;
  notices: readonly Notice[];
  session: AgentSession | undefined;
  profile: AgentProfile | undefined;
  times: ReadonlyMap<string, TaskTimes>;
  shown: Shown;
  clocks: Clocks;
  transfer: DigitalTransferView | undefined;
};

/** DX-2/DX-3: the shown conversation's response and inactivity countdowns. */
interface Clocks {
  readonly taskId: string | undefined;
  readonly response: { readonly kind: 'firstResponse' | 'followUp'; readonly left: number } | undefined;
  readonly inactivity: { readonly left: number; readonly canExtend: boolean } | undefined;
}

const NO_CLOCKS: Clocks = { taskId: undefined, response: undefined, inactivity: undefined };

function clocks(client: CcClient): Observable<Clocks> {
  return client.selectedTaskId$.pipe(
    switchMap((taskId) =>
      taskId === undefined
        ? of(NO_CLOCKS)
        : combineLatest([client.task$(taskId), client.thread$(taskId)]).pipe(
            map(([task, thread]) => {
              const messages = thread?.messages ?? [];
              return {
                response: task ? responseDeadline(task, messages) : undefined,
                inactivity: task ? inactivityDeadline(task, messages) : undefined,
              };
            }),
            distinctUntilChanged(
              (a, b) =>
                a.response?.deadline === b.response?.deadline &&
                a.response?.kind === b.response?.kind &&
                a.inactivity?.deadline === b.inactivity?.deadline &&
                a.inactivity?.canExtend === b.inactivity?.canExtend,
            ),
            switchMap(({ response, inactivity }) =>
              combineLatest([client.remaining$(response?.deadline), client.remaining$(inactivity?.deadline)]).pipe(
                map(([responseLeft, inactivityLeft]): Clocks => ({
                  taskId,
                  response: response && responseLeft !== undefined ? { kind: response.kind, left: responseLeft } : undefined,
                  inactivity:
                    inactivity && inactivityLeft !== undefined ? { left: inactivityLeft, canExtend: inactivity.canExtend } : undefined,
                })),
              ),
            ),
          ),
    ),
  );
}

interface TemplateInUse {
  readonly text: string;
  readonly locked: boolean;
  readonly missingSystem: readonly string[];
}

const isDigital = (t: Task) => t.media !== 'voice';
const inHand = (t: Task) => isDigital(t) && t.status !== 'offered';

/** The shown conversation's thread, draft and unsaved customer edits. */
function shown(client: CcClient): Observable<Shown> {
  return client.selectedTaskId$.pipe(
    switchMap((taskId) =>
      taskId === undefined
        ? of<Shown>({ taskId, thread: undefined, draft: undefined, edits: undefined })
        : combineLatest([client.thread$(taskId), client.draft$(taskId), client.customerEdits$(taskId)]).pipe(
            map(([thread, draft, edits]): Shown => ({ taskId, thread, draft, edits })),
          ),
    ),
  );
}

export function taskDetail(task: Task): TaskDetail {
  return {
    taskId: task.id,
    media: task.media,
    channelTypeId: task.channelTypeId,
    customerName: task.customerName,
    queueId: task.queueId,
    queueName: task.queueName,
    customer: task.customer ?? [],
  };
}

let files = 0;

/**
 * @summary The digital task pane: offers on every channel with Accept (and Decline) and their
 * countdown; the list of conversations; the shown conversation's customer details, thread and
 * composer; End, Transfer, templates, attachments, workflows and the response timers.
 *
 * For an email task the thread is shown read-only and `<cc-email-composer task-id=…>` takes the
 * composer's place when that tag is registered on the page (at once, or on first use with
 * `cc-all.js`). With forced wrap-up an ended task shows `<cc-wrapup-picker task-id=…>` when registered.
 *
 * Keyboard (KB, seed 002; remap through `shortcuts`, page-wide with `global-shortcuts`): while focus
 * is in a widget on the same client, Ctrl+Shift+8 next active conversation, Ctrl+Shift+9 previous
 * conversation, Ctrl+Alt+T expand/collapse the task list, Ctrl+Alt+8 expand/collapse the customer
 * details, Ctrl+Alt+9 accept every digital offer (one press does one thing: with focus elsewhere a
 * ringing call in `<cc-call-banner>` is answered first); in the composer Ctrl/Cmd+Enter sends from
 * any medium (Enter alone sends in chat, Shift+Enter is a new line). In the task list
 * Up/Down/Home/End move; in a template Tab/Shift+Tab move between the fields to replace; Escape
 * closes a menu or dialog. Every control is reachable with Tab.
 *
 * @fires cc-unread - The total of unread messages changed (TP-3: the host's red dot). Detail: UnreadDetail.
 * @fires cc-task-offered - A digital offer arrived (once per offer). Detail: TaskDetail.
 * @fires cc-task-accepted - An offer became a conversation in hand (once). Detail: TaskDetail.
 * @fires cc-task-error - A command failed or was refused. Detail: task id, action, code, message, trace id.
 *
 * @csspart connection-lost - SE-4: the banner while the backend connection is lost and being re-established.
 * @csspart offers - The list of offers waiting for Accept.
 * @csspart offer - One offer; `data-media` is its medium.
 * @csspart offer-details - The customer details shown on an offer.
 * @csspart countdown - Time left to accept; `data-urgent` in the last 10 seconds.
 * @csspart accept - Accept button.
 * @csspart decline - Decline button (when the backend allows declining).
 * @csspart queue - The queue an offer came from.
 * @csspart notice - A missed (RONA), declined or abandoned offer; `data-kind`; `dismiss` is its button.
 * @csspart dismiss - A notice's or pop-up's dismiss button.
 * @csspart toast - TP-3: "new message" pop-up for a conversation not shown.
 * @csspart show - The pop-up's button that shows that conversation.
 * @csspart task-list - The conversations list (navigation).
 * @csspart task-list-toggle - Expands or collapses the list.
 * @csspart task - One conversation row; `data-status`, `data-unread`, `aria-selected`.
 * @csspart channel-icon - A medium's or integration channel's icon (DX-7 colour via `--_channel-color`).
 * @csspart task-customer - The customer's name in a row (bold).
 * @csspart task-queue - The queue in a row.
 * @csspart task-timer - Time since the conversation was accepted.
 * @csspart unread - A row's unread count.
 * @csspart unread-total - The unread total on the collapsed list.
 * @csspart conversation - The shown conversation.
 * @csspart details - Customer details with the conversation's head.
 * @csspart customer-name - The customer's name in the head.
 * @csspart timer - Time in the conversation.
 * @csspart transfer - Opens the routing points.
 * @csspart transfer-picker - The routing points of this medium.
 * @csspart target - One routing point.
 * @csspart transfer-reason - TP-15: the wrap-up reason asked before a transfer when wrap-up is forced.
 * @csspart transfer-reason-chosen - The reason chosen for the transfer, with a check.
 * @csspart voice-pause - TP-15: says transfer and the clock are stopped while a voice call is on.
 * @csspart end - Ends the conversation.
 * @csspart response-timer - DX-2: first-response or follow-up countdown.
 * @csspart inactivity-timer - DX-3: customer-inactivity countdown.
 * @csspart extend - DX-3: gives the customer more time.
 * @csspart details-toggle - Folds the customer fields away or shows them.
 * @csspart fields - The customer fields (10 in view, then a scroll).
 * @csspart field - One field; editable ones hold a `field-input`.
 * @csspart field-input - An editable field.
 * @csspart save - Saves the edited fields.
 * @csspart cancel - Drops the edits.
 * @csspart save-outcome - "Saved" or why not.
 * @csspart thread-status - Loading, or the failure with `retry`.
 * @csspart retry - Loads the thread again.
 * @csspart thread - The messages (a log).
 * @csspart message - A message; `data-author` is customer, agent or bot.
 * @csspart bubble - A message's bubble.
 * @csspart initials - The customer's initials by their bubbles.
 * @csspart time - A message's date and time.
 * @csspart announcement - TP-11: a life-cycle event with its time.
 * @csspart receipt - TP-12: sending, sent, delivered, read or not sent.
 * @csspart resend - Sends a failed message again.
 * @csspart attachment - An attachment in the thread; `data-blocked` when greyed out.
 * @csspart composer - The reply area.
 * @csspart toolbar - Templates, formatting, attach and workflows.
 * @csspart templates-toggle - Opens the template picker.
 * @csspart template-picker - The picker: `template-tab`s, `template-search`, `template`s.
 * @csspart template-tab - "All templates" or a group.
 * @csspart template-search - Filters templates.
 * @csspart template - One template; `data-locked` when it cannot be edited.
 * @csspart style - TP-9: bold, italic or strikethrough (`data-style`, `aria-pressed`).
 * @csspart attach - Opens the file picker.
 * @csspart attachments - Files to send, each an `attachment-preview` with `remove-attachment`.
 * @csspart attachment-preview - A file to send: name and size.
 * @csspart remove-attachment - Removes a file (×).
 * @csspart attachment-errors - Files refused, each with why.
 * @csspart workflows-toggle - Opens the workflow list.
 * @csspart workflow-list - The workflows.
 * @csspart workflow - One workflow.
 * @csspart input - The reply field.
 * @csspart count - Characters used and the limit; `data-over` past it.
 * @csspart limit-error - How many characters over the limit.
 * @csspart locked-error - TP-8: a locked template was edited.
 * @csspart missing-parameters - System parameters without a value, to fill by hand.
 * @csspart permission - DX-1: replies need approval.
 * @csspart sla - DX-4: the service level, while the reply field has focus.
 * @csspart send - Send button.
 * @csspart send-error - Why the last message was not sent.
 * @csspart email-composer - Where `<cc-email-composer>` goes for an email task.
 * @csspart wrap-up - Where `<cc-wrapup-picker>` goes for a task in wrap-up.
 * @csspart dialog - The modal dialogs (unsaved changes, workflow parameters); `data-kind`.
 * @csspart go-back - TP-4: "Go back" in the unsaved-changes dialog.
 * @csspart continue - TP-4: "Continue without saving" in the unsaved-changes dialog.
 * @csspart workflow-parameter - TP-10: an input the workflow asks for.
 * @csspart trigger - TP-10: triggers the workflow.
 * @csspart error - A failed command's message.
 * @csspart empty - Said when the pane has no client.
 *
 * @cssproperty --cc-task-pane-customer-bubble - Background of customer bubbles (grey).
 * @cssproperty --cc-task-pane-agent-bubble - Background of agent bubbles (solid blue).
 * @cssproperty --cc-task-pane-on-agent-bubble - Text colour on agent bubbles.
 * @cssproperty --cc-task-pane-unread - Colour of unread counts.
 * @cssproperty --cc-task-pane-list-inline-size - Width of the task list (default 16rem).
 * @cssproperty --cc-task-pane-block-size - Height of the pane (default 36rem).
 */
@localized()
export class CcTaskPane extends CcElement {
  static override styles = [CcElement.styles, controls, styles];

  /** KB: the host's shortcut table — only the actions to change, over `<cc-provider>`'s and the defaults; `null` turns one off. */
  @property({ attribute: false }) shortcuts: Shortcuts = {};

  /** KB: the shortcuts act wherever focus is on the page (never in the host's own fields), not only inside the widgets. */
  @property({ type: Boolean, attribute: 'global-shortcuts' }) globalShortcuts = false;

  /** TP-2: the task list starts collapsed. */
  @property({ type: Boolean, reflect: true, attribute: 'list-collapsed' }) listCollapsed = false;

  @state() private pending: ReadonlySet<string> = new Set();
  @state() private failures: ReadonlyMap<string, TaskErrorDetail> = new Map();
  @state() private transferOpen: string | undefined;
  @state() private detailsCollapsed = false;
  @state() private templatesOpen = false;
  @state() private templateTab = '';
  @state() private templateQuery = '';
  @state() private workflowsOpen = false;
  @state() private composerFocused = false;
  @state() private dialog: Dialog | undefined;
  @state() private saveOutcomes: ReadonlyMap<string, { ok: true } | { ok: false; error: ErrorInfo }> = new Map();
  @state() private toast: { readonly taskId: string; readonly text: string } | undefined;
  @state() private announcement = '';
  @state() private lockedRefused: string | undefined;
  @state() private selection: { readonly start: number; readonly end: number } = { start: 0, end: 0 };

  readonly #store = new StoreController<Bound>(this, (client) => ({
    tasks: client.tasks$,
    selectedTaskId: client.selectedTaskId$,
    unread: client.unread$,
    totalUnread: client.totalUnread$,
    tenant: client.tenant$,
    notices: client.notices$,
    session: client.session$,
    profile: client.profile$,
    times: client.taskTimes$(isDigital),
    shown: shown(client),
    clocks: clocks(client),
    transfer: client.selectedTaskId$.pipe(switchMap((taskId) => (taskId === undefined ? of(undefined) : client.transferView$(taskId)))),
  }));

  /** TP-6/TP-13: what is in the composer of each conversation, ahead of the saved draft. */
  #texts = new Map<string, string>();
  #draftTimers = new Map<string, Subscription>();
  #files = new Map<string, readonly PendingFile[]>();
  #refused = new Map<string, readonly RefusedFile<File>[]>();
  #templates = new Map<string, TemplateInUse>();
  #sendErrors = new Map<string, ErrorInfo>();
  #seen = new Map<string, Task['status']>();
  #outbox: { type: 'cc-task-offered' | 'cc-task-accepted'; detail: TaskDetail }[] = [];
  #lastTotal: number | undefined;
  #lastUnread: Readonly<Record<string, number>> = {};
  #unreadOut: UnreadDetail | undefined;
  #announcedNotices = new Set<string>();
  #lowTimeAnnounced = new Set<string>();
  #focusRow: string | undefined;
  #focusAfter: string | undefined;
  #dialogOpener: HTMLElement | undefined;
  #threadKey = '';
  /** Focus was inside before this update. */
  #hadFocus = false;
  /** The offer whose controls had focus, until it is taken or gone. */
  #offerFocus: string | undefined;
  /** TP-14: the task just ended or transferred, until focus has moved on from it. */
  #leaving: string | undefined;

  /** KB: Ctrl+Shift+8/9, Ctrl+Alt+T, Ctrl+Alt+8 and Ctrl+Alt+9 (after the call banner's ringing call). */
  readonly #keys = new ShortcutController(
    this,
    {
      nextTask: () => this.#step(1, true),
      previousTask: () => this.#step(-1, false),
      toggleTaskList: () => this.#toggleList(),
      toggleDetails: () => this.#toggleDetails(),
      acceptOffers: () => this.#acceptOffers(),
    },
    1,
  );

  #can(action: TaskAction): boolean {
    const command = COMMAND_OF[action];
    return command === undefined || (this.activeClient?.can(command) ?? false);
  }

  /** Offers, oldest first. */
  get #offers(): readonly Task[] {
    return (this.#store.value.tasks ?? []).filter((t) => isDigital(t) && t.status === 'offered');
  }

  /** Conversations in hand, in the order they came. */
  get #list(): readonly Task[] {
    return (this.#store.value.tasks ?? []).filter(inHand);
  }

  /** The conversation shown: the selected one when it is a digital task in hand. */
  get #shownTask(): Task | undefined {
    const id = this.#store.value.selectedTaskId;
    return this.#list.find((t) => t.id === id);
  }

  // ---- lifecycle ----------------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Typing not yet saved is saved now, so nothing is lost when the pane goes away.
    for (const taskId of [...this.#draftTimers.keys()]) this.#flushDraft(taskId);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const focused = this.shadowRoot?.activeElement;
    this.#hadFocus = focused != null;
    this.#offerFocus = focused?.closest<HTMLElement>('[part="offer"]')?.dataset['taskId'] ?? this.#offerFocus;
    const { tasks, unread, totalUnread, notices } = this.#store.value;
    if (tasks) this.#transitions(tasks);
    if (unread && totalUnread !== undefined) this.#unreadChanges(unread, totalUnread);
    if (notices) this.#noticeAnnouncements(notices);
    this.#lowTime();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    for (const { type, detail } of this.#outbox.splice(0)) this.emit(type, detail);
    if (this.#unreadOut) {
      const detail = this.#unreadOut;
      this.#unreadOut = undefined;
      this.emit('cc-unread', detail);
    }
    this.#syncDialog();
    if (this.#focusRow !== undefined) {
      const row = this.renderRoot.querySelector<HTMLElement>(`[part="task"][data-task-id="${this.#focusRow}"]`);
      this.#focusRow = undefined;
      row?.focus();
    }
    if (this.#focusAfter !== undefined) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusAfter);
      this.#focusAfter = undefined;
      target?.focus();
    }
    this.#focusAfterLeaving();
    this.#focusAfterOffer();
    // PL-5, last resort: whatever took the focused control away (a wrap-up closed in its picker, a
    // conversation gone), focus stays in the pane.
    if (this.#hadFocus && !this.shadowRoot?.activeElement) {
      this.renderRoot
        .querySelector<HTMLElement>(
          '[part="task"][aria-selected="true"], [part="task"], [part="offer"] [part="accept"], [part="task-list-toggle"]',
        )
        ?.focus();
    }
    // The newest message is in view when it arrives or the conversation changes — not on every tick.
    const shownState = this.#store.value.shown;
    const messages = shownState?.thread?.messages ?? [];
    const key = `${shownState?.taskId}:${messages.length}:${messages.at(-1)?.id}`;
    if (key !== this.#threadKey) {
      this.#threadKey = key;
      const log = this.renderRoot.querySelector<HTMLElement>('[part="thread"]');
      if (log) log.scrollTop = log.scrollHeight;
    }
  }

  /** EM-6: "Show all messages" in the hosted email composer brings the newest email into view in the pane's thread. */
  #showWholeThread(): void {
    const log = this.renderRoot.querySelector<HTMLElement>('[part="thread"]');
    if (!log) return;
    log.scrollTop = log.scrollHeight;
    log.focus();
  }

  #transitions(tasks: readonly Task[]): void {
    const announcements: string[] = [];
    const tenant = this.#store.value.tenant;
    for (const task of tasks.filter(isDigital)) {
      const before = this.#seen.get(task.id);
      this.#seen.set(task.id, task.status);
      if (task.status === 'offered' && before !== 'offered') {
        this.#outbox.push({ type: 'cc-task-offered', detail: taskDetail(task) });
        this.#lowTimeAnnounced.delete(task.id);
        const who = customerOf(task);
        const channel = channelLabel(task, tenant);
        announcements.push(
          task.queueName ? msg(str`New ${channel} from ${who}, queue ${task.queueName}.`) : msg(str`New ${channel} from ${who}.`),
        );
      } else if (before === 'offered' && (task.status === 'active' || task.status === 'held')) {
        this.#outbox.push({ type: 'cc-task-accepted', detail: taskDetail(task) });
      }
    }
    for (const id of [...this.#seen.keys()]) {
      if (tasks.some((t) => t.id === id)) continue;
      this.#seen.delete(id);
      this.#forget(id);
    }
    if (announcements.length > 0) this.announcement = announcements.join(' ');
  }

  /** A conversation left: its composer state goes with it (the core keeps or drops the draft). */
  #forget(taskId: string): void {
    this.#draftTimers.get(taskId)?.unsubscribe();
    this.#draftTimers.delete(taskId);
    this.#texts.delete(taskId);
    this.#files.delete(taskId);
    this.#refused.delete(taskId);
    this.#templates.delete(taskId);
    this.#sendErrors.delete(taskId);
    if (this.transferOpen === taskId) this.transferOpen = undefined;
    if (this.toast?.taskId === taskId) this.toast = undefined;
    if (this.dialog?.taskId === taskId) this.dialog = undefined;
  }

  /** TP-3: the host hears each change of the total; a message on a conversation not shown pops up. */
  #unreadChanges(unread: Readonly<Record<string, number>>, total: number): void {
    if (total !== this.#lastTotal) {
      this.#lastTotal = total;
      this.#unreadOut = { total, perTask: unread };
    }
    const shownId = this.#shownTask?.id;
    for (const [taskId, count] of Object.entries(unread)) {
      if (count <= (this.#lastUnread[taskId] ?? 0) || (taskId === shownId && !this.listCollapsed)) continue;
      const task = this.#list.find((t) => t.id === taskId);
      if (!task) continue;
      this.toast = { taskId, text: msg(str`New message from ${customerOf(task)} (${channelLabel(task, this.#store.value.tenant)})`) };
    }
    this.#lastUnread = unread;
    if (this.toast && !(this.toast.taskId in unread)) this.toast = undefined;
  }

  #noticeAnnouncements(notices: readonly Notice[]): void {
    const fresh = this.#notices(notices).filter((n) => !this.#announcedNotices.has(n.id));
    if (fresh.length === 0) return;
    for (const n of fresh) this.#announcedNotices.add(n.id);
    this.announcement = fresh.map((n) => this.#noticeText(n)).join(' ');
  }

  /**
   * TP-1, DX-2, DX-3: "10 seconds left" once per offer, and once per running reply or inactivity
   * countdown of the shown conversation as it gets low — never a tick per second.
   */
  #lowTime(): void {
    const { times, clocks, tasks } = this.#store.value;
    if (!times) return;
    for (const task of this.#offers) {
      const left = times.get(task.id)?.offer;
      if (left === undefined || left <= 0 || left > LOW_TIME_MS || this.#lowTimeAnnounced.has(task.id)) continue;
      this.#lowTimeAnnounced.add(task.id);
      const seconds = Math.ceil(left / 1000);
      this.announcement = msg(str`${formatSeconds(seconds)} left to accept the conversation with ${customerOf(task)}.`);
    }
    const task = clocks?.taskId === undefined ? undefined : tasks?.find((t) => t.id === clocks.taskId);
    if (!task || !clocks) return;
    const low = (kind: string, left: number | undefined, say: (seconds: number) => string) => {
      const key = `${task.id}:${kind}`;
      // A countdown that starts again (the customer wrote, the agent extended) may be announced again.
      if (left === undefined || left > CLOCK_LOW_MS) this.#lowTimeAnnounced.delete(key);
      if (left === undefined || left <= 0 || left > CLOCK_LOW_MS || this.#lowTimeAnnounced.has(key)) return;
      this.#lowTimeAnnounced.add(key);
      this.announcement = say(Math.ceil(left / 1000));
    };
    low('response', clocks.response?.left, (seconds) => msg(str`${formatSeconds(seconds)} left to reply to ${customerOf(task)}.`));
    low('inactivity', clocks.inactivity?.left, (seconds) =>
      clocks.inactivity?.canExtend
        ? msg(str`${customerOf(task)} will be unassigned in ${formatSeconds(seconds)} unless they write; you can extend.`)
        : msg(str`${customerOf(task)} will be unassigned in ${formatSeconds(seconds)} unless they write.`),
    );
  }

  /** ST-6, DX-6: what became of digital offers — missed (RONA), declined, or the customer left first. */
  #notices(notices: readonly Notice[]): Notice[] {
    return notices.filter((n) => NOTICE_KINDS.has(n.kind) && n.media !== undefined && n.media !== 'voice');
  }

  #noticeText(notice: Notice): string {
    const who = notice.customerName ?? notice.from ?? msg('a customer');
    const queue = notice.queueName;
    switch (notice.kind) {
      case 'declined':
        return queue
          ? msg(str`You declined the conversation with ${who} in ${queue}; it went back to the queue.`)
          : msg(str`You declined the conversation with ${who}; it went back to the queue.`);
      case 'abandoned':
        return msg(str`${who} left before you accepted.`);
      default: {
        const channel = channelName(notice.channel ?? 'chatSocial');
        return queue
          ? msg(str`You did not accept the conversation with ${who} in ${queue} in time — ${channel} is now Not Ready.`)
          : msg(str`You did not accept the conversation with ${who} in time — ${channel} is now Not Ready.`);
      }
    }
  }

  // ---- commands -----------------------------------------------------------------------------------

  #busy(taskId: string, action: string): boolean {
    return this.pending.has(`${taskId}:${action}`);
  }

  async #run(
    taskId: string,
    action: TaskAction,
    send: (client: CcClient) => Promise<void>,
    quiet?: (error: CcError) => boolean,
  ): Promise<boolean> {
    const client = this.activeClient;
    const key = `${taskId}:${action}`;
    if (!client || this.pending.has(key)) return false;
    this.pending = new Set([...this.pending, key]);
    this.failures = new Map([...this.failures].filter(([id]) => id !== taskId));
    try {
      await send(client);
      return true;
    } catch (error) {
      const info = CcError.from(error);
      if (quiet?.(info)) return false;
      const detail: TaskErrorDetail = { ...info.toInfo(), taskId, action };
      this.failures = new Map([...this.failures, [taskId, detail]]);
      this.emit('cc-task-error', detail);
      return false;
    } finally {
      const rest = new Set(this.pending);
      rest.delete(key);
      this.pending = rest;
    }
  }

  #select(task: Task, focus = false): void {
    this.#flushDraftsExcept(task.id);
    this.activeClient?.selectTask(task.id);
    this.transferOpen = undefined;
    this.templatesOpen = false;
    this.workflowsOpen = false;
    this.lockedRefused = undefined;
    if (this.toast?.taskId === task.id) this.toast = undefined;
    if (focus) this.#focusRow = task.id;
  }

  /** TP-2: Up/Down/Home/End move through the list, the selection following. */
  #onListKey(event: KeyboardEvent): void {
    if (event.defaultPrevented) return;
    const list = this.#list;
    if (list.length === 0) return;
    const index = list.findIndex((t) => t.id === this.#shownTask?.id);
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = Math.min(list.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index < 0 ? 0 : index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = list.length - 1;
    else if ((event.key === 'Enter' || event.key === ' ') && index < 0) next = 0;
    if (next === undefined) return;
    event.preventDefault();
    this.#select(list[next]!, true);
  }

  /** Ctrl+Shift+8 / Ctrl+Shift+9: the next active or the previous conversation, wrapping round. */
  #step(direction: 1 | -1, activeOnly: boolean): boolean {
    const list = this.#list;
    if (list.length === 0) return false;
    const from = list.findIndex((t) => t.id === this.#shownTask?.id);
    for (let i = 1; i <= list.length; i++) {
      const task = list[((((from < 0 ? (direction === 1 ? -1 : 0) : from) + direction * i) % list.length) + list.length) % list.length]!;
      if (activeOnly && task.status !== 'active' && task.status !== 'held') continue;
      if (this.listCollapsed) this.listCollapsed = false;
      this.#select(task, true);
      return true;
    }
    return false;
  }

  /** Focus is on something in this pane that matches `selector` (or inside it). */
  #focusIn(selector: string): boolean {
    return this.renderRoot.querySelector(selector)?.contains(this.shadowRoot?.activeElement ?? null) === true;
  }

  #toggleList(): boolean {
    // A row with focus folds away: focus stays on the toggle. From elsewhere, focus stays where it is.
    if (!this.listCollapsed && this.#focusIn('[part="task-list"]')) this.#focusAfter = '[part="task-list-toggle"]';
    this.listCollapsed = !this.listCollapsed;
    return true;
  }

  /** Ctrl+Alt+8 (seed 002 "interaction control: expand/collapse"): the shown conversation's customer details. */
  #toggleDetails(): boolean {
    if (!this.#shownTask || !this.renderRoot.querySelector('[part="details-toggle"]')) return false;
    if (!this.detailsCollapsed && this.#focusIn('[part="fields"]')) this.#focusAfter = '[part="details-toggle"]';
    this.detailsCollapsed = !this.detailsCollapsed;
    return true;
  }

  /** Ctrl+Alt+9: every digital offer waiting; nothing to take leaves the key to others (the call banner). */
  #acceptOffers(): boolean {
    const offers = this.#offers;
    if (offers.length === 0 || !this.#can('accept')) return false;
    for (const offer of offers) this.#accept(offer);
    return true;
  }

  #accept(task: Task): void {
    void this.#run(task.id, 'accept', (c) => c.accept(task.id));
  }

  #decline(task: Task): void {
    void this.#run(task.id, 'decline', (c) => c.decline(task.id));
  }

  async #end(task: Task, discardUnsaved = false): Promise<void> {
    const ended = await this.#run(
      task.id,
      'end',
      (c) => c.end(task.id, { discardUnsaved }),
      (error) => this.#askUnsaved(error, task, 'end'),
    );
    if (ended) this.#afterLeaving(task);
  }

  async #transfer(task: Task, target: TransferTarget, discardUnsaved = false): Promise<void> {
    const moved = await this.#run(
      task.id,
      'transfer',
      (c) => c.transferTask(task.id, target.id, { discardUnsaved }),
      (error) => this.#askUnsaved(error, task, { target }),
    );
    if (moved) {
      this.transferOpen = undefined;
      this.#afterLeaving(task);
    }
  }

  /** TP-4: unsaved customer edits stop End and Transfer: the dialog asks what to do. */
  #askUnsaved(error: CcError, task: Task, then: 'end' | { target: TransferTarget }): boolean {
    if (error.code !== 'customer.unsaved') return false;
    this.#dialogOpener = (this.shadowRoot?.activeElement as HTMLElement | null) ?? undefined;
    this.dialog = { kind: 'unsaved', taskId: task.id, then };
    return true;
  }

  /** TP-14: once the task has left (or is in wrap-up), focus goes where the core put the selection. */
  #afterLeaving(task: Task): void {
    this.#leaving = task.id;
    this.requestUpdate();
  }

  #focusAfterLeaving(): void {
    const leaving = this.#leaving;
    if (leaving === undefined) return;
    const still = this.#list.find((t) => t.id === leaving);
    if (still && still.status !== 'wrapUp') return;
    this.#leaving = undefined;
    const selected = this.#shownTask;
    const root = this.renderRoot;
    const target =
      selected && selected.id !== leaving
        ? root.querySelector<HTMLElement>(`[part="task"][data-task-id="${selected.id}"]`)
        : selected
          ? root.querySelector<HTMLElement>('[part="wrap-up"] cc-wrapup-picker, [part="task"][aria-selected="true"]')
          : (root.querySelector<HTMLElement>('[part="task"]') ?? root.querySelector<HTMLElement>('[part="task-list-toggle"]'));
    target?.focus();
  }

  /**
   * PL-5: an offer taken or gone with focus on it would drop focus to the page: it goes to that
   * conversation once accepted, else the next offer, else the list.
   */
  #focusAfterOffer(): void {
    const taskId = this.#offerFocus;
    if (taskId === undefined || this.#offers.some((t) => t.id === taskId)) return;
    this.#offerFocus = undefined;
    if (this.shadowRoot?.activeElement) return;
    const root = this.renderRoot;
    const target =
      root.querySelector<HTMLElement>(`[part="task"][data-task-id="${taskId}"]`) ??
      root.querySelector<HTMLElement>(
        '[part="offer"] [part="accept"], [part="task"][aria-selected="true"], [part="task"], [part="task-list-toggle"]',
      );
    target?.focus();
  }

  #editCustomer(task: Task, field: CustomerField, value: string): void {
    const client = this.activeClient;
    if (!client) return;
    const current = { ...(client.state.customerEdits[task.id] ?? {}) };
    if (value === field.value) delete current[field.id];
    else current[field.id] = value;
    client.editCustomer(task.id, Object.keys(current).length > 0 ? current : undefined);
    this.saveOutcomes = new Map([...this.saveOutcomes].filter(([id]) => id !== task.id));
  }

  async #saveCustomer(task: Task): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    const key = `${task.id}:save`;
    if (this.pending.has(key)) return;
    this.pending = new Set([...this.pending, key]);
    try {
      await client.saveCustomer(task.id);
      this.saveOutcomes = new Map([...this.saveOutcomes, [task.id, { ok: true }]]);
    } catch (error) {
      const info = CcError.from(error).toInfo();
      this.saveOutcomes = new Map([...this.saveOutcomes, [task.id, { ok: false, error: info }]]);
      this.emit('cc-task-error', { ...info, taskId: task.id, action: 'save' });
    } finally {
      const rest = new Set(this.pending);
      rest.delete(key);
      this.pending = rest;
    }
  }

  #cancelCustomer(task: Task): void {
    this.activeClient?.editCustomer(task.id, undefined);
    this.saveOutcomes = new Map([...this.saveOutcomes].filter(([id]) => id !== task.id));
  }

  // ---- composer -------------------------------------------------------------------------------------

  #textOf(taskId: string): string {
    return this.#texts.get(taskId) ?? (this.#store.value.shown?.taskId === taskId ? (this.#store.value.shown.draft?.text ?? '') : '');
  }

  #setText(task: Task, text: string): void {
    this.#texts.set(task.id, text);
    this.#sendErrors.delete(task.id);
    this.#scheduleDraft(task.id);
    this.requestUpdate();
  }

  /** TP-13: saved once typing pauses (the core keeps it through reloads). */
  #scheduleDraft(taskId: string): void {
    const client = this.activeClient;
    if (!client) return;
    this.#draftTimers.get(taskId)?.unsubscribe();
    this.#draftTimers.set(taskId, client.scheduler.schedule(() => this.#flushDraft(taskId), DRAFT_DELAY_MS) as Subscription);
  }

  #flushDraft(taskId: string): void {
    const timer = this.#draftTimers.get(taskId);
    if (!timer) return;
    timer.unsubscribe();
    this.#draftTimers.delete(taskId);
    const text = this.#texts.get(taskId);
    const client = this.activeClient;
    if (text === undefined || !client?.state.tasks.some((t) => t.id === taskId)) return;
    client.saveDraft(taskId, text === '' ? undefined : { text }).catch(() => {
      // The browser could not store it; the core still holds it for this session.
    });
  }

  #flushDraftsExcept(taskId: string): void {
    for (const id of [...this.#draftTimers.keys()]) if (id !== taskId) this.#flushDraft(id);
  }

  #onInput(task: Task, event: InputEvent): void {
    const area = event.target as HTMLTextAreaElement;
    const template = this.#templates.get(task.id);
    if (template) {
      const edit = applyEdit(template.text, template.locked, area.value);
      if (!edit.ok) {
        // TP-8: a locked template stays as it is; the attempt is told.
        area.value = edit.text;
        this.lockedRefused = task.id;
        return;
      }
      if (edit.text === '') this.#templates.delete(task.id);
      else this.#templates.set(task.id, { ...template, text: edit.text });
    }
    this.lockedRefused = undefined;
    this.#setText(task, area.value);
    this.#trackSelection(area);
  }

  #onComposerKey(task: Task, event: KeyboardEvent): void {
    const area = event.target as HTMLTextAreaElement;
    if (isSendKeystroke(channelTypeOf(task, this.#store.value.tenant) ?? task.media, event) || this.#keys.matches(event, 'send')) {
      event.preventDefault();
      void this.#send(task);
      return;
    }
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      // TP-8: Tab and Shift+Tab go from one field to replace to the next; past the last, focus moves on.
      const text = area.value;
      const next = nextParameter(text, event.shiftKey ? area.selectionStart : area.selectionEnd, event.shiftKey);
      if (next) {
        event.preventDefault();
        area.setSelectionRange(next.start, next.end);
        this.#trackSelection(area);
      }
    }
  }

  #trackSelection(area: HTMLTextAreaElement): void {
    const { selectionStart: start, selectionEnd: end } = area;
    if (start !== this.selection.start || end !== this.selection.end) this.selection = { start, end };
  }

  #style(task: Task, style: SocialStyle): void {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('[part="input"]');
    if (!area || this.#templates.get(task.id)?.locked) {
      if (area && this.#templates.get(task.id)?.locked) this.lockedRefused = task.id;
      return;
    }
    const styled = toggleSocialStyle(area.value, { start: area.selectionStart, end: area.selectionEnd }, style);
    if (styled.text === area.value) return;
    area.value = styled.text;
    this.#setText(task, styled.text);
    area.focus();
    area.setSelectionRange(styled.selection.start, styled.selection.end);
    this.selection = styled.selection;
  }

  #systemParameters(task: Task): Record<string, string> {
    const { profile } = this.#store.value;
    const params: Record<string, string> = {};
    for (const field of task.customer ?? []) params[field.id] = field.value;
    if (task.customerName !== undefined) params['customerName'] = task.customerName;
    if (profile?.name !== undefined) params['agentName'] = profile.name;
    if (task.queueName !== undefined) params['queueName'] = task.queueName;
    params['channel'] = channelLabel(task, this.#store.value.tenant);
    return params;
  }

  /** TP-8: a template replaces what was typed; system parameters are filled in. */
  #chooseTemplate(task: Task, template: Template): void {
    const filled = fillTemplate(template, this.#systemParameters(task));
    this.#templates.set(task.id, { text: filled.text, locked: template.locked === true, missingSystem: filled.missingSystem });
    this.templatesOpen = false;
    this.lockedRefused = undefined;
    this.#setText(task, filled.text);
    void this.updateComplete.then(() => {
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>('[part="input"]');
      if (!area) return;
      area.focus();
      const first = filled.parameters[0];
      if (first && template.locked !== true) area.setSelectionRange(first.start, first.end);
      else area.setSelectionRange(filled.text.length, filled.text.length);
      this.#trackSelection(area);
    });
  }

  #filesChosen(task: Task, chosen: readonly File[]): void {
    const rules = this.#store.value.tenant?.digital.attachments[task.media];
    if (!rules || chosen.length === 0) return;
    const existing = this.#files.get(task.id) ?? [];
    const check = checkAttachments(
      existing.map((f) => f.file),
      chosen,
      rules,
    );
    this.#files.set(task.id, [...existing, ...check.accepted.map((file) => ({ id: `file-${++files}`, file }))]);
    this.#refused.set(task.id, check.refused);
    this.#sendErrors.delete(task.id);
    this.requestUpdate();
  }

  #removeFile(task: Task, file: PendingFile): void {
    const rest = (this.#files.get(task.id) ?? []).filter((f) => f.id !== file.id);
    this.#files.set(task.id, rest);
    this.#refused.delete(task.id);
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="remove-attachment"], [part="input"]')?.focus());
  }

  /** DX-1: what the signed-in role may do on this medium (everything the backend did not restrict). */
  #permitted(task: Task, permission: DigitalPermission): boolean {
    const { tenant, session } = this.#store.value;
    if (!tenant || !session) return true;
    return permitted(tenant.digital, task.media, session.role, permission);
  }

  #canReply(task: Task): boolean {
    return this.#permitted(task, 'reply');
  }

  /** DX-4: the service levels, in words, while the reply field has focus. */
  #slaText(task: Task): string | undefined {
    const { tenant, shown: own } = this.#store.value;
    const client = this.activeClient;
    if (!this.composerFocused || !tenant || !client) return undefined;
    const status = slaStatus(task, own?.taskId === task.id ? (own.thread?.messages ?? []) : [], tenant.digital, client.scheduler.now());
    const parts: string[] = [];
    const { firstResponse, solution } = status;
    if (firstResponse && !firstResponse.stopped) {
      parts.push(
        firstResponse.breached
          ? msg('First response: service level missed')
          : msg(str`First response within ${formatDuration(firstResponse.remainingMs)}`),
      );
    }
    if (solution) {
      parts.push(
        solution.breached ? msg('Solution: service level missed') : msg(str`Solution within ${formatDuration(solution.remainingMs)}`),
      );
    }
    return parts.length > 0 ? msg(str`Service level (business hours): ${parts.join(' · ')}`) : undefined;
  }

  async #send(task: Task): Promise<void> {
    const client = this.activeClient;
    if (!client || this.#busy(task.id, 'send') || !this.#canReply(task)) return;
    const text = this.#textOf(task.id);
    const pendingFiles = this.#files.get(task.id) ?? [];
    const check = composerCheck(text, client.state.tenant.digital.composerLimit, pendingFiles.length);
    if (!check.canSend) return;
    this.#sendErrors.delete(task.id);
    const attachments = pendingFiles.map(({ file }) => ({ name: file.name, size: file.size, type: file.type, data: file }));
    const sent = await this.#run(task.id, 'send', (c) =>
      c.sendMessage(task.id, { ...(text.trim() === '' ? {} : { text }), ...(attachments.length > 0 ? { attachments } : {}) }),
    );
    if (sent) {
      // The core cleared the draft; what was typed meanwhile stays.
      if (this.#textOf(task.id) === text) {
        this.#draftTimers.get(task.id)?.unsubscribe();
        this.#draftTimers.delete(task.id);
        this.#texts.set(task.id, '');
        this.#templates.delete(task.id);
      }
      this.#files.set(
        task.id,
        (this.#files.get(task.id) ?? []).filter((f) => !pendingFiles.includes(f)),
      );
      this.#refused.delete(task.id);
    } else {
      const failure = this.failures.get(task.id);
      if (failure) this.#sendErrors.set(task.id, failure);
      // Shown by the composer and the failed bubble; not twice.
      this.failures = new Map([...this.failures].filter(([id]) => id !== task.id));
    }
    this.requestUpdate();
  }

  /** TP-12: a failed message goes again from its kept text, in its own bubble. */
  async #resend(task: Task, message: Message): Promise<void> {
    const text = message.text;
    await this.#run(task.id, 'resend', (c) => c.sendMessage(task.id, { clientId: message.id, ...(text === undefined ? {} : { text }) }));
    if (text !== undefined && this.#textOf(task.id) === text) this.#texts.set(task.id, '');
    // The bubble shows the outcome; the pane's own error line is not needed.
    this.failures = new Map([...this.failures].filter(([id]) => id !== task.id));
  }

  // ---- workflows ----------------------------------------------------------------------------------

  #chooseWorkflow(task: Task, workflow: Workflow): void {
    this.workflowsOpen = false;
    if (workflow.parameters.length > 0) {
      this.#dialogOpener = this.renderRoot.querySelector<HTMLElement>('[part="workflows-toggle"]') ?? undefined;
      this.dialog = { kind: 'workflow', taskId: task.id, workflow, values: {} };
      return;
    }
    void this.#runWorkflow(task, workflow, {});
  }

  async #runWorkflow(task: Task, workflow: Workflow, values: Readonly<Record<string, string>>): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    const key = `${task.id}:workflow`;
    if (this.pending.has(key)) return;
    this.pending = new Set([...this.pending, key]);
    try {
      await client.runWorkflow(task.id, workflow.id, values);
      if (this.dialog?.kind === 'workflow') this.#closeDialog();
      this.announcement = msg(str`Workflow ${workflow.name} triggered.`);
    } catch (error) {
      const info = CcError.from(error).toInfo();
      if (this.dialog?.kind === 'workflow') this.dialog = { ...this.dialog, error: info };
      else this.failures = new Map([...this.failures, [task.id, { ...info, taskId: task.id, action: 'workflow' }]]);
      this.emit('cc-task-error', { ...info, taskId: task.id, action: 'workflow' });
    } finally {
      const rest = new Set(this.pending);
      rest.delete(key);
      this.pending = rest;
    }
  }

  // ---- dialogs --------------------------------------------------------------------------------------

  /** The <dialog> is modal (the rest of the page is inert, focus stays inside) while `dialog` is set. */
  #syncDialog(): void {
    const element = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
    if (!element) return;
    if (this.dialog && !element.open) {
      element.showModal();
      element.querySelector<HTMLElement>('[data-initial-focus], input, button')?.focus();
    } else if (!this.dialog && element.open) {
      element.close();
    }
  }

  #closeDialog(): void {
    const opener = this.#dialogOpener;
    this.dialog = undefined;
    this.#dialogOpener = undefined;
    void this.updateComplete.then(() => {
      if (opener?.isConnected) opener.focus();
    });
  }

  #goBack(): void {
    const dialog = this.dialog;
    this.dialog = undefined;
    this.#dialogOpener = undefined;
    // Back to the edited fields, to save them.
    if (dialog?.kind === 'unsaved') this.#focusAfter = '[part="field"][data-changed] input, [part="field-input"]';
  }

  #continueWithoutSaving(): void {
    const dialog = this.dialog;
    if (dialog?.kind !== 'unsaved') return;
    this.dialog = undefined;
    this.#dialogOpener = undefined;
    const task = this.#list.find((t) => t.id === dialog.taskId);
    if (!task) return;
    if (dialog.then === 'end') void this.#end(task, true);
    else void this.#transfer(task, dialog.then.target, true);
  }

  #renderDialog(): TemplateResult {
    const dialog = this.dialog;
    return html`<dialog
      part="dialog"
      data-kind=${dialog?.kind ?? nothing}
      aria-labelledby="dialog-heading"
      @cancel=${(e: Event) => {
        e.preventDefault();
        if (dialog?.kind === 'unsaved') this.#goBack();
        else this.#closeDialog();
      }}
    >
      ${dialog?.kind === 'unsaved' ? this.#renderUnsaved(dialog) : dialog?.kind === 'workflow' ? this.#renderWorkflowDialog(dialog) : nothing}
    </dialog>`;
  }

  #renderUnsaved(dialog: Extract<Dialog, { kind: 'unsaved' }>): TemplateResult {
    const doing = dialog.then === 'end' ? msg('End the conversation') : msg(str`Transfer to ${dialog.then.target.name}`);
    return html`<h2 id="dialog-heading">${msg('Unsaved changes')}</h2>
      <p id="dialog-text">${msg('The customer details have changes that are not saved. If you continue, they are lost.')}</p>
      <div class="actions">
        <button part="go-back" type="button" data-initial-focus @click=${() => this.#goBack()}>${msg('Go back')}</button>
        <button part="continue" type="button" class="danger" @click=${() => this.#continueWithoutSaving()}>
          ${msg(str`Continue without saving: ${doing}`)}
        </button>
      </div>`;
  }

  #renderWorkflowDialog(dialog: Extract<Dialog, { kind: 'workflow' }>): TemplateResult {
    const task = this.#list.find((t) => t.id === dialog.taskId);
    const busy = this.#busy(dialog.taskId, 'workflow');
    return html`<form
      method="dialog"
      @submit=${(e: Event) => {
        e.preventDefault();
        if (task && !busy) void this.#runWorkflow(task, dialog.workflow, dialog.values);
      }}
    >
      <h2 id="dialog-heading">${msg(str`Trigger ${dialog.workflow.name}`)}</h2>
      ${dialog.workflow.parameters.map(
        (p) =>
          html`<label class="param"
            ><span>${p.label}${p.required ? html` <span aria-hidden="true">*</span>` : nothing}</span>
            <input
              part="workflow-parameter"
              name=${p.id}
              ?required=${p.required === true}
              aria-required=${p.required ? 'true' : 'false'}
              .value=${live(dialog.values[p.id] ?? '')}
              @input=${(e: Event) => {
                if (this.dialog?.kind !== 'workflow') return;
                this.dialog = { ...this.dialog, values: { ...this.dialog.values, [p.id]: (e.target as HTMLInputElement).value } };
              }}
          /></label>`,
      )}
      <div role="alert">${dialog.error ? html`<p part="error" class="error">${errorMessage(dialog.error)}</p>` : nothing}</div>
      <div class="actions">
        <button part="trigger" type="submit" class="primary" aria-busy=${busy ? 'true' : 'false'}>${msg('Trigger')}</button>
        <button type="button" @click=${() => this.#closeDialog()}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  // ---- rendering ------------------------------------------------------------------------------------

  override render() {
    const { tasks, tenant, times, notices, unread, totalUnread } = this.#store.value;
    if (!this.activeClient || !tasks || !tenant || !times || !notices || !unread || totalUnread === undefined) {
      return html`<p class="hint" part="empty">${msg('Not connected: the task pane has no client.')}</p>`;
    }
    const list = this.#list;
    const task = this.#shownTask;
    return html`
      ${this.renderConnectionBanner()} ${this.#renderNotices(notices)} ${this.#renderToast()}
      ${renderOffers(
        {
          offers: this.#offers,
          times,
          tenant,
          canAccept: this.#can('accept'),
          canDecline: this.#can('decline'),
          acceptKeys: this.#keys.aria('acceptOffers'),
          busy: (id, action) => this.#busy(id, action),
        },
        { accept: (t) => this.#accept(t), decline: (t) => this.#decline(t) },
      )}
      ${this.#offers.map((t) => this.#renderFailure(t.id))}
      <div class="pane" ?data-collapsed=${this.listCollapsed}>
        ${renderTaskList(
          {
            tasks: list,
            selectedId: task?.id,
            unread,
            totalUnread,
            times,
            tenant,
            collapsed: this.listCollapsed,
            toggleKeys: this.#keys.aria('toggleTaskList'),
          },
          { select: (t) => this.#select(t), toggle: () => this.#toggleList(), keydown: (e) => this.#onListKey(e) },
        )}
        <div part="conversation" class="conversation" data-task-id=${task?.id ?? nothing}>
          ${task ? this.#renderConversation(task, tenant, times) : html`<p class="hint empty">${list.length === 0 ? msg('No conversations yet.') : msg('Choose a conversation.')}</p>`}
        </div>
      </div>
      ${this.#renderDialog()}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    `;
  }

  #renderConversation(task: Task, tenant: TenantSettings, times: ReadonlyMap<string, TaskTimes>): TemplateResult {
    const shownState = this.#store.value.shown;
    const own = shownState?.taskId === task.id ? shownState : undefined;
    const transfer = this.#store.value.transfer?.taskId === task.id ? this.#store.value.transfer : undefined;
    const clock = this.#store.value.clocks?.taskId === task.id ? this.#store.value.clocks : undefined;
    return html`
      ${renderDetails(
        {
          task,
          tenant,
          elapsed: times.get(task.id)?.elapsed,
          edits: own?.edits,
          saveOutcome: this.saveOutcomes.get(task.id),
          transfer,
          transferOpen: this.transferOpen === task.id,
          // Unsaved edits are never folded away out of sight.
          collapsed: this.detailsCollapsed && own?.edits === undefined,
          toggleKeys: this.#keys.aria('toggleDetails'),
          canEnd: this.#can('end'),
          canTransfer: this.#can('transfer') && this.#permitted(task, 'assign'),
          canSave: this.#can('save'),
          response: clock?.response,
          inactivityLeft: clock?.inactivity?.left,
          canExtend: clock?.inactivity?.canExtend === true && this.#can('extend'),
          busy: (action) => this.#busy(task.id, action),
        },
        {
          edit: (field, value) => this.#editCustomer(task, field, value),
          save: () => void this.#saveCustomer(task),
          cancel: () => this.#cancelCustomer(task),
          end: () => void this.#end(task),
          toggleTransfer: () => {
            const open = this.transferOpen === task.id;
            this.transferOpen = open ? undefined : task.id;
            this.#focusAfter = open ? '[part="transfer"]' : '[part="transfer-picker"] [part="target"]';
          },
          transfer: (target) => void this.#transfer(task, target),
          chooseReason: (reasonId) => void this.#run(task.id, 'transfer', (c) => c.chooseWrapUpReason(task.id, reasonId)),
          toggleDetails: () => (this.detailsCollapsed = !this.detailsCollapsed),
          extend: () => void this.#run(task.id, 'extend', (c) => c.extendInactivity(task.id)),
          pickerKeydown: (e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            this.transferOpen = undefined;
            this.#focusAfter = '[part="transfer"]';
          },
        },
      )}
      ${this.#renderFailure(task.id)}
      ${renderThread(
        { task, thread: own?.thread, rules: tenant.digital.attachments[task.media], resending: this.#resendingIds(task) },
        {
          retry: () => void this.#run(task.id, 'retry', (c) => c.loadThread(task.id)),
          resend: (m) => void this.#resend(task, m),
          sanitizerReady: () => this.requestUpdate(),
        },
      )}
      ${this.#renderReplyArea(task, tenant)}
    `;
  }

  #resendingIds(task: Task): ReadonlySet<string> {
    return this.#busy(task.id, 'resend') ? new Set((this.#store.value.shown?.thread?.messages ?? []).map((m) => m.id)) : new Set();
  }

  #renderReplyArea(task: Task, tenant: TenantSettings): TemplateResult {
    if (task.status === 'wrapUp') {
      return html`<div part="wrap-up" class="wrap-up">
        ${
          widgetAvailable('cc-wrapup-picker')
            ? html`<cc-wrapup-picker task-id=${task.id} .client=${this.activeClient}></cc-wrapup-picker>`
            : html`<p class="hint">${msg('This conversation has ended and is in wrap-up.')}</p>`
        }
      </div>`;
    }
    if (task.media === 'email') {
      return html`<div part="email-composer" class="email-composer">
        ${
          widgetAvailable('cc-email-composer')
            ? html`<cc-email-composer
                task-id=${task.id}
                view="composer"
                .client=${this.activeClient}
                @cc-email-show-all=${() => this.#showWholeThread()}
              ></cc-email-composer>`
            : html`<p class="hint">${msg('The email composer is not loaded on this page: reply from your email tool.')}</p>`
        }
      </div>`;
    }
    return this.#renderComposer(task, tenant);
  }

  #renderComposer(task: Task, tenant: TenantSettings): TemplateResult {
    const text = this.#textOf(task.id);
    const files = this.#files.get(task.id) ?? [];
    const limit = tenant.digital.composerLimit;
    const check = composerCheck(text, limit, files.length);
    const medium = channelTypeOf(task, tenant) ?? task.media;
    const groups = templateGroups(tenant.digital.templates, task.media);
    const inTab = this.templateTab === '' ? groups.all : (groups.groups.find((g) => g.name === this.templateTab)?.templates ?? groups.all);
    const template = this.#templates.get(task.id);
    const canReply = this.#canReply(task);
    const sending = this.#busy(task.id, 'send');
    const social = (typeof medium === 'string' ? medium : medium.media) === 'social';
    return renderComposer(
      {
        task,
        text,
        check,
        limit,
        sendHint: sendKey(medium) === 'enter' ? msg('Enter sends, Shift+Enter for a new line') : msg('Ctrl+Enter sends'),
        sendKeys: this.#keys.aria('send'),
        social,
        activeStyle: social ? socialStyleOf(text, this.selection) : undefined,
        attachments: task.media === 'chat' && tenant.digital.attachments[task.media] !== undefined,
        files,
        refused: this.#refused.get(task.id) ?? [],
        templates: groups,
        templatesOpen: this.templatesOpen,
        templateTab: this.templateTab,
        templateQuery: this.templateQuery,
        shownTemplates: searchTemplates(inTab, this.templateQuery),
        lockedRefused: this.lockedRefused === task.id,
        lockedTemplate: template?.locked === true,
        missingSystem: template?.missingSystem ?? [],
        workflows: tenant.digital.workflows,
        workflowsOpen: this.workflowsOpen,
        canRunWorkflows: this.#can('workflow'),
        canReply,
        canSend: check.canSend && canReply && !sending && this.#can('send'),
        sla: this.#slaText(task),
        sending,
        sendError: this.#sendErrors.get(task.id),
      },
      {
        input: (e) => this.#onInput(task, e),
        keydown: (e) => this.#onComposerKey(task, e),
        selectionChange: (e) => this.#trackSelection(e.target as HTMLTextAreaElement),
        focus: () => (this.composerFocused = true),
        blur: () => (this.composerFocused = false),
        send: () => void this.#send(task),
        style: (s) => this.#style(task, s),
        pickFiles: () => this.renderRoot.querySelector<HTMLInputElement>('.file-input')?.click(),
        filesChosen: (chosen) => this.#filesChosen(task, chosen),
        removeFile: (f) => this.#removeFile(task, f),
        toggleTemplates: () => {
          this.templatesOpen = !this.templatesOpen;
          this.workflowsOpen = false;
          if (this.templatesOpen) this.#focusAfter = '[part="template-search"]';
        },
        templateTab: (tab) => (this.templateTab = tab),
        templateSearch: (query) => (this.templateQuery = query),
        chooseTemplate: (t) => this.#chooseTemplate(task, t),
        toggleWorkflows: () => {
          this.workflowsOpen = !this.workflowsOpen;
          this.templatesOpen = false;
          if (this.workflowsOpen) this.#focusAfter = '[part="workflow"]';
        },
        chooseWorkflow: (w) => this.#chooseWorkflow(task, w),
        menuKeydown: (e, menu) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          e.stopPropagation();
          if (menu === 'templates') this.templatesOpen = false;
          else this.workflowsOpen = false;
          this.#focusAfter = menu === 'templates' ? '[part="templates-toggle"]' : '[part="workflows-toggle"]';
        },
      },
    );
  }

  #renderFailure(taskId: string): TemplateResult {
    return errorLine(this.failures.get(taskId));
  }

  #renderNotices(notices: readonly Notice[]): TemplateResult | typeof nothing {
    const mine = this.#notices(notices);
    if (mine.length === 0) return nothing;
    return html`<ul class="notices" aria-label=${msg('Notices')}>
      ${mine.map((n) => noticeItem(n, this.#noticeText(n), this.activeClient))}
    </ul>`;
  }

  #renderToast(): TemplateResult {
    const toast = this.toast;
    const task = toast ? this.#list.find((t) => t.id === toast.taskId) : undefined;
    return html`<div class="toast-region" role="status">
      ${
        toast && task
          ? html`<div part="toast" class="toast" data-task-id=${toast.taskId}>
              <span>${toast.text}</span>
              <button
                part="show"
                type="button"
                @click=${() => {
                  if (this.listCollapsed) this.listCollapsed = false;
                  this.#select(task, true);
                }}
              >
                ${msg('Show')}
              </button>
              <button part="dismiss" type="button" aria-label=${msg('Dismiss this message')} @click=${() => (this.toast = undefined)}>
                ×
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-unread': CustomEvent<UnreadDetail>;
    'cc-task-offered': CustomEvent<TaskDetail>;
    'cc-task-accepted': CustomEvent<TaskDetail>;
    'cc-task-error': CustomEvent<TaskErrorDetail>;
  }
}
