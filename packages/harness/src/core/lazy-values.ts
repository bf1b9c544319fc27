/**
 * Values computed on first read. A one-file check at 1,000 projects touches a few projects, so
 * what collect and the graph snapshot hold per project or per file is worked out only when asked.
 */

/**
 * A record whose values are computed on first read (and kept), backed by a Map; writes and
 * deletes work as on a plain object. `keys` lists every key, for the rare caller that enumerates.
 */
export function createLazyRecord<T>(compute: (key: string) => T | undefined, keys: () => string[]): Record<string, T> {
  const values = new Map<string, T | undefined>();
  const read = (key: string) => {
    if (!values.has(key)) values.set(key, compute(key));
    return values.get(key);
  };
  const descriptor = (value: T) => ({ value, writable: true, enumerable: true, configurable: true });
  return new Proxy({} as Record<string, T>, {
    get: (_target, key) => (typeof key === 'string' ? read(key) : undefined),
    set: (_target, key, value) => (typeof key === 'string' && values.set(key, value), true),
    has: (_target, key) => typeof key === 'string' && read(key) !== undefined,
    deleteProperty: (_target, key) => (typeof key === 'string' && values.set(key, undefined), true),
    ownKeys: () => [...new Set([...keys(), ...values.keys()])].filter((key) => read(key) !== undefined),
    getOwnPropertyDescriptor: (_target, key) => {
      const value = typeof key === 'string' ? read(key) : undefined;
      return value === undefined ? undefined : descriptor(value);
    },
  });
}

/** A property computed on first read and then stored as a plain value (a write replaces it). */
export function defineLazyProperty<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  const settle = (value: T[K]) => Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      const value = compute();
      settle(value);
      return value;
    },
    set: (value: T[K]) => settle(value),
  });
}
