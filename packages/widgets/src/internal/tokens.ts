// The token sheet: every widget reads private `--_cc-*` values that fall back from the public
// `--cc-*` tokens a host may set (on :root or any ancestor) to the built-in light or dark value.

import { css, unsafeCSS } from 'lit';

interface Token {
  readonly name: string;
  readonly light: string;
  readonly dark?: string;
}

/** The public tokens; README "Theming" lists them. */
export const TOKENS: readonly Token[] = [
  { name: 'color-surface', light: '#ffffff', dark: '#1d1f23' },
  { name: 'color-surface-raised', light: '#f5f6f8', dark: '#272a30' },
  { name: 'color-text', light: '#1b1d21', dark: '#eceef2' },
  { name: 'color-text-muted', light: '#5a606b', dark: '#a9afbb' },
  { name: 'color-border', light: '#c4c9d2', dark: '#4a4f59' },
  { name: 'color-accent', light: '#0b5cad', dark: '#6cb2ff' },
  { name: 'color-on-accent', light: '#ffffff', dark: '#0b1a2b' },
  { name: 'color-ready', light: '#1a7f37', dark: '#4ac26b' },
  { name: 'color-not-ready', light: '#b35900', dark: '#f0a04b' },
  { name: 'color-danger', light: '#c62828', dark: '#ff7b72' },
  { name: 'color-danger-surface', light: '#fdecea', dark: '#3b1e1e' },
  { name: 'color-focus', light: '#0b5cad', dark: '#6cb2ff' },
  { name: 'space-1', light: '4px' },
  { name: 'space-2', light: '8px' },
  { name: 'space-3', light: '12px' },
  { name: 'space-4', light: '16px' },
  { name: 'radius', light: '6px' },
  { name: 'font-family', light: 'inherit' },
  { name: 'font-size', light: '0.875rem' },
  { name: 'elevation', light: '0 4px 16px rgb(0 0 0 / 0.16)', dark: '0 4px 16px rgb(0 0 0 / 0.5)' },
  { name: 'motion-duration', light: '120ms' },
];

const declarations = (scheme: 'light' | 'dark') =>
  unsafeCSS(TOKENS.map((t) => `--_cc-${t.name}: var(--cc-${t.name}, ${scheme === 'dark' ? (t.dark ?? t.light) : t.light});`).join('\n'));

const dark = declarations('dark');

export const tokens = css`
  :host {
    ${declarations('light')}
    color-scheme: light;
    font-family: var(--_cc-font-family);
    font-size: var(--_cc-font-size);
    color: var(--_cc-color-text);
  }
  :host([theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
      color-scheme: dark;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_cc-motion-duration: 0ms;
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 2px solid var(--_cc-color-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** Shared form-control look, for widgets with inputs and buttons. */
export const controls = css`
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  input:not([type='checkbox']):not([type='radio']),
  select {
    inline-size: 100%;
    min-block-size: 2.25rem;
    padding: var(--_cc-space-1) var(--_cc-space-2);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface);
  }
  /* As specific as the rule above, so read-only fields look read-only. */
  input:not([type='checkbox']):not([type='radio'])[readonly] {
    background: var(--_cc-color-surface-raised);
  }
  input[aria-invalid='true'] {
    border-color: var(--_cc-color-danger);
  }
  button {
    min-block-size: 2.25rem;
    padding: var(--_cc-space-1) var(--_cc-space-3);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface-raised);
    cursor: pointer;
  }
  button.primary {
    background: var(--_cc-color-accent);
    border-color: var(--_cc-color-accent);
    color: var(--_cc-color-on-accent);
  }
  button:disabled,
  button[aria-disabled='true']:not([aria-busy='true']) {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .error {
    color: var(--_cc-color-danger);
    margin: var(--_cc-space-1) 0 0;
  }
  .hint {
    color: var(--_cc-color-text-muted);
    margin: var(--_cc-space-1) 0 0;
  }
  .connection-lost {
    margin: 0 0 var(--_cc-space-2);
    padding: var(--_cc-space-2) var(--_cc-space-3);
    border: 1px solid var(--_cc-color-danger);
    border-radius: var(--_cc-radius);
    color: var(--_cc-color-danger);
    background: var(--_cc-color-surface);
  }
`;
