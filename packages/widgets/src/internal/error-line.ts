// A failed command, as every widget shows it: the sentence for its code and the backend's trace id
// (SL-10), in an alert region that is always there so screen readers hear it when it fills.

import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ErrorInfo } from '@cc-elements/core';
import { errorMessage } from './messages.js';

export function errorLine(failure: ErrorInfo | undefined): TemplateResult {
  return html`<div role="alert" class="alert">
    ${
      failure
        ? html`<p part="error" class="error" data-code=${failure.code}>
            ${errorMessage(failure)}
            ${failure.traceId ? html`<span class="trace">${msg(str`Trace id: ${failure.traceId}`)}</span>` : nothing}
          </p>`
        : nothing
    }
  </div>`;
}
