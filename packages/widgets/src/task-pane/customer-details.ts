// TP-4, TP-14, TP-15, DX-2, DX-3: the head of the shown conversation — customer name, timer,
// Transfer (routing points of this medium only) and End — and the customer details: up to 10
// fields in view then a scroll, editable ones shaded on hover, Save/Cancel with the outcome.

import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { CustomerField, DigitalTransferView, ErrorInfo, Task, TenantSettings, TransferTarget } from '@cc-elements/core';
import { errorMessage } from '../internal/messages.js';
import { formatDuration } from '../internal/format.js';
import { channelIcon, channelLabel, customerOf } from './look.js';
import { commandButton } from '../internal/parts.js';

/** DX-2/DX-3: a reply or inactivity countdown this low turns urgent and is announced once. */
export const CLOCK_LOW_MS = 30_000;

/** Seed 002: at most this many fields in view; more scroll. */
export const VISIBLE_FIELDS = 10;

export interface DetailsView {
  readonly task: Task;
  readonly tenant: TenantSettings;
  readonly elapsed: number | undefined;
  readonly edits: Readonly<Record<string, string>> | undefined;
  /** The last Save's outcome, shown until the next edit. */
  readonly saveOutcome: { readonly ok: true } | { readonly ok: false; readonly error: ErrorInfo } | undefined;
  /** TP-15: routing points, the reason asked first under forced wrap-up, a voice call's pause. */
  readonly transfer: DigitalTransferView | undefined;
  readonly transferOpen: boolean;
  /** The fields are folded away (the head stays). */
  readonly collapsed: boolean;
  /** KB: `aria-keyshortcuts` of the fold toggle. */
  readonly toggleKeys?: string | undefined;
  readonly canEnd: boolean;
  readonly canTransfer: boolean;
  readonly canSave: boolean;
  /** DX-2: ms left to answer, and which timer runs. */
  readonly response: { readonly kind: 'firstResponse' | 'followUp'; readonly left: number } | undefined;
  /** DX-3: ms before the contact is unassigned for the customer's silence. */
  readonly inactivityLeft: number | undefined;
  readonly canExtend: boolean;
  readonly busy: (action: string) => boolean;
}

export interface DetailsActions {
  edit(field: CustomerField, value: string): void;
  save(): void;
  cancel(): void;
  end(): void;
  toggleTransfer(): void;
  toggleDetails(): void;
  transfer(target: TransferTarget): void;
  chooseReason(reasonId: string | undefined): void;
  extend(): void;
  pickerKeydown(event: KeyboardEvent): void;
}

function renderTimers(view: DetailsView, actions: DetailsActions): TemplateResult | typeof nothing {
  const { response, inactivityLeft } = view;
  if (!response && inactivityLeft === undefined) return nothing;
  return html`<p class="timers">
    ${
      response
        ? html`<span part="response-timer" class="timer" data-kind=${response.kind} ?data-urgent=${response.left <= CLOCK_LOW_MS}
            >${response.kind === 'firstResponse' ? msg('First reply due in') : msg('Reply due in')} ${formatDuration(response.left)}</span
          >`
        : nothing
    }
    ${
      inactivityLeft !== undefined
        ? html`<span part="inactivity-timer" class="timer" ?data-urgent=${inactivityLeft <= CLOCK_LOW_MS}
              >${msg('Unassigned if the customer stays silent for')} ${formatDuration(inactivityLeft)}</span
            >
            ${view.canExtend ? commandButton('extend', msg('Extend'), view.busy('extend'), () => actions.extend()) : nothing}`
        : nothing
    }
  </p>`;
}

function renderField(field: CustomerField, view: DetailsView, actions: DetailsActions): TemplateResult {
  const id = `field-${field.id}`;
  const value = view.edits?.[field.id] ?? field.value;
  const changed = view.edits?.[field.id] !== undefined;
  if (!field.editable || !view.canSave) {
    return html`<div part="field" class="field">
      <dt id=${`${id}-label`}>${field.label}</dt>
      <dd>${field.value}</dd>
    </div>`;
  }
  return html`<div part="field" class="field editable" ?data-changed=${changed}>
    <dt><label for=${id}>${field.label}</label></dt>
    <dd>
      <input
        part="field-input"
        id=${id}
        data-field-id=${field.id}
        .value=${value}
        @input=${(e: Event) => actions.edit(field, (e.target as HTMLInputElement).value)}
      />
    </dd>
  </div>`;
}

