// Keeps an ended outage in PostgreSQL (now that it answers again), for GET /v1/status.
import type { Outage } from './outage-watch';
import type { Sql } from './sql';

export async function keepOutage(sql: Sql, process: string, outage: Outage): Promise<void> {
  await sql.query({
    name: 'keep-outage',
    text: `INSERT INTO dependency_outages (process, dependency, started_at, ended_at, seconds, failures, last_error)
      VALUES ($1, $2, $3, $3::timestamptz + $4 * interval '1 second', $4, $5, $6)`,
    values: [process, outage.dependency, outage.startedAt, outage.seconds, outage.failures, outage.lastError],
  });
}
