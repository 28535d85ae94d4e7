// Every table a case page or a case's steps read by case has an index that starts with case_id: without one, a
// read of one case scans every row of every case (the contact attempts' missing index made a case page 0.15x
// the bare read at the full-size benchmark, and slower with every case the bank ever had).
import { createSql } from '../../config/sql';

// Every table with a case_id column, read from the database the migrations built: a new table cannot escape.
// Views (case_funnel_source) read their tables' indexes.
test('each table with a case_id column has an index leading with case_id', async () => {
  const sql = createSql(process.env.HOLDFAST_TEST_DATABASE_URL!);
  try {
    const scoped = await sql.query<{ table: string }>(
      `SELECT c.table_name AS table FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND c.column_name = 'case_id' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const indexed = await sql.query<{ table: string }>(
      `SELECT DISTINCT t.relname AS table FROM pg_index x
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
       WHERE a.attname = 'case_id' ORDER BY 1`,
    );
    const tables = scoped.rows.map((r) => r.table);
    expect(tables).toEqual(expect.arrayContaining(['case_events', 'contact_attempts', 'crm_outbox']));
    expect(tables.filter((t) => !indexed.rows.some((r) => r.table === t))).toEqual([]);
  } finally {
    await sql.end();
  }
});
