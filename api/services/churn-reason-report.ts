// The churn-reasons report's facts (Prisma): the cases lost in [from, to) by when they closed, with the reason
// kept on the case, and the catalogue (retired reasons too: old cases still use them). The holdout group is
// left out: it gets no treatment and nobody asks its customers why they leave.
import type { Db } from '../../config/database';
import { churnReasonReport, type ChurnReportPeriod, type LostCase } from '../../domain/churn-reason-report';
import type { Tier } from '../../domain/vocabulary';
import { listChurnReasons, LOST_OUTCOMES } from './churn-reasons';

export interface ChurnReportQuery {
  from: Date;
  to: Date;
  period: ChurnReportPeriod;
  team?: string;
  tier?: Tier;
  driver?: string;
  playbook?: string;
}

async function lostCases(db: Db, q: ChurnReportQuery): Promise<LostCase[]> {
  const rows = await db.case.findMany({
    where: {
      status: 'closed',
      outcome: { in: LOST_OUTCOMES },
      closedAt: { gte: q.from, lt: q.to },
      events: { none: { type: 'holdout_assigned' } },
      ...(q.team ? { teamId: q.team } : {}),
      ...(q.driver ? { driver: q.driver } : {}),
      ...(q.playbook ? { playbookId: q.playbook } : {}),
      ...(q.tier ? { customer: { tier: q.tier } } : {}),
    },
    select: { closedAt: true, churnReasonCode: true, driver: true, teamId: true, customer: { select: { tier: true } } },
  });
  return rows.map((r) => ({
    closedAt: r.closedAt!,
    reasonCode: r.churnReasonCode,
    driver: r.driver,
    tier: r.customer.tier,
    teamId: r.teamId,
  }));
}

export async function churnReasonReportFor(db: Db, q: ChurnReportQuery) {
  const [cases, catalogue] = await Promise.all([lostCases(db, q), listChurnReasons(db, { includeRetired: true })]);
  return {
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    period: q.period,
    filters: { team: q.team ?? null, tier: q.tier ?? null, driver: q.driver ?? null, playbook: q.playbook ?? null },
    ...churnReasonReport(cases, catalogue, q),
  };
}
