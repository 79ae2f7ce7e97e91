// <cc-email-composer>: one email conversation — the offer's customer details (EM-1), the thread
// (EM-2), and the reply: Reply / Reply all / Forward with their field rules (EM-3), the rich-text
// body (EM-4, ProseMirror, loaded on first use), attachments (EM-5), the new-email banner (EM-6),
// drafts, templates and workflows (EM-7, TP-8, TP-10), minimise/maximise, delete and Send (EM-8).

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { live } from 'lit/directives/live.js';
import { localized, msg, str } from '@lit/localize';
import { BehaviorSubject, of, switchMap, type Observable, type Subscription } from 'rxjs';
import {
  CcError,
  checkAttachments,
  emailFields,
  fillTemplate,
  formatBytes,
  nextParameter,
  parseAddressList,
  searchTemplates,
  switchEmailMode,
  templateGroups,
  applyEdit,
  type AgentProfile,
  type Attachment,
  type AttachmentRules,
  type Draft,
  type EmailFields,
  type EmailMode,
  type ErrorInfo,
  type LastEmail,
  type Message,
  type RefusedFile,
  type Task,
  type Template,
  type TenantSettings,
  type Thread,
  type Workflow,
} from '@cc-elements/core';
import { CcElement } from '../internal/cc-element.js';
import { StoreController } from '../internal/store-controller.js';
import { controls } from '../internal/tokens.js';
import { inlineStyle } from '../internal/inline-style.js';
import { errorMessage } from '../internal/messages.js';
import { formatDuration } from '../internal/format.js';
import { formatLocale } from '../internal/locale.js';
import type { ThreadView } from './email-thread.js';
import { styles } from './email-composer.styles.js';
import type { EditorActive, EmailEditor } from './email-editor.js';
import { EDITOR_COMMANDS, type EditorCommand } from './editor-commands.js';

/** The composer's modes: EM-3's three, and a new email when there is nothing to answer. */
export type ComposeMode = EmailMode | 'new';

/** EM-8/EM-3: an email went out. */
export interface EmailSentDetail {
  readonly taskId: string;
  readonly mode: ComposeMode;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
}

export const EMAIL_ACTIONS = ['accept', 'send', 'saveDraft', 'workflow', 'loadThread', 'loadEditor'] as const;
export type EmailAction = (typeof EMAIL_ACTIONS)[number];

/** A refused or failed command, in the core's error shape, with the task and the action. */
export interface EmailErrorDetail extends ErrorInfo {
  readonly taskId: string;
  readonly action: EmailAction;
}

/** EM-7: the draft of a conversation was saved (or cleared: nothing left to keep, or deleted). */
export interface DraftSavedDetail {
  readonly taskId: string;
  readonly cleared: boolean;
}

/** What the host sees of the composer's layout. */
export type ComposeSize = 'normal' | 'minimised' | 'maximised';

interface PendingAttachment {
  readonly id: string;
  readonly file: File;
  /** A blob: URL for image previews and inline images (revoked when removed or sent). */
  readonly url: string | undefined;
}

type Panel = 'templates' | 'workflows' | 'emoji' | 'color' | 'link';

type Bound = {
  task: Task | undefined;
  thread: Thread | undefined;
  draft: Draft | undefined;
  tenant: TenantSettings;
  profile: AgentProfile | undefined;
  offerLeft: number | undefined;
};

/** EM-2: older emails wait behind "…" beyond this many. */
const SHOWN_EMAILS = 5;
/** EM-7: the draft is saved this long after the agent stops typing (scheduler time). */
export const DRAFT_DEBOUNCE_MS = 500;

const EMOJIS: readonly (readonly [string, string])[] = [
  ['🙂', 'slightly smiling face'],
  ['😀', 'grinning face'],
  ['😉', 'winking face'],
  ['🙏', 'folded hands'],
  ['👍', 'thumbs up'],
  ['👋', 'waving hand'],
  ['🎉', 'party popper'],
  ['❤️', 'red heart'],
  ['✅', 'check mark'],
  ['⚠️', 'warning'],
  ['📎', 'paperclip'],
  ['📞', 'telephone'],
];

const COLORS: readonly (readonly [string, () => string])[] = [
  ['#1b1d21', () => msg('Black')],
  ['#5a606b', () => msg('Grey')],
  ['#c62828', () => msg('Red')],
  ['#b35900', () => msg('Orange')],
  ['#1a7f37', () => msg('Green')],
  ['#0b5cad', () => msg('Blue')],
  ['#6f42c1', () => msg('Purple')],
];

type ThreadModule = typeof import('./email-thread.js');
let threadModule: Promise<ThreadModule> | undefined;
/** EM-2: the thread and the sanitiser (DOMPurify) arrive with the first conversation shown (a lazy chunk). */
function loadThreadModule(): Promise<ThreadModule> {
  threadModule ??= import('./email-thread.js');
  return threadModule;
}

