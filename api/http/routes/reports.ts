// Retention reports for supervisors: JSON rows, or the same rows as CSV for a spreadsheet.
import { Router } from 'express';
import type { Db } from '../../../config/database';
import { reportCsv, retentionReport, type CaseFacts } from '../../../domain/retention-report';
import { requireRole } from '../auth';
import type { AppDeps } from '../../deps';
import { retentionReportQuery } from '../schemas';
import { parse } from '../validate';

// Cases opened in [from, to), with what the report needs of each. Assets are the customer's current ones.
async function caseFacts(db: Db, from: Date, to: Date): Promise<CaseFacts[]> {
  const rows = await db.case.findMany({
    where: { openedAt: { gte: from, lt: to } },
    select: {
      openedAt: true, driver: true, teamId: true, playbookId: true, status: true, outcome: true,
      customer: { select: { tier: true, assetsUnderManagement: true } },
      offers: { select: { offerId: true, cost: true, status: true }, orderBy: { createdAt: 'asc' } },
      events: { where: { type: { in: ['holdout_assigned', 'sla_breached'] } }, select: { type: true } },
    },
  });
  return rows.map((r) => ({
    openedAt: r.openedAt,
    driver: r.driver,
    tier: r.customer.tier,
    teamId: r.teamId,
    playbookId: r.playbookId,
    offerId: r.offers.at(-1)?.offerId ?? null,
    status: r.status,
    outcome: r.outcome,
    holdout: r.events.some((e) => e.type === 'holdout_assigned'),
    slaBreached: r.events.some((e) => e.type === 'sla_breached'),
    acceptedOfferCost: r.offers.filter((o) => o.status === 'accepted').reduce((sum, o) => sum + o.cost.toNumber(), 0),
    assetsUnderManagement: r.customer.assetsUnderManagement.toNumber(),
  }));
}

export function reportRoutes({ db }: AppDeps): Router {
  const router = Router();
  router.get('/v1/reports/retention', requireRole('supervisor'), async (req, res) => {
    const q = parse(retentionReportQuery, req.query, 'query');
    const rows = retentionReport(await caseFacts(db, q.from, q.to), q.groupBy, q.period);
    if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
      // Named by the first and last day covered (`to` itself is exclusive).
      const name = `retention-${q.groupBy}-${q.from.toISOString().slice(0, 10)}-${new Date(q.to.getTime() - 1).toISOString().slice(0, 10)}.csv`;
      res.type('text/csv').attachment(name).send(reportCsv(rows, q.period !== undefined));
      return;
    }
    res.json({ from: q.from.toISOString(), to: q.to.toISOString(), groupBy: q.groupBy, period: q.period ?? null, rows });
  });
  return router;
}
