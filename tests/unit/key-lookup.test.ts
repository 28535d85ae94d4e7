// The API-key lookup under load: requests that miss the cache together share one query, a key in use is
// looked up again ahead of expiry while its cached answer serves, and a revocation voids lookups under way.
import type { Db } from '../../config/database';
import { forgetKey, KEY_CACHE_TTL_MS, KEY_REFRESH_AFTER_MS } from '../../api/services/key-cache';
import { principalOfKey } from '../../api/services/key-lookup';

type Row = {
  id: string;
  name: string;
  role: string;
  teamId: string | null;
  agentId: string | null;
  revokedAt: Date | null;
};

// A database whose key lookups wait until the test answers them.
function heldLookups() {
  const waiting: ((row: Row | null) => void)[] = [];
  const db = { apiKey: { findUnique: () => new Promise<Row | null>((resolve) => waiting.push(resolve)) } };
  const answer = async (row: Row | null) => {
    for (const resolve of waiting.splice(0)) resolve(row);
    await new Promise((r) => setImmediate(r));
  };
  return { db: db as unknown as Db, waiting, answer };
}

const row = (id: string, revokedAt: Date | null = null): Row => ({
  id,
  name: `key ${id}`,
  role: 'supervisor',
  teamId: null,
  agentId: null,
  revokedAt,
});
// Fixed instants: the cache is judged against the `now` each call passes, never the wall clock.
const T = 1_000_000;

test('requests that miss the cache together share one lookup', async () => {
  const { db, waiting, answer } = heldLookups();
  const all = Promise.all(Array.from({ length: 32 }, () => principalOfKey(db, 'hf_shared', undefined, T)));
  expect(waiting).toHaveLength(1);
  await answer(row('k-shared'));
  const principals = await all;
  expect(principals.every((p) => p?.keyId === 'k-shared' && p.role === 'supervisor')).toBe(true);
});

test('a key in use is looked up again ahead of expiry, without making a request wait', async () => {
  const { db, waiting, answer } = heldLookups();
  const first = principalOfKey(db, 'hf_refresh', undefined, T);
  await answer(row('k-refresh'));
  expect((await first)?.keyId).toBe('k-refresh');

  expect((await principalOfKey(db, 'hf_refresh', undefined, T + KEY_REFRESH_AFTER_MS - 1))?.keyId).toBe('k-refresh');
  expect(waiting).toHaveLength(0);
  // Past the refresh point: the cached answer serves at once and one lookup starts behind it.
  const late = T + KEY_REFRESH_AFTER_MS;
  expect((await principalOfKey(db, 'hf_refresh', undefined, late))?.keyId).toBe('k-refresh');
  expect((await principalOfKey(db, 'hf_refresh', undefined, late))?.keyId).toBe('k-refresh');
  expect(waiting).toHaveLength(1);
  // Revoked meanwhile in the database: the refreshed answer says so, well within KEY_CACHE_TTL_MS.
  await answer(row('k-refresh', new Date(T)));
  expect(await principalOfKey(db, 'hf_refresh', undefined, late + 1)).toBeNull();
  expect(late + 1 - T).toBeLessThan(KEY_CACHE_TTL_MS);
});

test('a lookup under way when its key is revoked is neither shared nor remembered', async () => {
  const { db, waiting, answer } = heldLookups();
  const before = principalOfKey(db, 'hf_revoked', undefined, T);
  const [readBeforeRevocation] = waiting.splice(0);
  forgetKey('k-revoked');
  const after = principalOfKey(db, 'hf_revoked', undefined, T);
  // The request after the revocation waits for a lookup of its own, which sees the key revoked.
  expect(waiting).toHaveLength(1);
  await answer(row('k-revoked', new Date(T)));
  expect(await after).toBeNull();
  // The older lookup answers last, from before the revocation: it is not remembered over the newer answer.
  readBeforeRevocation!(row('k-revoked'));
  expect((await before)?.keyId).toBe('k-revoked');
  expect(await principalOfKey(db, 'hf_revoked', undefined, T + 1)).toBeNull();
  expect(waiting).toHaveLength(0);
});
