// The retention report against a hand-computed fixture: eleven cases in a date range no other test uses.
import { createTeam, insertCase, type CaseRow } from '../support/case-rows';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let teamId: string;
// A random day between 1990 and 2019, so reruns against a kept database never overlap.
const day1 = new Date(
  Date.UTC(
    1990 + Math.floor(Math.random() * 30),
    Math.floor(Math.random() * 12),
    1 + Math.floor(Math.random() * 27),
    10,
  ),
);
const day2 = new Date(day1.getTime() + 86_400_000);
const ymd = (d: Date) => d.toISOString().slice(0, 10);
const range = `from=${ymd(day1)}&to=${ymd(day2)}`;

beforeAll(async () => {
  h = await startHarness({ worker: false });
  teamId = (await createTeam(h.db)).teamId;
  const py = { driver: 'product_yield', tier: 'mass' as const };
  const closed = (outcome: string) => ({ status: 'closed' as const, outcome });
  const fixture: (CaseRow & { team?: null })[] = [
    {
      ...py,
      ...closed('retained'),
      openedAt: day1,
      assets: 10_000,
      offer: { offerId: 'rate-bonus-25bp', cost: 60, status: 'accepted' },
    },
    {
      ...py,
      ...closed('retained'),
      openedAt: day1,
      assets: 5_000,
      slaBreached: true,
      offer: { offerId: 'fee-waiver-12m', cost: 48, status: 'accepted' },
    },
    {
      ...py,
      tier: 'affluent',
      ...closed('declined'),
      openedAt: day1,
      assets: 80_000,
      offer: { offerId: 'rate-bonus-25bp', cost: 60, status: 'declined' },
    },
    { ...py, ...closed('churned'), openedAt: day1, assets: 7_000 },
    { ...py, ...closed('retained'), openedAt: day2, assets: 9_000, holdout: true },
    { ...py, ...closed('churned'), openedAt: day2, holdout: true },
    { ...py, ...closed('churned'), openedAt: day2, holdout: true },
    { ...py, openedAt: day2 },
    {
      driver: 'service',
      tier: 'premier',
      ...closed('retained'),
      openedAt: day2,
      assets: 300_000,
      offer: { offerId: 'concierge-service', cost: 400, status: 'accepted' },
    },
    { driver: 'service', tier: 'premier', ...closed('excluded'), openedAt: day2, assets: 1_000_000, team: null },
    { driver: 'service', tier: 'mass', ...closed('unreachable'), openedAt: day2, slaBreached: true },
  ];
  for (const row of fixture) await insertCase(h.db, row.team === null ? null : teamId, row);
  // Just outside the range on either side: must not count.
  await insertCase(h.db, teamId, {
    ...py,
    ...closed('retained'),
    openedAt: new Date(Date.UTC(day1.getUTCFullYear(), day1.getUTCMonth(), day1.getUTCDate()) - 1),
  });
  await insertCase(h.db, teamId, {
    ...py,
    ...closed('retained'),
    openedAt: new Date(Date.UTC(day2.getUTCFullYear(), day2.getUTCMonth(), day2.getUTCDate() + 1)),
  });
});
afterAll(async () => {
  await h?.stop();
});

const report = async (query: string) => {
  const res = await h.call('GET', `/v1/reports/retention?${range}&${query}`, { key: h.keys.supervisor });
  expect(res.status).toBe(200);
  return res.body.rows as Record<string, unknown>[];
};

