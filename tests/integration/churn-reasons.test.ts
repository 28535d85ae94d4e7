// Churn reasons: the catalogue (provisioned, retired, never deleted when used), the reason a person must give
// when a customer refuses or a case is lost, the supervisor's reason for a case closed without one, and the
// churn-reasons report's figures on cases this test makes.
import { createTeam, insertCase } from '../support/case-rows';
import { createCustomer, MOVED_AWAY, outflowSignal, timeline, waitForClosed, waitForStage } from '../support/fixtures';
import { startHarness, uniqueId, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function contactingCase(): Promise<string> {
  const c = await createCustomer(h);
  const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id) })).body;
  await waitForStage(h, caseId, 'contacting');
  return caseId;
}

// A reason of this test's own, so retiring it touches no other test.
async function ownReason(fields: Record<string, unknown> = {}) {
  const code = uniqueId('reason').replace(/-/g, '_');
  const body = { label: `Reason ${code}`, category: 'service', avoidable: true, ...fields };
  const res = await h.call('PUT', `/v1/churn-reasons/${code}`, { key: h.keys.admin, body });
  expect(res.status).toBe(201);
  return code;
}

test('admins provision the catalogue; agents read the active reasons; a retired reason stays readable', async () => {
  const code = await ownReason();
  const listed = async (query = '') =>
    (await h.call('GET', `/v1/churn-reasons${query}`, { key: h.keys.agent })).body.items as { code: string }[];
  expect(await listed()).toEqual(
    expect.arrayContaining([
      { code: 'moved_away', label: 'Moved away', category: 'relocation', avoidable: false, active: true },
      expect.objectContaining({ code }),
    ]),
  );

  const same = { label: `Reason ${code}`, category: 'service', avoidable: true };
  expect((await h.call('PUT', `/v1/churn-reasons/${code}`, { key: h.keys.admin, body: same })).body.result).toBe(
    'unchanged',
  );
  const retired = await h.call('PUT', `/v1/churn-reasons/${code}`, {
    key: h.keys.admin,
    body: { ...same, active: false },
  });
  expect(retired).toMatchObject({ status: 200, body: { code, active: false, result: 'updated' } });
  expect((await listed()).map((r) => r.code)).not.toContain(code);
  expect(await listed('?includeRetired=true')).toContainEqual({ ...same, code, active: false });
  expect(
    await h.db.auditEntry.findMany({
      where: { subjectType: 'churn_reason', subjectId: code },
      select: { action: true },
    }),
  ).toEqual([{ action: 'churn_reason.created' }, { action: 'churn_reason.updated' }]);

  // Only admins provision; a bad category is refused with the categories there are.
  expect((await h.call('PUT', `/v1/churn-reasons/${code}`, { key: h.keys.supervisor, body: same })).status).toBe(403);
  const badCategory = await h.call('PUT', '/v1/churn-reasons/x_y', {
    key: h.keys.admin,
    body: { ...same, category: 'weather' },
  });
  expect(badCategory.status).toBe(400);
  expect(JSON.stringify(badCategory.body.error)).toContain('product_or_yield');
  const twice = await h.call('POST', '/v1/admin/apply', {
    key: h.keys.admin,
    body: {
      churnReasons: [
        { code, ...same },
        { code, ...same },
      ],
    },
  });
  expect(twice.status).toBe(400);
  expect(JSON.stringify(twice.body.error)).toContain(`${code} appears twice in churnReasons`);
});

test('a refusal needs a reason from the catalogue and a note; the close keeps it on the case', async () => {
  const caseId = await contactingCase();
  const refuse = (reason?: unknown) =>
    h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
      key: h.keys.agent,
      body: { channel: 'phone', outcome: 'refused', ...(reason === undefined ? {} : { reason }) },
    });

  const missing = await refuse();
  expect(missing.status).toBe(400);
  expect(missing.body.error.message).toContain('reason is required when the customer refused');
  expect((await refuse({ code: 'moved_away' })).status).toBe(400);
  const blankNote = await refuse({ code: 'moved_away', note: '   ' });
  expect(blankNote.status).toBe(400);
  expect(JSON.stringify(blankNote.body.error)).toContain('say in a few words');
  expect((await refuse({ code: 'moved_away', note: 'x'.repeat(1001) })).status).toBe(400);

  const unknown = await refuse({ code: 'weather_was_bad', note: 'too rainy' });
  expect(unknown.status).toBe(422);
  expect(unknown.body.error.code).toBe('unknown_churn_reason');
  expect(unknown.body.error.message).toMatch(
    /"weather_was_bad" is not in the churn reason catalogue; use one of: .*moved_away/,
  );
  const retiredCode = await ownReason({ active: false });
  const retired = await refuse({ code: retiredCode, note: 'said so' });
  expect(retired.status).toBe(422);
  expect(retired.body.error.message).toContain(`"${retiredCode}" is retired`);

  // A reason belongs to a refusal only.
  const reached = await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
    key: h.keys.agent,
    body: { channel: 'phone', outcome: 'reached', reason: MOVED_AWAY },
  });
  expect(reached.status).toBe(400);

  const refused = await refuse({ code: 'moved_away', note: '  moving to Lisbon  ' });
  expect(refused.status).toBe(200);
  const closed = await waitForClosed(h, caseId);
  expect(closed).toMatchObject({ outcome: 'declined' });
  const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
  expect({ code: row.churnReasonCode, note: row.churnReasonNote }).toEqual({
    code: 'moved_away',
    note: 'moving to Lisbon',
  });
  expect((await timeline(h, caseId)).at(-1)).toMatchObject({
    type: 'case_closed',
    data: { reason: 'customer_refused_contact', churnReason: { code: 'moved_away', note: 'moving to Lisbon' } },
  });
  // The audit log keeps the code, not the customer's words.
  const audited = await h.db.auditEntry.findFirstOrThrow({
    where: { subjectId: caseId, action: 'case.contact_outcome_recorded' },
  });
  expect(audited.detail).toMatchObject({ churnReason: { code: 'moved_away' } });
  expect(JSON.stringify(audited.detail)).not.toContain('Lisbon');
}, 120_000);

