// The board's stage counts come from counters PostgreSQL keeps as cases change (case_stage_counts). They must
// stay exact through everything that moves a case: new cases, stage and status changes, a team move, cases
// changed at the same moment, deletes, bulk inserts.
import { createTeam, insertCase } from '../support/case-rows';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  await h?.stop();
});

const now = () => new Date();

// The team's board as the API answers it (from the counters: a team and status filter only).
async function boardCounts(teamId: string, status?: string): Promise<Record<string, number>> {
  const res = await h.call('GET', `/v1/cases?team=${teamId}&limit=1${status ? `&status=${status}` : ''}`, { key: h.keys.supervisor });
  expect(res.status).toBe(200);
  return Object.fromEntries(Object.entries(res.body.stageCounts as Record<string, number>).filter(([, n]) => n > 0));
}

// The same, counted from the cases themselves.
async function countedCases(teamId: string, status?: string): Promise<Record<string, number>> {
  const groups = await h.db.case.groupBy({ by: ['stage'], where: { teamId, status }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.stage, g._count._all]));
}

test('the counters follow cases through stage, status and team changes, concurrent moves and deletes', async () => {
  const { teamId: a } = await createTeam(h.db);
  const { teamId: b } = await createTeam(h.db);
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push(await insertCase(h.db, a, { openedAt: now(), stage: 'detected' }));
  expect(await boardCounts(a)).toEqual({ detected: 6 });

  await h.db.case.update({ where: { id: ids[0] }, data: { stage: 'contacting' } });
  await h.db.case.update({ where: { id: ids[1] }, data: { stage: 'closed', status: 'closed', outcome: 'retained' } });
  await h.db.case.update({ where: { id: ids[2] }, data: { teamId: b, stage: 'assigned' } });
  await h.db.case.update({ where: { id: ids[3] }, data: { teamId: null } });
  // An update that moves nothing the board counts.
  await h.db.case.update({ where: { id: ids[4] }, data: { priority: 99 } });
  expect(await boardCounts(a)).toEqual({ detected: 2, contacting: 1, closed: 1 });
  expect(await boardCounts(a, 'open')).toEqual({ detected: 2, contacting: 1 });
  expect(await boardCounts(b)).toEqual({ assigned: 1 });

  // Twenty cases moved at once, each in its own transaction, half of them to the other team as well.
  const many: string[] = [];
  for (let i = 0; i < 20; i++) many.push(await insertCase(h.db, a, { openedAt: now(), stage: 'assigned' }));
  await Promise.all(
    many.map((id, i) =>
      h.db.$transaction(async (tx) => {
        await tx.case.update({ where: { id }, data: { stage: 'contacting' } });
        if (i % 2 === 0) await tx.case.update({ where: { id }, data: { teamId: b } });
      }),
    ),
  );
  expect(await boardCounts(a)).toEqual(await countedCases(a));
  expect(await boardCounts(b)).toEqual(await countedCases(b));
  expect(await boardCounts(b)).toEqual({ assigned: 1, contacting: 10 });

  // A rolled-back change leaves the counters as they were.
  await expect(
    h.db.$transaction(async (tx) => {
      await tx.case.update({ where: { id: ids[4] }, data: { stage: 'offering' } });
      throw new Error('abandoned');
    }),
  ).rejects.toThrow('abandoned');
  await h.db.case.deleteMany({ where: { id: { in: [ids[0]!, ids[5]!, many[1]!] } } });
  expect(await boardCounts(a)).toEqual(await countedCases(a));
  expect(await boardCounts(a)).toEqual({ detected: 1, contacting: 9, closed: 1 });
});

test('a bulk insert of cases is counted, and the whole table agrees with its counters at one moment', async () => {
  const { teamId } = await createTeam(h.db);
  const template = await h.db.case.findUniqueOrThrow({ where: { id: await insertCase(h.db, teamId, { openedAt: now(), stage: 'offering' }) } });
  await h.db.case.createMany({
    data: Array.from({ length: 50 }, (_, i) => ({ ...template, id: `${template.id}-bulk-${i}`, stage: i % 5 === 0 ? 'awaiting_decision' : 'offering', riskExplanation: [] })),
  });
  expect(await boardCounts(teamId)).toEqual({ offering: 41, awaiting_decision: 10 });

  // One statement sees one snapshot, so cases other tests change meanwhile cannot make this differ.
  const [row] = await h.db.$queryRaw<{ differences: number }[]>`
    WITH kept AS (SELECT team_id, status, stage, sum(cases)::int AS n FROM case_stage_counts GROUP BY 1, 2, 3 HAVING sum(cases) <> 0),
         counted AS (SELECT coalesce(team_id, '') AS team_id, status, stage, count(*)::int AS n FROM cases GROUP BY 1, 2, 3)
    SELECT count(*)::int AS differences FROM kept FULL JOIN counted USING (team_id, status, stage) WHERE kept.n IS DISTINCT FROM counted.n`;
  expect(row).toEqual({ differences: 0 });
});
