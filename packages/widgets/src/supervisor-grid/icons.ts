// Small line icons for the grid's channel and interaction cells. Decorative: every icon sits next
// to words (visible or for screen readers), so each is aria-hidden.

import { svg, type SVGTemplateResult, html, type TemplateResult } from 'lit';
import type { Channel, Media } from '@cc-elements/core';

const PHONE = svg`<path d="M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z" />`;
const BUBBLE = svg`<path d="M4 4h16v12H9l-5 4z" />`;
const SMS = svg`<path d="M7 2h10a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z" /><path d="M10 18h4" />`;
const SOCIAL = svg`<circle cx="6" cy="12" r="2.5" /><circle cx="18" cy="6" r="2.5" /><circle cx="18" cy="18" r="2.5" /><path d="M8.2 10.8l7.6-3.6M8.2 13.2l7.6 3.6" />`;
const ENVELOPE = svg`<path d="M3 5h18v14H3z" /><path d="M3 6l9 7 9-7" />`;

const MEDIA_ICONS: Record<Media, SVGTemplateResult> = { voice: PHONE, chat: BUBBLE, sms: SMS, social: SOCIAL, email: ENVELOPE };
const CHANNEL_ICONS: Record<Channel, SVGTemplateResult> = { voice: PHONE, chatSocial: BUBBLE, email: ENVELOPE };

function icon(paths: SVGTemplateResult): TemplateResult {
  return html`<svg
    class="icon"
    viewBox="0 0 24 24"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    ${paths}
  </svg>`;
}

export const mediaIcon = (media: Media): TemplateResult => icon(MEDIA_ICONS[media]);
export const channelIcon = (channel: Channel): TemplateResult => icon(CHANNEL_ICONS[channel]);
