// One case transition as one SQL statement: the case row (created on the first event, otherwise updated
// only by a newer event), the timeline event, its CRM outbox row, and on close the release of held offers.
// A statement is atomic, so all of it commits or none does; a retried write inserts no second event, and
// writes nothing else, because every part after the event depends on the event being new.
import type { CaseProjection } from '../domain/case';
import { RELEASABLE_OFFER_STATUSES } from '../domain/offer';
import type { PoolClient } from 'pg';
import type { Sql } from '../config/sql';
import type { CaseEventRecord } from './case-store';
import { caseEventOutboxRow } from './crm-outbox';

const TRANSITION = `
WITH event AS (
  INSERT INTO case_events (id, case_id, seq, at, type, actor, data)
  VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, $6)
  ON CONFLICT (case_id, seq) DO NOTHING
  RETURNING seq
), upsert AS (
  INSERT INTO cases (id, workflow_id, run_id, customer_id, reason, stage, status, outcome, risk_score, risk_explanation,
                     driver, priority, playbook_id, playbook_version, team_id, agent_id, sla_due_at, opened_at, closed_at,
                     attention_reason, attention_since, last_event_seq, updated_at)
  VALUES ($1, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $2, now())
  ON CONFLICT (id) DO UPDATE SET
    run_id = excluded.run_id, stage = excluded.stage, status = excluded.status, outcome = excluded.outcome,
    risk_score = excluded.risk_score, risk_explanation = excluded.risk_explanation, driver = excluded.driver,
    priority = excluded.priority, team_id = excluded.team_id, agent_id = excluded.agent_id,
    sla_due_at = excluded.sla_due_at, closed_at = excluded.closed_at, attention_reason = excluded.attention_reason,
    attention_since = excluded.attention_since, last_event_seq = excluded.last_event_seq, updated_at = now()
  WHERE cases.last_event_seq < excluded.last_event_seq
), outbox AS (
  INSERT INTO crm_outbox (task_queue, case_id, kind, idempotency_key, payload)
  SELECT $27, $1, $28, $29, $30 FROM event WHERE $27::text IS NOT NULL
), released AS (
  UPDATE case_offers SET status = 'withdrawn', decided_at = now()
  WHERE case_id = $1 AND $12 = 'closed' AND status = ANY($31::text[]) AND EXISTS (SELECT 1 FROM event)
)
SELECT count(*)::int AS inserted FROM event`;

// `crmTaskQueue`: the relay that delivers this event to the CRM, or undefined when no CRM is configured.
export async function writeTransition(sql: Sql | PoolClient, event: CaseEventRecord, p: CaseProjection, runId: string | undefined, crmTaskQueue: string | undefined): Promise<void> {
  const outbox = crmTaskQueue ? caseEventOutboxRow(event, p.customerId, p.stage, crmTaskQueue) : undefined;
  await sql.query({
    name: 'case-transition',
    text: TRANSITION,
    values: [
      event.caseId, event.seq, new Date(event.at), event.type, event.actor, JSON.stringify(event.data),
      p.workflowId, runId ?? null, p.customerId, p.reason, p.stage, p.status, p.outcome ?? null, p.riskScore,
      JSON.stringify(p.riskExplanation), p.driver ?? null, p.priority, p.playbook?.id ?? 'unpinned', p.playbook?.version ?? 0,
      p.teamId ?? null, p.agentId ?? null, p.slaDueAt ? new Date(p.slaDueAt) : null, new Date(p.openedAt),
      p.closedAt ? new Date(p.closedAt) : null, p.attention?.reason ?? null, p.attention ? new Date(p.attention.since) : null,
      outbox?.taskQueue ?? null, outbox?.kind ?? null, outbox?.idempotencyKey ?? null, outbox ? JSON.stringify(outbox.payload) : null,
      RELEASABLE_OFFER_STATUSES,
    ],
  });
}
