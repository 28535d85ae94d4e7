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

export interface CrmClient {
  pushCaseEvent(event: CrmCaseEvent, idempotencyKey: string): Promise<void>;
}

export function createHttpCrm(baseUrl: string): CrmClient {
  const root = baseUrl.replace(/\/$/, '');
  return {
    async pushCaseEvent(event, idempotencyKey) {
      const response = await fetch(`${root}/v1/retention-cases/${encodeURIComponent(event.caseId)}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(8_000),
      });
      // 409: the CRM already has this event.
      if (!response.ok && response.status !== 409) {
        throw new Error(`CRM answered ${response.status} to case event ${idempotencyKey}`);
      }
    },
  };
}
