// The retention report's facts: what the report (domain/retention-report.ts) needs of each case opened in a
// period.
import type { Db } from '../../config/database';
import { retentionReport, type CaseFacts, type ReportGroup, type ReportPeriod } from '../../domain/retention-report';

// Cases opened in [from, to), with what the report needs of each. Assets are the customer's current ones.
async function caseFacts(db: Db, from: Date, to: Date): Promise<CaseFacts[]> {
  const rows = await db.case.findMany({
    where: { openedAt: { gte: from, lt: to } },
    select: {
      openedAt: true,
      driver: true,
      teamId: true,
      playbookId: true,
      status: true,
      outcome: true,
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

// The report's rows for cases opened in [from, to), by group (and period).
export async function retentionReportRows(
  db: Db,
  q: { from: Date; to: Date; groupBy: ReportGroup; period?: ReportPeriod },
) {
  return retentionReport(await caseFacts(db, q.from, q.to), q.groupBy, q.period);
}
