// Lifecycle stage and segment: validated on every write and import, matched by a playbook's appliesTo, and
// declined by its declineToTreat, in which case the case opens, says why and closes without any contact. The
// case keeps why its playbook was chosen and the case read returns it.
import { createTestPlaybook, outflowSignal, timeline, waitForClosed, waitForEvent } from '../support/fixtures';
import { startHarness, uniqueId, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

const customerBody = (extra: Record<string, unknown>) => ({
  name: 'Lifecycle Customer',
  tier: 'mass',
  assetsUnderManagement: 20_000,
  timeZone: 'Europe/Madrid',
  phone: `+3460${Math.floor(1_000_000 + Math.random() * 8_999_999)}`,
  preferredChannels: ['sms'],
  consent: { sms: true, email: false, phone: false },
  ...extra,
});

async function putCustomer(extra: Record<string, unknown>) {
  const id = uniqueId('life');
  const res = await h.call('PUT', `/v1/customers/${id}`, { key: h.keys.system, body: customerBody(extra) });
  return { id, res };
}

// A segment of this test's own (the shared database's other tests provision theirs).
async function provisionSegment(): Promise<string> {
  const code = uniqueId('seg').toLowerCase();
  const res = await h.call('PUT', `/v1/segments/${code}`, { key: h.keys.admin, body: { label: 'Test segment' } });
  expect(res.status).toBe(201);
  return code;
}

test('PUT /v1/customers refuses a stage outside the six and a segment the bank has not provisioned, naming both', async () => {
  const badStage = await putCustomer({ lifecycleStage: 'dormant' });
  expect(badStage.res.status).toBe(400);
  expect(badStage.res.body.error.message).toContain(
    'body.lifecycleStage: must be one of prospect, development, growth, maturity, decline, termination (got "dormant")',
  );

  const badSegment = await putCustomer({ segment: 'nobody-provisioned-this' });
  expect(badSegment.res.status).toBe(422);
  expect(badSegment.res.body.error).toMatchObject({ code: 'segment_not_provisioned' });
  expect(badSegment.res.body.error.message).toMatch(
    /^body\.segment: segment "nobody-provisioned-this" is not provisioned; the bank's segments are .*retail/,
  );

  const good = await putCustomer({ lifecycleStage: 'growth', segment: 'retail' });
  expect(good.res.status).toBe(201);
  expect(good.res.body).toMatchObject({ lifecycleStage: 'growth', segment: 'retail' });
});

test('an import refuses each row with an unknown stage or an unprovisioned segment and stores the rest', async () => {
  const p = uniqueId('life-imp');
  const body = [
    'id,name,tier,segment,lifecycleStage,timeZone,preferredChannels,consent.sms,consent.email,consent.phone',
    `${p}-1,Good Row,mass,retail,maturity,Europe/Madrid,email,false,true,false`,
    `${p}-2,Bad Stage,mass,retail,asleep,Europe/Madrid,email,false,true,false`,
    `${p}-3,Bad Segment,mass,no-such-segment,growth,Europe/Madrid,email,false,true,false`,
    '',
  ].join('\n');
  const imported = await h.call('POST', '/v1/customers/import', {
    key: h.keys.system,
    headers: { 'content-type': 'text/csv; charset=utf-8' },
    body,
  });
  expect(imported.status).toBe(200);
  expect(imported.body).toMatchObject({ rows: 3, created: 1, rejected: 2 });
  const reasons = Object.fromEntries(
    imported.body.rejections.map((r: { id: string; reason: string }) => [r.id, r.reason]),
  );
  expect(reasons[`${p}-2`]).toContain('lifecycleStage: must be one of prospect, development, growth');
  expect(reasons[`${p}-3`]).toContain('segment: segment "no-such-segment" is not provisioned');
  expect((await h.call('GET', `/v1/customers/${p}-1`, { key: h.keys.system })).body).toMatchObject({
    segment: 'retail',
    lifecycleStage: 'maturity',
  });
});

test('publishing a playbook that names an unprovisioned segment is refused', async () => {
  await expect(
    createTestPlaybook(h, (d) => {
      d.appliesTo = { segments: ['never-provisioned'] };
    }),
  ).rejects.toThrow(
    /^playbook not created: 422 .*"body\.appliesTo\.segments: segment \\"never-provisioned\\" is not provisioned/,
  );
});

test('a stage the playbook declines opens a case that says why and closes excluded, with no contact attempt', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.declineToTreat = [{ stage: 'termination' }, { stage: 'decline', belowAssets: 25_000 }];
  });
  const { id: customerId, res } = await putCustomer({ lifecycleStage: 'termination', assetsUnderManagement: 900_000 });
  expect(res.status).toBe(201);
  const signal = await h.call('POST', '/v1/signals', {
    key: h.keys.system,
    body: outflowSignal(customerId, { playbookId }),
  });
  expect(signal.status).toBe(202);
  const { caseId } = signal.body;
  expect(await waitForClosed(h, caseId)).toMatchObject({ outcome: 'excluded' });

  const events = await timeline(h, caseId);
  expect(events.map((e) => e.type)).toEqual(['case_opened', 'risk_assessed', 'case_closed']);
  expect(events[2]!.data).toMatchObject({
    outcome: 'excluded',
    reason: 'declined_to_treat',
    declined: { stage: 'termination' },
  });
  expect(await h.db.contactAttempt.count({ where: { caseId } })).toBe(0);

  const read = await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.supervisor });
  expect(read.body.playbookChoice).toEqual({
    playbook: { id: playbookId, version: 1 },
    basis: 'named',
    matched: {},
    declined: { stage: 'termination' },
    summary: `${playbookId} v1: named by the signal; declined to treat: stage termination`,
  });
});

