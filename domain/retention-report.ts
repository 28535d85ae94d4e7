// The retention report: per-case facts in, one row per group (and period) out. Pure, so the numbers a
// supervisor sees are checked against hand-computed fixtures without a database.
import type { Outcome } from './vocabulary';
import { toCsv } from './csv';

export const REPORT_GROUPS = ['driver', 'tier', 'team', 'offer', 'playbook'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];
export const REPORT_PERIODS = ['day', 'week', 'month'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export interface CaseFacts {
  openedAt: Date;
  driver: string | null;
  tier: string;
  teamId: string | null;
  playbookId: string;
  // The offer the case got to (latest made), if any.
  offerId: string | null;
  status: 'open' | 'closed' | string;
  outcome: Outcome | string | null;
  holdout: boolean;
  slaBreached: boolean;
  // Cost of the offers the customer accepted.
  acceptedOfferCost: number;
  assetsUnderManagement: number;
}

export interface ReportRow {
  group: string;
  period?: string;
  opened: number;
  treated: number;
  holdout: number;
  stillOpen: number;
  retained: number;
  churned: number;
  declined: number;
  unreachable: number;
  // Closed without treatment: excluded (special funds) plus not_actionable (below the action threshold).
  excluded: number;
  // Closed because the customer's personal data was erased on request: counted, never concluded.
  erased: number;
  retentionRate: number | null;
  holdoutRetentionRate: number | null;
  lift: number | null;
  offerCost: number;
  costPerRetained: number | null;
  assetsRetained: number;
  slaCompliance: number | null;
}

// The column order of the CSV, and of the JSON rows.
export const REPORT_COLUMNS: (keyof ReportRow)[] = [
  'group',
  'period',
  'opened',
  'treated',
  'holdout',
  'stillOpen',
  'retained',
  'churned',
  'declined',
  'unreachable',
  'excluded',
  'erased',
  'retentionRate',
  'holdoutRetentionRate',
  'lift',
  'offerCost',
  'costPerRetained',
  'assetsRetained',
  'slaCompliance',
];

// Outcomes that say whether the customer stayed: the denominator of a retention rate. Cases excluded
// (intermediary-driven special funds) or judged not actionable (risk below the playbook's threshold) were
// never worked, so they count in neither direction.
export const CONCLUSIVE = new Set(['retained', 'churned', 'declined', 'unreachable']);

function groupKey(c: CaseFacts, by: ReportGroup): string {
  switch (by) {
    case 'driver':
      return c.driver ?? 'undetermined';
    case 'tier':
      return c.tier;
    case 'team':
      return c.teamId ?? 'unassigned';
    case 'offer':
      return c.offerId ?? 'no_offer';
    case 'playbook':
      return c.playbookId;
  }
}

export function periodKey(at: Date, period: ReportPeriod): string {
  const day = at.toISOString().slice(0, 10);
  if (period === 'day') return day;
  if (period === 'month') return day.slice(0, 7);
  // ISO weeks start on Monday; the period is named by that Monday's date.
  const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
}

const ratio = (n: number, d: number) => (d === 0 ? null : round(n / d, 4));
const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

export function reportRow(group: string, cases: CaseFacts[], period?: string): ReportRow {
  const treated = cases.filter((c) => !c.holdout);
  const control = cases.filter((c) => c.holdout);
  const closedWith = (list: CaseFacts[], outcome: string) =>
    list.filter((c) => c.status === 'closed' && c.outcome === outcome);
  const conclusive = (list: CaseFacts[]) =>
    list.filter((c) => c.status === 'closed' && CONCLUSIVE.has(String(c.outcome)));
  const retained = closedWith(treated, 'retained');
  const retentionRate = ratio(retained.length, conclusive(treated).length);
  const holdoutRetentionRate = ratio(closedWith(control, 'retained').length, conclusive(control).length);
  const offerCost = round(
    treated.reduce((sum, c) => sum + c.acceptedOfferCost, 0),
    2,
  );
  // SLA compliance over the cases people worked: treated cases that were not excluded up front.
  const worked = treated.filter(
    (c) => !(c.status === 'closed' && (c.outcome === 'excluded' || c.outcome === 'not_actionable')),
  );
  return {
    group,
    ...(period === undefined ? {} : { period }),
    opened: cases.length,
    treated: treated.length,
    holdout: control.length,
    stillOpen: treated.filter((c) => c.status !== 'closed').length,
    retained: retained.length,
    churned: closedWith(treated, 'churned').length,
    declined: closedWith(treated, 'declined').length,
    unreachable: closedWith(treated, 'unreachable').length,
    excluded: closedWith(treated, 'excluded').length + closedWith(treated, 'not_actionable').length,
    erased: closedWith(treated, 'erased').length,
    retentionRate,
    holdoutRetentionRate,
    lift:
      retentionRate === null || holdoutRetentionRate === null ? null : round(retentionRate - holdoutRetentionRate, 4),
    offerCost,
    costPerRetained: retained.length === 0 ? null : round(offerCost / retained.length, 2),
    assetsRetained: round(
      retained.reduce((sum, c) => sum + c.assetsUnderManagement, 0),
      2,
    ),
    slaCompliance: ratio(worked.filter((c) => !c.slaBreached).length, worked.length),
  };
}

// Rows sorted by group (then period), one per group and period that has cases.
export function retentionReport(cases: CaseFacts[], by: ReportGroup, period?: ReportPeriod): ReportRow[] {
  const buckets = new Map<string, { group: string; period?: string; cases: CaseFacts[] }>();
  for (const c of cases) {
    const group = groupKey(c, by);
    const p = period ? periodKey(c.openedAt, period) : undefined;
    const key = JSON.stringify([group, p]);
    const bucket = buckets.get(key) ?? { group, period: p, cases: [] };
    bucket.cases.push(c);
    buckets.set(key, bucket);
  }
  return [...buckets.values()]
    .sort((a, b) => a.group.localeCompare(b.group) || (a.period ?? '').localeCompare(b.period ?? ''))
    .map((b) => reportRow(b.group, b.cases, b.period));
}

// The same rows as CSV, columns in REPORT_COLUMNS order.
export function reportCsv(rows: ReportRow[], withPeriod: boolean): string {
  return toCsv(
    REPORT_COLUMNS.filter((c) => withPeriod || c !== 'period'),
    rows,
  );
}
