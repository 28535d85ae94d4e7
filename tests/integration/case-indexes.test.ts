// Every table a case page or a case's steps read by case has an index that starts with case_id: without one, a
// read of one case scans every row of every case (the contact attempts' missing index made a case page 0.15x
// the bare read at the full-size benchmark, and slower with every case the bank ever had).
import { createSql } from '../../config/sql';

const CASE_SCOPED_TABLES = ['case_events', 'case_offers', 'contact_attempts', 'crm_outbox', 'surveys'];

test('each case-scoped table has an index leading with case_id', async () => {
  const sql = createSql(process.env.HOLDFAST_TEST_DATABASE_URL!);
  try {
    const { rows } = await sql.query<{ table: string }>(
      `SELECT DISTINCT t.relname AS table FROM pg_index x
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
       WHERE a.attname = 'case_id' AND t.relname = ANY($1)`,
      [CASE_SCOPED_TABLES],
    );
    expect(rows.map((r) => r.table).sort()).toEqual(CASE_SCOPED_TABLES);
  } finally {
    await sql.end();
  }
});
