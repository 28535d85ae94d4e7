// Erasure on request: DELETE /v1/customers/:id removes the customer's personal data from every table and
// their case histories from Temporal; an open case is closed `erased` first; what reports and the consent
// ledger's proof need stays; a second request answers the same; the CRM is told; only admins may ask.
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  createTestPlaybook,
  outflowSignal,
  surveyTokenIn,
  postInboundSms,
  timeline,
  waitForClosed,
  waitForEvent,
  waitForStage,
} from '../support/fixtures';
import { eventually, startHarness, uniqueId, type Harness } from '../support/harness';
import { columnsHolding, sha256Hex } from '../support/personal-data';
import { harnessClient } from '../support/temporal-client';

let h: Harness;
let client: Client;
let closeClient: (() => Promise<void>) | undefined;
// This test's own playbook: its report row holds this test's cases only, whatever other tests run meanwhile.
let playbookId: string;
const startedAt = new Date(Date.now() - 60_000);
beforeAll(async () => {
  h = await startHarness();
  ({ client, close: closeClient } = await harnessClient(h));
  playbookId = await createTestPlaybook(h, () => undefined);
});
afterAll(async () => {
  await closeClient?.();
  await h?.stop();
});

// A customer whose every value is unique to this test, so finding one anywhere means it was not erased.
async function personalCustomer() {
  const id = uniqueId('erasable');
  const secret = randomUUID().slice(0, 12);
  const person = {
    id,
    secret,
    name: `Ana Erasable ${secret}`,
    phone: `+3461${Math.floor(1_000_000 + Math.random() * 8_999_999)}`,
    email: `ana.${secret}@example.com`,
    // Both from closed lists (a provisioned segment, a lifecycle stage): checked as erased on the customer row.
    segment: 'young-professional',
    lifecycleStage: 'maturity',
  };
  const res = await h.call('PUT', `/v1/customers/${id}`, {
    key: h.keys.system,
    body: {
      name: person.name,
      tier: 'mass',
      assetsUnderManagement: 20_000,
      timeZone: 'Europe/Madrid',
      phone: person.phone,
      email: person.email,
      segment: person.segment,
      lifecycleStage: person.lifecycleStage,
      preferredChannels: ['sms'],
      consent: { sms: true, email: true, phone: true },
    },
  });
  expect(res.status).toBe(201);
  return person;
}

type Person = Awaited<ReturnType<typeof personalCustomer>>;

// A first case run to its end with the customer's words in it: a signal's details, an agent's note, a survey comment.
async function closedCase(p: Person): Promise<string> {
  const { caseId } = (
    await h.call('POST', '/v1/signals', {
      key: h.keys.system,
      body: outflowSignal(p.id, { playbookId, details: { note: `signal about ${p.name}` } }),
    })
  ).body;
  await waitForStage(h, caseId, 'contacting');
  expect(
    (
      await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
        key: h.keys.agent,
        body: { channel: 'phone', outcome: 'reached', note: `reached on ${p.phone}` },
      })
    ).status,
  ).toBe(200);
  await waitForStage(h, caseId, 'awaiting_decision');
  expect(
    (
      await h.call('POST', `/v1/cases/${caseId}/offer-decision`, {
        key: h.keys.agent,
        body: { decision: 'accepted', note: `${p.name} accepted` },
      })
    ).status,
  ).toBe(200);
  const survey = await h.sinks.outbox.waitFor((i) => i.kind === 'sms' && i.to === p.phone && i.body.includes('/s/'));
  await waitForStage(h, caseId, 'surveyed');
  const token = surveyTokenIn(survey.body)!;
  expect(
    (await h.call('POST', `/v1/surveys/${token}`, { body: { score: 9, comment: `thanks, ${p.secret}` } })).status,
  ).toBe(200);
  expect(await waitForClosed(h, caseId)).toMatchObject({ outcome: 'retained' });
  return caseId;
}

