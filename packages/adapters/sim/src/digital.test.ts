// The simulator's digital ACD on virtual time, through the engine's own API (no adapter, no client):
// routing under per-medium caps, RONA per channel group, declines, threads, messages and their
// checks and receipts, customers writing back, customer details, workflows, transfers, customer
// inactivity, ending and wrap-up, integration channel types, reconnect snapshots and determinism.

import { describe, expect, it } from 'vitest';
import { VirtualTimeScheduler } from 'rxjs';
import {
  roleNeedsTeam,
  SYSTEM_REASONS,
  type DomainEvent,
  type Media,
  type Message,
  type OutgoingMessage,
  type Role,
  type Task,
} from '@cc-elements/core';
import { HOSTILE_EMAIL_HTML } from './customers.js';
import { DEFAULT_THREAD_LOAD_MS, RECEIPT_DELAYS } from './digital.js';
import { SimContactCenter, type SimChange, type SimContactCenterOptions } from './engine.js';
import { SCENARIOS, type SimScenario } from './scenarios.js';
import { refusalOf } from './refusal.test-support.js';

const ANA = 'ana.popescu';
const MAYA = 'maya.patel';
const LUCA = 'luca.rossi';
const DIGITAL_MEDIA: Media[] = ['chat', 'sms', 'social', 'email'];
const TRACE_ID = /^sim-[0-9a-f]{16}$/;

/** The digital scenario without its morning queue and with customers who only write when told. */
const QUIET: SimScenario = {
  ...SCENARIOS.digital,
  title: 'Test',
  queues: SCENARIOS.digital.queues.map((queue) => ({ ...queue, waitingAtStart: 0 })),
  customersReply: false,
};

function scenarioWith(changes: Partial<SimScenario>): SimScenario {
  return { ...QUIET, ...changes };
}

type WorldOptions = Omit<SimContactCenterOptions, 'scheduler'>;

function world(options: WorldOptions = {}) {
  const scheduler = new VirtualTimeScheduler();
  const engine = new SimContactCenter({ scenario: QUIET, seed: 1, traffic: false, ...options, scheduler });
  const log: SimChange[] = [];
  engine.changes$.subscribe((change) => log.push(change));
  const w = {
    scheduler,
    engine,
    log,
    eventsOf: (agentId: string): DomainEvent[] => log.filter((c) => c.agentId === agentId).map((c) => c.event),
    /** The events since `mark` (a length of the log). */
    since: (mark: number, agentId: string): DomainEvent[] =>
      log
        .slice(mark)
        .filter((c) => c.agentId === agentId)
        .map((c) => c.event),
    /** Runs every timer due in the next `ms`, then sets the clock to the end of it. */
    advance(ms: number) {
      const until = scheduler.now() + ms;
      scheduler.maxFrames = until;
      scheduler.flush();
      scheduler.frame = until;
    },
    signIn(agentId: string, role: Role = 'agent') {
      const teamId = roleNeedsTeam(role) ? engine.profile(agentId).teams[0]!.id : undefined;
      engine.apply(agentId, { type: 'session.signIn', role, station: { kind: 'desktop' }, ...(teamId ? { teamId } : {}) });
    },
    ready(agentId: string, media: Media[] = DIGITAL_MEDIA) {
      engine.apply(agentId, { type: 'media.setState', media, status: 'ready' });
    },
    task: (agentId: string, taskId: string): Task | undefined => engine.tasks(agentId).find((t) => t.id === taskId),
    status: (agentId: string, media: Media) => engine.snapshot(agentId).media.find((m) => m.media === media),
    contact: (id: string) => engine.contacts().find((c) => c.id === id),
    /** A contact of `queueId` accepted by `agentId`, its thread loaded. */
    accepted(agentId: string, queueId: string, given: { text?: string; customerName?: string } = {}): string {
      const id = engine.injectContact({ queueId, ...given });
      engine.apply(agentId, { type: 'task.accept', taskId: id });
      w.advance(DEFAULT_THREAD_LOAD_MS);
      return id;
    },
    send(agentId: string, taskId: string, message: Partial<OutgoingMessage>) {
      engine.apply(agentId, { type: 'message.send', taskId, message: { clientId: 'c1', ...message } });
    },
  };
  return w;
}

function ofType<T extends DomainEvent['type']>(events: DomainEvent[], type: T): Extract<DomainEvent, { type: T }>[] {
  return events.filter((e): e is Extract<DomainEvent, { type: T }> => e.type === type);
}

const messagesAdded = (events: DomainEvent[]): Message[] => ofType(events, 'message.added').map((e) => e.message);

describe('routing (TP-1)', () => {
  it('TP-1/EM-1: an email offer carries the customer details, queue, request time, timers and its acceptance deadline', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['email']);
    w.scheduler.frame = 1_000;
    const id = w.engine.injectContact({ queueId: 'dq-email', customerName: 'Chloé Dubois', from: 'chloe.dubois@example.com' });
    const task = w.task(ANA, id)!;
    expect(task).toMatchObject({
      id,
      media: 'email',
      status: 'offered',
      since: 1_000,
      direction: 'inbound',
      from: 'chloe.dubois@example.com',
      customerName: 'Chloé Dubois',
      queueId: 'dq-email',
      queueName: 'Email support',
      offerExpiresAt: 121_000,
      requestedAt: 1_000,
      timers: { firstResponseMs: 4 * 60 * 60_000 },
    });
    expect(task.channelTypeId).toBeUndefined();
    // EM-1: name, email, account number, address and question details; more than ten fields, so the panel scrolls (TP-4).
    const fields = Object.fromEntries(task.customer!.map((f) => [f.id, f.value]));
    expect(fields).toMatchObject({ name: 'Chloé Dubois', email: 'chloe.dubois@example.com', question: 'Invoice INV-2291 charged twice' });
    expect(fields['accountNumber']).toMatch(/^AC-\d{8}$/);
    expect(fields['address']).not.toBe('');
    expect(task.customer!.length).toBeGreaterThan(10);
    expect(task.customer!.find((f) => f.id === 'name')?.editable).toBeUndefined();
  });

  it('TP-1: offers wait for Accept 30 s on chat, 45 s on SMS and social, 120 s on email', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA);
    const deadlines = Object.fromEntries(
      ['dq-chat', 'dq-sms', 'dq-social', 'dq-email'].map((queueId) => {
        const task = w.task(ANA, w.engine.injectContact({ queueId }))!;
        return [task.media, task.offerExpiresAt];
      }),
    );
    expect(deadlines).toEqual({ chat: 30_000, sms: 45_000, social: 45_000, email: 120_000 });
  });

  it('TP-1: several channels at once under each medium’s cap — three chats, two SMS, one email; the next waits its turn', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat', 'sms', 'email']);
    const chats = Array.from({ length: 4 }, () => w.engine.injectContact({ queueId: 'dq-chat' }));
    const texts = Array.from({ length: 3 }, () => w.engine.injectContact({ queueId: 'dq-sms' }));
    const emails = Array.from({ length: 2 }, () => w.engine.injectContact({ queueId: 'dq-email' }));
    const held = (media: Media) =>
      w.engine
        .tasks(ANA)
        .filter((t) => t.media === media)
        .map((t) => t.id);
    expect(held('chat')).toEqual(chats.slice(0, 3));
    expect(held('sms')).toEqual(texts.slice(0, 2));
    expect(held('email')).toEqual(emails.slice(0, 1));
    expect(w.contact(chats[3]!)?.status).toBe('waiting');
    // A chat in wrap-up still counts; once closed, the waiting chat comes.
    w.engine.apply(ANA, { type: 'task.accept', taskId: chats[0]! });
    w.engine.apply(ANA, { type: 'task.end', taskId: chats[0]! });
    expect(w.contact(chats[3]!)?.status).toBe('waiting');
    w.engine.apply(ANA, { type: 'task.close', taskId: chats[0]!, reasonId: 'resolved' });
    expect(w.task(ANA, chats[3]!)?.status).toBe('offered');
  });

  it('TP-1: the least busy Ready member gets the next contact; nobody Not Ready on the medium or with the queue disabled', () => {
    const w = world();
    w.signIn(ANA);
    w.signIn(MAYA);
    w.signIn(LUCA);
    w.ready(ANA, ['chat']);
    w.ready(MAYA, ['chat']);
    // Luca stays Not Ready on chat; Ana has Billing chat disabled.
    const first = w.engine.injectContact({ queueId: 'dq-chat' });
    const second = w.engine.injectContact({ queueId: 'dq-chat' });
    expect([w.contact(first)?.agentId, w.contact(second)?.agentId]).toEqual([ANA, MAYA]);
    const billing = w.engine.injectContact({ queueId: 'dq-chat-billing' });
    expect(w.contact(billing)?.agentId).toBe(MAYA);
    expect(w.engine.tasks(LUCA)).toEqual([]);
  });

  it('QL-1/QL-2: digital queues are in the list with their figures; an offered contact still waits, an accepted one is busy', () => {
    const w = world();
    w.signIn(ANA);
    const id = w.engine.injectContact({ queueId: 'dq-social' });
    const social = () => w.engine.queues(ANA).find((q) => q.id === 'dq-social');
    expect(social()).toMatchObject({ media: 'social', direction: 'inbound', enabled: true, waiting: 1, busy: 0, agentsSignedIn: 1 });
    w.ready(ANA, ['social']);
    expect(social()).toMatchObject({ waiting: 1, busy: 0 });
    w.engine.apply(ANA, { type: 'task.accept', taskId: id });
    expect(social()).toMatchObject({ waiting: 0, busy: 1 });
  });
});

