// Recently checked API keys, by hash, for a few seconds: every request authenticates, and a key lookup was
// one database round trip per read. A key revoked through this process is forgotten at once; one revoked
// elsewhere (another API process, the keys CLI) stops working within KEY_CACHE_TTL_MS.
import type { Principal } from './principal';

export const KEY_CACHE_TTL_MS = 5_000;
// A key in use is looked up again once its answer is this old, in the background, while the cached answer
// still serves: under steady load no request waits for the lookup (before, every request in flight when an
// answer expired waited for its own lookup, every 5 s: the reads' p99).
export const KEY_REFRESH_AFTER_MS = KEY_CACHE_TTL_MS / 2;
const MAX_ENTRIES = 10_000;

const entries = new Map<string, { principal: Principal | null; until: number }>();
// Bumped by forgetKey: an answer looked up before a revocation is not remembered after it.
let generation = 0;

// While PostgreSQL is down a key checked in the last STALE_KEY_MS still works (GET /v1/status then says
// what is down, and the dashboard keeps its session) instead of every request retrying the lookup; nothing
// can be revoked meanwhile, since revoking writes to the same database.
const STALE_KEY_MS = 15 * 60_000;

export function cachedKey(hash: string, now = Date.now()): Principal | null | undefined {
  const entry = entries.get(hash);
  if (!entry || entry.until <= now) return undefined;
  return entry.principal;
}

// Whether the cached answer for a key is old enough to be looked up again (it still serves meanwhile).
export function refreshDue(hash: string, now = Date.now()): boolean {
  const entry = entries.get(hash);
  return entry !== undefined && entry.until - KEY_CACHE_TTL_MS + KEY_REFRESH_AFTER_MS <= now;
}

// The last answer for a key, however old, while it is within STALE_KEY_MS: used only when the lookup
// could not reach the database.
export function staleKey(hash: string, now = Date.now()): Principal | undefined {
  const entry = entries.get(hash);
  return entry?.principal && entry.until + STALE_KEY_MS - KEY_CACHE_TTL_MS > now ? entry.principal : undefined;
}

// What a lookup starting now passes to rememberKey: a revocation in between makes its answer void.
export const keyGeneration = () => generation;

// Unknown keys are cached too (as null), so a burst of bad keys does not reach the database either.
export function rememberKey(hash: string, principal: Principal | null, now = Date.now(), since = generation): void {
  if (since !== generation) return;
  if (entries.size >= MAX_ENTRIES && !entries.has(hash)) entries.delete(entries.keys().next().value!);
  entries.set(hash, { principal, until: now + KEY_CACHE_TTL_MS });
}

export function forgetKey(keyId: string): void {
  generation++;
  for (const [hash, entry] of entries) if (entry.principal?.keyId === keyId) entries.delete(hash);
}
