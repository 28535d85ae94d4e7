// Where a customer's values are still stored: every text, varchar, array and JSON column of every table in
// the database's schema, found through information_schema rather than listed by hand, so a column added later
// is searched too.
import { createHash } from 'node:crypto';
import type { Db } from '../../config/database';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const SEARCHED_TYPES = ['text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED'];

// "table.column: value" for each column holding one of the values (case-insensitively, anywhere in it).
export async function columnsHolding(db: Db, values: string[]): Promise<string[]> {
  const columns = await db.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    `SELECT c.table_name::text AS table_name, c.column_name::text AS column_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.data_type = ANY($1::text[]) ORDER BY 1, 2`,
    SEARCHED_TYPES,
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    for (const value of values) {
      const pattern = `%${value.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE $1`,
        pattern,
      );
      if (row && row.n > 0n) found.push(`${table_name}.${column_name}: ${value}`);
    }
  }
  return found;
}
