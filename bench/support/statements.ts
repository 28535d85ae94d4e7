// Statement counts from PostgreSQL's pg_stat_statements, when the embedded server loads it.
import type { BenchStack } from './stack';

const THIS_DATABASE = 'dbid = (SELECT oid FROM pg_database WHERE datname = current_database())';

export async function resetStatements(stack: BenchStack): Promise<void> {
  if (stack.statementStats) await stack.db.$queryRawUnsafe('SELECT pg_stat_statements_reset()');
}

// Statements run since the last reset; NaN when the statistics cannot be read.
export async function statements(stack: BenchStack): Promise<number> {
  if (!stack.statementStats) return NaN;
  const [row] = await stack.db.$queryRawUnsafe<{ calls: bigint | null }[]>(
    `SELECT sum(calls) AS calls FROM pg_stat_statements WHERE ${THIS_DATABASE}`,
  );
  return Number(row?.calls ?? 0);
}

// The statements PostgreSQL spent most time executing since the last reset, with their calls: a statement whose
// time per call grows with the database (a scan where an index was meant) shows at full size.
export async function topStatements(stack: BenchStack, limit = 8) {
  if (!stack.statementStats) return [];
  const rows = await stack.db.$queryRawUnsafe<{ calls: bigint; ms: number; query: string }[]>(
    `SELECT calls, total_exec_time::float8 AS ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query FROM pg_stat_statements
     WHERE ${THIS_DATABASE} ORDER BY total_exec_time DESC LIMIT ${Number(limit)}`,
  );
  return rows.map((r) => ({
    calls: Number(r.calls),
    msPerCall: Math.round((r.ms / Math.max(1, Number(r.calls))) * 1000) / 1000,
    query: r.query,
  }));
}