describe('RONA and decline (ST-6, DX-6)', () => {
  it('ST-6: a missed chat is RONA, the whole Chat/Social group goes Not Ready, email stays Ready, and the chat goes to the next agent', () => {
    const w = world();
    w.signIn(ANA);
    w.signIn(MAYA);
    w.ready(ANA);
    w.scheduler.frame = 500;
    const id = w.engine.injectContact({ queueId: 'dq-chat' });
    w.advance(29_999);
    expect(w.task(ANA, id)?.status).toBe('offered');
    const mark = w.log.length;
    w.advance(1);
    const events = w.since(mark, ANA);
    expect(events.slice(0, 4)).toEqual([
      { type: 'task.removed', taskId: id, reason: 'rona', at: 30_500 },
      { type: 'media.stateChanged', media: 'chat', status: 'notReady', reasonId: SYSTEM_REASONS.rona, at: 30_500 },
      { type: 'media.stateChanged', media: 'sms', status: 'notReady', reasonId: SYSTEM_REASONS.rona, at: 30_500 },
      { type: 'media.stateChanged', media: 'social', status: 'notReady', reasonId: SYSTEM_REASONS.rona, at: 30_500 },
    ]);
    expect(w.status(ANA, 'email')?.status).toBe('ready');
    // Back in its queue with its wait; too late to accept.
    expect(w.contact(id)).toMatchObject({ status: 'waiting', waitingSince: 500 });
    expect(refusalOf(() => w.engine.apply(ANA, { type: 'task.accept', taskId: id })).code).toBe('offer.expired');
    w.ready(MAYA, ['chat']);
    expect(w.task(MAYA, id)).toMatchObject({ status: 'offered', offerExpiresAt: 60_500 });
  });

  it('ST-6: a missed SMS takes the Chat/Social group too; a missed email only Email', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA);
    w.engine.injectContact({ queueId: 'dq-sms' });
    w.advance(45_000);
    expect(['chat', 'sms', 'social', 'email'].map((m) => w.status(ANA, m as Media)?.status)).toEqual([
      'notReady',
      'notReady',
      'notReady',
      'ready',
    ]);

    const other = world();
    other.signIn(ANA);
    other.ready(ANA);
    other.engine.injectContact({ queueId: 'dq-email' });
    other.advance(120_000);
    expect(['chat', 'sms', 'social', 'email'].map((m) => other.status(ANA, m as Media))).toMatchObject([
      { status: 'ready' },
      { status: 'ready' },
      { status: 'ready' },
      { status: 'notReady', reasonId: SYSTEM_REASONS.rona },
    ]);
  });

  it('ST-6: a medium already Not Ready with a reason keeps it', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    w.engine.apply(ANA, { type: 'media.setState', media: ['social'], status: 'notReady', reasonId: 'lunch' });
    w.engine.injectContact({ queueId: 'dq-chat' });
    w.advance(30_000);
    expect(w.status(ANA, 'social')).toMatchObject({ status: 'notReady', reasonId: 'lunch' });
    expect(w.status(ANA, 'chat')).toMatchObject({ status: 'notReady', reasonId: SYSTEM_REASONS.rona });
  });

  it('DX-6: a decline returns the contact to its queue; the agent stays Ready and is offered it again only after being Ready anew', () => {
    const w = world();
    w.signIn(ANA);
    w.signIn(MAYA);
    w.ready(ANA, ['chat']);
    const id = w.engine.injectContact({ queueId: 'dq-chat' });
    const mark = w.log.length;
    w.engine.apply(ANA, { type: 'task.decline', taskId: id });
    expect(ofType(w.since(mark, ANA), 'task.removed')).toEqual([{ type: 'task.removed', taskId: id, reason: 'declined', at: 0 }]);
    expect(ofType(w.since(mark, ANA), 'media.stateChanged')).toEqual([]);
    expect(w.status(ANA, 'chat')?.status).toBe('ready');
    expect(w.contact(id)?.status).toBe('waiting');
    // Another chat still reaches her; the declined one waits for someone else…
    const next = w.engine.injectContact({ queueId: 'dq-chat' });
    expect(w.task(ANA, next)?.status).toBe('offered');
    expect(w.contact(id)?.status).toBe('waiting');
    // …or for her next Ready.
    w.engine.apply(ANA, { type: 'media.setState', media: ['chat'], status: 'notReady' });
    w.ready(ANA, ['chat']);
    expect(w.task(ANA, id)?.status).toBe('offered');
  });

  it('DX-6: accept/reject per skill — the SMS queue’s offers say they cannot be declined, and a decline is refused', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['sms']);
    const id = w.engine.injectContact({ queueId: 'dq-sms' });
    expect(w.task(ANA, id)).toMatchObject({ status: 'offered', declinable: false });
    expect(refusalOf(() => w.engine.apply(ANA, { type: 'task.decline', taskId: id }))).toMatchObject({
      code: 'command.notAllowed',
      message: 'SMS does not allow declining.',
    });
    expect(w.task(ANA, id)?.status).toBe('offered');
  });
});