test('closing as churned needs a reason; a supervisor records one afterwards for a case closed without', async () => {
  const caseId = await contactingCase();
  const close = (body: object) => h.call('POST', `/v1/cases/${caseId}/close`, { key: h.keys.supervisor, body });
  expect((await close({ outcome: 'churned', note: 'left' })).status).toBe(400);
  expect((await close({ outcome: 'unreachable', note: 'gone', reason: MOVED_AWAY })).status).toBe(400);
  expect((await close({ outcome: 'churned', note: 'left', reason: { code: 'nope', note: 'n' } })).status).toBe(422);

  // The workflow closed this one as churned on its own (e.g. an accepted offer, then no recovery): no reason yet.
  const { teamId } = await createTeam(h.db);
  const lost = await insertCase(h.db, teamId, { status: 'closed', outcome: 'churned', openedAt: new Date() });
  const record = (id: string, body: unknown, key = h.keys.supervisor) =>
    h.call('PUT', `/v1/cases/${id}/churn-reason`, { key, body });
  expect((await record(lost, MOVED_AWAY, h.keys.agent)).status).toBe(403);
  expect((await record(lost, { code: 'nope', note: 'n' })).status).toBe(422);
  expect((await record(lost, { code: 'moved_away' })).status).toBe(400);
  const open = await record(caseId, MOVED_AWAY);
  expect(open).toMatchObject({ status: 409, body: { error: { code: 'wrong_stage' } } });
  expect((await record('no-such-case', MOVED_AWAY)).status).toBe(404);

  const recorded = await record(lost, MOVED_AWAY);
  expect(recorded).toMatchObject({
    status: 200,
    body: { caseId: lost, outcome: 'churned', reason: MOVED_AWAY, previousCode: null },
  });
  const corrected = await record(lost, { code: 'better_rate_elsewhere', note: 'found 4% elsewhere' });
  expect(corrected.body.previousCode).toBe('moved_away');
  expect((await h.call('GET', `/v1/cases/${lost}`, { key: h.keys.supervisor })).body.churnReason).toEqual({
    code: 'better_rate_elsewhere',
    label: 'Better rate elsewhere',
    category: 'product_or_yield',
    avoidable: true,
    note: 'found 4% elsewhere',
  });
  const audit = await h.db.auditEntry.findMany({
    where: { subjectId: lost, action: 'case.churn_reason_recorded' },
    orderBy: { id: 'asc' },
    select: { actor: true, detail: true },
  });
  expect(audit).toEqual([
    { actor: 'supervisor:test supervisor', detail: { code: 'moved_away', previousCode: null } },
    { actor: 'supervisor:test supervisor', detail: { code: 'better_rate_elsewhere', previousCode: 'moved_away' } },
  ]);
}, 120_000);

