// What becomes of each SMS (Twilio's status callbacks), in plain SQL: every SMS sends one or more callbacks,
// so this is on every case's path, and the ORM cost the API several milliseconds of CPU per callback.
import type { Sql } from '../../config/sql';
import { deliveryReportSignal } from '../../workflows/messages';
import type { AppDeps } from '../deps';

export interface StatusReport {
  sid: string;
  status: string;
  code?: string;
  undelivered: boolean;
}

// Keeps the report, for a send that has not stored its SID yet (it looks for the report after storing).
async function keepStatusReport(sql: Sql, report: StatusReport): Promise<void> {
  await sql.query({
    name: 'sms-status-keep',
    text: `INSERT INTO sms_status_reports (sid, status, error_code, received_at) VALUES ($1, $2, $3, now())
      ON CONFLICT (sid) DO UPDATE SET status = EXCLUDED.status, error_code = EXCLUDED.error_code, received_at = now()`,
    values: [report.sid, report.status, report.code ?? null],
  });
}

// Applies the report to the attempt that sent the SID; the attempt's key and case, or null when no attempt has
// stored the SID yet. An undelivered report also records the provider's code and the reason.
async function applyStatusReport(
  sql: Sql,
  report: StatusReport,
): Promise<{ key: string; workflowId: string; runId: string | null } | null> {
  const { rows } = await sql.query<{ key: string; workflowId: string; runId: string | null }>({
    name: 'sms-status-apply',
    text: `WITH attempt AS (
        UPDATE contact_attempts SET delivery_status = $2, delivery_updated_at = now(),
          provider_code = CASE WHEN $4 THEN coalesce($3, $2) ELSE provider_code END,
          error = CASE WHEN $4 THEN 'the provider reported the message ' || $2 ELSE error END
        WHERE id = (SELECT id FROM contact_attempts WHERE provider_id = $1 LIMIT 1)
        RETURNING key, case_id)
      SELECT a.key, c.workflow_id AS "workflowId", c.run_id AS "runId" FROM attempt a JOIN cases c ON c.id = a.case_id`,
    values: [report.sid, report.status, report.code ?? null, report.undelivered],
  });
  return rows[0] ?? null;
}

// A status callback: kept first, applied second. A send that stores its SID after this statement finds the
// report (the send stores first and looks second), so an early report is applied by one side or both, never by
// neither. An undelivered SMS moves the case on to its next channel.
export async function recordSmsStatus(
  { sql, cases, logger }: Pick<AppDeps, 'sql' | 'cases' | 'logger'>,
  report: StatusReport,
): Promise<void> {
  await keepStatusReport(sql, report);
  const attempt = await applyStatusReport(sql, report);
  if (!attempt)
    return void logger.info('status callback before its send was recorded; kept for the send', {
      sid: report.sid,
      status: report.status,
    });
  if (report.undelivered)
    await cases.signal(attempt, deliveryReportSignal, { key: attempt.key, status: report.status, code: report.code });
}
