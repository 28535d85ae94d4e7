// A message's send checks the contact policy itself, on PostgreSQL and the local Twilio sink: a send the policy
// holds claims and sends nothing, and a retry of a send that already went out is not held by its own contact (it
// counts against the cap once the provider took it).
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActivities } from '../../activities';
import { createSmtpEmail } from '../../activities/clients/email';
import { createTwilioSms } from '../../activities/clients/sms';
import { createDb, type Db } from '../../config/database';
import { createLogger } from '../../config/logger';
import { createSql, type Sql } from '../../config/sql';
import { startLocalSinks, type LocalSinks } from '../../dev/sinks';
import type { ContactPolicy } from '../../domain/contact-policy';
import { uniqueId } from '../support/harness';

let db: Db;
let sql: Sql;
let sinks: LocalSinks;
let activities: ReturnType<typeof createActivities>;
beforeAll(async () => {
  db = createDb(process.env.HOLDFAST_TEST_DATABASE_URL!);
  sql = createSql(process.env.HOLDFAST_TEST_DATABASE_URL!);
  sinks = await startLocalSinks();
  const {
    TWILIO_ACCOUNT_SID: accountSid,
    TWILIO_AUTH_TOKEN: authToken,
    TWILIO_FROM: from,
    TWILIO_API_BASE_URL: apiBaseUrl,
    SMTP_URL,
  } = sinks.env;
  activities = createActivities({
    db,
    sql,
    logger: createLogger('error'),
    publicBaseUrl: 'http://localhost',
    sms: createTwilioSms({ accountSid, authToken, from, apiBaseUrl }),
    email: createSmtpEmail(SMTP_URL, 'bank@example.test'),
  });
});
afterAll(async () => {
  await sinks?.close();
  await sql?.end();
  await db?.$disconnect();
});

// One contact an hour, never quiet.
const ONE_AN_HOUR: ContactPolicy = {
  quietHours: { start: '00:00', end: '00:00' },
  frequencyCap: { maxContacts: 1, window: '1h' },
};

async function customer(consentSms: boolean) {
  const id = uniqueId('cust');
  const phone = `+1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  const caseId = uniqueId('case');
  await db.customer.create({
    data: { id, name: 'Policy Test', tier: 'mass', timeZone: 'UTC', phone, preferredChannels: ['sms'], consentSms },
  });
  await db.case.create({
    data: {
      id: caseId,
      workflowId: `retention-case/${id}`,
      customerId: id,
      reason: 'test',
      stage: 'assigned',
      status: 'open',
      playbookId: 'demo',
      playbookVersion: 1,
      openedAt: new Date(),
    },
  });
  return { id, phone, caseId };
}

const send = (c: { id: string; caseId: string }, key: string) =>
  new MockActivityEnvironment().run(activities.sendCaseMessage, {
    key,
    caseId: c.caseId,
    customerId: c.id,
    channel: 'sms' as const,
    purpose: 'contact' as const,
    policy: ONE_AN_HOUR,
  });
const smsTo = (phone: string) => sinks.outbox.list({ kind: 'sms' }).filter((i) => i.to === phone);

test('a send without consent is held: nothing is claimed and nothing goes out', async () => {
  const c = await customer(false);
  expect(await send(c, `${c.caseId}:contact:1:sms`)).toEqual({
    status: 'held',
    hold: { action: 'skip', reason: 'no_consent' },
  });
  expect(await db.contactAttempt.count({ where: { caseId: c.caseId } })).toBe(0);
  expect(smsTo(c.phone)).toEqual([]);
});

test('a retried send that already went out is not held by its own contact; the next attempt is', async () => {
  const c = await customer(true);
  const key = `${c.caseId}:contact:1:sms`;
  const first = await send(c, key);
  expect(first).toMatchObject({ status: 'sent' });
  // The same attempt again (a retry after a crash before its completion was recorded): the message is out.
  expect(await send(c, key)).toEqual(first);
  expect(smsTo(c.phone)).toHaveLength(1);
  // A new attempt within the hour is over the cap.
  const next = await send(c, `${c.caseId}:contact:2:sms`);
  expect(next).toMatchObject({ status: 'held', hold: { action: 'defer', reason: 'frequency_cap' } });
  expect(smsTo(c.phone)).toHaveLength(1);
});
