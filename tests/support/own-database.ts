// A database of one test file's own, on the test PostgreSQL server: migrated, and seeded like the shared one
// unless `seed: false` (a bank's empty database). The fuzz run compares digests of all its rows (snapshot).
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createDb } from '../../config/database';
import { runPrisma } from '../../dev/prisma-cli';
import { seedReferenceData } from '../../dev/seed';

export interface OwnDatabase {
  url: string;
  snapshot(): Promise<string>;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createOwnDatabase(sharedUrl: string, options: { seed?: boolean } = {}): Promise<OwnDatabase> {
  const name = `holdfast_own_${randomUUID().slice(0, 8)}`;
  const admin = new Pool({ connectionString: sharedUrl, max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(sharedUrl, name);
  runPrisma(['migrate', 'deploy'], url);
  if (options.seed !== false) {
    const db = createDb(url);
    await seedReferenceData(db);
    await db.$disconnect();
  }

  const pool = new Pool({ connectionString: url, max: 2 });
  // pool.end() resolves before its connections have closed, so the forced DROP below can still terminate one;
  // the pool then reports it as an 'error', which without a listener would fail the whole test file.
  pool.on('error', () => undefined);
  const tables = (
    await pool.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    )
  ).rows.map((r) => r.name);
  const digest = tables
    .map((t) => `(SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM "${t}" x)`)
    .join(` || ':' || `);
  return {
    url,
    async snapshot() {
      return (await pool.query<{ digest: string }>(`SELECT ${digest} AS digest`)).rows[0]!.digest;
    },
    async drop() {
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