describe('threads (TP-5)', () => {
  it('TP-5: accepting loads the thread — the bot conversation before the queue, then the agent joining', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    w.scheduler.frame = 100_000;
    const id = w.engine.injectContact({ queueId: 'dq-chat', text: 'My parcel never came.', customerName: 'Léa Moreau' });
    const mark = w.log.length;
    w.engine.apply(ANA, { type: 'task.accept', taskId: id });
    expect(w.since(mark, ANA).filter((e) => e.type.startsWith('thread.'))).toEqual([{ type: 'thread.loading', taskId: id, at: 100_000 }]);
    w.advance(DEFAULT_THREAD_LOAD_MS);
    const [loaded] = ofType(w.since(mark, ANA), 'thread.loaded');
    expect(loaded?.at).toBe(100_300);
    expect(loaded?.messages.map((m) => [m.author, m.authorName, m.at, m.text, m.announcement])).toEqual([
      ['bot', 'Ava (virtual assistant)', 40_000, 'Hi! I am Ava, Acme’s virtual assistant. What can I help you with?', undefined],
      ['customer', 'Léa Moreau', 55_000, 'My parcel never came.', undefined],
      ['bot', 'Ava (virtual assistant)', 98_000, 'Thanks. I am connecting you with one of our agents, it will not be long.', undefined],
      ['system', undefined, 100_000, 'Ana Popescu joined the conversation.', 'assigned'],
    ]);
    // DX-4: the request began with the customer's question to the bot, not at assignment.
    expect(w.task(ANA, id)).toMatchObject({ status: 'active', startedAt: 100_000, requestedAt: 55_000 });
  });

  it('TP-5: a failed load says why with a trace id; thread.load fetches it again (Retry)', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['sms']);
    const id = w.engine.injectContact({ queueId: 'dq-sms', text: 'Is my appointment still on?' });
    w.engine.failNextThreadLoad(id);
    const mark = w.log.length;
    w.engine.apply(ANA, { type: 'task.accept', taskId: id });
    w.advance(DEFAULT_THREAD_LOAD_MS);
    const [failed] = ofType(w.since(mark, ANA), 'thread.failed');
    expect(failed).toMatchObject({ taskId: id, at: 300, error: { code: 'network', message: expect.stringMatching(/Retry/) } });
    expect(failed?.error.traceId).toMatch(TRACE_ID);
    expect(ofType(w.since(mark, ANA), 'thread.loaded')).toEqual([]);

    const retry = w.log.length;
    w.engine.apply(ANA, { type: 'thread.load', taskId: id });
    w.advance(DEFAULT_THREAD_LOAD_MS);
    expect(w.since(retry, ANA).map((e) => e.type)).toEqual(['thread.loading', 'thread.loaded']);
    expect(ofType(w.since(retry, ANA), 'thread.loaded')[0]?.messages.map((m) => m.text)).toEqual([
      'Is my appointment still on?',
      'Ana Popescu joined the conversation.',
    ]);
  });

  it('TP-5: a thread.load while the thread is on its way joins it; a fault for another task waits for that task', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    w.engine.failNextThreadLoad('chat-99');
    const id = w.engine.injectContact({ queueId: 'dq-chat' });
    const mark = w.log.length;
    w.engine.apply(ANA, { type: 'task.accept', taskId: id });
    w.advance(150);
    // The client asks for the thread of every conversation it holds, as soon as it is accepted.
    w.engine.apply(ANA, { type: 'thread.load', taskId: id });
    w.advance(150);
    expect(w.since(mark, ANA).filter((e) => e.type.startsWith('thread.'))).toMatchObject([
      { type: 'thread.loading' },
      { type: 'thread.loaded' },
    ]);
  });

  it('TP-5: a scenario can make the first loads of the world fail', () => {
    const w = world({ scenario: scenarioWith({ threadLoadFailures: 1 }) });
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    const first = w.accepted(ANA, 'dq-chat');
    const second = w.accepted(ANA, 'dq-chat');
    expect(ofType(w.eventsOf(ANA), 'thread.failed').map((e) => e.taskId)).toEqual([first]);
    expect(ofType(w.eventsOf(ANA), 'thread.loaded').map((e) => e.taskId)).toEqual([second]);
  });

  it('TP-5: an offer or a call has no thread to load', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat', 'voice']);
    const chat = w.engine.injectContact({ queueId: 'dq-chat' });
    expect(refusalOf(() => w.engine.apply(ANA, { type: 'thread.load', taskId: chat })).message).toMatch(/Accept/);
    const call = w.engine.injectCall({ queueId: 'q-sales' });
    expect(refusalOf(() => w.engine.apply(ANA, { type: 'thread.load', taskId: call })).code).toBe('command.notAllowed');
    expect(refusalOf(() => w.engine.apply(ANA, { type: 'call.hold', taskId: chat })).code).toBe('command.notAllowed');
    expect(refusalOf(() => w.engine.apply(ANA, { type: 'thread.load', taskId: 'chat-404' })).code).toBe('task.unknown');
  });
});

