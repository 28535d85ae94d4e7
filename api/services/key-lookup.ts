// Which principal an API key is: keys are stored as sha256 hashes with a role (and a team for agents).
// HOLDFAST_ADMIN_KEY, when set, is accepted as an admin key. Answers are cached for a few seconds
// (key-cache.ts), and while PostgreSQL is down a key checked recently still works.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../config/database';
import { databaseUnreachable } from '../../config/dependency-outage';
import { cachedKey, rememberKey, staleKey } from './key-cache';
import type { Principal } from './principal';

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

function sameSecret(a: string, b: string): boolean {
  const ha = Buffer.from(hashKey(a), 'hex');
  const hb = Buffer.from(hashKey(b), 'hex');
  return timingSafeEqual(ha, hb);
}

// The key's principal; null when the key is unknown or revoked.
export async function principalOfKey(db: Db, key: string, adminKey?: string): Promise<Principal | null> {
  if (adminKey && sameSecret(key, adminKey))
    return { keyId: 'bootstrap-admin', name: 'bootstrap admin', role: 'admin' };
  const hash = hashKey(key);
  const cached = cachedKey(hash);
  if (cached !== undefined) return cached;
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
  rememberKey(hash, principal);
  return principal;
}
