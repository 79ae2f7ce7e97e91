// Channel rules of ST-1…ST-5: group views, the indicator, the reason menu and what a state
// change really changes.

import {
  CHANNELS,
  mediaOf,
  type Channel,
  type ChannelView,
  type ErrorInfo,
  type IndicatorState,
  type Media,
  type MediaState,
  type ReasonCode,
} from '../model/channel.js';
import type { CcState } from '../store/state.js';

/** What a state menu entry targets: one group, or "All" (every group). */
export type ChannelTarget = Channel | 'all';

export function signedInMedia(state: CcState): MediaState[] {
  return state.tenant.media.flatMap((m) => state.media[m] ?? []);
}

/** The groups the agent has, each with one derived status (ST-1). */
export function channelViews(state: CcState): ChannelView[] {
  return CHANNELS.flatMap((channel) => {
    const media = mediaOf(channel, state.tenant.media).flatMap((m) => state.media[m] ?? []);
    if (media.length === 0) return [];
    return [groupView(channel, media)];
  });
}

function groupView(channel: Channel, media: readonly MediaState[]): ChannelView {
  const first = media[0]!;
  const uniform = media.every((m) => m.status === first.status && m.reasonId === first.reasonId);
  const errors: ErrorInfo[] = media.flatMap((m) => (m.error ? [m.error] : []));
  const since = Math.max(...media.map((m) => m.since));
  if (uniform) {
    return { channel, status: first.status, since, media, errors, ...(first.reasonId === undefined ? {} : { reasonId: first.reasonId }) };
  }
  // Media of one group that disagree only in their reason still read as Not Ready.
  if (media.every((m) => m.status === 'notReady')) return { channel, status: 'notReady', since, media, errors };
  return { channel, status: 'partial', since, media, errors };
}

/**
 * ST-5: the indicator. Not signed in (nothing signed in yet, nothing failed); sign-in failed (no
 * medium signed in and at least one failed); all Not Ready; all Ready; and partial — the media
 * do not agree (some signed in and some not, or some Ready and some Not Ready).
 */
export function indicatorState(state: CcState): IndicatorState {
  const media = signedInMedia(state);
  if (!state.session || media.length === 0) return 'signedOut';
  const working = media.filter((m) => m.status === 'ready' || m.status === 'notReady');
  if (working.length === 0) return media.some((m) => m.status === 'failed') ? 'failed' : 'signedOut';
  if (working.length < media.length) return 'partial';
  if (working.every((m) => m.status === 'notReady')) return 'allNotReady';
  if (working.every((m) => m.status === 'ready')) return 'allReady';
  return 'partial';
}

/**
 * ST-3: the Not Ready reasons to offer for a target. A group's menu never lists the reason it is
 * already in. "All" has no specific reasons (seed 002): only plain Ready and Not Ready.
 */
export function reasonMenu(state: CcState, target: ChannelTarget): readonly ReasonCode[] {
  if (target === 'all') return [];
  const media = mediaOf(target, state.tenant.media).flatMap((m) => state.media[m] ?? []);
  const current =
    media.length > 0 && media.every((m) => m.status === 'notReady' && m.reasonId === media[0]!.reasonId) ? media[0]!.reasonId : undefined;
  return state.tenant.notReadyReasons.filter((r) => r.id !== current);
}

export interface StateChangeRequest {
  readonly target: ChannelTarget;
  readonly status: 'ready' | 'notReady';
  readonly reasonId?: string;
}

/**
 * ST-4: which media a request really changes. A specific reason outranks "All → Not Ready":
 * a medium already Not Ready (with or without a reason) is left alone by a plain Not Ready;
 * choosing a specific reason on a group always applies it. Failed or signed-out media are
 * left to the retry rule, and a medium already in the requested state is not asked again.
 */
export function mediaToChange(state: CcState, request: StateChangeRequest): Media[] {
  const channels = request.target === 'all' ? CHANNELS : [request.target];
  const media = channels.flatMap((c) => mediaOf(c, state.tenant.media)).flatMap((m) => state.media[m] ?? []);
  return media
    .filter((m) => m.status === 'ready' || m.status === 'notReady')
    .filter((m) => {
      if (request.status === 'ready') return m.status !== 'ready';
      if (request.reasonId === undefined) return m.status !== 'notReady';
      return !(m.status === 'notReady' && m.reasonId === request.reasonId);
    })
    .map((m) => m.media);
}

/**
 * ST-1/ST-3: the entries of a target's state menu, in order — Ready, a plain Not Ready, then the
 * reasons. A group never offers the state it is already in (nor the reason already chosen) and
 * offers nothing while none of its media is signed in; "All" offers plain Ready and Not Ready.
 */
export function stateMenu(state: CcState, target: ChannelTarget): StateChangeRequest[] {
  if (target === 'all')
    return [
      { target, status: 'ready' },
      { target, status: 'notReady' },
    ];
  const media = mediaOf(target, state.tenant.media).flatMap((m) => state.media[m] ?? []);
  if (!media.some((m) => m.status === 'ready' || m.status === 'notReady')) return [];
  const view = groupView(target, media);
  const entries: StateChangeRequest[] = [];
  if (view.status !== 'ready') entries.push({ target, status: 'ready' });
  if (!(view.status === 'notReady' && view.reasonId === undefined)) entries.push({ target, status: 'notReady' });
  for (const reason of reasonMenu(state, target)) entries.push({ target, status: 'notReady', reasonId: reason.id });
  return entries;
}

/** The label of a reason id, or undefined for a plain Not Ready or an unknown id. */
export function reasonLabel(state: CcState, reasonId: string | undefined): string | undefined {
  return reasonId === undefined ? undefined : state.tenant.notReadyReasons.find((r) => r.id === reasonId)?.label;
}