test('the case keeps why its playbook was chosen: the stage and segment its appliesTo matched', async () => {
  const segment = await provisionSegment();
  const playbookId = await createTestPlaybook(h, (d) => {
    d.appliesTo = { tiers: ['mass'], stages: ['growth'], segments: [segment] };
  });
  const { id: customerId } = await putCustomer({ lifecycleStage: 'growth', segment });
  const { playbookId: _named, ...unnamed } = outflowSignal(customerId);
  const signal = await h.call('POST', '/v1/signals', { key: h.keys.system, body: unnamed });
  expect(signal.status).toBe(202);
  const { caseId } = signal.body;
  const opened = await waitForEvent(h, caseId, 'case_opened');
  const expected = {
    playbook: { id: playbookId, version: 1 },
    basis: 'matched',
    matched: { tier: 'mass', stage: 'growth', segment },
    summary: `${playbookId} v1: appliesTo matched tier mass, stage growth, segment ${segment}`,
  };
  expect(opened.data.playbookChoice).toEqual(expected);
  const read = await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.supervisor });
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({ playbook: { id: playbookId, version: 1 }, playbookChoice: expected });
  await h.call('POST', `/v1/cases/${caseId}/close`, {
    key: h.keys.supervisor,
    body: { outcome: 'not_actionable', note: 'test done' },
  });
});

test('a case opened by hand for a customer in decline below the bound is declined the same way', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.declineToTreat = [{ stage: 'decline', belowAssets: 25_000 }];
  });
  const { id: customerId } = await putCustomer({ lifecycleStage: 'decline', assetsUnderManagement: 24_000 });
  const opened = await h.call('POST', '/v1/cases', {
    key: h.keys.supervisor,
    body: { customerId, reason: 'Asked to close the account', playbookId },
  });
  expect(opened.status).toBe(201);
  const { caseId } = opened.body;
  expect(await waitForClosed(h, caseId)).toMatchObject({ outcome: 'excluded' });
  expect(await h.db.contactAttempt.count({ where: { caseId } })).toBe(0);
  const read = await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.supervisor });
  expect(read.body.playbookChoice).toMatchObject({
    basis: 'named',
    declined: { stage: 'decline', belowAssets: 25_000 },
    summary: `${playbookId} v1: named by the person who opened the case; declined to treat: stage decline below assets 25000`,
  });
});