/** TP-15: under forced wrap-up the reason comes first (kept once chosen); then the routing points. */
function renderTransferPicker(view: DetailsView, transfer: DigitalTransferView, actions: DetailsActions): TemplateResult {
  const chosen = transfer.reasons.find((r) => r.id === transfer.reasonId);
  return html`<div
    part="transfer-picker"
    id="transfer-picker"
    class="picker"
    role="group"
    aria-label=${msg('Transfer to a routing point')}
    @keydown=${(e: KeyboardEvent) => actions.pickerKeydown(e)}
  >
    ${
      transfer.reasonRequired
        ? html`<p class="reason">
            <label for="transfer-reason">${msg('Wrap-up reason (required before transferring)')}</label>
            <select
              part="transfer-reason"
              id="transfer-reason"
              @change=${(e: Event) => actions.chooseReason((e.target as HTMLSelectElement).value || undefined)}
            >
              <option value="" ?selected=${chosen === undefined}>${msg('Choose a reason')}</option>
              ${transfer.reasons.map((r) => html`<option value=${r.id} ?selected=${r.id === chosen?.id}>${r.label}</option>`)}
            </select>
            ${chosen ? html`<span part="transfer-reason-chosen" class="chosen">✓ ${chosen.label}</span>` : nothing}
          </p>`
        : nothing
    }
    <ul aria-label=${msg('Routing points')}>
      ${transfer.targets.map((target) =>
        transfer.ready
          ? html`<li>${commandButton('target', target.name, view.busy('transfer'), () => actions.transfer(target))}</li>`
          : // Focusable but inert until a reason is chosen, and says why.
            html`<li>
              <button part="target" type="button" aria-disabled="true" aria-describedby="transfer-reason">${target.name}</button>
            </li>`,
      )}
    </ul>
    <button type="button" class="link" @click=${() => actions.toggleTransfer()}>${msg('Cancel')}</button>
  </div>`;
}

export function renderDetails(view: DetailsView, actions: DetailsActions): TemplateResult {
  const { task } = view;
  const fields = task.customer ?? [];
  const dirty = view.edits !== undefined;
  const live = task.status === 'active' || task.status === 'held';
  const { transfer } = view;
  return html`<section part="details" class="details" aria-labelledby="details-heading">
    <div class="details-head">
      ${channelIcon(task, view.tenant)}
      <h2 id="details-heading" part="customer-name">${customerOf(task)}</h2>
      <span class="muted">${channelLabel(task, view.tenant)}${task.queueName ? ` · ${task.queueName}` : ''}</span>
      ${
        live
          ? html`<time part="timer" class="muted"
              ><span class="visually-hidden">${msg('Time in conversation:')} </span>${formatDuration(view.elapsed)}</time
            >`
          : nothing
      }
      <span class="spacer"></span>
      ${
        fields.length > 0
          ? html`<button
              part="details-toggle"
              type="button"
              aria-expanded=${view.collapsed ? 'false' : 'true'}
              aria-controls="customer-fields"
              aria-keyshortcuts=${view.toggleKeys ?? nothing}
              @click=${() => actions.toggleDetails()}
            >
              ${view.collapsed ? msg('Show details') : msg('Hide details')}
            </button>`
          : nothing
      }
      ${
        live && view.canTransfer && transfer && transfer.targets.length > 0
          ? html`<button
              part="transfer"
              type="button"
              ?disabled=${transfer.pausedByVoiceCall}
              aria-describedby=${transfer.pausedByVoiceCall ? 'voice-pause' : nothing}
              aria-expanded=${view.transferOpen ? 'true' : 'false'}
              aria-controls="transfer-picker"
              aria-busy=${view.busy('transfer') ? 'true' : 'false'}
              @click=${() => actions.toggleTransfer()}
            >
              ${msg('Transfer')}
            </button>`
          : nothing
      }
      ${live && view.canEnd ? commandButton('end', msg('End'), view.busy('end'), () => actions.end(), 'danger') : nothing}
    </div>
    ${
      live && transfer?.pausedByVoiceCall
        ? html`<p part="voice-pause" id="voice-pause" class="hint">
            ${msg('You are on a voice call: transfer and this conversation’s clock are stopped until it ends.')}
          </p>`
        : nothing
    }
    ${view.transferOpen && live && transfer && !transfer.pausedByVoiceCall ? renderTransferPicker(view, transfer, actions) : nothing}
    ${live ? renderTimers(view, actions) : nothing}
    ${
      fields.length > 0 && !view.collapsed
        ? html`<dl
            part="fields"
            id="customer-fields"
            class="fields"
            ?data-scrolls=${fields.length > VISIBLE_FIELDS}
            tabindex=${fields.length > VISIBLE_FIELDS ? '0' : nothing}
            aria-label=${msg('Customer details')}
          >
            ${fields.map((f) => renderField(f, view, actions))}
          </dl>`
        : nothing
    }
    ${
      dirty && !view.collapsed
        ? html`<div class="actions">
            ${commandButton('save', msg('Save'), view.busy('save'), () => actions.save(), 'primary')}
            <button part="cancel" type="button" @click=${() => actions.cancel()}>${msg('Cancel')}</button>
          </div>`
        : nothing
    }
    <div role="status" class="save-outcome">
      ${
        view.saveOutcome?.ok
          ? html`<p part="save-outcome" class="ok">${msg('Customer details saved.')}</p>`
          : view.saveOutcome
            ? html`<p part="save-outcome" class="error">
                ${msg(str`Customer details not saved: ${errorMessage(view.saveOutcome.error)}`)}
              </p>`
            : nothing
      }
    </div>
  </section>`;
}