// A second case left open, with a supervisor's note, a customer's SMS reply, and consent changes (one from the phone).
async function openCase(p: Person): Promise<string> {
  const { caseId } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(p.id, { playbookId }) })
  ).body;
  await waitForStage(h, caseId, 'contacting');
  expect(
    (
      await h.call('POST', `/v1/cases/${caseId}/assignment`, {
        key: h.keys.supervisor,
        body: { agentId: 'agent-wb-1', note: `${p.name} asked for a branch agent` },
      })
    ).status,
  ).toBe(200);
  expect((await postInboundSms(h, p.phone, `please call me back, ${p.secret}`)).status).toBe(200);
  await waitForEvent(h, caseId, 'customer_replied');
  expect(
    (
      await h.call('POST', `/v1/customers/${p.id}/consent`, {
        key: h.keys.agent,
        body: {
          channel: 'email',
          granted: false,
          source: 'agent',
          note: `said on the phone to write to ${p.email} no more`,
        },
      })
    ).status,
  ).toBe(200);
  expect((await postInboundSms(h, p.phone, 'START')).status).toBe(200);
  return caseId;
}

async function reportTotals() {
  const q = new URLSearchParams({
    from: startedAt.toISOString(),
    to: new Date(Date.now() + 3_600_000).toISOString(),
    groupBy: 'playbook',
  });
  const { rows } = (await h.call('GET', `/v1/reports/retention?${q}`, { key: h.keys.supervisor })).body as {
    rows: { group: string; opened: number; retained: number; erased: number; offerCost: number; stillOpen: number }[];
  };
  const { opened, retained, erased, offerCost, stillOpen } = rows.find((r) => r.group === playbookId)!;
  return { opened, retained, erased, offerCost, stillOpen };
}

async function runsOf(caseIds: string[]) {
  return h.db.case.findMany({ where: { id: { in: caseIds } }, select: { workflowId: true, runId: true } });
}

async function historyGone(workflowId: string, runId: string | null): Promise<true | undefined> {
  try {
    await client.workflow.getHandle(workflowId, runId ?? undefined).describe();
    return undefined;
  } catch (e) {
    if (e instanceof WorkflowNotFoundError) return true;
    throw e;
  }
}

test('an erased customer is gone from every table and from Temporal; reports, proof and the CRM are kept right', async () => {
  const p = await personalCustomer();
  const closedId = await closedCase(p);
  const openId = await openCase(p);
  const runs = await runsOf([closedId, openId]);
  const before = await reportTotals();
  const values = [p.name, p.phone, p.email, p.secret];
  expect((await columnsHolding(h.db, values)).length).toBeGreaterThan(5);

  const erased = await h.call('DELETE', `/v1/customers/${p.id}`, {
    key: h.keys.admin,
    body: { reason: 'erasure request REQ-2026-0042' },
  });
  expect(erased.status).toBe(200);
  expect(erased.body).toMatchObject({ customerId: p.id, erasedAt: expect.any(String) });
  expect(
    Object.fromEntries(erased.body.cases.map((c: { caseId: string; outcome: string }) => [c.caseId, c.outcome])),
  ).toEqual({ [closedId]: 'retained', [openId]: 'erased' });

  // The open case was closed by its workflow, as erased, before its history went.
  const closing = (await timeline(h, openId)).at(-1)!;
  expect(closing).toMatchObject({
    type: 'case_closed',
    actor: 'admin:test admin',
    data: { outcome: 'erased', reason: 'erased_on_request' },
  });

  for (const run of runs)
    await eventually(() => historyGone(run.workflowId, run.runId), `history of ${run.workflowId} ${run.runId} deleted`);
  await eventually(
    async () => (await client.workflow.count(`WorkflowId = '${runs[0]!.workflowId}'`)).count === 0 || undefined,
    'no run left in visibility',
  );

  expect(await columnsHolding(h.db, values)).toEqual([]);
  expect(
    await h.db.customer.findUniqueOrThrow({ where: { id: p.id }, select: { segment: true, lifecycleStage: true } }),
  ).toEqual({ segment: null, lifecycleStage: null });

  // The consent ledger keeps its proof: channel, source, time, and the address as a sha256.
  const ledger = await h.db.consentEvent.findMany({ where: { customerId: p.id } });
  expect(ledger.map((e) => [e.channel, e.source, e.note])).toEqual(
    expect.arrayContaining([
      ['email', 'agent', null],
      ['sms', 'sms_keyword', null],
    ]),
  );
  expect(ledger.find((e) => e.source === 'sms_keyword')!.address).toBe(`sha256:${sha256Hex(p.phone)}`);

  // Reports still count both cases: the retained one as before, the open one now as erased.
  expect(before).toEqual({ opened: 2, retained: 1, erased: 0, offerCost: 60, stillOpen: 1 });
  expect(await reportTotals()).toEqual({ ...before, erased: 1, stillOpen: 0 });

  const audit = await h.db.auditEntry.findMany({ where: { action: 'customer.erased', subjectId: p.id } });
  expect(audit).toMatchObject([
    {
      actor: 'admin:test admin',
      subjectType: 'customer',
      detail: { reason: 'erasure request REQ-2026-0042', caseIds: [closedId, openId] },
    },
  ]);

  expect(
    await h.db.crmOutbox.findFirst({
      where: { kind: 'customer_erased', caseId: `customer:${p.id}` },
      select: { payload: true },
    }),
  ).toEqual({ payload: { customerId: p.id, erasedAt: erased.body.erasedAt, caseIds: [closedId, openId] } });
  await h.sinks.outbox.waitFor((i) => i.kind === 'crm' && i.to === p.id && i.body === 'customer erased');

  // Asked again: the same answer, no second audit entry or CRM event.
  const again = await h.call('DELETE', `/v1/customers/${p.id}`, {
    key: h.keys.admin,
    body: { reason: 'erasure request REQ-2026-0042 (resent)' },
  });
  expect(again).toMatchObject({ status: 200, body: erased.body });
  expect(await h.db.auditEntry.count({ where: { action: 'customer.erased', subjectId: p.id } })).toBe(1);
  expect(await h.db.crmOutbox.count({ where: { kind: 'customer_erased', caseId: `customer:${p.id}` } })).toBe(1);
});

