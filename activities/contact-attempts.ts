// The contact_attempts row of one send, keyed by case id + step: claimed before the provider is called, marked
// as the send goes (pending, sending, sent, retrying, unknown, failed), so a retry knows whether the message
// may already be out. Plain SQL, one statement each.
import type { Sql } from '../config/sql';
import { UNDELIVERED_STATUSES, type SendResult } from '../domain/delivery';

export interface SendRequest {
  key: string;
  caseId: string;
  customerId: string;
  agentId?: string;
  channel: 'sms' | 'email';
  purpose: 'contact' | 'survey';
}

export interface ClaimedAttempt {
  status: string;
  provider_id: string | null;
  provider_code: string | null;
  error: string | null;
  created_at: Date;
  name: string;
  salutation: string | null;
  locale: string | null;
  phone: string | null;
  email: string | null;
}

const ATTEMPT_COLUMNS = {
  status: 'status',
  providerId: 'provider_id',
  providerCode: 'provider_code',
  error: 'error',
  sentAt: 'sent_at',
} as const;
export type AttemptUpdate = {
  status: string;
  providerId?: string | null;
  providerCode?: string | null;
  error?: string | null;
  sentAt?: Date | null;
};

// The attempt row for this key (claimed now, or as an earlier try left it) with the customer's name and
// addresses, in one statement.
export async function claimAttempt(sql: Sql, req: SendRequest): Promise<ClaimedAttempt> {
  const { rows } = await sql.query<ClaimedAttempt>({
    name: 'claim-attempt',
    text: `WITH claimed AS (
        INSERT INTO contact_attempts (id, key, case_id, customer_id, agent_id, channel, purpose, status)
        VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, $6, 'pending')
        ON CONFLICT (key) DO NOTHING
        RETURNING status, provider_id, provider_code, error, created_at
      ), attempt AS (
        SELECT * FROM claimed
        UNION ALL
        SELECT status, provider_id, provider_code, error, created_at FROM contact_attempts WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM claimed)
      )
      SELECT attempt.*, c.name, c.salutation, c.locale, c.phone, c.email FROM attempt, customers c WHERE c.id = $3`,
    values: [req.key, req.caseId, req.customerId, req.agentId ?? null, req.channel, req.purpose],
  });
  if (!rows[0]) throw new Error(`customer ${req.customerId} does not exist`);
  return rows[0];
}

// Sets the given columns of the attempt (a column set to null is cleared; one left out is kept).
export async function markAttempt(sql: Sql, key: string, data: AttemptUpdate): Promise<void> {
  const columns = (Object.keys(data) as (keyof AttemptUpdate)[]).sort();
  await sql.query({
    name: `mark-attempt:${columns.join(',')}`,
    text: `UPDATE contact_attempts SET ${columns.map((c, i) => `${ATTEMPT_COLUMNS[c]} = $${i + 2}`).join(', ')} WHERE key = $1`,
    values: [key, ...columns.map((c) => data[c] ?? null)],
  });
}

// One more failure of the provider itself on this send (a transient refusal, or an answer lost so the outcome
// is unknown), recorded with the attempt's new status; returns how many the provider has had. Our own outages
// never come here: they throw before the provider is asked or are waited out after it answered.
export async function countProviderTry(
  sql: Sql,
  key: string,
  data: { status: string; providerCode: string; error: string },
): Promise<number> {
  const { rows } = await sql.query<{ provider_tries: number }>({
    name: 'count-provider-try',
    text: 'UPDATE contact_attempts SET status = $2, provider_code = $3, error = $4, provider_tries = provider_tries + 1 WHERE key = $1 RETURNING provider_tries',
    values: [key, data.status, data.providerCode, data.error],
  });
  return rows[0]?.provider_tries ?? 1;
}

// A status callback that arrived before the SID was stored (the webhook keeps it by SID): applied here. An
// undelivered report makes the send a channel failure, as the callback would have.
export async function applyEarlyReport(sql: Sql, key: string, sid: string): Promise<SendResult | undefined> {
  const { rows } = await sql.query<{ status: string; error_code: string | null }>({
    name: 'sms-early-report',
    text: 'SELECT status, error_code FROM sms_status_reports WHERE sid = $1',
    values: [sid],
  });
  const report = rows[0];
  if (!report) return undefined;
  const undelivered = (UNDELIVERED_STATUSES as readonly string[]).includes(report.status);
  const message = `the provider reported the message ${report.status}`;
  await sql.query({
    name: 'sms-apply-report',
    text: `UPDATE contact_attempts SET delivery_status = $2, delivery_updated_at = now(),
      provider_code = CASE WHEN $3 THEN $4 ELSE provider_code END, error = CASE WHEN $3 THEN $5 ELSE error END WHERE key = $1`,
    values: [key, report.status, undelivered, report.error_code ?? report.status, message],
  });
  return undelivered ? { status: 'failed', code: report.error_code ?? report.status, message } : undefined;
}
