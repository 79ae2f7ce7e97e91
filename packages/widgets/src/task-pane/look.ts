// How a digital task is named and drawn: its medium or integration channel type (DX-7: name, icon
// text, colour), the customer's name and initials. Words only; no rule lives here.

import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ChannelType, Media, Task, TenantSettings } from '@cc-elements/core';
import { mediaName } from '../internal/messages.js';
import { inlineStyle } from '../internal/inline-style.js';

const MEDIA_ICONS: Record<Media, string> = { voice: '📞', chat: '💬', sms: '📱', social: '👥', email: '✉' };

/** DX-7: the integration channel type a task came through, when the tenant knows it. */
export function channelTypeOf(task: Pick<Task, 'channelTypeId'>, tenant: TenantSettings | undefined): ChannelType | undefined {
  if (task.channelTypeId === undefined) return undefined;
  return tenant?.digital.channelTypes.find((c) => c.id === task.channelTypeId);
}

/** The channel's name: the integration's own (DX-7) or the medium's. */
export function channelLabel(task: Pick<Task, 'media' | 'channelTypeId'>, tenant: TenantSettings | undefined): string {
  return channelTypeOf(task, tenant)?.name ?? mediaName(task.media);
}

/** The channel icon, its name for screen readers next to it. */
export function channelIcon(task: Pick<Task, 'media' | 'channelTypeId'>, tenant: TenantSettings | undefined): TemplateResult {
  const type = channelTypeOf(task, tenant);
  // PL-6: through the CSSOM, never a style attribute (a strict CSP blocks those).
  return html`<span
    part="channel-icon"
    class="channel-icon"
    data-media=${task.media}
    ?data-byoc=${type !== undefined}
    ${inlineStyle({ '--_channel-color': type?.color })}
    ><span aria-hidden="true">${type?.icon ?? MEDIA_ICONS[task.media]}</span
    ><span class="visually-hidden">${channelLabel(task, tenant)}</span></span
  >`;
}

/** The customer as the list and the bubbles name them. */
export function customerOf(task: Pick<Task, 'customerName' | 'from'>): string {
  return task.customerName ?? task.from ?? msg('Unknown customer');
}

/** TP-5: the initials in a customer's bubble ("Dana Reyes" → "DR"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words;
  return letters.map((w) => [...w][0]!.toUpperCase()).join('') || '?';
}
