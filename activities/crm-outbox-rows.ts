// Rows of the CRM outbox, written by the worker's transitions and by the API's erasure. Each carries the
// idempotency key the CRM deduplicates on: case id + event sequence for timeline events, case id +
// "fulfilment" for the back-office task of an accepted offer.
import type { CrmCaseEvent, CustomerErasure, FulfilmentTask } from './clients/crm';
import type { CaseEventRecord } from './case-store';

export type CrmOutboxKind = 'case_event' | 'fulfilment_task' | 'customer_erased';

export function caseEventOutboxRow(event: CaseEventRecord, customerId: string, stage: string, taskQueue: string) {
  const payload: CrmCaseEvent = { ...event, customerId, stage };
  return {
    taskQueue,
    caseId: event.caseId,
    kind: 'case_event' satisfies CrmOutboxKind,
    idempotencyKey: `${event.caseId}:${event.seq}`,
    payload: payload as object,
  };
}

export function fulfilmentOutboxRow(task: FulfilmentTask, taskQueue: string) {
  return {
    taskQueue,
    caseId: task.caseId,
    kind: 'fulfilment_task' satisfies CrmOutboxKind,
    idempotencyKey: `${task.caseId}:fulfilment`,
    payload: task as object,
  };
}

// An erasure is about a customer, not one case: it is ordered on a lane of its own, `customer:<id>`, and keyed
// by the erasure's time so a customer sent anew and erased again is told again.
export function customerErasureOutboxRow(erasure: CustomerErasure, taskQueue: string) {
  return {
    taskQueue,
    caseId: `customer:${erasure.customerId}`,
    kind: 'customer_erased' satisfies CrmOutboxKind,
    idempotencyKey: `${erasure.customerId}:erased:${erasure.erasedAt}`,
    payload: erasure as object,
  };
}
