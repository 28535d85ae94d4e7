// The churn-reasons report: the cases a bank lost (closed churned or declined) in a period, by the reason people
// gave, with its composition by category, driver, tier and team, and per period the share of avoidable churn
// and its trend. Pure, so its figures are checked against hand-computed fixtures. Cases without a reason (the
// workflow closed them: an offer expired, an accepted offer then observed churned) count as "not recorded",
// so the gap shows.
import { toCsv } from './csv';
import { periodKey } from './retention-report';

export const CHURN_REPORT_PERIODS = ['week', 'month'] as const;
export type ChurnReportPeriod = (typeof CHURN_REPORT_PERIODS)[number];
export const NOT_RECORDED = 'not_recorded';

export interface LostCase {
  closedAt: Date;
  reasonCode: string | null;
  driver: string | null;
  tier: string;
  teamId: string | null;
}

export interface CatalogueReason {
  code: string;
  label: string;
  category: string;
  avoidable: boolean;
  active: boolean;
}

// Counts of a set of lost cases: how many, how many with a reason, how many of those avoidable.
interface Tally {
  count: number;
  // Share of all lost cases in the report.
  share: number | null;
  recorded: number;
  avoidableCount: number;
  // Avoidable among the cases with a reason: unknown reasons neither raise nor lower it.
  avoidableShare: number | null;
}
interface ReasonRow extends Tally {
  code: string;
  label: string;
  category: string | null;
  avoidable: boolean | null;
  active: boolean | null;
}
interface GroupRow extends Tally {
  group: string;
}
interface PeriodRow extends Tally {
  period: string;
  // Change in avoidable share against the previous period (null when either has no recorded reason).
  trend: number | null;
}

export interface ChurnReasonReport {
  totals: Tally;
  reasons: ReasonRow[];
  byCategory: GroupRow[];
  byDriver: GroupRow[];
  byTier: GroupRow[];
  byTeam: GroupRow[];
  periods: PeriodRow[];
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const ratio = (n: number, d: number) => (d === 0 ? null : round4(n / d));

function tally(cases: LostCase[], total: number, reasons: Map<string, CatalogueReason>): Tally {
  const recorded = cases.filter((c) => c.reasonCode !== null && reasons.has(c.reasonCode));
  const avoidableCount = recorded.filter((c) => reasons.get(c.reasonCode!)!.avoidable).length;
  return {
    count: cases.length,
    share: ratio(cases.length, total),
    recorded: recorded.length,
    avoidableCount,
    avoidableShare: ratio(avoidableCount, recorded.length),
  };
}

function groupBy(cases: LostCase[], key: (c: LostCase) => string): Map<string, LostCase[]> {
  const groups = new Map<string, LostCase[]>();
  for (const c of cases) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
  return groups;
}

// Largest first, then by name, so the table and the chart read the same.
const byCount = <R extends Tally>(rows: R[], name: (r: R) => string) =>
  rows.sort((a, b) => b.count - a.count || name(a).localeCompare(name(b)));

function groupRows(cases: LostCase[], reasons: Map<string, CatalogueReason>, key: (c: LostCase) => string) {
  const rows = [...groupBy(cases, key)].map(([group, list]) => ({ group, ...tally(list, cases.length, reasons) }));
  return byCount(rows, (r) => r.group);
}

function reasonRows(cases: LostCase[], reasons: Map<string, CatalogueReason>): ReasonRow[] {
  const known = (c: LostCase) => (c.reasonCode !== null && reasons.has(c.reasonCode) ? c.reasonCode : NOT_RECORDED);
  const rows = [...groupBy(cases, known)].map(([code, list]) => {
    const r = reasons.get(code);
    return {
      code,
      label: r?.label ?? 'Not recorded',
      category: r?.category ?? null,
      avoidable: r?.avoidable ?? null,
      active: r?.active ?? null,
      ...tally(list, cases.length, reasons),
    };
  });
  return byCount(rows, (r) => r.code);
}

// Every period of [from, to), empty ones too, so the trend compares neighbours.
function periodRows(
  cases: LostCase[],
  reasons: Map<string, CatalogueReason>,
  range: { from: Date; to: Date; period: ChurnReportPeriod },
): PeriodRow[] {
  const keys = new Set<string>();
  for (let t = range.from.getTime(); t < range.to.getTime(); t += 86_400_000)
    keys.add(periodKey(new Date(t), range.period));
  const groups = groupBy(cases, (c) => periodKey(c.closedAt, range.period));
  let previous: number | null = null;
  return [...keys].sort().map((period) => {
    const t = tally(groups.get(period) ?? [], cases.length, reasons);
    const trend = t.avoidableShare === null || previous === null ? null : round4(t.avoidableShare - previous);
    previous = t.avoidableShare;
    return { period, ...t, trend };
  });
}

export function churnReasonReport(
  cases: LostCase[],
  catalogue: CatalogueReason[],
  range: { from: Date; to: Date; period: ChurnReportPeriod },
): ChurnReasonReport {
  const reasons = new Map(catalogue.map((r) => [r.code, r]));
  const category = (c: LostCase) => (c.reasonCode !== null && reasons.get(c.reasonCode)?.category) || NOT_RECORDED;
  return {
    totals: tally(cases, cases.length, reasons),
    reasons: reasonRows(cases, reasons),
    byCategory: groupRows(cases, reasons, category),
    byDriver: groupRows(cases, reasons, (c) => c.driver ?? 'undetermined'),
    byTier: groupRows(cases, reasons, (c) => c.tier),
    byTeam: groupRows(cases, reasons, (c) => c.teamId ?? 'unassigned'),
    periods: periodRows(cases, reasons, range),
  };
}

// The CSV: one table, a `section` column saying which part of the report a line belongs to (reason, category,
// driver, tier, team, period) and `key` its reason code, group or period.
const CHURN_REPORT_COLUMNS = [
  'section',
  'key',
  'label',
  'category',
  'avoidable',
  'count',
  'share',
  'recorded',
  'avoidableCount',
  'avoidableShare',
  'trend',
] as const;

export function churnReasonCsv(report: ChurnReasonReport): string {
  const groups = (section: string, rows: GroupRow[]) => rows.map((r) => ({ section, key: r.group, ...r }));
  return toCsv<Record<string, unknown>>(CHURN_REPORT_COLUMNS, [
    ...report.reasons.map((r) => ({ section: 'reason', key: r.code, ...r })),
    ...groups('category', report.byCategory),
    ...groups('driver', report.byDriver),
    ...groups('tier', report.byTier),
    ...groups('team', report.byTeam),
    ...report.periods.map((r) => ({ section: 'period', key: r.period, ...r })),
  ]);
}
