// Statement counts from PostgreSQL's pg_stat_statements, when the embedded server loads it.
import type { BenchStack } from './stack';

const THIS_DATABASE = 'dbid = (SELECT oid FROM pg_database WHERE datname = current_database())';

export async function resetStatements(stack: BenchStack): Promise<void> {
  if (stack.statementStats) await stack.db.$queryRawUnsafe('SELECT pg_stat_statements_reset()');
}

// Statements run since the last reset; NaN when the statistics cannot be read.
export async function statements(stack: BenchStack): Promise<number> {
  if (!stack.statementStats) return NaN;
  const [row] = await stack.db.$queryRawUnsafe<{ calls: bigint | null }[]>(`SELECT sum(calls) AS calls FROM pg_stat_statements WHERE ${THIS_DATABASE}`);
  return Number(row?.calls ?? 0);
}

export async function topStatements(stack: BenchStack, limit = 8) {
  if (!stack.statementStats) return [];
  const rows = await stack.db.$queryRawUnsafe<{ calls: bigint; query: string }[]>(
    `SELECT calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query FROM pg_stat_statements
     WHERE ${THIS_DATABASE} ORDER BY calls DESC LIMIT ${Number(limit)}`);
  return rows.map((r) => ({ calls: Number(r.calls), query: r.query }));
}
