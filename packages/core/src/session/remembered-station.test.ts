import { describe, expect, it } from 'vitest';
import {
  forgetRememberedStation,
  loadRememberedStation,
  REMEMBERED_STATION_KEY,
  saveRememberedStation,
  type RememberedStation,
} from './remembered-station.js';
import { memoryStorage, webStorage, type StoragePort, type WebStorageLike } from './storage.js';

const station: RememberedStation = {
  role: 'supervisorAgent',
  stationKind: 'dialNumber',
  international: false,
  country: 'FR',
  dialNumber: '0033612345678',
  teamId: 'support',
};

/** A Web Storage stand-in; `failOn` makes a method throw as browsers do (quota, privacy mode). */
function fakeWebStorage(failOn: { set?: boolean; get?: boolean } = {}): WebStorageLike & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem(key) {
      if (failOn.get) throw new Error('SecurityError: access denied');
      return items.get(key) ?? null;
    },
    setItem(key, value) {
      if (failOn.set) throw new Error('QuotaExceededError: the quota has been exceeded');
      items.set(key, value);
    },
    removeItem(key) {
      items.delete(key);
    },
  };
}

describe('remembered station', () => {
  it('SL-9: what is saved comes back as saved', async () => {
    const storage = memoryStorage();
    await saveRememberedStation(storage, station);
    expect(await loadRememberedStation(storage)).toEqual(station);
    const extension: RememberedStation = { role: 'agent', stationKind: 'extension', extension: '4021' };
    await saveRememberedStation(storage, extension);
    expect(await loadRememberedStation(storage)).toEqual(extension);
  });

  it('SL-9: only the station fields reach storage — never a password or token', async () => {
    const storage = memoryStorage();
    await saveRememberedStation(storage, { ...station, password: 'hunter2', accessToken: 'eyJ0eXAi' } as RememberedStation);
    const text = storage.entries.get(REMEMBERED_STATION_KEY)!;
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['country', 'dialNumber', 'international', 'role', 'stationKind', 'teamId']);
    expect(text).not.toMatch(/hunter2|eyJ0eXAi/);
  });

  it('SL-9: nothing saved, forgotten, corrupt or of the wrong shape reads as nothing remembered', async () => {
    expect(await loadRememberedStation(memoryStorage())).toBeUndefined();
    expect(await loadRememberedStation(memoryStorage({ [REMEMBERED_STATION_KEY]: '{"role":"agent",' }))).toBeUndefined();
    expect(await loadRememberedStation(memoryStorage({ [REMEMBERED_STATION_KEY]: 'null' }))).toBeUndefined();
    expect(
      await loadRememberedStation(memoryStorage({ [REMEMBERED_STATION_KEY]: '{"role":"admin","stationKind":"desktop"}' })),
    ).toBeUndefined();
    expect(
      await loadRememberedStation(memoryStorage({ [REMEMBERED_STATION_KEY]: '{"role":"agent","stationKind":"fax"}' })),
    ).toBeUndefined();
    expect(
      await loadRememberedStation(
        memoryStorage({ [REMEMBERED_STATION_KEY]: '{"role":"agent","stationKind":"extension","extension":4021}' }),
      ),
    ).toBeUndefined();
    expect(
      await loadRememberedStation(
        memoryStorage({ [REMEMBERED_STATION_KEY]: '{"role":"agent","stationKind":"dialNumber","international":"yes"}' }),
      ),
    ).toBeUndefined();

    const storage = memoryStorage();
    await saveRememberedStation(storage, station);
    await forgetRememberedStation(storage);
    expect(await loadRememberedStation(storage)).toBeUndefined();
  });

  it('SE-5: storage that cannot be read reads as nothing remembered', async () => {
    const broken: StoragePort = {
      get: () => Promise.reject(new Error('SecurityError')),
      set: async () => {},
      remove: async () => {},
    };
    expect(await loadRememberedStation(broken)).toBeUndefined();
  });
});

describe('webStorage', () => {
  it('SL-9: stores under a prefixed key and round-trips the remembered station', async () => {
    const local = fakeWebStorage();
    const storage = webStorage(local);
    await saveRememberedStation(storage, station);
    expect([...local.items.keys()]).toEqual([`cc-elements:${REMEMBERED_STATION_KEY}`]);
    expect(await loadRememberedStation(storage)).toEqual(station);
    await forgetRememberedStation(storage);
    expect(local.items.size).toBe(0);
    expect(await storage.get(REMEMBERED_STATION_KEY)).toBeUndefined();
  });

  it('SL-9: a full storage (setItem throws) rejects, so the caller can say the details were not saved', async () => {
    const storage = webStorage(fakeWebStorage({ set: true }), 'app:');
    await expect(saveRememberedStation(storage, station)).rejects.toThrow(/QuotaExceededError/);
  });

  it('SE-5: a storage that refuses reads rejects too, and the remembered station reads as nothing', async () => {
    const storage = webStorage(fakeWebStorage({ get: true }));
    await expect(storage.get('x')).rejects.toThrow(/SecurityError/);
    expect(await loadRememberedStation(storage)).toBeUndefined();
  });
});
