import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    position: relative;
    --_indicator-size: var(--cc-agent-state-indicator-size, 0.75rem);
    --_menu-width: var(--cc-agent-state-menu-inline-size, 20rem);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cc-space-2);
  }
  [part='trigger'] {
    display: inline-flex;
    align-items: center;
    gap: var(--_cc-space-2);
  }
  [part~='indicator'] {
    inline-size: var(--_indicator-size);
    block-size: var(--_indicator-size);
    border-radius: 50%;
    border: 2px solid var(--_cc-color-text-muted);
    flex: none;
  }
  [part~='indicator'][data-state='allReady'] {
    background: var(--_cc-color-ready);
    border-color: var(--_cc-color-ready);
  }
  [part~='indicator'][data-state='allNotReady'] {
    background: var(--_cc-color-not-ready);
    border-color: var(--_cc-color-not-ready);
  }
  [part~='indicator'][data-state='partial'] {
    background: linear-gradient(90deg, var(--_cc-color-ready) 50%, var(--_cc-color-not-ready) 50%);
    border-color: var(--_cc-color-not-ready);
  }
  [part~='indicator'][data-state='failed'] {
    background: var(--_cc-color-danger);
    border-color: var(--_cc-color-danger);
  }
  [part~='indicator'][data-state='signedOut'] {
    background: transparent;
  }
  ul.channels {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space-1) var(--_cc-space-3);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='channel'] {
    display: inline-flex;
    align-items: baseline;
    gap: var(--_cc-space-1);
    font-size: 0.9em;
  }
  .status-ready {
    color: var(--_cc-color-ready);
  }
  .status-notReady,
  .status-partial {
    color: var(--_cc-color-not-ready);
  }
  .status-failed {
    color: var(--_cc-color-danger);
  }
  time {
    font-variant-numeric: tabular-nums;
    color: var(--_cc-color-text-muted);
  }
  [part='menu'] {
    position: absolute;
    inset-block-start: calc(100% + var(--_cc-space-1));
    inset-inline-start: 0;
    z-index: 10;
    inline-size: var(--_menu-width);
    max-inline-size: 90vw;
    max-block-size: 70vh;
    overflow: auto;
    padding: var(--_cc-space-1);
    background: var(--_cc-color-surface);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    box-shadow: var(--_cc-elevation);
  }
  [role='group'] + [role='group'] {
    border-block-start: 1px solid var(--_cc-color-border);
    margin-block-start: var(--_cc-space-1);
    padding-block-start: var(--_cc-space-1);
  }
  .group-label {
    display: flex;
    justify-content: space-between;
    gap: var(--_cc-space-2);
    padding: var(--_cc-space-1) var(--_cc-space-2);
    font-weight: 600;
    font-size: 0.85em;
  }
  [role='menuitem'] {
    display: block;
    inline-size: 100%;
    min-block-size: 2rem;
    text-align: start;
    border: 0;
    border-radius: var(--_cc-radius);
    background: transparent;
    padding: var(--_cc-space-1) var(--_cc-space-3);
  }
  [role='menuitem']:hover,
  [role='menuitem']:focus-visible {
    background: var(--_cc-color-surface-raised);
  }
  [part='errors'] ul {
    margin: var(--_cc-space-1) 0 0;
    padding: var(--_cc-space-2) var(--_cc-space-3);
    list-style: none;
    background: var(--_cc-color-danger-surface);
    color: var(--_cc-color-danger);
    border-radius: var(--_cc-radius);
  }
`;
