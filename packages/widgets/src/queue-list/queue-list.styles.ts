import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_max-block-size: var(--cc-queue-list-max-block-size, none);
    --_monitor: var(--cc-queue-list-monitor-color, var(--_cc-color-accent));
    --_warning: var(--cc-queue-list-warning-color, var(--_cc-color-not-ready));
    --_pending-background: var(--cc-queue-list-pending-background, var(--_cc-color-surface-raised));
    background: var(--_cc-color-surface);
  }
  p {
    margin: 0;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-1) var(--_cc-space-3);
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: var(--_cc-space-1);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_cc-space-1);
    min-block-size: 1.5rem;
  }
  [part='mode-toggle'] {
    margin-block-end: var(--_cc-space-2);
  }
  [part='toolbar'] {
    display: flex;
    gap: var(--_cc-space-2);
    align-items: center;
  }
  .search {
    flex: 1;
    min-inline-size: 0;
  }
  [part='filters'] {
    display: grid;
    gap: var(--_cc-space-3);
    justify-items: start;
    margin-block-start: var(--_cc-space-2);
    padding: var(--_cc-space-3);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface-raised);
  }
  .count {
    margin-block: var(--_cc-space-2);
    color: var(--_cc-color-text-muted);
    font-size: 0.9em;
  }
  .scroller {
    max-block-size: var(--_max-block-size);
    overflow: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  thead th {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_cc-color-surface);
    border-block-end: 1px solid var(--_cc-color-border);
    text-align: start;
    font-weight: 600;
    padding: var(--_cc-space-1);
    white-space: nowrap;
  }
  thead th.figure {
    text-align: end;
  }
  thead button {
    min-block-size: 2rem;
    padding: var(--_cc-space-1);
    border: 0;
    background: transparent;
    font-weight: inherit;
    display: inline-flex;
    align-items: center;
    gap: var(--_cc-space-1);
  }
  .arrow {
    color: var(--_cc-color-text-muted);
    font-size: 0.8em;
  }
  [aria-sort='ascending'] .arrow,
  [aria-sort='descending'] .arrow {
    color: var(--_cc-color-accent);
  }
  .group-heading {
    text-align: start;
    padding: var(--_cc-space-3) var(--_cc-space-1) var(--_cc-space-1);
  }
  [part='group-heading'] {
    margin: 0;
    font-size: 1em;
    font-weight: 700;
  }
  .group-count {
    font-weight: 400;
    color: var(--_cc-color-text-muted);
  }
  td {
    padding: var(--_cc-space-1);
    border-block-end: 1px solid var(--_cc-color-border);
    vertical-align: middle;
  }
  td.figure {
    text-align: end;
    font-variant-numeric: tabular-nums;
    padding-inline-end: var(--_cc-space-2);
  }
  th.tick,
  td.tick {
    inline-size: 1%;
    white-space: nowrap;
    text-align: center;
  }
  td.name {
    overflow-wrap: anywhere;
  }
  [part='checkbox'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--_cc-color-accent);
    cursor: pointer;
  }
  table[data-mode='supervisor'] [part='checkbox'] {
    accent-color: var(--_monitor);
  }
  td.name label {
    cursor: pointer;
  }
  [part='status'] {
    color: var(--_cc-color-text-muted);
    font-size: 0.9em;
  }
  [part='status'][data-on='true'] {
    color: var(--_cc-color-text);
  }
  .check {
    color: var(--_monitor);
    font-weight: 700;
  }
  [part='row'][data-pending] td {
    background: var(--_pending-background);
  }
  /* A bar on the leading edge (right in RTL): pending rows differ in shape too, not by colour alone. */
  [part='row'][data-pending] td.tick {
    border-inline-start: 3px solid var(--_cc-color-accent);
  }
  [part='pending'] {
    display: inline-block;
    margin-inline-start: var(--_cc-space-2);
    padding: 0 var(--_cc-space-1);
    border: 1px dashed var(--_cc-color-accent);
    border-radius: var(--_cc-radius);
    color: var(--_cc-color-accent);
    font-size: 0.8em;
  }
  [part='warning'] {
    display: inline-block;
    margin-inline-start: var(--_cc-space-1);
    color: var(--_warning);
    font-weight: 700;
  }
  [part='empty'] {
    display: grid;
    gap: var(--_cc-space-2);
    justify-items: start;
    padding: var(--_cc-space-4) var(--_cc-space-1);
    color: var(--_cc-color-text-muted);
  }
  [part='empty'] button {
    color: var(--_cc-color-text);
  }
  /* Not sticky: a footer pinned over the page would hide the row a keyboard user just focused
     (WCAG 2.4.11). A host that wants Confirm always in view sets --cc-queue-list-max-block-size,
     so the table scrolls on its own above the footer. */
  [part='footer'] {
    display: grid;
    gap: var(--_cc-space-2);
    padding: var(--_cc-space-2) var(--_cc-space-1);
    margin-block-start: var(--_cc-space-2);
    border-block-start: 1px solid var(--_cc-color-border);
    background: var(--_cc-color-surface);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-2);
  }
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .vanished {
    color: var(--_warning);
  }
  [part='success'] {
    color: var(--_cc-color-ready);
  }
  [part='error'] {
    padding: var(--_cc-space-2) var(--_cc-space-3);
    background: var(--_cc-color-danger-surface);
    color: var(--_cc-color-danger);
    border-radius: var(--_cc-radius);
  }
  .trace {
    display: block;
    font-size: 0.9em;
  }
  @container (max-width: 30rem) {
    thead button {
      white-space: normal;
      text-align: start;
    }
    thead th {
      white-space: normal;
    }
  }
`;
