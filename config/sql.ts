// Plain node-postgres for the hot paths (a case's transitions, sends, the CRM relay): one prepared statement
// per step, where the ORM would build and compile several queries per call and cost the worker most of its
// CPU. Prisma stays for everything else. Same bounded waits as config/database.ts.
import { Pool, type PoolClient } from 'pg';

export type Sql = Pool;

export function createSql(databaseUrl: string): Sql {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: 5_000,
    statement_timeout: 30_000,
  });
  // An idle connection dropped by the server (a restart) is replaced on next use; without a listener the
  // pool's error event would crash the process.
  pool.on('error', () => undefined);
  return pool;
}

// A timestamptz column as ISO-8601 text, as Date.toISOString() writes it: answers PostgreSQL builds as JSON
// carry times in the same form as those the API serialises itself.
export const isoTimestamp = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// Numbered parameters ($1, $2...) for one statement built from optional parts, in the order the text uses them.
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// ANDed conditions as a WHERE clause; none, no clause.
export const whereClause = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');

// Runs `body` in one transaction on one pooled connection: committed if it returns, rolled back if it throws.
export async function inTransaction<T>(sql: Sql, body: (tx: PoolClient) => Promise<T>): Promise<T> {
  const tx = await sql.connect();
  try {
    await tx.query('BEGIN');
    const result = await body(tx);
    await tx.query('COMMIT');
    return result;
  } catch (e) {
    await tx.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    tx.release();
  }
}
