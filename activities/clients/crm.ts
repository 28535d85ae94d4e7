// The CRM's case-event endpoint over HTTP. Each push carries an Idempotency-Key, so the CRM keeps one copy.
export interface CrmCaseEvent {
  caseId: string;
  customerId: string;
  seq: number;
  at: string;
  type: string;
  actor: string;
  stage: string;
  data: Record<string, unknown>;
}

export interface FulfilmentTask {
  caseId: string;
  customerId: string;
  offerId: string;
  offerName: string;
  cost: number;
}

export interface CrmClient {
  pushCaseEvent(event: CrmCaseEvent, idempotencyKey: string): Promise<void>;
  createFulfilmentTask(task: FulfilmentTask, idempotencyKey: string): Promise<void>;
}

export function createHttpCrm(baseUrl: string): CrmClient {
  const root = baseUrl.replace(/\/$/, '');
  async function post(path: string, body: unknown, idempotencyKey: string): Promise<void> {
    const response = await fetch(`${root}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    // 409: the CRM already has it.
    if (!response.ok && response.status !== 409) throw new Error(`CRM answered ${response.status} to ${path} (${idempotencyKey})`);
  }
  return {
    pushCaseEvent: (event, key) => post(`/v1/retention-cases/${encodeURIComponent(event.caseId)}/events`, event, key),
    createFulfilmentTask: (task, key) => post('/v1/fulfilment-tasks', task, key),
  };
}
