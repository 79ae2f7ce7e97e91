// What the task pane stories need beyond stories/support.ts: Ana signed in on the simulator's
// digital channels, Ready, with contacts injected, offered or accepted (their threads loaded), and
// — for two states the simulator cannot show at a precise moment — a scripted backend: receipts in
// every state side by side, and response and inactivity timers in their last seconds.

import { DEFAULT_TENANT, SYSTEM_REASONS, type CcClient, type Message, type Task } from '@cc-elements/core';
import { createTestAdapter, type TestAdapter } from '@cc-elements/core/testing';
import { SCENARIOS, type InjectedContact, type SimContactCenter, type SimScenario } from '@cc-elements/adapter-sim';
import { signedInClient, slowCommand, storyClient, until } from './support.js';

/** What the task pane stories' loaders hand to render and play. */
export interface TaskPaneLoaded {
  readonly client?: CcClient;
  /** The simulated contact center, for a story's play. */
  readonly engine?: SimContactCenter;
  /** The contacts the story is about, in the order injected. */
  readonly taskIds?: readonly string[];
}

export interface PaneWorldOptions {
  /** How long a chat offer waits for Accept before RONA (the simulator's default is much longer). */
  readonly chatOfferTimeoutMs?: number;
}

/** The digital scenario with no contact waiting at the start and customers who write only when told. */
export function paneWorld(options: PaneWorldOptions = {}): SimScenario {
  const base = SCENARIOS.digital;
  return {
    ...base,
    title: 'Task pane',
    customersReply: false,
    queues: base.queues.map((queue) => ({
      ...queue,
      waitingAtStart: 0,
      ...(queue.id === 'dq-chat' && options.chatOfferTimeoutMs !== undefined ? { offerTimeoutMs: options.chatOfferTimeoutMs } : {}),
    })),
  };
}

export interface ContactsOptions {
  readonly world?: SimScenario;
  /** Accept the contacts (their threads loaded) instead of leaving them offered. */
  readonly accept?: boolean;
  /** The thread of the first contact never arrives (TP-5 loading). */
  readonly slowThreads?: boolean;
  /** The first contact's thread fails to load once (TP-5 Retry). */
  readonly failThread?: boolean;
  /** Ready on Voice too, so a call can be put through (TP-15). */
  readonly voice?: boolean;
}

/** Ana, Ready on Chat/Social and Email, and the contacts put in their queues. */
export async function contacts(given: readonly InjectedContact[], options: ContactsOptions = {}): Promise<Required<TaskPaneLoaded>> {
  let engine: SimContactCenter | undefined;
  const client = await signedInClient(options.world ?? paneWorld(), {
    station: { kind: 'extension', extension: '1001' },
    teamId: 'team-billing',
    latencyMs: 40,
    channels: [
      { target: 'chatSocial', status: 'ready' },
      { target: 'email', status: 'ready' },
      ...(options.voice ? [{ target: 'voice', status: 'ready' } as const] : []),
    ],
    adapt: (sim) => {
      engine = sim.engine;
      return options.slowThreads ? slowCommand(sim, 'thread.load', 600_000) : sim;
    },
  });
  const taskIds = given.map((contact) => engine!.injectContact(contact));
  await until(
    client,
    (s) => taskIds.every((id) => s.tasks.some((t) => t.id === id && t.status === 'offered')),
    'the contacts to be offered',
  );
  if (options.failThread) engine!.failNextThreadLoad(taskIds[0]);
  if (options.accept) {
    for (const id of taskIds) await client.accept(id);
    const settled = (id: string) => (options.slowThreads || options.failThread ? id !== taskIds[0] : true);
    await until(
      client,
      (s) => taskIds.every((id) => s.threads[id]?.status === (settled(id) ? 'loaded' : options.failThread ? 'failed' : 'loading')),
      'the threads',
    );
    // The first one is shown (the core shows the last accepted).
    client.selectTask(taskIds[0]);
  }
  return { client, engine: engine!, taskIds };
}

const SAM: InjectedContact = { queueId: 'dq-chat', customerName: 'Sam Carter', text: 'Hi, my parcel has not arrived.' };

/** One chat with Sam Carter, accepted. */
export const samChat = (options: Omit<ContactsOptions, 'accept'> = {}) => contacts([SAM], { ...options, accept: true });

/** TP-15: Sam's chat, then Ana takes a call: the simulator stops chats during calls (clock and transfer). */
export async function samChatDuringCall(): Promise<Required<TaskPaneLoaded>> {
  const loaded = await contacts([SAM], { accept: true, voice: true });
  const { client, engine, taskIds } = loaded;
  const callId = engine.injectCall({ queueId: 'q-sales', customerName: 'Marc Lefèvre' });
  await until(client, (s) => s.tasks.some((t) => t.id === callId && t.status === 'offered'), 'the call');
  await client.accept(callId);
  await until(client, (s) => s.tasks.some((t) => t.id === taskIds[0] && t.pausedSince !== undefined), 'the chat to stop');
  client.selectTask(taskIds[0]);
  return loaded;
}

export const CONTACTS = {
  sam: SAM,
  ioana: { queueId: 'dq-sms', customerName: 'Ioana Radu', text: 'Can I change my delivery address?' },
  leo: { queueId: 'dq-social', customerName: 'Léo Martin', text: '@Acme my order is late again' },
  chloe: { queueId: 'dq-email', customerName: 'Chloé Dubois', subject: 'Invoice 2291', text: 'Please send my invoice again.' },
  acme: { queueId: 'dq-acme', customerName: 'Wei Zhang', text: 'Hello from Acme Messenger' },
} as const satisfies Record<string, InjectedContact>;