test("a lost case's churn reason keeps its code through erasure and loses the customer's words", async () => {
  const p = await personalCustomer();
  const { caseId } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(p.id, { playbookId }) })
  ).body;
  await waitForStage(h, caseId, 'contacting');
  const words = `${p.name} moves to Lisbon, ${p.secret}`;
  expect(
    (
      await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
        key: h.keys.agent,
        body: { channel: 'phone', outcome: 'refused', reason: { code: 'moved_away', note: words } },
      })
    ).status,
  ).toBe(200);
  expect(await waitForClosed(h, caseId)).toMatchObject({ outcome: 'declined' });
  const held = await columnsHolding(h.db, [p.secret]);
  expect(held).toEqual(expect.arrayContaining([expect.stringMatching(/^cases\.churn_reason_note: /)]));
  // The audit log has the code only: the customer's words never reach it.
  expect(held.filter((c) => c.startsWith('audit_log'))).toEqual([]);

  expect(
    (await h.call('DELETE', `/v1/customers/${p.id}`, { key: h.keys.admin, body: { reason: 'REQ-7' } })).status,
  ).toBe(200);
  expect(await columnsHolding(h.db, [p.name, p.secret])).toEqual([]);
  const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
  expect({ code: row.churnReasonCode, note: row.churnReasonNote }).toEqual({ code: 'moved_away', note: null });
  const closing = await h.db.caseEvent.findFirstOrThrow({ where: { caseId, type: 'case_closed' } });
  expect(closing.data).toMatchObject({ churnReason: { code: 'moved_away' } });
}, 120_000);

test('only an admin key erases, with a reason, and an unknown customer is said to be unknown', async () => {
  const p = await personalCustomer();
  for (const key of [h.keys.system, h.keys.supervisor, h.keys.agent]) {
    const refused = await h.call('DELETE', `/v1/customers/${p.id}`, { key, body: { reason: 'REQ-1' } });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  }
  expect((await h.call('DELETE', `/v1/customers/${p.id}`, { body: { reason: 'REQ-1' } })).status).toBe(401);
  const noReason = await h.call('DELETE', `/v1/customers/${p.id}`, { key: h.keys.admin, body: {} });
  expect(noReason).toMatchObject({
    status: 400,
    body: { error: { code: 'validation_failed', message: expect.stringContaining('body.reason') } },
  });
  const unknown = await h.call('DELETE', `/v1/customers/nobody-${p.secret}`, {
    key: h.keys.admin,
    body: { reason: 'REQ-1' },
  });
  expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'customer_not_found' } } });
  expect((await h.db.customer.findUniqueOrThrow({ where: { id: p.id } })).name).toBe(p.name);
});
