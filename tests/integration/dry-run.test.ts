// A dry run decides, for the same signals, what the live workflow decided: cases opened, excluded, not
// actionable, held out, the agent (quota moving the rest to the next day), the offer, quiet hours moving a
// contact; and it writes nothing. Uses its own team (affluent service cases) so other suites never route to it.
import { dryRun as runDryRun } from '../../api/services/dry-run';
import { createSql } from '../../config/sql';
import { PLAYBOOKS } from '../../dev/seed';
import { inHoldout } from '../../domain/holdout';
import { caseStage, createCustomer, createTestPlaybook, timeline, waitForEvent } from '../support/fixtures';
import { eventually, startHarness, uniqueId, type Harness } from '../support/harness';

let h: Harness;
const teamId = uniqueId('dry-team');
const skilled = uniqueId('dry-agent-a');
const plain = uniqueId('dry-agent-b');

beforeAll(async () => {
  h = await startHarness();
  await h.db.team.create({
    data: { id: teamId, name: 'Dry-run test team', tiers: ['affluent'], drivers: ['service'] },
  });
  await h.db.agent.create({
    data: { id: skilled, teamId, name: 'Skilled Agent', skills: ['complaints'], dailyContactQuota: 2 },
  });
  await h.db.agent.create({ data: { id: plain, teamId, name: 'Plain Agent', skills: [], dailyContactQuota: 1 } });
});
afterAll(async () => {
  // Cases keep referring to the team; it just stops serving anyone.
  await h?.db.team.update({ where: { id: teamId }, data: { tiers: [] } });
  await h?.stop();
});

const complaint = (customerId: string, extra: Record<string, unknown> = {}) => ({
  idempotencyKey: uniqueId('sig'),
  customerId,
  type: 'complaint',
  severity: 0.9,
  occurredAt: new Date().toISOString(),
  ...extra,
});

type Live = { customerId: string; outcome: string; agentId?: string | null; queued?: boolean; offerId?: string | null };

// One signal through the live workflow, up to where the dry run's decision can be read off the case: closed,
// held out, queued, or (the agent reporting the customer reached, which spends the agent's quota) offered.
async function runLive(playbookId: string, customerId: string, extra: Record<string, unknown> = {}): Promise<Live> {
  const { caseId } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: { ...complaint(customerId, extra), playbookId } })
  ).body;
  const settled = await eventually(async () => {
    const events = await timeline(h, caseId);
    const types = events.map((e) => e.type);
    return ['case_closed', 'holdout_assigned', 'queued_for_agent', 'contact_sent'].some((t) => types.includes(t))
      ? events
      : undefined;
  }, 'the case to settle');
  const c = (await caseStage(h, caseId)) as { outcome?: string; assignee?: { id: string } };
  if (settled.some((e) => e.type === 'holdout_assigned')) return { customerId, outcome: 'held_out' };
  if (c.outcome === 'excluded' || c.outcome === 'not_actionable') return { customerId, outcome: c.outcome };
  if (settled.some((e) => e.type === 'queued_for_agent'))
    return { customerId, outcome: 'opened', agentId: null, queued: true };
  await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
    key: h.keys.supervisor,
    body: { channel: 'sms', outcome: 'reached' },
  });
  const offered = await waitForEvent(h, caseId, 'offer_presented');
  return { customerId, outcome: 'opened', agentId: c.assignee?.id ?? null, offerId: offered.data.offerId };
}

const dryRun = (playbookId: string, body: Record<string, unknown>, key = h.keys.supervisor) =>
  h.call('POST', `/v1/playbooks/${playbookId}/dry-run`, { key, body });

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await h.db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables)
    counts[name] = Number((await h.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name}"`))[0]!.n);
  return counts;
}

