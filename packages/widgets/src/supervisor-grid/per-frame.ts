// SV-5: at most one value per animation frame. The roster may change a thousand times a second;
// the grid draws what is true at the next frame, never each change.

import { Observable, type MonoTypeOperatorFunction } from 'rxjs';

/** Deliveries due at the next frame, all run from one requestAnimationFrame callback. */
const due = new Set<() => void>();
let requested = false;

function atNextFrame(deliver: () => void): void {
  due.add(deliver);
  if (requested) return;
  requested = true;
  requestAnimationFrame(() => {
    requested = false;
    const deliveries = [...due];
    due.clear();
    for (const run of deliveries) run();
  });
}

/**
 * The first value passes at once (a widget draws its state without waiting a frame); later ones
 * are held and only the latest is delivered at the next animation frame. Every `perFrame` stream
 * delivers from the same frame callback, so the values due in one frame reach an element together
 * and it renders once for all of them.
 */
export function perFrame<T>(): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      let first = true;
      let held: { readonly value: T } | undefined;
      const deliver = () => {
        const value = held;
        held = undefined;
        if (value) subscriber.next(value.value);
      };
      const subscription = source.subscribe({
        next(value) {
          if (first) {
            first = false;
            subscriber.next(value);
            return;
          }
          held = { value };
          atNextFrame(deliver);
        },
        error: (error: unknown) => subscriber.error(error),
        complete() {
          deliver();
          subscriber.complete();
        },
      });
      return () => {
        due.delete(deliver);
        held = undefined;
        subscription.unsubscribe();
      };
    });
}
