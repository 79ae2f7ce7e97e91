import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { at, remaining } from './countdown.js';

const testScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('remaining', () => {
  it('CB-1: counts down on whole seconds before the deadline and ends on 0 at the deadline', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      // Deadline 2500 ms after subscribing: 2500 now, 2000 at 500 ms, 1000 at 1500 ms, 0 at 2500 ms, then silence.
      const deadline$ = hot('a', { a: 2500 });
      expectObservable(remaining(deadline$, scheduler), '^ 4000ms !').toBe('a 499ms b 999ms c 999ms d', {
        a: 2500,
        b: 2000,
        c: 1000,
        d: 0,
      });
    });
  });

  it('a deadline already passed (a reload after RONA) gives 0 once; no deadline gives undefined', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const deadline$ = hot('1000ms a 999ms u', { a: 500, u: undefined });
      expectObservable(remaining(deadline$, scheduler), '^ 3000ms !').toBe('1000ms a 999ms u', { a: 0, u: undefined });
    });
  });

  it('WU-4: a new deadline (the server extended it) restarts the count from it', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const deadline$ = hot('a 499ms b', { a: 2000, b: 4000 });
      expectObservable(remaining(deadline$, scheduler), '^ 1600ms !').toBe('a 499ms b 499ms c', { a: 2000, b: 3500, c: 3000 });
    });
  });
});

describe('at', () => {
  it('fires at the deadline, or at once when it has passed', () => {
    const scheduler = testScheduler();
    scheduler.run(({ expectObservable }) => {
      expectObservable(at(300, scheduler)).toBe('300ms (a|)', { a: 0 });
      expectObservable(at(-5, scheduler)).toBe('(a|)', { a: 0 });
    });
  });
});