// Two customers for the exclusion and the low score, then seven of whom the 30% holdout (a hash of customer and
// playbook) takes one or two: the other five or six are more than the team's quota of three, so one is always
// queued. Chosen, not left to chance: with seven random customers the holdout took four or more in one run of
// eight, and nothing was queued.
async function customersForTheRun(playbookId: string) {
  const affluent = () => createCustomer(h, { tier: 'affluent', assetsUnderManagement: 100_000 });
  const first = await Promise.all([affluent(), affluent()]);
  const held: Awaited<ReturnType<typeof affluent>>[] = [];
  const served: Awaited<ReturnType<typeof affluent>>[] = [];
  while (held.length < 1 || served.length < 5 || held.length + served.length < 7) {
    const c = await affluent();
    const group = inHoldout(c.id, playbookId, 30) ? held : served;
    if (group === held ? held.length < 2 : served.length < 6) group.push(c);
  }
  return [...first, ...[...held, ...served].sort((a, b) => a.id.localeCompare(b.id))];
}

test('the dry run decides what the live workflow decided for the same signals, and writes nothing', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.holdout = { percent: 30 };
    d.offer.approvalCostThreshold = 1000;
  });
  const customers = await customersForTheRun(playbookId);
  const live: Live[] = [];
  live.push(await runLive(playbookId, customers[0]!.id, { details: { fundsType: 'special' } }));
  live.push(await runLive(playbookId, customers[1]!.id, { severity: 0 }));
  for (const c of customers.slice(2)) live.push(await runLive(playbookId, c.id));
  expect(live.map((l) => l.outcome)).toEqual(expect.arrayContaining(['excluded', 'not_actionable', 'opened']));
  expect(live.some((l) => l.queued)).toBe(true);

  const before = await rowCounts();
  const res = await dryRun(playbookId, {
    version: 1,
    days: 1,
    allSignals: true,
    customerIds: customers.map((c) => c.id),
    decisions: 100,
  });
  expect(res.status).toBe(200);
  expect(await rowCounts()).toEqual(before);

  const decided = res.body.result.decisions.map((d: Live & { queued?: boolean; offerId?: string | null }) => ({
    customerId: d.customerId,
    outcome: d.outcome,
    ...(d.outcome === 'opened'
      ? { agentId: d.agentId, ...(d.queued ? { queued: true } : { offerId: d.offerId }) }
      : {}),
  }));
  expect(decided).toEqual(live);
  const { totals } = res.body.result;
  expect(totals).toMatchObject({
    signals: 9,
    casesOpened: 9,
    excluded: 1,
    notActionable: 1,
    heldOut: live.filter((l) => l.outcome === 'held_out').length,
    assigned: live.filter((l) => l.agentId).length,
    queuedToNextDay: live.filter((l) => l.queued).length,
  });
  const team = res.body.result.days.at(-1).teams.find((t: { teamId: string }) => t.teamId === teamId);
  expect(team).toMatchObject({ quota: 3, assigned: 3, backlogCarried: live.filter((l) => l.queued).length });
  // Version 1 is the current version: the comparison is with itself.
  expect(res.body.current).toEqual({ version: 1 });
  expect(Object.values(res.body.difference).every((n) => n === 0)).toBe(true);
});

