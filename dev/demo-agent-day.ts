// The demo agent's day at first start: a few contact-centre customers who want a call, and a signal for each,
// posted to the running API as a bank's systems would post them, so real cases (workflows on the `standard`
// playbook, with its days-long waits) reach the agent's My day; on one of them the agent has already spoken to
// the customer and promised a callback. The customers live where it is daytime now, so the playbook's quiet
// hours do not hold their calls back whenever the stack is started. Each signal's key is fixed, so a second
// start opens nothing twice.
import { z } from 'zod';
import { DEMO_AGENT } from './dev-keys';

export interface AgentDayApi {
  url: string;
  systemKey: string;
  agentKey: string;
}

const myDaySchema = z.object({ waiting: z.array(z.object({ caseId: z.string(), task: z.string() })) });

async function call(api: AgentDayApi, key: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

const ZONES = [
  'Pacific/Auckland',
  'Asia/Tokyo',
  'Asia/Singapore',
  'Asia/Dubai',
  'Europe/Madrid',
  'Europe/London',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Pacific/Honolulu',
];
const NAMES = ['Mia Johansson', 'Omar Farouk', 'Lena Vogel', 'Raj Patel', 'Sofia Rossi', 'Tariq Aziz'];
// The demo agent's share of the six: the contact centre has two agents.
const SHARE = NAMES.length / 2;

// The zones where it is between 10:00 and 16:00 now (some always are: they span the day).
function daytimeZones(now: Date): string[] {
  const hourIn = (timeZone: string) =>
    Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(now));
  const zones = ZONES.filter((z) => hourIn(z) >= 10 && hourIn(z) < 16);
  return zones.length ? zones : ZONES;
}

async function putCustomers(api: AgentDayApi, now: Date): Promise<string[]> {
  const zones = daytimeZones(now);
  const ids: string[] = [];
  for (const [i, name] of NAMES.entries()) {
    const id = `cust-today-${i + 1}`;
    await call(api, api.systemKey, 'PUT', `/v1/customers/${id}`, {
      name,
      tier: 'mass',
      segment: 'retail',
      assetsUnderManagement: 8_000 + 2_500 * i,
      timeZone: zones[i % zones.length],
      phone: `+4477009900${String(i).padStart(2, '0')}`,
      email: `${name.toLowerCase().replace(' ', '.')}@example.com`,
      preferredChannels: ['phone', 'sms'],
      consent: { sms: true, email: true, phone: true },
    });
    ids.push(id);
  }
  return ids;
}

async function postSignals(api: AgentDayApi, customerIds: readonly string[], now: Date): Promise<void> {
  const types = ['large_outflow', 'competitor_offer', 'balance_drop', 'complaint'] as const;
  for (const [i, customerId] of customerIds.entries())
    await call(api, api.systemKey, 'POST', '/v1/signals', {
      idempotencyKey: `demo-today-${customerId}`,
      customerId,
      type: types[i % types.length],
      severity: 0.8 + (i % 3) * 0.05,
      occurredAt: new Date(now.getTime() - (i + 1) * 3_600_000).toISOString(),
      playbookId: 'standard',
    });
}

// Waits (up to `waitMs`) until the agent has cases waiting on a contact outcome, and records a callback on one.
// Not before the agent has their share of the cases: a recorded contact counts against the agent's daily quota,
// and assignment prefers the colleague with more quota left, so a callback recorded at once would send the
// cases still being assigned to the colleague.
async function promiseCallback(api: AgentDayApi, now: Date, waitMs: number): Promise<string | undefined> {
  const started = Date.now();
  for (const until = started + waitMs; Date.now() < until; await new Promise((r) => setTimeout(r, 1000))) {
    const day = myDaySchema.parse(await call(api, api.agentKey, 'GET', '/v1/me/today'));
    const waiting = day.waiting[0];
    const enough = day.waiting.length >= SHARE || Date.now() - started > waitMs / 2;
    if (!waiting || !enough) continue;
    const recorded = await call(api, api.agentKey, 'POST', `/v1/cases/${waiting.caseId}/contact-outcome`, {
      channel: 'phone',
      outcome: 'callback_requested',
      callbackAt: new Date(now.getTime() + 2 * 3_600_000).toISOString(),
      note: 'at work now; call back after six',
    }).then(
      () => true,
      // Not awaiting an outcome yet (409): the case is still being contacted; try again shortly.
      (e: Error) => (e.message.includes('answered 409') ? false : Promise.reject(e)),
    );
    if (recorded) return waiting.caseId;
  }
  return undefined;
}

export async function giveDemoAgentWork(api: AgentDayApi, now = new Date()) {
  const customerIds = await putCustomers(api, now);
  await postSignals(api, customerIds, now);
  const callback = await promiseCallback(api, now, 30_000);
  return { agent: DEMO_AGENT.name, signals: customerIds.length, callback };
}
