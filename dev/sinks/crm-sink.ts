// A CRM's case-event endpoint: keeps each event once per Idempotency-Key, as a real CRM integration would.
import { listen, readBody, sendJson, type RunningSink } from './http';
import type { Outbox } from './outbox';

export async function startCrmSink(outbox: Outbox, port = 0): Promise<RunningSink> {
  const seen = new Set<string>();
  return listen(async (req, res) => {
    const match = /^\/v1\/retention-cases\/([^/]+)\/events$/.exec(req.url ?? '');
    const fulfilment = req.url === '/v1/fulfilment-tasks';
    if (req.method !== 'POST' || (!match && !fulfilment)) return sendJson(res, 404, { message: 'not found' });
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !key) return sendJson(res, 400, { message: 'Idempotency-Key header is required' });
    const event = JSON.parse(await readBody(req)) as Record<string, unknown>;
    if (seen.has(key)) return sendJson(res, 200, { duplicate: true });
    seen.add(key);
    if (match) outbox.add({ kind: 'crm', to: decodeURIComponent(match[1]!), body: `${String(event.type)} (${String(event.stage)})`, data: { idempotencyKey: key, ...event } });
    else outbox.add({ kind: 'crm', to: String(event.caseId), body: `fulfilment task: ${String(event.offerName)}`, data: { idempotencyKey: key, task: 'fulfilment', ...event } });
    sendJson(res, 201, { duplicate: false });
  }, port);
}
