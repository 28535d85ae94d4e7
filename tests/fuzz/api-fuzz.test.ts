// Hostile input against every operation of /v1/openapi.json (see openapi-fuzz.ts): no 5xx, every refusal a
// JSON error with a message and a request id, no refused request changing the database. CI sends
// FUZZ_REQUESTS (default 2,000); `npm run fuzz` sends 10,000 and prints the counts. FUZZ_SEED replays a run.
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { fuzzApi, type OpenApiDocument } from './openapi-fuzz';
import { startHarness, type Harness } from '../support/harness';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

let database: OwnDatabase;
let h: Harness;

beforeAll(async () => {
  database = await createOwnDatabase(process.env.HOLDFAST_TEST_DATABASE_URL!);
  // No worker: nothing but the API's answers to the fuzzer writes to this database.
  h = await startHarness({ databaseUrl: database.url, worker: false });
});

afterAll(async () => {
  await h?.stop();
  await database?.drop();
});

// Things that exist, so valid requests get past "not found" to the code behind it: a customer with a closed
// case (steps on it are refused as conflicts without calling Temporal) and an answered survey.
async function existingThings(): Promise<Record<string, string>> {
  const customerId = 'fuzz-customer-1';
  await h.db.customer.create({
    data: {
      id: customerId,
      name: 'Fuzz Customer',
      tier: 'mass',
      timeZone: 'Europe/Madrid',
      phone: '+34600000001',
      preferredChannels: ['sms'],
    },
  });
  const caseId = 'fuzz-case-1';
  await h.db.case.create({
    data: {
      id: caseId,
      workflowId: `retention-case/${customerId}`,
      customerId,
      reason: 'fuzz',
      stage: 'closed',
      status: 'closed',
      outcome: 'retained',
      driver: 'product_yield',
      priority: 50,
      playbookId: 'demo',
      playbookVersion: 1,
      teamId: 'contact-centre',
      openedAt: new Date(),
      closedAt: new Date(),
    },
  });
  const token = 'fuzzsurveytoken0123456789';
  await h.db.survey.create({
    data: {
      key: `${caseId}:survey`,
      token,
      caseId,
      workflowId: `retention-case/${customerId}`,
      channel: 'sms',
      answeredAt: new Date(),
      score: 9,
    },
  });
  // Signals are for a customer without a case: a balance recovery is then stored without opening one (a signal
  // joining an open case would wait for a worker, and this run has none).
  await h.db.customer.create({
    data: {
      id: 'fuzz-customer-2',
      name: 'Fuzz Signals',
      tier: 'mass',
      timeZone: 'Europe/Madrid',
      preferredChannels: ['sms'],
    },
  });
  await h.db.customer.create({
    data: {
      id: 'fuzz-customer-3',
      name: 'Fuzz Opened By Hand',
      tier: 'mass',
      timeZone: 'Europe/Madrid',
      phone: '+34600000003',
      preferredChannels: ['sms'],
      consentSms: true,
    },
  });
  const key = await h.db.apiKey.findFirstOrThrow({ where: { role: 'agent' } });
  return {
    customerId,
    caseId,
    token,
    teamId: 'contact-centre',
    agentId: 'agent-cc-1',
    playbookId: 'demo',
    keyId: key.id,
    offerId: 'fee-waiver-12m',
    // A churn reason of the seeded catalogue (the path of PUT /v1/churn-reasons/{code}).
    code: 'moved_away',
  };
}

test(
  `fuzzing every operation of /v1/openapi.json with ${REQUESTS} requests: no 5xx, JSON refusals, refusals change nothing`,
  async () => {
    const named = await existingThings();
    const document = (await h.call('GET', '/v1/openapi.json')).body as OpenApiDocument;
    // A case opened by hand (POST /v1/cases, the customer page) stays open without a worker, and erasing its
    // customer would wait for it to close (503 erasure_pending): cases are opened for a customer of their own.
    const openedByHand = { customerId: 'fuzz-customer-3' };
    const namedUnder = {
      '/v1/signals': { customerId: 'fuzz-customer-2', type: 'balance_recovery' },
      '/v1/cases': openedByHand,
      '/v1/customers/{customerId}/cases': openedByHand,
    };
    const started = Date.now();
    const progress = (done: number) =>
      process.stderr.write(`fuzz: ${done}/${REQUESTS} requests, ${Math.round((Date.now() - started) / 1000)} s\n`);
    const report = await fuzzApi(
      { baseUrl: h.baseUrl, document, keys: h.keys, named, namedUnder, snapshot: database.snapshot },
      REQUESTS,
      SEED,
      REQUESTS > 2_000 ? progress : undefined,
    );

    const classes: Record<string, number> = {};
    for (const [status, n] of Object.entries(report.byStatus))
      classes[`${status[0]}xx`] = (classes[`${status[0]}xx`] ?? 0) + n;
    console.log(
      `fuzz seed ${report.seed}: ${report.requests} requests over ${report.operations} operations; ${JSON.stringify(classes)}; statuses ${JSON.stringify(report.byStatus)}; kinds ${JSON.stringify(report.byKind)}; failures ${report.failures.length}`,
    );
    expect(report.failures.slice(0, 20)).toEqual([]);
    expect(report.requests).toBe(REQUESTS);
    // The run reached the code behind validation, not only the parsers: some requests were accepted.
    expect(classes['2xx'] ?? 0).toBeGreaterThan(0);
    expect(classes['4xx'] ?? 0).toBeGreaterThan(REQUESTS / 2);
    // About 30 ms a request here, with the database digest around each refusal.
  },
  120_000 + REQUESTS * 150,
);
