import { periodKey, reportCsv, reportRow, retentionReport, type CaseFacts } from '../../domain/retention-report';

const facts = (over: Partial<CaseFacts>): CaseFacts => ({
  openedAt: new Date('2026-11-18T10:00:00Z'),
  driver: 'service',
  tier: 'mass',
  teamId: 't',
  playbookId: 'standard',
  offerId: null,
  status: 'closed',
  outcome: 'retained',
  holdout: false,
  slaBreached: false,
  acceptedOfferCost: 0,
  assetsUnderManagement: 0,
  ...over,
});

test('weeks are named by their Monday; months and days by their UTC date', () => {
  expect(periodKey(new Date('2026-11-22T23:00:00Z'), 'week')).toBe('2026-11-16'); // a Sunday
  expect(periodKey(new Date('2026-11-23T00:00:00Z'), 'week')).toBe('2026-11-23'); // a Monday
  expect(periodKey(new Date('2026-11-23T00:00:00Z'), 'month')).toBe('2026-11');
  expect(periodKey(new Date('2026-11-23T23:59:59Z'), 'day')).toBe('2026-11-23');
});

test('rates are null, not zero or NaN, when nothing was concluded', () => {
  const row = reportRow('g', [facts({ status: 'open', outcome: null }), facts({ outcome: 'excluded' })]);
  expect(row).toMatchObject({
    retentionRate: null,
    holdoutRetentionRate: null,
    lift: null,
    costPerRetained: null,
    slaCompliance: 1,
    excluded: 1,
    stillOpen: 1,
  });
});

test('a holdout case counts in the holdout rate only', () => {
  const row = reportRow('g', [
    facts({ holdout: true }),
    facts({ holdout: true, outcome: 'churned' }),
    facts({ outcome: 'churned' }),
  ]);
  expect(row).toMatchObject({
    opened: 3,
    treated: 1,
    holdout: 2,
    retained: 0,
    churned: 1,
    retentionRate: 0,
    holdoutRetentionRate: 0.5,
    lift: -0.5,
  });
});

test('groups missing a value get a named bucket', () => {
  const rows = retentionReport([facts({ driver: null, teamId: null })], 'driver');
  expect(rows.map((r) => r.group)).toEqual(['undetermined']);
  expect(retentionReport([facts({ teamId: null })], 'team').map((r) => r.group)).toEqual(['unassigned']);
});

test('CSV quotes fields that need it and leaves absent values empty', () => {
  const csv = reportCsv([reportRow('a "quoted", group', [facts({ status: 'open', outcome: null })])], false);
  const [header, line] = csv.split('\r\n');
  expect(header!.startsWith('group,opened,treated')).toBe(true);
  expect(line!.startsWith('"a ""quoted"", group",1,1,0,1,')).toBe(true);
  expect(line!.split(',').slice(-7)).toEqual(['', '', '', '0', '', '0', '1']);
});
