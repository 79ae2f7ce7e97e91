// What happens around an offer: the countdown (CB-1), RONA (ST-6), a decline and the unavailable
// time after it (ST-8), a caller who hangs up first, a consultation that fails. Pure: given the
// state before an event and the event, say what the agent must be told and which media must go
// Not Ready. The client carries it out.

import { channelOf, mediaOf, SYSTEM_REASONS, type Channel, type Media } from '../model/channel.js';
import type { Notice } from '../model/notice.js';
import type { OfferRules } from '../model/tenant.js';
import type { Task } from '../model/task.js';
import type { DomainEvent } from '../store/events.js';
import type { CcState } from '../store/state.js';

/** The offer rules for the signed-in person: the profile's own values win (seed 000: "configurable per user"). */
export function offerRules(state: CcState): OfferRules {
  return { ...state.tenant.offerRules, ...state.profile?.offerRules };
}

/** ms before RONA at `now`; undefined when the task is not an offer with a deadline. */
export function offerRemainingMs(task: Task | undefined, now: number): number | undefined {
  if (!task || task.status !== 'offered' || task.offerExpiresAt === undefined) return undefined;
  return Math.max(0, task.offerExpiresAt - now);
}

export function isOfferExpired(task: Task, now: number): boolean {
  return task.status === 'offered' && task.offerExpiresAt !== undefined && now >= task.offerExpiresAt;
}

/**
 * ST-6: the media a missed offer makes Not Ready — the whole Chat/Social group for a chat, SMS
 * or social offer, only Email for an email, only Voice for a call.
 */
export function ronaMedia(media: Media, enabled: readonly Media[]): Media[] {
  return mediaOf(channelOf(media), enabled);
}

/** The reason a missed or declined offer leaves the agent in (what the backend sets, and the core too). */
export function missedReason(state: CcState, media: Media): string {
  return media === 'voice' && offerRules(state).missedUnavailableMs !== null ? SYSTEM_REASONS.missed : SYSTEM_REASONS.rona;
}

/** What a notice says about its task, so it can name the interaction after the task has gone. */
export function aboutTask(task: Task): Pick<Notice, 'taskId' | 'media' | 'channel' | 'from' | 'customerName' | 'queueId' | 'queueName'> {
  return {
    taskId: task.id,
    media: task.media,
    channel: channelOf(task.media),
    ...(task.from === undefined ? {} : { from: task.from }),
    ...(task.customerName === undefined ? {} : { customerName: task.customerName }),
    ...(task.queueId === undefined ? {} : { queueId: task.queueId }),
    ...(task.queueName === undefined ? {} : { queueName: task.queueName }),
  };
}

export interface OfferOutcome {
  readonly notices: readonly Notice[];
  /** Notices no longer true (the agent is Ready again on that channel). */
  readonly dismiss: readonly string[];
  /** ST-6: media still Ready that must go Not Ready, with the reason. */
  readonly notReady?: { readonly media: readonly Media[]; readonly reasonId: string };
}

const NOTHING: OfferOutcome = { notices: [], dismiss: [] };

/** What an event means for the agent, judged against the state before it. */
export function offerOutcome(before: CcState, after: CcState, event: DomainEvent): OfferOutcome {
  switch (event.type) {
    case 'task.removed':
      return removedOutcome(before, after, event);
    case 'task.updated':
      return consultOutcome(before, event);
    case 'media.stateChanged':
      // Only a medium becoming Ready ends what RONA or a decline said: a group going Not Ready one
      // medium at a time must not wipe the notice it just raised.
      return event.status === 'ready' ? { notices: [], dismiss: staleNotices(after, channelOf(event.media)) } : NOTHING;
    default:
      return NOTHING;
  }
}

function removedOutcome(before: CcState, after: CcState, event: Extract<DomainEvent, { type: 'task.removed' }>): OfferOutcome {
  const task = before.tasks.find((t) => t.id === event.taskId);
  // DX-3: the customer went silent past the inactivity deadline and the contact was unassigned.
  if (task && event.reason === 'unassigned') {
    return { notices: [{ id: `unassigned:${task.id}`, kind: 'unassigned', at: event.at, ...aboutTask(task) }], dismiss: [] };
  }
  if (!task || task.status !== 'offered') return NOTHING;
  const base = { at: event.at, ...aboutTask(task) };
  const rules = offerRules(before);
  switch (event.reason) {
    case 'rona': {
      const unavailableMs = task.media === 'voice' ? rules.missedUnavailableMs : null;
      const notice: Notice = {
        id: `rona:${task.id}`,
        kind: 'rona',
        ...base,
        ...(unavailableMs === null ? {} : { until: event.at + unavailableMs }),
      };
      const reasonId = missedReason(before, task.media);
      // The backend usually does this itself; the core makes sure the whole group follows (ST-6).
      const media = ronaMedia(task.media, after.tenant.media).filter((m) => after.media[m]?.status === 'ready');
      return { notices: [notice], dismiss: [], ...(media.length === 0 ? {} : { notReady: { media, reasonId } }) };
    }
    case 'declined': {
      const until = task.media === 'voice' ? { until: event.at + rules.declinedUnavailableMs } : {};
      return { notices: [{ id: `declined:${task.id}`, kind: 'declined', ...base, ...until }], dismiss: [] };
    }
    case 'abandoned':
      return { notices: [{ id: `abandoned:${task.id}`, kind: 'abandoned', ...base }], dismiss: [] };
    default:
      return NOTHING;
  }
}

function consultOutcome(before: CcState, event: Extract<DomainEvent, { type: 'task.updated' }>): OfferOutcome {
  const consult = event.task.consult;
  const previous = before.tasks.find((t) => t.id === event.task.id)?.consult;
  if (consult?.status === 'failed' && previous?.status !== 'failed') {
    const notice: Notice = {
      id: `consultFailed:${event.task.id}`,
      kind: 'consultFailed',
      at: event.at,
      ...aboutTask(event.task),
      ...(consult.error === undefined ? {} : { error: consult.error }),
    };
    return { notices: [notice], dismiss: [] };
  }
  // The consultation is over (cancelled, completed): its failure notice has nothing left to say.
  if (consult?.status !== 'failed' && previous?.status === 'failed') return { notices: [], dismiss: [`consultFailed:${event.task.id}`] };
  return NOTHING;
}

/** RONA and decline notices of a channel end once the agent is Ready again on it. */
function staleNotices(state: CcState, channel: Channel): string[] {
  return state.notices.filter((n) => (n.kind === 'rona' || n.kind === 'declined') && n.channel === channel).map((n) => n.id);
}
