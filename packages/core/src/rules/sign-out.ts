// SL-11: sign-out is allowed only when every channel is Not Ready (or idle) and no work is open.

import type { CcState } from '../store/state.js';
import { signedInMedia } from './channels.js';

export const SIGN_OUT_BLOCKERS = ['notSignedIn', 'channelReady', 'activeWork', 'wrapUp'] as const;
export type SignOutBlocker = (typeof SIGN_OUT_BLOCKERS)[number];

export interface SignOutAllowance {
  readonly allowed: boolean;
  /** Every reason it is not allowed, in the order a person should fix them. */
  readonly blockers: readonly SignOutBlocker[];
}

export function signOutAllowance(state: CcState): SignOutAllowance {
  if (!state.session) return { allowed: false, blockers: ['notSignedIn'] };
  const blockers: SignOutBlocker[] = [];
  if (signedInMedia(state).some((m) => m.status === 'ready')) blockers.push('channelReady');
  if (state.tasks.some((t) => t.status === 'offered' || t.status === 'active' || t.status === 'held')) blockers.push('activeWork');
  if (state.tasks.some((t) => t.status === 'wrapUp')) blockers.push('wrapUp');
  return { allowed: blockers.length === 0, blockers };
}
