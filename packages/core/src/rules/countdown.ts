// Countdowns to a server deadline (CB-1 offer, WU-2 wrap-up, ST-8 unavailable time), on the
// injected scheduler. The deadline is the server's, so a reload or reconnect resumes where it was.

import { distinctUntilChanged, map, startWith, switchMap, takeWhile, timer, type Observable, type SchedulerLike } from 'rxjs';

/**
 * Milliseconds left until each value of `deadline$` (never below 0), emitted now and then on
 * every whole second before the deadline, so "0:03" turns to "0:02" exactly a second apart and
 * the last value is 0 at the deadline itself. Undefined while there is no deadline.
 */
export function remaining(
  deadline$: Observable<number | undefined>,
  scheduler: SchedulerLike,
  periodMs = 1000,
): Observable<number | undefined> {
  return deadline$.pipe(
    distinctUntilChanged(),
    switchMap((deadline) => {
      if (deadline === undefined) return [undefined];
      const left = Math.max(0, deadline - scheduler.now());
      if (left === 0) return [0];
      const firstTick = left % periodMs || periodMs;
      return timer(firstTick, periodMs, scheduler).pipe(
        map(() => Math.max(0, deadline - scheduler.now())),
        takeWhile((ms) => ms > 0, true),
        startWith(left),
      );
    }),
  );
}

/** Emits once when `deadline` is reached (at once if it has passed). */
export function at(deadline: number, scheduler: SchedulerLike): Observable<0> {
  return timer(Math.max(0, deadline - scheduler.now()), scheduler).pipe(map(() => 0 as const));
}
