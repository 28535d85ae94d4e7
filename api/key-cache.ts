// Recently checked API keys, by hash, for a few seconds: every request authenticates, and a key lookup was
// one database round trip per read. A key revoked through this process is forgotten at once; one revoked
// elsewhere (another API process, the keys CLI) stops working within KEY_CACHE_TTL_MS.
import type { Principal } from './auth';

export const KEY_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

const entries = new Map<string, { principal: Principal | null; until: number }>();

export function cachedKey(hash: string, now = Date.now()): Principal | null | undefined {
  const entry = entries.get(hash);
  if (!entry) return undefined;
  if (entry.until > now) return entry.principal;
  entries.delete(hash);
  return undefined;
}

// Unknown keys are cached too (as null), so a burst of bad keys does not reach the database either.
export function rememberKey(hash: string, principal: Principal | null, now = Date.now()): void {
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(hash, { principal, until: now + KEY_CACHE_TTL_MS });
}

export function forgetKey(keyId: string): void {
  for (const [hash, entry] of entries) if (entry.principal?.keyId === keyId) entries.delete(hash);
}