describe('sending (TP-6, TP-7, TP-12, EM-3, EM-5, DX-1)', () => {
  it('TP-12: the agent’s message comes back with its client id as “sent”, then delivered after 1 s and read 2 s later', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    const id = w.accepted(ANA, 'dq-chat');
    w.scheduler.frame = 1_000;
    const mark = w.log.length;
    w.send(ANA, id, { clientId: 'draft-1', text: 'Hello, let me check.' });
    expect(messagesAdded(w.since(mark, ANA))).toEqual([
      { id: 'draft-1', taskId: id, author: 'agent', authorName: 'Ana Popescu', at: 1_000, text: 'Hello, let me check.', receipt: 'sent' },
    ]);
    w.advance(RECEIPT_DELAYS.deliveredMs);
    w.advance(RECEIPT_DELAYS.readMs);
    expect(ofType(w.since(mark, ANA), 'message.updated').map((e) => [e.message.id, e.message.receipt, e.at])).toEqual([
      ['draft-1', 'delivered', 2_000],
      ['draft-1', 'read', 4_000],
    ]);
    expect(w.engine.threadOf(id).at(-1)).toMatchObject({ id: 'draft-1', receipt: 'read' });
    // A retry of the same message (its answer was lost) does not send it twice.
    w.send(ANA, id, { clientId: 'draft-1', text: 'Hello, let me check.' });
    expect(w.engine.threadOf(id).filter((m) => m.id === 'draft-1')).toHaveLength(1);
  });

  it('TP-12: SMS confirms delivery only', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['sms']);
    const id = w.accepted(ANA, 'dq-sms');
    const mark = w.log.length;
    w.send(ANA, id, { text: 'See you at 10.' });
    w.advance(10_000);
    expect(ofType(w.since(mark, ANA), 'message.updated').map((e) => e.message.receipt)).toEqual(['delivered']);
  });

  it('TP-6: past the composer limit the message is refused with how much to remove, counted as a person counts; nothing is sent', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    const id = w.accepted(ANA, 'dq-chat');
    const before = w.engine.threadOf(id).length;
    const error = refusalOf(() => w.send(ANA, id, { text: 'a'.repeat(1_004) }));
    expect(error).toMatchObject({ code: 'message.tooLong', message: 'The message is 1004 characters long; the limit is 1000. Remove 4.' });
    expect(error.traceId).toMatch(TRACE_ID);
    expect(w.engine.threadOf(id)).toHaveLength(before);
    // 1000 flags are 1000 characters to a person, though 4000 code units.
    w.send(ANA, id, { text: '🇫🇷'.repeat(1_000) });
    expect(w.engine.threadOf(id)).toHaveLength(before + 1);
    expect(refusalOf(() => w.send(ANA, id, { clientId: 'c2', text: '   ' })).message).toBe('Type a message or attach a file first.');
  });

  it('DX-1: on social a plain agent may not reply (drafts need approval); Supervisor+Agent may', () => {
    const w = world();
    w.signIn(ANA);
    w.signIn(MAYA, 'supervisorAgent');
    w.ready(ANA, ['social']);
    const ana = w.accepted(ANA, 'dq-social');
    const error = refusalOf(() => w.send(ANA, ana, { text: 'Sorry about that!' }));
    expect(error.code).toBe('profile.forbidden');
    expect(error.message).toMatch(/approval/);
    w.ready(MAYA, ['social']);
    const maya = w.accepted(MAYA, 'dq-social');
    w.send(MAYA, maya, { text: 'Sorry about that!' });
    expect(w.engine.threadOf(maya).at(-1)).toMatchObject({ author: 'agent', authorName: 'Maya Patel', receipt: 'sent' });
  });

  it('TP-7: files over the count, the size or outside the formats are refused by name; SMS carries no files', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat', 'sms']);
    const chat = w.accepted(ANA, 'dq-chat');
    const file = (name: string, size = 1_000) => ({ name, size, type: 'application/octet-stream', data: null });
    expect(refusalOf(() => w.send(ANA, chat, { attachments: [file('movie.mov')] })).message).toBe(
      'movie.mov cannot be sent: allowed formats are png, jpg, jpeg, gif, pdf, txt, docx, xlsx.',
    );
    expect(refusalOf(() => w.send(ANA, chat, { attachments: [file('scan.pdf', 11 * 1024 * 1024)] })).message).toBe(
      'scan.pdf is 11 MB; files may be up to 10 MB.',
    );
    expect(refusalOf(() => w.send(ANA, chat, { attachments: ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => file(`${n}.png`)) })).message).toBe(
      'Attach at most 5 files; this message has 6.',
    );
    const sms = w.accepted(ANA, 'dq-sms');
    expect(refusalOf(() => w.send(ANA, sms, { text: 'Here', attachments: [file('a.png')] })).message).toBe(
      'SMS messages cannot carry files.',
    );
  });

  it('EM-5: outbound files failing PCI are removed, the rest goes, and a system message in the thread names them', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    const id = w.accepted(ANA, 'dq-chat');
    const mark = w.log.length;
    w.send(ANA, id, {
      text: 'Here is the form.',
      attachments: [
        { name: 'form.pdf', size: 20_000, type: 'application/pdf', data: null },
        { name: 'tool.exe', size: 20_000, type: 'application/octet-stream', data: null },
        { name: 'visa-4111-1111-1111-1111.png', size: 20_000, type: 'image/png', data: null },
      ],
    });
    const [sent, notice] = messagesAdded(w.since(mark, ANA));
    expect(sent).toMatchObject({
      id: 'c1',
      receipt: 'sent',
      attachments: [{ id: 'c1-a1', name: 'form.pdf', size: 20_000, type: 'application/pdf' }],
    });
    expect(notice).toMatchObject({
      author: 'system',
      text: 'Not sent, removed by the PCI rule: tool.exe, visa-4111-1111-1111-1111.png.',
      error: { code: 'command.notAllowed' },
    });
    // Nothing left once PCI took every file: refused, nothing in the thread.
    const before = w.engine.threadOf(id).length;
    expect(
      refusalOf(() => w.send(ANA, id, { clientId: 'c2', attachments: [{ name: 'run.js', size: 10, type: 'text/javascript', data: null }] }))
        .message,
    ).toBe('Nothing was sent: every file failed the PCI rule (run.js).');
    expect(w.engine.threadOf(id)).toHaveLength(before);
  });

  it('EM-3: an email reply carries its headers; a .invalid recipient bounces — the message fails and a delivery report says why', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['email']);
    const id = w.accepted(ANA, 'dq-email');
    const customer = w.contact(id)!.from;
    w.send(ANA, id, {
      html: '<p>We are on it.</p>',
      email: { to: [customer], cc: ['old-address@example.invalid'], subject: 'Re: Invoice INV-2291 charged twice', mode: 'replyAll' },
    });
    expect(w.engine.threadOf(id).at(-1)).toMatchObject({
      author: 'agent',
      html: '<p>We are on it.</p>',
      receipt: 'sent',
      email: { from: 'support@acme.example', to: [customer], cc: ['old-address@example.invalid'], kind: 'sent' },
    });
    w.advance(RECEIPT_DELAYS.deliveredMs);
    const thread = w.engine.threadOf(id);
    expect(thread.find((m) => m.id === 'c1')).toMatchObject({
      receipt: 'failed',
      error: { message: expect.stringMatching(/old-address/) },
    });
    expect(thread.at(-1)).toMatchObject({
      author: 'system',
      email: { kind: 'deliveryReport', subject: 'Undeliverable: Re: Invoice INV-2291 charged twice' },
    });
  });

  it('EM-3: an email needs recipients that are addresses and a subject; other media take no email fields', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['email', 'chat']);
    const email = w.accepted(ANA, 'dq-email');
    const headers = { to: ['a@example.com'], cc: [], subject: 'Re: x', mode: 'reply' as const };
    expect(refusalOf(() => w.send(ANA, email, { text: 'Hi' })).message).toBe('An email needs its recipients and subject.');
    expect(refusalOf(() => w.send(ANA, email, { text: 'Hi', email: { ...headers, to: [] } })).message).toBe(
      'Add at least one recipient in To.',
    );
    expect(refusalOf(() => w.send(ANA, email, { text: 'Hi', email: { ...headers, cc: ['not an address'] } })).message).toBe(
      '"not an address" is not an email address.',
    );
    expect(refusalOf(() => w.send(ANA, email, { text: 'Hi', email: { ...headers, subject: ' ' } })).message).toBe(
      'The email needs a subject.',
    );
    // An email body has no composer limit (seed 002 sets it on chat and SMS).
    w.send(ANA, email, { text: 'x'.repeat(5_000), email: headers });
    const chat = w.accepted(ANA, 'dq-chat');
    expect(refusalOf(() => w.send(ANA, chat, { text: 'Hi', email: headers })).code).toBe('command.notAllowed');
  });

  it('TP-6: nothing can be sent on an offer or after the conversation ended', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    const id = w.engine.injectContact({ queueId: 'dq-chat' });
    expect(refusalOf(() => w.send(ANA, id, { text: 'Hi' })).code).toBe('command.notAllowed');
    w.engine.apply(ANA, { type: 'task.accept', taskId: id });
    w.engine.apply(ANA, { type: 'task.end', taskId: id });
    expect(refusalOf(() => w.send(ANA, id, { text: 'Hi' })).message).toMatch(/not active/);
  });
});

