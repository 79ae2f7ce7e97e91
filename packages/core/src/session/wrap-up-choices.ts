// WU-4: the wrap-up reason chosen for each task, kept in storage so a reload does not lose it.
// Only task ids and reason ids are stored — nothing about the customer.

import type { StoragePort } from './storage.js';

export const WRAP_UP_CHOICES_KEY = 'wrapUpChoices';

export async function loadWrapUpChoices(storage: StoragePort): Promise<Record<string, string>> {
  let text: string | undefined;
  try {
    text = await storage.get(WRAP_UP_CHOICES_KEY);
  } catch {
    return {};
  }
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

export async function saveWrapUpChoices(storage: StoragePort, choices: Readonly<Record<string, string>>): Promise<void> {
  if (Object.keys(choices).length === 0) await storage.remove(WRAP_UP_CHOICES_KEY);
  else await storage.set(WRAP_UP_CHOICES_KEY, JSON.stringify(choices));
}
