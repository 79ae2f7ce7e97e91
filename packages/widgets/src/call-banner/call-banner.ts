// <cc-call-banner>: the voice banner — a ringing offer with its RONA countdown (CB-1, CB-4), the
// call once accepted with its controls (CB-2, CB-3), the notices that follow a missed, declined or
// abandoned offer (ST-6, ST-8), and the screen-pop events a CRM host listens to (CB-5).

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import { combineLatest, distinctUntilChanged, map, of, scan, switchMap, type Observable } from 'rxjs';
import {
  CcError,
  transferTargetsFor,
  type AgentSession,
  type BeingMonitored,
  type CcClient,
  type CommandType,
  type Direction,
  type ErrorInfo,
  type Notice,
  type Task,
  type TaskTimes,
  type TenantSettings,
  type TransferTarget,
} from '@cc-elements/core';
import { CcElement } from '../internal/cc-element.js';
import { StoreController } from '../internal/store-controller.js';
import { errorLine } from '../internal/error-line.js';
import { commandButton, noticeItem } from '../internal/parts.js';
import { controls } from '../internal/tokens.js';
import { errorMessage } from '../internal/messages.js';
import { formatDuration } from '../internal/format.js';
import { formatSeconds } from '../internal/locale.js';
import { ShortcutController, type Shortcuts } from '../internal/shortcuts.js';
import { styles } from './call-banner.styles.js';

/** CB-5: who is calling and from which queue, for a host that looks the customer up. */
export interface CallDetail {
  readonly taskId: string;
  /** Caller id (E.164) of an inbound call, or the number a callback goes to (CB-4). */
  readonly callerId: string | undefined;
  readonly customerName: string | undefined;
  readonly queueId: string | undefined;
  readonly queueName: string | undefined;
  /** CB-4: an outbound callback the customer asked for in the IVR. */
  readonly callback: boolean;
  readonly direction: Direction | undefined;
}

/** CB-5: a call left the agent's hands; `next` says whether wrap-up follows or it closed. */
export interface CallEndedDetail extends CallDetail {
  readonly next: 'wrapUp' | 'closed';
}

/** What the agent asked for when a command failed. */
export const CALL_ACTIONS = [
  'accept',
  'decline',
  'hold',
  'resume',
  'mute',
  'unmute',
  'end',
  'transfer',
  'consult',
  'completeConsult',
  'cancelConsult',
  'dtmf',
] as const;
export type CallAction = (typeof CALL_ACTIONS)[number];

/** A refused or failed command, in the core's error shape, with the task and the action. */
export interface CallErrorDetail extends ErrorInfo {
  readonly taskId: string;
  readonly action: CallAction;
}

/** The command each action sends, for the capability check (never a dead button). */
const COMMAND_OF: Record<CallAction, CommandType> = {
  accept: 'task.accept',
  decline: 'task.decline',
  hold: 'call.hold',
  resume: 'call.resume',
  mute: 'call.mute',
  unmute: 'call.mute',
  end: 'task.end',
  transfer: 'call.transfer',
  consult: 'call.consult',
  completeConsult: 'call.consultComplete',
  cancelConsult: 'call.consultCancel',
  dtmf: 'call.dtmf',
};

/** Offers first (they need an answer now), then calls in progress, then wrap-up. */
const ORDER: Record<Task['status'], number> = { offered: 0, active: 1, held: 2, wrapUp: 3 };

/** The notices this banner tells; a closed wrap-up (WU-2) belongs to the wrap-up picker. */
const NOTICE_KINDS: ReadonlySet<Notice['kind']> = new Set(['rona', 'declined', 'abandoned', 'consultFailed']);

/** An offer is announced once more when this little time is left (not every second). */
const LOW_TIME_MS = 10_000;

const KEYPAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** One emission of the task list; kept briefly so no transition is lost when updates batch. */
interface Snapshot {
  readonly tasks: readonly Task[];
}

interface Picker {
  readonly taskId: string;
  readonly kind: 'transfer' | 'consult';
}

type Bound = {
  snapshots: readonly Snapshot[];
  notices: readonly Notice[];
  session: AgentSession | undefined;
  tenant: TenantSettings;
  times: ReadonlyMap<string, TaskTimes>;
  noticeTimes: ReadonlyMap<string, number | undefined>;
  monitored: BeingMonitored | undefined;
};

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** ST-8: the time left before the agent is available again, per notice that has one. */
function noticeTimes(client: CcClient): Observable<ReadonlyMap<string, number | undefined>> {
  return client.notices$.pipe(
    map((notices) => notices.filter((n) => n.until !== undefined).map((n) => `${n.id}@${n.until}`)),
    distinctUntilChanged(sameIds),
    switchMap((keys) =>
      keys.length === 0
        ? of(new Map<string, number | undefined>())
        : combineLatest(
            keys.map((key) => {
              const at = key.lastIndexOf('@');
              return client.remaining$(Number(key.slice(at + 1))).pipe(map((ms): [string, number | undefined] => [key.slice(0, at), ms]));
            }),
          ).pipe(map((entries) => new Map(entries))),
    ),
  );
}

