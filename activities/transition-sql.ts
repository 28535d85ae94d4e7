// A case transition as one SQL statement: the case row (created on the first event, otherwise updated only by a
// newer event; with the churn reason a close carries; opened when the intake or the case says, whichever is
// earlier, so a history replayed with its own times (dev/demo-history) keeps them), the timeline events, their CRM outbox rows, and on close
// the release of held offers. A statement is atomic, so all of it commits or none does; a retried write inserts
// no second event, and writes nothing else, because every part after the events depends on an event being new.
import type { CaseProjection } from '../domain/case';
import { RELEASABLE_OFFER_STATUSES } from '../domain/offer';
import type { Sql } from '../config/sql';
import type { CaseEventRecord } from './case-store';
import { caseEventOutboxRow, type CrmOutboxKind } from './crm-outbox-rows';

// The events arrive as parallel arrays ($2-$6, and their outbox rows $29-$30), so any number of them is one
// statement: one round trip instead of BEGIN, one per event and COMMIT.
const TRANSITION = `
WITH input AS (
  SELECT * FROM unnest($2::int[], $3::timestamptz[], $4::text[], $5::text[], $6::jsonb[], $29::text[], $30::jsonb[])
    AS e(seq, at, type, actor, data, outbox_key, outbox_payload)
), churn_reason AS (
  -- A close a person gave a churn reason for (the event's data.churnReason) keeps it on the case row.
  SELECT data->'churnReason'->>'code' AS code, data->'churnReason'->>'note' AS note FROM input
  WHERE type = 'case_closed' AND data ? 'churnReason' ORDER BY seq DESC LIMIT 1
), event AS (
  INSERT INTO case_events (id, case_id, seq, at, type, actor, data)
  SELECT gen_random_uuid()::text, $1, seq, at, type, actor, data FROM input ORDER BY seq
  ON CONFLICT (case_id, seq) DO NOTHING
  RETURNING seq
), upsert AS (
  INSERT INTO cases (id, workflow_id, run_id, customer_id, reason, stage, status, outcome, risk_score, risk_explanation,
                     driver, priority, playbook_id, playbook_version, team_id, agent_id, sla_due_at, opened_at, closed_at,
                     attention_reason, attention_since, last_event_seq, updated_at, churn_reason_code, churn_reason_note)
  VALUES ($1, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26,
          (SELECT max(seq) FROM input), now(), (SELECT code FROM churn_reason), (SELECT note FROM churn_reason))
  ON CONFLICT (id) DO UPDATE SET
    opened_at = least(cases.opened_at, excluded.opened_at), run_id = excluded.run_id, stage = excluded.stage, status = excluded.status, outcome = excluded.outcome,
    risk_score = excluded.risk_score, risk_explanation = excluded.risk_explanation, driver = excluded.driver,
    priority = excluded.priority, team_id = excluded.team_id, agent_id = excluded.agent_id,
    sla_due_at = excluded.sla_due_at, closed_at = excluded.closed_at, attention_reason = excluded.attention_reason,
    attention_since = excluded.attention_since, last_event_seq = excluded.last_event_seq, updated_at = now(),
    churn_reason_code = coalesce(excluded.churn_reason_code, cases.churn_reason_code),
    churn_reason_note = coalesce(excluded.churn_reason_note, cases.churn_reason_note)
  WHERE cases.last_event_seq < excluded.last_event_seq
), outbox AS (
  -- In sequence order: the relay delivers a case's rows in id order.
  INSERT INTO crm_outbox (task_queue, case_id, kind, idempotency_key, payload)
  SELECT $27, $1, $28, i.outbox_key, i.outbox_payload FROM input i JOIN event e ON e.seq = i.seq
  WHERE $27::text IS NOT NULL ORDER BY i.seq
), released AS (
  UPDATE case_offers SET status = 'withdrawn', decided_at = now()
  WHERE case_id = $1 AND $12 = 'closed' AND status = ANY($31::text[]) AND EXISTS (SELECT 1 FROM event)
)
SELECT count(*)::int AS inserted FROM event`;

// Events of one case, in order, with the projection they leave it in; all of them are written or none is.
// `crmTaskQueue`: the relay that delivers these events to the CRM, or undefined when no CRM is configured.
export async function writeTransition(
  sql: Sql,
  events: CaseEventRecord[],
  p: CaseProjection,
  runId: string | undefined,
  crmTaskQueue: string | undefined,
): Promise<void> {
  const outbox = crmTaskQueue
    ? events.map((event) => caseEventOutboxRow(event, p.customerId, p.stage, crmTaskQueue))
    : undefined;
  await sql.query({
    name: 'case-transition',
    text: TRANSITION,
    values: [
      events[0]!.caseId,
      events.map((e) => e.seq),
      events.map((e) => new Date(e.at)),
      events.map((e) => e.type),
      events.map((e) => e.actor),
      events.map((e) => JSON.stringify(e.data)),
      p.workflowId,
      runId ?? null,
      p.customerId,
      p.reason,
      p.stage,
      p.status,
      p.outcome ?? null,
      p.riskScore,
      JSON.stringify(p.riskExplanation),
      p.driver ?? null,
      p.priority,
      p.playbook?.id ?? 'unpinned',
      p.playbook?.version ?? 0,
      p.teamId ?? null,
      p.agentId ?? null,
      p.slaDueAt ? new Date(p.slaDueAt) : null,
      new Date(p.openedAt),
      p.closedAt ? new Date(p.closedAt) : null,
      p.attention?.reason ?? null,
      p.attention ? new Date(p.attention.since) : null,
      crmTaskQueue ?? null,
      'case_event' satisfies CrmOutboxKind,
      outbox?.map((o) => o.idempotencyKey) ?? events.map(() => null),
      outbox?.map((o) => JSON.stringify(o.payload)) ?? events.map(() => null),
      RELEASABLE_OFFER_STATUSES,
    ],
  });
}
