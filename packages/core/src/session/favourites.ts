// SV-1: the agents a supervisor marked as favourites, kept in storage so they survive a reload.
// Only agent ids are stored.

import { loadJson, type StoragePort } from './storage.js';

export const FAVOURITES_KEY = 'favouriteAgents';

export async function loadFavourites(storage: StoragePort): Promise<Set<string>> {
  const stored = await loadJson(storage, FAVOURITES_KEY);
  return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
}

export async function saveFavourites(storage: StoragePort, favourites: ReadonlySet<string>): Promise<void> {
  if (favourites.size === 0) await storage.remove(FAVOURITES_KEY);
  else await storage.set(FAVOURITES_KEY, JSON.stringify([...favourites].sort()));
}
