// A playbook's funnel: the steps a case passes, in order, and why a case leaves at a step. A case enters a
// step at the first timeline event that shows it there (api/services/funnel-sql.ts maps events to steps);
// it leaves at its deepest step when it closes anywhere but retained. Pure arithmetic on the counts here.
import { toCsv } from './csv';

export const FUNNEL_STEPS = [
  'detected',
  'assigned',
  'contacted',
  'reached',
  'offered',
  'accepted',
  'surveyed',
  'retained',
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

// Why a closed case left: a supervisor's close first (whatever outcome they chose), then the holdout (never
// treated), then the outcome, with an expired offer told apart from a declined one.
export const LEAVE_REASONS = [
  'excluded',
  'not_actionable',
  'holdout',
  'unreachable',
  'declined',
  'offer_expired',
  'churned',
  'closed_by_hand',
  'erased',
] as const;
type LeaveReason = (typeof LEAVE_REASONS)[number];

export interface FunnelStepCounts {
  step: FunnelStep;
  entered: number;
  left: number;
  leftBecause: Record<LeaveReason, number>;
  // Seconds from entering the step to entering the next one (or closing there); open cases still in it not counted.
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface FunnelRow extends FunnelStepCounts {
  // entered at the next step / entered here; null on the last step or when none entered.
  conversion: number | null;
}

export function funnelRows(counts: FunnelStepCounts[]): FunnelRow[] {
  const byStep = new Map(counts.map((c) => [c.step, c]));
  const none = (step: FunnelStep): FunnelStepCounts => ({
    step,
    entered: 0,
    left: 0,
    leftBecause: Object.fromEntries(LEAVE_REASONS.map((r) => [r, 0])) as Record<LeaveReason, number>,
    medianSeconds: null,
    p90Seconds: null,
  });
  const all = FUNNEL_STEPS.map((s) => byStep.get(s) ?? none(s));
  return all.map((c, i) => {
    const next = all[i + 1];
    return {
      ...c,
      conversion: next && c.entered > 0 ? Math.round((next.entered / c.entered) * 10_000) / 10_000 : null,
    };
  });
}

const FUNNEL_CSV_COLUMNS = [
  'step',
  'entered',
  'left',
  ...LEAVE_REASONS.map((r) => `left_${r}`),
  'conversion',
  'medianSeconds',
  'p90Seconds',
] as const;

export function funnelCsv(rows: FunnelRow[]): string {
  const flat: Record<string, unknown>[] = rows.map((r) => ({
    ...r,
    ...Object.fromEntries(LEAVE_REASONS.map((reason) => [`left_${reason}`, r.leftBecause[reason]])),
  }));
  return toCsv<Record<string, unknown>>(FUNNEL_CSV_COLUMNS, flat);
}
