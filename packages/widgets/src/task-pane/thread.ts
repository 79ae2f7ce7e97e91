// TP-5, TP-11, TP-12: the conversation of the shown task — loading, failed with Retry, customer
// bubbles (grey, initials), agent bubbles (solid blue, agent name), bot history, announcements
// inline with their time, and receipts on agent messages with a failed one's error and Resend.

import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import {
  formatBytes,
  inboundBlocked,
  type Attachment,
  type AttachmentRules,
  type Message,
  type Task,
  type Thread,
} from '@cc-elements/core';
import { announcementName, errorMessage } from '../internal/messages.js';
import { formatLocale } from '../internal/locale.js';
import { customerOf, initials } from './look.js';

export interface ThreadView {
  readonly task: Task;
  readonly thread: Thread | undefined;
  /** The medium's attachment rules, for greying out inbound files that fail PCI. */
  readonly rules: AttachmentRules | undefined;
  /** Message ids being sent again. */
  readonly resending: ReadonlySet<string>;
}

export interface ThreadActions {
  retry(): void;
  resend(message: Message): void;
  /** The HTML sanitiser has loaded: draw again. */
  sanitizerReady(): void;
}

// DOMPurify is loaded only when a message carries HTML (an email, a rich message): chat-only pages
// never pay for it. Until then such a message shows its text part.
let sanitize: ((html: string) => DocumentFragment) | undefined;
let loading: Promise<void> | undefined;

function sanitizer(ready: () => void): ((html: string) => DocumentFragment) | undefined {
  if (sanitize) return sanitize;
  loading ??= import('../internal/sanitize.js').then((module) => {
    sanitize = module.sanitizeHtml;
  });
  void loading.then(ready);
  return undefined;
}

const timeFormat = () => new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'short', timeStyle: 'short' });

function time(at: number): TemplateResult {
  return html`<time part="time" datetime=${new Date(at).toISOString()}>${timeFormat().format(at)}</time>`;
}

function announcementText(message: Message): string {
  return message.text || announcementName(message.announcement);
}

function receiptText(message: Message): string {
  switch (message.receipt) {
    case 'sending':
      return msg('Sending…');
    case 'sent':
      return msg('Sent');
    case 'delivered':
      return msg('Delivered');
    case 'read':
      return msg('Read');
    case 'failed':
      return msg('Not sent');
    default:
      return '';
  }
}

function renderAttachment(attachment: Attachment, rules: AttachmentRules | undefined, inbound: boolean): TemplateResult {
  const blocked = inbound ? inboundBlocked(attachment, rules) : undefined;
  const label = html`${attachment.name} <span class="muted">(${formatBytes(attachment.size, formatLocale())})</span>`;
  if (blocked) {
    const why = blocked.reason === 'backend' ? errorMessage(blocked.error) : msg('It failed the payment-card (PCI) check.');
    return html`<li part="attachment" data-blocked>
      <span aria-disabled="true">${label}</span> <span class="muted">${msg('Blocked:')} ${why}</span>
    </li>`;
  }
  return html`<li part="attachment">
    ${attachment.url ? html`<a href=${attachment.url} download=${attachment.name} rel="noopener">${label}</a>` : label}
  </li>`;
}

function renderBody(message: Message, rules: AttachmentRules | undefined, actions: ThreadActions): TemplateResult {
  const inbound = message.author !== 'agent';
  const clean = message.html === undefined ? undefined : sanitizer(() => actions.sanitizerReady());
  return html`
    ${message.email ? html`<p class="email-head"><strong>${message.email.subject}</strong> · ${message.email.from}</p>` : nothing}
    ${
      message.html !== undefined && clean
        ? html`<div class="rich">${clean(message.html)}</div>`
        : message.text !== undefined
          ? html`<p class="text">${message.text}</p>`
          : nothing
    }
    ${
      message.attachments?.length
        ? html`<ul class="attachments" aria-label=${msg('Attachments')}>
            ${message.attachments.map((a) => renderAttachment(a, rules, inbound))}
          </ul>`
        : nothing
    }
  `;
}

function renderMessage(view: ThreadView, message: Message, actions: ThreadActions): TemplateResult {
  if (message.author === 'system' || message.announcement) {
    return html`<li part="announcement" class="announcement" data-kind=${message.announcement ?? 'system'}>
      <span>${announcementText(message)}</span> ${time(message.at)}
    </li>`;
  }
  if (message.author === 'customer') {
    const name = message.authorName ?? customerOf(view.task);
    return html`<li part="message" class="message customer" data-author="customer">
      <span part="initials" class="initials" aria-hidden="true">${initials(name)}</span>
      <div part="bubble" class="bubble">
        <p class="meta"><span class="author">${name}</span> ${time(message.at)}</p>
        ${renderBody(message, view.rules, actions)}
      </div>
    </li>`;
  }
  if (message.author === 'bot') {
    return html`<li part="message" class="message bot" data-author="bot">
      <div part="bubble" class="bubble">
        <p class="meta"><span class="author">${message.authorName ?? msg('Virtual assistant')}</span> ${time(message.at)}</p>
        ${renderBody(message, view.rules, actions)}
      </div>
    </li>`;
  }
  const failed = message.receipt === 'failed';
  const resending = view.resending.has(message.id);
  return html`<li part="message" class="message agent" data-author="agent" data-receipt=${message.receipt ?? nothing}>
    <div part="bubble" class="bubble">
      <p class="meta"><span class="author">${message.authorName ?? msg('Agent')}</span> ${time(message.at)}</p>
      ${renderBody(message, view.rules, actions)}
    </div>
    ${
      message.receipt
        ? html`<p part="receipt" class="receipt" data-receipt=${message.receipt}>
            ${receiptText(message)}${failed && message.error ? html`: <span class="error">${errorMessage(message.error)}</span>` : nothing}
            ${
              failed && (message.text !== undefined || message.html !== undefined)
                ? html`<button
                    part="resend"
                    type="button"
                    class="link"
                    aria-disabled=${resending ? 'true' : 'false'}
                    @click=${() => !resending && actions.resend(message)}
                  >
                    ${msg('Resend')}
                  </button>`
                : nothing
            }
          </p>`
        : nothing
    }
  </li>`;
}

export function renderThread(view: ThreadView, actions: ThreadActions): TemplateResult {
  const { thread, task } = view;
  const messages = thread?.messages ?? [];
  const status =
    thread === undefined || thread.status === 'loading'
      ? html`<p part="thread-status" class="thread-status" role="status">${msg('Loading the conversation…')}</p>`
      : thread.status === 'failed'
        ? html`<div part="thread-status" class="thread-status failed" role="alert">
            <p class="error">
              ${msg('The conversation could not be loaded.')} ${thread.error ? errorMessage(thread.error) : nothing}
              ${thread.error?.traceId ? html`<span class="trace">${msg(str`Trace id: ${thread.error.traceId}`)}</span>` : nothing}
            </p>
            <button part="retry" type="button" @click=${() => actions.retry()}>${msg('Retry')}</button>
          </div>`
        : nothing;
  return html`
    ${status}
    <div part="thread" class="thread" role="log" aria-label=${msg(str`Conversation with ${customerOf(task)}`)} tabindex="0">
      <ol>
        ${repeat(
          messages,
          (m) => m.id,
          (m) => renderMessage(view, m, actions),
        )}
      </ol>
    </div>
  `;
}