describe('customers writing (TP-5, EM-2, EM-5)', () => {
  it('EM-4/EM-5: emails arrive as written — hostile HTML untouched for the widgets to sanitise — and files failing PCI are blocked with the reason', () => {
    const w = world({ scenario: SCENARIOS.digital });
    w.signIn(ANA);
    w.ready(ANA, ['email']);
    const [first] = w.engine.tasks(ANA).filter((t) => t.media === 'email');
    const hostile = w.engine.threadOf(first!.id)[0]!;
    expect(hostile).toMatchObject({
      author: 'customer',
      html: HOSTILE_EMAIL_HTML,
      email: { kind: 'received', to: ['support@acme.example'] },
    });
    expect(hostile.html).toMatch(/<script>/);
    expect(hostile.html).toMatch(/onerror=/);
    expect(hostile.html).toMatch(/javascript:/);
    expect(hostile.html).toMatch(/src="https:/);
    expect(hostile.text).not.toMatch(/</);

    // The second email carries files: two pass, two fail PCI (a card number in the name, an executable).
    w.engine.apply(ANA, { type: 'task.accept', taskId: first!.id });
    w.engine.apply(ANA, { type: 'task.end', taskId: first!.id });
    w.engine.apply(ANA, { type: 'task.close', taskId: first!.id, reasonId: 'resolved' });
    const [second] = w.engine.tasks(ANA).filter((t) => t.media === 'email');
    const files = w.engine.threadOf(second!.id)[0]!.attachments!;
    expect(files.map((f) => [f.name, f.blocked?.message])).toEqual([
      ['receipt-ORD-6020.pdf', undefined],
      ['broken-blender.jpg', undefined],
      ['card 4111 1111 1111 1111.jpg', 'The file name looks like a card number (PCI). This file cannot be opened.'],
      ['refund-form.exe', '.exe files are not allowed (PCI). This file cannot be opened.'],
    ]);
    expect(files[0]!.url).toMatch(/^data:text\/plain/);
    expect(files[1]!.url).toMatch(/^data:image\/svg\+xml/);
    expect(files[2]!.url).toBeUndefined();
    expect(w.engine.threadOf(second!.id)[0]!.email?.cc).toEqual(['partner@example.org']);
  });

  it('EM-3/EM-5: a forward carries copies of the conversation’s attachments; unknown or PCI-blocked ones are refused', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['email']);
    const id = w.accepted(ANA, 'dq-email');
    w.engine.customerWrites(id, {
      text: 'Both files attached',
      attachments: [
        { name: 'receipt.pdf', size: 2_000, type: 'application/pdf' },
        { name: 'card 4111 1111 1111 1111.jpg', size: 1_000, type: 'image/jpeg' },
      ],
    });
    const [receipt, card] = w.engine.threadOf(id).at(-1)!.attachments!;
    const email = { to: ['billing@partner.example'], cc: [], subject: 'Fwd: receipt', mode: 'forward' as const };
    const forward = (clientId: string, ids: string[]) =>
      w.send(ANA, id, { clientId, html: '<p>FYI</p>', email, forwardedAttachmentIds: ids });
    expect(refusalOf(() => forward('f1', [card!.id])).message).toBe(
      'card 4111 1111 1111 1111.jpg failed PCI validation and cannot be forwarded.',
    );
    expect(refusalOf(() => forward('f2', ['nope'])).code).toBe('attachment.refused');
    forward('f3', [receipt!.id]);
    const sent = w.engine.threadOf(id).find((m) => m.id === 'f3')!;
    expect(sent.attachments).toEqual([{ id: 'f3-f0', name: 'receipt.pdf', size: 2_000, type: 'application/pdf', url: receipt!.url }]);
  });

  it('TP-5: customerWrites reaches the agent as it happens (with blocked files), and the server keeps it', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    const id = w.accepted(ANA, 'dq-chat');
    w.scheduler.frame = 5_000;
    const mark = w.log.length;
    const messageId = w.engine.customerWrites(id, {
      text: 'Here you go',
      attachments: [
        { name: 'photo.png', size: 1_000, type: 'image/png' },
        { name: '5500 0000 0000 0004.pdf', size: 1_000, type: 'application/pdf' },
      ],
    });
    const [added] = messagesAdded(w.since(mark, ANA));
    expect(added).toMatchObject({ id: messageId, author: 'customer', at: 5_000, text: 'Here you go' });
    expect(added?.attachments?.map((a) => a.blocked !== undefined)).toEqual([false, true]);
    expect(w.engine.threadOf(id).at(-1)).toEqual(added);
  });

  it('TP-5: customers write back a while after the agent when the scenario says so, a few times at most; not in a quiet world', () => {
    const chatty = world({ scenario: scenarioWith({ customersReply: true }) });
    chatty.signIn(ANA);
    chatty.ready(ANA, ['chat']);
    const id = chatty.accepted(ANA, 'dq-chat');
    for (let i = 0; i < 6; i++) {
      chatty.send(ANA, id, { clientId: `m${i}`, text: `Answer ${i}` });
      chatty.advance(25_000);
    }
    const replies = chatty.engine
      .threadOf(id)
      .filter((m) => m.author === 'customer')
      .slice(1);
    expect(replies.length).toBeGreaterThanOrEqual(1);
    expect(replies.length).toBeLessThanOrEqual(3);
    // Chat customers answer within 4–20 s of the agent's message.
    const agentTimes = chatty.engine
      .threadOf(id)
      .filter((m) => m.author === 'agent')
      .map((m) => m.at);
    for (const reply of replies) {
      const asked = Math.max(...agentTimes.filter((t) => t < reply.at));
      expect(reply.at - asked).toBeGreaterThanOrEqual(4_000);
      expect(reply.at - asked).toBeLessThanOrEqual(20_000);
    }

    const quiet = world();
    quiet.signIn(ANA);
    quiet.ready(ANA, ['chat']);
    const still = quiet.accepted(ANA, 'dq-chat');
    quiet.send(ANA, still, { text: 'Anyone there?' });
    quiet.advance(120_000);
    expect(quiet.engine.threadOf(still).filter((m) => m.author === 'customer')).toHaveLength(1);
  });

  it('a finished conversation takes no more customer messages; an unknown one is a programming error', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['sms']);
    const id = w.accepted(ANA, 'dq-sms');
    w.engine.apply(ANA, { type: 'task.end', taskId: id });
    expect(() => w.engine.customerWrites(id, { text: 'Hello?' })).toThrow(/over/);
    expect(() => w.engine.customerWrites('sms-404', { text: 'Hello?' })).toThrow(RangeError);
  });
});

