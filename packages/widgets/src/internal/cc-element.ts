// The base of every widget: the client (explicit property or from <cc-provider>), the token
// sheet, and typed `cc-*` events.

import { LitElement, type CSSResultGroup } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CcClient } from '@cc-elements/core';
import { clientContext } from './context.js';
import { tokens } from './tokens.js';

export abstract class CcElement extends LitElement {
  static override styles: CSSResultGroup = [tokens];

  /** The client to show and command; when unset, the one from the nearest <cc-provider>. */
  @property({ attribute: false }) client: CcClient | undefined;

  /** Colour scheme: follows the system unless set to `light` or `dark`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected contextClient: CcClient | undefined;

  get activeClient(): CcClient | undefined {
    return this.client ?? this.contextClient;
  }

  /** Dispatches a bubbling, composed `cc-*` event; returns false when a host cancelled it. */
  protected emit<K extends keyof HTMLElementEventMap>(
    type: K,
    detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }
}
