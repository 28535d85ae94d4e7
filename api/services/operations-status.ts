// What the system is doing behind the playbook (GET /v1/status): the CRM outbox's backlog and lag, outages of
// our own dependencies (under way, as this process sees them, and recently ended, as every process kept them),
// and cases needing attention. While PostgreSQL is down it still answers, with what it can say.
import { databaseUnreachable } from '../../config/dependency-outage';
import type { OutageWatch } from '../../config/outage-watch';
import type { Sql } from '../../config/sql';
import type { AppDeps } from '../deps';

// The CRM backlog: case events in the outbox not yet delivered to the CRM. GET /v1/status and the
// holdfast_crm_outbox_backlog gauge (api/metrics.ts) both count it with this statement.
export const CRM_BACKLOG = 'SELECT count(*)::int FROM crm_outbox WHERE delivered_at IS NULL';

// Ended outages shown: those of the last week, newest first.
const RECENT_OUTAGES = 20;
const RECENT_DAYS = 7;

const FIGURES = `SELECT (${CRM_BACKLOG}) AS backlog,
    (SELECT count(*)::int FROM crm_outbox WHERE delivered_at IS NULL AND attempts > 0) AS failing,
    (SELECT created_at FROM crm_outbox WHERE delivered_at IS NULL ORDER BY id ASC LIMIT 1) AS oldest,
    (SELECT last_error FROM crm_outbox WHERE delivered_at IS NULL AND last_error IS NOT NULL ORDER BY id DESC LIMIT 1) AS "lastError",
    (SELECT count(*)::int FROM cases WHERE status = 'open' AND attention_since IS NOT NULL) AS "needsAttention"`;

type FigureRow = {
  backlog: number;
  failing: number;
  oldest: Date | null;
  lastError: string | null;
  needsAttention: number;
};

const watchStatus = (w: OutageWatch | undefined) => {
  if (!w) return { status: 'unknown' as const };
  const now = w.current();
  return now
    ? { status: 'down' as const, since: now.startedAt.toISOString(), seconds: now.seconds, lastError: now.lastError }
    : { status: 'up' as const };
};

type OutageRow = { dependency: string; process: string; startedAt: Date; endedAt: Date; seconds: number };

async function figures(sql: Sql, now: Date) {
  const [
    {
      rows: [f],
    },
    outages,
  ] = await Promise.all([
    sql.query<FigureRow>({ name: 'operations-status', text: FIGURES }),
    sql.query<OutageRow>({
      name: 'operations-status-outages',
      text: `SELECT dependency, process, started_at AS "startedAt", ended_at AS "endedAt", seconds
        FROM dependency_outages WHERE ended_at >= $1 ORDER BY ended_at DESC LIMIT $2`,
      values: [new Date(now.getTime() - RECENT_DAYS * 86_400_000), RECENT_OUTAGES],
    }),
  ]);
  const { backlog, failing, oldest, lastError, needsAttention } = f!;
  return {
    crmOutbox: {
      backlog,
      failing,
      oldestUndeliveredAt: oldest?.toISOString() ?? null,
      lagSeconds: oldest ? Math.round((now.getTime() - oldest.getTime()) / 1000) : 0,
      lastError,
    },
    cases: { needsAttention },
    recentOutages: outages.rows.map((o) => ({
      dependency: o.dependency,
      process: o.process,
      startedAt: o.startedAt.toISOString(),
      endedAt: o.endedAt.toISOString(),
      seconds: o.seconds,
    })),
  };
}

export async function operationsStatus({ sql, dependencies }: Pick<AppDeps, 'sql' | 'dependencies'>, now: Date) {
  const known = await figures(sql, now).catch((e: unknown) => {
    if (databaseUnreachable(e)) return undefined;
    throw e;
  });
  return {
    at: now.toISOString(),
    dependencies: {
      postgresql: known ? { status: 'up' } : { ...watchStatus(dependencies?.postgresql), status: 'down' },
      temporal: watchStatus(dependencies?.temporal),
    },
    crmOutbox: known?.crmOutbox ?? null,
    cases: known?.cases ?? null,
    recentOutages: known?.recentOutages ?? [],
  };
}
