// ST-5: a medium whose sign-in failed for a reason worth retrying is signed in again
// automatically, up to the tenant's number of attempts, on the injected scheduler.

import {
  EMPTY,
  filter,
  from,
  groupBy,
  map,
  mergeMap,
  pairwise,
  startWith,
  switchMap,
  timer,
  catchError,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import { MEDIA, type Media } from '../model/channel.js';
import { isRetryable } from '../errors.js';
import type { CcState } from '../store/state.js';

export interface RetryStep {
  readonly media: Media;
  readonly attempt: number;
}

/**
 * Emits a step each time a failed medium is due for another sign-in attempt. A medium that
 * leaves the failed state, or is gone, cancels its pending attempt.
 */
export function retrySteps(
  state$: Observable<CcState>,
  scheduler: SchedulerLike,
): Observable<RetryStep & { readonly delayMs: number; readonly limit: number }> {
  return state$.pipe(
    // Every medium on every state, absent ones too: a medium that disappears (sign-out) must
    // cancel its pending attempt, or a sign-in would be sent after the agent left.
    mergeMap((state) =>
      MEDIA.map((media) => ({ media, m: state.media[media], limit: state.tenant.retryAttempts, delayMs: state.tenant.retryDelayMs })),
    ),
    groupBy(({ media }) => media),
    mergeMap((perMedium$) =>
      perMedium$.pipe(
        startWith(undefined),
        pairwise(),
        filter(([before, now]) => now !== undefined && before?.m !== now.m),
        map(([, now]) => now!),
        switchMap(({ m, limit, delayMs }) => {
          const attempts = m?.attempts ?? 0;
          if (!m || m.status !== 'failed' || !m.error || !isRetryable(m.error.code) || attempts >= limit) return EMPTY;
          return timer(delayMs, scheduler).pipe(map(() => ({ media: m.media, attempt: attempts + 1, delayMs, limit })));
        }),
      ),
    ),
  );
}

/** Runs the steps through `signIn`, reporting each attempt first; errors end as a failed state. */
export function runRetries(
  steps$: Observable<RetryStep>,
  report: (step: RetryStep) => void,
  signIn: (media: Media) => Promise<void>,
): Observable<void> {
  return steps$.pipe(
    mergeMap((step) => {
      report(step);
      return from(signIn(step.media)).pipe(catchError(() => EMPTY));
    }),
  );
}
