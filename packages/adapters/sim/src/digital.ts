// The simulator's digital ACD: chats, SMS, social posts and emails (TP, EM, DX). Contacts wait in
// digital queues and go to the least busy Ready member under the medium's concurrency cap (TP-1);
// an unanswered offer is RONA for the whole channel group (ST-6); a decline puts it back (DX-6).
// Accepted contacts carry their conversation: the thread loads (TP-5), messages go out through the
// server's checks (message-rules) with receipts (TP-12), customers write back, and the response,
// inactivity (DX-2, DX-3) and wrap-up timers run here, all on the engine's scheduler.

import type { Subscription } from 'rxjs';
import {
  roleTakesWork,
  ronaMedia,
  SYSTEM_REASONS,
  transferTargetsFor,
  type AnnouncementKind,
  type Attachment,
  type Command,
  type CustomerField,
  type ErrorInfo,
  type Media,
  type Message,
  type OutgoingMessage,
  type Task,
  type TaskEndReason,
  type TransferTarget,
} from '@cc-elements/core';
import { ENDED_PRUNE_EVERY, WAITING_AT_START_MS, type AcdHost, type TaskCommand } from './acd.js';
import { drawBetween, drawExponential, hashText } from './callers.js';
import {
  botHistory,
  contactAddress,
  customerAs,
  customerFields,
  DEFAULT_CUSTOMER_REPLY_MS,
  DEFAULT_MAILBOX,
  drawDigitalCustomer,
  OPENINGS,
  REPLIES,
  BOT_NAME,
  type CustomerMessage,
  type InboundAttachment,
} from './customers.js';
import { DEFAULT_DIGITAL_OFFER_TIMEOUT_MS } from './digital-settings.js';
import type { FloorStaff } from './floor.js';
import { checkOutgoing, MEDIA_NAMES, receivedAttachments } from './message-rules.js';
import { cancel, type Operations } from './operations.js';
import { waitingByQueue, type QueueBoard, type QueuedCall, type QueueRecord } from './queue-board.js';
import { seededRandom } from './random.js';
import { DEFAULT_TALK_TIME_MS } from './scenarios.js';
import { checkClose, wrapUpAfterEnd, wrapUpSettingsFor } from './wrap-up.js';

export type DigitalMedia = Exclude<Media, 'voice'>;

export interface DigitalOptions {
  readonly traffic: boolean;
  readonly seed: number;
  readonly wrapUpGraceMs: number;
  /** TP-5: how long a thread takes to arrive after `thread.loading`. */
  readonly threadLoadMs: number;
}

/** A customer contact put in a digital queue by hand (tests, stories, the demo). */
export interface InjectedContact {
  readonly queueId: string;
  /** Must be the queue's medium when given (a check for the caller's own mistakes). */
  readonly media?: Media;
  readonly customerName?: string;
  /** The customer's address on the medium (email, phone number, handle); drawn when absent. */
  readonly from?: string;
  /** The customer's first message; the medium's next sample when neither text nor html is given. */
  readonly text?: string;
  /** An email's HTML body, stored as given (hostile HTML included: widgets sanitise it). */
  readonly html?: string;
  /** An email's subject. */
  readonly subject?: string;
  readonly attachments?: readonly InboundAttachment[];
  /** DX-7: the integration-defined channel type; the queue's own when absent. */
  readonly channelTypeId?: string;
}

export type SimContactStatus = 'waiting' | 'offered' | 'connected' | 'virtual' | 'ended';

/** One customer's digital contact as the ACD sees it, for the demo and tests. */
export interface SimContact {
  readonly id: string;
  readonly queueId: string;
  readonly media: DigitalMedia;
  readonly channelTypeId?: string;
  readonly status: SimContactStatus;
  readonly customerName: string;
  readonly from: string;
  readonly requestedAt: number;
  /** When it joined its current queue; kept through a RONA or a decline, reset by a transfer. */
  readonly waitingSince: number;
  /** The real agent it is offered to or assigned to (also while in wrap-up). */
  readonly agentId?: string;
  /** SV: the floor agent who took it (a `virtual` contact with a named agent). */
  readonly staffId?: string;
  readonly endedAs?: ContactEnding;
  /** TP-15/WU-2: the wrap-up reason its last agent gave (on transfer or close). */
  readonly wrapUpReasonId?: string;
}

/** closed: ended by the agent; unassigned: the customer went quiet (DX-3); transferred: handed out of the world. */
export type ContactEnding = 'closed' | 'unassigned' | 'transferred' | 'abandoned' | 'completed';

/** TP-12: after sending, the customer's device confirms delivery, then reading where the medium says so. */
export const RECEIPT_DELAYS = { deliveredMs: 1_000, readMs: 2_000 } as const;
/** TP-12: media whose customers' apps send read receipts; SMS and email only confirm delivery. */
const READ_RECEIPTS: ReadonlySet<Media> = new Set(['chat', 'social']);
export const DEFAULT_THREAD_LOAD_MS = 300;
/** Ended contacts kept for `contacts` and `threadOf`; older ones are forgotten. */
const ENDED_CONTACTS_KEPT = 500;
/** The bot conversation before the queue, ms before joining it (TP-5). */
const BOT_OFFSETS_MS = [-60_000, -45_000, -2_000] as const;

interface ContactRecord {
  readonly id: string;
  readonly seq: number;
  queueId: string;
  readonly media: DigitalMedia;
  readonly channelTypeId: string | undefined;
  readonly customerName: string;
  readonly from: string;
  customer: readonly CustomerField[];
  /** The first email's subject (EM-2). */
  readonly subject: string;
  readonly requestedAt: number;
  waitingSince: number;
  status: SimContactStatus;
  agentId: string | undefined;
  /** The floor agent on it while `virtual`; kept after for the record. */
  staffId: string | undefined;
  endedAs: ContactEnding | undefined;
  wrapUpReasonId: string | undefined;
  /** Agents who declined or missed it, with their Ready count on that medium then. */
  readonly passedBy: Map<string, number>;
  readonly messages: Message[];
  messageCount: number;
  /** Its own stream for replies, so one conversation's pace never changes another's. */
  readonly random: () => number;
  repliesLeft: number;
  readonly handleMs: number;
  replyTimer: Subscription | undefined;
  virtualTimer: Subscription | undefined;
  readonly receiptTimers: Set<Subscription>;
}

/** An agent's hold on a contact: the task the agent sees. */
interface Assignment {
  task: Task;
  offerTimer: Subscription | undefined;
  wrapUpTimer: Subscription | undefined;
  inactivityTimer: Subscription | undefined;
  threadTimer: Subscription | undefined;
}

