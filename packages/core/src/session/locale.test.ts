// PL-4: the agent's language preference in the client — kept in storage through reloads, a choice
// made before the stored one loads wins, bad tags refused, storage failures reported.

import { describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { createClient } from '../client/client.js';
import { settle } from '../client/client.test-support.js';
import { createTestAdapter } from '../testing.js';
import { isLocaleTag, LOCALE_KEY, loadLocale } from './locale.js';
import { memoryStorage, type StoragePort } from './storage.js';

const clientOn = (storage: StoragePort) => createClient({ adapter: createTestAdapter(), storage });
const current = (client: ReturnType<typeof clientOn>) => firstValueFrom(client.locale$);

describe('PL-4 locale preference', () => {
  it('PL-4: no language is chosen at first (the widgets follow the page)', async () => {
    const client = clientOn(memoryStorage());
    await settle();
    expect(await current(client)).toBeUndefined();
  });

  it('PL-4: setLocale is seen at once on locale$, stored, and comes back in a new client after a reload', async () => {
    const storage = memoryStorage();
    const first = clientOn(storage);
    const seen: (string | undefined)[] = [];
    first.locale$.subscribe((locale) => seen.push(locale));
    await first.setLocale('fr');
    await first.setLocale('ro-RO');
    expect(seen).toEqual([undefined, 'fr', 'ro-RO']);
    expect(await storage.get(LOCALE_KEY)).toBe('ro-RO');

    const second = clientOn(storage);
    await settle();
    expect(await current(second)).toBe('ro-RO');
  });

  it('PL-4: setLocale(undefined) forgets the choice', async () => {
    const storage = memoryStorage({ [LOCALE_KEY]: 'fr' });
    const client = clientOn(storage);
    await settle();
    expect(await current(client)).toBe('fr');
    await client.setLocale(undefined);
    expect(await current(client)).toBeUndefined();
    expect(storage.entries.has(LOCALE_KEY)).toBe(false);
  });

  it('PL-4: a choice made before the stored language loads is not overwritten by it', async () => {
    const storage = memoryStorage({ [LOCALE_KEY]: 'ro' });
    const client = clientOn(storage);
    const choosing = client.setLocale('fr');
    await settle();
    await choosing;
    expect(await current(client)).toBe('fr');
    expect(await storage.get(LOCALE_KEY)).toBe('fr');
  });

  it('PL-4: something that is not a language tag is refused and nothing changes', async () => {
    const storage = memoryStorage();
    const client = clientOn(storage);
    await expect(client.setLocale('<script>')).rejects.toMatchObject({ code: 'command.notAllowed' });
    expect(await current(client)).toBeUndefined();
    expect(storage.entries.size).toBe(0);
  });

  it('PL-4: a storage failure rejects with storage.failed, and the choice still applies for this session', async () => {
    const failing: StoragePort = {
      get: async () => undefined,
      set: async () => {
        throw new Error('QuotaExceededError');
      },
      remove: async () => undefined,
    };
    const client = clientOn(failing);
    await expect(client.setLocale('fr')).rejects.toMatchObject({ code: 'storage.failed' });
    expect(await current(client)).toBe('fr');
  });

  it('PL-4: a stored value that is not a tag, or unreadable storage, reads as no choice', async () => {
    expect(await loadLocale(memoryStorage({ [LOCALE_KEY]: '{"x":1}' }))).toBeUndefined();
    const unreadable: StoragePort = {
      get: async () => {
        throw new Error('SecurityError');
      },
      set: async () => undefined,
      remove: async () => undefined,
    };
    expect(await loadLocale(unreadable)).toBeUndefined();
    expect(['fr', 'ro-RO', 'en-GB', 'zh-Hant-TW'].every(isLocaleTag)).toBe(true);
    expect(['', 'f', 'fr_FR', 'fr-', '-fr', 'fr fr'].some(isLocaleTag)).toBe(false);
  });
});
