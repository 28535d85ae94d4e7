// Which principal an API key is: keys are stored as sha256 hashes with a role (and a team for agents).
// HOLDFAST_ADMIN_KEY, when set, is accepted as an admin key. Answers are cached for a few seconds
// (key-cache.ts) and looked up again ahead of expiry, one lookup at a time per key; while PostgreSQL is down
// a key checked recently still works.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../config/database';
import { databaseUnreachable } from '../../config/dependency-outage';
import { cachedKey, keyGeneration, refreshDue, rememberKey, staleKey } from './key-cache';
import type { Principal } from './principal';

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

function sameSecret(a: string, b: string): boolean {
  const ha = Buffer.from(hashKey(a), 'hex');
  const hb = Buffer.from(hashKey(b), 'hex');
  return timingSafeEqual(ha, hb);
}

// The lookup under way for each key hash: requests that miss the cache together share one query (32 reads in
// flight when an answer expired were 32 queries through Prisma at once). One started before a revocation is
// not shared after it.
const lookups = new Map<string, { since: number; answer: Promise<Principal | null> }>();

// The key's principal; null when the key is unknown or revoked.
export async function principalOfKey(
  db: Db,
  key: string,
  adminKey?: string,
  now = Date.now(),
): Promise<Principal | null> {
  if (adminKey && sameSecret(key, adminKey))
    return { keyId: 'bootstrap-admin', name: 'bootstrap admin', role: 'admin' };
  const hash = hashKey(key);
  const cached = cachedKey(hash, now);
  if (cached === undefined) return lookUp(db, hash, now);
  // Failures of a refresh are the next lookup's to report: this answer is still within its time.
  if (refreshDue(hash, now)) lookUp(db, hash, now).catch(() => undefined);
  return cached;
}

function lookUp(db: Db, hash: string, now: number): Promise<Principal | null> {
  const since = keyGeneration();
  const pending = lookups.get(hash);
  if (pending?.since === since) return pending.answer;
  const answer = readPrincipal(db, hash, now, since).finally(() => {
    if (lookups.get(hash)?.answer === answer) lookups.delete(hash);
  });
  lookups.set(hash, { since, answer });
  return answer;
}

// The answer is remembered from `now`, when the lookup started: never longer than KEY_CACHE_TTL_MS past it.
async function readPrincipal(db: Db, hash: string, now: number, since: number): Promise<Principal | null> {
  const row = await db.apiKey.findUnique({ where: { hash } }).catch((e: unknown) => {
    if (databaseUnreachable(e) && staleKey(hash)) return 'stale' as const;
    throw e;
  });
  if (row === 'stale') return staleKey(hash)!;
  const principal =
    row && !row.revokedAt
      ? {
          keyId: row.id,
          name: row.name,
          role: row.role,
          teamId: row.teamId ?? undefined,
          agentId: row.agentId ?? undefined,
        }
      : null;
  rememberKey(hash, principal, now, since);
  return principal;
}
