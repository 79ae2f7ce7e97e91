// One change of the simulated world at a time: the voice and digital ACDs both run their work
// through here, so however deeply changes nest (the server setting Not Ready inside a RONA), the
// world settles once, at the outermost — routing every medium, then telling everyone the figures.

import type { SchedulerLike, Subscription } from 'rxjs';

export class Operations {
  readonly #scheduler: SchedulerLike;
  readonly #settle: (at: number) => void;
  #depth = 0;

  /** `settle` routes and publishes; it runs after each outermost operation that did not throw. */
  constructor(scheduler: SchedulerLike, settle: (at: number) => void) {
    this.#scheduler = scheduler;
    this.#settle = settle;
  }

  /** Runs `work` as one change of the world, then settles unless it is nested in another. */
  run(at: number, work: () => void): void {
    this.#depth += 1;
    try {
      work();
    } finally {
      this.#depth -= 1;
    }
    if (this.#depth > 0) return;
    // Settling is itself a change: what it causes settles with it, not again.
    this.#depth += 1;
    try {
      this.#settle(at);
    } finally {
      this.#depth -= 1;
    }
  }

  /** Runs `work` later on the scheduler, as an operation of its own; unsubscribe to cancel it. */
  schedule(delay: number, work: (now: number) => void): Subscription {
    return this.#scheduler.schedule(
      () => {
        const now = this.#scheduler.now();
        this.run(now, () => work(now));
      },
      Math.max(0, delay),
    );
  }
}

export function cancel(timer: Subscription | undefined): undefined {
  timer?.unsubscribe();
  return undefined;
}
