// Customers and signals for tests, each with a unique id so tests never share a case.
import twilio from 'twilio';
import { PLAYBOOKS } from '../../dev/seed';
import type { Harness } from './harness';
import { eventually, uniqueId } from './harness';

export interface CustomerOverrides {
  tier?: 'premier' | 'affluent' | 'mass';
  assetsUnderManagement?: number;
  preferredChannels?: ('sms' | 'email' | 'phone')[];
  consent?: { sms: boolean; email: boolean; phone: boolean };
}

export async function createCustomer(
  h: Harness,
  overrides: CustomerOverrides = {},
): Promise<{ id: string; phone: string; email: string }> {
  const id = uniqueId('cust');
  const phone = `+3460${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  const email = `${id}@example.com`;
  const res = await h.call('PUT', `/v1/customers/${id}`, {
    key: h.keys.system,
    body: {
      name: 'Test Customer',
      tier: overrides.tier ?? 'mass',
      assetsUnderManagement: overrides.assetsUnderManagement ?? 20_000,
      timeZone: 'Europe/Madrid',
      phone,
      email,
      preferredChannels: overrides.preferredChannels ?? ['sms'],
      consent: overrides.consent ?? { sms: true, email: true, phone: true },
    },
  });
  if (res.status !== 201) throw new Error(`customer not created: ${res.status} ${JSON.stringify(res.body)}`);
  return { id, phone, email };
}

// The demo playbook has no quiet hours, so tests do not depend on the time of day they run at.
export function outflowSignal(customerId: string, extra: Record<string, unknown> = {}) {
  return {
    idempotencyKey: uniqueId('sig'),
    customerId,
    type: 'large_outflow',
    severity: 0.9,
    occurredAt: new Date().toISOString(),
    playbookId: 'demo',
    ...extra,
  };
}

// A reason of the seeded churn reason catalogue (dev/seed.ts), for the steps that lose a customer.
export const MOVED_AWAY = { code: 'moved_away', note: 'moving abroad for work' };

export async function caseStage(h: Harness, caseId: string, key = h.keys.supervisor) {
  const res = await h.call('GET', `/v1/cases/${caseId}`, { key });
  return res.status === 200 ? (res.body as { stage: string; status: string; outcome?: string }) : undefined;
}

export async function waitForStage(h: Harness, caseId: string, stage: string, timeoutMs = 60_000) {
  return eventually(
    async () => {
      const c = await caseStage(h, caseId);
      return c?.stage === stage ? c : undefined;
    },
    `case ${caseId} to reach stage ${stage}`,
    timeoutMs,
  );
}

// A playbook for one test: the demo playbook with the given changes, posted through the API as a new version.
export async function createTestPlaybook(
  h: Harness,
  change: (definition: Record<string, any>) => void,
): Promise<string> {
  const definition = structuredClone(PLAYBOOKS.demo) as Record<string, any>;
  change(definition);
  const playbookId = uniqueId('test-playbook').toLowerCase();
  const res = await h.call('POST', `/v1/playbooks/${playbookId}/versions`, { key: h.keys.admin, body: definition });
  if (res.status !== 201) throw new Error(`playbook not created: ${res.status} ${JSON.stringify(res.body)}`);
  return playbookId;
}

// A playbook with two versions of the demo and no holdout, so that every customer can take part in an experiment
// between them; `second` changes version 2.
export async function createTwoVersionPlaybook(
  h: Harness,
  second: (definition: Record<string, any>) => void = () => undefined,
): Promise<string> {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.holdout = { percent: 0 };
  });
  const v2 = structuredClone(PLAYBOOKS.demo) as Record<string, any>;
  v2.holdout = { percent: 0 };
  second(v2);
  const res = await h.call('POST', `/v1/playbooks/${playbookId}/versions`, { key: h.keys.admin, body: v2 });
  if (res.status !== 201) throw new Error(`version 2 not created: ${res.status} ${JSON.stringify(res.body)}`);
  return playbookId;
}

export async function timeline(
  h: Harness,
  caseId: string,
): Promise<{ type: string; actor: string; at: string; data: Record<string, any> }[]> {
  const res = await h.call('GET', `/v1/cases/${caseId}/timeline`, { key: h.keys.supervisor });
  // The case row appears with its first event; until then there is no timeline.
  return res.status === 404 ? [] : res.body.events;
}

export async function waitForEvent(h: Harness, caseId: string, type: string, timeoutMs = 60_000) {
  return eventually(
    async () => (await timeline(h, caseId)).find((e) => e.type === type),
    `event ${type} on case ${caseId}`,
    timeoutMs,
  );
}

export async function waitForClosed(h: Harness, caseId: string, timeoutMs = 60_000) {
  try {
    return await eventually(
      async () => {
        const c = await caseStage(h, caseId);
        return c?.status === 'closed' ? c : undefined;
      },
      `case ${caseId} closed`,
      timeoutMs,
    );
  } catch (e) {
    // Say where the case got stuck.
    const events = (await timeline(h, caseId)).map((ev) => `${ev.type} ${JSON.stringify(ev.data)}`);
    throw new Error(`${(e as Error).message}; timeline:\n${events.join('\n')}`);
  }
}

export const surveyTokenIn = (text: string) => /\/s\/([A-Za-z0-9_-]+)/.exec(text)?.[1];

// The happy path up to the survey: the agent reaches the customer, the offer is accepted, the survey SMS
// goes out. Returns the survey message (its id orders later outbox items) and token.
export async function acceptOfferAndAwaitSurvey(h: Harness, caseId: string, phone: string) {
  await waitForStage(h, caseId, 'contacting');
  await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
    key: h.keys.agent,
    body: { channel: 'phone', outcome: 'reached' },
  });
  await waitForStage(h, caseId, 'awaiting_decision');
  await h.call('POST', `/v1/cases/${caseId}/offer-decision`, { key: h.keys.agent, body: { decision: 'accepted' } });
  const message = await h.sinks.outbox.waitFor((i) => i.kind === 'sms' && i.to === phone && i.body.includes('/s/'));
  await waitForStage(h, caseId, 'surveyed');
  return { message, token: surveyTokenIn(message.body)! };
}

// An inbound SMS as Twilio posts it to the webhook, signed with the stack's auth token (or `signWith`).
export async function postInboundSms(
  h: Harness,
  from: string,
  body: string,
  signWith = h.env.TWILIO_AUTH_TOKEN!,
): Promise<{ status: number; text: string }> {
  const params = {
    From: from,
    To: h.env.TWILIO_FROM!,
    Body: body,
    MessageSid: `SM${uniqueId('inbound').replace(/\W/g, '').padEnd(32, '0').slice(0, 32)}`,
  };
  const url = `${h.baseUrl}/v1/webhooks/twilio/sms`;
  const signature = twilio.getExpectedTwilioSignature(signWith, url, params);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params),
  });
  return { status: res.status, text: await res.text() };
}