describe('customer details and workflows (TP-4, TP-10)', () => {
  it('TP-4: editable fields are saved and the task carries them; a field that is not editable refuses the whole save', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    const id = w.accepted(ANA, 'dq-chat');
    w.engine.apply(ANA, {
      type: 'customer.save',
      taskId: id,
      fields: [
        { id: 'notes', value: 'Wants a refund' },
        { id: 'accountNumber', value: 'AC-12345678' },
      ],
    });
    const fields = Object.fromEntries(w.task(ANA, id)!.customer!.map((f) => [f.id, f.value]));
    expect(fields).toMatchObject({ notes: 'Wants a refund', accountNumber: 'AC-12345678' });
    expect(ofType(w.eventsOf(ANA), 'task.updated').at(-1)?.task.customer).toEqual(w.task(ANA, id)!.customer);

    const error = refusalOf(() =>
      w.engine.apply(ANA, {
        type: 'customer.save',
        taskId: id,
        fields: [
          { id: 'notes', value: 'changed' },
          { id: 'name', value: 'Someone else' },
        ],
      }),
    );
    expect(error).toMatchObject({ code: 'command.notAllowed', message: 'Name cannot be edited.' });
    expect(w.task(ANA, id)!.customer!.find((f) => f.id === 'notes')?.value).toBe('Wants a refund');
    expect(
      refusalOf(() => w.engine.apply(ANA, { type: 'customer.save', taskId: id, fields: [{ id: 'shoeSize', value: '42' }] })).message,
    ).toBe('There is no customer field "shoeSize".');
  });

  it('TP-10: a workflow without parameters runs at once and leaves an announcement in the thread', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    const id = w.accepted(ANA, 'dq-chat');
    w.scheduler.frame = 2_000;
    const mark = w.log.length;
    w.engine.apply(ANA, { type: 'workflow.run', taskId: id, workflowId: 'wf-sync-crm', parameters: {} });
    expect(messagesAdded(w.since(mark, ANA))).toEqual([
      {
        id: expect.any(String),
        taskId: id,
        author: 'system',
        at: 2_000,
        text: 'Ana Popescu ran the workflow “Update the CRM record”.',
        announcement: 'workflow',
      },
    ]);
  });

  it('TP-10: a workflow with parameters needs the required ones, names what it was given, and knows only its own', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    const id = w.accepted(ANA, 'dq-chat');
    const run = (parameters: Record<string, string>, workflowId = 'wf-create-ticket') =>
      w.engine.apply(ANA, { type: 'workflow.run', taskId: id, workflowId, parameters });
    expect(refusalOf(() => run({ priority: 'high' }))).toMatchObject({
      code: 'workflow.parameterMissing',
      message: 'Fill in Summary to run "Create a support ticket".',
    });
    expect(refusalOf(() => run({ summary: 'x', colour: 'red' })).message).toBe(
      'The workflow "Create a support ticket" has no parameter "colour".',
    );
    expect(refusalOf(() => run({}, 'wf-nope')).message).toBe('There is no workflow "wf-nope".');
    run({ summary: 'Parcel lost', priority: 'high' });
    expect(w.engine.threadOf(id).at(-1)).toMatchObject({
      announcement: 'workflow',
      text: 'Ana Popescu ran the workflow “Create a support ticket” (Summary: Parcel lost, Priority (low, normal, high): high).',
    });
  });
});

describe('transfer (TP-15, TP-5)', () => {
  it('TP-15/TP-5: to a routing point of its medium — the task leaves, the next agent gets the history with the earlier agent’s messages', () => {
    const w = world();
    w.signIn(ANA);
    w.signIn(MAYA);
    w.ready(ANA, ['chat']);
    const id = w.accepted(ANA, 'dq-chat', { text: 'I was charged twice.' });
    w.send(ANA, id, { text: 'Let me pass you to Billing.' });
    w.scheduler.frame = 10_000;
    w.engine.apply(ANA, { type: 'task.transfer', taskId: id, targetId: 'rp-billing-digital', reasonId: 'follow-up' });
    expect(ofType(w.eventsOf(ANA), 'task.removed').at(-1)).toEqual({ type: 'task.removed', taskId: id, reason: 'transferred', at: 10_000 });
    expect(w.contact(id)?.wrapUpReasonId).toBe('follow-up');
    // The routing point feeds Billing chat, where Ana is disabled: it waits for Maya.
    expect(w.contact(id)).toMatchObject({ status: 'waiting', queueId: 'dq-chat-billing', waitingSince: 10_000 });
    w.ready(MAYA, ['chat']);
    expect(w.task(MAYA, id)).toMatchObject({ status: 'offered', queueName: 'Billing chat' });
    w.engine.apply(MAYA, { type: 'task.accept', taskId: id });
    w.advance(DEFAULT_THREAD_LOAD_MS);
    const loaded = ofType(w.eventsOf(MAYA), 'thread.loaded').at(-1)!;
    expect(loaded.messages.map((m) => [m.author, m.authorName ?? '', m.text])).toEqual([
      ['bot', 'Ava (virtual assistant)', 'Hi! I am Ava, Acme’s virtual assistant. What can I help you with?'],
      ['customer', w.contact(id)!.customerName, 'I was charged twice.'],
      ['bot', 'Ava (virtual assistant)', 'Thanks. I am connecting you with one of our agents, it will not be long.'],
      ['system', '', 'Ana Popescu joined the conversation.'],
      ['agent', 'Ana Popescu', 'Let me pass you to Billing.'],
      ['system', '', 'Ana Popescu transferred the conversation to Billing (chat and email).'],
      ['system', '', 'Maya Patel joined the conversation.'],
    ]);
  });

  it('TP-15: a queue target takes the contact as is; only targets of the medium are accepted, never the voice directory', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['email', 'sms']);
    const email = w.accepted(ANA, 'dq-email');
    for (const targetId of ['q-sales', 'dq-chat', 'rp-escalations', 'nowhere']) {
      expect(refusalOf(() => w.engine.apply(ANA, { type: 'task.transfer', taskId: email, targetId })).message).toBe(
        `"${targetId}" is not a routing point for Email.`,
      );
    }
    w.engine.apply(ANA, { type: 'task.transfer', taskId: email, targetId: 'rp-billing-digital', reasonId: 'resolved' });
    expect(w.contact(email)).toMatchObject({ status: 'waiting', queueId: 'dq-email-billing' });
    // A routing point outside the simulation: the contact leaves the world.
    const sms = w.accepted(ANA, 'dq-sms');
    w.engine.apply(ANA, { type: 'task.transfer', taskId: sms, targetId: 'rp-social-team', reasonId: 'resolved' });
    expect(w.contact(sms)).toMatchObject({ status: 'ended', endedAs: 'transferred' });
    expect(w.engine.threadOf(sms).at(-1)).toMatchObject({ announcement: 'transferred' });
  });

  it('TP-15: with forced wrap-up the server wants a known reason before it transfers', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    const id = w.accepted(ANA, 'dq-chat');
    const transfer = (reasonId?: string) =>
      w.engine.apply(ANA, { type: 'task.transfer', taskId: id, targetId: 'rp-billing-digital', ...(reasonId ? { reasonId } : {}) });
    expect(refusalOf(() => transfer())).toMatchObject({
      code: 'wrapUp.reasonRequired',
      message: 'Choose a wrap-up reason before transferring.',
    });
    expect(refusalOf(() => transfer('made-up')).message).toBe('Unknown wrap-up reason "made-up".');
    expect(w.task(ANA, id)?.status).toBe('active');
    // Without forced wrap-up no reason is needed.
    const optional = world({ scenario: scenarioWith({ tenant: { ...QUIET.tenant, wrapUp: { mode: 'optional', timeoutSec: 30 } } }) });
    optional.signIn(ANA);
    optional.ready(ANA, ['chat']);
    const other = optional.accepted(ANA, 'dq-chat');
    optional.engine.apply(ANA, { type: 'task.transfer', taskId: other, targetId: 'rp-billing-digital' });
    expect(optional.contact(other)).toMatchObject({ status: 'waiting', queueId: 'dq-chat-billing' });
  });

  it('TP-15: a voice call stops chats and SMS (clock and transfer) but not emails, per medium; the stopped time is counted', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat', 'email', 'voice']);
    const chat = w.accepted(ANA, 'dq-chat');
    const email = w.accepted(ANA, 'dq-email');
    w.scheduler.frame = 5_000;
    const call = w.engine.injectCall({ queueId: 'q-sales' });
    w.engine.apply(ANA, { type: 'task.accept', taskId: call });
    expect(w.task(ANA, chat)).toMatchObject({ pausedSince: 5_000 });
    expect(w.task(ANA, email)?.pausedSince).toBeUndefined();
    expect(
      refusalOf(() => w.engine.apply(ANA, { type: 'task.transfer', taskId: chat, targetId: 'rp-billing-digital', reasonId: 'resolved' }))
        .message,
    ).toBe('Chat cannot be transferred during a voice call.');
    // Holding is still a call in progress.
    w.engine.apply(ANA, { type: 'call.hold', taskId: call });
    expect(w.task(ANA, chat)?.pausedSince).toBe(5_000);
    w.engine.apply(ANA, { type: 'call.resume', taskId: call });
    w.scheduler.frame = 65_000;
    w.engine.apply(ANA, { type: 'task.end', taskId: call });
    const after = w.task(ANA, chat)!;
    expect(after.pausedSince).toBeUndefined();
    expect(after.pausedMs).toBe(60_000);
    w.engine.apply(ANA, { type: 'task.transfer', taskId: chat, targetId: 'rp-billing-digital', reasonId: 'resolved' });
    expect(w.contact(chat)?.status).toBe('waiting');
  });
});

