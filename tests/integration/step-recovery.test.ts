// A step that fails for a reason no retry fixes (here: the case's pinned playbook version is gone when the
// workflow loads it) never fails the workflow: the case records case_failed, needs attention, and runs the
// step again when a supervisor retries after fixing the cause; or a supervisor closes it.
import { createCustomer, createTestPlaybook, timeline, waitForClosed, waitForEvent } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function caseWithMissingPlaybook() {
  const playbookId = await createTestPlaybook(h, () => undefined);
  const saved = await h.db.playbookVersion.findUniqueOrThrow({
    where: { playbookId_version: { playbookId, version: 1 } },
  });
  const customer = await createCustomer(h);
  await h.stopWorker();
  // Opening a case by hand starts its workflow without waiting for a worker.
  const opened = await h.call('POST', '/v1/cases', {
    key: h.keys.supervisor,
    body: { customerId: customer.id, reason: 'step recovery test', playbookId },
  });
  expect(opened.status).toBe(201);
  const { caseId } = opened.body;
  await h.db.playbookVersion.delete({ where: { playbookId_version: { playbookId, version: 1 } } });
  await h.startWorker();
  return { caseId, saved };
}

test('a failed step is recorded, flags the case, and a supervisor retry runs it again', async () => {
  const { caseId, saved } = await caseWithMissingPlaybook();
  const failed = await waitForEvent(h, caseId, 'case_failed');
  expect(failed.data).toMatchObject({ step: 'detect', error: expect.stringContaining('does not exist') });
  const flagged = await waitForEvent(h, caseId, 'needs_attention');
  expect(flagged.data).toMatchObject({ reason: 'step_failed', step: 'detect' });
  const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
  expect({ status: row.status, attentionReason: row.attentionReason }).toEqual({
    status: 'open',
    attentionReason: 'step_failed',
  });

  await h.db.playbookVersion.create({
    data: { playbookId: saved.playbookId, version: 1, name: saved.name, definition: saved.definition as object },
  });
  expect(
    (await h.call('POST', `/v1/cases/${caseId}/retry`, { key: h.keys.supervisor, body: { note: 'playbook restored' } }))
      .status,
  ).toBe(200);
  await waitForEvent(h, caseId, 'contact_sent');
  expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).attentionReason).toBeNull();
});

test('a supervisor may close a case that needs attention instead', async () => {
  const { caseId } = await caseWithMissingPlaybook();
  await waitForEvent(h, caseId, 'needs_attention');
  expect(
    (
      await h.call('POST', `/v1/cases/${caseId}/close`, {
        key: h.keys.supervisor,
        body: { outcome: 'unreachable', note: 'playbook withdrawn' },
      })
    ).status,
  ).toBe(200);
  const closed = await waitForClosed(h, caseId);
  expect(closed.outcome).toBe('unreachable');
  expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).attentionReason).toBeNull();
  expect((await timeline(h, caseId)).at(-1)).toMatchObject({
    type: 'case_closed',
    actor: 'supervisor:test supervisor',
  });
});
