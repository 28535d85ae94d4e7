// What the system is doing behind the playbook: the CRM outbox's backlog and lag. /ready does not depend on
// the CRM (a CRM outage delays nothing in the playbook); this is where its delay shows.
import { Router } from 'express';
import { requireRole } from '../auth';
import type { AppDeps } from '../deps';

export function statusRoutes({ db }: AppDeps): Router {
  const router = Router();
  router.get('/v1/status', requireRole('supervisor'), async (_req, res) => {
    const now = new Date();
    const [backlog, oldest, failing, lastFailure, needsAttention] = await Promise.all([
      db.crmOutbox.count({ where: { deliveredAt: null } }),
      db.crmOutbox.findFirst({ where: { deliveredAt: null }, orderBy: { id: 'asc' }, select: { createdAt: true } }),
      db.crmOutbox.count({ where: { deliveredAt: null, attempts: { gt: 0 } } }),
      db.crmOutbox.findFirst({ where: { deliveredAt: null, lastError: { not: null } }, orderBy: { id: 'desc' }, select: { lastError: true } }),
      db.case.count({ where: { status: 'open', attentionSince: { not: null } } }),
    ]);
    res.json({
      at: now.toISOString(),
      crmOutbox: {
        backlog,
        failing,
        oldestUndeliveredAt: oldest?.createdAt.toISOString() ?? null,
        lagSeconds: oldest ? Math.round((now.getTime() - oldest.createdAt.getTime()) / 1000) : 0,
        lastError: lastFailure?.lastError ?? null,
      },
      cases: { needsAttention },
    });
  });
  return router;
}
