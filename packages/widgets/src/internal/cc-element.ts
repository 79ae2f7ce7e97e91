// The base of every widget: the client (explicit property or from <cc-provider>), the token
// sheet, and typed `cc-*` events.

import { html, LitElement, nothing, type CSSResultGroup, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg } from '@lit/localize';
import type { CcClient, ConnectionState } from '@cc-elements/core';
import { clientContext } from './context.js';
import { StoreController } from './store-controller.js';
import { tokens } from './tokens.js';
import { defineWidgetsIn } from './lazy.js';
import { activeLocale } from './locale.js';

export abstract class CcElement extends LitElement {
  static override styles: CSSResultGroup = [tokens];

  /** The client to show and command; when unset, the one from the nearest <cc-provider>. */
  @property({ attribute: false }) client: CcClient | undefined;

  /** Colour scheme: follows the system unless set to `light` or `dark`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected contextClient: CcClient | undefined;

  /** The client in use: `client` when set, else the one from the nearest <cc-provider>. */
  get activeClient(): CcClient | undefined {
    return this.client ?? this.contextClient;
  }

  constructor() {
    super();
    // Widgets this one renders in its shadow root load on first use, as in the document.
    this.addController({ hostUpdated: () => defineWidgetsIn(this.renderRoot) });
    // PL-4: the host says which language its text is in, so screen readers pronounce it right.
    this.addController({ hostUpdated: () => this.#markLanguage() });
  }

  /** The `lang` this widget last set on itself; a `lang` a host page set is left alone. */
  #langSet: string | undefined;

  #markLanguage(): void {
    const current = this.getAttribute('lang');
    if (current !== null && current !== this.#langSet) return;
    const locale = activeLocale();
    if (current !== locale) this.setAttribute('lang', locale);
    this.#langSet = locale;
  }

  readonly #connection = new StoreController<{ connection: ConnectionState }>(this, (client) => ({ connection: client.connection$ }));

  /** SE-4: the backend connection dropped; the adapter is reconnecting and commands are refused meanwhile. */
  protected get connectionLost(): boolean {
    return this.#connection.value.connection?.status === 'lost';
  }

  /** SE-4: the banner every widget shows while the connection is lost (controls are unavailable). */
  protected renderConnectionBanner(): TemplateResult | typeof nothing {
    if (!this.connectionLost) return nothing;
    return html`<p part="connection-lost" class="connection-lost" role="alert">
      ${msg('Connection to the contact center lost — reconnecting. Actions are unavailable until it is back; nothing is lost.')}
    </p>`;
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