describe('the churn-reasons report', () => {
  // Two months of a random year before 2020, and a team of this test's own, so no other data counts.
  const year = 1990 + Math.floor(Math.random() * 30);
  const month1 = new Date(Date.UTC(year, 2, 10, 12));
  const month2 = new Date(Date.UTC(year, 3, 20, 12));
  const range = `from=${year}-03-01&to=${year}-04-30&period=month`;
  let team: string;

  beforeAll(async () => {
    team = (await createTeam(h.db)).teamId;
    const other = (await createTeam(h.db)).teamId;
    const lost = async (
      row: { openedAt: Date; outcome?: string; tier?: 'mass' | 'affluent'; driver?: string; holdout?: boolean },
      code: string | null,
      teamId = team,
    ) => {
      const id = await insertCase(h.db, teamId, { status: 'closed', outcome: 'churned', ...row });
      if (code) await h.db.case.update({ where: { id }, data: { churnReasonCode: code, churnReasonNote: 'said so' } });
    };
    await lost({ openedAt: month1 }, 'better_rate_elsewhere');
    await lost({ openedAt: month1, tier: 'affluent', outcome: 'declined' }, 'better_rate_elsewhere');
    await lost({ openedAt: month1, driver: 'life_event' }, 'moved_away');
    await lost({ openedAt: month1 }, null);
    await lost({ openedAt: month2, outcome: 'declined' }, 'fees_too_high');
    await lost({ openedAt: month2, tier: 'affluent' }, 'moved_away');
    // Not counted: the holdout group, a retained case, another team's case.
    await lost({ openedAt: month2, holdout: true }, null);
    await lost({ openedAt: month2, outcome: 'retained' }, null);
    await lost({ openedAt: month2 }, 'poor_service', other);
  });

  const report = (query: string, headers?: Record<string, string>) =>
    h.call('GET', `/v1/reports/churn-reasons?${range}&team=${team}${query}`, { key: h.keys.supervisor, headers });

  test('counts lost cases by reason, category, driver, tier and period, with the avoidable share and its trend', async () => {
    const res = await report('');
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.totals).toEqual({ count: 6, share: 1, recorded: 5, avoidableCount: 3, avoidableShare: 0.6 });
    expect(r.reasons.map((x: { code: string; count: number; share: number }) => [x.code, x.count, x.share])).toEqual([
      ['better_rate_elsewhere', 2, 0.3333],
      ['moved_away', 2, 0.3333],
      ['fees_too_high', 1, 0.1667],
      ['not_recorded', 1, 0.1667],
    ]);
    expect(r.reasons[0]).toMatchObject({
      category: 'product_or_yield',
      avoidable: true,
      label: 'Better rate elsewhere',
    });
    expect(r.reasons[3]).toMatchObject({ label: 'Not recorded', category: null, avoidable: null });
    const groups = (rows: { group: string; count: number }[]) => rows.map((x) => [x.group, x.count]);
    expect(groups(r.byCategory)).toEqual([
      ['product_or_yield', 2],
      ['relocation', 2],
      ['not_recorded', 1],
      ['price', 1],
    ]);
    expect(groups(r.byDriver)).toEqual([
      ['product_yield', 5],
      ['life_event', 1],
    ]);
    expect(r.byTier).toEqual([
      { group: 'mass', count: 4, share: 0.6667, recorded: 3, avoidableCount: 2, avoidableShare: 0.6667 },
      { group: 'affluent', count: 2, share: 0.3333, recorded: 2, avoidableCount: 1, avoidableShare: 0.5 },
    ]);
    expect(groups(r.byTeam)).toEqual([[team, 6]]);
    expect(r.periods).toEqual([
      {
        period: `${year}-03`,
        count: 4,
        share: 0.6667,
        recorded: 3,
        avoidableCount: 2,
        avoidableShare: 0.6667,
        trend: null,
      },
      {
        period: `${year}-04`,
        count: 2,
        share: 0.3333,
        recorded: 2,
        avoidableCount: 1,
        avoidableShare: 0.5,
        trend: -0.1667,
      },
    ]);
  });

  test('filters by driver and tier, and answers CSV with format=csv or Accept: text/csv', async () => {
    expect((await report('&driver=life_event')).body.totals.count).toBe(1);
    expect((await report('&tier=affluent')).body.reasons.map((x: { code: string }) => x.code)).toEqual([
      'better_rate_elsewhere',
      'moved_away',
    ]);
    for (const res of [await report('&format=csv'), await report('', { accept: 'text/csv' })]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const lines = (res.body as string).trim().split('\r\n');
      expect(lines[0]).toBe(
        'section,key,label,category,avoidable,count,share,recorded,avoidableCount,avoidableShare,trend',
      );
      expect(lines).toContain(
        'reason,better_rate_elsewhere,Better rate elsewhere,product_or_yield,true,2,0.3333,2,2,1,',
      );
      expect(lines).toContain(`period,${year}-04,,,,2,0.3333,2,1,0.5,-0.1667`);
    }
  });

  test('refuses bad input with a message a person can act on', async () => {
    const day = await report('&period=day');
    expect(day.status).toBe(400);
    expect(JSON.stringify(day.body.error)).toContain('week');
    expect((await report('&tier=gold')).status).toBe(400);
    const backwards = await h.call('GET', '/v1/reports/churn-reasons?from=2020-02-01&to=2020-01-01', {
      key: h.keys.supervisor,
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toContain('"from" must be before "to"');
    expect((await h.call('GET', `/v1/reports/churn-reasons?${range}`, { key: h.keys.agent })).status).toBe(403);
  });
});
