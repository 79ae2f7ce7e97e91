import { createContext } from '@lit/context';
import type { CcClient } from '@cc-elements/core';
import type { Shortcuts } from './shortcuts.js';

/** The shared client, provided by <cc-provider> to every widget below it (PL-2). */
export const clientContext = createContext<CcClient | undefined>(Symbol.for('cc-elements/client'));

/** KB: what <cc-provider> gives the widgets inside it — its shortcut table and whether shortcuts are page-wide. */
export interface ShortcutSettings {
  readonly shortcuts: Shortcuts;
  readonly global: boolean;
}

export const shortcutContext = createContext<ShortcutSettings | undefined>(Symbol.for('cc-elements/shortcuts'));
