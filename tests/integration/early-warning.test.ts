// The early-warning score on the real stack (issue 30): a scorecard trained on the committed history is
// uploaded (a bad file refused) and activated (customers lacking an attribute counted); the scoring sweep —
// the Temporal workflow its schedule starts — posts model_risk signals only for customers Holdfast may
// contact and who are in no case, no more than the agents' quotas allow, highest risk first; a case it
// opens shows the score and its reasons. A database of its own: the sweep scores every customer in it.
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { readTrainingTable } from '../../api/cli/model-csv';
import { trainScorecard } from '../../domain/scorecard/train';
import { scoreCustomer } from '../../domain/scorecard/score';
import type { Scorecard } from '../../domain/scorecard/model-file';
import type { ScoringSweepSummary } from '../../activities/model-scoring';
import { outflowSignal, waitForStage } from '../support/fixtures';
import { eventually, startHarness, uniqueId, type Harness } from '../support/harness';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { harnessClient } from '../support/temporal-client';

let own: OwnDatabase;
let h: Harness;
let client: Client;
let closeClient: (() => Promise<void>) | undefined;
let model: Scorecard;
// Attribute sets from the committed history, most and least risky by the model.
let risky: Record<string, string>[];
let safe: Record<string, string>;

beforeAll(async () => {
  own = await createOwnDatabase(process.env.HOLDFAST_TEST_DATABASE_URL!);
  h = await startHarness({ databaseUrl: own.url, detection: {} });
  ({ client, close: closeClient } = await harnessClient(h));
  const table = await readTrainingTable(join(__dirname, '../../examples/churn-history.csv'));
  model = trainScorecard(table, { label: 'churned', idColumn: 'customer_id', trainedAt: '2026-12-03T00:00:00.000Z' });
  const rows = table.rows.map((r) => Object.fromEntries(table.header.map((name, i) => [name, r[i]!])));
  const ranked = rows
    .map((attributes) => ({ attributes, score: scoreCustomer(model, attributes).score }))
    .sort((a, b) => b.score - a.score);
  risky = ranked.slice(0, 5).map((r) => r.attributes);
  safe = ranked.at(-1)!.attributes;
  // One agent with a quota of 2: the sweep may post two signals a day.
  await h.db.agent.updateMany({ data: { active: false } });
  const [agent] = await h.db.agent.findMany({ take: 1 });
  await h.db.agent.update({ where: { id: agent!.id }, data: { active: true, dailyContactQuota: 2 } });
}, 120_000);
afterAll(async () => {
  await closeClient?.();
  await h?.stop();
  await own?.drop();
});

const numeric = (a: Record<string, string>) =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v]));

async function customer(attributes: Record<string, string>, consent = true, assets = 20_000) {
  const id = uniqueId('ew');
  const res = await h.call('PUT', `/v1/customers/${id}`, {
    key: h.keys.system,
    body: {
      name: 'Early Warning',
      tier: 'mass',
      assetsUnderManagement: assets,
      timeZone: 'Europe/Madrid',
      phone: `+3460${Math.floor(1_000_000 + Math.random() * 8_999_999)}`,
      preferredChannels: ['sms'],
      consent: { sms: consent, email: false, phone: false },
      attributes: numeric(attributes),
    },
  });
  expect(res.status).toBe(201);
  return id;
}

const sweep = () =>
  client.workflow.execute('modelScoringSweep', {
    taskQueue: h.temporal.taskQueue,
    workflowId: uniqueId('model-scoring'),
  }) as Promise<ScoringSweepSummary>;

const modelSignals = (customerId: string) => h.db.riskSignal.findMany({ where: { customerId, type: 'model_risk' } });

test('a bad model file is refused, a good one uploaded and activated by an admin', async () => {
  const bad = await h.call('POST', '/v1/models', { key: h.keys.admin, body: { ...model, formatVersion: 9 } });
  expect(bad).toMatchObject({ status: 422, body: { error: { code: 'model_invalid' } } });
  expect(bad.body.error.message).toMatch(/formatVersion/);
  expect((await h.call('POST', '/v1/models', { key: h.keys.supervisor, body: model })).status).toBe(403);
});

test('the sweep signals the riskiest customers it may contact, within the quota, and the case shows why', async () => {
  const uploaded = await h.call('POST', '/v1/models', { key: h.keys.admin, body: model });
  expect(uploaded).toMatchObject({ status: 201, body: { active: false, label: 'churned' } });
  // Nothing active yet: the sweep scores nothing.
  expect(await sweep()).toMatchObject({ modelId: null, scored: 0 });

  const [top, second, third, fourth, fifth] = risky;
  const first = await customer(top!);
  const next = await customer(second!);
  const lower = await customer(fourth!);
  const calm = await customer(safe);
  const noConsent = await customer(third!, false);
  const inCase = await customer(fifth!);
  const erased = await customer(third!);
  const { caseId: openCase } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(inCase) })
  ).body;
  await waitForStage(h, openCase, 'contacting');
  expect(
    (await h.call('DELETE', `/v1/customers/${erased}`, { key: h.keys.admin, body: { reason: 'test' } })).status,
  ).toBe(200);
  const withoutAge = await customer(Object.fromEntries(Object.entries(safe).filter(([k]) => k !== 'age')));

  const activated = await h.call('POST', `/v1/models/${uploaded.body.id}/activate`, { key: h.keys.admin });
  expect(activated.status).toBe(200);
  const ageMissing = activated.body.missing.find((m: { attribute: string }) => m.attribute === 'age');
  expect(ageMissing?.customersMissing).toBeGreaterThanOrEqual(1);

  const summary = await sweep();
  expect(summary).toMatchObject({ modelId: uploaded.body.id, dailyCapacity: 2, posted: 2, accepted: 2 });
  expect(summary.missing.age).toBeGreaterThanOrEqual(1);
  // The two riskiest it may contact; never the one without consent, the erased one, the one in a case.
  const signalled = (await h.db.riskSignal.findMany({ where: { type: 'model_risk' } })).map((s) => s.customerId);
  expect(signalled.sort()).toEqual([first, next].sort());
  for (const id of [lower, calm, noConsent, inCase, erased, withoutAge]) expect(await modelSignals(id)).toEqual([]);

  const [signal] = await modelSignals(first);
  const opened = signal!.caseId!;
  // Whatever step the case is at (the standard playbook keeps quiet hours): its page shows the score.
  const detail = await eventually(async () => {
    const read = await h.call('GET', `/v1/cases/${opened}`, { key: h.keys.supervisor });
    return read.status === 200 && read.body.earlyWarning ? read : undefined;
  }, 'the case opened by the sweep');
  const expected = scoreCustomer(model, numeric(top!));
  expect(detail.body.earlyWarning).toMatchObject({ modelId: uploaded.body.id, reasons: expected.reasons });
  expect(detail.body.earlyWarning.score).toBeCloseTo(expected.score, 6);
  expect(detail.body.earlyWarning.reasons.length).toBeGreaterThan(0);
  expect(detail.body.earlyWarning.reasons.length).toBeLessThanOrEqual(4);

  // Again: the customers now in a case are not scored; the quota goes to the next riskiest.
  const again = await sweep();
  expect(again.accepted).toBeGreaterThanOrEqual(1);
  expect(await modelSignals(lower)).toHaveLength(1);
  expect(await modelSignals(first)).toHaveLength(1);
  expect(await modelSignals(next)).toHaveLength(1);
});