describe('customer inactivity (DX-3)', () => {
  it('DX-3: after the agent writes the customer has 3 minutes; an answer stops the countdown, the next message restarts it', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    const id = w.accepted(ANA, 'dq-chat');
    expect(w.task(ANA, id)?.inactivityExpiresAt).toBeUndefined();
    w.scheduler.frame = 1_000;
    w.send(ANA, id, { text: 'Are you still there?' });
    expect(w.task(ANA, id)?.inactivityExpiresAt).toBe(181_000);
    w.scheduler.frame = 5_000;
    w.engine.customerWrites(id, { text: 'Yes' });
    expect(w.task(ANA, id)?.inactivityExpiresAt).toBeUndefined();
    w.advance(200_000);
    expect(w.task(ANA, id)?.status).toBe('active');
    w.send(ANA, id, { clientId: 'c2', text: 'Thanks' });
    expect(w.task(ANA, id)?.inactivityExpiresAt).toBe(385_000);
  });

  it('DX-3: extend moves the deadline by the queue’s extension; at the deadline the server unassigns and keeps a record', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    const id = w.accepted(ANA, 'dq-chat');
    expect(refusalOf(() => w.engine.apply(ANA, { type: 'inactivity.extend', taskId: id })).message).toMatch(/not running/);
    w.scheduler.frame = 1_000;
    w.send(ANA, id, { text: 'Are you still there?' });
    w.scheduler.frame = 10_000;
    w.engine.apply(ANA, { type: 'inactivity.extend', taskId: id });
    expect(w.task(ANA, id)?.inactivityExpiresAt).toBe(301_000);
    expect(w.engine.threadOf(id).at(-1)).toMatchObject({
      announcement: 'inactivityExtended',
      text: 'Ana Popescu gave the customer 2 more minutes.',
    });
    w.advance(290_999);
    expect(w.task(ANA, id)?.status).toBe('active');
    const mark = w.log.length;
    w.advance(1);
    const events = w.since(mark, ANA);
    expect(messagesAdded(events)).toMatchObject([{ announcement: 'customerLeft', at: 301_000 }]);
    expect(ofType(events, 'task.removed')).toEqual([{ type: 'task.removed', taskId: id, reason: 'unassigned', at: 301_000 }]);
    expect(w.contact(id)).toMatchObject({ status: 'ended', endedAs: 'unassigned' });
    expect(w.engine.threadOf(id).at(-1)?.announcement).toBe('customerLeft');
  });

  it('DX-3: a queue without an extension refuses it; one without the timer never unassigns', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['sms', 'email']);
    const sms = w.accepted(ANA, 'dq-sms');
    w.send(ANA, sms, { text: 'Hello' });
    expect(w.task(ANA, sms)?.inactivityExpiresAt).toBe(DEFAULT_THREAD_LOAD_MS + 900_000);
    expect(refusalOf(() => w.engine.apply(ANA, { type: 'inactivity.extend', taskId: sms })).message).toBe(
      'This queue does not allow giving the customer more time.',
    );
    const email = w.accepted(ANA, 'dq-email');
    w.send(ANA, email, { html: '<p>Hi</p>', email: { to: ['x@example.com'], cc: [], subject: 'Re: x', mode: 'reply' } });
    expect(w.task(ANA, email)?.inactivityExpiresAt).toBeUndefined();
  });
});

describe('ending (TP-11, TP-14, WU)', () => {
  it('TP-11/WU-2: ending a chat announces “Conversation closed” and starts the forced wrap-up; Close with a reason removes it', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    const id = w.accepted(ANA, 'dq-chat');
    w.scheduler.frame = 60_000;
    const mark = w.log.length;
    w.engine.apply(ANA, { type: 'task.end', taskId: id });
    const events = w.since(mark, ANA);
    expect(messagesAdded(events)).toMatchObject([{ author: 'system', announcement: 'closed', text: 'Conversation closed.', at: 60_000 }]);
    expect(w.task(ANA, id)).toMatchObject({ status: 'wrapUp', since: 60_000, wrapUp: { forced: true, expiresAt: 90_000 } });
    expect(w.contact(id)).toMatchObject({ status: 'ended', endedAs: 'closed', agentId: ANA });
    expect(refusalOf(() => w.engine.apply(ANA, { type: 'task.close', taskId: id })).code).toBe('wrapUp.reasonRequired');
    w.engine.apply(ANA, { type: 'task.close', taskId: id, reasonId: 'resolved' });
    expect(ofType(w.eventsOf(ANA), 'task.removed').at(-1)).toMatchObject({ taskId: id, reason: 'closed' });
  });

  it('WU-1: SMS closes without wrap-up; WU-3: a wrap-up nobody closes is closed by the server after its grace', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['sms', 'social']);
    const sms = w.accepted(ANA, 'dq-sms');
    w.engine.apply(ANA, { type: 'task.end', taskId: sms });
    expect(w.task(ANA, sms)).toBeUndefined();
    expect(ofType(w.eventsOf(ANA), 'task.removed').at(-1)).toMatchObject({ taskId: sms, reason: 'closed' });
    const social = w.accepted(ANA, 'dq-social');
    w.engine.apply(ANA, { type: 'task.end', taskId: social });
    w.advance(30_000 + 5_000 - 1);
    expect(w.task(ANA, social)?.status).toBe('wrapUp');
    w.advance(1);
    expect(w.task(ANA, social)).toBeUndefined();
  });

  it('SL-11: sign-out is refused while a conversation or its wrap-up remains', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['email']);
    const id = w.accepted(ANA, 'dq-email');
    w.engine.apply(ANA, { type: 'media.setState', media: ['email'], status: 'notReady' });
    expect(refusalOf(() => w.engine.apply(ANA, { type: 'session.signOut' })).message).toMatch(/conversations/);
    w.engine.apply(ANA, { type: 'task.end', taskId: id });
    w.engine.apply(ANA, { type: 'task.close', taskId: id, reasonId: 'resolved' });
    w.engine.apply(ANA, { type: 'session.signOut' });
    expect(w.engine.isSignedIn(ANA)).toBe(false);
  });
});