export function callDetail(task: Task): CallDetail {
  return {
    taskId: task.id,
    callerId: task.from,
    customerName: task.customerName,
    queueId: task.queueId,
    queueName: task.queueName,
    callback: task.callback === true,
    direction: task.direction,
  };
}

const isCallback = (task: Pick<Task, 'callback' | 'direction'>) => task.callback === true && task.direction !== 'inbound';

/**
 * @summary The voice call banner: an incoming call or callback with its countdown, Accept and
 * Decline; once accepted, the caller, queue and duration with hold, mute, transfer, consult,
 * keypad and end; and the notices after a missed, declined or abandoned call.
 *
 * Several voice tasks (an offer while another call is held) each get a section, offers first. A
 * task in wrap-up shows one "Wrap-up" line; the reasons are `<cc-wrapup-picker>`'s. The banner
 * never takes focus from the page on an offer unless `focus-on-offer` is set.
 *
 * Keyboard (KB, seed 002; remap through `shortcuts`, page-wide with `global-shortcuts`): Ctrl+Alt+9
 * answers the ringing call while focus is in a widget on the same client. One press does one
 * thing: the widget holding focus goes first, then this banner (a ringing call), then
 * `<cc-task-pane>` (its digital offers).
 *
 * @fires cc-call-offered - A call or callback started ringing (once per offer). Detail: CallDetail.
 * @fires cc-call-accepted - An offer turned into a connected call (once). Detail: CallDetail.
 * @fires cc-call-ended - A connected or held call ended: wrap-up follows or it closed (once). Detail: CallEndedDetail.
 * @fires cc-call-declined - An offer was declined and went back to its queue (once). Detail: CallDetail.
 * @fires cc-call-error - A command failed or was refused. Detail: task id, action, code, message, trace id.
 *
 * @csspart connection-lost - SE-4: the banner while the backend connection is lost and being re-established.
 * @csspart call - One task's section; `data-status` is offered, active, held or wrapUp.
 * @csspart heading - The section's title (Incoming call, Callback, On call…).
 * @csspart caller - The customer's name or number.
 * @csspart number - The caller id or callback number.
 * @csspart queue - The queue the call came from.
 * @csspart countdown - CB-1: time left to answer; `data-urgent` in the last 10 seconds.
 * @csspart duration - CB-3: time since the call was connected.
 * @csspart monitored - SV-4: a supervisor is listening, whispering or has barged in (where the backend reports it); `data-mode`.
 * @csspart accept - The Accept button.
 * @csspart decline - The Decline button.
 * @csspart controls - The row of call controls.
 * @csspart hold - Hold (or Resume, as `resume`) button.
 * @csspart mute - Mute (or Unmute, as `unmute`) button.
 * @csspart transfer - Opens the blind-transfer picker.
 * @csspart consult - Opens the consult picker.
 * @csspart keypad-toggle - Opens the DTMF keypad (Desktop stations).
 * @csspart end - Hangs up.
 * @csspart picker - The list of transfer targets.
 * @csspart target - One transfer target in the picker.
 * @csspart consultation - The consultation under way, connected or failed, with its buttons.
 * @csspart consult-complete - "Complete transfer" once the consulted party answered.
 * @csspart consult-cancel - "Cancel consult", or "Back to the caller" after a failed one.
 * @csspart keypad - The DTMF keypad.
 * @csspart key - One keypad key.
 * @csspart dtmf-digits - The tones sent so far on this call.
 * @csspart wrap-up - The wrap-up line.
 * @csspart notice - A RONA, declined, abandoned or failed-consultation notice.
 * @csspart dismiss - A notice's dismiss button.
 * @csspart error - A failed command's message, with its trace id.
 *
 * @cssproperty --cc-call-banner-accent - Colour of the offer's edge and the Accept button.
 * @cssproperty --cc-call-banner-urgent - Colour of the countdown in its last 10 seconds.
 * @cssproperty --cc-call-banner-gap - Space between a section's rows.
 * @cssproperty --cc-call-banner-max-inline-size - Widest the banner grows (default 40rem).
 */
@localized()
export class CcCallBanner extends CcElement {
  static override styles = [CcElement.styles, controls, styles];

  /** Pins the banner to one task (a CRM record showing its own call); every voice task when unset. */
  @property({ attribute: 'task-id' }) taskId: string | undefined;

  /** Moves focus to Accept when an offer arrives. Off by default: the banner never steals focus from the host page. */
  @property({ type: Boolean, attribute: 'focus-on-offer' }) focusOnOffer = false;

  /** KB: the host's shortcut table — only the actions to change, over `<cc-provider>`'s and the defaults; `null` turns one off. */
  @property({ attribute: false }) shortcuts: Shortcuts = {};

  /** KB: the shortcuts act wherever focus is on the page (never in the host's own fields), not only inside the widgets. */
  @property({ type: Boolean, attribute: 'global-shortcuts' }) globalShortcuts = false;

