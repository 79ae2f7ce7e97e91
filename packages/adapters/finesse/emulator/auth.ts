// Who is calling (brief §1): HTTP Basic with the login id (or login name) and password, or
// Bearer with an SSO-style token, as the system's auth mode allows, with Finesse's lockout after
// repeated failures. Shared by both nodes, like the directory behind a real cluster.

import type { EmulatorSettings } from './options.js';

export type AuthResult = { readonly ok: true; readonly userId: string } | { readonly ok: false; readonly message: string };

export class Authenticator {
  readonly #settings: EmulatorSettings;
  readonly #passwords: ReadonlyMap<string, string>;
  readonly #tokens: ReadonlyMap<string, string>;
  readonly #failures = new Map<string, { count: number; lockedUntil: number }>();

  /** `passwords` and `tokens` map user ids to their secrets. */
  constructor(settings: EmulatorSettings, passwords: ReadonlyMap<string, string>, tokens: ReadonlyMap<string, string>) {
    this.#settings = settings;
    this.#passwords = passwords;
    this.#tokens = new Map([...tokens].map(([userId, token]) => [token, userId]));
  }

  /** Checks an `Authorization` header; `now` is wall-clock ms (the lockout is real time). */
  check(header: string | undefined, now: number): AuthResult {
    const mode = this.#settings.systemAuthMode;
    if (!header) return { ok: false, message: 'Credentials are required.' };
    const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
    if (scheme.toLowerCase() === 'bearer') {
      if (mode === 'NON_SSO') return { ok: false, message: 'This system does not accept SSO tokens (systemAuthMode NON_SSO).' };
      const userId = this.#tokens.get(value);
      return userId === undefined ? { ok: false, message: 'The access token is not valid.' } : { ok: true, userId };
    }
    if (scheme.toLowerCase() !== 'basic') return { ok: false, message: `Unknown authorization scheme "${scheme}".` };
    if (mode === 'SSO') return { ok: false, message: 'This system signs in with SSO tokens only (systemAuthMode SSO).' };
    const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    if (colon < 1) return { ok: false, message: 'The Basic credentials are malformed.' };
    const userId = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    const expected = this.#passwords.get(userId);
    if (expected === undefined) return { ok: false, message: 'Unknown user or wrong password.' };
    const record = this.#failures.get(userId);
    const lockout = this.#settings.lockout;
    if (lockout && record && record.lockedUntil > now) {
      return { ok: false, message: `The account is locked after ${lockout.failures} failed sign-ins; try again later.` };
    }
    if (password !== expected) {
      const count = (record && record.lockedUntil <= now && record.lockedUntil > 0 ? 0 : (record?.count ?? 0)) + 1;
      const locked = lockout && count >= lockout.failures;
      this.#failures.set(userId, { count, lockedUntil: locked ? now + lockout.durationMs : 0 });
      return { ok: false, message: 'Unknown user or wrong password.' };
    }
    this.#failures.delete(userId);
    return { ok: true, userId };
  }
}
