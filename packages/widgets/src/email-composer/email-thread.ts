// EM-2, EM-5, EM-6: the email thread — newest first, each email with its from, to, cc, subject,
// time and state (received, sent with its receipt, delivery report), collapsible with its quoted
// history behind "…", its attachments (download, or greyed out when blocked), remote images held
// back until "Show images", and the emails that arrived while the agent was replying in blue.

import { html, nothing, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { formatBytes, inboundBlocked, type Attachment, type AttachmentRules, type Message } from '@cc-elements/core';
import { mountSanitized, sanitizeEmail, type SanitizeOptions } from '../internal/sanitize.js';
import { announcementName, errorMessage } from '../internal/messages.js';
import { formatLocale } from '../internal/locale.js';

/** What the thread shows and how, decided by the composer. */
export interface ThreadView {
  readonly taskId: string;
  /** Emails and announcements, newest first, those shown only. */
  readonly messages: readonly Message[];
  /** How many older ones wait behind "…". */
  readonly earlier: number;
  readonly expanded: ReadonlySet<string>;
  readonly history: ReadonlySet<string>;
  readonly images: ReadonlySet<string>;
  /** EM-6: arrived while the agent was replying. */
  readonly fresh: ReadonlySet<string>;
  readonly rules: AttachmentRules | undefined;
}

export interface ThreadActions {
  toggle(id: string): void;
  toggleHistory(id: string): void;
  showImages(id: string): void;
  showEarlier(): void;
  /** EM-5: the agent selected an attachment that is greyed out. */
  blocked(message: Message, attachment: Attachment): void;
}

/** What a first, image-blocking pass found in an email; computed once per message object. */
interface BodyFacts {
  readonly blocked: number;
  readonly quoted: boolean;
  readonly snippet: string;
}

const QUOTED = '.gmail_quote, .gmail_extra, .yahoo_quoted, .moz-cite-prefix, blockquote, #divRplyFwdMsg, #appendonsend';

/** Marks an email's quoted history (replies quote what came before); returns whether it has any. */
function markQuoted(root: ParentNode): boolean {
  const found = [...root.querySelectorAll<HTMLElement>(QUOTED)].filter((el) => !el.parentElement?.closest('[data-cc-quoted]'));
  for (const el of found) {
    el.setAttribute('data-cc-quoted', '');
    // Outlook puts the quoted header in a div and the history after it.
    if (el.id === 'divRplyFwdMsg' || el.id === 'appendonsend') {
      for (let next = el.nextElementSibling; next; next = next.nextElementSibling) next.setAttribute('data-cc-quoted', '');
    }
  }
  return found.length > 0;
}

const facts = new WeakMap<Message, BodyFacts>();

function bodyFacts(message: Message, resolveCid: SanitizeOptions['resolveCid']): BodyFacts {
  const known = facts.get(message);
  if (known) return known;
  let result: BodyFacts;
  if (message.html) {
    const clean = sanitizeEmail(message.html, resolveCid ? { resolveCid } : {});
    const quoted = markQuoted(clean.fragment);
    for (const q of clean.fragment.querySelectorAll('[data-cc-quoted]')) q.remove();
    // Blocks read as separate words in the one-line summary ("Hello, My invoice…", not "Hello,My").
    for (const block of clean.fragment.querySelectorAll('p, div, br, li, tr, td, th, h1, h2, h3, h4, h5, h6, blockquote')) block.after(' ');
    const text = (message.text ?? clean.fragment.textContent ?? '').replace(/\s+/g, ' ').trim();
    result = { blocked: clean.blockedRemote, quoted, snippet: text.slice(0, 140) };
  } else {
    result = { blocked: 0, quoted: false, snippet: (message.text ?? '').replace(/\s+/g, ' ').trim().slice(0, 140) };
  }
  facts.set(message, result);
  return result;
}

let quotedSheet: CSSStyleSheet | undefined;

class EmailBodyDirective extends Directive {
  #html: string | undefined;
  #remote: boolean | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('emailBody() goes on an element.');
  }

  override update(part: ElementPart, [html, remote, history, resolveCid]: [string, boolean, boolean, SanitizeOptions['resolveCid']]) {
    const host = part.element as HTMLElement;
    if (html !== this.#html || remote !== this.#remote || !host.shadowRoot) {
      this.#html = html;
      this.#remote = remote;
      const root = mountSanitized(host, sanitizeEmail(html, { remoteImages: remote, ...(resolveCid ? { resolveCid } : {}) }));
      quotedSheet ??= (() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('.cc-content:not(.cc-history) [data-cc-quoted] { display: none !important; }');
        return sheet;
      })();
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, quotedSheet];
      markQuoted(root);
    }
    host.shadowRoot!.querySelector('.cc-content')?.classList.toggle('cc-history', history);
    return nothing;
  }

  render(_html: string, _remote: boolean, _history: boolean, _resolve: SanitizeOptions['resolveCid']) {
    return nothing;
  }
}

