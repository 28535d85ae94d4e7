// Recently checked API keys, by hash, for a few seconds: every request authenticates, and a key lookup was
// one database round trip per read. A key revoked through this process is forgotten at once; one revoked
// elsewhere (another API process, the keys CLI) stops working within KEY_CACHE_TTL_MS.
import type { Principal } from './principal';

export const KEY_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

const entries = new Map<string, { principal: Principal | null; until: number }>();

// While PostgreSQL is down a key checked in the last STALE_KEY_MS still works (GET /v1/status then says
// what is down, and the dashboard keeps its session) instead of every request retrying the lookup; nothing
// can be revoked meanwhile, since revoking writes to the same database.
const STALE_KEY_MS = 15 * 60_000;

export function cachedKey(hash: string, now = Date.now()): Principal | null | undefined {
  const entry = entries.get(hash);
  if (!entry || entry.until <= now) return undefined;
  return entry.principal;
}

// The last answer for a key, however old, while it is within STALE_KEY_MS: used only when the lookup
// could not reach the database.
export function staleKey(hash: string, now = Date.now()): Principal | undefined {
  const entry = entries.get(hash);
  return entry?.principal && entry.until + STALE_KEY_MS - KEY_CACHE_TTL_MS > now ? entry.principal : undefined;
}

// Unknown keys are cached too (as null), so a burst of bad keys does not reach the database either.
export function rememberKey(hash: string, principal: Principal | null, now = Date.now()): void {
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(hash, { principal, until: now + KEY_CACHE_TTL_MS });
}

export function forgetKey(keyId: string): void {
  for (const [hash, entry] of entries) if (entry.principal?.keyId === keyId) entries.delete(hash);
}
