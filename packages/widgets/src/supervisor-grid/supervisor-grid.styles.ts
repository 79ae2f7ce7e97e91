import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_max-block-size: var(--cc-supervisor-grid-max-block-size, 32rem);
    --_row: var(--cc-supervisor-grid-row-block-size, 2.75rem);
    --_min-inline-size: var(--cc-supervisor-grid-min-inline-size, 58rem);
    --_busy: var(--cc-supervisor-grid-busy-color, var(--_cc-color-accent));
    --_warning: var(--cc-supervisor-grid-warning-color, var(--_cc-color-danger));
    --_selected: var(--cc-supervisor-grid-selected-background, color-mix(in srgb, var(--_cc-color-accent) 12%, transparent));
    background: var(--_cc-color-surface);
  }
  p {
    margin: 0;
  }

  /* ---- tabs ---- */
  [part='tabs'] {
    display: flex;
    gap: var(--_cc-space-1);
    border-block-end: 1px solid var(--_cc-color-border);
    margin-block-end: var(--_cc-space-2);
  }
  [part~='tab'] {
    border: 0;
    border-block-end: 3px solid transparent;
    border-radius: 0;
    background: transparent;
    font-weight: 600;
    color: var(--_cc-color-text-muted);
  }
  [part~='tab'][aria-selected='true'] {
    color: var(--_cc-color-text);
    border-block-end-color: var(--_cc-color-accent);
  }
  .tab-warning {
    margin-inline-start: var(--_cc-space-1);
    color: var(--_warning);
  }

  /* ---- toolbar ---- */
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_cc-space-2) var(--_cc-space-3);
  }
  .search {
    flex: 1 1 12rem;
    min-inline-size: 10rem;
  }
  .field {
    display: grid;
    gap: 2px;
    font-size: 0.9em;
    color: var(--_cc-color-text-muted);
  }
  .field select {
    color: var(--_cc-color-text);
    min-inline-size: 9rem;
  }
  .toggles {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-1);
  }
  [part='status-toggle'] {
    min-block-size: 2rem;
    padding-inline: var(--_cc-space-2);
    border-radius: 999px;
    background: var(--_cc-color-surface);
  }
  [part='status-toggle'][aria-pressed='true'] {
    background: var(--_cc-color-accent);
    border-color: var(--_cc-color-accent);
    color: var(--_cc-color-on-accent);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_cc-space-1);
    min-block-size: 2rem;
  }
  .count {
    margin-block: var(--_cc-space-2);
    color: var(--_cc-color-text-muted);
    font-size: 0.9em;
  }

  /* ---- the agents grid ---- */
  .grid {
    position: relative;
    max-block-size: var(--_max-block-size);
    overflow: auto;
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    /* The sticky header (a row and its 1px border) never hides the row a keyboard user moves to (WCAG 2.4.11). */
    scroll-padding-block-start: calc(var(--_row) + 1px);
    --_columns: 2.75rem minmax(10rem, 1.6fr) minmax(9rem, 1.1fr) 8rem 6rem minmax(9rem, 1.3fr) minmax(8rem, 1.4fr);
  }
  .grid.with-actions {
    --_columns: 2.75rem minmax(10rem, 1.6fr) minmax(9rem, 1.1fr) 8rem 6rem minmax(9rem, 1.3fr) minmax(8rem, 1.4fr) 4.75rem;
  }
  .grid:focus-visible {
    outline-offset: -2px;
  }
  .head,
  .body {
    min-inline-size: var(--_min-inline-size);
  }
  /* SV-5: the rows' box is the virtualizer's host, as tall as all its rows (the virtualizer sets its
     min-height): what changes inside it — rows coming into view, moved by a re-sort, redrawn — is laid
     out and painted without looking outside. The virtualizer writes its own inline contain (size
     layout) and min-width (100%) on its host; these win, so the rows keep the columns' minimum width. */
  .body {
    contain: strict !important;
    min-inline-size: var(--_min-inline-size) !important;
    /* Until the virtualizer sizes it: room for the "Loading…" row. */
    min-block-size: var(--_row);
  }
  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_cc-color-surface-raised);
    border-block-end: 1px solid var(--_cc-color-border);
    font-weight: 600;
  }
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    align-items: center;
    inline-size: 100%;
    block-size: var(--_row);
  }
  .body > .row {
    /* All rows are one height (the virtualizer's layout places them by arithmetic). Contained, a row's
       changes stay in the row and one moved by a re-sort is cheap to move: its inside is not laid out again. */
    contain: strict;
    border-block-end: 1px solid var(--_cc-color-border);
    background: var(--_cc-color-surface);
  }
  .body > .row[aria-selected='true'] {
    background: var(--_selected);
  }
  .body > .row[aria-selected='true'] > .cell:first-child {
    border-inline-start: 3px solid var(--_cc-color-accent);
  }
  .cell {
    min-inline-size: 0;
    block-size: 100%;
    display: flex;
    align-items: center;
    gap: var(--_cc-space-1);
    padding-inline: var(--_cc-space-2);
    overflow: hidden;
    white-space: nowrap;
  }
  .cell:focus-visible,
  .cell button:focus-visible {
    outline-offset: -2px;
  }
  .cell.favourite,
  .cell.actions {
    justify-content: center;
    padding-inline: 0;
  }
  .cell.time {
    font-variant-numeric: tabular-nums;
  }
  .head button {
    min-block-size: 2rem;
    padding: var(--_cc-space-1);
    border: 0;
    background: transparent;
    font-weight: inherit;
    display: inline-flex;
    align-items: center;
    gap: var(--_cc-space-1);
    white-space: nowrap;
  }
  .arrow {
    color: var(--_cc-color-text-muted);
    font-size: 0.8em;
  }
  [aria-sort='ascending'] .arrow,
  [aria-sort='descending'] .arrow {
    color: var(--_cc-color-accent);
  }
  [part='favourite'],
  [part='actions'] {
    min-block-size: 2rem;
    min-inline-size: 2rem;
    padding: 0;
    border-color: transparent;
    background: transparent;
    font-size: 1.1em;
    line-height: 1;
  }
  [part='favourite'][aria-pressed='true'] {
    color: var(--_cc-color-not-ready);
  }
  [part='name'] {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    flex: 0 1 auto;
  }
  /* In a narrow column the team gives way before the name does. */
  .team {
    flex: 0 100 auto;
  }
  .team,
  .reason {
    color: var(--_cc-color-text-muted);
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .row-error {
    color: var(--_cc-color-danger);
    font-weight: 700;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 0 var(--_cc-space-2);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.85em;
    flex: none;
    /* Its own surface: the colours keep their contrast on a selected or hovered row. */
    background: var(--_cc-color-surface);
  }
  /* A dot before the words: the status reads from its words, shape and colour together. */
  .badge::before {
    content: '';
    inline-size: 0.5em;
    block-size: 0.5em;
    border-radius: 50%;
    background: currentColor;
  }
  .badge[data-status='ready'] {
    color: var(--_cc-color-ready);
  }
  .badge[data-status='notReady'] {
    color: var(--_cc-color-not-ready);
  }
  .badge[data-status='notReady']::before {
    background: transparent;
    border: 2px solid currentColor;
  }
  .badge[data-status='busy'] {
    color: var(--_busy);
  }
  .badge[data-status='wrapUp'] {
    color: var(--_cc-color-text);
  }
  .badge[data-status='wrapUp']::before {
    border-radius: 1px;
  }
  .badge[data-status='signedOut'] {
    color: var(--_cc-color-text-muted);
    border-style: dashed;
  }
  .badge[data-status='signedOut']::before {
    display: none;
  }
  .icon {
    inline-size: 1.1em;
    block-size: 1.1em;
    flex: none;
  }
  .channel {
    position: relative;
    display: inline-flex;
    padding: 2px;
  }
  .channel .dot {
    position: absolute;
    inset-block-end: 0;
    inset-inline-end: -2px;
    inline-size: 0.5em;
    block-size: 0.5em;
    border-radius: 50%;
    box-shadow: 0 0 0 1.5px var(--_cc-color-surface);
  }
  .channel[data-status='ready'] {
    color: var(--_cc-color-ready);
  }
  .channel[data-status='ready'] .dot {
    background: var(--_cc-color-ready);
  }
  .channel[data-status='notReady'] {
    color: var(--_cc-color-not-ready);
  }
  .channel[data-status='notReady'] .dot {
    background: var(--_cc-color-surface);
    border: 2px solid var(--_cc-color-not-ready);
  }
  .channel[data-status='failed'] {
    color: var(--_cc-color-danger);
  }
  .channel[data-status='failed'] .dot {
    background: var(--_cc-color-danger);
    border-radius: 1px;
  }
  .channel[data-status='signedOut'],
  .channel[data-status='signingIn'] {
    color: var(--_cc-color-text-muted);
    opacity: 0.45;
  }
  .count-badge {
    min-inline-size: 1.5em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .interaction {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    padding: 0 var(--_cc-space-1);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface-raised);
    font-variant-numeric: tabular-nums;
  }
  /* Held or ringing: a dashed edge and the word, readable on any surface. */
  .interaction[data-status='held'],
  .interaction[data-status='offered'] {
    outline: 1px dashed var(--_cc-color-not-ready);
    outline-offset: -1px;
  }
  .interaction-status {
    font-size: 0.85em;
  }
  .monitoring {
    margin-inline-start: 2px;
    padding: 0 4px;
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-accent);
    color: var(--_cc-color-on-accent);
    font-size: 0.8em;
    font-weight: 600;
  }
  [part='queues'] {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .queue.off {
    color: var(--_cc-color-text-muted);
    text-decoration: line-through;
  }

  /* ---- the actions menu (a popover in the top layer, placed next to its row) ---- */
  .menu {
    position: fixed;
    inset: auto;
    margin: 0;
    min-inline-size: 14rem;
    max-inline-size: min(22rem, calc(100vw - 16px));
    max-block-size: calc(100vh - 16px);
    overflow: auto;
    padding: var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface);
    color: var(--_cc-color-text);
    box-shadow: var(--_cc-elevation);
  }
  .menu-heading {
    font-weight: 700;
  }
  .menu-state {
    color: var(--_cc-color-text-muted);
    font-size: 0.9em;
    margin-block-end: var(--_cc-space-1);
  }
  .menu-items {
    display: grid;
    gap: var(--_cc-space-1);
  }
  .menu-group {
    display: grid;
    padding-block-start: var(--_cc-space-1);
    border-block-start: 1px solid var(--_cc-color-border);
  }
  .group-label {
    padding: 2px var(--_cc-space-2);
    font-size: 0.8em;
    font-weight: 600;
    text-transform: uppercase;
    color: var(--_cc-color-text-muted);
  }
  [part='menu-item'] {
    display: flex;
    align-items: center;
    gap: var(--_cc-space-2);
    inline-size: 100%;
    min-block-size: 2rem;
    text-align: start;
    border-color: transparent;
    background: transparent;
  }
  [part='menu-item']:hover,
  [part='menu-item']:focus-visible {
    background: var(--_cc-color-surface-raised);
  }
  [part='menu-item'][role='menuitemcheckbox']::before,
  [part='menu-item'][role='menuitemradio']::before {
    content: '';
    flex: none;
    inline-size: 1em;
    text-align: center;
  }
  [part='menu-item'][role='menuitemcheckbox'][aria-checked='true']::before {
    content: '✓';
  }
  [part='menu-item'][role='menuitemradio'][aria-checked='true']::before {
    content: '●';
  }
  [part='menu-item'][aria-busy='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  .alert:not(:has(*)) {
    display: none;
  }
  [part='error'] {
    margin-block-start: var(--_cc-space-2);
    padding: var(--_cc-space-2);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-danger-surface);
    color: var(--_cc-color-danger);
  }
  .trace {
    display: block;
    font-size: 0.85em;
  }

  /* ---- empty states ---- */
  .empty {
    display: grid;
    gap: var(--_cc-space-2);
    justify-items: start;
    padding: var(--_cc-space-4) var(--_cc-space-1);
    color: var(--_cc-color-text-muted);
  }
  .empty button {
    color: var(--_cc-color-text);
  }

  /* ---- queues view ---- */
  .table-scroller {
    overflow: auto;
    max-block-size: var(--_max-block-size);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  thead th {
    position: sticky;
    inset-block-start: 0;
    background: var(--_cc-color-surface-raised);
    border-block-end: 1px solid var(--_cc-color-border);
    padding: var(--_cc-space-2);
    text-align: end;
    white-space: nowrap;
  }
  th.name {
    text-align: start;
  }
  tbody th,
  tbody td {
    padding: var(--_cc-space-1) var(--_cc-space-2);
    border-block-end: 1px solid var(--_cc-color-border);
    text-align: end;
  }
  tbody th {
    font-weight: 600;
  }
  .media {
    display: inline-flex;
    vertical-align: middle;
    color: var(--_cc-color-text-muted);
    margin-inline-end: var(--_cc-space-1);
  }
  [part='queue-row'][data-warning] th {
    border-inline-start: 3px solid var(--_warning);
  }
  [part='warning'] {
    display: inline-block;
    margin-inline-start: var(--_cc-space-2);
    color: var(--_warning);
    font-weight: 600;
    font-size: 0.9em;
  }
`;
