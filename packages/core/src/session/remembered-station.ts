// SL-9: "Remember my credentials" keeps the station details for the next sign-in — role, station
// kind, number or extension, team — and never a password or token. Fields are picked one by one
// so nothing else can slip into storage.

import { ROLES, STATION_KINDS, type Role, type StationKind } from '../model/agent.js';
import { loadJson, type StoragePort } from './storage.js';

export interface RememberedStation {
  readonly role: Role;
  readonly stationKind: StationKind;
  /** SL-3 international format on or off. */
  readonly international?: boolean;
  /** ISO country of the international format. */
  readonly country?: string;
  /** As the agent typed it: the national part (international format) or the full E.164/IDD text. */
  readonly dialNumber?: string;
  readonly extension?: string;
  readonly teamId?: string;
}

export const REMEMBERED_STATION_KEY = 'station';

export async function saveRememberedStation(storage: StoragePort, station: RememberedStation): Promise<void> {
  const clean: RememberedStation = {
    role: station.role,
    stationKind: station.stationKind,
    ...(station.international === undefined ? {} : { international: station.international }),
    ...(station.country === undefined ? {} : { country: station.country }),
    ...(station.dialNumber === undefined ? {} : { dialNumber: station.dialNumber }),
    ...(station.extension === undefined ? {} : { extension: station.extension }),
    ...(station.teamId === undefined ? {} : { teamId: station.teamId }),
  };
  await storage.set(REMEMBERED_STATION_KEY, JSON.stringify(clean));
}

/** The saved details, or undefined when none are saved or what is saved cannot be read. */
export async function loadRememberedStation(storage: StoragePort): Promise<RememberedStation | undefined> {
  const value = await loadJson(storage, REMEMBERED_STATION_KEY);
  return isRememberedStation(value) ? value : undefined;
}

export function forgetRememberedStation(storage: StoragePort): Promise<void> {
  return storage.remove(REMEMBERED_STATION_KEY);
}

function isRememberedStation(value: unknown): value is RememberedStation {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const optionalString = (k: string) => v[k] === undefined || typeof v[k] === 'string';
  return (
    (ROLES as readonly unknown[]).includes(v['role']) &&
    (STATION_KINDS as readonly unknown[]).includes(v['stationKind']) &&
    (v['international'] === undefined || typeof v['international'] === 'boolean') &&
    ['country', 'dialNumber', 'extension', 'teamId'].every(optionalString)
  );
}
