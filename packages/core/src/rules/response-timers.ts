// DX-2…DX-4: the clocks of a digital contact, as pure functions of the task, its thread and the
// time: the agent's first-response and follow-up deadlines, the customer-inactivity countdown that
// unassigns the contact, and the service levels counted in business hours. Widgets tick them with
// `remaining()` on the scheduler; nothing here reads the clock.

import type { DigitalSettings, ServiceLevels } from '../model/digital.js';
import type { Message } from '../model/message.js';
import type { Task } from '../model/task.js';
import { addBusinessTime, businessTimeBetween } from './business-hours.js';

export interface ResponseDeadline {
  readonly kind: 'firstResponse' | 'followUp';
  /** When this clock started (assignment, or the customer message waiting for an answer). */
  readonly since: number;
  readonly deadline: number;
}

/** Work in hand: an offer has not been assigned yet, a task in wrap-up has no conversation left. */
const inConversation = (task: Task) => task.status === 'active' || task.status === 'held';

/** When the contact was assigned to me: the clock of DX-2 and DX-3 starts there. */
const assignedAt = (task: Task) => task.startedAt ?? task.since;

/**
 * Index (in thread order) of my last reply since assignment, or -1. Bot and system messages are not
 * replies; a message that failed to send did not reach the customer; earlier agents' messages
 * (before a transfer to me) are history.
 */
function lastReplyIndex(task: Task, messages: readonly Message[]): number {
  const since = assignedAt(task);
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const m = messages[i]!;
    if (m.author === 'agent' && m.receipt !== 'failed' && m.at >= since) return i;
  }
  return -1;
}

/**
 * DX-2: the response clock running now, if any. First response: from assignment until my first
 * message. Follow-up: from the latest customer message after my last reply (it restarts with each
 * one) until I reply. Undefined when the timer is off for the queue or nobody is waiting for me.
 */
export function responseDeadline(task: Task, messages: readonly Message[]): ResponseDeadline | undefined {
  if (!inConversation(task)) return undefined;
  const timers = task.timers ?? {};
  const reply = lastReplyIndex(task, messages);
  if (reply < 0) {
    const since = assignedAt(task);
    return timers.firstResponseMs === undefined ? undefined : { kind: 'firstResponse', since, deadline: since + timers.firstResponseMs };
  }
  const waiting = messages.slice(reply + 1).filter((m) => m.author === 'customer');
  if (waiting.length === 0 || timers.followUpMs === undefined) return undefined;
  const since = waiting[waiting.length - 1]!.at;
  return { kind: 'followUp', since, deadline: since + timers.followUpMs };
}

export interface InactivityDeadline {
  /** When the contact is unassigned unless the customer writes (or the agent extends). */
  readonly deadline: number;
  /** DX-3: the "extend" button is shown (the queue sets an extension). */
  readonly canExtend: boolean;
}

/**
 * DX-3: the customer-inactivity countdown. It runs once I have written, from my latest message, as
 * long as the customer has not answered it. The backend's deadline (`inactivityExpiresAt`, moved by
 * "extend") wins when it has one: it is the backend that unassigns.
 */
export function inactivityDeadline(task: Task, messages: readonly Message[]): InactivityDeadline | undefined {
  if (!inConversation(task)) return undefined;
  const timers = task.timers ?? {};
  const canExtend = (timers.inactivityExtensionMs ?? 0) > 0;
  if (task.inactivityExpiresAt !== undefined) return { deadline: task.inactivityExpiresAt, canExtend };
  const reply = lastReplyIndex(task, messages);
  if (reply < 0 || timers.customerInactivityMs === undefined) return undefined;
  if (messages.slice(reply + 1).some((m) => m.author === 'customer')) return undefined;
  return { deadline: messages[reply]!.at + timers.customerInactivityMs, canExtend };
}

/** DX-4: one service-level clock, in business ms. */
export interface SlaClock {
  /** The target, in business ms. */
  readonly targetMs: number;
  /** Business ms used so far (until the first reply, once there is one). */
  readonly elapsedMs: number;
  /** Business ms left, never below 0. */
  readonly remainingMs: number;
  readonly breached: boolean;
  /** The first response was given: this clock has stopped. */
  readonly stopped: boolean;
  /** The instant the target is reached if the clock runs (Infinity when business hours never open). */
  readonly deadline: number;
}

export interface SlaStatus {
  readonly firstResponse?: SlaClock;
  /** Until the case is resolved, which happens after the agent's work on it: it never stops here. */
  readonly solution?: SlaClock;
}

/** DX-4: the service levels of a medium: its own values where set, the global ones otherwise. */
export function serviceLevelsFor(settings: Pick<DigitalSettings, 'serviceLevels'>, media: Task['media']): ServiceLevels {
  const { perMedia, ...global } = settings.serviceLevels;
  const own = perMedia?.[media] ?? {};
  const firstResponseMs = own.firstResponseMs ?? global.firstResponseMs;
  const solutionMs = own.solutionMs ?? global.solutionMs;
  return {
    ...(firstResponseMs === undefined ? {} : { firstResponseMs }),
    ...(solutionMs === undefined ? {} : { solutionMs }),
  };
}

/**
 * DX-4: first-response and solution times counted in business hours from the customer's request
 * (`requestedAt`, else `since`). The first response is any agent's — the service level is the
 * contact's, not mine — so a reply before a transfer to me has stopped it.
 */
export function slaStatus(
  task: Task,
  messages: readonly Message[],
  settings: Pick<DigitalSettings, 'serviceLevels' | 'businessHours'>,
  now: number,
): SlaStatus {
  const levels = serviceLevelsFor(settings, task.media);
  const start = task.requestedAt ?? task.since;
  const hours = settings.businessHours;
  const clock = (targetMs: number, end: number | undefined): SlaClock => {
    const elapsedMs = businessTimeBetween(start, end ?? now, hours);
    return {
      targetMs,
      elapsedMs,
      remainingMs: Math.max(0, targetMs - elapsedMs),
      breached: elapsedMs > targetMs,
      stopped: end !== undefined,
      deadline: addBusinessTime(start, targetMs, hours),
    };
  };
  const firstReply = messages
    .filter((m) => m.author === 'agent' && m.receipt !== 'failed' && m.at >= start)
    .reduce<number | undefined>((first, m) => (first === undefined || m.at < first ? m.at : first), undefined);
  return {
    ...(levels.firstResponseMs === undefined ? {} : { firstResponse: clock(levels.firstResponseMs, firstReply) }),
    ...(levels.solutionMs === undefined ? {} : { solution: clock(levels.solutionMs, undefined) }),
  };
}