/** An email body, sanitized, in its own shadow root; its quoted history shown or not. */
const emailBody = directive(EmailBodyDirective);

const dateFormat = () => new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium', timeStyle: 'short' });
/** Download links: the backend's files, or a `data:` stand-in (downloaded, never opened in place). */
const SAFE_DOWNLOAD = /^(?:https?:|blob:|data:)/i;

/** The inline attachment a `cid:` reference names (by id or by name). */
function cidResolver(message: Message): SanitizeOptions['resolveCid'] {
  const inline = (message.attachments ?? []).filter((a) => a.inline && !a.blocked && a.url);
  if (inline.length === 0) return undefined;
  return (cid) => inline.find((a) => a.id === cid || a.name === cid)?.url;
}

const resolvers = new WeakMap<Message, SanitizeOptions['resolveCid']>();
function resolverOf(message: Message): SanitizeOptions['resolveCid'] {
  if (!resolvers.has(message)) resolvers.set(message, cidResolver(message));
  return resolvers.get(message);
}

/** EM-2: the state an email shows — received, delivery report, or the receipt of one sent. */
export function emailState(message: Message): { readonly key: string; readonly label: string } {
  if (message.email?.kind === 'deliveryReport') return { key: 'deliveryReport', label: msg('Delivery report') };
  if (message.author === 'customer' || message.email?.kind === 'received') return { key: 'received', label: msg('Received') };
  switch (message.receipt) {
    case 'sending':
      return { key: 'sending', label: msg('Sending…') };
    case 'delivered':
      return { key: 'delivered', label: msg('Delivered') };
    case 'read':
      return { key: 'read', label: msg('Read') };
    case 'failed':
      return { key: 'failed', label: msg('Not sent') };
    default:
      return { key: 'sent', label: msg('Sent') };
  }
}

export function blockedReason(attachment: Attachment, rules: AttachmentRules | undefined): string | undefined {
  const block = inboundBlocked(attachment, rules);
  if (!block) return undefined;
  return block.reason === 'backend'
    ? errorMessage(block.error)
    : msg('It failed the PCI check (it may contain card data), so it cannot be opened here.');
}

function renderAttachments(message: Message, view: ThreadView, actions: ThreadActions): TemplateResult | typeof nothing {
  const listed = (message.attachments ?? []).filter((a) => !a.inline || inboundBlocked(a, view.rules));
  if (listed.length === 0) return nothing;
  return html`<ul part="attachments" class="attachments" aria-label=${msg('Attachments')}>
    ${listed.map((a) => {
      const size = formatBytes(a.size, formatLocale());
      const reason = blockedReason(a, view.rules);
      if (reason !== undefined) {
        return html`<li>
          <button
            type="button"
            part="attachment attachment-blocked"
            class="attachment blocked"
            aria-disabled="true"
            aria-label=${msg(str`${a.name}, ${size}, blocked: ${reason}`)}
            @click=${() => actions.blocked(message, a)}
          >
            <span aria-hidden="true">🚫</span> ${a.name} <span class="size">${size}</span>
          </button>
        </li>`;
      }
      return html`<li>
        ${
          a.url && SAFE_DOWNLOAD.test(a.url)
            ? html`<a part="attachment" class="attachment" href=${a.url} download=${a.name} target="_blank" rel="noopener noreferrer"
                ><span aria-hidden="true">📎</span> ${a.name} <span class="size">${size}</span
                ><span class="visually-hidden">${msg('(download)')}</span></a
              >`
            : html`<span part="attachment" class="attachment"
                ><span aria-hidden="true">📎</span> ${a.name} <span class="size">${size}</span></span
              >`
        }
      </li>`;
    })}
  </ul>`;
}

function renderAnnouncement(message: Message): TemplateResult {
  const when = dateFormat().format(message.at);
  const words = message.text ?? announcementName(message.announcement);
  return html`<li part="announcement" class="announcement" data-message-id=${message.id}>
    <span>${words}</span> <time datetime=${new Date(message.at).toISOString()}>${when}</time>
  </li>`;
}

