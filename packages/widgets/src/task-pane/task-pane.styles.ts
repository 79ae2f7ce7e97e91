import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_customer-bubble: var(--cc-task-pane-customer-bubble, var(--_cc-color-surface-raised));
    --_agent-bubble: var(--cc-task-pane-agent-bubble, var(--_cc-color-accent));
    --_on-agent-bubble: var(--cc-task-pane-on-agent-bubble, var(--_cc-color-on-accent));
    --_unread: var(--cc-task-pane-unread, var(--_cc-color-danger));
    --_list-size: var(--cc-task-pane-list-inline-size, 16rem);
    --_block-size: var(--cc-task-pane-block-size, 40rem);
    container-type: inline-size;
  }
  p,
  h2,
  ul,
  ol,
  dl,
  dd {
    margin: 0;
  }
  ul,
  ol {
    padding: 0;
    list-style: none;
  }
  h2 {
    font-size: 1rem;
    font-weight: 600;
  }
  .muted,
  .hint {
    color: var(--_cc-color-text-muted);
  }
  .trace {
    display: block;
    color: var(--_cc-color-text-muted);
    font-size: 0.8em;
  }
  button.danger {
    border-color: var(--_cc-color-danger);
    color: var(--_cc-color-danger);
  }
  button.link {
    border: none;
    background: none;
    text-decoration: underline;
    min-block-size: auto;
    padding: 0 var(--_cc-space-1);
    color: inherit;
  }
  button[aria-busy='true'] {
    cursor: progress;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-2);
  }

  /* ---- offers, notices, pop-up ---- */
  .offers,
  .notices {
    display: grid;
    gap: var(--_cc-space-2);
    margin-block-end: var(--_cc-space-2);
  }
  .offer,
  .notices > li,
  .toast {
    display: grid;
    gap: var(--_cc-space-2);
    padding: var(--_cc-space-3);
    background: var(--_cc-color-surface);
    border: 1px solid var(--_cc-color-border);
    border-inline-start: 4px solid var(--_cc-color-ready);
    border-radius: var(--_cc-radius);
    box-shadow: var(--_cc-elevation);
  }
  .notices > li {
    border-inline-start-color: var(--_cc-color-not-ready);
    box-shadow: none;
    grid-template-columns: 1fr auto;
    align-items: center;
  }
  .head,
  .details-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cc-space-2);
  }
  .countdown {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
  }
  .countdown[data-urgent] {
    color: var(--_cc-color-danger);
    font-weight: 600;
  }
  .offer-details {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0 var(--_cc-space-3);
  }
  .offer-details > div {
    display: contents;
  }
  .offer-details dt,
  .fields dt {
    color: var(--_cc-color-text-muted);
  }
  .toast {
    grid-template-columns: 1fr auto auto;
    align-items: center;
    border-inline-start-color: var(--_cc-color-accent);
    margin-block-end: var(--_cc-space-2);
  }

  /* ---- the pane: list and conversation ---- */
  .pane {
    display: grid;
    grid-template-columns: var(--_list-size) 1fr;
    block-size: var(--_block-size);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface);
    overflow: hidden;
  }
  .pane[data-collapsed] {
    grid-template-columns: auto 1fr;
  }
  @container (max-width: 36rem) {
    .pane {
      grid-template-columns: 1fr;
      grid-template-rows: auto 1fr;
      block-size: auto;
    }
  }
  .task-list {
    display: flex;
    flex-direction: column;
    border-inline-end: 1px solid var(--_cc-color-border);
    min-block-size: 0;
    overflow: auto;
  }
  .list-toggle {
    display: flex;
    justify-content: space-between;
    gap: var(--_cc-space-2);
    border: none;
    border-block-end: 1px solid var(--_cc-color-border);
    border-radius: 0;
    text-align: start;
    font-weight: 600;
  }
  .task {
    display: grid;
    grid-template-columns: auto 1fr auto;
    gap: var(--_cc-space-2);
    align-items: center;
    padding: var(--_cc-space-2) var(--_cc-space-3);
    border-block-end: 1px solid var(--_cc-color-border);
    cursor: pointer;
  }
  .task {
    border-inline-start: 3px solid transparent;
  }
  .task[aria-selected='true'] {
    background: var(--_cc-color-surface-raised);
    border-inline-start-color: var(--_cc-color-accent);
  }
  .task:focus-visible {
    outline-offset: -2px;
  }
  .task-main,
  .task-side {
    display: grid;
    min-inline-size: 0;
  }
  .task-side {
    justify-items: end;
    font-variant-numeric: tabular-nums;
  }
  .task-name {
    font-weight: 700;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .unread {
    display: inline-block;
    min-inline-size: 1.25rem;
    padding: 0 var(--_cc-space-1);
    border-radius: 999px;
    background: var(--_unread);
    color: #fff;
    text-align: center;
    font-weight: 700;
  }
  .task[data-unread] .task-name {
    color: var(--_cc-color-text);
  }
  .channel-icon {
    display: inline-grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    border-radius: 50%;
    background: var(--_cc-color-surface-raised);
    border: 1px solid var(--_cc-color-border);
    font-size: 0.75rem;
    font-weight: 700;
  }
  /* DX-7: the integration's colour rings its icon; the text keeps the theme's contrast. */
  .channel-icon[data-byoc] {
    border: 3px solid var(--_channel-color);
  }
  .conversation {
    display: flex;
    flex-direction: column;
    gap: var(--_cc-space-2);
    padding: var(--_cc-space-3);
    min-block-size: 0;
    min-inline-size: 0;
    /* Menus and long details never push the composer out of reach. */
    overflow-y: auto;
  }
  .empty {
    margin: auto;
  }

  /* ---- customer details ---- */
  .details {
    display: grid;
    gap: var(--_cc-space-2);
  }
  .spacer {
    flex: 1;
  }
  .timers {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-2);
    align-items: center;
  }
  .timer[data-urgent] {
    color: var(--_cc-color-danger);
    font-weight: 600;
  }
  .fields {
    display: grid;
    grid-template-columns: minmax(6rem, max-content) 1fr;
    grid-auto-rows: 2.25rem;
    gap: 2px var(--_cc-space-3);
    /* Seed 002: ten fields in view, then a scroll. */
    max-block-size: calc(10 * 2.25rem + 9 * 2px);
    overflow-y: auto;
  }
  .field {
    display: contents;
  }
  .field dt,
  .field dd {
    padding: 2px var(--_cc-space-1);
    align-self: center;
  }
  .field:not(.editable) dd {
    padding-inline: calc(var(--_cc-space-1) + var(--_cc-space-2) + 1px);
  }
  .field.editable input {
    border-color: transparent;
    background: transparent;
    min-block-size: 2rem;
  }
  .field.editable input:hover,
  .field.editable input:focus {
    background: var(--_cc-color-surface-raised);
    border-color: var(--_cc-color-border);
    cursor: text;
  }
  .field[data-changed] input {
    border-color: var(--_cc-color-accent);
  }
  .ok {
    color: var(--_cc-color-ready);
  }
  .picker,
  .popover {
    display: grid;
    gap: var(--_cc-space-2);
    padding: var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface);
    box-shadow: var(--_cc-elevation);
  }
  .picker .reason {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cc-space-1) var(--_cc-space-2);
    margin: 0;
  }
  .picker .chosen {
    color: var(--_cc-color-ready);
    font-weight: 600;
  }
  .picker ul,
  .popover,
  #template-list > ul {
    display: grid;
    gap: var(--_cc-space-1);
    max-block-size: 14rem;
    overflow-y: auto;
  }

  /* ---- thread ---- */
  .thread {
    flex: 1 0 10rem;
    overflow-y: auto;
    min-block-size: 10rem;
    padding: var(--_cc-space-1);
  }
  .thread > ol {
    display: flex;
    flex-direction: column;
    gap: var(--_cc-space-2);
  }
  .message {
    display: flex;
    gap: var(--_cc-space-2);
    align-items: flex-end;
    max-inline-size: 85%;
  }
  .message.agent {
    align-self: flex-end;
    flex-direction: column;
    align-items: flex-end;
  }
  .bubble {
    padding: var(--_cc-space-2) var(--_cc-space-3);
    border-radius: 12px;
    background: var(--_customer-bubble);
    border: 1px solid var(--_cc-color-border);
    overflow-wrap: anywhere;
  }
  .message.agent .bubble {
    background: var(--_agent-bubble);
    border-color: var(--_agent-bubble);
    color: var(--_on-agent-bubble);
  }
  .message.agent .bubble a {
    color: inherit;
  }
  .message.bot .bubble {
    border-style: dashed;
  }
  .meta {
    display: flex;
    gap: var(--_cc-space-2);
    font-size: 0.8em;
  }
  .meta .author {
    font-weight: 600;
  }
  .text {
    white-space: pre-wrap;
  }
  .initials {
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 2rem;
    block-size: 2rem;
    border-radius: 50%;
    background: var(--_cc-color-text-muted);
    color: var(--_cc-color-surface);
    font-size: 0.75rem;
    font-weight: 700;
  }
  .announcement {
    align-self: center;
    display: flex;
    gap: var(--_cc-space-2);
    color: var(--_cc-color-text-muted);
    font-size: 0.85em;
  }
  .receipt {
    font-size: 0.8em;
    color: var(--_cc-color-text-muted);
  }
  .receipt[data-receipt='failed'] {
    color: var(--_cc-color-danger);
  }
  [part='attachment'][data-blocked] {
    opacity: 0.6;
  }

  /* ---- composer ---- */
  .composer {
    display: grid;
    gap: var(--_cc-space-2);
    border-block-start: 1px solid var(--_cc-color-border);
    padding-block-start: var(--_cc-space-2);
  }
  .toolbar,
  .tabs,
  .send-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-1);
    align-items: center;
  }
  .tabs [aria-selected='true'] {
    background: var(--_cc-color-accent);
    color: var(--_cc-color-on-accent);
  }
  .style[data-style='bold'] {
    font-weight: 700;
  }
  .style[data-style='italic'] {
    font-style: italic;
  }
  .style[data-style='strikethrough'] {
    text-decoration: line-through;
  }
  .style[aria-pressed='true'] {
    background: var(--_cc-color-accent);
    color: var(--_cc-color-on-accent);
  }
  textarea {
    font: inherit;
    color: inherit;
    inline-size: 100%;
    resize: vertical;
    padding: var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface);
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_cc-color-danger);
  }
  .send-row .hint {
    flex: 1;
  }
  .count[data-over] {
    color: var(--_cc-color-danger);
    font-weight: 600;
  }
  .pending-files {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-2);
  }
  .pending-files li {
    display: flex;
    gap: var(--_cc-space-1);
    align-items: center;
    padding: var(--_cc-space-1) var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
  }
  button.icon {
    min-block-size: 1.75rem;
    padding: 0 var(--_cc-space-2);
  }

  /* ---- dialogs ---- */
  dialog {
    max-inline-size: min(32rem, 90vw);
    padding: var(--_cc-space-4);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface);
    color: var(--_cc-color-text);
    box-shadow: var(--_cc-elevation);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog[open],
  dialog form {
    display: flex;
    flex-direction: column;
    gap: var(--_cc-space-3);
  }
  dialog p {
    line-height: 1.4;
  }
  .param {
    display: grid;
    gap: var(--_cc-space-1);
  }
  @media (prefers-reduced-motion: no-preference) {
    .offer {
      animation: cc-task-arrive var(--_cc-motion-duration) ease-out;
    }
  }
  @keyframes cc-task-arrive {
    from {
      transform: translateY(4px);
    }
  }
`;
