// PL-5: an update that takes away the control holding keyboard focus (a form giving way to its
// summary, a closed wrap-up) would drop focus to the page. A widget adds a FocusKeeper naming
// where focus goes then; the keeper notes before each render whether focus was inside and, after
// it, moves focus there when it was lost.

import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FocusKeeper implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #fallback: () => HTMLElement | null | undefined;
  #hadFocus = false;

  constructor(host: ReactiveControllerHost & HTMLElement, fallback: () => HTMLElement | null | undefined) {
    this.#host = host;
    this.#fallback = fallback;
    host.addController(this);
  }

  hostUpdate(): void {
    this.#hadFocus = this.#host.shadowRoot?.activeElement != null;
  }

  hostUpdated(): void {
    if (this.#hadFocus && !this.#host.shadowRoot?.activeElement) this.#fallback()?.focus();
  }
}
