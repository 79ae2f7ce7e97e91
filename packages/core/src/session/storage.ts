// The storage port: where the core keeps what must outlive a reload (remembered station,
// later drafts and wrap-up choices). Browsers pass localStorage; tests use memory.

export interface StoragePort {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

export function memoryStorage(initial: Record<string, string> = {}): StoragePort & { readonly entries: Map<string, string> } {
  const entries = new Map(Object.entries(initial));
  return {
    entries,
    get: async (key) => entries.get(key),
    set: async (key, value) => void entries.set(key, value),
    remove: async (key) => void entries.delete(key),
  };
}

/** The part of the Web Storage API the port needs, so the core does not depend on DOM types. */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Wraps localStorage or sessionStorage; quota and privacy-mode errors reject the promise. */
export function webStorage(storage: WebStorageLike, prefix = 'cc-elements:'): StoragePort {
  return {
    get: async (key) => storage.getItem(prefix + key) ?? undefined,
    set: async (key, value) => storage.setItem(prefix + key, value),
    remove: async (key) => storage.removeItem(prefix + key),
  };
}

/**
 * A stored JSON value, or undefined when nothing is stored, storage refuses, or the text is not
 * JSON. Readers check the shape themselves: storage is input like any other.
 */
export async function loadJson(storage: StoragePort, key: string): Promise<unknown> {
  let text: string | undefined;
  try {
    text = await storage.get(key);
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A stored JSON object (not an array), for records keyed by task id. */
export async function loadJsonRecord(storage: StoragePort, key: string): Promise<Record<string, unknown>> {
  const value = await loadJson(storage, key);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
