// The case board: sorts, keyset pagination that new cases cannot disturb, per-stage counts for the filter,
// and a team's workload.
import { createTeam, insertCase } from '../support/case-rows';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  await h?.stop();
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const minutesAhead = (m: number) => new Date(Date.now() + m * 60_000);

async function walk(query: string, limit: number, between?: (page: number) => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; ; page++) {
    const res = await h.call('GET', `/v1/cases?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, {
      key: h.keys.supervisor,
    });
    expect(res.status).toBe(200);
    seen.push(...res.body.items.map((c: { caseId: string }) => c.caseId));
    cursor = res.body.nextCursor;
    if (!cursor) return seen;
    await between?.(page);
  }
}

test('each sort orders the board, and paging through it meets every case once', async () => {
  const { teamId } = await createTeam(h.db);
  const specs = [
    { priority: 90, openedAt: minutesAgo(50), slaDueAt: minutesAhead(30) },
    { priority: 40, openedAt: minutesAgo(40), slaDueAt: minutesAhead(5) },
    { priority: 90, openedAt: minutesAgo(30), slaDueAt: null },
    { priority: 70, openedAt: minutesAgo(20), slaDueAt: minutesAhead(5) },
    { priority: 10, openedAt: minutesAgo(10), slaDueAt: minutesAgo(1) },
    { priority: 55, openedAt: minutesAgo(5), slaDueAt: null },
  ];
  const ids: string[] = [];
  for (const s of specs) ids.push(await insertCase(h.db, teamId, s));
  const rows = specs.map((s, i) => ({ ...s, id: ids[i]! }));

  const byOpened = [...rows].sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime()).map((r) => r.id);
  const byPriority = [...rows]
    .sort((a, b) => b.priority - a.priority || b.openedAt.getTime() - a.openedAt.getTime())
    .map((r) => r.id);
  const sla = (r: (typeof rows)[number]) => r.slaDueAt?.getTime() ?? Infinity;
  const bySla = [...rows]
    .sort((a, b) => sla(a) - sla(b) || b.priority - a.priority || a.id.localeCompare(b.id))
    .map((r) => r.id);

  for (const limit of [1, 2, 4, 50]) {
    expect(await walk(`team=${teamId}`, limit)).toEqual(byOpened);
    expect(await walk(`team=${teamId}&sort=priority`, limit)).toEqual(byPriority);
    expect(await walk(`team=${teamId}&sort=slaDue`, limit)).toEqual(bySla);
  }
});

test('cases opened while someone pages do not shift or repeat the pages still to come', async () => {
  const { teamId } = await createTeam(h.db);
  const original: string[] = [];
  for (let i = 0; i < 7; i++)
    original.push(await insertCase(h.db, teamId, { openedAt: minutesAgo(60 - i), priority: 20 + i * 10 }));

  for (const sort of ['opened', 'priority', 'slaDue']) {
    const inserted: string[] = [];
    // Between pages: a newer case (lands before the cursor in "opened" and, with top priority, in "priority").
    const seen = await walk(`team=${teamId}&sort=${sort}`, 2, async () => {
      inserted.push(await insertCase(h.db, teamId, { openedAt: new Date(), priority: 100, slaDueAt: minutesAhead(1) }));
    });
    const originalSeen = seen.filter((id) => original.includes(id));
    expect({ sort, duplicates: seen.length - new Set(seen).size }).toEqual({ sort, duplicates: 0 });
    expect({ sort, seen: [...originalSeen].sort() }).toEqual({ sort, seen: [...original].sort() });
    expect(inserted.length).toBeGreaterThan(0);
    await h.db.case.deleteMany({ where: { id: { in: inserted } } });
  }
});

test('stage counts cover the whole filter, not just the page', async () => {
  const { teamId } = await createTeam(h.db);
  const stages = ['contacting', 'contacting', 'offering', 'awaiting_decision', 'contacting'];
  for (const [i, stage] of stages.entries())
    await insertCase(h.db, teamId, { stage, openedAt: minutesAgo(i), tier: i === 2 ? 'premier' : 'mass' });
  await insertCase(h.db, teamId, { status: 'closed', outcome: 'retained', openedAt: minutesAgo(9) });

  const all = await h.call('GET', `/v1/cases?team=${teamId}&limit=1`, { key: h.keys.supervisor });
  expect(all.body.items).toHaveLength(1);
  expect(all.body.total).toBe(6);
  expect(all.body.stageCounts).toMatchObject({
    detected: 0,
    contacting: 3,
    offering: 1,
    awaiting_decision: 1,
    closed: 1,
  });

  const mass = await h.call('GET', `/v1/cases?team=${teamId}&tier=mass&status=open`, { key: h.keys.supervisor });
  expect(mass.body.stageCounts).toMatchObject({ contacting: 3, offering: 0, awaiting_decision: 1, closed: 0 });
  expect(mass.body.total).toBe(4);
});

test('a cursor from another sort, or a made-up one, is refused with a clear error', async () => {
  const { teamId } = await createTeam(h.db);
  for (let i = 0; i < 3; i++) await insertCase(h.db, teamId, { openedAt: minutesAgo(i) });
  const first = await h.call('GET', `/v1/cases?team=${teamId}&limit=1`, { key: h.keys.supervisor });
  const wrongSort = await h.call(
    'GET',
    `/v1/cases?team=${teamId}&limit=1&sort=priority&cursor=${first.body.nextCursor}`,
    { key: h.keys.supervisor },
  );
  expect(wrongSort).toMatchObject({ status: 400, body: { error: { code: 'invalid_cursor' } } });
  expect((await h.call('GET', `/v1/cases?cursor=not-a-cursor`, { key: h.keys.supervisor })).body.error.code).toBe(
    'invalid_cursor',
  );
  expect((await h.call('GET', `/v1/cases?sort=newest`, { key: h.keys.supervisor })).body.error.details[0].path).toBe(
    'query.sort',
  );
});

test("a team's workload: open cases, SLA breaches and today's contacts against each agent's quota", async () => {
  const { teamId, agentIds } = await createTeam(h.db, [{ quota: 5 }, { quota: 3 }]);
  const [a1, a2] = agentIds as [string, string];
  const c1 = await insertCase(h.db, teamId, { openedAt: minutesAgo(30), agentId: a1, slaDueAt: minutesAgo(5) });
  await insertCase(h.db, teamId, { openedAt: minutesAgo(20), agentId: a1, slaDueAt: minutesAhead(60) });
  await insertCase(h.db, teamId, { openedAt: minutesAgo(10), agentId: a1, status: 'closed', outcome: 'retained' });
  await insertCase(h.db, teamId, { openedAt: minutesAgo(10), agentId: a2 });
  await insertCase(h.db, teamId, { openedAt: minutesAgo(10), agentId: null, slaDueAt: minutesAgo(1) });
  const customerId = (await h.db.case.findUniqueOrThrow({ where: { id: c1 } })).customerId;
  const attempt = (agentId: string, createdAt: Date, purpose = 'outcome') =>
    h.db.contactAttempt.create({
      data: {
        key: `${agentId}:${createdAt.getTime()}:${purpose}`,
        caseId: c1,
        customerId,
        agentId,
        channel: 'phone',
        purpose,
        status: 'recorded',
        createdAt,
      },
    });
  const now = new Date();
  const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  await attempt(a1, now);
  await attempt(a1, new Date(now.getTime() - 1000));
  await attempt(a1, new Date(startOfDay.getTime() - 1000)); // yesterday: not today's quota
  await attempt(a1, now, 'contact'); // an automated send is not an agent's contact
  await attempt(a2, now);

  const res = await h.call('GET', `/v1/teams/${teamId}/workload`, { key: h.keys.supervisor });
  expect(res.status).toBe(200);
  expect(res.body.agents).toEqual([
    {
      agentId: a1,
      name: 'Agent 1',
      active: true,
      openCases: 2,
      slaBreaches: 1,
      contactsToday: 2,
      dailyContactQuota: 5,
      quotaRemaining: 3,
    },
    {
      agentId: a2,
      name: 'Agent 2',
      active: true,
      openCases: 1,
      slaBreaches: 0,
      contactsToday: 1,
      dailyContactQuota: 3,
      quotaRemaining: 2,
    },
  ]);
  expect(res.body.unassigned).toEqual({ openCases: 1, slaBreaches: 1 });
  expect(res.body.totals).toEqual({ openCases: 4, slaBreaches: 2, contactsToday: 3, dailyContactQuota: 8 });
  expect((await h.call('GET', '/v1/teams/no-such-team/workload', { key: h.keys.supervisor })).status).toBe(404);
});

test('every filter selects the cases it names, and its stage counts count those cases', async () => {
  const { teamId, agentIds } = await createTeam(h.db);
  const agent = agentIds[0]!;
  const specs = [
    {
      name: 'breached',
      row: {
        openedAt: minutesAgo(9),
        agentId: agent,
        slaDueAt: minutesAgo(1),
        driver: 'service',
        tier: 'premier' as const,
      },
    },
    {
      name: 'in time',
      row: { openedAt: minutesAgo(8), agentId: agent, slaDueAt: minutesAhead(30), stage: 'offering' },
    },
    { name: 'queued', row: { openedAt: minutesAgo(7), agentId: null, stage: 'assigned', driver: 'service' } },
    {
      name: 'closed late',
      row: {
        openedAt: minutesAgo(6),
        status: 'closed' as const,
        outcome: 'retained',
        slaDueAt: minutesAgo(2),
        agentId: agent,
      },
    },
    { name: 'no sla', row: { openedAt: minutesAgo(5), agentId: agent, tier: 'premier' as const } },
  ];
  const ids = new Map<string, string>();
  for (const s of specs) ids.set(await insertCase(h.db, teamId, s.row), s.name);
  await h.db.case.update({
    where: { id: [...ids].find(([, n]) => n === 'queued')![0] },
    data: { attentionReason: 'no_channel', attentionSince: new Date() },
  });
  const customerOf = (name: string) =>
    h.db.case.findUniqueOrThrow({ where: { id: [...ids].find(([, n]) => n === name)![0] } }).then((c) => c.customerId);

  const expected: [string, string[]][] = [
    ['', ['no sla', 'closed late', 'queued', 'in time', 'breached']],
    ['status=closed', ['closed late']],
    ['stage=offering', ['in time']],
    ['driver=service', ['queued', 'breached']],
    ['tier=premier', ['no sla', 'breached']],
    [`assigneeId=${agent}`, ['no sla', 'closed late', 'in time', 'breached']],
    [`customerId=${await customerOf('in time')}`, ['in time']],
    ['unassigned=true', ['queued']],
    ['needsAttention=true', ['queued']],
    ['slaBreached=true', ['breached']],
    ['slaBreached=false', ['no sla', 'closed late', 'queued', 'in time']],
    ['slaBreached=true&tier=mass', []],
  ];
  for (const [filter, names] of expected) {
    const res = await h.call('GET', `/v1/cases?team=${teamId}&${filter}`, { key: h.keys.supervisor });
    expect(res.status).toBe(200);
    const seen = res.body.items.map((c: { caseId: string }) => ids.get(c.caseId));
    expect({ filter, seen }).toEqual({ filter, seen: names });
    expect({ filter, total: res.body.total }).toEqual({ filter, total: names.length });
  }
});
