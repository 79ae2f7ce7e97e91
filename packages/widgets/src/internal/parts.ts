// Small pieces of markup several widgets draw the same way: a command button that shows its
// command is on its way, and a dismissible notice.

import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { CcClient, Notice } from '@cc-elements/core';

/**
 * A command button: while its command is on its way it says busy and ignores presses, and stays
 * focusable (aria-disabled, not disabled) so the keyboard user is not thrown out. `keys`: its
 * shortcut, as `aria-keyshortcuts` (KB).
 */
export function commandButton(
  part: string,
  label: string,
  busy: boolean,
  press: () => unknown,
  variant = '',
  keys?: string,
): TemplateResult {
  return html`<button
    part=${part}
    class=${variant}
    type="button"
    aria-keyshortcuts=${keys ?? nothing}
    aria-busy=${busy ? 'true' : 'false'}
    aria-disabled=${busy ? 'true' : 'false'}
    @click=${() => !busy && press()}
  >
    ${label}
  </button>`;
}

/** One notice (RONA, a decline, a failed consultation…) with its Dismiss button. */
export function noticeItem(notice: Notice, text: string, client: CcClient | undefined): TemplateResult {
  return html`<li part="notice" data-kind=${notice.kind} data-notice-id=${notice.id}>
    <p>${text}</p>
    <button part="dismiss" type="button" aria-label=${msg('Dismiss this notice')} @click=${() => client?.dismissNotice(notice.id)}>
      ${msg('Dismiss')}
    </button>
  </li>`;
}
