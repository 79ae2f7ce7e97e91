// <cc-email-composer>'s look: the thread, banners, the reply area with its toolbar and editor.
// Public --cc-email-composer-* properties fall back to the global tokens.

import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--cc-email-composer-gap, var(--_cc-space-3));
    --_new: var(--cc-email-composer-new, var(--_cc-color-accent));
    --_editor-min: var(--cc-email-composer-editor-min-block-size, 8rem);
    --_thread-max: var(--cc-email-composer-thread-max-block-size, 28rem);
    display: block;
    min-inline-size: 0;
  }
  .empty,
  .loading,
  .ended {
    color: var(--_cc-color-text-muted);
    margin: var(--_cc-space-2) 0;
  }
  h2 {
    font-size: 1rem;
    margin: 0 0 var(--_cc-space-2);
  }
  .layout {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }

  /* EM-1 offer */
  .offer {
    border: 1px solid var(--_cc-color-border);
    border-inline-start: 4px solid var(--_cc-color-accent);
    border-radius: var(--_cc-radius);
    padding: var(--_cc-space-3);
    background: var(--_cc-color-surface);
  }
  dl {
    margin: 0;
  }
  .customer {
    display: grid;
    gap: var(--_cc-space-1);
    max-block-size: 16rem;
    overflow: auto;
  }
  .customer div,
  .addresses div {
    display: grid;
    grid-template-columns: minmax(5rem, max-content) 1fr;
    gap: var(--_cc-space-2);
  }
  dt {
    color: var(--_cc-color-text-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  /* The customer's name, always bold (the first detail the backend sends is the name). */
  .customer-name,
  .customer > div:first-child dd {
    font-weight: 600;
  }
  .offer-actions {
    display: flex;
    align-items: center;
    gap: var(--_cc-space-2);
    margin-block-start: var(--_cc-space-3);
  }
  .countdown {
    font-variant-numeric: tabular-nums;
  }

  /* EM-2 thread */
  .thread-area {
    max-block-size: var(--_thread-max);
    overflow: auto;
  }
  :host([size='maximised']) .thread-area {
    max-block-size: 8rem;
  }
  .thread {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_cc-space-2);
  }
  .email {
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface);
  }
  .email[data-new] {
    border-color: var(--_new);
    border-inline-start: 4px solid var(--_new);
    background: color-mix(in srgb, var(--_new) 8%, var(--_cc-color-surface));
  }
  .email[data-state='deliveryReport'] {
    background: var(--_cc-color-surface-raised);
  }
  .email-head {
    display: flex;
    align-items: flex-start;
    gap: var(--_cc-space-2);
    padding: var(--_cc-space-2);
  }
  .email-toggle {
    flex: 1;
    min-inline-size: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_cc-space-1) var(--_cc-space-2);
    text-align: start;
    border: none;
    background: none;
    padding: 0;
    min-block-size: 1.5rem;
  }
  .from {
    font-weight: 600;
  }
  .subject {
    color: var(--_cc-color-text);
  }
  .snippet {
    flex-basis: 100%;
    color: var(--_cc-color-text-muted);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .new-badge {
    background: var(--_new);
    color: var(--_cc-color-on-accent);
    border-radius: 999px;
    padding: 0 var(--_cc-space-2);
    font-size: 0.75rem;
  }
  .meta {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 2px;
    font-size: 0.8125rem;
    color: var(--_cc-color-text-muted);
    white-space: nowrap;
  }
  .state {
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 var(--_cc-space-2);
  }
  .state[data-state='failed'] {
    color: var(--_cc-color-danger);
  }
  .email-main {
    padding: 0 var(--_cc-space-2) var(--_cc-space-2);
    display: flex;
    flex-direction: column;
    gap: var(--_cc-space-2);
  }
  .addresses {
    font-size: 0.8125rem;
    display: grid;
    gap: 2px;
  }
  .body {
    border-block-start: 1px solid var(--_cc-color-border);
    padding-block-start: var(--_cc-space-2);
    max-block-size: 40rem;
  }
  /* Senders design emails for white paper (black text, their own colours): shown so in dark mode too. */
  .body:not(.text) {
    background: #ffffff;
    color: #1b1d21;
    color-scheme: light;
    padding: var(--_cc-space-2);
    border-radius: var(--_cc-radius);
    border: 1px solid var(--_cc-color-border);
  }
  .body.text {
    white-space: pre-wrap;
  }
  .history-toggle {
    align-self: flex-start;
    min-block-size: 1.5rem;
    padding: 0 var(--_cc-space-2);
    letter-spacing: 0.1em;
  }
  .images-blocked {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cc-space-2);
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_cc-color-text-muted);
  }
  .attachments {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-2);
  }
  .attachment {
    display: inline-flex;
    align-items: center;
    gap: var(--_cc-space-1);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    padding: var(--_cc-space-1) var(--_cc-space-2);
    color: var(--_cc-color-accent);
    text-decoration: none;
    background: var(--_cc-color-surface-raised);
  }
  .attachment.blocked {
    color: var(--_cc-color-text-muted);
    text-decoration: line-through;
    cursor: not-allowed;
  }
  .size {
    color: var(--_cc-color-text-muted);
    font-size: 0.8125rem;
  }
  .announcement {
    text-align: center;
    color: var(--_cc-color-text-muted);
    font-size: 0.8125rem;
  }
  .earlier {
    text-align: center;
  }

  /* banners */
  .banner {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_cc-space-2);
    padding: var(--_cc-space-2) var(--_cc-space-3);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface-raised);
    border: 1px solid var(--_cc-color-border);
  }
  .banner.new {
    border-color: var(--_new);
    border-inline-start: 4px solid var(--_new);
  }
  .banner.blocked {
    background: var(--_cc-color-danger-surface);
    border-color: var(--_cc-color-danger);
  }
  .dismiss {
    min-inline-size: 2.25rem;
  }

  /* composer */
  .composer {
    display: flex;
    flex-direction: column;
    gap: var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    padding: var(--_cc-space-2);
    background: var(--_cc-color-surface);
  }
  .composer[data-dragging] {
    outline: 2px dashed var(--_cc-color-accent);
    outline-offset: -4px;
  }
  .composer-bar {
    display: flex;
    align-items: center;
    gap: var(--_cc-space-2);
  }
  .bar-title {
    flex: 1;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .bar-actions {
    margin-inline-start: auto;
    display: flex;
    gap: var(--_cc-space-1);
  }
  .icon {
    min-inline-size: 2.25rem;
    padding-inline: var(--_cc-space-1);
  }
  .modes {
    display: flex;
    gap: var(--_cc-space-1);
  }
  [aria-pressed='true'] {
    background: var(--_cc-color-accent);
    border-color: var(--_cc-color-accent);
    color: var(--_cc-color-on-accent);
  }
  .compose-body {
    display: flex;
    flex-direction: column;
    gap: var(--_cc-space-2);
  }
  .compose-body[hidden],
  [hidden] {
    display: none !important;
  }
  .fields {
    display: grid;
    gap: var(--_cc-space-1);
  }
  .field {
    display: grid;
    grid-template-columns: 4.5rem 1fr;
    align-items: center;
    gap: 0 var(--_cc-space-2);
  }
  .field .error {
    grid-column: 2;
  }
  /* EM-3: read-only fields look read-only (the shared controls sheet's rule loses to its own :not() selector). */
  .field input[readonly] {
    background: var(--_cc-color-surface-raised);
    border-style: dashed;
    color: var(--_cc-color-text-muted);
  }
  .cc-toggle {
    justify-self: start;
    min-block-size: 1.75rem;
    padding-block: 0;
  }

  /* EM-4 toolbar and editor */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 2px;
    padding: 2px;
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface-raised);
  }
  .toolbar button {
    min-inline-size: 2.25rem;
    padding: 0 var(--_cc-space-2);
    border-color: transparent;
    background: transparent;
  }
  .toolbar button[aria-pressed='true'] {
    background: var(--_cc-color-accent);
    color: var(--_cc-color-on-accent);
  }
  .toolbar button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .icon-bold {
    font-weight: 700;
  }
  .icon-italic {
    font-style: italic;
  }
  .icon-underline {
    text-decoration: underline;
  }
  .icon-strike {
    text-decoration: line-through;
  }
  .panel {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-1);
    align-items: center;
    padding: var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface);
    box-shadow: var(--_cc-elevation);
  }
  .panel ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
    inline-size: 100%;
  }
  .panel.templates,
  .panel.link {
    flex-direction: column;
    align-items: stretch;
  }
  .groups {
    display: flex;
    flex-wrap: wrap;
    gap: 2px;
  }
  .template-list button,
  .workflows button {
    inline-size: 100%;
    text-align: start;
  }
  .swatch {
    inline-size: 2.25rem;
    background: var(--swatch);
  }
  .swatch[aria-pressed='true'] {
    outline: 2px solid var(--_cc-color-text);
    outline-offset: 1px;
    background: var(--swatch);
  }
  .editor-frame {
    position: relative;
  }
  .editor {
    min-block-size: var(--_editor-min);
    max-block-size: 24rem;
    overflow: auto;
    padding: var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface);
    /* ProseMirror needs these (prosemirror-view/style/prosemirror.css). */
    white-space: pre-wrap;
    word-wrap: break-word;
    font-variant-ligatures: none;
    outline: none;
  }
  :host([size='maximised']) .editor {
    min-block-size: 20rem;
    max-block-size: 60vh;
  }
  .editor:focus-visible {
    outline: 2px solid var(--_cc-color-focus);
    outline-offset: 2px;
  }
  .editor p,
  .editor h1 {
    margin: 0 0 var(--_cc-space-2);
  }
  .editor h1 {
    font-size: 1.5em;
  }
  .editor blockquote {
    margin: 0 0 var(--_cc-space-2);
    padding-inline-start: var(--_cc-space-2);
    border-inline-start: 3px solid var(--_cc-color-border);
    color: var(--_cc-color-text-muted);
  }
  .editor table {
    border-collapse: collapse;
    margin-block-end: var(--_cc-space-2);
  }
  .editor td,
  .editor th {
    border: 1px solid var(--_cc-color-border);
    min-inline-size: 3rem;
    padding: 2px var(--_cc-space-1);
    vertical-align: top;
  }
  .editor .selectedCell {
    background: color-mix(in srgb, var(--_cc-color-accent) 20%, transparent);
  }
  .editor img {
    max-inline-size: 100%;
  }
  .editor a {
    color: var(--_cc-color-accent);
  }
  .editor-loading {
    position: absolute;
    inset-block-start: var(--_cc-space-2);
    inset-inline-start: var(--_cc-space-3);
    margin: 0;
  }

  /* EM-5 files */
  .files,
  .refusals {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_cc-space-1);
  }
  .file {
    display: flex;
    align-items: center;
    gap: var(--_cc-space-2);
  }
  .file .name {
    overflow-wrap: anywhere;
  }
  .preview {
    inline-size: 2.5rem;
    block-size: 2.5rem;
    object-fit: cover;
    border-radius: var(--_cc-radius);
    display: inline-grid;
    place-items: center;
    background: var(--_cc-color-surface-raised);
  }
  .remove {
    margin-inline-start: auto;
    min-inline-size: 2.25rem;
  }
  .limits {
    font-size: 0.8125rem;
  }
  .send-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cc-space-2);
  }
  .send-row .hint {
    margin: 0;
  }
  .failure {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_cc-space-2);
    margin-block-start: var(--_cc-space-2);
    padding: var(--_cc-space-2);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-danger-surface);
  }
  .failure .error {
    margin: 0;
  }
  .trace {
    color: var(--_cc-color-text-muted);
    font-size: 0.8125rem;
  }
  dialog {
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface);
    color: var(--_cc-color-text);
    box-shadow: var(--_cc-elevation);
    min-inline-size: min(24rem, 90vw);
  }
  dialog form {
    display: flex;
    flex-direction: column;
    gap: var(--_cc-space-2);
  }
  dialog .field {
    grid-template-columns: 1fr;
  }
  .dialog-actions {
    display: flex;
    gap: var(--_cc-space-2);
  }
  /* PL-4: glyphs that point along the line (the collapsed email's ▸, indent ⇥ and outdent ⇤) point the other way in RTL. */
  .chevron:dir(rtl),
  .icon-indent:dir(rtl),
  .icon-outdent:dir(rtl) {
    display: inline-block;
    transform: scaleX(-1);
  }
  @media (prefers-reduced-motion: no-preference) {
    .email,
    .banner {
      transition:
        background-color var(--_cc-motion-duration),
        border-color var(--_cc-motion-duration);
    }
  }
`;
