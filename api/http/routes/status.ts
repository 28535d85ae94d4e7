// What the system is doing behind the playbook: the CRM outbox's backlog and lag, outages of our own
// dependencies (under way, as this process sees them, and recently ended, as every process kept them), and
// cases needing attention. /ready does not depend on the CRM (a CRM outage delays nothing in the playbook);
// this is where its delay shows. While PostgreSQL is down it still answers, with what it can say.
import { Router } from 'express';
import { databaseUnreachable } from '../../../config/dependency-outage';
import type { OutageWatch } from '../../../config/outage-watch';
import type { Db } from '../../../config/database';
import { requireRole } from '../auth';
import type { AppDeps } from '../../deps';

// Ended outages shown: those of the last week, newest first.
const RECENT_OUTAGES = 20;
const RECENT_DAYS = 7;

const watchStatus = (w: OutageWatch | undefined) => {
  if (!w) return { status: 'unknown' as const };
  const now = w.current();
  return now ? { status: 'down' as const, since: now.startedAt.toISOString(), seconds: now.seconds, lastError: now.lastError } : { status: 'up' as const };
};

async function figures(db: Db, now: Date) {
  const [backlog, oldest, failing, lastFailure, needsAttention, outages] = await Promise.all([
    db.crmOutbox.count({ where: { deliveredAt: null } }),
    db.crmOutbox.findFirst({ where: { deliveredAt: null }, orderBy: { id: 'asc' }, select: { createdAt: true } }),
    db.crmOutbox.count({ where: { deliveredAt: null, attempts: { gt: 0 } } }),
    db.crmOutbox.findFirst({ where: { deliveredAt: null, lastError: { not: null } }, orderBy: { id: 'desc' }, select: { lastError: true } }),
    db.case.count({ where: { status: 'open', attentionSince: { not: null } } }),
    db.dependencyOutage.findMany({ where: { endedAt: { gte: new Date(now.getTime() - RECENT_DAYS * 86_400_000) } }, orderBy: { endedAt: 'desc' }, take: RECENT_OUTAGES }),
  ]);
  return {
    crmOutbox: {
      backlog,
      failing,
      oldestUndeliveredAt: oldest?.createdAt.toISOString() ?? null,
      lagSeconds: oldest ? Math.round((now.getTime() - oldest.createdAt.getTime()) / 1000) : 0,
      lastError: lastFailure?.lastError ?? null,
    },
    cases: { needsAttention },
    recentOutages: outages.map((o) => ({ dependency: o.dependency, process: o.process, startedAt: o.startedAt.toISOString(), endedAt: o.endedAt.toISOString(), seconds: o.seconds })),
  };
}

export function statusRoutes({ db, dependencies }: AppDeps): Router {
  const router = Router();
  router.get('/v1/status', requireRole('supervisor'), async (_req, res) => {
    const now = new Date();
    const known = await figures(db, now).catch((e: unknown) => {
      if (databaseUnreachable(e)) return undefined;
      throw e;
    });
    res.json({
      at: now.toISOString(),
      dependencies: { postgresql: known ? { status: 'up' } : { ...watchStatus(dependencies?.postgresql), status: 'down' }, temporal: watchStatus(dependencies?.temporal) },
      crmOutbox: known?.crmOutbox ?? null,
      cases: known?.cases ?? null,
      recentOutages: known?.recentOutages ?? [],
    });
  });
  return router;
}
