// Automatic promotion (issue 28): the scheduled experiment review promotes the winning arm of a running
// experiment that asked for it, once every arm has its minimum sample — and nothing before, nor for an
// experiment that did not ask; a winner by the sequential test (issue 35), not by one look's significance. The review runs as the Temporal workflow the schedule starts, posting to the
// API with the system key.
import type { Client } from '@temporalio/client';
import { createCustomer, createTwoVersionPlaybook } from '../support/fixtures';
import { startHarness, uniqueId, type Harness } from '../support/harness';
import { harnessClient } from '../support/temporal-client';
import type { ReviewedExperiment } from '../../domain/experiment-review';
import { createLogger } from '../../config/logger';
import { scheduleApiWork } from '../../worker/api-schedules';

let h: Harness;
let client: Client;
let closeClient: (() => Promise<void>) | undefined;
beforeAll(async () => {
  // `detection: {}` gives the worker the API's address and a system key, and no feed to read.
  h = await startHarness({ detection: {} });
  ({ client, close: closeClient } = await harnessClient(h));
});
afterAll(async () => {
  await closeClient?.();
  await h?.stop();
});

const playbookWithTwoVersions = () => createTwoVersionPlaybook(h);

async function startExperiment(playbookId: string, autoPromote: boolean): Promise<string> {
  const res = await h.call('POST', `/v1/playbooks/${playbookId}/experiments`, {
    key: h.keys.supervisor,
    body: {
      arms: [
        { version: 1, weight: 50, control: true },
        { version: 2, weight: 50 },
      ],
      minSamplePerArm: 60,
      autoPromote,
    },
  });
  expect(res).toMatchObject({ status: 201, body: { autoPromote } });
  return res.body.id;
}

// Closed cases in an arm, written as the case store would leave them: `retained` of `total` kept.
async function closedCases(playbookId: string, experimentId: string, arm: string, total: number, retained: number) {
  const customer = await createCustomer(h);
  const version = arm === 'A' ? 1 : 2;
  for (let i = 0; i < total; i++) {
    const id = uniqueId('case');
    await h.db.case.create({
      data: {
        id,
        workflowId: `test/${id}`,
        customerId: customer.id,
        reason: 'test',
        stage: 'closed',
        status: 'closed',
        outcome: i < retained ? 'retained' : 'churned',
        playbookId,
        playbookVersion: version,
        openedAt: new Date(),
        closedAt: new Date(),
      },
    });
    await h.db.caseExperimentArm.create({ data: { caseId: id, experimentId, arm, version } });
  }
}

const review = () =>
  client.workflow.execute('experimentReview', {
    taskQueue: h.temporal.taskQueue,
    workflowId: uniqueId('experiment-review'),
  }) as Promise<ReviewedExperiment[]>;

test('a winner is promoted once every arm has its minimum sample, and only where the experiment asked for it', async () => {
  const auto = await playbookWithTwoVersions();
  const manual = await playbookWithTwoVersions();
  const autoId = await startExperiment(auto, true);
  const manualId = await startExperiment(manual, false);

  // B is far ahead, but A has 30 of its 60: still collecting.
  await closedCases(auto, autoId, 'A', 30, 6);
  await closedCases(auto, autoId, 'B', 70, 63);
  await closedCases(manual, manualId, 'A', 70, 14);
  await closedCases(manual, manualId, 'B', 70, 63);
  const collecting = (await review()).find((r) => r.experimentId === autoId);
  expect(collecting).toEqual({ experimentId: autoId, playbookId: auto, collecting: true, promotedArm: null });
  expect((await h.call('GET', `/v1/experiments/${autoId}`, { key: h.keys.supervisor })).body.status).toBe('running');

  // 14 of 70 against 63 of 70: a winner by the sequential test (always-valid p = 0.006).
  await closedCases(auto, autoId, 'A', 40, 8);
  const reviewed = await review();
  expect(reviewed.find((r) => r.experimentId === autoId)).toMatchObject({ collecting: false, promotedArm: 'B' });
  // Not asked: left to a person, whatever its results.
  expect(reviewed.find((r) => r.experimentId === manualId)).toBeUndefined();
  expect((await h.call('GET', `/v1/experiments/${manualId}`, { key: h.keys.supervisor })).body.status).toBe('running');

  const promoted = await h.call('GET', `/v1/experiments/${autoId}`, { key: h.keys.supervisor });
  expect(promoted.body).toMatchObject({ status: 'stopped', promotedArm: 'B' });
  expect((await h.db.playbookCurrentVersion.findUniqueOrThrow({ where: { playbookId: auto } })).version).toBe(2);
  const audit = await h.db.auditEntry.findFirstOrThrow({
    where: { subjectId: autoId, action: 'experiment.promoted' },
  });
  expect(audit.actor).toBe('system:test system');
  expect(audit.detail).toMatchObject({ arm: 'B', version: 2, automatic: true, conclusive: 70, test: 'msprt' });

  // The review is the system's; a supervisor's key cannot run it.
  expect((await h.call('POST', '/v1/experiments/review', { key: h.keys.supervisor })).status).toBe(403);
});

test('a lead one look at 5% would call a winner is not promoted: the review reads every hour', async () => {
  const playbook = await playbookWithTwoVersions();
  const id = await startExperiment(playbook, true);
  // 48 of 80 against 56 of 70: p = 0.008 by the z-test read once; the sequential test's p is 0.21.
  await closedCases(playbook, id, 'A', 80, 48);
  await closedCases(playbook, id, 'B', 70, 56);
  expect((await review()).find((r) => r.experimentId === id)).toMatchObject({ collecting: false, promotedArm: null });
  const read = await h.call('GET', `/v1/experiments/${id}`, { key: h.keys.supervisor });
  expect(read.body).toMatchObject({ status: 'running', promotedArm: null });
  expect(read.body.results.test).toMatchObject({ name: 'msprt', alpha: 0.05, correction: 'holm' });
  expect(read.body.results.arms[1].vsControl).toMatchObject({ verdict: 'no_difference' });
  await h.call('POST', `/v1/experiments/${id}/stop`, { key: h.keys.supervisor });
});

test('a worker that knows the API schedules the experiment review and the scoring sweep, once however often it starts', async () => {
  const logger = createLogger('error', { service: 'test' });
  const every = { experimentReview: '7d', modelScoringSweep: '7d' } as const;
  await scheduleApiWork(h.temporal, every, logger);
  await scheduleApiWork(h.temporal, every, logger);
  try {
    for (const [id, workflowType] of [
      ['holdfast-experiment-review', 'experimentReview'],
      ['holdfast-model-scoring', 'modelScoringSweep'],
    ]) {
      const schedule = await client.schedule.getHandle(id!).describe();
      expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType, taskQueue: h.temporal.taskQueue });
      expect(schedule.spec.intervals).toHaveLength(1);
    }
  } finally {
    for (const id of ['holdfast-experiment-review', 'holdfast-model-scoring'])
      await client.schedule.getHandle(id).delete();
  }
});