interface Desk {
  readonly tasks: Map<string, Assignment>;
  /** Offers this agent let expire, so a late accept hears "expired" rather than "not yours". */
  readonly expired: Set<string>;
  /** Per medium: how many times it went Ready (a contact passed over waits for the next time) and since when it is idle. */
  readonly readySeq: Map<Media, number>;
  readonly ready: Set<Media>;
  readonly idleSince: Map<Media, number>;
  /** TP-15: the agent is on a voice call (its conversations of `pause` media stand still). */
  onVoiceCall: boolean;
}

interface QueueTraffic {
  readonly random: () => number;
  arrivalTimer: Subscription | undefined;
  virtualTimer: Subscription | undefined;
}

interface ThreadFault {
  readonly taskId: string | undefined;
}

export class DigitalAcd {
  readonly #host: AcdHost;
  readonly #board: QueueBoard;
  readonly #ops: Operations;
  readonly #options: DigitalOptions;
  readonly #contacts = new Map<string, ContactRecord>();
  readonly #desks = new Map<string, Desk>();
  readonly #queueTraffic = new Map<string, QueueTraffic>();
  readonly #injectRandom: () => number;
  /** Which sample opening each medium uses next: they go round, so every sample shows up. */
  readonly #openingTurn = new Map<DigitalMedia, number>();
  readonly #threadFaults: ThreadFault[] = [];
  #trafficOn: boolean;
  #contactCount = 0;
  #endedSincePrune = 0;

