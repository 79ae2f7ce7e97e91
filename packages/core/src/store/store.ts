// The store: a private BehaviorSubject, a public state$, change only through domain events.

import { BehaviorSubject, distinctUntilChanged, map, shareReplay, type Observable } from 'rxjs';
import type { DomainEvent } from './events.js';
import { reduce } from './reducer.js';
import { INITIAL_STATE, type CcState } from './state.js';

export class Store {
  readonly #state: BehaviorSubject<CcState>;
  readonly state$: Observable<CcState>;

  constructor(initial: CcState = INITIAL_STATE) {
    this.#state = new BehaviorSubject(initial);
    this.state$ = this.#state.asObservable();
  }

  get state(): CcState {
    return this.#state.value;
  }

  dispatch(event: DomainEvent): void {
    const next = reduce(this.#state.value, event);
    if (next !== this.#state.value) this.#state.next(next);
  }

  /** A slice that emits only when it changes, shared by every subscriber. */
  select<T>(project: (state: CcState) => T, compare?: (a: T, b: T) => boolean): Observable<T> {
    return select(this.state$, project, compare);
  }

  complete(): void {
    this.#state.complete();
  }
}

export function select<S, T>(source$: Observable<S>, project: (state: S) => T, compare?: (a: T, b: T) => boolean): Observable<T> {
  return source$.pipe(map(project), distinctUntilChanged(compare), shareReplay({ bufferSize: 1, refCount: true }));
}

/** Shallow equality of arrays, for selectors that build new arrays of unchanged items. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
