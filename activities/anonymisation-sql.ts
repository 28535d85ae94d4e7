// What erasure (DELETE /v1/customers/:id) and the retention sweep run in PostgreSQL: the anonymise_cases and
// anonymise_customer functions of migration 20261202030000, which say column by column what is removed and
// what is kept. Both callers go through here, so an erased customer and an expired one look the same.
import type { PoolClient } from 'pg';
import type { Sql } from '../config/sql';

type Queryable = Sql | PoolClient;

// All of a customer's cases and the customer row itself. Run inside the caller's transaction.
export async function anonymiseCustomerAndCases(tx: Queryable, customerId: string): Promise<void> {
  await tx.query({
    name: 'anonymise-customer-cases',
    text: 'SELECT anonymise_cases(ARRAY(SELECT id FROM cases WHERE customer_id = $1))',
    values: [customerId],
  });
  await tx.query({ name: 'anonymise-customer', text: 'SELECT anonymise_customer($1)', values: [customerId] });
}

// Up to `batch` cases closed before `closedBefore` and not anonymised yet; how many it did. Two sweeps at
// once skip each other's rows instead of waiting.
export async function anonymiseClosedCases(sql: Sql, closedBefore: Date, batch: number): Promise<number> {
  const { rows } = await sql.query<{ anonymised: number }>({
    name: 'anonymise-closed-cases',
    text: `SELECT anonymise_cases(ARRAY(
        SELECT id FROM cases WHERE status = 'closed' AND closed_at < $1 AND anonymised_at IS NULL
        ORDER BY closed_at LIMIT $2 FOR UPDATE SKIP LOCKED)) AS anonymised`,
    values: [closedBefore, batch],
  });
  return rows[0]?.anonymised ?? 0;
}

// Up to `batch` customers whose every case is anonymised and none is open or closed since `lastCaseBefore`
// (nothing current to work on), and who were not sent anew since their last anonymisation. A customer who
// never had a case is the bank's master data, not Holdfast's: it is left alone.
export async function anonymiseInactiveCustomers(sql: Sql, lastCaseBefore: Date, batch: number): Promise<number> {
  const { rowCount } = await sql.query({
    name: 'anonymise-inactive-customers',
    text: `SELECT anonymise_customer(c.id) FROM customers c
      WHERE (c.anonymised_at IS NULL OR c.updated_at > c.anonymised_at)
        AND EXISTS (SELECT 1 FROM cases k WHERE k.customer_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.customer_id = c.id AND (k.status <> 'closed' OR k.closed_at >= $1 OR k.anonymised_at IS NULL))
      LIMIT $2`,
    values: [lastCaseBefore, batch],
  });
  return rowCount ?? 0;
}
