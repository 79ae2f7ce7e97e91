import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_chosen: var(--cc-wrapup-picker-chosen-color, var(--_cc-color-ready));
    --_list-height: var(--cc-wrapup-picker-list-max-block-size, 14rem);
    --_urgent: var(--cc-wrapup-picker-urgent-color, var(--_cc-color-danger));
  }
  [part='wrapup'] {
    display: grid;
    gap: var(--_cc-space-2);
    padding: var(--_cc-space-3);
    background: var(--_cc-color-surface);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
  }
  [part='wrapup'] + [part='wrapup'] {
    margin-block-start: var(--_cc-space-2);
  }
  [part='task'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_cc-space-1) var(--_cc-space-2);
    margin: 0;
  }
  [part='task'] .media,
  [part='task'] .queue {
    color: var(--_cc-color-text-muted);
  }
  .menu {
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    overflow: hidden;
  }
  .menu-head {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--_cc-space-2);
    padding: var(--_cc-space-1) var(--_cc-space-2);
    background: var(--_cc-color-surface-raised);
    font-weight: 600;
  }
  .required {
    font-weight: normal;
    color: var(--_cc-color-text-muted);
  }
  [part='countdown'] {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  [part='countdown'].urgent {
    color: var(--_urgent);
  }
  [part='reasons'] {
    max-block-size: var(--_list-height);
    overflow: auto;
    padding: var(--_cc-space-1);
    outline-offset: -2px;
  }
  [part~='reason'] {
    display: flex;
    align-items: center;
    gap: var(--_cc-space-2);
    min-block-size: 2rem;
    padding: var(--_cc-space-1) var(--_cc-space-2);
    border: 1px solid transparent;
    border-radius: var(--_cc-radius);
    cursor: pointer;
  }
  [part~='reason']:hover {
    background: var(--_cc-color-surface-raised);
  }
  [part='reasons']:focus-visible [part~='reason'][data-active] {
    outline: 2px solid var(--_cc-color-focus);
    outline-offset: -2px;
  }
  .check {
    display: inline-block;
    inline-size: 1em;
    text-align: center;
    font-weight: 700;
  }
  /* WU-2: the chosen reason is green, and carries a check so colour is not the only sign. */
  [part~='reason'][aria-selected='true'] {
    color: var(--_chosen);
    border-color: var(--_chosen);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_cc-space-2);
  }
  [part='hint'] {
    margin: 0;
    color: var(--_cc-color-text-muted);
  }
  [part='hint'].chosen {
    color: var(--_chosen);
    font-weight: 600;
  }
  [part='error'] .error {
    margin: 0;
    padding: var(--_cc-space-2) var(--_cc-space-3);
    background: var(--_cc-color-danger-surface);
    border-radius: var(--_cc-radius);
  }
  .trace {
    display: block;
    font-size: 0.9em;
  }
  [part='notice'] {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_cc-space-2);
    margin: 0 0 var(--_cc-space-2);
    padding: var(--_cc-space-2) var(--_cc-space-3);
    border-inline-start: 4px solid var(--_chosen);
    background: var(--_cc-color-surface-raised);
    border-radius: var(--_cc-radius);
  }
  [part='notice'] .about {
    display: block;
    color: var(--_cc-color-text-muted);
    font-size: 0.9em;
  }
  [part='dismiss'] {
    flex: none;
    min-inline-size: 2.25rem;
    padding-inline: var(--_cc-space-2);
  }
  [part='idle'] {
    margin: 0;
    color: var(--_cc-color-text-muted);
  }
  @media (prefers-reduced-motion: no-preference) {
    [part~='reason'] {
      transition: background-color var(--_cc-motion-duration);
    }
  }
`;