describe('channel types (DX-7)', () => {
  it('DX-7: a contact through Acme Messenger is offered as chat with its channel type, without the web bot, and RONA takes the Chat/Social group', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA);
    const id = w.engine.injectContact({ queueId: 'dq-acme', text: 'hey, my order?' });
    expect(w.task(ANA, id)).toMatchObject({ media: 'chat', channelTypeId: 'acme-messenger', queueName: 'Acme Messenger' });
    expect(w.task(ANA, id)?.from).toMatch(/^@/);
    expect(w.engine.threadOf(id).map((m) => m.author)).toEqual(['customer']);
    w.advance(30_000);
    expect(['chat', 'sms', 'social', 'email'].map((m) => w.status(ANA, m as Media)?.status)).toEqual([
      'notReady',
      'notReady',
      'notReady',
      'ready',
    ]);
  });

  it('DX-7: a channel type can be given on injection; one the tenant lacks, or of another medium, is refused', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat']);
    const id = w.engine.injectContact({ queueId: 'dq-chat', channelTypeId: 'acme-messenger' });
    expect(w.task(ANA, id)?.channelTypeId).toBe('acme-messenger');
    expect(() => w.engine.injectContact({ queueId: 'dq-chat', channelTypeId: 'pigeon-post' })).toThrow(/pigeon-post/);
    expect(() => w.engine.injectContact({ queueId: 'dq-email', channelTypeId: 'acme-messenger' })).toThrow(/Email channel type/);
    expect(() => w.engine.injectContact({ queueId: 'dq-chat', media: 'email' })).toThrow(/takes Chat, not Email/);
    expect(() => w.engine.injectContact({ queueId: 'q-sales' })).toThrow(/No digital queue/);
  });
});

describe('reconnecting and the world (SE-4, determinism, traffic)', () => {
  it('SE-4: the snapshot carries digital tasks with their deadlines and customer details; threads are fetched again with thread.load', () => {
    const w = world();
    w.signIn(ANA);
    w.ready(ANA, ['chat', 'email']);
    const chat = w.accepted(ANA, 'dq-chat');
    w.send(ANA, chat, { text: 'One moment.' });
    const email = w.engine.injectContact({ queueId: 'dq-email' });
    const snapshot = w.engine.snapshot(ANA);
    expect(snapshot.tasks.map((t) => [t.id, t.status])).toEqual([
      [chat, 'active'],
      [email, 'offered'],
    ]);
    expect(snapshot.tasks).toEqual(w.engine.tasks(ANA));
    expect(snapshot.tasks[0]).toMatchObject({
      inactivityExpiresAt: DEFAULT_THREAD_LOAD_MS + 180_000,
      timers: { customerInactivityMs: 180_000 },
    });
    expect(snapshot.tasks[1]).toMatchObject({ offerExpiresAt: DEFAULT_THREAD_LOAD_MS + 120_000, customer: expect.any(Array) });
    const mark = w.log.length;
    w.engine.apply(ANA, { type: 'thread.load', taskId: chat });
    w.advance(DEFAULT_THREAD_LOAD_MS);
    expect(ofType(w.since(mark, ANA), 'thread.loaded')[0]?.messages).toEqual(w.engine.threadOf(chat));
  });

  it('the digital scenario: contacts wait on every medium and reach the first agent once Ready, within the caps', () => {
    const w = world({ scenario: SCENARIOS.digital });
    w.signIn(ANA);
    expect(w.engine.tasks(ANA)).toEqual([]);
    w.ready(ANA);
    const byMedia = (media: Media) => w.engine.tasks(ANA).filter((t) => t.media === media).length;
    expect(DIGITAL_MEDIA.map(byMedia)).toEqual([3, 1, 1, 1]);
    expect(w.engine.tasks(ANA).some((t) => t.channelTypeId === 'acme-messenger')).toBe(true);
    expect(
      w.engine
        .contacts()
        .filter((c) => c.status === 'waiting')
        .map((c) => c.media),
    ).toEqual(['email']);
  });

  it('traffic: off, digital queues stay still; on, contacts arrive and background staff take them; off again, no timer is left', () => {
    const w = world({ scenario: SCENARIOS.liveTraffic, traffic: false });
    w.advance(10 * 60_000);
    expect(w.engine.contacts()).toEqual([]);
    w.engine.setTraffic(true);
    w.advance(10 * 60_000);
    expect(new Set(w.engine.contacts().map((c) => c.media))).toEqual(new Set(DIGITAL_MEDIA));
    expect(w.engine.contacts().some((c) => c.status === 'virtual' || c.endedAs === 'completed')).toBe(true);
    w.engine.setTraffic(false);
    expect(w.scheduler.actions).toHaveLength(0);
  });

  it('determinism: the same seed replays ten minutes of digital traffic and conversations event for event; another seed does not', () => {
    const run = (seed: number) => {
      const w = world({ scenario: SCENARIOS.liveTraffic, seed, traffic: true });
      // A diligent agent on every digital medium: accepts after 2 s, answers after 5 s, ends after a minute, closes 5 s later.
      w.engine.changesOf(ANA).subscribe((event) => {
        if (event.type !== 'task.updated' || event.task.media === 'voice') return;
        const { id, status, media } = event.task;
        const later = (ms: number, command: Parameters<SimContactCenter['apply']>[1]) =>
          w.scheduler.schedule(() => {
            if (w.task(ANA, id)) w.engine.apply(ANA, command);
          }, ms);
        const email =
          media === 'email' ? { email: { to: [event.task.from!], cc: [], subject: 'Re: your email', mode: 'reply' as const } } : {};
        if (status === 'offered') later(2_000, { type: 'task.accept', taskId: id });
        if (status === 'active' && event.task.startedAt === event.at) {
          later(5_000, {
            type: 'message.send',
            taskId: id,
            message: { clientId: `${id}-a`, text: 'Hello, I am looking into it.', ...email },
          });
          later(60_000, { type: 'task.end', taskId: id });
        }
        if (status === 'wrapUp') later(5_000, { type: 'task.close', taskId: id, reasonId: 'resolved' });
      });
      w.signIn(ANA);
      w.ready(ANA, ['chat', 'sms', 'email']);
      w.advance(10 * 60_000);
      return w;
    };
    const first = run(7);
    expect(run(7).log).toEqual(first.log);
    expect(run(8).log).not.toEqual(first.log);
    const kinds = new Set(first.eventsOf(ANA).map((e) => (e.type === 'message.added' ? `message:${e.message.author}` : e.type)));
    expect([...kinds]).toEqual(
      expect.arrayContaining([
        'task.updated',
        'thread.loaded',
        'message:agent',
        'message:customer',
        'message:system',
        'message.updated',
        'task.removed',
      ]),
    );
  });
});
