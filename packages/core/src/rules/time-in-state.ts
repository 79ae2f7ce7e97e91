// ST-9: time in the current state, ticking on the injected scheduler (never Date.now()).

import { map, startWith, switchMap, timer, type Observable, type SchedulerLike, distinctUntilChanged } from 'rxjs';

/** Milliseconds elapsed since each value of `since$`, refreshed every `periodMs`. */
export function elapsedSince(
  since$: Observable<number | undefined>,
  scheduler: SchedulerLike,
  periodMs = 1000,
): Observable<number | undefined> {
  return since$.pipe(
    distinctUntilChanged(),
    switchMap((since) => {
      if (since === undefined) return [undefined];
      // Ticks fall on whole periods after `since`, not after subscribing, so a view opened
      // mid-second turns over with every other view of the same state.
      const elapsed = Math.max(0, scheduler.now() - since);
      return timer(periodMs - (elapsed % periodMs), periodMs, scheduler).pipe(
        map(() => Math.max(0, scheduler.now() - since)),
        startWith(elapsed),
      );
    }),
  );
}