/** A scripted backend with Ana signed in and Ready on every digital medium, and these tasks and threads. */
function scripted(
  tasks: readonly Task[],
  threads: Readonly<Record<string, readonly Message[]>>,
): Required<Omit<TaskPaneLoaded, 'engine'>> & { readonly adapter: TestAdapter } {
  const adapter = createTestAdapter();
  // storyClient registers the client so the story runner disposes of it; the adapter is ours.
  const client = storyClient({ adapt: () => adapter });
  const { tenant, agents } = SCENARIOS.digital;
  adapter.respond((command) => {
    if (command.type === 'thread.load')
      adapter.emit({ type: 'thread.loaded', taskId: command.taskId, messages: threads[command.taskId] ?? [] });
  });
  adapter.emit({ type: 'connection.changed', status: 'connected' });
  adapter.emit({ type: 'profile.loaded', profile: agents[0]!, tenant: { ...DEFAULT_TENANT, ...tenant } });
  adapter.emit({
    type: 'session.signedIn',
    session: { role: 'agent', station: { kind: 'extension', extension: '1001' }, signedInAt: client.scheduler.now() },
  });
  for (const media of ['chat', 'sms', 'social', 'email'] as const) adapter.emit({ type: 'media.stateChanged', media, status: 'ready' });
  for (const task of tasks) adapter.emit({ type: 'task.updated', task });
  client.selectTask(tasks[0]?.id);
  return { client, adapter, taskIds: tasks.map((t) => t.id) };
}

function chatTask(id: string, now: number, over: Partial<Task> = {}): Task {
  return {
    id,
    media: 'chat',
    status: 'active',
    since: now - 300_000,
    startedAt: now - 300_000,
    customerName: 'Sam Carter',
    queueId: 'dq-chat',
    queueName: 'Web chat',
    customer: [
      { id: 'email', label: 'Email', value: 'sam.carter@example.com' },
      { id: 'order', label: 'Order', value: 'A-1042', editable: true },
    ],
    ...over,
  };
}

/**
 * ST-6: a chat offer that went unanswered. On the simulator the notice is raised and then dropped at
 * once: the core drops RONA notices as soon as one medium of the group is still Ready, and the
 * simulator moves chat, SMS and social to Not Ready one after the other. Here the group is Not
 * Ready before the offer is taken back, as a backend that sends the group's change first does.
 */
export function missedOffer(): Required<Omit<TaskPaneLoaded, 'engine'>> {
  const now = Date.now();
  const { startedAt: _started, ...offer } = chatTask('chat-missed', now, { status: 'offered', since: now - 30_000, offerExpiresAt: now });
  const { client, adapter, taskIds } = scripted([offer], {});
  for (const media of ['chat', 'sms', 'social'] as const) {
    adapter.emit({ type: 'media.stateChanged', media, status: 'notReady', reasonId: SYSTEM_REASONS.rona });
  }
  adapter.emit({ type: 'task.removed', taskId: offer.id, reason: 'rona' });
  return { client, taskIds };
}

/** TP-12: a reply in every receipt state, the failed one with the backend's words and Resend. */
export function receipts(): Required<Omit<TaskPaneLoaded, 'engine'>> {
  const now = Date.now();
  const at = (ago: number) => now - ago;
  const id = 'chat-receipts';
  const agent = (n: number, text: string, receipt: Message['receipt'], extra: Partial<Message> = {}): Message => ({
    id: `${id}-a${n}`,
    taskId: id,
    author: 'agent',
    authorName: 'Ana Popescu',
    at: at(60_000 - n * 10_000),
    text,
    ...(receipt ? { receipt } : {}),
    ...extra,
  });
  return scripted([chatTask(id, now)], {
    [id]: [
      { id: `${id}-c1`, taskId: id, author: 'customer', at: at(120_000), text: 'Hi, my parcel has not arrived.' },
      agent(1, 'Hello Sam, let me look.', 'read'),
      agent(2, 'It left the warehouse on Monday.', 'delivered'),
      agent(3, 'Tracking: AC-55120.', 'sent'),
      agent(4, 'Anything else I can do?', 'failed', { error: { code: 'api', message: 'The customer closed the chat window.' } }),
    ],
  });
}

/** DX-2/DX-3: the follow-up reply due in seconds and the customer about to be unassigned, with Extend. */
export function timersExpiring(): Required<Omit<TaskPaneLoaded, 'engine'>> {
  const now = Date.now();
  const id = 'chat-timers';
  const task = chatTask(id, now, {
    timers: { firstResponseMs: 60_000, followUpMs: 120_000, customerInactivityMs: 300_000, inactivityExtensionMs: 120_000 },
    inactivityExpiresAt: now + 25_000,
  });
  return scripted([task], {
    [id]: [
      { id: `${id}-c1`, taskId: id, author: 'customer', at: now - 200_000, text: 'Hi, my parcel has not arrived.' },
      { id: `${id}-a1`, taskId: id, author: 'agent', authorName: 'Ana Popescu', at: now - 150_000, text: 'Let me check.', receipt: 'read' },
      { id: `${id}-c2`, taskId: id, author: 'customer', at: now - 108_000, text: 'Any news?' },
    ],
  });
}
