// WU-4: the wrap-up reason chosen for each task, kept in storage so a reload does not lose it.
// Only task ids and reason ids are stored — nothing about the customer.

import { loadJsonRecord, type StoragePort } from './storage.js';

export const WRAP_UP_CHOICES_KEY = 'wrapUpChoices';

export async function loadWrapUpChoices(storage: StoragePort): Promise<Record<string, string>> {
  const stored = await loadJsonRecord(storage, WRAP_UP_CHOICES_KEY);
  return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

export async function saveWrapUpChoices(storage: StoragePort, choices: Readonly<Record<string, string>>): Promise<void> {
  if (Object.keys(choices).length === 0) await storage.remove(WRAP_UP_CHOICES_KEY);
  else await storage.set(WRAP_UP_CHOICES_KEY, JSON.stringify(choices));
}