  constructor(host: AcdHost, board: QueueBoard, ops: Operations, options: DigitalOptions) {
    this.#host = host;
    this.#board = board;
    this.#ops = ops;
    this.#options = options;
    this.#trafficOn = options.traffic;
    this.#injectRandom = seededRandom(options.seed ^ 0x27d4eb2f);
    for (let i = 0; i < (host.scenario.threadLoadFailures ?? 0); i++) this.#threadFaults.push({ taskId: undefined });
    for (const agentId of host.agentIds) {
      this.#desks.set(agentId, {
        tasks: new Map(),
        expired: new Set(),
        readySeq: new Map(),
        ready: new Set(),
        idleSince: new Map(),
        onVoiceCall: false,
      });
    }
    const now = host.scheduler.now();
    for (const queue of this.#digitalQueues()) {
      const random = seededRandom(options.seed ^ hashText(`digital:${queue.def.id}`));
      this.#queueTraffic.set(queue.def.id, { random, arrivalTimer: undefined, virtualTimer: undefined });
      const waits = Array.from({ length: queue.def.waitingAtStart ?? 0 }, () => drawBetween(random, WAITING_AT_START_MS));
      for (const wait of waits.sort((a, b) => b - a)) this.#newContact(queue, random, {}, now - wait);
    }
    if (this.#trafficOn) this.#startTraffic();
  }

  get traffic(): boolean {
    return this.#trafficOn;
  }

  // ——— what the rest of the server asks ———

  tasksOf(agentId: string): Task[] {
    return [...this.#desk(agentId).tasks.values()].map((a) => a.task);
  }

  hasWork(agentId: string): boolean {
    return this.#desk(agentId).tasks.size > 0;
  }

  /** The task is this agent's contact, or an offer of one they let expire. */
  knows(agentId: string, taskId: string): boolean {
    const desk = this.#desk(agentId);
    return desk.tasks.has(taskId) || desk.expired.has(taskId);
  }

  /** Every contact, for the queue figures. */
  queued(): Iterable<QueuedCall> {
    return this.#contacts.values();
  }

  contacts(): SimContact[] {
    return [...this.#contacts.values()].map((c) => ({
      id: c.id,
      queueId: c.queueId,
      media: c.media,
      ...(c.channelTypeId === undefined ? {} : { channelTypeId: c.channelTypeId }),
      status: c.status,
      customerName: c.customerName,
      from: c.from,
      requestedAt: c.requestedAt,
      waitingSince: c.waitingSince,
      ...(c.agentId === undefined ? {} : { agentId: c.agentId }),
      ...(c.staffId === undefined ? {} : { staffId: c.staffId }),
      ...(c.endedAs === undefined ? {} : { endedAs: c.endedAs }),
      ...(c.wrapUpReasonId === undefined ? {} : { wrapUpReasonId: c.wrapUpReasonId }),
    }));
  }

  /** The whole conversation as the server keeps it, announcements included. */
  threadOf(contactId: string): readonly Message[] {
    return [...this.#knownContact(contactId).messages];
  }

  mediumChanged(agentId: string, media: Media, status: string, at: number): void {
    if (media === 'voice') return;
    this.#ops.run(at, () => {
      const desk = this.#desk(agentId);
      const ready = status === 'ready';
      if (ready && !desk.ready.has(media)) {
        desk.readySeq.set(media, (desk.readySeq.get(media) ?? 0) + 1);
        desk.idleSince.set(media, at);
      }
      if (ready) desk.ready.add(media);
      else desk.ready.delete(media);
    });
  }

  signedOut(agentId: string): void {
    const desk = this.#desk(agentId);
    desk.ready.clear();
    desk.expired.clear();
  }

  /**
   * TP-15: the agent's voice call began or ended. Conversations of media set to `pause`
   * (`duringVoiceCall`) stop their clock and their transfer for as long as it lasts.
   */
  voiceCall(agentId: string, onCall: boolean, at: number): void {
    const desk = this.#desks.get(agentId);
    if (!desk || desk.onVoiceCall === onCall) return;
    desk.onVoiceCall = onCall;
    for (const assignment of desk.tasks.values()) {
      const { task } = assignment;
      if ((task.status !== 'active' && task.status !== 'held') || !this.#pausesDuringCalls(task.media)) continue;
      if (onCall) {
        this.#update(agentId, assignment, { ...task, pausedSince: at }, at);
      } else if (task.pausedSince !== undefined) {
        const { pausedSince, ...rest } = task;
        this.#update(agentId, assignment, { ...rest, pausedMs: (task.pausedMs ?? 0) + (at - pausedSince) }, at);
      }
    }
  }

  #pausesDuringCalls(media: Media): boolean {
    return this.#host.scenario.tenant.digital.duringVoiceCall?.[media] === 'pause';
  }

  apply(agentId: string, command: TaskCommand, at: number): void {
    this.#ops.run(at, () => this.#taskCommand(agentId, command, at));
  }

  // ——— helpers for tests, stories and the demo ———

  injectContact(given: InjectedContact): string {
    const queue = this.#board.get(given.queueId);
    if (!queue || queue.def.media === 'voice') {
      throw new RangeError(`No digital queue "${given.queueId}" in scenario "${this.#host.scenario.title}".`);
    }
    if (given.media !== undefined && given.media !== queue.def.media) {
      throw new RangeError(`The queue "${queue.def.name}" takes ${MEDIA_NAMES[queue.def.media]}, not ${MEDIA_NAMES[given.media]}.`);
    }
    const at = this.#host.scheduler.now();
    let id = '';
    this.#ops.run(at, () => {
      id = this.#newContact(queue, this.#injectRandom, given, at).id;
    });
    return id;
  }

  /** The customer writes (a message, or an email with its files); returns the message id. */
  customerWrites(contactId: string, message: CustomerMessage): string {
    const contact = this.#knownContact(contactId);
    if (contact.status === 'ended' || contact.status === 'virtual') {
      throw new RangeError(`The conversation "${contactId}" is over; its customer cannot write to it.`);
    }
    const at = this.#host.scheduler.now();
    let id = '';
    this.#ops.run(at, () => {
      id = this.#customerWrites(contact, message, at).id;
    });
    return id;
  }

  /** TP-5: the next thread load (of this task, or of any) fails with a readable error. */
  failNextThreadLoad(taskId?: string): void {
    this.#threadFaults.push({ taskId });
  }

  setTraffic(on: boolean): void {
    if (on === this.#trafficOn) return;
    this.#trafficOn = on;
    if (on) {
      this.#startTraffic();
      return;
    }
    for (const traffic of this.#queueTraffic.values()) stopTraffic(traffic);
    for (const contact of this.#contacts.values()) {
      if (!this.#host.scenario.customersReply) contact.replyTimer = cancel(contact.replyTimer);
      // Background staff go home with traffic: their conversations end now.
      if (contact.status === 'virtual') this.#endContact(contact, 'completed');
    }
  }

  /** The queue is going away: its traffic stops and the customers waiting or being offered leave. */
  dropQueue(queueId: string, at: number): void {
    const traffic = this.#queueTraffic.get(queueId);
    if (traffic) stopTraffic(traffic);
    this.#queueTraffic.delete(queueId);
    for (const contact of this.#contacts.values()) {
      if (contact.queueId !== queueId) continue;
      if (contact.status === 'offered') {
        const agentId = contact.agentId!;
        const assignment = this.#desk(agentId).tasks.get(contact.id);
        if (assignment) this.#removeTask(agentId, assignment, 'abandoned', at);
      }
      if (contact.status === 'waiting' || contact.status === 'offered') this.#endContact(contact, 'abandoned');
    }
  }

  dispose(): void {
    this.#trafficOn = false;
    for (const traffic of this.#queueTraffic.values()) stopTraffic(traffic);
    for (const contact of this.#contacts.values()) stopContact(contact);
    for (const desk of this.#desks.values()) for (const assignment of desk.tasks.values()) stopAssignment(assignment);
  }

  // ——— commands ———

  #taskCommand(agentId: string, command: TaskCommand, at: number): void {
    const desk = this.#desk(agentId);
    const assignment = desk.tasks.get(command.taskId);
    if (!assignment) throw this.#host.refuse(desk.expired.has(command.taskId) ? 'offer.expired' : 'task.unknown');
    const { task } = assignment;
    switch (command.type) {
      case 'task.accept':
        // A late second click: it is already accepted.
        if (task.status !== 'offered') return;
        if (task.offerExpiresAt !== undefined && at >= task.offerExpiresAt) throw this.#host.refuse('offer.expired');
        return this.#accept(agentId, assignment, at);
      case 'task.decline':
        requireStatus(this.#host, task, ['offered'], 'This contact is not being offered any more.');
        // DX-6: accept/reject is a setting per skill.
        if (task.declinable === false)
          throw this.#host.refuse('command.notAllowed', `${task.queueName ?? 'This queue'} does not allow declining.`);
        return this.#passOver(agentId, assignment, 'declined', at);
      case 'task.end':
        requireStatus(this.#host, task, ['active'], 'This conversation is not active.');
        return this.#end(agentId, assignment, at);
      case 'task.close':
        checkClose(this.#host.scenario, task, command.reasonId, at, this.#host.refuse);
        this.#contactOf(assignment).wrapUpReasonId = command.reasonId;
        return this.#removeTask(agentId, assignment, 'closed', at);
      case 'thread.load':
        requireStatus(this.#host, task, ['active', 'wrapUp'], 'Accept the contact to read its conversation.');
        return this.#loadThread(agentId, assignment, at);
      case 'message.send':
        requireStatus(this.#host, task, ['active'], 'This conversation is not active any more; nothing was sent.');
        return this.#send(agentId, assignment, command.message, at);
      case 'customer.save':
        requireStatus(this.#host, task, ['active', 'wrapUp'], 'The customer details can be saved while the conversation is yours.');
        return this.#saveCustomer(agentId, assignment, command.fields, at);
      case 'workflow.run':
        requireStatus(this.#host, task, ['active', 'wrapUp'], 'Workflows run on a conversation that is yours.');
        return this.#runWorkflow(agentId, assignment, command, at);
      case 'task.transfer':
        requireStatus(this.#host, task, ['active'], 'Only an active conversation can be transferred.');
        return this.#transfer(agentId, assignment, command, at);
      case 'inactivity.extend':
        requireStatus(this.#host, task, ['active'], 'This conversation is not active.');
        return this.#extendInactivity(agentId, assignment, at);
      default:
        throw this.#host.refuse('command.notAllowed', 'Hold, mute, consultations and the keypad are for calls, not conversations.');
    }
  }

  #accept(agentId: string, assignment: Assignment, at: number): void {
    const contact = this.#contactOf(assignment);
    assignment.offerTimer = cancel(assignment.offerTimer);
    contact.status = 'connected';
    this.#board.accepted(contact.queueId, at - contact.waitingSince);
    const { offerExpiresAt: _gone, ...rest } = assignment.task;
    const paused = this.#desk(agentId).onVoiceCall && this.#pausesDuringCalls(contact.media);
    this.#update(agentId, assignment, { ...rest, status: 'active', since: at, startedAt: at, ...(paused ? { pausedSince: at } : {}) }, at);
    // In the thread for the record; the agent reads it with the thread, which loads next.
    this.#record(contact, this.#announcement(contact, 'assigned', `${this.#agentName(agentId)} joined the conversation.`, at));
    this.#loadThread(agentId, assignment, at);
  }

  /** ST-6/DX-6: a missed or declined offer goes back to its queue; a miss also makes the group Not Ready. */
  #passOver(agentId: string, assignment: Assignment, reason: 'declined' | 'rona', at: number): void {
    const desk = this.#desk(agentId);
    const contact = this.#contactOf(assignment);
    this.#removeTask(agentId, assignment, reason, at);
    contact.status = 'waiting';
    contact.passedBy.set(agentId, desk.readySeq.get(contact.media) ?? 0);
    if (reason !== 'rona') return;
    desk.expired.add(contact.id);
    // ST-6: chat, SMS or social → the whole Chat/Social group; email → only Email.
    for (const media of ronaMedia(contact.media, this.#host.scenario.tenant.media)) {
      if (this.#host.mediumStatus(agentId, media) === 'ready') this.#host.setNotReady(agentId, media, SYSTEM_REASONS.rona, at);
    }
  }

  /** TP-14/TP-11: the conversation closes for the customer, then wrap-up or closed at once (WU-1). */
  #end(agentId: string, assignment: Assignment, at: number): void {
    const contact = this.#contactOf(assignment);
    this.#post(contact, this.#announcement(contact, 'closed', 'Conversation closed.', at), at);
    this.#endContact(contact, 'closed');
    assignment.inactivityTimer = cancel(assignment.inactivityTimer);
    const wrapUp = wrapUpAfterEnd(wrapUpSettingsFor(this.#host.scenario, assignment.task.queueId), at);
    if (!wrapUp) {
      this.#removeTask(agentId, assignment, 'closed', at);
      return;
    }
    const { inactivityExpiresAt: _stopped, ...rest } = assignment.task;
    this.#update(agentId, assignment, { ...rest, status: 'wrapUp', since: at, wrapUp }, at);
    // WU-3: should no client close it, the server does after a grace period.
    assignment.wrapUpTimer = this.#ops.schedule(wrapUp.expiresAt! + this.#options.wrapUpGraceMs - at, (now) => {
      assignment.wrapUpTimer = undefined;
      if (this.#desk(agentId).tasks.get(assignment.task.id) === assignment) this.#removeTask(agentId, assignment, 'closed', now);
    });
  }

  /**
   * TP-5: `thread.loading`, then the whole thread (or the failure, for Retry) after the load time.
   * A `thread.load` while one is on its way joins it: the client asks for the thread of every
   * conversation it holds, and accepting already sent it.
   */
  #loadThread(agentId: string, assignment: Assignment, at: number): void {
    const taskId = assignment.task.id;
    if (assignment.threadTimer) return;
    this.#host.emit(agentId, { type: 'thread.loading', taskId, at });
    const error = this.#takeThreadFault(taskId);
    const finish = (now: number) => {
      assignment.threadTimer = undefined;
      if (this.#desk(agentId).tasks.get(taskId) !== assignment) return;
      if (error) this.#host.emit(agentId, { type: 'thread.failed', taskId, error, at: now });
      else this.#host.emit(agentId, { type: 'thread.loaded', taskId, messages: [...this.#contactOf(assignment).messages], at: now });
    };
    if (this.#options.threadLoadMs === 0) finish(at);
    else assignment.threadTimer = this.#ops.schedule(this.#options.threadLoadMs, finish);
  }

  #takeThreadFault(taskId: string): ErrorInfo | undefined {
    const index = this.#threadFaults.findIndex((fault) => fault.taskId === undefined || fault.taskId === taskId);
    if (index < 0) return undefined;
    this.#threadFaults.splice(index, 1);
    return this.#host.refuse('network', 'The conversation could not be loaded. Check your connection and choose Retry.').toInfo();
  }

  #send(agentId: string, assignment: Assignment, outgoing: OutgoingMessage, at: number): void {
    const contact = this.#contactOf(assignment);
    // A retry of a message that already went (the answer was lost): nothing twice.
    if (contact.messages.some((m) => m.id === outgoing.clientId)) return;
    const role = this.#host.session(agentId)!.role;
    const { attachments, removed } = checkOutgoing(
      outgoing,
      { media: contact.media, settings: this.#host.scenario.tenant.digital, role },
      this.#host.refuse,
    );
    const forwarded = this.#forwarded(contact, outgoing);
    const email = outgoing.email;
    const all = [...attachments, ...forwarded];
    const message: Message = {
      id: outgoing.clientId,
      taskId: contact.id,
      author: 'agent',
      authorName: this.#agentName(agentId),
      at,
      ...(outgoing.text === undefined ? {} : { text: outgoing.text }),
      ...(outgoing.html === undefined ? {} : { html: outgoing.html }),
      ...(all.length === 0 ? {} : { attachments: all }),
      receipt: 'sent',
      ...(email
        ? { email: { from: this.#mailbox(contact), to: email.to, cc: email.cc, subject: email.subject, kind: 'sent' as const } }
        : {}),
    };
    this.#post(contact, message, at);
    if (removed.length > 0) {
      // EM-5: the agent is told which files did not go, in the thread, next to the message.
      const words = `Not sent, removed by the PCI rule: ${removed.join(', ')}.`;
      const error = this.#host.refuse('command.notAllowed', words).toInfo();
      this.#post(contact, { id: this.#nextMessageId(contact), taskId: contact.id, author: 'system', at, text: words, error }, at);
    }
    this.#armInactivity(agentId, assignment, at);
    this.#trackReceipts(contact, message);
    this.#planReply(contact);
  }

  /** EM-3 Forward: copies of the conversation's own attachments; never one PCI validation blocked (EM-5). */
  #forwarded(contact: ContactRecord, outgoing: OutgoingMessage): Attachment[] {
    const ids = outgoing.forwardedAttachmentIds ?? [];
    if (ids.length > 0 && contact.media !== 'email') throw this.#host.refuse('command.notAllowed', 'Only an email forwards attachments.');
    const known = contact.messages.flatMap((m) => m.attachments ?? []);
    return ids.map((id, i) => {
      const original = known.find((a) => a.id === id);
      if (!original) throw this.#host.refuse('attachment.refused', `There is no attachment "${id}" in this conversation.`);
      if (original.blocked)
        throw this.#host.refuse('attachment.refused', `${original.name} failed PCI validation and cannot be forwarded.`);
      const { blocked: _never, inline: _listed, ...copy } = original;
      return { ...copy, id: `${outgoing.clientId}-f${i}` };
    });
  }

  #saveCustomer(agentId: string, assignment: Assignment, fields: readonly { id: string; value: string }[], at: number): void {
    const contact = this.#contactOf(assignment);
    // All or nothing: one field that cannot be edited refuses the whole save.
    for (const change of fields) {
      const field = contact.customer.find((f) => f.id === change.id);
      if (!field) throw this.#host.refuse('command.notAllowed', `There is no customer field "${change.id}".`);
      if (!field.editable) throw this.#host.refuse('command.notAllowed', `${field.label} cannot be edited.`);
    }
    contact.customer = contact.customer.map((field) => {
      const change = fields.find((f) => f.id === field.id);
      return change ? { ...field, value: change.value } : field;
    });
    this.#update(agentId, assignment, { ...assignment.task, customer: contact.customer }, at);
  }

  #runWorkflow(agentId: string, assignment: Assignment, command: Extract<Command, { type: 'workflow.run' }>, at: number): void {
    const workflow = this.#host.scenario.tenant.digital.workflows.find((w) => w.id === command.workflowId);
    if (!workflow) throw this.#host.refuse('command.notAllowed', `There is no workflow "${command.workflowId}".`);
    const unknown = Object.keys(command.parameters).find((id) => !workflow.parameters.some((p) => p.id === id));
    if (unknown !== undefined)
      throw this.#host.refuse('command.notAllowed', `The workflow "${workflow.name}" has no parameter "${unknown}".`);
    const missing = workflow.parameters.filter((p) => p.required && (command.parameters[p.id] ?? '').trim() === '');
    if (missing.length > 0) {
      throw this.#host.refuse('workflow.parameterMissing', `Fill in ${missing.map((p) => p.label).join(', ')} to run "${workflow.name}".`);
    }
    const given = workflow.parameters
      .filter((p) => (command.parameters[p.id] ?? '').trim() !== '')
      .map((p) => `${p.label}: ${command.parameters[p.id]!.trim()}`);
    const contact = this.#contactOf(assignment);
    const text = `${this.#agentName(agentId)} ran the workflow “${workflow.name}”${given.length > 0 ? ` (${given.join(', ')})` : ''}.`;
    this.#post(contact, this.#announcement(contact, 'workflow', text, at), at);
  }

  /** TP-15: to a routing point or queue of the contact's medium; the history goes with it (TP-5). */
  #transfer(agentId: string, assignment: Assignment, command: Extract<Command, { type: 'task.transfer' }>, at: number): void {
    const { targetId, reasonId } = command;
    const contact = this.#contactOf(assignment);
    const target = transferTargetsFor(this.#host.scenario.tenant.transferTargets, contact.media).find((t) => t.id === targetId);
    if (!target) throw this.#host.refuse('command.notAllowed', `"${targetId}" is not a routing point for ${MEDIA_NAMES[contact.media]}.`);
    // TP-15 (seed 002): a medium set to pause during voice calls cannot be transferred meanwhile…
    if (assignment.task.pausedSince !== undefined) {
      throw this.#host.refuse('command.notAllowed', `${MEDIA_NAMES[contact.media]} cannot be transferred during a voice call.`);
    }
    // …and with forced wrap-up the reason comes first.
    const { tenant } = this.#host.scenario;
    if (wrapUpSettingsFor(this.#host.scenario, contact.queueId).mode === 'forced' && tenant.wrapUpReasons.length > 0) {
      if (reasonId === undefined) throw this.#host.refuse('wrapUp.reasonRequired', 'Choose a wrap-up reason before transferring.');
      if (!tenant.wrapUpReasons.some((r) => r.id === reasonId))
        throw this.#host.refuse('command.notAllowed', `Unknown wrap-up reason "${reasonId}".`);
    }
    contact.wrapUpReasonId = reasonId;
    const destination = this.#destination(target, contact.media);
    this.#post(
      contact,
      this.#announcement(contact, 'transferred', `${this.#agentName(agentId)} transferred the conversation to ${target.name}.`, at),
      at,
    );
    const desk = this.#desk(agentId);
    this.#removeTask(agentId, assignment, 'transferred', at);
    if (!destination) {
      this.#endContact(contact, 'transferred');
      return;
    }
    this.#board.handled(contact.queueId);
    contact.queueId = destination.def.id;
    contact.waitingSince = at;
    contact.status = 'waiting';
    contact.passedBy.clear();
    // The agent handed it on: it does not come straight back to them.
    contact.passedBy.set(agentId, desk.readySeq.get(contact.media) ?? 0);
  }

  #destination(target: TransferTarget, media: DigitalMedia): QueueRecord | undefined {
    const ids = target.kind === 'queue' ? [target.id] : (this.#host.scenario.routingPointQueues?.[target.id] ?? []);
    return ids.map((id) => this.#board.get(id)).find((queue) => queue?.def.media === media);
  }

  /** DX-3: the customer gets more time; the countdown moves on by the queue's extension. */
  #extendInactivity(agentId: string, assignment: Assignment, at: number): void {
    const { task } = assignment;
    const extension = task.timers?.inactivityExtensionMs;
    if (!extension) throw this.#host.refuse('command.notAllowed', 'This queue does not allow giving the customer more time.');
    if (task.inactivityExpiresAt === undefined) {
      throw this.#host.refuse('command.notAllowed', 'The customer inactivity countdown is not running: the customer has the last word.');
    }
    const expiresAt = task.inactivityExpiresAt + extension;
    this.#startInactivity(agentId, assignment, expiresAt, at);
    const contact = this.#contactOf(assignment);
    const minutes = Math.round(extension / 60_000);
    const more = minutes >= 1 ? `${minutes} more minute${minutes === 1 ? '' : 's'}` : `${Math.round(extension / 1000)} more seconds`;
    this.#post(
      contact,
      this.#announcement(contact, 'inactivityExtended', `${this.#agentName(agentId)} gave the customer ${more}.`, at),
      at,
    );
  }

  // ——— conversation ———

  /** DX-3: after each agent message the customer has this long before the contact is unassigned. */
  #armInactivity(agentId: string, assignment: Assignment, at: number): void {
    const ms = assignment.task.timers?.customerInactivityMs;
    if (ms === undefined || !(ms > 0)) return;
    this.#startInactivity(agentId, assignment, at + ms, at);
  }

  #startInactivity(agentId: string, assignment: Assignment, expiresAt: number, at: number): void {
    assignment.inactivityTimer = cancel(assignment.inactivityTimer);
    this.#update(agentId, assignment, { ...assignment.task, inactivityExpiresAt: expiresAt }, at);
    assignment.inactivityTimer = this.#ops.schedule(expiresAt - at, (now) => {
      assignment.inactivityTimer = undefined;
      if (this.#desk(agentId).tasks.get(assignment.task.id) !== assignment) return;
      const contact = this.#contactOf(assignment);
      const words = 'The customer did not answer in time; the conversation was unassigned.';
      this.#post(contact, this.#announcement(contact, 'customerLeft', words, now), now);
      this.#endContact(contact, 'unassigned');
      this.#removeTask(agentId, assignment, 'unassigned', now);
    });
  }

  #customerWrites(contact: ContactRecord, written: CustomerMessage, at: number): Message {
    const id = this.#nextMessageId(contact);
    const rules = this.#host.scenario.tenant.digital.attachments[contact.media];
    const attachments = receivedAttachments(
      written.attachments ?? [],
      rules,
      (index) => `${id}-a${index + 1}`,
      (reason) => this.#host.refuse('command.notAllowed', `${reason} This file cannot be opened.`).toInfo(),
    );
    const message: Message = {
      id,
      taskId: contact.id,
      author: 'customer',
      authorName: contact.customerName,
      at,
      ...(written.text === undefined ? {} : { text: written.text }),
      ...(written.html === undefined ? {} : { html: written.html }),
      ...(attachments.length === 0 ? {} : { attachments }),
      ...(contact.media === 'email'
        ? {
            email: {
              from: contact.from,
              to: [this.#mailbox(contact)],
              cc: written.cc ?? [],
              subject: written.subject ?? replySubject(contact.subject),
              kind: 'received' as const,
            },
          }
        : {}),
    };
    this.#post(contact, message, at);
    // DX-3: the customer answered; the countdown waits for the agent's next message.
    const holder = this.#holder(contact);
    if (holder && holder.assignment.task.inactivityExpiresAt !== undefined) {
      holder.assignment.inactivityTimer = cancel(holder.assignment.inactivityTimer);
      const { inactivityExpiresAt: _answered, ...rest } = holder.assignment.task;
      this.#update(holder.agentId, holder.assignment, rest, at);
    }
    return message;
  }

  /** A simulated customer answers a while after the agent, a few times per conversation. */
  #planReply(contact: ContactRecord): void {
    if (!(this.#trafficOn || this.#host.scenario.customersReply) || contact.repliesLeft <= 0 || contact.replyTimer) return;
    const queue = this.#board.get(contact.queueId);
    const delay = drawBetween(contact.random, queue?.def.customerReplyMs ?? DEFAULT_CUSTOMER_REPLY_MS[contact.media]);
    const samples = REPLIES[contact.media];
    const reply = samples[Math.floor(contact.random() * samples.length)]!;
    contact.replyTimer = this.#ops.schedule(delay, (now) => {
      contact.replyTimer = undefined;
      if (contact.status !== 'connected') return;
      contact.repliesLeft -= 1;
      this.#customerWrites(contact, reply, now);
    });
  }

  /** TP-12: sent → delivered (→ read where the medium has read receipts); an email to a .invalid domain bounces. */
  #trackReceipts(contact: ContactRecord, message: Message): void {
    const recipients = message.email ? [...message.email.to, ...message.email.cc] : [];
    const bounced = recipients.filter((address) => /\.invalid$/i.test(address));
    // Drawn whatever happens, so a bounce never shifts the conversation after it.
    const outOfOffice =
      contact.media === 'email' && contact.random() < 0.15 && (this.#trafficOn || this.#host.scenario.customersReply === true);
    const later = (delay: number, work: (now: number) => void) => {
      const timer = this.#ops.schedule(delay, (now) => {
        contact.receiptTimers.delete(timer);
        work(now);
      });
      contact.receiptTimers.add(timer);
    };
    later(RECEIPT_DELAYS.deliveredMs, (now) => {
      if (bounced.length > 0) {
        const error = this.#host
          .refuse('command.notAllowed', `Undeliverable to ${bounced.join(', ')}: the address does not exist.`)
          .toInfo();
        this.#revise(contact, message.id, { receipt: 'failed', error }, now);
        this.#deliveryReport(contact, `Undeliverable: ${message.email!.subject}`, error.message, now);
        return;
      }
      this.#revise(contact, message.id, { receipt: 'delivered' }, now);
      if (outOfOffice)
        this.#deliveryReport(contact, `Automatic reply: ${message.email!.subject}`, `${contact.customerName} is away until Monday.`, now);
      if (READ_RECEIPTS.has(contact.media))
        later(RECEIPT_DELAYS.readMs, (then) => this.#revise(contact, message.id, { receipt: 'read' }, then));
    });
  }

  /** EM-2: a bounce or an automatic reply, shown as a delivery report. */
  #deliveryReport(contact: ContactRecord, subject: string, text: string, at: number): void {
    this.#post(
      contact,
      {
        id: this.#nextMessageId(contact),
        taskId: contact.id,
        author: 'system',
        at,
        text,
        email: { from: 'mailer-daemon@acme.example', to: [this.#mailbox(contact)], cc: [], subject, kind: 'deliveryReport' },
      },
      at,
    );
  }

  /** Adds a message to the thread and tells the agent who has the conversation open. */
  #post(contact: ContactRecord, message: Message, at: number): void {
    this.#record(contact, message);
    const holder = this.#holder(contact);
    if (holder) this.#host.emit(holder.agentId, { type: 'message.added', message, at });
  }

  #record(contact: ContactRecord, message: Message): void {
    contact.messages.push(message);
  }

  #revise(contact: ContactRecord, messageId: string, changes: Partial<Message>, at: number): void {
    const index = contact.messages.findIndex((m) => m.id === messageId);
    if (index < 0) return;
    const message = { ...contact.messages[index]!, ...changes };
    contact.messages[index] = message;
    const holder = this.#holder(contact);
    if (holder) this.#host.emit(holder.agentId, { type: 'message.updated', message, at });
  }

  /** The agent whose task shows this conversation (accepted, or in wrap-up). */
  #holder(contact: ContactRecord): { agentId: string; assignment: Assignment } | undefined {
    if (contact.agentId === undefined) return undefined;
    const assignment = this.#desk(contact.agentId).tasks.get(contact.id);
    if (!assignment || assignment.task.status === 'offered') return undefined;
    return { agentId: contact.agentId, assignment };
  }

  #announcement(contact: ContactRecord, kind: AnnouncementKind, text: string, at: number): Message {
    return { id: this.#nextMessageId(contact), taskId: contact.id, author: 'system', at, text, announcement: kind };
  }

  #nextMessageId(contact: ContactRecord): string {
    contact.messageCount += 1;
    return `${contact.id}-m${contact.messageCount}`;
  }

  #mailbox(contact: ContactRecord): string {
    return this.#board.get(contact.queueId)?.def.address ?? DEFAULT_MAILBOX;
  }

  #agentName(agentId: string): string {
    return this.#host.profile(agentId).name;
  }

  // ——— contacts and tasks ———

  #newContact(queue: QueueRecord, random: () => number, given: Omit<InjectedContact, 'queueId'>, waitingSince: number): ContactRecord {
    const media = queue.def.media as DigitalMedia;
    const channelTypeId = given.channelTypeId ?? queue.def.channelTypeId;
    if (channelTypeId !== undefined) {
      const type = this.#host.scenario.tenant.digital.channelTypes.find((t) => t.id === channelTypeId);
      if (type?.media !== media) throw new RangeError(`"${channelTypeId}" is not a ${MEDIA_NAMES[media]} channel type of this tenant.`);
    }
    // Every draw is made, given or not, so a given name never shifts the contacts after it.
    const customer = drawDigitalCustomer(random);
    const handleMs = drawBetween(random, queue.def.talkTimeMs ?? DEFAULT_TALK_TIME_MS);
    const repliesLeft = 1 + Math.floor(random() * 3);
    const samples = OPENINGS[media];
    const turn = this.#openingTurn.get(media) ?? 0;
    this.#openingTurn.set(media, turn + 1);
    const wrote = given.text !== undefined || given.html !== undefined || given.attachments !== undefined;
    const opening: CustomerMessage = wrote ? given : samples[turn % samples.length]!;
    const named = customerAs(customer, { name: given.customerName, from: given.from }, media, channelTypeId);
    const subject = given.subject ?? opening.subject ?? 'Your enquiry';
    const question = media === 'email' ? subject : shorten(opening.text ?? subject);
    this.#contactCount += 1;
    const id = `${media}-${this.#contactCount}`;
    const bot = media === 'chat' && channelTypeId === undefined;
    const contact: ContactRecord = {
      id,
      seq: this.#contactCount,
      queueId: queue.def.id,
      media,
      channelTypeId,
      customerName: named.name,
      from: contactAddress(media, named, channelTypeId),
      customer: customerFields(media, named, question),
      subject,
      requestedAt: bot ? waitingSince + BOT_OFFSETS_MS[1] : waitingSince,
      waitingSince,
      status: 'waiting',
      agentId: undefined,
      staffId: undefined,
      endedAs: undefined,
      wrapUpReasonId: undefined,
      passedBy: new Map(),
      messages: [],
      messageCount: 0,
      random: seededRandom(this.#options.seed ^ hashText(id)),
      repliesLeft,
      handleMs,
      replyTimer: undefined,
      virtualTimer: undefined,
      receiptTimers: new Set(),
    };
    this.#contacts.set(id, contact);
    if (bot) {
      // TP-5: what the customer and the bot said before the queue, shown to the agent.
      botHistory(opening.text ?? subject).forEach((line, i) => {
        const at = waitingSince + BOT_OFFSETS_MS[i]!;
        if (line.author === 'customer') this.#customerWrites(contact, { ...opening, text: line.text }, at);
        else
          this.#record(contact, { id: this.#nextMessageId(contact), taskId: id, author: 'bot', authorName: BOT_NAME, at, text: line.text });
      });
    } else {
      this.#customerWrites(contact, { ...opening, subject }, waitingSince);
    }
    return contact;
  }

  #offer(agentId: string, contact: ContactRecord, queue: QueueRecord, at: number): void {
    const timeout = queue.def.offerTimeoutMs ?? DEFAULT_DIGITAL_OFFER_TIMEOUT_MS[contact.media];
    contact.status = 'offered';
    contact.agentId = agentId;
    const { timers } = queue.def;
    const { channelTypeId } = contact;
    const task: Task = {
      id: contact.id,
      media: contact.media,
      status: 'offered',
      since: at,
      direction: 'inbound',
      from: contact.from,
      customerName: contact.customerName,
      queueId: queue.def.id,
      queueName: queue.def.name,
      offerExpiresAt: at + timeout,
      customer: contact.customer,
      requestedAt: contact.requestedAt,
      ...(timers === undefined ? {} : { timers }),
      ...(queue.def.declinable === false ? { declinable: false } : {}),
      ...(channelTypeId === undefined ? {} : { channelTypeId }),
      ...(contact.media === 'email' ? { mailbox: this.#mailbox(contact) } : {}),
    };
    const assignment: Assignment = {
      task,
      offerTimer: undefined,
      wrapUpTimer: undefined,
      inactivityTimer: undefined,
      threadTimer: undefined,
    };
    const desk = this.#desk(agentId);
    desk.tasks.set(contact.id, assignment);
    desk.expired.delete(contact.id);
    assignment.offerTimer = this.#ops.schedule(timeout, (now) => {
      assignment.offerTimer = undefined;
      if (desk.tasks.get(contact.id) === assignment && assignment.task.status === 'offered')
        this.#passOver(agentId, assignment, 'rona', now);
    });
    this.#host.emit(agentId, { type: 'task.updated', task, at });
  }

  #update(agentId: string, assignment: Assignment, task: Task, at: number): void {
    assignment.task = task;
    this.#host.emit(agentId, { type: 'task.updated', task, at });
  }

  #removeTask(agentId: string, assignment: Assignment, reason: TaskEndReason, at: number): void {
    const desk = this.#desk(agentId);
    stopAssignment(assignment);
    const { id, media } = assignment.task;
    desk.tasks.delete(id);
    const contact = this.#contacts.get(id);
    if (contact?.agentId === agentId) contact.agentId = undefined;
    if (![...desk.tasks.values()].some((a) => a.task.media === media)) {
      desk.idleSince.set(media, Math.max(desk.idleSince.get(media) ?? 0, at));
    }
    this.#host.emit(agentId, { type: 'task.removed', taskId: id, reason, at });
  }

  #endContact(contact: ContactRecord, as: ContactEnding): void {
    const { status } = contact;
    // SV-2: a customer who left unanswered is abandoned; an answered contact that ends is handled.
    if (as === 'abandoned') this.#board.abandoned(contact.queueId);
    else if (status === 'connected' || status === 'virtual') this.#board.handled(contact.queueId);
    contact.replyTimer = cancel(contact.replyTimer);
    contact.virtualTimer = cancel(contact.virtualTimer);
    contact.status = 'ended';
    contact.endedAs = as;
    // The floor agent on it wraps up (a no-op when they are the one who finished it).
    if (status === 'virtual' && contact.staffId !== undefined) this.#host.floor?.released(contact.id, this.#host.scheduler.now());
    // Keep recent history for tests and the demo, but not forever in a long-running demo; looked at
    // every few dozen ends (SV-5).
    this.#endedSincePrune += 1;
    if (this.#endedSincePrune < ENDED_PRUNE_EVERY) return;
    this.#endedSincePrune = 0;
    let kept = 0;
    for (const other of [...this.#contacts.values()].reverse()) {
      if (other.status === 'ended' && other.agentId === undefined && ++kept > ENDED_CONTACTS_KEPT) {
        stopContact(other);
        this.#contacts.delete(other.id);
      }
    }
  }

  // ——— routing, background staff and traffic ———

  /** Oldest contact first, each to the eligible member with the fewest of that medium, then the longest idle. */
  route(at: number): void {
    // Only real agents are offered contacts: with none of them Ready on any medium there is nothing to do.
    if (![...this.#desks.values()].some((desk) => desk.ready.size > 0)) return;
    const waiting = [...this.#contacts.values()].filter((c) => c.status === 'waiting').sort(byWait);
    for (const contact of waiting) {
      const queue = this.#board.get(contact.queueId);
      if (!queue) continue;
      let chosen: string | undefined;
      let chosenLoad = Infinity;
      let chosenIdle = Infinity;
      for (const agentId of this.#host.agentIds) {
        const load = this.#eligibleLoad(agentId, contact, queue);
        if (load === undefined) continue;
        const idle = this.#desk(agentId).idleSince.get(contact.media) ?? 0;
        if (load < chosenLoad || (load === chosenLoad && idle < chosenIdle)) {
          chosen = agentId;
          chosenLoad = load;
          chosenIdle = idle;
        }
      }
      if (chosen !== undefined) this.#offer(chosen, contact, queue, at);
    }
  }

  /** TP-1: how many tasks of the medium the agent has, when they may take one more; undefined when not. */
  #eligibleLoad(agentId: string, contact: ContactRecord, queue: QueueRecord): number | undefined {
    const session = this.#host.session(agentId);
    if (!session || !roleTakesWork(session.role)) return undefined;
    if (queue.members.get(agentId) !== true) return undefined;
    if (this.#host.mediumStatus(agentId, contact.media) !== 'ready') return undefined;
    const desk = this.#desk(agentId);
    if (contact.passedBy.get(agentId) === (desk.readySeq.get(contact.media) ?? 0)) return undefined;
    let load = 0;
    for (const assignment of desk.tasks.values()) if (assignment.task.media === contact.media) load += 1;
    const cap = this.#host.scenario.tenant.digital.concurrency[contact.media] ?? 1;
    return load < cap ? load : undefined;
  }

  /**
   * Background staff take contacts that waited long enough, oldest first, while traffic is on:
   * the floor's named agents first (SV), then the queue's anonymous virtual agents. One pass over
   * the contacts, whatever the number of queues (SV-5).
   */
  pickUpByStaff(at: number): void {
    if (!this.#trafficOn) return;
    const floor = this.#host.floor;
    const byQueue = waitingByQueue(this.#contacts.values());
    for (const queue of this.#digitalQueues()) {
      const traffic = this.#queueTraffic.get(queue.def.id);
      if (!traffic) continue;
      traffic.virtualTimer = cancel(traffic.virtualTimer);
      const group = byQueue.get(queue.def.id);
      if (!group || group.waiting.length === 0) continue;
      const waiting = group.waiting.sort(byWait);
      let next = 0;
      while (floor && next < waiting.length && waiting[next]!.waitingSince + floor.answerAfterMs <= at) {
        if (!this.#takeByFloor(floor, waiting[next]!, at)) break;
        next += 1;
      }
      const staff = queue.def.virtualAgents;
      if (!staff || staff.count === 0) continue;
      let idle = staff.count - group.anonymous;
      for (const contact of waiting.slice(next)) {
        if (idle <= 0) break;
        const due = contact.waitingSince + staff.answerAfterMs;
        if (due > at) {
          // Nothing to do then but settle again, which picks the contact up.
          traffic.virtualTimer = this.#ops.schedule(due - at, () => {
            traffic.virtualTimer = undefined;
          });
          break;
        }
        idle -= 1;
        contact.status = 'virtual';
        contact.replyTimer = cancel(contact.replyTimer);
        this.#board.accepted(contact.queueId, at - contact.waitingSince);
        contact.virtualTimer = this.#ops.schedule(contact.handleMs, () => {
          contact.virtualTimer = undefined;
          if (contact.status === 'virtual') this.#endContact(contact, 'completed');
        });
      }
    }
  }

  /** SV: a floor agent takes the contact, if one is free; the floor's wheel ends it. */
  #takeByFloor(floor: FloorStaff, contact: ContactRecord, at: number): boolean {
    const staffId = floor.take(
      contact.queueId,
      {
        id: contact.id,
        queueId: contact.queueId,
        media: contact.media,
        handleMs: contact.handleMs,
        finish: () => {
          if (contact.status === 'virtual') this.#endContact(contact, 'completed');
        },
      },
      at,
    );
    if (staffId === undefined) return false;
    contact.status = 'virtual';
    contact.staffId = staffId;
    contact.replyTimer = cancel(contact.replyTimer);
    this.#board.accepted(contact.queueId, at - contact.waitingSince);
    return true;
  }

  #startTraffic(): void {
    for (const queue of this.#digitalQueues()) this.#scheduleArrival(queue);
  }

  #scheduleArrival(queue: QueueRecord): void {
    const perHour = queue.def.arrivalsPerHour;
    const traffic = this.#queueTraffic.get(queue.def.id);
    if (!this.#trafficOn || !traffic || !(perHour > 0)) return;
    traffic.arrivalTimer = this.#ops.schedule(drawExponential(traffic.random, 3_600_000 / perHour), (now) => {
      traffic.arrivalTimer = undefined;
      this.#newContact(queue, traffic.random, {}, now);
      this.#scheduleArrival(queue);
    });
  }

  #digitalQueues(): QueueRecord[] {
    return [...this.#board.records()].filter((queue) => queue.def.media !== 'voice');
  }

  // ——— lookups ———

  #contactOf(assignment: Assignment): ContactRecord {
    return this.#contacts.get(assignment.task.id)!;
  }

  #knownContact(contactId: string): ContactRecord {
    const contact = this.#contacts.get(contactId);
    if (!contact) throw new RangeError(`No digital contact "${contactId}" in the simulator.`);
    return contact;
  }

  #desk(agentId: string): Desk {
    const desk = this.#desks.get(agentId);
    if (!desk) throw new RangeError(`No agent "${agentId}" in scenario "${this.#host.scenario.title}".`);
    return desk;
  }
}

