// Media and the channel groups an agent sees (ST-1): Voice, Chat/Social (chat, SMS, social) and Email.
// State is kept per medium because a medium can fail on its own (seed 002: one Chat/Social
// medium failing shows the group as partial); commands and the UI speak in groups.

export const MEDIA = ['voice', 'chat', 'sms', 'social', 'email'] as const;
export type Media = (typeof MEDIA)[number];

export const CHANNELS = ['voice', 'chatSocial', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

const CHANNEL_OF: Record<Media, Channel> = {
  voice: 'voice',
  chat: 'chatSocial',
  sms: 'chatSocial',
  social: 'chatSocial',
  email: 'email',
};

export function channelOf(media: Media): Channel {
  return CHANNEL_OF[media];
}

export function mediaOf(channel: Channel, enabled: readonly Media[] = MEDIA): Media[] {
  return enabled.filter((m) => CHANNEL_OF[m] === channel);
}

export const MEDIA_STATUSES = ['signedOut', 'signingIn', 'failed', 'notReady', 'ready'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/** A Not Ready reason configured by the backend; the same list serves voice and digital (ST-3). */
export interface ReasonCode {
  readonly id: string;
  readonly label: string;
}

/**
 * Not Ready reasons the backend sets by itself after an offer went unanswered or was declined
 * (ST-6, ST-8). They are never offered in the state menu.
 */
export const SYSTEM_REASONS = { declined: 'cc.declined', missed: 'cc.missed', rona: 'cc.rona' } as const;
export type SystemReasonId = (typeof SYSTEM_REASONS)[keyof typeof SYSTEM_REASONS];

export function isSystemReason(reasonId: string | undefined): reasonId is SystemReasonId {
  return reasonId === SYSTEM_REASONS.declined || reasonId === SYSTEM_REASONS.missed || reasonId === SYSTEM_REASONS.rona;
}

export interface ErrorInfo {
  readonly code: string;
  readonly message: string;
  readonly traceId?: string;
}

export interface MediaState {
  readonly media: Media;
  readonly status: MediaStatus;
  /** Set only while Not Ready with a specific reason; absent for a plain "Not Ready". */
  readonly reasonId?: string;
  /** Scheduler time (ms) the status began; ST-9 ticks from it. */
  readonly since: number;
  /** Why sign-in or the last state change failed on this medium. */
  readonly error?: ErrorInfo;
  /** Automatic sign-in attempts made so far for a failed medium (ST-5 retries); kept while it signs in again. */
  readonly attempts?: number;
}

/** A group as the agent sees it: one status derived from its media. */
export interface ChannelView {
  readonly channel: Channel;
  readonly status: MediaStatus | 'partial';
  readonly reasonId?: string;
  readonly since: number;
  readonly media: readonly MediaState[];
  readonly errors: readonly ErrorInfo[];
}

/** ST-5: the five looks of the channel indicator. */
export const INDICATOR_STATES = ['signedOut', 'failed', 'allNotReady', 'allReady', 'partial'] as const;
export type IndicatorState = (typeof INDICATOR_STATES)[number];
