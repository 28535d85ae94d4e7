// The churn-reasons report's figures from hand-computed cases: shares, the avoidable share among cases with a
// reason, "not recorded" for cases without one, and the trend between neighbouring periods (empty ones too).
import { churnReasonCsv, churnReasonReport, type LostCase } from '../../domain/churn-reason-report';

const catalogue = [
  { code: 'fees_too_high', label: 'Fees too high', category: 'price', avoidable: true, active: true },
  { code: 'moved_away', label: 'Moved away', category: 'relocation', avoidable: false, active: true },
  { code: 'old_reason', label: 'Old reason', category: 'other', avoidable: true, active: false },
];
const lost = (day: string, reasonCode: string | null): LostCase => ({
  closedAt: new Date(`${day}T12:00:00Z`),
  reasonCode,
  driver: 'service',
  tier: 'mass',
  teamId: null,
});
const range = {
  from: new Date('2026-01-01T00:00:00Z'),
  to: new Date('2026-04-01T00:00:00Z'),
  period: 'month' as const,
};

test('no lost cases: every period is listed, nothing is divided by zero', () => {
  const r = churnReasonReport([], catalogue, range);
  expect(r.totals).toEqual({ count: 0, share: null, recorded: 0, avoidableCount: 0, avoidableShare: null });
  expect(r.reasons).toEqual([]);
  expect(r.periods.map((p) => [p.period, p.count, p.trend])).toEqual([
    ['2026-01', 0, null],
    ['2026-02', 0, null],
    ['2026-03', 0, null],
  ]);
});

test('a retired reason still names its cases; an unknown code counts as not recorded; the trend skips empty periods', () => {
  const r = churnReasonReport(
    [
      lost('2026-01-05', 'fees_too_high'),
      lost('2026-01-06', 'old_reason'),
      lost('2026-01-07', 'moved_away'),
      lost('2026-01-08', 'moved_away'),
      lost('2026-03-02', 'moved_away'),
      lost('2026-03-03', 'no_such_code'),
    ],
    catalogue,
    range,
  );
  expect(r.totals).toMatchObject({ count: 6, recorded: 5, avoidableCount: 2, avoidableShare: 0.4 });
  expect(r.reasons.map((x) => [x.code, x.count, x.active])).toEqual([
    ['moved_away', 3, true],
    ['fees_too_high', 1, true],
    ['not_recorded', 1, null],
    ['old_reason', 1, false],
  ]);
  expect(r.byTeam).toEqual([
    { group: 'unassigned', count: 6, share: 1, recorded: 5, avoidableCount: 2, avoidableShare: 0.4 },
  ]);
  // January 2 of 4 avoidable; February has none; March 0 of 1: February's gap leaves March without a trend.
  expect(r.periods.map((p) => [p.period, p.avoidableShare, p.trend])).toEqual([
    ['2026-01', 0.5, null],
    ['2026-02', null, null],
    ['2026-03', 0, null],
  ]);
  expect(churnReasonCsv(r).split('\r\n')[1]).toBe('reason,moved_away,Moved away,relocation,false,3,0.5,3,0,0,');
});

test('weeks are named by their Monday and compared with the week before', () => {
  const weeks = {
    from: new Date('2026-03-02T00:00:00Z'),
    to: new Date('2026-03-16T00:00:00Z'),
    period: 'week' as const,
  };
  const r = churnReasonReport(
    [lost('2026-03-03', 'fees_too_high'), lost('2026-03-10', 'fees_too_high'), lost('2026-03-11', 'moved_away')],
    catalogue,
    weeks,
  );
  expect(r.periods.map((p) => [p.period, p.avoidableShare, p.trend])).toEqual([
    ['2026-03-02', 1, null],
    ['2026-03-09', 0.5, -0.5],
  ]);
});
