// <cc-provider>: one client shared by every widget inside it (PL-2), their language (PL-4) and
// their keyboard shortcuts (KB).

import { html, LitElement, css, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider, provide } from '@lit/context';
import type { CcClient } from '@cc-elements/core';
import { clientContext, shortcutContext } from '../internal/context.js';
import { StoreController } from '../internal/store-controller.js';
import { setActiveLocale } from '../internal/locale.js';
import type { Shortcuts } from '../internal/shortcuts.js';

/**
 * @summary Gives one client to every cc-elements widget placed inside it, sets their language and
 * their keyboard shortcuts.
 *
 * KB: shortcuts act while focus is inside a widget on the same client; `global-shortcuts` makes them
 * page-wide (never from the host's own text fields), and `shortcuts` remaps or turns off actions
 * for every widget inside (a widget's own `shortcuts` win over these).
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

  /** KB: the shortcut table for the widgets inside — only the actions to change ("Ctrl+Shift+4", "Mod+Enter"); `null` turns one off. */
  @property({ attribute: false }) shortcuts: Shortcuts = {};

  /** KB: the widgets' shortcuts act wherever focus is on the page (not in the host's own fields), not only inside the widgets. */
  @property({ type: Boolean, reflect: true, attribute: 'global-shortcuts' }) globalShortcuts = false;

  readonly #shortcuts = new ContextProvider(this, { context: shortcutContext, initialValue: { shortcuts: {}, global: false } });

  /** The client the store bridge follows: this provider's own. */
  get activeClient(): CcClient | undefined {
    return this.client;
  }

  /** PL-4: the agent's choice from the client, followed while no `locale` attribute is set. */
  readonly #store = new StoreController<{ locale: string | undefined }>(this, (client) => ({ locale: client.locale$ }));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('shortcuts') || changed.has('globalShortcuts')) {
      this.#shortcuts.setValue({ shortcuts: this.shortcuts ?? {}, global: this.globalShortcuts });
    }
  }

  protected override updated(): void {
    // After the bridge's update, so a new client's choice is read in the same update.
    this.#apply();
  }

  /** What this provider last asked for: with neither attribute nor choice left, the widgets go back to English. */
  #applied: string | undefined;

  #apply(): void {
    const wanted = this.locale || this.#store.value.locale;
    if (wanted === this.#applied) return;
    this.#applied = wanted;
    void setActiveLocale(wanted);
  }

  override render() {
    return html`<slot></slot>`;
  }
}
