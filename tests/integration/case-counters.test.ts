// Counters PostgreSQL keeps as cases change: the board's stage counts (case_stage_counts) and each agent's
// open cases for assignment (agent_open_cases). They must stay exact through everything that moves a case:
// new cases, stage and status changes, a team or agent move, cases changed at the same moment, deletes, bulk
// inserts.
import { createActivities, type ActivityDeps } from '../../activities';
import { createLogger } from '../../config/logger';
import { createSql } from '../../config/sql';
import { createTeam, insertCase } from '../support/case-rows';
import { startHarness, uniqueId, type Harness } from '../support/harness';

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
  const res = await h.call('GET', `/v1/cases?team=${teamId}&limit=1${status ? `&status=${status}` : ''}`, {
    key: h.keys.supervisor,
  });
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

test('a bulk insert of cases is counted, and the whole table agrees with both counters at one moment', async () => {
  const { teamId } = await createTeam(h.db);
  const template = await h.db.case.findUniqueOrThrow({
    where: { id: await insertCase(h.db, teamId, { openedAt: now(), stage: 'offering' }) },
  });
  await h.db.case.createMany({
    data: Array.from({ length: 50 }, (_, i) => ({
      ...template,
      id: `${template.id}-bulk-${i}`,
      stage: i % 5 === 0 ? 'awaiting_decision' : 'offering',
      riskExplanation: [],
    })),
  });
  expect(await boardCounts(teamId)).toEqual({ offering: 41, awaiting_decision: 10 });

  // One statement sees one snapshot, so cases other tests change meanwhile cannot make this differ.
  const [row] = await h.db.$queryRaw<{ differences: number }[]>`
    WITH kept AS (SELECT team_id, status, stage, sum(cases)::int AS n FROM case_stage_counts GROUP BY 1, 2, 3 HAVING sum(cases) <> 0),
         counted AS (SELECT coalesce(team_id, '') AS team_id, status, stage, count(*)::int AS n FROM cases GROUP BY 1, 2, 3)
    SELECT count(*)::int AS differences FROM kept FULL JOIN counted USING (team_id, status, stage) WHERE kept.n IS DISTINCT FROM counted.n`;
  expect(row).toEqual({ differences: 0 });
  const [agents] = await h.db.$queryRaw<{ differences: number }[]>`
    WITH kept AS (SELECT agent_id, sum(cases)::int AS n FROM agent_open_cases GROUP BY 1 HAVING sum(cases) <> 0),
         counted AS (SELECT agent_id, count(*)::int AS n FROM cases WHERE status = 'open' AND agent_id IS NOT NULL GROUP BY 1)
    SELECT count(*)::int AS differences FROM kept FULL JOIN counted USING (agent_id) WHERE kept.n IS DISTINCT FROM counted.n`;
  expect(agents).toEqual({ differences: 0 });
});

// An agent's open cases as assignment reads them (activities/directory.ts), and as counted from the cases.
async function agentCounts(
  agentIds: string[],
): Promise<{ kept: Record<string, number>; counted: Record<string, number> }> {
  const kept = await h.db.agentOpenCases.groupBy({
    by: ['agentId'],
    where: { agentId: { in: agentIds } },
    _sum: { cases: true },
  });
  const counted = await h.db.case.groupBy({
    by: ['agentId'],
    where: { agentId: { in: agentIds }, status: 'open' },
    _count: { _all: true },
  });
  return {
    kept: Object.fromEntries(
      kept.filter((k) => Number(k._sum.cases) !== 0).map((k) => [k.agentId, Number(k._sum.cases)]),
    ),
    counted: Object.fromEntries(counted.map((c) => [c.agentId!, c._count._all])),
  };
}

