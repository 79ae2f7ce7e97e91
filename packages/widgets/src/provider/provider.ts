// <cc-provider>: one client shared by every widget inside it (PL-2).

import { html, LitElement, css } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { CcClient } from '@cc-elements/core';
import { clientContext } from '../internal/context.js';

/**
 * @summary Gives one client to every cc-elements widget placed inside it.
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

  override render() {
    return html`<slot></slot>`;
  }
}
