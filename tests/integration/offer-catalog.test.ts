// The catalog activity against PostgreSQL: offers held now (awaiting approval, presented, accepted) count
// against an offer's volume cap; declined and expired ones give the place back.
import { createActivities } from '../../activities';
import { createLogger } from '../../config/logger';
import { createDb, type Db } from '../../config/database';
import { uniqueId } from '../support/harness';

let db: Db;
beforeAll(() => {
  db = createDb(process.env.HOLDFAST_TEST_DATABASE_URL!);
});
afterAll(async () => {
  await db.$disconnect();
});

test('remaining volume is the cap minus offers currently held', async () => {
  const customerId = uniqueId('cust');
  await db.customer.create({ data: { id: customerId, name: 'Cap Test', tier: 'mass', timeZone: 'UTC', preferredChannels: ['sms'] } });
  const caseId = uniqueId('case');
  await db.case.create({ data: { id: caseId, workflowId: `retention-case/${customerId}`, customerId, reason: 'test', stage: 'closed', status: 'closed', playbookId: 'demo', playbookVersion: 1, openedAt: new Date() } });
  // Eligible for no tier, so no other test's case can be offered it.
  const offerId = uniqueId('capped-offer');
  await db.offer.create({ data: { id: offerId, name: 'Capped', kind: 'points', description: 'test', drivers: [], tiers: [], cost: 1, volumeCap: 3 } });
  const statuses = ['accepted', 'presented', 'declined', 'expired'];
  await db.caseOffer.createMany({ data: statuses.map((status, i) => ({ key: `${caseId}:offer:${i}`, caseId, offerId, cost: 1, status, expiresAt: new Date() })) });

  const activities = createActivities({ db, logger: createLogger('error'), publicBaseUrl: 'http://localhost', sms: undefined!, email: undefined! });
  const catalog = await activities.listOfferCatalog();
  expect(catalog.find((o) => o.id === offerId)?.remaining).toBe(1);
  expect(catalog.find((o) => o.id === 'rate-bonus-25bp')?.remaining).toBeUndefined();
});