test('by driver: outcomes, retention rate, lift over the holdout, offer cost, assets and SLA compliance', async () => {
  expect(await report('groupBy=driver')).toEqual([
    {
      group: 'product_yield',
      opened: 8,
      treated: 5,
      holdout: 3,
      stillOpen: 1,
      retained: 2,
      churned: 1,
      declined: 1,
      unreachable: 0,
      excluded: 0,
      erased: 0,
      // 2 retained of 4 concluded; the holdout kept 1 of 3; offers accepted 60 + 48.
      retentionRate: 0.5,
      holdoutRetentionRate: 0.3333,
      lift: 0.1667,
      offerCost: 108,
      costPerRetained: 54,
      assetsRetained: 15_000,
      slaCompliance: 0.8,
    },
    {
      group: 'service',
      opened: 3,
      treated: 3,
      holdout: 0,
      stillOpen: 0,
      retained: 1,
      churned: 0,
      declined: 0,
      unreachable: 1,
      excluded: 1,
      erased: 0,
      // The excluded case counts in neither the retention rate nor SLA compliance.
      retentionRate: 0.5,
      holdoutRetentionRate: null,
      lift: null,
      offerCost: 400,
      costPerRetained: 400,
      assetsRetained: 300_000,
      slaCompliance: 0.5,
    },
  ]);
});

test('by tier, team and offer', async () => {
  const tiers = await report('groupBy=tier');
  expect(
    tiers.map((r) => [
      r.group,
      r.opened,
      r.treated,
      r.retained,
      r.retentionRate,
      r.offerCost,
      r.costPerRetained,
      r.slaCompliance,
    ]),
  ).toEqual([
    ['affluent', 1, 1, 0, 0, 0, null, 1],
    ['mass', 8, 5, 2, 0.5, 108, 54, 0.6],
    ['premier', 2, 2, 1, 1, 400, 400, 1],
  ]);
  const teams = await report('groupBy=team');
  expect(teams.map((r) => [r.group, r.opened])).toEqual([
    [teamId, 10],
    ['unassigned', 1],
  ]);
  const offers = await report('groupBy=offer');
  expect(offers.map((r) => [r.group, r.opened, r.retained, r.declined, r.offerCost, r.assetsRetained])).toEqual([
    ['concierge-service', 1, 1, 0, 400, 300_000],
    ['fee-waiver-12m', 1, 1, 0, 48, 5_000],
    ['no_offer', 7, 0, 0, 0, 0],
    ['rate-bonus-25bp', 2, 1, 1, 60, 10_000],
  ]);
  expect((await report('groupBy=playbook')).map((r) => [r.group, r.opened])).toEqual([['demo', 11]]);
});

test('by period: one row per group and day, for charts over time', async () => {
  const rows = await report('groupBy=tier&period=day');
  expect(rows.map((r) => [r.group, r.period, r.opened, r.retained, r.churned])).toEqual([
    ['affluent', ymd(day1), 1, 0, 0],
    ['mass', ymd(day1), 3, 2, 1],
    ['mass', ymd(day2), 5, 0, 0],
    ['premier', ymd(day2), 2, 1, 0],
  ]);
});

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  return rows;
}

test('Accept: text/csv gives the same rows as the JSON', async () => {
  for (const query of ['groupBy=driver', 'groupBy=offer&period=day']) {
    const json = await report(query);
    const csv = await h.call('GET', `/v1/reports/retention?${range}&${query}`, {
      key: h.keys.supervisor,
      headers: { accept: 'text/csv' },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const groupBy = /groupBy=(\w+)/.exec(query)![1];
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename=retention-${groupBy}-${ymd(day1)}-${ymd(day2)}.csv`,
    );
    const [header, ...lines] = parseCsv(csv.body as string);
    const fromCsv = lines.map((cells) =>
      Object.fromEntries(
        header!.map((col, i) => {
          const v = cells[i]!;
          return [col, col === 'group' || col === 'period' ? v : v === '' ? null : Number(v)];
        }),
      ),
    );
    expect(fromCsv).toEqual(json);
  }
});

test('bad ranges and groupings are refused with what to fix', async () => {
  const call = (q: string) => h.call('GET', `/v1/reports/retention?${q}`, { key: h.keys.supervisor });
  expect((await call(`from=${ymd(day2)}&to=${ymd(day1)}`)).body.error.details).toEqual([
    { path: 'query.from', message: '"from" must be before "to"' },
  ]);
  expect((await call('groupBy=colour')).body.error.details[0].path).toBe('query.groupBy');
  expect((await call('from=yesterday')).body.error.details[0].path).toBe('query.from');
  expect((await call('from=2001-01-01&to=2026-01-01')).body.error.details[0].path).toBe('query.to');
});
