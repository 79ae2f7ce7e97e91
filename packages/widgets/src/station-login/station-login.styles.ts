import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_gap: var(--cc-station-login-gap, var(--_cc-space-3));
    max-inline-size: var(--cc-station-login-max-inline-size, 32rem);
    container-type: inline-size;
  }
  form,
  [part='summary'] {
    display: grid;
    gap: var(--_gap);
    padding: var(--_cc-space-4);
    background: var(--_cc-color-surface);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
  }
  h2 {
    margin: 0;
    font-size: 1.125rem;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: grid;
    gap: var(--_cc-space-1);
  }
  legend,
  label.field-label {
    font-weight: 600;
    margin-block-end: var(--_cc-space-1);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-1) var(--_cc-space-4);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_cc-space-1);
  }
  .choice small {
    color: var(--_cc-color-text-muted);
  }
  .dial {
    display: grid;
    grid-template-columns: minmax(10rem, 1fr) minmax(10rem, 1.4fr);
    gap: var(--_cc-space-2);
    align-items: end;
  }
  @container (max-width: 28rem) {
    .dial {
      grid-template-columns: 1fr;
    }
  }
  .country {
    display: grid;
    gap: var(--_cc-space-1);
  }
  [part='server-error'] {
    padding: var(--_cc-space-2) var(--_cc-space-3);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-danger-surface);
    color: var(--_cc-color-danger);
  }
  [part='server-error'] p {
    margin: 0;
  }
  .trace {
    font-size: 0.8em;
    color: var(--_cc-color-text-muted);
  }
  .notice {
    color: var(--_cc-color-not-ready);
    margin: 0;
  }
  .actions {
    display: flex;
    gap: var(--_cc-space-2);
    align-items: center;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_cc-space-1) var(--_cc-space-3);
    margin: 0;
  }
  dt {
    color: var(--_cc-color-text-muted);
  }
  dd {
    margin: 0;
  }
`;
