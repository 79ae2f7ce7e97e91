// PL-4: the agent's language for the widgets, kept in storage so it survives a reload. The core
// only keeps the tag (BCP 47, e.g. "fr" or "ro-RO"); which locales exist and how text changes is
// the widgets' business.

import type { StoragePort } from './storage.js';

export const LOCALE_KEY = 'locale';

/** A language tag as a person or a host may type it: letters, digits and hyphens, 2 to 35 characters. */
export function isLocaleTag(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value) && value.length <= 35;
}

/** The stored tag, or undefined when none is stored, storage refuses, or what is stored is not a tag. */
export async function loadLocale(storage: StoragePort): Promise<string | undefined> {
  let stored: string | undefined;
  try {
    stored = await storage.get(LOCALE_KEY);
  } catch {
    return undefined;
  }
  return isLocaleTag(stored) ? stored : undefined;
}

/** Stores the tag; undefined forgets it (the widgets follow the page again). */
export async function saveLocale(storage: StoragePort, locale: string | undefined): Promise<void> {
  if (locale === undefined) await storage.remove(LOCALE_KEY);
  else await storage.set(LOCALE_KEY, locale);
}