  /** Commands on their way, as `taskId:action`: their buttons show busy and ignore presses. */
  @state() private pending: ReadonlySet<string> = new Set();
  /** The last failure per task; kept after the task left until dismissed or the next offer. */
  @state() private failures: ReadonlyMap<string, CallErrorDetail> = new Map();
  @state() private picker: Picker | undefined;
  @state() private keypads: ReadonlySet<string> = new Set();
  /** Tones sent on each call, shown under the keypad. */
  @state() private tones: ReadonlyMap<string, string> = new Map();
  /** The live region's text: offers, low time and notices, each said once. */
  @state() private announcement = '';

  readonly #store = new StoreController<Bound>(this, (client) => ({
    snapshots: client.tasks$.pipe(scan((log: readonly Snapshot[], tasks) => [...log, { tasks }].slice(-32), [])),
    notices: client.notices$,
    session: client.session$,
    tenant: client.tenant$,
    times: client.taskTimes$((t) => t.media === 'voice'),
    noticeTimes: noticeTimes(client),
    monitored: client.beingMonitored$,
  }));

  /** Last status seen of each voice task, so each transition is told once (CB-5). */
  #seen = new Map<string, Task>();
  /** Recently gone tasks, for the detail of a decline told by its notice. */
  #gone = new Map<string, Task>();
  #processed = new WeakSet<Snapshot>();
  #declined = new Set<string>();
  #announcedNotices = new Set<string>();
  #lowTimeAnnounced = new Set<string>();
  #outbox: { type: 'cc-call-offered' | 'cc-call-accepted' | 'cc-call-declined'; detail: CallDetail }[] = [];
  #endedOutbox: CallEndedDetail[] = [];
  #newOffers: string[] = [];
  /** SV-4: the monitoring last told, as `taskId:mode`, so it is announced once per change. */
  #toldMonitoring: string | undefined;
  /** The task whose section held focus before an update, and the control (part) that had it. */
  #focus: { taskId: string | undefined; part: string | undefined } | undefined;

  /** KB: Ctrl+Alt+9 answers the ringing call, ahead of the task pane's digital offers. */
  readonly #keys = new ShortcutController(this, { acceptOffers: () => this.#answer() }, 0);

  /** The visible voice tasks, offers first. */
  get #tasks(): readonly Task[] {
    const latest = this.#store.value.snapshots?.at(-1)?.tasks ?? [];
    return latest
      .filter((t) => t.media === 'voice' && (this.taskId === undefined || t.id === this.taskId))
      .map((t, i) => [t, i] as const)
      .sort(([a, i], [b, j]) => ORDER[a.status] - ORDER[b.status] || i - j)
      .map(([t]) => t);
  }

  #can(action: CallAction): boolean {
    return this.activeClient?.can(COMMAND_OF[action]) ?? false;
  }

  // ---- transitions, told once ----------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const focused = this.shadowRoot?.activeElement as HTMLElement | null | undefined;
    this.#focus = focused
      ? { taskId: focused.closest<HTMLElement>('[data-task-id]')?.dataset['taskId'], part: focused.getAttribute('part') ?? undefined }
      : undefined;
    const said = this.announcement;
    this.#noticeTransitions();
    for (const snapshot of this.#store.value.snapshots ?? []) {
      if (this.#processed.has(snapshot)) continue;
      this.#processed.add(snapshot);
      this.#taskTransitions(snapshot.tasks);
    }
    this.#lowTime();
    this.#monitoringTransitions(said);
  }

  /**
   * SV-4: "a supervisor is listening" is said once when it starts or changes, and once when it ends
   * while the call goes on; added to whatever else this update says (`said` is what was there before).
   */
  #monitoringTransitions(said: string): void {
    const monitored = this.#shownMonitoring();
    const key = monitored ? `${monitored.taskId}:${monitored.mode}` : undefined;
    const before = this.#toldMonitoring;
    if (key === before) return;
    this.#toldMonitoring = key;
    const callGoesOn = before !== undefined && this.#tasks.some((t) => t.id === before.slice(0, before.lastIndexOf(':')));
    const line = monitored ? monitoringText(monitored) : callGoesOn ? msg('The supervisor has left your call.') : undefined;
    if (line === undefined) return;
    this.announcement = this.announcement !== said ? `${this.announcement} ${line}` : line;
  }

  /** The monitoring of a call this banner shows, connected or on hold. */
  #shownMonitoring(): BeingMonitored | undefined {
    const monitored = this.#store.value.monitored;
    if (!monitored) return undefined;
    const task = this.#tasks.find((t) => t.id === monitored.taskId);
    return task && (task.status === 'active' || task.status === 'held') ? monitored : undefined;
  }

  #relevant(task: Task): boolean {
    return task.media === 'voice' && (this.taskId === undefined || task.id === this.taskId);
  }

  #taskTransitions(all: readonly Task[]): void {
    const tasks = all.filter((t) => this.#relevant(t));
    const announcements: string[] = [];
    for (const task of tasks) {
      const before = this.#seen.get(task.id);
      this.#seen.set(task.id, task);
      if (task.status === 'offered' && before?.status !== 'offered') {
        this.#outbox.push({ type: 'cc-call-offered', detail: callDetail(task) });
        this.#newOffers.push(task.id);
        this.#lowTimeAnnounced.delete(task.id);
        // Old failures are old news once a new call rings.
        this.failures = new Map([...this.failures].filter(([id]) => tasks.some((t) => t.id === id)));
        announcements.push(this.#offerAnnouncement(task));
      } else if (before?.status === 'offered' && (task.status === 'active' || task.status === 'held')) {
        this.#outbox.push({ type: 'cc-call-accepted', detail: callDetail(task) });
      } else if (task.status === 'wrapUp' && (before?.status === 'active' || before?.status === 'held')) {
        this.#endedOutbox.push({ ...callDetail(task), next: 'wrapUp' });
      }
    }
    for (const [id, before] of this.#seen) {
      if (tasks.some((t) => t.id === id)) continue;
      this.#seen.delete(id);
      this.#gone.set(id, before);
      if (this.#gone.size > 32) this.#gone.delete(this.#gone.keys().next().value!);
      if (before.status === 'active' || before.status === 'held') this.#endedOutbox.push({ ...callDetail(before), next: 'closed' });
      if (this.picker?.taskId === id) this.picker = undefined;
    }
    if (announcements.length > 0) this.#announce(announcements);
  }

  #noticeTransitions(): void {
    const announcements: string[] = [];
    for (const notice of this.#notices()) {
      if (this.#announcedNotices.has(notice.id)) continue;
      this.#announcedNotices.add(notice.id);
      announcements.push(this.#noticeText(notice, undefined));
      if (notice.kind === 'declined' && notice.taskId !== undefined) {
        const task = this.#seen.get(notice.taskId) ?? this.#gone.get(notice.taskId);
        this.#toldDeclined(
          task ?? {
            id: notice.taskId,
            media: 'voice',
            status: 'offered',
            since: notice.at,
            ...(notice.from === undefined ? {} : { from: notice.from }),
            ...(notice.customerName === undefined ? {} : { customerName: notice.customerName }),
            ...(notice.queueId === undefined ? {} : { queueId: notice.queueId }),
            ...(notice.queueName === undefined ? {} : { queueName: notice.queueName }),
          },
        );
      }
    }
    if (announcements.length > 0) this.#announce(announcements);
  }

  #toldDeclined(task: Task): void {
    if (this.#declined.has(task.id)) return;
    this.#declined.add(task.id);
    this.#outbox.push({ type: 'cc-call-declined', detail: callDetail(task) });
  }

  /** CB-1: "10 seconds left" once per offer, never a tick per second. */
  #lowTime(): void {
    const times = this.#store.value.times;
    if (!times) return;
    for (const task of this.#tasks) {
      const left = times.get(task.id)?.offer;
      if (task.status !== 'offered' || left === undefined || left <= 0 || left > LOW_TIME_MS) continue;
      if (this.#lowTimeAnnounced.has(task.id)) continue;
      this.#lowTimeAnnounced.add(task.id);
      const seconds = Math.ceil(left / 1000);
      this.#announce([msg(str`${formatSeconds(seconds)} left to answer the call from ${this.#callerText(task)}.`)]);
    }
  }

  #announce(lines: readonly string[]): void {
    this.announcement = lines.join(' ');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Told after the DOM shows it, so a host reacting to the event sees the banner too.
    for (const { type, detail } of this.#outbox.splice(0)) this.emit(type, detail);
    for (const detail of this.#endedOutbox.splice(0)) this.emit('cc-call-ended', detail);
    const offers = this.#newOffers.splice(0);
    if (this.focusOnOffer && offers.length > 0) {
      this.renderRoot.querySelector<HTMLElement>(`[data-task-id="${offers[0]}"] [part="accept"]`)?.focus();
    } else {
      this.#keepFocus();
    }
  }

  /**
   * A control that vanished with the state it acted on (Accept once accepted, a target once
   * transferred) would drop keyboard focus to the page: give it to the same section instead.
   */
  #keepFocus(): void {
    const was = this.#focus;
    if (!was || this.shadowRoot?.activeElement) return;
    const section = was.taskId ? this.renderRoot.querySelector<HTMLElement>(`[data-task-id="${was.taskId}"]`) : null;
    const scope = section ?? this.renderRoot;
    // A call gone to wrap-up has no control left: its wrap-up line takes focus (the reasons are the picker's, a Tab away).
    const target =
      (was.part && scope.querySelector<HTMLElement>(`[part="${was.part}"]`)) ||
      scope.querySelector<HTMLElement>('button') ||
      scope.querySelector<HTMLElement>('[part="wrap-up"]');
    target?.focus();
  }

  // ---- commands ---------------------------------------------------------------------------------------

  async #run(task: Task, action: CallAction, send: (client: CcClient) => Promise<void>, key: string = action): Promise<boolean> {
    const client = this.activeClient;
    const id = `${task.id}:${key}`;
    if (!client || this.pending.has(id)) return false;
    this.pending = new Set([...this.pending, id]);
    this.failures = new Map([...this.failures].filter(([taskId]) => taskId !== task.id));
    try {
      await send(client);
      return true;
    } catch (error) {
      const info = CcError.from(error).toInfo();
      const detail: CallErrorDetail = { ...info, taskId: task.id, action };
      this.failures = new Map([...this.failures, [task.id, detail]]);
      this.emit('cc-call-error', detail);
      return false;
    } finally {
      const rest = new Set(this.pending);
      rest.delete(id);
      this.pending = rest;
    }
  }

  #busy(task: Task, key: string): boolean {
    return this.pending.has(`${task.id}:${key}`);
  }

  /** Ctrl+Alt+9: the call ringing longest; with none, the key is left to others. */
  #answer(): boolean {
    const task = this.#tasks.find((t) => t.status === 'offered');
    if (!task || !this.#can('accept')) return false;
    void this.#accept(task);
    return true;
  }

  async #accept(task: Task): Promise<void> {
    await this.#run(task, 'accept', (c) => c.accept(task.id));
  }

  async #decline(task: Task): Promise<void> {
    if (await this.#run(task, 'decline', (c) => c.decline(task.id))) {
      this.#toldDeclined(task);
      // Told now: the backend's removal may come later than the answer.
      this.requestUpdate();
    }
  }

  #openPicker(task: Task, kind: Picker['kind']): void {
    const open = this.picker?.taskId === task.id && this.picker.kind === kind;
    this.picker = open ? undefined : { taskId: task.id, kind };
    if (!open) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="picker"] [part="target"]')?.focus());
  }

  #closePicker(): void {
    const picker = this.picker;
    this.picker = undefined;
    if (picker) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`[data-task-id="${picker.taskId}"] [part="${picker.kind}"]`)?.focus(),
      );
    }
  }

  async #pickTarget(task: Task, kind: Picker['kind'], target: TransferTarget): Promise<void> {
    const done = await this.#run(task, kind, (c) => (kind === 'transfer' ? c.transfer(task.id, target.id) : c.consult(task.id, target.id)));
    if (done && this.picker?.taskId === task.id) this.picker = undefined;
  }

  #toggleKeypad(task: Task): void {
    const next = new Set(this.keypads);
    if (!next.delete(task.id)) next.add(task.id);
    this.keypads = next;
  }

  async #tone(task: Task, digit: string): Promise<void> {
    if (await this.#run(task, 'dtmf', (c) => c.sendDtmf(task.id, digit), `dtmf:${digit}`)) {
      this.tones = new Map([...this.tones, [task.id, (this.tones.get(task.id) ?? '') + digit]]);
    }
  }

  #onKeypadKey(task: Task, event: KeyboardEvent): void {
    // Typing on the keyboard works as pressing the keys, once a key has focus.
    if ((KEYPAD as readonly string[]).includes(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      void this.#tone(task, event.key);
    }
  }

  #dismissFailure(taskId: string): void {
    this.failures = new Map([...this.failures].filter(([id]) => id !== taskId));
  }

  // ---- words ------------------------------------------------------------------------------------------

  #callerText(task: Pick<Task, 'from' | 'customerName'>): string {
    if (task.customerName && task.from) return `${task.customerName} (${task.from})`;
    return task.customerName ?? task.from ?? msg('an unknown caller');
  }

  #offerAnnouncement(task: Task): string {
    const who = this.#callerText(task);
    const queue = task.queueName;
    if (isCallback(task)) {
      return queue ? msg(str`Callback request: call back ${who}, queue ${queue}.`) : msg(str`Callback request: call back ${who}.`);
    }
    return queue ? msg(str`Incoming call from ${who}, queue ${queue}.`) : msg(str`Incoming call from ${who}.`);
  }

  #notices(): Notice[] {
    return (this.#store.value.notices ?? []).filter(
      (n) =>
        NOTICE_KINDS.has(n.kind) &&
        (n.media === undefined || n.media === 'voice') &&
        (this.taskId === undefined || n.taskId === this.taskId),
    );
  }

  /** ST-6/ST-8: what a notice says; `left` is the time before Ready again, omitted in announcements. */
  #noticeText(notice: Notice, left: number | undefined): string {
    // The notice names the caller itself: the task has gone by the time it shows.
    const who = this.#callerText(notice);
    const queue = notice.queueName;
    // On screen the countdown ticks; a screen reader hears the length once.
    const again =
      notice.until === undefined
        ? ''
        : left === undefined
          ? ' ' + msg(str`You are unavailable for ${formatSeconds(Math.ceil((notice.until - notice.at) / 1000))}.`)
          : left > 0
            ? ' ' + msg(str`Available again in ${formatDuration(left)}.`)
            : ' ' + msg('Available again in a moment.');
    switch (notice.kind) {
      case 'rona':
        if (notice.until !== undefined) {
          return (queue ? msg(str`You missed a call from ${who} in ${queue}.`) : msg(str`You missed a call from ${who}.`)) + again;
        }
        return queue
          ? msg(str`You missed a call from ${who} in ${queue} — Voice is now Not Ready.`)
          : msg(str`You missed a call from ${who} — Voice is now Not Ready.`);
      case 'declined':
        return (
          (queue
            ? msg(str`You declined a call from ${who} in ${queue}; it went back to the queue.`)
            : msg(str`You declined a call from ${who}; it went back to the queue.`)) + again
        );
      case 'abandoned':
        return queue
          ? msg(str`The caller ${who} hung up before you answered (${queue}).`)
          : msg(str`The caller ${who} hung up before you answered.`);
      case 'consultFailed':
        return notice.error ? msg(str`The consultation failed: ${errorMessage(notice.error)}`) : msg('The consultation failed.');
      default:
        return '';
    }
  }

  #targetKind(target: TransferTarget): string {
    switch (target.kind) {
      case 'queue':
        return msg('queue');
      case 'routingPoint':
        return msg('routing point');
      case 'agent':
        return msg('agent');
    }
  }

  // ---- rendering --------------------------------------------------------------------------------------

  override render() {
    const { snapshots, notices, tenant, times, noticeTimes } = this.#store.value;
    const ready = this.activeClient && snapshots && notices && tenant && times && noticeTimes;
    const tasks = ready ? this.#tasks : [];
    return html`
      ${ready ? this.renderConnectionBanner() : nothing} ${ready ? this.#renderNotices(tasks, noticeTimes) : nothing}
      ${repeat(
        tasks,
        (t) => t.id,
        (t) => this.#renderTask(t, times!.get(t.id), tenant!),
      )}
      ${ready ? this.#renderLeftoverFailures(tasks) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    `;
  }

  #renderTask(task: Task, times: TaskTimes | undefined, tenant: TenantSettings): TemplateResult {
    const headingId = `call-${task.id}-heading`;
    const body =
      task.status === 'offered'
        ? this.#renderOffer(task, times?.offer)
        : task.status === 'wrapUp'
          ? this.#renderWrapUp(task)
          : this.#renderCall(task, times?.elapsed, tenant);
    return html`
      <section part="call" class="call" data-task-id=${task.id} data-status=${task.status} aria-labelledby=${headingId}>
        ${body} ${this.#renderFailure(task.id)}
      </section>
    `;
  }

  #renderWho(task: Task): TemplateResult {
    return html`
      <p class="who">
        ${task.customerName ? html`<strong part="caller">${task.customerName}</strong>` : nothing}
        ${
          task.from
            ? html`<span part="number" class=${task.customerName ? 'muted' : 'strong'}>${task.from}</span>`
            : task.customerName
              ? nothing
              : html`<strong part="caller">${msg('Unknown caller')}</strong>`
        }
        ${task.queueName ? html`<span class="queue">${msg('Queue:')} <span part="queue">${task.queueName}</span></span>` : nothing}
      </p>
    `;
  }

  #renderOffer(task: Task, left: number | undefined): TemplateResult {
    const callback = isCallback(task);
    const urgent = left !== undefined && left <= LOW_TIME_MS;
    return html`
      <div class="head">
        <strong part="heading" id=${`call-${task.id}-heading`}>${callback ? msg('Callback request') : msg('Incoming call')}</strong>
        ${
          left === undefined
            ? nothing
            : html`<span part="countdown" ?data-urgent=${urgent}
                ><span class="visually-hidden">${msg('Time left to answer:')} </span>${formatDuration(left)}</span
              >`
        }
      </div>
      ${callback ? html`<p class="hint">${msg('The customer asked to be called back at this number.')}</p>` : nothing}
      ${this.#renderWho(task)}
      <div class="actions">
        ${this.#can('accept') ? this.#button(task, 'accept', callback ? msg('Accept callback') : msg('Accept'), () => this.#accept(task), 'primary', 'accept', this.#keys.aria('acceptOffers')) : nothing}
        ${this.#can('decline') ? this.#button(task, 'decline', msg('Decline'), () => this.#decline(task)) : nothing}
      </div>
    `;
  }

  #renderWrapUp(task: Task): TemplateResult {
    return html`
      <p part="wrap-up" class="wrap-up" tabindex="-1">
        <span part="heading" id=${`call-${task.id}-heading`}>${msg('Wrap-up')}</span>
        <span class="muted">${this.#callerText(task)}${task.queueName ? ` · ${task.queueName}` : ''}</span>
      </p>
    `;
  }

  #renderCall(task: Task, duration: number | undefined, tenant: TenantSettings): TemplateResult {
    const held = task.status === 'held';
    const consult = task.consult;
    const consulting = consult !== undefined && consult.status !== 'failed';
    const targets = transferTargetsFor(tenant.transferTargets, 'voice');
    const desktop = this.#store.value.session?.station.kind === 'desktop';
    const heading = isCallback(task) ? (held ? msg('Callback on hold') : msg('Callback')) : held ? msg('Call on hold') : msg('On call');
    const keypadOpen = this.keypads.has(task.id) && task.status === 'active' && !consulting;
    const picker = this.picker?.taskId === task.id && !consulting ? this.picker : undefined;
    return html`
      <div class="head">
        <strong part="heading" id=${`call-${task.id}-heading`}>${heading}</strong>
        <span class="state">
          ${task.muted ? html`<span class="badge" data-badge="muted">${msg('Muted')}</span>` : nothing}
          ${held ? html`<span class="badge" data-badge="held">${msg('On hold')}</span>` : nothing}
          <time part="duration"><span class="visually-hidden">${msg('Call duration:')} </span>${formatDuration(duration)}</time>
        </span>
      </div>
      ${this.#renderMonitored(task)} ${this.#renderWho(task)} ${consult ? this.#renderConsultation(task) : nothing}
      <div part="controls" class="actions" role="group" aria-label=${msg('Call controls')}>
        ${!consulting && this.#can(held ? 'resume' : 'hold') ? this.#holdButton(task, held) : nothing}
        ${this.#can('mute') ? this.#muteButton(task) : nothing}
        ${
          !consulting && targets.length > 0 && this.#can('transfer')
            ? this.#pickerButton(task, 'transfer', msg('Transfer'), picker?.kind === 'transfer')
            : nothing
        }
        ${
          !consulting && targets.length > 0 && this.#can('consult')
            ? this.#pickerButton(task, 'consult', msg('Consult'), picker?.kind === 'consult')
            : nothing
        }
        ${
          desktop && task.status === 'active' && !consulting && this.#can('dtmf')
            ? html`<button
                part="keypad-toggle"
                type="button"
                aria-expanded=${keypadOpen ? 'true' : 'false'}
                aria-controls=${`call-${task.id}-keypad`}
                @click=${() => this.#toggleKeypad(task)}
              >
                ${msg('Keypad')}
              </button>`
            : nothing
        }
        ${this.#can('end') ? this.#button(task, 'end', msg('End call'), () => this.#run(task, 'end', (c) => c.end(task.id)), 'danger') : nothing}
      </div>
      ${picker ? this.#renderPicker(task, picker.kind, targets) : nothing} ${keypadOpen ? this.#renderKeypad(task) : nothing}
    `;
  }

  /** SV-4: who is listening to this call, and how — shown for as long as the backend says so. */
  #renderMonitored(task: Task): TemplateResult | typeof nothing {
    const monitored = this.#store.value.monitored;
    if (monitored?.taskId !== task.id) return nothing;
    return html`<p part="monitored" class="monitored" data-mode=${monitored.mode}>
      <span class="monitored-icon" aria-hidden="true">◉</span> ${monitoringText(monitored)}
    </p>`;
  }

  #holdButton(task: Task, held: boolean): TemplateResult {
    const action: CallAction = held ? 'resume' : 'hold';
    // One element for both, so focus stays on it when the call changes state.
    return this.#button(
      task,
      action,
      held ? msg('Resume') : msg('Hold'),
      () => this.#run(task, action, (c) => (held ? c.resume(task.id) : c.hold(task.id)), 'hold'),
      '',
      'hold',
    );
  }

  #muteButton(task: Task): TemplateResult {
    const muted = task.muted === true;
    const action: CallAction = muted ? 'unmute' : 'mute';
    return this.#button(
      task,
      action,
      muted ? msg('Unmute') : msg('Mute'),
      () => this.#run(task, action, (c) => c.setMuted(task.id, !muted), 'mute'),
      '',
      'mute',
    );
  }

  #pickerButton(task: Task, kind: Picker['kind'], label: string, open: boolean): TemplateResult {
    const busy = this.#busy(task, kind);
    return html`<button
      part=${kind}
      type="button"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${`call-${task.id}-picker`}
      aria-busy=${busy ? 'true' : 'false'}
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${() => !busy && this.#openPicker(task, kind)}
    >
      ${label}
    </button>`;
  }

  /**
   * A command button: while its command is on its way it says busy and ignores presses, and stays
   * focusable (aria-disabled, not disabled) so the keyboard user is not thrown out.
   */
  #button(
    task: Task,
    part: string,
    label: string,
    press: () => unknown,
    variant = '',
    busyKey: string = part,
    keys?: string,
  ): TemplateResult {
    return commandButton(part, label, this.#busy(task, busyKey), press, variant, keys);
  }

  #renderPicker(task: Task, kind: Picker['kind'], targets: readonly TransferTarget[]): TemplateResult {
    const label = kind === 'transfer' ? msg('Transfer the call to') : msg('Consult with');
    const busy = this.#busy(task, kind);
    return html`
      <div
        part="picker"
        id=${`call-${task.id}-picker`}
        role="group"
        aria-label=${label}
        data-kind=${kind}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            this.#closePicker();
          }
        }}
      >
        <p class="picker-label" aria-hidden="true">${label}</p>
        <ul>
          ${targets.map(
            (target) =>
              html`<li>
                <button
                  part="target"
                  type="button"
                  data-target-id=${target.id}
                  aria-busy=${busy ? 'true' : 'false'}
                  aria-disabled=${busy ? 'true' : 'false'}
                  @click=${() => !busy && this.#pickTarget(task, kind, target)}
                >
                  ${target.name} <span class="muted">${this.#targetKind(target)}</span>
                </button>
              </li>`,
          )}
        </ul>
        <button type="button" class="link" @click=${() => this.#closePicker()}>${msg('Cancel')}</button>
      </div>
    `;
  }

  #renderConsultation(task: Task): TemplateResult {
    const consult = task.consult!;
    const name = consult.targetName;
    if (consult.status === 'failed') {
      return html`
        <div part="consultation" class="consultation failed" data-consult="failed" role="group" aria-label=${msg('Consultation')}>
          <p>
            ${msg(str`The consultation with ${name} failed:`)}
            ${consult.error ? errorMessage(consult.error) : msg('the other party did not answer.')}
            ${consult.error?.traceId ? html`<span class="trace">${msg(str`Trace id: ${consult.error.traceId}`)}</span>` : nothing}
          </p>
          ${
            this.#can('cancelConsult')
              ? this.#button(task, 'consult-cancel', msg('Back to the caller'), () =>
                  this.#run(task, 'cancelConsult', (c) => c.cancelConsult(task.id), 'consult-cancel'),
                )
              : nothing
          }
        </div>
      `;
    }
    return html`
      <div part="consultation" class="consultation" data-consult=${consult.status} role="group" aria-label=${msg('Consultation')}>
        <p>
          ${consult.status === 'ringing' ? msg(str`Calling ${name}… The caller is on hold.`) : msg(str`Connected with ${name}. The caller is on hold.`)}
        </p>
        <div class="actions">
          ${
            consult.status === 'connected' && this.#can('completeConsult')
              ? this.#button(
                  task,
                  'consult-complete',
                  msg('Complete transfer'),
                  () => this.#run(task, 'completeConsult', (c) => c.completeConsult(task.id), 'consult-complete'),
                  'primary',
                )
              : nothing
          }
          ${
            this.#can('cancelConsult')
              ? this.#button(task, 'consult-cancel', msg('Cancel consult'), () =>
                  this.#run(task, 'cancelConsult', (c) => c.cancelConsult(task.id), 'consult-cancel'),
                )
              : nothing
          }
        </div>
      </div>
    `;
  }

  #renderKeypad(task: Task): TemplateResult {
    const sent = this.tones.get(task.id) ?? '';
    return html`
      <div
        part="keypad"
        id=${`call-${task.id}-keypad`}
        role="group"
        aria-label=${msg('Keypad')}
        @keydown=${(e: KeyboardEvent) => this.#onKeypadKey(task, e)}
      >
        <div class="keys">
          ${KEYPAD.map((digit) => this.#button(task, 'key', digit, () => this.#tone(task, digit), '', `dtmf:${digit}`))}
        </div>
        <output part="dtmf-digits" aria-label=${msg('Tones sent')}>${sent}</output>
      </div>
    `;
  }

  #renderFailure(taskId: string): TemplateResult {
    return errorLine(this.failures.get(taskId));
  }

  /** Failures of tasks that have gone meanwhile (an accept refused as the offer left): shown until dismissed. */
  #renderLeftoverFailures(tasks: readonly Task[]): TemplateResult | typeof nothing {
    const left = [...this.failures.values()].filter((f) => !tasks.some((t) => t.id === f.taskId));
    if (left.length === 0) return nothing;
    return html`${left.map(
      (failure) =>
        html`<div class="leftover" role="alert">
          <p part="error" class="error" data-code=${failure.code}>
            ${errorMessage(failure)}
            ${failure.traceId ? html`<span class="trace">${msg(str`Trace id: ${failure.traceId}`)}</span>` : nothing}
          </p>
          <button
            part="dismiss"
            type="button"
            aria-label=${msg('Dismiss this message')}
            @click=${() => this.#dismissFailure(failure.taskId)}
          >
            ${msg('Dismiss')}
          </button>
        </div>`,
    )}`;
  }

  #renderNotices(tasks: readonly Task[], times: ReadonlyMap<string, number | undefined>): TemplateResult | typeof nothing {
    // A failed consultation on a call still shown speaks for itself in that call's section.
    const notices = this.#notices().filter((n) => !(n.kind === 'consultFailed' && tasks.some((t) => t.id === n.taskId && t.consult)));
    if (notices.length === 0) return nothing;
    return html`<ul class="notices" aria-label=${msg('Call notices')}>
      ${repeat(
        notices,
        (n) => n.id,
        (n) => noticeItem(n, this.#noticeText(n, times.get(n.id)), this.activeClient),
      )}
    </ul>`;
  }
}

/** SV-4: the agent's words for a supervisor on their call. */
function monitoringText({ mode, by }: BeingMonitored): string {
  switch (mode) {
    case 'monitor':
      return by ? msg(str`${by} is listening to this call.`) : msg('A supervisor is listening to this call.');
    case 'whisper':
      return by
        ? msg(str`${by} is coaching you on this call; the caller cannot hear them.`)
        : msg('A supervisor is coaching you on this call; the caller cannot hear them.');
    case 'barge':
      return by ? msg(str`${by} has joined this call.`) : msg('A supervisor has joined this call.');
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-call-offered': CustomEvent<CallDetail>;
    'cc-call-accepted': CustomEvent<CallDetail>;
    'cc-call-ended': CustomEvent<CallEndedDetail>;
    'cc-call-declined': CustomEvent<CallDetail>;
    'cc-call-error': CustomEvent<CallErrorDetail>;
  }
}