test("each agent's open cases follow assignment, reassignment, closing and deletes, at the same moment too", async () => {
  const { teamId, agentIds } = await createTeam(h.db, [{}, {}, {}]);
  const [a1, a2, a3] = agentIds as [string, string, string];
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push(await insertCase(h.db, teamId, { openedAt: now(), agentId: i < 4 ? a1 : null }));
  await insertCase(h.db, teamId, { openedAt: now(), agentId: a2, status: 'closed', outcome: 'retained' });
  expect((await agentCounts(agentIds)).kept).toEqual({ [a1]: 4 });

  await h.db.case.update({ where: { id: ids[0] }, data: { agentId: a2 } });
  await h.db.case.update({ where: { id: ids[1] }, data: { status: 'closed', stage: 'closed', outcome: 'churned' } });
  await h.db.case.update({ where: { id: ids[4] }, data: { agentId: a3 } });
  await h.db.case.update({
    where: { id: ids[5] },
    data: { agentId: a3, status: 'closed', stage: 'closed', outcome: 'retained' },
  });
  expect((await agentCounts(agentIds)).kept).toEqual({ [a1]: 2, [a2]: 1, [a3]: 1 });

  // Twelve cases handed out at once, each in its own transaction, then passed on to another agent.
  const many: string[] = [];
  for (let i = 0; i < 12; i++) many.push(await insertCase(h.db, teamId, { openedAt: now(), agentId: null }));
  await Promise.all(many.map((id, i) => h.db.case.update({ where: { id }, data: { agentId: agentIds[i % 3]! } })));
  await Promise.all(
    many.map((id, i) => h.db.case.update({ where: { id }, data: { agentId: agentIds[(i + 1) % 3]! } })),
  );
  await h.db.case.deleteMany({ where: { id: { in: [ids[2]!, many[0]!] } } });
  const { kept, counted } = await agentCounts(agentIds);
  expect(kept).toEqual(counted);
  expect(kept).toEqual({ [a1]: 5, [a2]: 4, [a3]: 5 });
});

test('assignment gives the case to the agent with most quota left, then fewest open cases, from those counters', async () => {
  // A specialist team whose id sorts first, so it is the one that serves premier special-funds cases here.
  const teamId = `0000-${uniqueId('team')}`;
  await h.db.team.create({ data: { id: teamId, name: 'Counters', tiers: ['premier'], drivers: ['special_funds'] } });
  // Equal in all else, the busy agent sorts first by id.
  const [busy, light] = [`${teamId}-a-busy`, `${teamId}-b-light`];
  for (const id of [busy, light])
    await h.db.agent.create({ data: { id, teamId, name: id, skills: ['investments'], dailyContactQuota: 3 } });
  const open = async (agentId: string, n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(await insertCase(h.db, teamId, { openedAt: now(), agentId }));
    return ids;
  };
  const busyCases = await open(busy, 3);
  const [held, other] = (await open(light, 2)) as [string, string];
  const sql = createSql(process.env.HOLDFAST_TEST_DATABASE_URL!);
  try {
    const { assignCase } = createActivities({ db: h.db, sql, logger: createLogger('warn') } as unknown as ActivityDeps);
    const assign = (caseId = uniqueId('case')) =>
      assignCase({ caseId, tier: 'premier', driver: 'special_funds' }).then((a) => a.agentId);
    expect(await assign()).toBe(light); // 2 open cases against 3
    await open(light, 2);
    expect(await assign()).toBe(busy); // 4 against 3
    await h.db.case.update({ where: { id: other }, data: { status: 'closed', stage: 'closed', outcome: 'retained' } });
    expect(await assign()).toBe(busy); // 3 against 3: the first by id
    expect(await assign(held)).toBe(light); // the case light already holds is not counted against it: 2 against 3

    // Quota left comes before open cases: light has 5, busy 3, until busy records a contact today.
    await open(light, 2);
    const customerId = (await h.db.case.findUniqueOrThrow({ where: { id: busyCases[0] } })).customerId;
    const attempt = (purpose: string, i: number) =>
      h.db.contactAttempt.create({
        data: {
          key: `${busyCases[0]}:${purpose}:${i}`,
          caseId: busyCases[0]!,
          customerId,
          agentId: busy,
          channel: 'phone',
          purpose,
          status: 'recorded',
        },
      });
    for (let i = 0; i < 5; i++) await attempt('contact', i); // automated sends in busy's name: not its quota
    expect(await assign()).toBe(busy);
    await attempt('outcome', 0);
    expect(await assign()).toBe(light);
  } finally {
    await sql.end();
  }
});
