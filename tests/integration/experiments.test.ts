// Experiments between playbook versions (issue 28) on the real stack: refusals, the arm a new case is pinned
// to at intake (the same on re-entry), and a case keeping its arm and version after another arm is promoted.
import { experimentBucket } from '../../api/services/experiment-bucket';
import {
  createCustomer,
  createTwoVersionPlaybook,
  outflowSignal,
  waitForClosed,
  waitForStage,
  MOVED_AWAY,
} from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let playbookId: string;
beforeAll(async () => {
  h = await startHarness();
  // No holdout, so every customer takes part; a second version to compare with.
  playbookId = await createTwoVersionPlaybook(h, (v2) => {
    v2.contact.maxAttempts = 1;
  });
});
afterAll(async () => {
  await h?.stop();
});

const body = (arms: unknown[], minSamplePerArm = 5) => ({ arms, minSamplePerArm });
const halves = [
  { version: 1, weight: 50, control: true },
  { version: 2, weight: 50 },
];
const start = (b: unknown, id = playbookId) =>
  h.call('POST', `/v1/playbooks/${id}/experiments`, { key: h.keys.supervisor, body: b });

// A new customer whose bucket in the experiment is in [from, to).
async function customerInBuckets(experimentId: string, from: number, to: number) {
  for (;;) {
    const c = await createCustomer(h);
    const b = experimentBucket(experimentId, c.id);
    if (b >= from && b < to) return c;
  }
}

async function openCase(customerId: string) {
  const res = await h.call('POST', '/v1/signals', {
    key: h.keys.system,
    body: outflowSignal(customerId, { playbookId }),
  });
  expect(res.status).toBe(202);
  return res.body.caseId as string;
}

const armOf = (caseId: string) => h.db.caseExperimentArm.findUnique({ where: { caseId } });

test('bad experiments are refused with a message that says what to fix', async () => {
  const weights = await start(
    body([
      { version: 1, weight: 50, control: true },
      { version: 2, weight: 40 },
    ]),
  );
  expect(weights).toMatchObject({
    status: 400,
    body: {
      error: { details: [expect.objectContaining({ message: "the arms' weights must sum to 100; they sum to 90" })] },
    },
  });
  const missing = await start(
    body([
      { version: 1, weight: 50, control: true },
      { version: 9, weight: 50 },
    ]),
  );
  expect(missing).toMatchObject({
    status: 422,
    body: {
      error: { code: 'version_not_found', message: `playbook ${playbookId} has no version 9; its versions are 1, 2` },
    },
  });
  const foreign = await start(
    body([
      { version: 1, weight: 50, control: true },
      { playbookId: 'standard', version: 2, weight: 50 },
    ]),
  );
  expect(foreign).toMatchObject({ status: 422, body: { error: { code: 'arm_of_another_playbook' } } });
  expect((await start(body(halves, 0))).status).toBe(400);
  expect((await start(body(halves), 'no-such-playbook')).status).toBe(404);
  expect(
    (await h.call('POST', `/v1/playbooks/${playbookId}/experiments`, { key: h.keys.agent, body: body(halves) })).status,
  ).toBe(403);
});

test("a customer's arm is pinned at intake and stays the same on re-entry; promoting another arm leaves it alone", async () => {
  const started = await start(body(halves, 1));
  expect(started).toMatchObject({
    status: 201,
    body: {
      status: 'running',
      arms: [
        { arm: 'A', version: 1, control: true },
        { arm: 'B', version: 2, control: false },
      ],
    },
  });
  const experimentId = started.body.id as string;
  expect(await start(body(halves))).toMatchObject({
    status: 409,
    body: { error: { code: 'experiment_already_running' } },
  });

  const inA = await customerInBuckets(experimentId, 0, 50);
  const first = await openCase(inA.id);
  expect(await armOf(first)).toMatchObject({ experimentId, arm: 'A', version: 1 });
  expect(await waitForStage(h, first, 'contacting')).toMatchObject({ playbook: { id: playbookId, version: 1 } });
  await h.call('POST', `/v1/cases/${first}/close`, {
    key: h.keys.supervisor,
    body: { outcome: 'churned', note: 'moved bank', reason: MOVED_AWAY },
  });
  await waitForClosed(h, first);
  const again = await openCase(inA.id);
  expect(again).not.toBe(first);
  expect(await armOf(again)).toMatchObject({ experimentId, arm: 'A', version: 1 });

  const inB = await customerInBuckets(experimentId, 50, 100);
  const bCase = await openCase(inB.id);
  expect(await armOf(bCase)).toMatchObject({ arm: 'B', version: 2 });

  // Paused: new cases run the control's version, in no arm.
  expect((await h.call('POST', `/v1/experiments/${experimentId}/pause`, { key: h.keys.supervisor })).body.status).toBe(
    'paused',
  );
  const paused = await openCase((await customerInBuckets(experimentId, 50, 100)).id);
  expect(await armOf(paused)).toBeNull();
  expect(await waitForStage(h, paused, 'contacting')).toMatchObject({ playbook: { version: 1 } });
  expect((await h.call('POST', `/v1/experiments/${experimentId}/resume`, { key: h.keys.supervisor })).body.status).toBe(
    'running',
  );

  // Promote B: version 2 becomes current. A's cases keep arm A and version 1.
  const promoted = await h.call('POST', `/v1/experiments/${experimentId}/promote`, {
    key: h.keys.supervisor,
    body: { arm: 'B' },
  });
  expect(promoted).toMatchObject({ status: 200, body: { status: 'stopped', promotedArm: 'B' } });
  expect(await armOf(again)).toMatchObject({ arm: 'A', version: 1 });
  expect((await h.db.case.findUniqueOrThrow({ where: { id: again } })).playbookVersion).toBe(1);
  expect(
    await h.call('POST', `/v1/experiments/${experimentId}/promote`, { key: h.keys.supervisor, body: { arm: 'A' } }),
  ).toMatchObject({ status: 409, body: { error: { code: 'experiment_stopped' } } });
  expect((await h.call('POST', `/v1/experiments/${experimentId}/resume`, { key: h.keys.supervisor })).status).toBe(409);

  // After the experiment: new cases of A's buckets run the promoted version 2, in no arm.
  const after = await openCase((await customerInBuckets(experimentId, 0, 50)).id);
  expect(await armOf(after)).toBeNull();
  expect(await waitForStage(h, after, 'contacting')).toMatchObject({ playbook: { version: 2 } });

  const read = await h.call('GET', `/v1/experiments/${experimentId}`, { key: h.keys.supervisor });
  expect(
    read.body.results.arms.map((a: { arm: string; cases: number; conclusive: number }) => [
      a.arm,
      a.cases,
      a.conclusive,
    ]),
  ).toEqual([
    ['A', 2, 1],
    ['B', 1, 0],
  ]);
  expect(read.body.results).toMatchObject({
    collecting: true,
    test: { name: 'msprt', alpha: 0.05, correction: 'holm' },
    arms: [{ retentionRate: 0, vsControl: null }, { vsControl: { verdict: 'collecting' } }],
  });

  const audited = await h.db.auditEntry.findMany({ where: { subjectId: experimentId }, orderBy: { id: 'asc' } });
  expect(audited.map((a) => a.action)).toEqual([
    'experiment.started',
    'experiment.paused',
    'experiment.resumed',
    'experiment.promoted',
  ]);
});