let editorModule: Promise<typeof import('./email-editor.js')> | undefined;
/** EM-4: ProseMirror arrives with the first composer shown, never before (a lazy chunk). */
function loadEditorModule(): Promise<typeof import('./email-editor.js')> {
  editorModule ??= import('./email-editor.js');
  return editorModule;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
/** An email of the thread (a system's delivery report too), not a life-cycle announcement. */
const isEmail = (m: Message) => m.announcement === undefined && (m.author !== 'system' || m.email !== undefined);
const isInbound = (m: Message) => m.author === 'customer' || m.email?.kind === 'received';

/**
 * @summary One email conversation: the offer's customer details, the thread (newest first, each
 * email collapsible, remote images blocked until "Show images"), and the reply with Reply / Reply
 * all / Forward, a rich-text body, attachments, templates, workflows and drafts kept through reloads.
 *
 * The rich-text editor (ProseMirror) is loaded the first time a composer is shown, so a page that
 * never shows an email does not download it. Inbound HTML is sanitised and shown in a shadow root
 * per email; nothing in it runs or loads without the agent's consent. The toolbar is one Tab stop
 * (arrow keys move inside it); in a template Tab and Shift+Tab move between the fields to replace.
 *
 * @fires cc-email-sent - An email went out. Detail: task id, mode, to, cc, subject.
 * @fires cc-email-error - A command failed or was refused. Detail: task id, action, code, message, trace id.
 * @fires cc-draft-saved - The conversation's draft was saved, or cleared. Detail: task id, cleared.
 * @fires cc-email-show-all - EM-6 "Show all messages" with `view="composer"`: the host shows its own thread (not fired with the full view). Detail: task id.
 *
 * @csspart connection-lost - SE-4: the banner while the backend connection is lost and being re-established.
 * @csspart offer - EM-1: the offered email's customer details with Accept.
 * @csspart customer - The customer details list.
 * @csspart accept - The Accept button of an offer.
 * @csspart countdown - EM-1: the time left to accept the offer.
 * @csspart retry - Loads the thread again after a failure.
 * @csspart thread - EM-2: the list of emails, newest first.
 * @csspart email - One email; `data-state` is received, sent, delivered, read, sending, failed or deliveryReport. EM-6 new ones are also `email-new`.
 * @csspart email-new - EM-6: an email that arrived while the agent was replying (blue).
 * @csspart email-toggle - Expands or collapses an email.
 * @csspart new-badge - "New" on an EM-6 new email.
 * @csspart from - The sender in an email's header.
 * @csspart subject - The subject in an email's header.
 * @csspart state - An email's state.
 * @csspart time - An email's time.
 * @csspart addresses - From, To, Cc and Subject of an expanded email.
 * @csspart body - An email's body (its own shadow root holds the sanitised content).
 * @csspart history-toggle - "…": shows or hides the quoted history of an email.
 * @csspart images-blocked - The note that remote images are hidden, with `show-images`.
 * @csspart show-images - Shows the remote images of one email.
 * @csspart show-earlier - "…": shows the older emails.
 * @csspart attachments - An email's attachments.
 * @csspart attachment - A received attachment (a download link).
 * @csspart attachment-blocked - A greyed-out attachment (PCI or the backend's reason).
 * @csspart announcement - A life-cycle announcement in the thread.
 * @csspart banner - A banner above the composer (EM-5 blocked attachment, EM-6 new email, draft restored).
 * @csspart show-all - EM-6 "Show all messages".
 * @csspart composer - The reply area.
 * @csspart modes - Reply, Reply all, Forward.
 * @csspart mode - One mode button (`aria-pressed`).
 * @csspart field - A To, Cc or Subject row.
 * @csspart cc-toggle - Shows or hides the Cc field.
 * @csspart toolbar - EM-4: the formatting toolbar.
 * @csspart tool - One toolbar button (the attach button is also `attach`).
 * @csspart attach - Opens the file picker (EM-5).
 * @csspart editor - The editing area.
 * @csspart panel - A templates, workflows, emoji, colour or link panel.
 * @csspart template-error - TP-8: why a locked template cannot be changed.
 * @csspart workflow-dialog - TP-10: the dialog asking a workflow's parameters.
 * @csspart files - The attachments about to be sent.
 * @csspart forwarded - EM-3: the forwarded email’s own attachments, each removable.
 * @csspart file - One attachment about to be sent, with its remove button.
 * @csspart refusals - Files refused, one reason each.
 * @csspart send - The Send button.
 * @csspart send-hint - Why Send is disabled.
 * @csspart delete-draft - Deletes the draft.
 * @csspart size-toggle - Minimise / maximise.
 * @csspart error - A failed command's message, with its trace id.
 *
 * @cssproperty --cc-email-composer-new - Colour of EM-6 new emails (default: the accent colour).
 * @cssproperty --cc-email-composer-editor-min-block-size - Smallest height of the body editor (default 8rem).
 * @cssproperty --cc-email-composer-thread-max-block-size - Tallest the thread grows before it scrolls (default 28rem).
 * @cssproperty --cc-email-composer-gap - Space between the parts.
 */
@localized()
export class CcEmailComposer extends CcElement {
  static override styles = [CcElement.styles, controls, styles];

  /** The email task to show. */
  @property({ attribute: 'task-id' }) taskId: string | undefined;

  /** The mode a fresh reply starts in (a draft keeps its own). */
  @property({ attribute: 'mode' }) mode: EmailMode = 'reply';

  /**
   * More of the contact center's own addresses (the task's mailbox counts already), comma-separated: never put back in
   * To or Cc by Reply all. The addresses this conversation's sent emails came from count too.
   */
  @property() mailbox = '';

  /** `full`: thread and composer; `composer`: the reply area only (a host showing its own thread). */
  @property({ reflect: true }) view: 'full' | 'composer' = 'full';

  /** EM-8: the reply area minimised (a bar), normal, or maximised over the thread. */
  @property({ reflect: true }) size: ComposeSize = 'normal';

  // ---- fields (EM-3) ----
  @state() private composeMode: ComposeMode = 'reply';
  @state() private toText = '';
  @state() private ccText = '';
  @state() private subject = '';
  @state() private rules: Pick<EmailFields, 'toEditable' | 'ccEditable' | 'subjectEditable' | 'ccHideable'> = {
    toEditable: true,
    ccEditable: true,
    subjectEditable: true,
    ccHideable: false,
  };
  @state() private ccShown = true;
  /** Fields the agent has left once, where invalid addresses are now shown. */
  @state() private touched: ReadonlySet<'to' | 'cc'> = new Set();

  // ---- editor (EM-4) ----
  @state() private editorState: 'idle' | 'ready' | 'failed' = 'idle';
  @state() private active: EditorActive | undefined;
  @state() private toolIndex = 0;
  @state() private panel: Panel | undefined;
  @state() private linkText = '';
  @state() private linkError = '';
  @state() private bodyEmpty = true;

  // ---- attachments (EM-5) ----
  @state() private files: readonly PendingAttachment[] = [];
  /** EM-3 Forward: the forwarded email's own attachments, sent along unless removed. */
  @state() private forwarded: readonly Attachment[] = [];
  @state() private refusals: readonly RefusedFile<File>[] = [];
  @state() private blockedNotice: { name: string; reason: string } | undefined;
  @state() private dragging = false;

  // ---- thread (EM-2, EM-6) ----
  @state() private expanded: ReadonlySet<string> = new Set();
  @state() private history: ReadonlySet<string> = new Set();
  @state() private images: ReadonlySet<string> = new Set();
  @state() private fresh: ReadonlySet<string> = new Set();
  @state() private showAll = false;
  @state() private newBanner = false;

  // ---- templates and workflows (TP-8, TP-10) ----
  @state() private template: { readonly text: string; readonly locked: boolean; readonly name: string } | undefined;
  @state() private templateError = '';
  @state() private templateQuery = '';
  @state() private templateGroup: string | undefined;
  @state() private workflow: Workflow | undefined;
  @state() private workflowValues: Readonly<Record<string, string>> = {};
  @state() private workflowError = '';

  // ---- commands ----
  @state() private sending = false;
  @state() private accepting = false;
  @state() private failure: EmailErrorDetail | undefined;
  @state() private restored = false;
  @state() private announcement = '';

  readonly #taskId$ = new BehaviorSubject<string | undefined>(undefined);
  readonly #store = new StoreController<Bound>(this, (client) => {
    const per = <T>(pick: (id: string) => Observable<T | undefined>) =>
      this.#taskId$.pipe(switchMap((id) => (id === undefined ? of(undefined) : pick(id))));
    return {
      task: per((id) => client.task$(id)),
      thread: per((id) => client.thread$(id)),
      draft: per((id) => client.draft$(id)),
      tenant: client.tenant$,
      profile: client.profile$,
      offerLeft: per((id) => client.offerRemaining$(id)),
    };
  });

  readonly #editorHost = createRef<HTMLDivElement>();
  readonly #fileInput = createRef<HTMLInputElement>();
  readonly #dialog = createRef<HTMLDialogElement>();
  #editor: EmailEditor | undefined;
  #isSafeLink: ((href: string) => boolean) | undefined;
  #forwardedHtml: typeof import('./email-editor.js').forwardedHtml | undefined;
  /** The task whose fields and body are set up, and what was set up for it. */
  #setUpFor: string | undefined;
  /** Body waiting for the editor to exist (a restored draft, a forward). */
  #pendingBody: string | undefined;
  /** Nothing typed, changed or restored since set-up: a late draft (after a reload) may still apply. */
  #untouched = true;
  /** The draft last saved by this widget, so its own echo is not applied again. */
  #lastSaved: Draft | undefined;
  #saveTimer: Subscription | undefined;
  #known = new Set<string>();
  #fileCount = 0;
  #loadingEditor = false;
  #announcedOffer: string | undefined;
  @state() private threadView: ThreadModule | undefined;

  // ---- life cycle ----------------------------------------------------------------------------------

  override disconnectedCallback(): void {
    this.#flushSave();
    super.disconnectedCallback();
    // Moved elsewhere in the page, the element builds its editor again with the same body.
    if (this.#editor) this.#pendingBody = this.#editor.html();
    this.#editor?.destroy();
    this.#editor = undefined;
    if (this.editorState === 'ready') this.editorState = 'idle';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('taskId')) {
      if (this.#setUpFor !== undefined && this.#setUpFor !== this.taskId) this.#flushSave();
      this.#taskId$.next(this.taskId);
    }
    const { task, thread, draft } = this.#store.value;
    if (!task || task.id !== this.taskId || task.media !== 'email') return;
    if (task.status === 'offered' && this.#announcedOffer !== task.id) {
      // EM-1/PL-5: said once per offer, never per countdown tick.
      this.#announcedOffer = task.id;
      const who = task.customerName ?? msg('a customer');
      this.announcement = task.queueName ? msg(str`New email from ${who}, queue ${task.queueName}.`) : msg(str`New email from ${who}.`);
    }
    if (this.#setUpFor !== task.id && task.status !== 'offered' && thread && thread.status !== 'loading') {
      this.#setUp(task, thread, draft);
    } else if (this.#setUpFor === task.id) {
      this.#noticeNewEmails(thread);
      // TP-13/EM-7: after a reload the stored draft arrives a moment later; take it while nothing was typed.
      if (this.#untouched && draft && draft !== this.#lastSaved) this.#applyDraft(draft, thread);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    void this.#ensureEditor();
    const { task } = this.#store.value;
    if (!this.threadView && task?.media === 'email' && task.status !== 'offered') {
      loadThreadModule().then(
        (module) => (this.threadView = module),
        (error: unknown) => this.taskId && this.#fail(this.taskId, 'loadThread', error),
      );
    }
    const dialog = this.#dialog.value;
    if (this.workflow && dialog && !dialog.open) dialog.showModal();
  }

  // ---- set-up, drafts (EM-3, EM-7) ---------------------------------------------------------------

  #emails(thread: Thread | undefined): Message[] {
    return [...(thread?.messages ?? [])].filter(isEmail);
  }

  /** EM-3: the email the reply answers — the newest that is not a delivery report. */
  #lastEmail(thread: Thread | undefined): LastEmail | undefined {
    const last = this.#emails(thread)
      .filter((m) => m.email && m.email.kind !== 'deliveryReport')
      .sort((a, b) => a.at - b.at)
      .at(-1);
    return last?.email;
  }

  #lastEmailMessage(thread: Thread | undefined): Message | undefined {
    return this.#emails(thread)
      .filter((m) => m.email && m.email.kind !== 'deliveryReport')
      .sort((a, b) => a.at - b.at)
      .at(-1);
  }

  /** Who "me" is for Reply all: the task's mailbox, the mailbox property and the addresses this conversation sent from. */
  #me(thread: Thread | undefined): string[] {
    const own = this.mailbox
      .split(/[,;]/)
      .map((a) => a.trim())
      .filter(Boolean);
    const mailbox = this.activeClient?.state.tasks.find((t) => t.id === this.taskId)?.mailbox;
    const sentFrom = (thread?.messages ?? []).filter((m) => m.email?.kind === 'sent').map((m) => m.email!.from);
    return [...(mailbox ? [mailbox] : []), ...own, ...sentFrom].filter(Boolean);
  }

  #setUp(task: Task, thread: Thread, draft: Draft | undefined): void {
    this.#setUpFor = task.id;
    this.#cancelSave();
    this.#known = new Set(thread.messages.map((m) => m.id));
    const newest = newestFirst(this.#emails(thread))[0];
    this.expanded = new Set(newest ? [newest.id] : []);
    this.history = new Set();
    this.images = new Set();
    this.fresh = new Set();
    this.showAll = false;
    this.newBanner = false;
    this.blockedNotice = undefined;
    this.failure = undefined;
    this.refusals = [];
    this.#clearFiles();
    this.template = undefined;
    this.templateError = '';
    this.panel = undefined;
    this.touched = new Set();
    this.#lastSaved = draft;
    if (draft) this.#applyDraft(draft, thread);
    else {
      this.restored = false;
      this.#startMode(this.#lastEmail(thread) ? this.mode : 'new', thread);
      this.#untouched = true;
    }
  }

  #applyDraft(draft: Draft, thread: Thread | undefined): void {
    this.#lastSaved = draft;
    const email = draft.email;
    const last = this.#lastEmail(thread);
    if (email) {
      const mode: ComposeMode = !last ? 'new' : email.mode === 'new' ? this.mode : email.mode;
      this.#setRules(mode, thread);
      this.composeMode = mode;
      this.toText = email.to.join(', ');
      this.ccText = email.cc.join(', ');
      this.subject = email.subject;
      if (email.cc.length > 0) this.ccShown = true;
    } else {
      this.#startMode(last ? this.mode : 'new', thread);
    }
    this.#setBody(draft.html ?? (draft.text ? textToHtml(draft.text) : ''));
    this.restored = true;
    this.#untouched = false;
  }

  /** Field rules of a mode, without touching the values. */
  #setRules(mode: ComposeMode, thread: Thread | undefined): void {
    const last = this.#lastEmail(thread);
    if (mode === 'new' || !last) {
      this.rules = { toEditable: true, ccEditable: true, subjectEditable: true, ccHideable: false };
      this.ccShown = true;
      return;
    }
    const fields = emailFields(mode, last, this.#me(thread));
    this.rules = fields;
    this.ccShown = fields.ccShown;
  }

  /** EM-3: a fresh reply in `mode` — fields as the mode fills them; Forward loads the last email. */
  #startMode(mode: ComposeMode, thread: Thread | undefined): void {
    const last = this.#lastEmail(thread);
    this.composeMode = last ? mode : 'new';
    if (mode === 'new' || !last) {
      this.forwarded = [];
      this.rules = { toEditable: true, ccEditable: true, subjectEditable: true, ccHideable: false };
      this.toText = '';
      this.ccText = '';
      this.subject = '';
      this.ccShown = true;
      this.#setBody('');
      return;
    }
    const fields = emailFields(mode, last, this.#me(thread));
    this.#showFields(fields);
    this.#setBody(fields.bodyFromLastEmail ? this.#forwardBody(thread) : '');
    this.forwarded = mode === 'forward' ? this.#forwardable(thread) : [];
  }

  /** EM-3/EM-5: what a forward carries along: the last email's attachments, never one PCI validation blocked. */
  #forwardable(thread: Thread | undefined): readonly Attachment[] {
    return (this.#lastEmailMessage(thread)?.attachments ?? []).filter((a) => !a.blocked);
  }

  #showFields(fields: EmailFields): void {
    this.rules = fields;
    this.toText = fields.to.join(', ');
    this.ccText = fields.cc.join(', ');
    this.subject = fields.subject;
    this.ccShown = fields.ccShown;
  }

  /** EM-3 Forward: the last email, under a short header, in the body (parsed through the editor's schema). */
  #forwardBody(thread: Thread | undefined): string {
    const message = this.#lastEmailMessage(thread);
    if (!message?.email) return '';
    const { from, to, cc, subject } = message.email;
    const header = [
      msg('---------- Forwarded message ----------'),
      msg(str`From: ${from}`),
      msg(str`Date: ${new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(message.at)}`),
      msg(str`Subject: ${subject}`),
      msg(str`To: ${to.join(', ')}`),
      ...(cc.length > 0 ? [msg(str`Cc: ${cc.join(', ')}`)] : []),
    ];
    const body = message.html ?? textToHtml(message.text ?? '');
    // Without the editor module yet, the header and body wait as they are; the schema reads them when it arrives.
    return this.#forwardedHtml
      ? this.#forwardedHtml(header, body)
      : `<p></p><blockquote>${header.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}${body}</blockquote>`;
  }

  #setBody(html: string): void {
    this.bodyEmpty = html.replace(/<[^>]*>/g, '').trim() === '';
    if (this.#editor) {
      this.#editor.setHtml(html);
      this.bodyEmpty = this.#editor.isEmpty();
    } else this.#pendingBody = html;
  }

  /** EM-3: a mode button. A switch keeps the body (the rule); with nothing typed yet, Forward loads the last email. */
  #chooseMode(next: EmailMode): void {
    const thread = this.#store.value.thread;
    const last = this.#lastEmail(thread);
    if (!last || this.composeMode === 'new' || next === this.composeMode) return;
    const empty = this.#editor ? this.#editor.isEmpty() : this.bodyEmpty;
    const current = {
      to: parseAddressList(this.toText).addresses,
      cc: parseAddressList(this.ccText).addresses,
      subject: this.subject,
      body: this.#editor?.html() ?? '',
    };
    const fields = switchEmailMode(this.composeMode, next, current, last, this.#me(thread));
    this.composeMode = next;
    this.#showFields(fields);
    this.touched = new Set();
    if (empty && emailFields(next, last, this.#me(thread)).bodyFromLastEmail) this.#setBody(this.#forwardBody(thread));
    // Recipients of a reply must not receive the forwarded files; a switch into Forward brings them.
    this.forwarded = next === 'forward' ? this.#forwardable(thread) : [];
    this.#edited();
  }

  /** Any change by the agent: the draft is saved once typing pauses (EM-7). */
  #edited(): void {
    this.#untouched = false;
    this.restored = false;
    this.#scheduleSave();
  }

  #scheduleSave(): void {
    const client = this.activeClient;
    if (!client || !this.taskId) return;
    this.#cancelSave();
    this.#saveTimer = client.scheduler.schedule(() => {
      this.#saveTimer = undefined;
      void this.#saveDraft();
    }, DRAFT_DEBOUNCE_MS);
  }

  #cancelSave(): void {
    this.#saveTimer?.unsubscribe();
    this.#saveTimer = undefined;
  }

  /** Saves at once what is pending (switching tasks, leaving the page). */
  #flushSave(): void {
    if (!this.#saveTimer) return;
    this.#cancelSave();
    void this.#saveDraft();
  }

  #currentDraft(): Draft | undefined {
    const html = this.#editor ? this.#editor.html() : (this.#pendingBody ?? '');
    const to = parseAddressList(this.toText);
    const cc = parseAddressList(this.ccText);
    const empty = html.replace(/<[^>]*>/g, '').trim() === '' && !/<img|<table/i.test(html);
    const thread = this.#store.value.thread;
    const last = this.#lastEmail(thread);
    // A draft is what the agent did: fields exactly as the mode fills them with no body is nothing to keep.
    if (empty && this.composeMode !== 'new' && last) {
      const fresh = emailFields(this.composeMode, last, this.#me(thread));
      if (sameList(fresh.to, to.addresses) && sameList(fresh.cc, cc.addresses) && fresh.subject === this.subject) return undefined;
    }
    if (empty && this.composeMode === 'new' && to.addresses.length === 0 && cc.addresses.length === 0 && this.subject === '')
      return undefined;
    return {
      ...(empty ? {} : { html }),
      email: {
        mode: this.composeMode,
        to: [...to.addresses, ...to.invalid],
        cc: [...cc.addresses, ...cc.invalid],
        subject: this.subject,
      },
    };
  }

  async #saveDraft(): Promise<void> {
    const client = this.activeClient;
    const taskId = this.#setUpFor;
    if (!client || !taskId) return;
    const draft = this.#currentDraft();
    this.#lastSaved = draft;
    try {
      await client.saveDraft(taskId, draft);
      this.#lastSaved = client.state.drafts[taskId];
      this.emit('cc-draft-saved', { taskId, cleared: draft === undefined });
    } catch (error) {
      this.#fail(taskId, 'saveDraft', error);
    }
  }

  /** EM-7/EM-8: Delete draft — the body, attachments and fields go back to a fresh reply. */
  async #deleteDraft(): Promise<void> {
    const client = this.activeClient;
    const taskId = this.#setUpFor;
    if (!client || !taskId) return;
    this.#cancelSave();
    this.template = undefined;
    this.templateError = '';
    this.#clearFiles();
    this.refusals = [];
    const thread = this.#store.value.thread;
    this.#startMode(this.#lastEmail(thread) ? this.mode : 'new', thread);
    this.touched = new Set();
    this.restored = false;
    this.#untouched = true;
    this.#lastSaved = undefined;
    this.announcement = msg('Draft deleted.');
    try {
      await client.saveDraft(taskId, undefined);
      this.emit('cc-draft-saved', { taskId, cleared: true });
    } catch (error) {
      this.#fail(taskId, 'saveDraft', error);
    }
  }

  // ---- EM-6 -----------------------------------------------------------------------------------------

  #noticeNewEmails(thread: Thread | undefined): void {
    if (!thread) return;
    const arrived = thread.messages.filter((m) => !this.#known.has(m.id));
    if (arrived.length === 0) return;
    for (const m of arrived) this.#known.add(m.id);
    const inbound = arrived.filter((m) => isEmail(m) && isInbound(m));
    if (inbound.length === 0) return;
    this.fresh = new Set([...this.fresh, ...inbound.map((m) => m.id)]);
    this.expanded = new Set([...this.expanded, ...inbound.map((m) => m.id)]);
    const replying = !this.#untouched || !(this.#editor?.isEmpty() ?? this.bodyEmpty);
    if (replying) {
      this.newBanner = true;
      const from = inbound.at(-1)!.email?.from ?? inbound.at(-1)!.authorName ?? msg('the customer');
      this.announcement = msg(str`A new email arrived from ${from} while you were replying.`);
    }
  }

  async #showAllMessages(): Promise<void> {
    this.newBanner = false;
    if (this.view === 'composer') {
      this.emit('cc-email-show-all', { taskId: this.taskId! });
      return;
    }
    this.showAll = true;
    this.expanded = new Set([...this.expanded, ...this.fresh]);
    await this.updateComplete;
    const first = [...this.fresh][0];
    const toggle = first ? this.renderRoot.querySelector<HTMLElement>(`[data-message-id="${first}"] [part="email-toggle"]`) : null;
    toggle?.scrollIntoView({ block: 'nearest' });
    toggle?.focus();
  }

  // ---- editor (EM-4) ------------------------------------------------------------------------------

  async #ensureEditor(): Promise<void> {
    const host = this.#editorHost.value;
    if (!host || this.#editor || this.#loadingEditor || this.editorState === 'failed') return;
    this.#loadingEditor = true;
    let module: typeof import('./email-editor.js');
    try {
      module = await loadEditorModule();
    } catch (error) {
      this.#loadingEditor = false;
      this.editorState = 'failed';
      if (this.taskId) this.#fail(this.taskId, 'loadEditor', error);
      return;
    }
    this.#loadingEditor = false;
    const mount = this.#editorHost.value;
    if (!mount || !this.isConnected || this.#editor) return;
    this.#isSafeLink = module.isSafeLink;
    this.#forwardedHtml = module.forwardedHtml;
    mount.replaceChildren();
    this.#editor = module.createEmailEditor(mount, {
      html: this.#pendingBody ?? '',
      label: msg('Email body'),
      describedBy: 'body-hint',
      onChange: () => {
        this.bodyEmpty = this.#editor?.isEmpty() ?? true;
        this.templateError = '';
        this.#edited();
      },
      onUpdate: () => {
        this.active = this.#editor?.active();
      },
      allowEdit: (_before, after) => {
        const template = this.template;
        if (!template) return true;
        const edit = applyEdit(template.text, template.locked, after);
        if (!edit.ok) {
          this.templateError = msg(str`“${template.name}” is a locked template: send it as it is, or delete the draft to write your own.`);
          return false;
        }
        if (after.trim() === '') this.template = undefined;
        return true;
      },
      onTab: (backwards) => this.#tabToParameter(backwards),
    });
    this.#pendingBody = undefined;
    this.bodyEmpty = this.#editor.isEmpty();
    this.active = this.#editor.active();
    this.editorState = 'ready';
  }

  /** TP-8: Tab selects the next field to replace in a template; none left lets Tab leave the body. */
  #tabToParameter(backwards: boolean): boolean {
    const editor = this.#editor;
    if (!editor || !this.template || this.template.locked) return false;
    const text = editor.text();
    const { start, end } = editor.textSelection();
    const next = nextParameter(text, backwards ? start : end, backwards);
    if (!next || (next.start === start && next.end === end)) return false;
    editor.selectText(next.start, next.end);
    return true;
  }

  #runTool(command: EditorCommand, value?: string): void {
    const editor = this.#editor;
    if (!editor) return;
    if (command === 'emoji' || command === 'color' || command === 'link') {
      if (value === undefined) {
        this.panel = this.panel === command ? undefined : command;
        if (command === 'link') {
          this.linkText = this.active?.href ?? '';
          this.linkError = '';
        }
        if (this.panel)
          void this.updateComplete.then(() =>
            this.renderRoot.querySelector<HTMLElement>('[part~="panel"] input, [part~="panel"] button')?.focus(),
          );
        return;
      }
    }
    if (command === 'link' && value !== undefined && value !== '' && !this.#isSafeLink?.(value)) {
      this.linkError = msg('Use a web address starting with http:// or https://, or a mailto: address.');
      return;
    }
    editor.run(command, value);
    if (command === 'emoji' || command === 'color' || command === 'link') this.panel = undefined;
  }

  #onToolbarKey(event: KeyboardEvent): void {
    const tools = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="toolbar"] [part~="tool"]')];
    if (tools.length === 0) return;
    let index = this.toolIndex;
    // PL-4: Right and Left follow the reading direction (in RTL the next tool is on the left).
    const forward = getComputedStyle(this).direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
    if (event.key === forward) index = (index + 1) % tools.length;
    else if (event.key === backward) index = (index - 1 + tools.length) % tools.length;
    else if (event.key === 'Home') index = 0;
    else if (event.key === 'End') index = tools.length - 1;
    else if (event.key === 'Escape' && this.panel) {
      this.panel = undefined;
      return;
    } else return;
    event.preventDefault();
    this.toolIndex = index;
    tools[index]!.focus();
  }

  // ---- attachments (EM-5) --------------------------------------------------------------------------

  #attachmentRules(): AttachmentRules | undefined {
    return this.#store.value.tenant?.digital.attachments.email;
  }

  #addFiles(list: FileList | readonly File[] | null): void {
    const rules = this.#attachmentRules();
    if (!list || !rules) return;
    const { accepted, refused } = checkAttachments(
      this.files.map((f) => f.file),
      [...list],
      rules,
    );
    this.refusals = refused;
    this.files = [
      ...this.files,
      ...accepted.map((file) => ({
        id: `file-${++this.#fileCount}`,
        file,
        url: file.type.startsWith('image/') ? URL.createObjectURL(file) : undefined,
      })),
    ];
    if (accepted.length > 0) this.#edited();
    const names = accepted.map((f) => f.name).join(', ');
    this.announcement = [
      accepted.length > 0 ? msg(str`Attached: ${names}.`) : '',
      refused.length > 0 ? msg(str`Files refused: ${refused.length}.`) : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  #removeFile(file: PendingAttachment): void {
    this.files = this.files.filter((f) => f !== file);
    if (file.url) URL.revokeObjectURL(file.url);
    this.announcement = msg(str`Removed ${file.file.name}.`);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="file"] button, [part="attach"]')?.focus());
  }

  #inline(file: PendingAttachment): void {
    if (file.url) this.#editor?.insertImage(file.url, file.file.name);
  }

  #clearFiles(): void {
    for (const f of this.files) if (f.url) URL.revokeObjectURL(f.url);
    this.files = [];
  }

  #refusalText(refusal: RefusedFile<File>): string {
    const name = refusal.file.name;
    switch (refusal.reason) {
      case 'pci':
        return msg(str`“${name}” was removed: it fails the PCI rule (files that may hold card data cannot be sent).`);
      case 'format': {
        const formats = this.#attachmentRules()?.formats.join(', ') ?? '';
        return msg(str`“${name}” is not an allowed format. Allowed: ${formats}.`);
      }
      case 'tooLarge':
        return msg(str`“${name}” is too large: the limit is ${formatBytes(refusal.limit ?? 0, formatLocale())}.`);
      case 'tooMany':
        return msg(str`“${name}” was not added: at most ${refusal.limit ?? 0} files per email.`);
    }
  }

  #onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    this.#addFiles(event.dataTransfer?.files ?? null);
  }

  #onDragOver(event: DragEvent): void {
    if (!this.#attachmentRules() || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging = true;
  }

  #showBlocked(_message: Message, attachment: Attachment): void {
    const reason = this.threadView?.blockedReason(attachment, this.#attachmentRules()) ?? '';
    this.blockedNotice = { name: attachment.name, reason };
  }

  // ---- templates and workflows (TP-8, TP-10) ----------------------------------------------------

  #systemParameters(task: Task): Record<string, string> {
    const { profile } = this.#store.value;
    const fields = Object.fromEntries((task.customer ?? []).map((f) => [f.id, f.value]));
    return {
      ...fields,
      ...(task.customerName ? { customerName: task.customerName } : {}),
      ...(profile ? { agentName: profile.name } : {}),
      ...(task.queueName ? { queueName: task.queueName } : {}),
    };
  }

  #useTemplate(task: Task, template: Template): void {
    const filled = fillTemplate(template, this.#systemParameters(task));
    this.template = { text: filled.text, locked: template.locked === true, name: template.name };
    this.templateError = '';
    this.panel = undefined;
    // TP-8: a template replaces what was typed.
    this.#setBody(textToHtml(filled.text));
    this.#edited();
    this.announcement = msg(str`Template “${template.name}” inserted.`);
    const first = filled.parameters[0];
    if (this.#editor) {
      this.#editor.focus();
      if (first && !this.template.locked) this.#editor.selectText(first.start, first.end);
    }
  }

  #chooseWorkflow(task: Task, workflow: Workflow): void {
    this.panel = undefined;
    if (workflow.parameters.length === 0) {
      void this.#runWorkflow(task, workflow, {});
      return;
    }
    this.workflowValues = {};
    this.workflowError = '';
    this.workflow = workflow;
  }

  async #runWorkflow(task: Task, workflow: Workflow, values: Readonly<Record<string, string>>): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    try {
      await client.runWorkflow(task.id, workflow.id, values);
      this.#closeWorkflow();
      this.announcement = msg(str`Workflow “${workflow.name}” triggered.`);
    } catch (error) {
      const info = CcError.from(error).toInfo();
      if (this.workflow) this.workflowError = errorMessage(info);
      this.#fail(task.id, 'workflow', error);
    }
  }

  #closeWorkflow(): void {
    this.#dialog.value?.close();
    this.workflow = undefined;
  }

  // ---- commands -----------------------------------------------------------------------------------

  #fail(taskId: string, action: EmailAction, error: unknown): void {
    const detail: EmailErrorDetail = { ...CcError.from(error).toInfo(), taskId, action };
    this.failure = detail;
    this.emit('cc-email-error', detail);
  }

  async #accept(task: Task): Promise<void> {
    const client = this.activeClient;
    if (!client || this.accepting) return;
    this.accepting = true;
    this.failure = undefined;
    try {
      await client.accept(task.id);
    } catch (error) {
      this.#fail(task.id, 'accept', error);
    } finally {
      this.accepting = false;
    }
  }

  #sendCheck(task: Task): { ok: boolean; hint: string } {
    const to = parseAddressList(this.toText);
    const cc = parseAddressList(this.ccText);
    if (task.status !== 'active') return { ok: false, hint: msg('This conversation is not in progress: nothing can be sent.') };
    if (!this.activeClient?.can('message.send')) return { ok: false, hint: msg('This contact center does not send email from here.') };
    if (this.sending) return { ok: false, hint: msg('Sending…') };
    if (to.invalid.length > 0 || cc.invalid.length > 0) return { ok: false, hint: msg('Correct the addresses marked in red to send.') };
    if (to.addresses.length === 0) return { ok: false, hint: msg('Add at least one valid address in To to send.') };
    if (this.editorState !== 'ready') return { ok: false, hint: msg('The editor is loading…') };
    return { ok: true, hint: '' };
  }

  async #send(task: Task): Promise<void> {
    const client = this.activeClient;
    const editor = this.#editor;
    if (!client || !editor || !this.#sendCheck(task).ok) return;
    const to = parseAddressList(this.toText).addresses;
    const cc = parseAddressList(this.ccText).addresses;
    const subject = this.subject;
    const mode = this.composeMode;
    let body = editor.html();
    // EM-5: images placed in the body go as inline parts, referenced by cid; the others as attachments.
    const attachments = this.files.map((f) => {
      const inline = f.url !== undefined && body.includes(f.url);
      if (inline) body = body.split(f.url!).join(`cid:${f.file.name}`);
      return { name: f.file.name, size: f.file.size, type: f.file.type, data: f.file, ...(inline ? { inline: true } : {}) };
    });
    this.#cancelSave();
    this.sending = true;
    this.failure = undefined;
    try {
      await client.sendMessage(task.id, {
        html: body,
        text: editor.text(),
        ...(attachments.length > 0 ? { attachments } : {}),
        ...(mode === 'forward' && this.forwarded.length > 0 ? { forwardedAttachmentIds: this.forwarded.map((a) => a.id) } : {}),
        email: { to, cc, subject, mode },
      });
      this.emit('cc-email-sent', { taskId: task.id, mode, to, cc, subject });
      this.announcement = msg('Email sent.');
      this.#clearFiles();
      this.refusals = [];
      this.template = undefined;
      this.fresh = new Set();
      this.newBanner = false;
      this.#lastSaved = undefined;
      this.#startMode(this.mode, this.#store.value.thread);
      this.touched = new Set();
      this.#untouched = true;
    } catch (error) {
      // The body and attachments stay; the core kept the draft and marked the message failed.
      this.#fail(task.id, 'send', error);
    } finally {
      this.sending = false;
    }
  }

  // ---- rendering ----------------------------------------------------------------------------------

  override render() {
    if (!this.activeClient) return html`<p role="status" class="empty">${msg('No contact-center client is connected to this widget.')}</p>`;
    const { task, thread, tenant } = this.#store.value;
    if (!tenant || !this.taskId) return html`<p class="empty">${msg('No email conversation is selected.')}</p>`;
    if (!task) return html`<p class="empty" role="status">${msg('This email conversation is no longer yours.')}</p>`;
    if (task.media !== 'email') return html`<p class="empty">${msg('This conversation is not an email.')}</p>`;
    return html`
      ${this.renderConnectionBanner()}
      ${task.status === 'offered' ? this.#renderOffer(task) : this.#renderConversation(task, thread, tenant)} ${this.#renderFailure()}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    `;
  }

  #renderOffer(task: Task): TemplateResult {
    const left = this.#store.value.offerLeft;
    const fields = task.customer ?? [];
    return html`<section part="offer" class="offer" aria-labelledby="offer-heading">
      <h2 id="offer-heading">${msg('New email')}${task.queueName ? html` · <span class="queue">${task.queueName}</span>` : nothing}</h2>
      <dl part="customer" class="customer">
        ${
          task.customerName && !fields.some((f) => f.value === task.customerName)
            ? html`<div>
                <dt>${msg('Customer')}</dt>
                <dd class="customer-name">${task.customerName}</dd>
              </div>`
            : nothing
        }
        ${fields.map(
          (f) =>
            html`<div>
              <dt>${f.label}</dt>
              <dd>${f.value}</dd>
            </div>`,
        )}
      </dl>
      <div class="offer-actions">
        ${left !== undefined ? html`<span class="countdown" part="countdown">${msg(str`${formatDuration(left)} left`)}</span>` : nothing}
        ${
          this.activeClient?.can('task.accept')
            ? html`<button type="button" part="accept" class="primary" ?disabled=${this.accepting} @click=${() => this.#accept(task)}>
                ${msg('Accept')}
              </button>`
            : nothing
        }
      </div>
    </section>`;
  }

  #renderConversation(task: Task, thread: Thread | undefined, tenant: TenantSettings): TemplateResult {
    const full = this.view === 'full';
    return html`<div class="layout" data-size=${this.size}>
      ${full ? this.#renderThreadArea(task, thread, tenant) : nothing}
      ${task.status === 'active' ? this.#renderComposer(task, tenant) : html`<p class="hint ended">${msg('This conversation is no longer in progress.')}</p>`}
    </div>`;
  }

  #renderThreadArea(task: Task, thread: Thread | undefined, tenant: TenantSettings): TemplateResult {
    const module = this.threadView;
    if (!thread || thread.status === 'loading' || !module) {
      return html`<p class="loading" role="status">${msg('Loading the emails…')}</p>`;
    }
    if (thread.status === 'failed') {
      return html`<div class="load-failed" role="alert">
        <p>${msg('The emails could not be loaded.')} ${thread.error ? errorMessage(thread.error) : ''}</p>
        <button
          type="button"
          part="retry"
          @click=${() => this.activeClient?.loadThread(task.id).catch((e: unknown) => this.#fail(task.id, 'loadThread', e))}
        >
          ${msg('Retry')}
        </button>
      </div>`;
    }
    const sorted = newestFirst(thread.messages);
    const shown = this.showAll ? sorted : sorted.slice(0, SHOWN_EMAILS);
    const view: ThreadView = {
      taskId: task.id,
      messages: shown,
      earlier: sorted.length - shown.length,
      expanded: this.expanded,
      history: this.history,
      images: this.images,
      fresh: this.fresh,
      rules: tenant.digital.attachments.email,
    };
    if (sorted.length === 0) return html`<p class="hint">${msg('No emails yet.')}</p>`;
    return html`<div class="thread-area">
      ${module.renderThread(view, {
        toggle: (id) => (this.expanded = toggled(this.expanded, id)),
        toggleHistory: (id) => (this.history = toggled(this.history, id)),
        showImages: (id) => (this.images = new Set([...this.images, id])),
        showEarlier: () => (this.showAll = true),
        blocked: (message, attachment) => this.#showBlocked(message, attachment),
      })}
    </div>`;
  }

  #renderBanners(): TemplateResult {
    return html`
      ${
        this.newBanner
          ? html`<div part="banner" class="banner new" data-kind="new-email">
              <span>${msg('A new email arrived while you were replying.')}</span>
              <button type="button" part="show-all" @click=${() => this.#showAllMessages()}>${msg('Show all messages')}</button>
            </div>`
          : nothing
      }
      ${
        this.blockedNotice
          ? html`<div part="banner" class="banner blocked" data-kind="blocked-attachment" role="alert">
              <span>${msg(str`“${this.blockedNotice.name}” is disabled.`)} ${this.blockedNotice.reason}</span>
              <button type="button" class="dismiss" aria-label=${msg('Dismiss')} @click=${() => (this.blockedNotice = undefined)}>×</button>
            </div>`
          : nothing
      }
      ${
        this.restored
          ? html`<div part="banner" class="banner restored" data-kind="draft-restored" role="status">
              <span>${msg('Your draft was restored.')}</span>
            </div>`
          : nothing
      }
    `;
  }

  #renderComposer(task: Task, tenant: TenantSettings): TemplateResult {
    const minimised = this.size === 'minimised';
    const check = this.#sendCheck(task);
    const title = this.subject || msg('New email');
    return html`<section
      part="composer"
      class="composer"
      aria-label=${msg('Reply')}
      ?data-dragging=${this.dragging}
      @dragover=${(e: DragEvent) => this.#onDragOver(e)}
      @dragleave=${() => (this.dragging = false)}
      @drop=${(e: DragEvent) => this.#onDrop(e)}
    >
      ${this.#renderBanners()}
      <div class="composer-bar">
        ${this.#renderModes()}
        <span class="bar-title" ?hidden=${!minimised}>${title}</span>
        <span class="bar-actions">
          <button
            type="button"
            part="size-toggle"
            class="icon"
            data-action="minimise"
            aria-label=${minimised ? msg('Restore the reply area') : msg('Minimise the reply area')}
            title=${minimised ? msg('Restore the reply area') : msg('Minimise the reply area')}
            aria-expanded=${minimised ? 'false' : 'true'}
            aria-controls="compose-body"
            @click=${() => (this.size = minimised ? 'normal' : 'minimised')}
          >
            ${minimised ? '▴' : '▾'}
          </button>
          <button
            type="button"
            part="size-toggle"
            class="icon"
            data-action="maximise"
            aria-label=${this.size === 'maximised' ? msg('Shrink the reply area') : msg('Maximise the reply area')}
            title=${this.size === 'maximised' ? msg('Shrink the reply area') : msg('Maximise the reply area')}
            aria-pressed=${this.size === 'maximised' ? 'true' : 'false'}
            @click=${() => (this.size = this.size === 'maximised' ? 'normal' : 'maximised')}
          >
            ${this.size === 'maximised' ? '⤡' : '⤢'}
          </button>
        </span>
      </div>
      <div id="compose-body" class="compose-body" ?hidden=${minimised}>
        ${this.#renderFields()} ${this.#renderToolbar(task, tenant)}
        ${this.templateError ? html`<p class="error" role="alert" part="template-error">${this.templateError}</p>` : nothing}
        ${
          this.template
            ? html`<p class="hint" id="template-hint">
                ${
                  this.template.locked
                    ? msg(str`Locked template “${this.template.name}”: it is sent as it is.`)
                    : msg(str`Template “${this.template.name}”: Tab moves to the next field to replace.`)
                }
              </p>`
            : nothing
        }
        <div class="editor-frame" ?data-empty=${this.bodyEmpty}>
          <div class="editor-host" ${ref(this.#editorHost)}></div>
          ${this.editorState === 'idle' ? html`<p class="hint editor-loading" role="status">${msg('Loading the editor…')}</p>` : nothing}
          ${this.editorState === 'failed' ? html`<p class="error" role="alert">${msg('The editor could not be loaded. Reload the page to reply.')}</p>` : nothing}
        </div>
        <p id="body-hint" class="visually-hidden">${msg('Rich text: use the formatting toolbar above, or Ctrl+B, Ctrl+I and Ctrl+U.')}</p>
        ${this.#renderFiles(tenant)}
        <div class="send-row">
          <button
            type="button"
            part="send"
            class="primary"
            ?disabled=${!check.ok && !this.sending}
            aria-disabled=${this.sending ? 'true' : 'false'}
            aria-busy=${this.sending ? 'true' : 'false'}
            aria-describedby=${check.ok ? nothing : 'send-hint'}
            @click=${() => this.#send(task)}
          >
            ${this.sending ? msg('Sending…') : msg('Send')}
          </button>
          <button type="button" part="delete-draft" @click=${() => this.#deleteDraft()}>${msg('Delete draft')}</button>
          ${check.ok ? nothing : html`<p id="send-hint" part="send-hint" class="hint">${check.hint}</p>`}
        </div>
      </div>
      ${this.#renderWorkflowDialog(task)}
    </section>`;
  }

  #renderModes(): TemplateResult | typeof nothing {
    if (this.composeMode === 'new') return html`<span class="bar-title">${msg('New email')}</span>`;
    const modes: [EmailMode, string][] = [
      ['reply', msg('Reply')],
      ['replyAll', msg('Reply all')],
      ['forward', msg('Forward')],
    ];
    return html`<div part="modes" class="modes" role="group" aria-label=${msg('Reply mode')}>
      ${modes.map(
        ([mode, label]) =>
          html`<button
            type="button"
            part="mode"
            data-mode=${mode}
            aria-pressed=${this.composeMode === mode ? 'true' : 'false'}
            @click=${() => this.#chooseMode(mode)}
          >
            ${label}
          </button>`,
      )}
    </div>`;
  }

  #renderAddressField(name: 'to' | 'cc', label: string, text: string, editable: boolean): TemplateResult {
    const parsed = parseAddressList(text);
    const showInvalid = this.touched.has(name) && parsed.invalid.length > 0;
    const errorId = `${name}-error`;
    return html`<div part="field" class="field" data-field=${name}>
      <label for=${`field-${name}`}>${label}</label>
      <input
        id=${`field-${name}`}
        type="text"
        inputmode="email"
        autocomplete="off"
        .value=${live(text)}
        ?readonly=${!editable}
        aria-invalid=${showInvalid ? 'true' : 'false'}
        aria-describedby=${showInvalid ? errorId : nothing}
        title=${editable ? nothing : msg('Filled by the reply mode; it cannot be changed.')}
        @input=${(e: InputEvent) => {
          const value = (e.target as HTMLInputElement).value;
          if (name === 'to') this.toText = value;
          else this.ccText = value;
          this.#edited();
        }}
        @blur=${() => (this.touched = new Set([...this.touched, name]))}
      />
      ${showInvalid ? html`<p class="error" id=${errorId}>${msg(str`Not an email address: ${parsed.invalid.join(', ')}`)}</p>` : nothing}
    </div>`;
  }

  #renderFields(): TemplateResult {
    const { toEditable, ccEditable, subjectEditable, ccHideable } = this.rules;
    const ccCount = parseAddressList(this.ccText).addresses.length;
    return html`<div class="fields">
      ${this.#renderAddressField('to', msg('To'), this.toText, toEditable)}
      ${
        ccHideable
          ? html`<button
              type="button"
              part="cc-toggle"
              class="cc-toggle"
              aria-expanded=${this.ccShown ? 'true' : 'false'}
              aria-controls="cc-row"
              @click=${() => (this.ccShown = !this.ccShown)}
            >
              ${this.ccShown ? msg('Hide Cc') : ccCount > 0 ? msg(str`Cc (${ccCount})`) : msg('Cc')}
            </button>`
          : nothing
      }
      <div id="cc-row" ?hidden=${!this.ccShown}>${this.#renderAddressField('cc', msg('Cc'), this.ccText, ccEditable)}</div>
      <div part="field" class="field" data-field="subject">
        <label for="field-subject">${msg('Subject')}</label>
        <input
          id="field-subject"
          type="text"
          .value=${live(this.subject)}
          ?readonly=${!subjectEditable}
          title=${subjectEditable ? nothing : msg('Filled by the reply mode; it cannot be changed.')}
          @input=${(e: InputEvent) => {
            this.subject = (e.target as HTMLInputElement).value;
            this.#edited();
          }}
        />
      </div>
    </div>`;
  }

  #toolLabel(command: EditorCommand): string {
    switch (command) {
      case 'heading':
        return msg('Heading 1');
      case 'bold':
        return msg('Bold');
      case 'italic':
        return msg('Italic');
      case 'underline':
        return msg('Underline');
      case 'strike':
        return msg('Strikethrough');
      case 'color':
        return msg('Font colour');
      case 'orderedList':
        return msg('Numbered list');
      case 'bulletList':
        return msg('Bulleted list');
      case 'blockquote':
        return msg('Block quote');
      case 'emoji':
        return msg('Emoji');
      case 'link':
        return msg('Link');
      case 'outdent':
        return msg('Decrease indent');
      case 'indent':
        return msg('Increase indent');
      case 'table':
        return msg('Insert table');
    }
  }

  #renderToolbar(task: Task, tenant: TenantSettings): TemplateResult {
    const icons: Record<EditorCommand, string> = {
      heading: 'H1',
      bold: 'B',
      italic: 'I',
      underline: 'U',
      strike: 'S',
      color: 'A',
      orderedList: '1.',
      bulletList: '•',
      blockquote: '❝',
      emoji: '☺',
      link: '🔗',
      outdent: '⇤',
      indent: '⇥',
      table: '▦',
    };
    const toggles: ReadonlySet<EditorCommand> = new Set([
      'heading',
      'bold',
      'italic',
      'underline',
      'strike',
      'orderedList',
      'bulletList',
      'blockquote',
      'link',
    ]);
    const popups: ReadonlySet<EditorCommand> = new Set(['emoji', 'color', 'link']);
    const commands: readonly EditorCommand[] = EDITOR_COMMANDS;
    const ready = this.editorState === 'ready';
    const rules = tenant.digital.attachments.email;
    const templates = templateGroups(tenant.digital.templates, 'email');
    const workflows = tenant.digital.workflows;
    const extra: ((index: number) => TemplateResult)[] = [];
    if (rules) {
      const at = commands.length + extra.length;
      extra.push(
        (index) =>
          html`<button
            type="button"
            part="tool attach"
            data-tool="attach"
            tabindex=${index === at ? '0' : '-1'}
            @click=${() => this.#fileInput.value?.click()}
          >
            <span aria-hidden="true">📎</span> ${msg('Attach')}
          </button>`,
      );
    }
    if (templates.all.length > 0) {
      const at = commands.length + extra.length;
      extra.push(
        (index) =>
          html`<button
            type="button"
            part="tool"
            data-tool="templates"
            tabindex=${index === at ? '0' : '-1'}
            aria-expanded=${this.panel === 'templates' ? 'true' : 'false'}
            aria-controls="panel"
            ?disabled=${!ready}
            @click=${() => (this.panel = this.panel === 'templates' ? undefined : 'templates')}
          >
            ${msg('Templates')}
          </button>`,
      );
    }
    if (workflows.length > 0 && this.activeClient?.can('workflow.run')) {
      const at = commands.length + extra.length;
      extra.push(
        (index) =>
          html`<button
            type="button"
            part="tool"
            data-tool="workflows"
            tabindex=${index === at ? '0' : '-1'}
            aria-expanded=${this.panel === 'workflows' ? 'true' : 'false'}
            aria-controls="panel"
            @click=${() => (this.panel = this.panel === 'workflows' ? undefined : 'workflows')}
          >
            ${msg('Workflows')}
          </button>`,
      );
    }
    const count = commands.length + extra.length;
    const index = Math.min(this.toolIndex, count - 1);
    const tools = commands.map((command, i) => {
      const label = this.#toolLabel(command);
      const enabled = ready && (this.active?.enabled.has(command) ?? false);
      const pressed = this.active?.pressed.has(command) ?? false;
      return html`<button
        type="button"
        part="tool"
        data-tool=${command}
        tabindex=${i === index ? '0' : '-1'}
        title=${label}
        aria-pressed=${toggles.has(command) && !popups.has(command) ? (pressed ? 'true' : 'false') : nothing}
        aria-haspopup=${popups.has(command) ? 'true' : nothing}
        aria-expanded=${popups.has(command) ? (this.panel === command ? 'true' : 'false') : nothing}
        aria-controls=${popups.has(command) ? 'panel' : nothing}
        aria-disabled=${enabled ? nothing : 'true'}
        ?data-pressed=${pressed}
        @mousedown=${(e: MouseEvent) => e.preventDefault()}
        @click=${() => {
          this.toolIndex = i;
          // Asked now, not when drawn: two quick clicks (indent, indent) each see the state the first left.
          if (this.editorState === 'ready' && (this.#editor?.active().enabled.has(command) ?? false)) this.#runTool(command);
        }}
      >
        <span
          aria-hidden="true"
          class=${`icon-${command}`}
          ${inlineStyle({ 'border-block-end': command === 'color' && this.active?.color ? `3px solid ${this.active.color}` : undefined })}
          >${icons[command]}</span
        ><span class="visually-hidden">${label}</span>
      </button>`;
    });
    return html`<div
        part="toolbar"
        class="toolbar"
        role="toolbar"
        aria-label=${msg('Formatting')}
        aria-controls="editor-area"
        @keydown=${(e: KeyboardEvent) => this.#onToolbarKey(e)}
        @focusin=${(e: FocusEvent) => {
          const all = [...this.renderRoot.querySelectorAll('[part~="toolbar"] [part~="tool"]')];
          const i = all.indexOf(e.target as Element);
          if (i >= 0) this.toolIndex = i;
        }}
      >
        ${tools} ${extra.map((t) => t(index))}
      </div>
      <input
        ${ref(this.#fileInput)}
        class="visually-hidden"
        type="file"
        multiple
        tabindex="-1"
        aria-hidden="true"
        accept=${rules && rules.formats.length > 0 ? rules.formats.map((f) => `.${f.replace(/^\./, '')}`).join(',') : nothing}
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          this.#addFiles(input.files);
          input.value = '';
        }}
      />
      ${this.#renderPanel(task, tenant)}`;
  }

  #renderPanel(task: Task, tenant: TenantSettings): TemplateResult | typeof nothing {
    switch (this.panel) {
      case undefined:
        return nothing;
      case 'emoji':
        return html`<div
          part="panel"
          id="panel"
          class="panel emoji"
          role="group"
          aria-label=${msg('Emoji')}
          @keydown=${(e: KeyboardEvent) => this.#panelKey(e)}
        >
          ${EMOJIS.map(
            ([emoji, name]) =>
              html`<button
                type="button"
                aria-label=${name}
                title=${name}
                @mousedown=${(e: MouseEvent) => e.preventDefault()}
                @click=${() => this.#runTool('emoji', emoji)}
              >
                ${emoji}
              </button>`,
          )}
        </div>`;
      case 'color':
        return html`<div
          part="panel"
          id="panel"
          class="panel colors"
          role="group"
          aria-label=${msg('Font colour')}
          @keydown=${(e: KeyboardEvent) => this.#panelKey(e)}
        >
          ${COLORS.map(
            ([color, name]) =>
              html`<button
                type="button"
                class="swatch"
                aria-label=${name()}
                title=${name()}
                aria-pressed=${this.active?.color === color ? 'true' : 'false'}
                ${inlineStyle({ '--swatch': color })}
                @mousedown=${(e: MouseEvent) => e.preventDefault()}
                @click=${() => this.#runTool('color', color)}
              ></button>`,
          )}
          <button type="button" @mousedown=${(e: MouseEvent) => e.preventDefault()} @click=${() => this.#runTool('color', '')}>
            ${msg('Default colour')}
          </button>
        </div>`;
      case 'link':
        return html`<form
          part="panel"
          id="panel"
          class="panel link"
          aria-label=${msg('Link')}
          @keydown=${(e: KeyboardEvent) => this.#panelKey(e)}
          @submit=${(e: SubmitEvent) => {
            e.preventDefault();
            this.#runTool('link', this.linkText.trim());
          }}
        >
          <label for="link-url">${msg('Web or email address')}</label>
          <input
            id="link-url"
            type="url"
            placeholder="https://"
            .value=${live(this.linkText)}
            aria-invalid=${this.linkError ? 'true' : 'false'}
            aria-describedby=${this.linkError ? 'link-error' : nothing}
            @input=${(e: InputEvent) => {
              this.linkText = (e.target as HTMLInputElement).value;
              this.linkError = '';
            }}
          />
          ${this.linkError ? html`<p class="error" id="link-error">${this.linkError}</p>` : nothing}
          <button type="submit" class="primary">${msg('Apply')}</button>
          ${this.active?.href ? html`<button type="button" @click=${() => this.#runTool('link', '')}>${msg('Remove link')}</button>` : nothing}
        </form>`;
      case 'templates':
        return this.#renderTemplates(task, tenant);
      case 'workflows':
        return html`<div
          part="panel"
          id="panel"
          class="panel workflows"
          role="group"
          aria-label=${msg('Workflows')}
          @keydown=${(e: KeyboardEvent) => this.#panelKey(e)}
        >
          <ul>
            ${tenant.digital.workflows.map(
              (w) =>
                html`<li><button type="button" data-workflow=${w.id} @click=${() => this.#chooseWorkflow(task, w)}>${w.name}</button></li>`,
            )}
          </ul>
        </div>`;
    }
  }

  #panelKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    const tool = this.panel;
    this.panel = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-tool="${tool}"]`)?.focus());
  }

  #renderTemplates(task: Task, tenant: TenantSettings): TemplateResult {
    const { groups, all } = templateGroups(tenant.digital.templates, 'email');
    const inGroup = this.templateGroup === undefined ? all : (groups.find((g) => g.name === this.templateGroup)?.templates ?? []);
    const found = searchTemplates(inGroup, this.templateQuery);
    return html`<div
      part="panel"
      id="panel"
      class="panel templates"
      role="group"
      aria-label=${msg('Templates')}
      @keydown=${(e: KeyboardEvent) => this.#panelKey(e)}
    >
      <label for="template-search">${msg('Search templates')}</label>
      <input
        id="template-search"
        type="search"
        .value=${live(this.templateQuery)}
        @input=${(e: InputEvent) => (this.templateQuery = (e.target as HTMLInputElement).value)}
      />
      <div class="groups" role="group" aria-label=${msg('Template groups')}>
        <button
          type="button"
          aria-pressed=${this.templateGroup === undefined ? 'true' : 'false'}
          @click=${() => (this.templateGroup = undefined)}
        >
          ${msg('All templates')}
        </button>
        ${groups.map(
          (g) =>
            html`<button
              type="button"
              aria-pressed=${this.templateGroup === g.name ? 'true' : 'false'}
              @click=${() => (this.templateGroup = g.name)}
            >
              ${g.name}
            </button>`,
        )}
      </div>
      ${
        found.length === 0
          ? html`<p class="hint">${msg('No template matches.')}</p>`
          : html`<ul class="template-list">
              ${found.map(
                (t) =>
                  html`<li>
                    <button type="button" data-template=${t.id} @click=${() => this.#useTemplate(task, t)}>
                      ${t.locked ? html`<span aria-hidden="true">🔒</span><span class="visually-hidden">${msg('Locked:')}</span>` : nothing}
                      ${t.name}
                    </button>
                  </li>`,
              )}
            </ul>`
      }
    </div>`;
  }

  #renderFiles(tenant: TenantSettings): TemplateResult | typeof nothing {
    const rules = tenant.digital.attachments.email;
    if (!rules) return nothing;
    return html`
      ${
        this.refusals.length > 0
          ? html`<div role="alert">
              <ul part="refusals" class="refusals">
                ${this.refusals.map((r) => html`<li class="error" data-reason=${r.reason}>${this.#refusalText(r)}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${
        this.forwarded.length > 0
          ? html`<ul part="forwarded" class="files" aria-label=${msg('Attachments forwarded with the email')}>
              ${this.forwarded.map(
                (a) =>
                  html`<li part="file" class="file" data-forwarded=${a.id}>
                    <span class="preview" aria-hidden="true">↪</span>
                    <span class="name">${a.name}</span> <span class="size">${formatBytes(a.size, formatLocale())}</span>
                    <button
                      type="button"
                      class="remove"
                      aria-label=${msg(str`Do not forward ${a.name}`)}
                      title=${msg(str`Do not forward ${a.name}`)}
                      @click=${() => (this.forwarded = this.forwarded.filter((f) => f !== a))}
                    >
                      ×
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        this.files.length > 0
          ? html`<ul part="files" class="files" aria-label=${msg('Attachments to send')}>
              ${this.files.map(
                (f) =>
                  html`<li part="file" class="file" data-file=${f.file.name}>
                    ${f.url ? html`<img class="preview" src=${f.url} alt="" />` : html`<span class="preview" aria-hidden="true">📄</span>`}
                    <span class="name">${f.file.name}</span> <span class="size">${formatBytes(f.file.size, formatLocale())}</span>
                    ${
                      f.url && this.editorState === 'ready'
                        ? html`<button type="button" class="inline" @click=${() => this.#inline(f)}>${msg('Insert in the body')}</button>`
                        : nothing
                    }
                    <button
                      type="button"
                      class="remove"
                      aria-label=${msg(str`Remove ${f.file.name}`)}
                      title=${msg(str`Remove ${f.file.name}`)}
                      @click=${() => this.#removeFile(f)}
                    >
                      ×
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <p class="hint limits">
        ${msg(str`Up to ${rules.maxCount} files of ${formatBytes(rules.maxSizeBytes, formatLocale())} each.`)}
        ${rules.formats.length > 0 ? msg(str`Formats: ${rules.formats.join(', ')}.`) : nothing} ${msg('Drop files here or use Attach.')}
      </p>
    `;
  }

  #renderWorkflowDialog(task: Task): TemplateResult {
    const workflow = this.workflow;
    return html`<dialog
      ${ref(this.#dialog)}
      part="workflow-dialog"
      aria-labelledby="workflow-title"
      @close=${() => (this.workflow = undefined)}
    >
      ${
        workflow
          ? html`<form
              method="dialog"
              @submit=${(e: SubmitEvent) => {
                e.preventDefault();
                void this.#runWorkflow(task, workflow, this.workflowValues);
              }}
            >
              <h2 id="workflow-title">${workflow.name}</h2>
              ${workflow.parameters.map(
                (p) =>
                  html`<div class="field">
                    <label for=${`wf-${p.id}`}>${p.label}${p.required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
                    <input
                      id=${`wf-${p.id}`}
                      type="text"
                      ?required=${p.required === true}
                      .value=${live(this.workflowValues[p.id] ?? '')}
                      @input=${(e: InputEvent) => (this.workflowValues = { ...this.workflowValues, [p.id]: (e.target as HTMLInputElement).value })}
                    />
                  </div>`,
              )}
              ${this.workflowError ? html`<p class="error" role="alert">${this.workflowError}</p>` : nothing}
              <div class="dialog-actions">
                <button type="submit" class="primary">${msg('Trigger')}</button>
                <button type="button" @click=${() => this.#closeWorkflow()}>${msg('Cancel')}</button>
              </div>
            </form>`
          : nothing
      }
    </dialog>`;
  }

  #renderFailure(): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (!failure || failure.taskId !== this.taskId) return nothing;
    return html`<div part="error" class="failure" role="alert">
      <p class="error">
        ${errorMessage(failure)}${failure.traceId ? html` <span class="trace">${msg(str`Trace id: ${failure.traceId}`)}</span>` : nothing}
      </p>
      <button type="button" class="dismiss" aria-label=${msg('Dismiss')} @click=${() => (this.failure = undefined)}>×</button>
    </div>`;
  }
}

/** EM-2/EM-6: newest first; of two at the same moment, the one that arrived later goes on top. */
function newestFirst(messages: readonly Message[]): Message[] {
  return messages
    .map((m, i) => [m, i] as const)
    .sort(([a, i], [b, j]) => b.at - a.at || j - i)
    .map(([m]) => m);
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Plain text as paragraphs (templates, text-only drafts and emails). */
function textToHtml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

declare global {
  interface HTMLElementEventMap {
    'cc-email-sent': CustomEvent<EmailSentDetail>;
    'cc-email-error': CustomEvent<EmailErrorDetail>;
    'cc-draft-saved': CustomEvent<DraftSavedDetail>;
    'cc-email-show-all': CustomEvent<{ readonly taskId: string }>;
  }
}
