// What the Finesse demo pages learn about the running emulator: its nodes, its users and their
// credentials, and its control endpoint. `npm run demo:finesse` serves it from memory at
// /__finesse/env.json (scripts/demo-finesse.mjs); it is never a file in the repository.

import type { FinesseEmulatorNode, FinesseEmulatorUser } from '../../packages/adapters/finesse/emulator/server.js';

/** One emulator node as the emulator's CLI describes it. */
export type EmulatorNode = Pick<FinesseEmulatorNode, 'name' | 'domain' | 'pubsubDomain' | 'restUrl' | 'xmppUrl' | 'boshUrl'>;

/** A demo user with what signs them in (demo credentials of a local emulator only). */
export type EmulatorUser = Omit<FinesseEmulatorUser, 'extension'> & { readonly extension?: string };

export interface EmulatorEnv {
  readonly scenario: string;
  readonly systemAuthMode: string;
  readonly nodes: readonly EmulatorNode[];
  readonly users: readonly EmulatorUser[];
  /** The primary node's JSON control endpoint, e.g. `http://127.0.0.1:41234/emulator`. */
  readonly control: string;
}

export const ENV_URL = '/__finesse/env.json';

/** The running emulator, or undefined when the page was not started by `npm run demo:finesse`. */
export async function loadEmulatorEnv(): Promise<EmulatorEnv | undefined> {
  try {
    const response = await fetch(ENV_URL, { cache: 'no-store' });
    if (!response.ok || !response.headers.get('content-type')?.includes('json')) return undefined;
    const env = (await response.json()) as EmulatorEnv;
    return Array.isArray(env.nodes) && env.nodes.length > 0 && Array.isArray(env.users) ? env : undefined;
  } catch {
    return undefined;
  }
}

/** The user asked for in the query string (`?agent=`), else Ana (an agent), else the first one. */
export function pickUser(env: EmulatorEnv, requested: string | null): EmulatorUser {
  return (
    env.users.find((u) => u.id === requested) ??
    env.users.find((u) => u.id === 'ana.popescu') ??
    env.users.find((u) => u.roles.includes('agent')) ??
    env.users[0]!
  );
}

/** Tells the reader how to start the page properly, in place of `target`'s content. */
export function showNotStarted(target: Element): void {
  const note = document.createElement('p');
  note.className = 'notice';
  note.setAttribute('role', 'alert');
  note.textContent = 'This page needs the Finesse emulator: start it with "npm run demo:finesse" and open the URL it prints.';
  target.replaceChildren(note);
}
