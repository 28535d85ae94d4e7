// The CRM's case-event endpoint over HTTP. Each push carries an Idempotency-Key, so the CRM keeps one copy.
import { httpPoster } from './http-post';
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

// Holdfast erased a customer's personal data on request: the CRM erases its copy of what Holdfast sent it
// (case events with notes, replies) the same way. Ids only.
export interface CustomerErasure {
  customerId: string;
  erasedAt: string;
  caseIds: string[];
}

export interface CrmClient {
  pushCaseEvent(event: CrmCaseEvent, idempotencyKey: string): Promise<void>;
  createFulfilmentTask(task: FulfilmentTask, idempotencyKey: string): Promise<void>;
  pushCustomerErasure(erasure: CustomerErasure, idempotencyKey: string): Promise<void>;
}

export function createHttpCrm(baseUrl: string): CrmClient {
  const root = new URL(baseUrl.replace(/\/?$/, '/'));
  const send = httpPoster(5_000);
  async function post(path: string, body: unknown, idempotencyKey: string): Promise<void> {
    const { status } = await send(new URL(path.replace(/^\//, ''), root), JSON.stringify(body), {
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
    });
    // 409: the CRM already has it.
    if ((status < 200 || status > 299) && status !== 409)
      throw new Error(`CRM answered ${status} to ${path} (${idempotencyKey})`);
  }
  return {
    pushCaseEvent: (event, key) => post(`/v1/retention-cases/${encodeURIComponent(event.caseId)}/events`, event, key),
    createFulfilmentTask: (task, key) => post('/v1/fulfilment-tasks', task, key),
    pushCustomerErasure: (erasure, key) =>
      post(`/v1/customers/${encodeURIComponent(erasure.customerId)}/erasure`, erasure, key),
  };
}