test('quiet hours move the first contact as the live case defers it, into the next day', async () => {
  // Quiet from an hour ago to an hour from now in Madrid, whatever the time of day the test runs at (a fixed end
  // such as 02:00 left the window behind the clock between 02:00 and 03:00).
  const madrid = (offsetMs: number) =>
    new Date(Date.now() + offsetMs).toLocaleTimeString('en-GB', {
      timeZone: 'Europe/Madrid',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
  const playbookId = await createTestPlaybook(h, (d) => {
    d.contact.policy.quietHours = { start: madrid(-3_600_000), end: madrid(3_600_000) };
  });
  // A mass customer's outflow goes to the contact centre: the test team's quota is spent by the test above.
  const c = await createCustomer(h, { tier: 'mass' });
  const { caseId } = (
    await h.call('POST', '/v1/signals', {
      key: h.keys.system,
      body: { ...complaint(c.id), type: 'large_outflow', playbookId },
    })
  ).body;
  const deferred = await waitForEvent(h, caseId, 'contact_deferred');
  expect(deferred.data.reason).toBe('quiet_hours');

  const res = await dryRun(playbookId, { version: 1, days: 1, allSignals: true, customerIds: [c.id], decisions: 10 });
  expect(res.body.result.decisions[0]).toMatchObject({ outcome: 'opened', contactAt: deferred.data.until });
  expect(res.body.result.totals).toMatchObject({ deferredQuietHours: 1 });
  const nextDay = new Date(deferred.data.until).toISOString().slice(0, 10) > new Date().toISOString().slice(0, 10);
  expect(res.body.result.totals.contactsMovedToNextDay).toBe(nextDay ? 1 : 0);
});

test('a draft dry-runs beside the current version with the difference; an invalid draft cannot', async () => {
  const playbookId = await createTestPlaybook(h, () => undefined);
  const c = await createCustomer(h, { tier: 'mass' });
  await h.call('POST', '/v1/signals', {
    key: h.keys.system,
    body: { ...complaint(c.id), type: 'large_outflow', playbookId },
  });
  const stricter = structuredClone(PLAYBOOKS.demo) as Record<string, any>;
  stricter.detect.actionThreshold = 0.9;
  await h.call('PUT', `/v1/playbooks/${playbookId}/draft`, { key: h.keys.admin, body: { definition: stricter } });
  const res = await dryRun(playbookId, { draft: true, days: 1, allSignals: true, customerIds: [c.id] });
  expect(res.body).toMatchObject({ candidate: { source: 'draft', basedOnVersion: 1 }, current: { version: 1 } });
  expect(res.body.result.totals).toMatchObject({ casesOpened: 1, notActionable: 1 });
  expect(res.body.baseline.totals).toMatchObject({ casesOpened: 1, notActionable: 0 });
  expect(res.body.difference).toMatchObject({ notActionable: 1, assigned: -1 });
  expect(res.body.assumptions.reach).toEqual({
    rate: expect.any(Number),
    basis: expect.any(String),
    cases: expect.any(Number),
  });

  stricter.detect.actionThreshold = 3;
  await h.call('PUT', `/v1/playbooks/${playbookId}/draft`, { key: h.keys.admin, body: { definition: stricter } });
  const refused = await dryRun(playbookId, { draft: true });
  expect(refused).toMatchObject({
    status: 422,
    body: {
      error: { code: 'draft_invalid', details: [{ field: 'detect.actionThreshold', message: 'must be at most 1' }] },
    },
  });
});

test('windows without signals answer zeros, a window longer than the stored signals says so, bad input says what to fix', async () => {
  const playbookId = await createTestPlaybook(h, () => undefined);
  const empty = await dryRun(playbookId, { version: 1, days: 7, to: '2020-01-08T00:00:00Z' });
  expect(empty.status).toBe(200);
  expect(empty.body.result.days).toHaveLength(7);
  expect(Object.values(empty.body.result.totals).every((n) => n === 0)).toBe(true);
  expect(empty.body.window.note).toContain('stored signals cover 0 of the 7 days');

  const long = await dryRun(playbookId, { version: 1, days: 366, customerIds: ['nobody'] });
  expect(long.body.window.note).toMatch(/stored signals cover [\d.]+ of the 366 days/);

  expect((await dryRun(playbookId, { version: 1, draft: true })).body.error.message).toContain(
    'either "draft": true or a "version"',
  );
  expect((await dryRun(playbookId, { version: 9 })).body.error.code).toBe('version_not_found');
  expect((await dryRun(playbookId, { draft: true })).body.error.code).toBe('draft_not_found');
  expect((await dryRun(playbookId, { version: 1, days: 0 })).body.error.details[0].path).toBe('body.days');
  expect((await dryRun(playbookId, { version: 1 }, h.keys.agent)).status).toBe(403);
  expect((await dryRun(playbookId, { version: 1 }, h.keys.admin)).status).toBe(200);
});

test('a dry run whose caller went away stops between days, with nothing written', async () => {
  const playbookId = await createTestPlaybook(h, () => undefined);
  const sql = createSql(h.env.DATABASE_URL!);
  try {
    const to = new Date();
    const request = {
      from: new Date(to.getTime() - 30 * 86_400_000),
      to,
      source: { version: 1 },
      allSignals: true,
      decisions: 0,
    };
    await expect(runDryRun(h.db, sql, playbookId, request, AbortSignal.abort())).rejects.toMatchObject({
      kind: 'abandoned', // answered 499 at the edge (tests/unit/error-answers.test.ts)
      code: 'request_closed',
    });
  } finally {
    await sql.end();
  }
});