function renderEmail(message: Message, view: ThreadView, actions: ThreadActions): TemplateResult {
  const id = message.id;
  const expanded = view.expanded.has(id);
  const fresh = view.fresh.has(id);
  const state = emailState(message);
  const email = message.email;
  const from = email?.from ?? message.authorName ?? (message.author === 'agent' ? msg('You') : msg('Customer'));
  const subject = email?.subject ?? '';
  const resolve = resolverOf(message);
  const body = bodyFacts(message, resolve);
  const when = dateFormat().format(message.at);
  const bodyId = `email-${view.taskId}-${id}`;
  const images = view.images.has(id);
  return html`<li
    part=${fresh ? 'email email-new' : 'email'}
    class="email"
    data-message-id=${id}
    data-state=${state.key}
    ?data-new=${fresh}
    data-expanded=${expanded ? 'true' : 'false'}
  >
    <article aria-labelledby=${`${bodyId}-head`}>
      <header class="email-head">
        <button
          type="button"
          part="email-toggle"
          class="email-toggle"
          id=${`${bodyId}-head`}
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls=${bodyId}
          @click=${() => actions.toggle(id)}
        >
          <span class="chevron" aria-hidden="true">${expanded ? '▾' : '▸'}</span>
          <span class="from" part="from">${from}</span>
          ${fresh ? html`<span class="new-badge" part="new-badge">${msg('New')}</span>` : nothing}
          <span class="subject" part="subject">${subject}</span>
          ${expanded ? nothing : html`<span class="snippet">${body.snippet}</span>`}
        </button>
        <span class="meta">
          <span part="state" class="state" data-state=${state.key}>${state.label}</span>
          <time part="time" datetime=${new Date(message.at).toISOString()}>${when}</time>
        </span>
      </header>
      <div id=${bodyId} class="email-main" ?hidden=${!expanded}>
        ${
          expanded
            ? html`
                <dl class="addresses" part="addresses">
                  <div>
                    <dt>${msg('From')}</dt>
                    <dd>${from}</dd>
                  </div>
                  ${
                    email && email.to.length > 0
                      ? html`<div>
                          <dt>${msg('To')}</dt>
                          <dd>${email.to.join(', ')}</dd>
                        </div>`
                      : nothing
                  }
                  ${
                    email && email.cc.length > 0
                      ? html`<div>
                          <dt>${msg('Cc')}</dt>
                          <dd>${email.cc.join(', ')}</dd>
                        </div>`
                      : nothing
                  }
                  ${
                    subject
                      ? html`<div>
                          <dt>${msg('Subject')}</dt>
                          <dd>${subject}</dd>
                        </div>`
                      : nothing
                  }
                </dl>
                ${message.error ? html`<p class="error" role="alert">${errorMessage(message.error)}</p>` : nothing}
                ${
                  body.blocked > 0 && !images
                    ? html`<p class="images-blocked" part="images-blocked">
                        <span>${msg(str`Remote images are hidden (${body.blocked}) to protect your privacy.`)}</span>
                        <button type="button" part="show-images" @click=${() => actions.showImages(id)}>${msg('Show images')}</button>
                      </p>`
                    : nothing
                }
                ${
                  message.html !== undefined
                    ? html`<div part="body" class="body" ${emailBody(message.html, images, view.history.has(id), resolve)}></div>`
                    : html`<div part="body" class="body text">${message.text ?? ''}</div>`
                }
                ${
                  body.quoted
                    ? html`<button
                        type="button"
                        part="history-toggle"
                        class="history-toggle"
                        aria-expanded=${view.history.has(id) ? 'true' : 'false'}
                        aria-label=${view.history.has(id) ? msg('Hide the quoted history') : msg('Show the quoted history')}
                        title=${view.history.has(id) ? msg('Hide the quoted history') : msg('Show the quoted history')}
                        @click=${() => actions.toggleHistory(id)}
                      >
                        …
                      </button>`
                    : nothing
                }
                ${renderAttachments(message, view, actions)}
              `
            : nothing
        }
      </div>
    </article>
  </li>`;
}

/** TP-11: a life-cycle line; a delivery report the system sends is an email (EM-2) all the same. */
export function isAnnouncement(m: Message): boolean {
  return m.announcement !== undefined || (m.author === 'system' && m.email === undefined);
}

/** EM-2: the thread, newest first. */
export function renderThread(view: ThreadView, actions: ThreadActions): TemplateResult {
  return html`<ol part="thread" class="thread" aria-label=${msg('Emails, newest first')}>
    ${repeat(
      view.messages,
      (m) => m.id,
      (m) => (isAnnouncement(m) ? renderAnnouncement(m) : renderEmail(m, view, actions)),
    )}
    ${
      view.earlier > 0
        ? html`<li class="earlier">
            <button
              type="button"
              part="show-earlier"
              aria-label=${msg(str`Show ${view.earlier} earlier messages`)}
              title=${msg(str`Show ${view.earlier} earlier messages`)}
              @click=${() => actions.showEarlier()}
            >
              … ${msg(str`${view.earlier} earlier`)}
            </button>
          </li>`
        : nothing
    }
  </ol>`;
}
