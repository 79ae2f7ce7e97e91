import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { elapsedSince } from './time-in-state.js';

function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('elapsedSince', () => {
  it('ST-9: ticks each second from `since` and restarts when the state changes', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const since$ = hot('a 2499ms b', { a: 0, b: 2500 });
      const expected = 'a 999ms b 999ms c 499ms d 999ms e 999ms f';
      expectObservable(elapsedSince(since$, scheduler), '^ 4999ms !').toBe(expected, {
        a: 0,
        b: 1000,
        c: 2000,
        d: 0,
        e: 1000,
        f: 2000,
      });
    });
  });

  it('ST-9: a state that began before the view opened ticks on its own whole seconds', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      // The channel went Ready at t=0; the widget subscribes at t=2400. It must show 2400 ms at
      // once and turn to 3 s at t=3000, the same instant as any other view of that state.
      const since$ = hot('2400ms a', { a: 0 });
      expectObservable(elapsedSince(since$, scheduler), '^ 4100ms !').toBe('2400ms a 599ms b 999ms c', { a: 2400, b: 3000, c: 4000 });
    });
  });

  it('ST-9: a repeated `since` does not restart the count', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const since$ = hot('a 1499ms a', { a: 0 });
      expectObservable(elapsedSince(since$, scheduler), '^ 2500ms !').toBe('a 999ms b 999ms c', { a: 0, b: 1000, c: 2000 });
    });
  });

  it('ST-9: no state, no time (undefined), and the ticking stops', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const since$ = hot('a 1499ms u', { a: 0, u: undefined });
      expectObservable(elapsedSince(since$, scheduler), '^ 4000ms !').toBe('a 999ms b 499ms u', { a: 0, b: 1000, u: undefined });
    });
  });

  it('ST-9: the period can be changed', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      expectObservable(elapsedSince(hot('a', { a: 0 }), scheduler, 250), '^ 600ms !').toBe('a 249ms b 249ms c', { a: 0, b: 250, c: 500 });
    });
  });
});
