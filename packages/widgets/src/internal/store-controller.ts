// The one bridge from the core's observables to a widget: subscribes while the host is
// connected, re-subscribes when the host's client changes, and requests a render per change.

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { combineLatest, type Observable, type Subscription } from 'rxjs';
import type { CcClient } from '@cc-elements/core';

export type Bindings<T> = { readonly [K in keyof T]: Observable<T[K]> };

export interface ClientHost extends ReactiveControllerHost {
  /** The client in use: an explicit `.client`, else the one from <cc-provider>. */
  readonly activeClient: CcClient | undefined;
}

export class StoreController<T extends object> implements ReactiveController {
  /** The latest value of each binding; undefined until the first emission or without a client. */
  value: Partial<T> = {};
  readonly #host: ClientHost;
  readonly #bind: (client: CcClient) => Bindings<T>;
  #client: CcClient | undefined;
  #subscription: Subscription | undefined;
  #connected = false;

  constructor(host: ClientHost, bind: (client: CcClient) => Bindings<T>) {
    this.#host = host;
    this.#bind = bind;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
  }

  hostUpdate(): void {
    // Runs before render: values the new client gives at once are drawn by this very update.
    if (this.#host.activeClient !== this.#client) this.#sync({ duringUpdate: true });
  }

  #sync({ duringUpdate = false } = {}): void {
    this.#unsubscribe();
    this.#client = this.#host.activeClient;
    this.value = {};
    if (!this.#connected || !this.#client) return;
    const bindings = this.#bind(this.#client);
    const keys = Object.keys(bindings) as (keyof T)[];
    // combineLatest delivers the first full set at once, so a widget never renders half-bound.
    let subscribing = true;
    this.#subscription = combineLatest(keys.map((k) => bindings[k])).subscribe((values) => {
      const next: Partial<T> = {};
      keys.forEach((k, i) => (next[k] = values[i] as T[keyof T]));
      this.value = next;
      if (!(subscribing && duringUpdate)) this.#host.requestUpdate();
    });
    subscribing = false;
  }

  #unsubscribe(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
  }
}
