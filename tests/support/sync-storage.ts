// storage.sync as the browser shares it between the user's browsers: one plain
// object that every simulated browser reads and writes.
export function fakeSyncStorage() {
  const items: Record<string, string> = {};
  return {
    items,
    get: async () => ({ ...items }),
    set: async (next: Record<string, string>) => void Object.assign(items, next),
    remove: async (keys: string[]) => {
      for (const k of keys) delete items[k];
    },
  };
}

/** One browser's settings as BrowserSync sees them, kept in memory. */
export function memorySettings() {
  let current: { updated: string; value: unknown } | undefined;
  return {
    get: async () => current,
    set: async (value: unknown, updated: string) => {
      current = { value, updated };
    },
    reset: async () => {
      const had = current !== undefined;
      current = undefined;
      return had;
    },
    /** What the test reads back. */
    current: () => current,
  };
}
