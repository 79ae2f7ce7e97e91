import { createContext } from '@lit/context';
import type { CcClient } from '@cc-elements/core';

/** The shared client, provided by <cc-provider> to every widget below it (PL-2). */
export const clientContext = createContext<CcClient | undefined>(Symbol.for('cc-elements/client'));
