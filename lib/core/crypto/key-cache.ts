import "server-only";

// Unwrapping goes through the master key provider (a KMS call later), so unwrapped org keys are
// kept briefly. Callers still read the key row each time: a status change (destroyed) is seen at
// once, and only the unwrap is skipped. Keys live only in this process's memory, never logged.
const TTL_MS = 5 * 60 * 1000;
const entries = new Map<string, { key: Buffer; expires: number }>();

export function cachedKey(name: string): Buffer | undefined {
  const entry = entries.get(name);
  if (!entry) return undefined;
  if (entry.expires > Date.now()) return entry.key;
  entries.delete(name);
  return undefined;
}

export function cacheKey(name: string, key: Buffer): void {
  entries.set(name, { key, expires: Date.now() + TTL_MS });
}

/** Forgets every cached key (tests; after a master key change). */
export function clearKeyCache(): void {
  entries.clear();
}
