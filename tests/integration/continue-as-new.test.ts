// A long observation window keeps collecting signals; past its history limit the case continues as a new
// run with its state, and human-facing ids (case id, workflow id) and the outcome carry on.
import type { Client } from '@temporalio/client';
import { caseWorkflowId } from '../../domain/case';
import { inHoldout } from '../../domain/holdout';
import {
  createCustomer,
  createTestPlaybook,
  outflowSignal,
  timeline,
  waitForClosed,
  waitForEvent,
  waitForStage,
} from '../support/fixtures';
import { startHarness, uniqueId, type Harness } from '../support/harness';
import { recordHistory } from '../support/histories';
import { harnessClient } from '../support/temporal-client';

let h: Harness;
let temporal: { client: Client; close: () => Promise<void> };
beforeAll(async () => {
  h = await startHarness();
  temporal = await harnessClient(h);
});
afterAll(async () => {
  await temporal?.close();
  await h?.stop();
});

test('an observing case continues as new when its history grows, and still closes on recovery', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.holdout = { percent: 50 };
    d.outcome = { observationWindow: '120s' };
  });
  let customer = await createCustomer(h);
  while (!inHoldout(customer.id, playbookId, 50)) customer = await createCustomer(h);

  // Started directly to give it a small history limit (the API leaves it to Temporal's suggestion).
  const { client } = temporal;
  const caseId = uniqueId('case');
  const first = await client.workflow.start('retentionCase', {
    taskQueue: h.temporal.taskQueue,
    workflowId: caseWorkflowId(customer.id),
    args: [
      {
        caseId,
        customerId: customer.id,
        reason: 'test',
        openedBy: 'test',
        playbookId,
        historyLimit: 60,
        signals: [
          { signalId: uniqueId('sig'), type: 'large_outflow', severity: 0.9, occurredAt: new Date().toISOString() },
        ],
      },
    ],
  });
  await waitForStage(h, caseId, 'observing');

  // Each joining signal adds to history until the run carries over.
  for (let i = 0; i < 8; i++) {
    const res = await h.call('POST', '/v1/signals', {
      key: h.keys.system,
      body: { ...outflowSignal(customer.id), type: 'activity_drop' },
    });
    expect(res.body.caseId).toBe(caseId);
  }
  await waitForEvent(h, caseId, 'case_continued');
  expect((await client.workflow.getHandle(first.workflowId, first.firstExecutionRunId).describe()).status.name).toBe(
    'CONTINUED_AS_NEW',
  );
  const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
  expect(row.runId).not.toBe(first.firstExecutionRunId);

  await h.call('POST', '/v1/signals', {
    key: h.keys.system,
    body: { ...outflowSignal(customer.id), type: 'balance_recovery' },
  });
  const closed = await waitForClosed(h, caseId);
  expect(closed.outcome).toBe('retained');
  const events = await timeline(h, caseId);
  expect(events.filter((e) => e.type === 'signal_joined').length).toBeGreaterThanOrEqual(9);
  expect(events.filter((e) => e.type === 'case_opened')).toHaveLength(1);
  await recordHistory(h, caseId, 'continued-observation-retained');
});
