// A CRM's case-event endpoint: keeps each event once per Idempotency-Key, as a real CRM integration would.
// `down` makes it refuse every request (connection reset), to show a CRM outage delays nothing but the CRM.
import { listen, readBody, sendJson, type RunningSink } from './http';
import type { Outbox } from './outbox';

export interface CrmSink extends RunningSink {
  down: boolean;
  // Every delivery attempt that reached the CRM, duplicates included (key, in arrival order).
  received: string[];
}

export async function startCrmSink(outbox: Outbox, port = 0): Promise<CrmSink> {
  const seen = new Set<string>();
  const state = { down: false, received: [] as string[] };
  const sink = await listen(async (req, res) => {
    if (state.down) {
      req.socket.destroy();
      return;
    }
    const match = /^\/v1\/retention-cases\/([^/]+)\/events$/.exec(req.url ?? '');
    const fulfilment = req.url === '/v1/fulfilment-tasks';
    const erasure = /^\/v1\/customers\/([^/]+)\/erasure$/.exec(req.url ?? '');
    if (req.method !== 'POST' || (!match && !fulfilment && !erasure))
      return sendJson(res, 404, { message: 'not found' });
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !key) return sendJson(res, 400, { message: 'Idempotency-Key header is required' });
    const event = JSON.parse(await readBody(req)) as Record<string, unknown>;
    state.received.push(key);
    if (seen.has(key)) return sendJson(res, 200, { duplicate: true });
    seen.add(key);
    if (erasure)
      outbox.add({
        kind: 'crm',
        to: decodeURIComponent(erasure[1]!),
        body: 'customer erased',
        data: { idempotencyKey: key, task: 'erasure', ...event },
      });
    else if (match)
      outbox.add({
        kind: 'crm',
        to: decodeURIComponent(match[1]!),
        body: `${String(event.type)} (${String(event.stage)})`,
        data: { idempotencyKey: key, ...event },
      });
    else
      outbox.add({
        kind: 'crm',
        to: String(event.caseId),
        body: `fulfilment task: ${String(event.offerName)}`,
        data: { idempotencyKey: key, task: 'fulfilment', ...event },
      });
    sendJson(res, 201, { duplicate: false });
  }, port);
  return Object.assign(state, sink) as CrmSink;
}
