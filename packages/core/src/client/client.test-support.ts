// Test support for the client's tests: virtual time that lets promises settle between timer
// actions, and ways to look at a promise's outcome.

import { VirtualTimeScheduler } from 'rxjs';
import { expect } from 'vitest';
import { CcError } from '../errors.js';

/** Lets promise callbacks (adapter answers, storage) run; no timers involved. */
export function settle(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Virtual time for code that mixes scheduler timers and promises: runs due actions one instant
 * at a time and lets promises settle in between, so a retry that follows a rejected promise is
 * scheduled exactly as in a browser.
 */
export function virtualTime() {
  const scheduler = new VirtualTimeScheduler();
  return {
    scheduler,
    async advance(ms: number): Promise<void> {
      const target = scheduler.frame + ms;
      await settle();
      for (let next = scheduler.actions[0]; next && next.delay <= target; next = scheduler.actions[0]) {
        scheduler.maxFrames = next.delay;
        scheduler.flush();
        await settle();
      }
      scheduler.frame = target;
    },
  };
}

/** Records how a promise ended, without awaiting it. */
export function track<T>(promise: Promise<T>) {
  const outcome: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(outcome, { settled: true, value }),
    (error: unknown) => Object.assign(outcome, { settled: true, error }),
  );
  return outcome;
}

export async function rejection(promise: Promise<unknown>): Promise<CcError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CcError);
  return error as CcError;
}
