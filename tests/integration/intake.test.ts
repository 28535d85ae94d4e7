// The API edge: a playbook is checked and its version pinned when the case opens, the returned case id is
// readable at once, and with Temporal down the API answers 503 with Retry-After within seconds.
import { testPayloadCodec } from '../support/payload-keys';
import { createApp } from '../../api/http/app';
import { connectApi } from '../../api/server';
import { createDb } from '../../config/database';
import { createSql } from '../../config/sql';
import { createLogger } from '../../config/logger';
import { PLAYBOOKS } from '../../dev/seed';
import { createCustomer, createTestPlaybook, outflowSignal, waitForClosed, waitForEvent } from '../support/fixtures';
import { startHarness, TEST_ADMIN_KEY, uniqueId, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

// An API process of its own over other dependencies (e.g. an unreachable Temporal or PostgreSQL).
async function withApi(
  deps: Awaited<ReturnType<typeof connectApi>>,
  body: (base: string) => Promise<void>,
): Promise<void> {
  const server = createApp(deps).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    await body(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
  } finally {
    await new Promise((r) => server.close(r));
    await deps.close();
  }
}

test('an unknown playbookId is refused with 422 by POST /v1/signals and POST /v1/cases, and nothing is stored', async () => {
  const customer = await createCustomer(h);
  const signal = { ...outflowSignal(customer.id), playbookId: 'no-such-playbook' };
  const bySignal = await h.call('POST', '/v1/signals', { key: h.keys.system, body: signal });
  expect(bySignal.status).toBe(422);
  expect(bySignal.body.error).toMatchObject({
    code: 'playbook_not_found',
    message: expect.stringContaining('no-such-playbook'),
  });
  const byHand = await h.call('POST', '/v1/cases', {
    key: h.keys.supervisor,
    body: { customerId: customer.id, reason: 'test', playbookId: 'no-such-playbook' },
  });
  expect(byHand.status).toBe(422);
  expect(await h.db.riskSignal.count({ where: { idempotencyKey: signal.idempotencyKey } })).toBe(0);
  expect(await h.db.case.count({ where: { customerId: customer.id } })).toBe(0);
});

// The signal and its case row are written by one SQL function call; its row lock must still serialise openings.
test('signals for one customer posted at once open one case, and one key posted twice at once stores one signal', async () => {
  const customer = await createCustomer(h);
  const signals = Array.from({ length: 6 }, (_, i) => ({
    ...outflowSignal(customer.id),
    idempotencyKey: uniqueId(`burst-${i}`),
  }));
  const answers = await Promise.all(
    [...signals, signals[0]!].map((body) => h.call('POST', '/v1/signals', { key: h.keys.system, body })),
  );
  // Each is accepted (202; the repeated key may be a 200 duplicate), or, if the case's worker is too busy to
  // take a joining signal within the API's deadline, a 503 to retry: never a 500.
  expect(
    answers.filter((a) => ![200, 202, 503].includes(a.status)).map((a) => `${a.status} ${JSON.stringify(a.body)}`),
  ).toEqual([]);
  expect(answers.filter((a) => a.status === 202).length).toBeGreaterThanOrEqual(1);
  expect(new Set(answers.filter((a) => a.status !== 503).map((a) => a.body.caseId)).size).toBe(1);
  expect(await h.db.case.count({ where: { customerId: customer.id } })).toBe(1);
  expect(await h.db.riskSignal.count({ where: { customerId: customer.id } })).toBe(6);
});

test('the case id in the answer is readable at once and runs the playbook version current when it opened', async () => {
  const playbookId = uniqueId('pin-test').toLowerCase();
  const post = (definition: object) =>
    h.call('POST', `/v1/playbooks/${playbookId}/versions`, { key: h.keys.admin, body: definition });
  expect((await post(PLAYBOOKS.demo!)).status).toBe(201);
  const customer = await createCustomer(h);
  const opened = await h.call('POST', '/v1/signals', {
    key: h.keys.system,
    body: { ...outflowSignal(customer.id), playbookId },
  });
  expect(opened.status).toBe(202);
  // Version 2 arrives right after the case opened: the case keeps version 1.
  expect((await post({ ...PLAYBOOKS.demo, description: 'version two' })).status).toBe(201);
  const read = await h.call('GET', `/v1/cases/${opened.body.caseId}`, { key: h.keys.supervisor });
  expect(read.status).toBe(200);
  expect(read.body.playbook).toEqual({ id: playbookId, version: 1 });
  const assessed = await waitForEvent(h, opened.body.caseId, 'risk_assessed');
  expect(assessed.data.playbook).toEqual({ id: playbookId, version: 1 });
});

test('with Temporal unreachable, opening a case answers 503 with Retry-After within 10 s and leaves no case behind', async () => {
  const logger = createLogger('error');
  const deps = await connectApi({
    db: h.db,
    sql: createSql(process.env.HOLDFAST_TEST_DATABASE_URL!),
    temporal: {
      address: '127.0.0.1:1',
      namespace: 'default',
      taskQueue: 'unreachable',
      payloadCodec: testPayloadCodec(),
    },
    logger,
    adminKey: TEST_ADMIN_KEY,
  });
  await withApi(deps, async (base) => {
    const customer = await createCustomer(h);
    const started = Date.now();
    const res = await fetch(`${base}/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.keys.supervisor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: customer.id, reason: 'down test', playbookId: 'demo' }),
    });
    const body = (await res.json()) as { error: { code: string } };
    expect({ status: res.status, code: body.error.code, retryAfter: res.headers.get('retry-after') }).toEqual({
      status: 503,
      code: 'temporal_unavailable',
      retryAfter: '5',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await h.db.case.count({ where: { customerId: customer.id } })).toBe(0);

    const signal = outflowSignal(customer.id);
    const bySignal = await fetch(`${base}/v1/signals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.keys.system}`, 'content-type': 'application/json' },
      body: JSON.stringify(signal),
    });
    expect(bySignal.status).toBe(503);
    // The signal is kept; the sender's retry (here, to the healthy API) opens the case.
    const retried = await h.call('POST', '/v1/signals', { key: h.keys.system, body: signal });
    expect(retried.status).toBe(202);
    expect(await h.db.riskSignal.count({ where: { idempotencyKey: signal.idempotencyKey } })).toBe(1);

    const ready = await fetch(`${base}/ready`);
    const readyBody = (await ready.json()) as { failing: string[]; checks: { temporal: string } };
    expect({ status: ready.status, failing: readyBody.failing, temporal: readyBody.checks.temporal }).toEqual({
      status: 503,
      failing: ['temporal'],
      temporal: 'unavailable',
    });
  });
}, 60_000);

test('in the cool-down after a not_actionable case a stronger signal opens a new case; a weak one does not', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.detect.cooldown = '1h';
  });
  const customer = await createCustomer(h);
  const weak = (key: string) => ({
    ...outflowSignal(customer.id, { playbookId }),
    idempotencyKey: key,
    type: 'activity_drop',
    severity: 0.1,
  });
  const first = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: weak(uniqueId('weak')) })).body;
  expect((await waitForClosed(h, first.caseId)).outcome).toBe('not_actionable');

  const stillWeak = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: weak(uniqueId('weak')) })).body;
  expect(stillWeak).toMatchObject({ caseId: first.caseId, coolingDownUntil: expect.any(String) });

  const strong = await h.call('POST', '/v1/signals', {
    key: h.keys.system,
    body: outflowSignal(customer.id, { playbookId }),
  });
  expect(strong.status).toBe(202);
  expect(strong.body.caseId).not.toBe(first.caseId);
  expect(strong.body.coolingDownUntil).toBeUndefined();
});

test('with PostgreSQL unreachable the API answers 503 database_unavailable within seconds, and /ready names it', async () => {
  const db = createDb('postgresql://holdfast@127.0.0.1:1/holdfast');
  const deps = await connectApi({
    db,
    sql: createSql('postgresql://holdfast@127.0.0.1:1/holdfast'),
    temporal: h.temporal,
    logger: createLogger('error'),
    adminKey: TEST_ADMIN_KEY,
  });
  await withApi(deps, async (base) => {
    const started = Date.now();
    const res = await fetch(`${base}/v1/cases`, { headers: { authorization: `Bearer ${h.keys.supervisor}` } });
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect({ status: res.status, code: body.error.code, retryAfter: res.headers.get('retry-after') }).toEqual({
      status: 503,
      code: 'database_unavailable',
      retryAfter: '5',
    });
    expect(body.error.message).not.toContain('127.0.0.1');
    expect(Date.now() - started).toBeLessThan(10_000);
    const ready = (await (await fetch(`${base}/ready`)).json()) as {
      failing: string[];
      checks: Record<string, string>;
    };
    expect(ready).toMatchObject({ failing: ['postgresql'], checks: { postgresql: 'unavailable', temporal: 'ok' } });
  });
  await db.$disconnect();
});

test('a signal posted while no worker runs is accepted at once; its case runs once the worker is back, and a retry joins it', async () => {
  const customer = await createCustomer(h, { preferredChannels: ['sms'] });
  const signal = outflowSignal(customer.id);
  await h.stopWorker();
  let first: Awaited<ReturnType<typeof h.call>> | undefined;
  try {
    const started = Date.now();
    first = await h.call('POST', '/v1/signals', { key: h.keys.system, body: signal });
    // Temporal stored the start with the signal in it: nothing waits for a worker, nothing is lost.
    expect({ status: first.status, duplicate: first.body.duplicate }).toEqual({ status: 202, duplicate: false });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await h.db.case.findUnique({ where: { id: first.body.caseId } })).toMatchObject({
      status: 'open',
      customerId: customer.id,
    });
  } finally {
    await h.startWorker();
  }
  const retried = await h.call('POST', '/v1/signals', { key: h.keys.system, body: signal });
  expect({ status: retried.status, caseId: retried.body.caseId, duplicate: retried.body.duplicate }).toEqual({
    status: 200,
    caseId: first.body.caseId,
    duplicate: true,
  });
  await waitForEvent(h, first.body.caseId, 'contact_sent');
  expect(await h.db.case.count({ where: { customerId: customer.id } })).toBe(1);
  expect(h.sinks.outbox.list({ kind: 'sms' }).filter((i) => i.to === customer.phone)).toHaveLength(1);
});
