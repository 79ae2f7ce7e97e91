// ST-8: after a declined (or, in the 8x8 model, a missed) call the agent is unavailable for a
// while — 10 s unless the tenant or the person says otherwise — then Ready again by itself.
// The time counts from when the backend made the agent unavailable, so a reload does not restart it.

import { distinctUntilChanged, EMPTY, map, switchMap, type Observable, type SchedulerLike } from 'rxjs';
import { SYSTEM_REASONS, type MediaState } from '../model/channel.js';
import type { CcState } from '../store/state.js';
import { at } from './countdown.js';
import { offerRules } from './offers.js';

export interface AutoReturn {
  /** When voice goes Ready again (scheduler ms). */
  readonly at: number;
  /** The unavailable state it ends; a different state by then cancels it. */
  readonly since: number;
  readonly reasonId: string;
}

/** The pending return to Ready, if voice is in an unavailable state that ends by itself. */
export function autoReturn(state: CcState): AutoReturn | undefined {
  const voice: MediaState | undefined = state.media.voice;
  if (!state.session || voice?.status !== 'notReady' || voice.reasonId === undefined) return undefined;
  const rules = offerRules(state);
  const ms =
    voice.reasonId === SYSTEM_REASONS.declined
      ? rules.declinedUnavailableMs
      : voice.reasonId === SYSTEM_REASONS.missed
        ? rules.missedUnavailableMs
        : null;
  return ms === null ? undefined : { at: voice.since + ms, since: voice.since, reasonId: voice.reasonId };
}

/** Emits each pending return when it is due; a state change before then cancels it. */
export function autoReturnsDue(state$: Observable<CcState>, scheduler: SchedulerLike): Observable<AutoReturn> {
  return state$.pipe(
    map(autoReturn),
    distinctUntilChanged((a, b) => a?.at === b?.at && a?.since === b?.since && a?.reasonId === b?.reasonId),
    switchMap((due) => (due ? at(due.at, scheduler).pipe(map(() => due)) : EMPTY)),
  );
}
