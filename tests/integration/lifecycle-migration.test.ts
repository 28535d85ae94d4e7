// Migration 20261203071000 on customers as they were before it: lifecycle stages stored as free text become one
// of the six words (whatever their case or spacing) or NULL, and the column then refuses anything else. Run in
// a schema of its own on the test PostgreSQL, with only the columns the migration touches.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

const MIGRATION = join(
  __dirname,
  '..',
  '..',
  'prisma',
  'migrations',
  '20261203071000_lifecycle_stages_and_segments',
  'migration.sql',
);

test('stored stages are normalised to the six words or NULL, and the column takes nothing else', async () => {
  const client = new Client({ connectionString: process.env.HOLDFAST_TEST_DATABASE_URL });
  await client.connect();
  const schema = `lifecycle_${randomUUID().slice(0, 8)}`;
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
    await client.query('CREATE TABLE customers (id text PRIMARY KEY, lifecycle_stage text)');
    await client.query(
      `INSERT INTO customers VALUES ('a', 'growth'), ('b', '  Decline '), ('c', 'TERMINATION'), ('d', 'dormant'),
        ('e', 'stage-7f3a'), ('f', NULL), ('g', '')`,
    );
    await client.query(readFileSync(MIGRATION, 'utf8'));
    const { rows } = await client.query<{ id: string; stage: string | null }>(
      'SELECT id, lifecycle_stage::text AS stage FROM customers ORDER BY id',
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.stage]))).toEqual({
      a: 'growth',
      b: 'decline',
      c: 'termination',
      d: null,
      e: null,
      f: null,
      g: null,
    });
    await expect(client.query(`UPDATE customers SET lifecycle_stage = 'dormant' WHERE id = 'a'`)).rejects.toThrow(
      /invalid input value for enum/,
    );
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
});
