// Test support for the simulator's tests: what the server said when it refused.

import { CcError } from '@cc-elements/core';

/** Runs a server call that must refuse, and returns its CcError. */
export function refusalOf(run: () => void): CcError {
  try {
    run();
  } catch (error) {
    if (error instanceof CcError) return error;
    throw error;
  }
  throw new Error('expected the server to refuse');
}
