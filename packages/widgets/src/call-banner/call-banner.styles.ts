import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-inline-size: var(--cc-call-banner-max-inline-size, 40rem);
    --_accent: var(--cc-call-banner-accent, var(--_cc-color-ready));
    --_urgent: var(--cc-call-banner-urgent, var(--_cc-color-danger));
    --_gap: var(--cc-call-banner-gap, var(--_cc-space-2));
    container-type: inline-size;
  }
  .call,
  .notices > li,
  .leftover {
    display: grid;
    gap: var(--_gap);
    padding: var(--_cc-space-3) var(--_cc-space-4);
    background: var(--_cc-color-surface);
    border: 1px solid var(--_cc-color-border);
    border-inline-start-width: 4px;
    border-radius: var(--_cc-radius);
  }
  .call + .call,
  .notices + .call,
  .call + .leftover,
  .leftover + .leftover {
    margin-block-start: var(--_cc-space-2);
  }
  .call[data-status='offered'] {
    border-inline-start-color: var(--_accent);
    box-shadow: var(--_cc-elevation);
    animation: cc-call-arrive var(--_cc-motion-duration) ease-out;
  }
  .call[data-status='active'] {
    border-inline-start-color: var(--_cc-color-accent);
  }
  .call[data-status='held'] {
    border-inline-start-color: var(--_cc-color-not-ready);
  }
  .call[data-status='wrapUp'] {
    padding-block: var(--_cc-space-2);
    border-inline-start-color: var(--_cc-color-text-muted);
  }
  @keyframes cc-call-arrive {
    from {
      transform: translateY(-4px);
    }
  }
  p {
    margin: 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_cc-space-2);
  }
  [part='heading'] {
    font-size: 1rem;
    font-weight: 600;
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_cc-space-1) var(--_cc-space-3);
  }
  [part='caller'],
  [part='number'].strong {
    font-size: 1.0625rem;
    font-weight: 600;
  }
  .muted,
  .queue,
  .hint {
    color: var(--_cc-color-text-muted);
  }
  .hint {
    margin: 0;
  }
  [part='number'],
  [part='countdown'],
  [part='duration'],
  [part='dtmf-digits'] {
    font-variant-numeric: tabular-nums;
  }
  [part='countdown'] {
    font-weight: 600;
    font-size: 1.0625rem;
  }
  [part='countdown'][data-urgent] {
    color: var(--_urgent);
  }
  .state {
    display: inline-flex;
    align-items: baseline;
    gap: var(--_cc-space-2);
  }
  .badge {
    padding: 0 var(--_cc-space-2);
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.8em;
    color: var(--_cc-color-not-ready);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-2);
  }
  button.primary,
  [part='accept'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_cc-color-on-accent);
    font-weight: 600;
  }
  /* The first key a keyboard user reaches on an offer: impossible to miss. */
  [part='accept']:focus-visible {
    outline: 3px solid var(--_cc-color-focus);
    outline-offset: 3px;
    box-shadow: 0 0 0 6px color-mix(in srgb, var(--_cc-color-focus) 25%, transparent);
  }
  button.danger {
    background: var(--_cc-color-danger);
    border-color: var(--_cc-color-danger);
    color: var(--_cc-color-on-accent);
  }
  button[aria-busy='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  button.link {
    justify-self: start;
    border-color: transparent;
    background: transparent;
    text-decoration: underline;
  }
  [part='picker'],
  [part='consultation'],
  [part='keypad'] {
    display: grid;
    gap: var(--_cc-space-2);
    padding: var(--_cc-space-2) var(--_cc-space-3);
    background: var(--_cc-color-surface-raised);
    border-radius: var(--_cc-radius);
  }
  [part='consultation'].failed {
    background: var(--_cc-color-danger-surface);
  }
  [part='consultation'].failed > p {
    color: var(--_cc-color-danger);
  }
  .picker-label {
    font-weight: 600;
  }
  [part='picker'] ul {
    display: grid;
    gap: var(--_cc-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='target'] {
    inline-size: 100%;
    display: flex;
    justify-content: space-between;
    gap: var(--_cc-space-2);
    text-align: start;
    background: var(--_cc-color-surface);
  }
  [part='target'] .muted {
    font-size: 0.85em;
  }
  .keys {
    display: grid;
    grid-template-columns: repeat(3, 3rem);
    gap: var(--_cc-space-1);
  }
  [part='key'] {
    padding: 0;
    font-size: 1.0625rem;
  }
  [part='dtmf-digits'] {
    min-block-size: 1.25em;
    letter-spacing: 0.15em;
  }
  /* SV-4: a supervisor on the call — a filled edge and the words, never colour alone. */
  [part='monitored'] {
    display: flex;
    align-items: baseline;
    gap: var(--_cc-space-2);
    padding: var(--_cc-space-1) var(--_cc-space-2);
    border-inline-start: 3px solid var(--_cc-color-accent);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface-raised);
    font-weight: 600;
  }
  .monitored-icon {
    color: var(--_cc-color-accent);
  }
  .wrap-up {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-2);
  }
  .notices {
    display: grid;
    gap: var(--_cc-space-2);
    margin: 0 0 var(--_cc-space-2);
    padding: 0;
    list-style: none;
  }
  .notices > li,
  .leftover {
    grid-template-columns: 1fr auto;
    align-items: center;
    border-inline-start-color: var(--_cc-color-not-ready);
    background: var(--_cc-color-surface-raised);
  }
  .notices > li[data-kind='abandoned'] {
    border-inline-start-color: var(--_cc-color-text-muted);
  }
  .leftover,
  .notices > li[data-kind='consultFailed'] {
    border-inline-start-color: var(--_cc-color-danger);
  }
  /* The live region stays in place (so it is heard when a message arrives) but takes no room. */
  .alert:not(:has(*)) {
    margin-block-start: calc(-1 * var(--_gap));
  }
  .error {
    margin: 0;
  }
  .trace {
    display: block;
    font-size: 0.85em;
    color: var(--_cc-color-text-muted);
  }
  @container (max-width: 20rem) {
    .actions > button {
      flex: 1 1 100%;
    }
  }
`;