function requireStatus(host: AcdHost, task: Task, statuses: readonly Task['status'][], message: string): void {
  if (!statuses.includes(task.status)) throw host.refuse('command.notAllowed', message);
}

function stopTraffic(traffic: QueueTraffic): void {
  traffic.arrivalTimer = cancel(traffic.arrivalTimer);
  traffic.virtualTimer = cancel(traffic.virtualTimer);
}

function stopContact(contact: ContactRecord): void {
  contact.replyTimer = cancel(contact.replyTimer);
  contact.virtualTimer = cancel(contact.virtualTimer);
  for (const timer of contact.receiptTimers) timer.unsubscribe();
  contact.receiptTimers.clear();
}

function stopAssignment(assignment: Assignment): void {
  assignment.offerTimer = cancel(assignment.offerTimer);
  assignment.wrapUpTimer = cancel(assignment.wrapUpTimer);
  assignment.inactivityTimer = cancel(assignment.inactivityTimer);
  assignment.threadTimer = cancel(assignment.threadTimer);
}

function byWait(a: ContactRecord, b: ContactRecord): number {
  return a.waitingSince - b.waitingSince || a.seq - b.seq;
}

function replySubject(subject: string): string {
  return /^re:/i.test(subject) ? subject : `Re: ${subject}`;
}

/** A question shown in the details: the first words of the customer's message. */
function shorten(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 79)}…`;
}
