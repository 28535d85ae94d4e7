// The catalog activity against PostgreSQL: offers held now (awaiting approval, presented, accepted) count
// against an offer's volume cap; declined and expired ones give the place back.
import { createActivities } from '../../activities';
import { createLogger } from '../../config/logger';
import { createDb, type Db } from '../../config/database';
import { createSql, type Sql } from '../../config/sql';
import { MockActivityEnvironment } from '@temporalio/testing';
import { uniqueId } from '../support/harness';

let db: Db;
let sql: Sql;
beforeAll(() => {
  db = createDb(process.env.HOLDFAST_TEST_DATABASE_URL!);
  sql = createSql(process.env.HOLDFAST_TEST_DATABASE_URL!);
});
afterAll(async () => {
  await db.$disconnect();
  await sql.end();
});

test('remaining volume is the cap minus offers currently held', async () => {
  const customerId = uniqueId('cust');
  await db.customer.create({
    data: { id: customerId, name: 'Cap Test', tier: 'mass', timeZone: 'UTC', preferredChannels: ['sms'] },
  });
  const caseId = uniqueId('case');
  await db.case.create({
    data: {
      id: caseId,
      workflowId: `retention-case/${customerId}`,
      customerId,
      reason: 'test',
      stage: 'closed',
      status: 'closed',
      playbookId: 'demo',
      playbookVersion: 1,
      openedAt: new Date(),
    },
  });
  // Eligible for no tier, so no other test's case can be offered it.
  const offerId = uniqueId('capped-offer');
  await db.offer.create({
    data: {
      id: offerId,
      name: 'Capped',
      kind: 'points',
      description: 'test',
      drivers: [],
      tiers: [],
      cost: 1,
      volumeCap: 3,
    },
  });
  const statuses = ['accepted', 'presented', 'declined', 'expired'];
  await db.caseOffer.createMany({
    data: statuses.map((status, i) => ({
      key: `${caseId}:offer:${i}`,
      caseId,
      offerId,
      cost: 1,
      status,
      expiresAt: new Date(),
    })),
  });

  const activities = createActivities({
    db,
    sql,
    logger: createLogger('error'),
    publicBaseUrl: 'http://localhost',
    sms: undefined!,
    email: undefined!,
  });
  const catalog = await activities.listOfferCatalog();
  expect(catalog.find((o) => o.id === offerId)?.remaining).toBe(1);
  expect(catalog.find((o) => o.id === 'rate-bonus-25bp')?.remaining).toBeUndefined();
});

async function cappedOfferWithCases(cap: number, cases: number) {
  const customerId = uniqueId('cust');
  await db.customer.create({
    data: { id: customerId, name: 'Cap Test', tier: 'mass', timeZone: 'UTC', preferredChannels: ['sms'] },
  });
  const caseIds = Array.from({ length: cases }, () => uniqueId('case'));
  for (const id of caseIds)
    await db.case.create({
      data: {
        id,
        workflowId: `retention-case/${customerId}`,
        customerId,
        reason: 'test',
        stage: 'offering',
        status: 'open',
        playbookId: 'demo',
        playbookVersion: 1,
        openedAt: new Date(),
      },
    });
  const offerId = uniqueId('capped-offer');
  await db.offer.create({
    data: {
      id: offerId,
      name: 'Capped',
      kind: 'points',
      description: 'test',
      drivers: [],
      tiers: [],
      cost: 1,
      volumeCap: cap,
    },
  });
  return { customerId, caseIds, offerId };
}

test('cases claiming the last slots of a capped offer at once never take more than the cap', async () => {
  const { caseIds, offerId } = await cappedOfferWithCases(2, 8);
  const activities = createActivities({
    db,
    sql,
    logger: createLogger('error'),
    publicBaseUrl: 'http://localhost',
    sms: undefined!,
    email: undefined!,
  });
  const claims = await Promise.all(
    caseIds.map((caseId) =>
      activities.claimOfferSlot({
        key: `${caseId}:offer:0`,
        caseId,
        offerId,
        cost: 1,
        status: 'presented',
        expiresAt: new Date().toISOString(),
      }),
    ),
  );
  expect(claims.filter((c) => c.claimed)).toHaveLength(2);
  expect(await db.caseOffer.count({ where: { offerId } })).toBe(2);
});

test('a case that closes without accepting gives its offer slot back', async () => {
  const { customerId, caseIds, offerId } = await cappedOfferWithCases(1, 2);
  const [first, second] = caseIds as [string, string];
  const activities = createActivities({
    db,
    sql,
    logger: createLogger('error'),
    publicBaseUrl: 'http://localhost',
    sms: undefined!,
    email: undefined!,
  });
  const claim = (caseId: string) =>
    activities.claimOfferSlot({
      key: `${caseId}:offer:0`,
      caseId,
      offerId,
      cost: 1,
      status: 'presented',
      expiresAt: new Date().toISOString(),
    });
  expect(await claim(first)).toEqual({ claimed: true });
  expect(await claim(second)).toEqual({ claimed: false });

  const at = new Date().toISOString();
  const projection = {
    caseId: first,
    workflowId: `retention-case/${customerId}`,
    customerId,
    reason: 'test',
    stage: 'closed' as const,
    status: 'closed' as const,
    outcome: 'declined' as const,
    riskScore: 0,
    riskExplanation: [],
    priority: 0,
    openedAt: at,
    closedAt: at,
  };
  await new MockActivityEnvironment({ taskQueue: 'offer-catalog-test' }).run(activities.recordCaseEvents, {
    events: [{ caseId: first, seq: 1, at, type: 'case_closed', actor: 'holdfast', data: {} }],
    projection,
  });
  expect((await db.caseOffer.findUniqueOrThrow({ where: { key: `${first}:offer:0` } })).status).toBe('withdrawn');
  expect(await claim(second)).toEqual({ claimed: true });
});
