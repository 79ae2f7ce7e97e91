import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TENANT } from '../model/tenant.js';
import type { CcState } from './state.js';
import { sameItems, select, Store } from './store.js';

function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('Store', () => {
  it('PL-2: state$ replays the current state and emits only when an event changes it', () => {
    const store = new Store();
    const seen: CcState[] = [];
    const subscription = store.state$.subscribe((s) => seen.push(s));
    store.dispatch({ type: 'connection.changed', status: 'connected', at: 10 });
    // Same status again: the reducer returns the same state, so nobody is woken up.
    store.dispatch({ type: 'connection.changed', status: 'connected', at: 20 });
    store.dispatch({ type: 'task.removed', taskId: 'unknown', at: 30 });
    subscription.unsubscribe();
    expect(seen.map((s) => s.connection.status)).toEqual(['idle', 'connected']);
    expect(store.state.connection).toEqual({ status: 'connected', since: 10 });
  });

  it('PL-2: select emits a slice only when it changes', () => {
    const store = new Store();
    const tenants: unknown[] = [];
    const subscription = store.select((s) => s.tenant).subscribe((t) => tenants.push(t));
    store.dispatch({ type: 'connection.changed', status: 'connecting', at: 1 });
    store.dispatch({ type: 'connection.changed', status: 'connected', at: 2 });
    const tenant = { ...DEFAULT_TENANT, retryAttempts: 9 };
    store.dispatch({ type: 'profile.loaded', profile: { id: 'a', name: 'A', roles: ['agent'], teams: [] }, tenant, at: 3 });
    subscription.unsubscribe();
    expect(tenants).toEqual([DEFAULT_TENANT, tenant]);
  });

  it('PL-2: one select is shared: the projection runs once per state however many widgets listen', () => {
    const store = new Store();
    let runs = 0;
    const status$ = store.select((s) => {
      runs++;
      return s.connection.status;
    });
    const first: string[] = [];
    const second: string[] = [];
    const a = status$.subscribe((v) => first.push(v));
    const b = status$.subscribe((v) => second.push(v));
    store.dispatch({ type: 'connection.changed', status: 'connected', at: 5 });
    a.unsubscribe();
    b.unsubscribe();
    expect(first).toEqual(['idle', 'connected']);
    // The late subscriber got the replayed value without a second projection.
    expect(second).toEqual(['idle', 'connected']);
    expect(runs).toBe(2);
  });

  it('PL-2: select stops listening to the store when its last subscriber leaves (refCount)', () => {
    const store = new Store();
    let runs = 0;
    const status$ = store.select((s) => (runs++, s.connection.status));
    status$.subscribe().unsubscribe();
    store.dispatch({ type: 'connection.changed', status: 'connected', at: 5 });
    expect(runs).toBe(1);
  });
});

describe('select', () => {
  it('PL-2: drops repeated values and uses the given comparison (marbles)', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('a-b-c-d-e|', { a: [1], b: [1], c: [1, 2], d: [1, 2], e: [3] });
      expectObservable(select(source, (list) => list.length)).toBe('a---c---e|', { a: 1, c: 2, e: 1 });
    });
    testScheduler().run(({ cold, expectObservable }) => {
      const one = ['x'];
      const source = cold('a-b-c|', { a: { items: one }, b: { items: ['x'] }, c: { items: ['y'] } });
      expectObservable(select(source, (s) => s.items, sameItems)).toBe('a---c|', { a: one, c: ['y'] });
    });
  });

  it('sameItems compares arrays item by item, by identity', () => {
    const item = { id: 1 };
    expect(sameItems([item], [item])).toBe(true);
    expect(sameItems([item], [{ id: 1 }])).toBe(false);
    expect(sameItems([item], [item, item])).toBe(false);
    expect(sameItems([], [])).toBe(true);
  });
});
