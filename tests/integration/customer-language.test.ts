// A customer's language on the real stack: a zh-CN customer's contact SMS is the Chinese text addressed by
// their salutation, counted in UCS-2 parts on the timeline; a 退订 reply withdraws SMS consent with the words
// received, and the next contact goes to email instead; their survey page is in Chinese; a bank's own template
// in the customer's locale is used with its version.
import {
  createCustomer,
  createTestPlaybook,
  outflowSignal,
  postInboundSms,
  timeline,
  waitForClosed,
} from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';
import { recordHistory } from '../support/histories';

let h: Harness;
// The bank's own Chinese contact SMS, provisioned before any case sends (a worker reads templates every 30 s).
const BANK_SMS = '{{salutation}}，您好！本行想了解您的近况，客户经理会尽快与您联系。回复TD退订';
beforeAll(async () => {
  h = await startHarness();
  const put = await h.call('PUT', '/v1/templates/contact', {
    key: h.keys.admin,
    body: { locale: 'zh-CN', channel: 'sms', text: BANK_SMS },
  });
  expect(put.status).toBe(200);
});
afterAll(async () => {
  await h?.stop();
});

const NEVER_QUIET = { start: '00:00', end: '00:00' };
const smsTo = (phone: string) => h.sinks.outbox.list({ kind: 'sms' }).filter((i) => i.to === phone);

async function chineseCustomer(preferredChannels: ('sms' | 'email')[]) {
  const customer = await createCustomer(h, { preferredChannels });
  const put = await h.call('PUT', `/v1/customers/${customer.id}`, {
    key: h.keys.system,
    body: {
      name: '王小明',
      salutation: '王先生',
      locale: 'zh-cn',
      tier: 'mass',
      assetsUnderManagement: 20_000,
      timeZone: 'Asia/Shanghai',
      phone: customer.phone,
      email: customer.email,
      preferredChannels,
      consent: { sms: true, email: true, phone: true },
    },
  });
  expect(put.status).toBe(200);
  return customer;
}

test('a zh-CN customer gets a Chinese SMS counted as UCS-2; 退订 stops the next SMS and contact moves to email', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.contact.outcomeTimeout = '3s';
    d.contact.policy.quietHours = NEVER_QUIET;
  });
  const customer = await chineseCustomer(['sms', 'email']);
  const { caseId } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: { ...outflowSignal(customer.id), playbookId } })
  ).body;
  const first = await h.sinks.outbox.waitFor((i) => i.kind === 'sms' && i.to === customer.phone);
  expect(first.body).toBe('王先生，您好！本行想了解您的近况，客户经理会尽快与您联系。回复TD退订');

  const optOut = await postInboundSms(h, customer.phone, '退订');
  expect(optOut.status).toBe(200);
  expect((await h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).consentSms).toBe(false);
  const ledger = await h.db.consentEvent.findFirstOrThrow({
    where: { customerId: customer.id, source: 'sms_keyword' },
    orderBy: { at: 'desc' },
  });
  expect(ledger).toMatchObject({ channel: 'sms', granted: false, note: '退订' });

  await waitForClosed(h, caseId, 60_000);
  expect(smsTo(customer.phone)).toHaveLength(1);
  const sent = (await timeline(h, caseId)).filter((e) => e.type === 'contact_sent');
  expect(sent.map((e) => e.data.channel)).toEqual(['sms', 'email', 'email']);
  // The bank's SMS as changed above (the demo bank's version 1 was the built-in text) in one UCS-2 part; the
  // email the demo bank's Chinese text as seeded, version 1.
  expect(sent[0]!.data.message).toEqual({
    template: 'contact',
    locale: 'zh-CN',
    version: 2,
    encoding: 'UCS-2',
    parts: 1,
  });
  expect(sent[1]!.data.message).toEqual({ template: 'contact', locale: 'zh-CN', version: 1 });
  const email = h.sinks.outbox.list({ kind: 'email' }).find((i) => i.to === customer.email)!;
  expect(email.subject).toBe('关于您在我行的账户');
  expect(email.body).toContain('王先生您好');
  await recordHistory(h, caseId, 'zh-cn-sms-opt-out-email-fallback');
}, 90_000);

test('the survey page opens in the customer\'s language, with lang="zh-CN"', async () => {
  const customer = await chineseCustomer(['sms']);
  const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customer.id) }))
    .body;
  await h.sinks.outbox.waitFor((i) => i.kind === 'sms' && i.to === customer.phone);
  const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
  const survey = await h.db.survey.create({
    data: {
      key: `${caseId}:page`,
      token: `survey${caseId.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 60),
      caseId,
      workflowId: row.workflowId,
      channel: 'sms',
    },
  });
  const html = await (await fetch(`${h.baseUrl}/s/${survey.token}`)).text();
  expect(html).toContain('<html lang="zh-CN">');
  expect(html).toContain('请评价我们的服务');
  expect(html).not.toContain('How did we do?');
}, 90_000);
