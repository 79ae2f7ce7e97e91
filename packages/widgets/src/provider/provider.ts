// <cc-provider>: one client shared by every widget inside it (PL-2), and their language (PL-4).

import { html, LitElement, css, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { Subscription } from 'rxjs';
import type { CcClient } from '@cc-elements/core';
import { clientContext } from '../internal/context.js';
import { setActiveLocale } from '../internal/locale.js';

/**
 * @summary Gives one client to every cc-elements widget placed inside it, and sets their language.
 * @slot - The widgets (at any depth, through shadow roots too).
 */
export class CcProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The client the widgets inside use, from `createClient()`. */
  @provide({ context: clientContext })
  @property({ attribute: false })
  client: CcClient | undefined;

  /**
   * PL-4: the widgets' language (`en`, `fr`, `ro`; `fr-CA` → `fr`; others → English with a warning).
   * When unset, the language the agent chose through the client (`client.setLocale`) applies.
   * The language is page-wide: every widget on the page follows the last one set.
   */
  @property({ reflect: true }) locale: string | undefined;

  /** PL-4: the agent's choice from the client, followed while no `locale` attribute is set. */
  #clientLocale: string | undefined;
  #subscription: Subscription | undefined;
  #subscribedTo: CcClient | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#follow(this.client);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#follow(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') && this.isConnected) this.#follow(this.client);
    if (changed.has('locale')) this.#apply();
  }

  #follow(client: CcClient | undefined): void {
    if (client === this.#subscribedTo) return;
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#subscribedTo = client;
    this.#clientLocale = undefined;
    if (!client) return;
    this.#subscription = client.locale$.subscribe((locale) => {
      this.#clientLocale = locale;
      this.#apply();
    });
  }

  /** What this provider last asked for: with neither attribute nor choice left, the widgets go back to English. */
  #applied: string | undefined;

  #apply(): void {
    const wanted = this.locale || this.#clientLocale;
    if (wanted === this.#applied) return;
    this.#applied = wanted;
    void setActiveLocale(wanted);
  }

  override render() {
    return html`<slot></slot>`;
  }
}
