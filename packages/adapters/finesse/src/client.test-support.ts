// What the Finesse adapter's tests and its failover soak share: waiting for the client's state,
// and watching the connection statuses it passes through.

import type { CcClient, CcState } from '@cc-elements/core';

/** Resolves once the client's state passes the test (or fails, naming what was awaited). */
export function until(client: CcClient, test: (s: CcState) => boolean, what: string, ms = 8_000): Promise<CcState> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.unsubscribe();
      reject(new Error(`Timed out waiting for ${what}`));
    }, ms);
    const sub = client.state$.subscribe((s) => {
      if (!test(s)) return;
      clearTimeout(timer);
      queueMicrotask(() => sub.unsubscribe());
      resolve(s);
    });
  });
}

/** Every connection status the client passes through from now on (a failover may be over before a test looks). */
export function statuses(client: CcClient): { readonly seen: string[]; stop(): void } {
  const seen: string[] = [];
  const sub = client.connection$.subscribe((c) => {
    if (seen.at(-1) !== c.status) seen.push(c.status);
  });
  return { seen, stop: () => sub.unsubscribe() };
}
