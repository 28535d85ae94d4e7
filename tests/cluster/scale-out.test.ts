// Runs against the PostgreSQL-backed Temporal cluster (`npm run test:cluster`), not the dev server: a burst of
// cases posted through two API processes and run by two worker processes. Every case runs to its end once,
// each customer gets one SMS, and both workers take part.
import type { ChildProcess } from 'node:child_process';
import { Connection, Client } from '@temporalio/client';
import { freePort } from '../../dev/ports';
import { createTestPlaybook, outflowSignal } from '../support/fixtures';
import { eventually, startHarness, uniqueId, type Harness } from '../support/harness';
import { startApiProcess, startWorkerProcess } from '../support/processes';

const CASES = Number(process.env.HOLDFAST_CLUSTER_BURST ?? 200);
const CONCURRENCY = 16;

let h: Harness;
const children: ChildProcess[] = [];
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await h?.stop();
});

async function inParallel<T>(
  items: T[],
  limit: number,
  each: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        await each(items[i]!, i);
      }
    }),
  );
}

test(`a burst of ${CASES} cases through two APIs and two workers: every case runs to its end once`, async () => {
  const env = { ...h.env, LOG_LEVEL: 'info' };
  children.push(...(await Promise.all([startWorkerProcess(env), startWorkerProcess(env)])));
  // The APIs' warnings and errors, shown if a request fails.
  const apiErrors: string[] = [];
  const apis = await Promise.all([
    startApiProcess(env, await freePort(), (l) => apiErrors.push(l)),
    startApiProcess(env, await freePort(), (l) => apiErrors.push(l)),
  ]);
  children.push(...apis.map((a) => a.child));

  // Nobody answers: one SMS, a short wait for an outcome, then the case closes as unreachable.
  const playbookId = await createTestPlaybook(h, (d) => {
    d.contact.maxAttempts = 1;
    d.contact.outcomeTimeout = '3s';
  });
  const run = uniqueId('burst');
  const customers = Array.from({ length: CASES }, (_, i) => ({ id: `${run}-${i}`, phone: `+3461${1_000_000 + i}` }));
  await h.db.customer.createMany({
    data: customers.map((c) => ({
      id: c.id,
      name: 'Burst Customer',
      tier: 'mass',
      timeZone: 'Europe/Madrid',
      phone: c.phone,
      preferredChannels: ['sms'],
      consentSms: true,
      assetsUnderManagement: 20_000,
    })),
  });

  const started = Date.now();
  const caseIds: string[] = [];
  await inParallel(customers, CONCURRENCY, async (c, i) => {
    const res = await fetch(`${apis[i % 2]!.baseUrl}/v1/signals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${h.keys.system}` },
      body: JSON.stringify(outflowSignal(c.id, { playbookId })),
    });
    if (res.status !== 202)
      throw new Error(`signal answered ${res.status}: ${await res.text()}\n${apiErrors.join('\n').slice(0, 3000)}`);
    caseIds.push(((await res.json()) as { caseId: string }).caseId);
  });
  const acceptedMs = Date.now() - started;

  await eventually(
    async () =>
      (await h.db.case.count({ where: { id: { in: caseIds }, status: 'closed' } })) === CASES ? true : undefined,
    `all ${CASES} cases closed`,
    300_000,
  );
  const closedMs = Date.now() - started;

  expect(await h.db.case.count({ where: { customerId: { in: customers.map((c) => c.id) } } })).toBe(CASES);
  const closes = await h.db.caseEvent.groupBy({
    by: ['caseId'],
    where: { caseId: { in: caseIds }, type: 'case_closed' },
    _count: true,
  });
  expect(closes.map((c) => c._count)).toEqual(new Array(CASES).fill(1));
  const sms = h.sinks.outbox
    .list({ kind: 'sms', limit: 100_000 })
    .filter((i) => customers.some((c) => c.phone === i.to));
  expect(sms).toHaveLength(CASES);
  expect(new Set(sms.map((m) => m.to)).size).toBe(CASES);

  // Both workers ran workflow tasks.
  const connection = await Connection.connect({ address: h.temporal.address });
  const client = new Client({
    connection,
    namespace: h.temporal.namespace,
    dataConverter: { payloadCodecs: [h.temporal.payloadCodec] },
  });
  const identities = new Set<string>();
  for (const c of customers.slice(0, 40)) {
    const history = await client.workflow.getHandle(`retention-case/${c.id}`).fetchHistory();
    for (const e of history.events ?? [])
      if (e.workflowTaskCompletedEventAttributes?.identity)
        identities.add(e.workflowTaskCompletedEventAttributes.identity);
  }
  await connection.close();
  expect(identities.size).toBe(2);
  console.log(
    `cluster burst: ${CASES} signals accepted in ${acceptedMs} ms (${(CASES / (acceptedMs / 1000)).toFixed(1)}/s); all closed after ${closedMs} ms; worker identities ${[...identities].join(', ')}`,
  );
}, 600_000);
