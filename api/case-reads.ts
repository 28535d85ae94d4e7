// The reads every case page makes, as plain SQL (node-postgres): one statement for the case with its
// customer, team and agent, one for its timeline, and the case page's contacts, offers and surveys at once.
// Rows come back in the shapes case-view.ts maps (camelCase, Dates); decimals as strings.
import type { Sql } from '../config/sql';
import type { CaseWithSummary } from './case-view';

const CASE_COLUMNS = `c.id, c.workflow_id AS "workflowId", c.run_id AS "runId", c.customer_id AS "customerId", c.reason, c.stage, c.status,
  c.outcome, c.risk_score AS "riskScore", c.risk_explanation AS "riskExplanation", c.driver, c.priority, c.playbook_id AS "playbookId",
  c.playbook_version AS "playbookVersion", c.team_id AS "teamId", c.agent_id AS "agentId", c.sla_due_at AS "slaDueAt",
  c.opened_at AS "openedAt", c.closed_at AS "closedAt", c.updated_at AS "updatedAt", c.last_event_seq AS "lastEventSeq",
  c.attention_reason AS "attentionReason", c.attention_since AS "attentionSince",
  json_build_object('id', cu.id, 'name', cu.name, 'tier', cu.tier) AS customer,
  CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name) END AS team,
  CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'name', a.name) END AS agent`;

// The case, if it exists and (for an agent's key) belongs to `teamId`.
export async function findCase(sql: Sql, caseId: string, teamId?: string): Promise<CaseWithSummary | null> {
  const { rows } = await sql.query<CaseWithSummary>({
    name: 'case-with-summary',
    text: `SELECT ${CASE_COLUMNS} FROM cases c JOIN customers cu ON cu.id = c.customer_id
      LEFT JOIN teams t ON t.id = c.team_id LEFT JOIN agents a ON a.id = c.agent_id
      WHERE c.id = $1 AND ($2::text IS NULL OR c.team_id = $2)`,
    values: [caseId, teamId ?? null],
  });
  return rows[0] ?? null;
}

export async function caseTimeline(sql: Sql, caseId: string) {
  const { rows } = await sql.query<{ seq: number; at: Date; type: string; actor: string; data: unknown }>({
    name: 'case-timeline',
    text: 'SELECT seq, at, type, actor, data FROM case_events WHERE case_id = $1 ORDER BY seq',
    values: [caseId],
  });
  return rows;
}

export interface CaseRelations {
  customer: { id: string; name: string; tier: string; segment: string | null; lifecycleStage: string | null; assetsUnderManagement: string; timeZone: string; preferredChannels: string[]; consentSms: boolean; consentEmail: boolean; consentPhone: boolean };
  attempts: { id: string; channel: string; purpose: string; status: string; outcome: string | null; agentId: string | null; providerId: string | null; note: string | null; providerCode: string | null; error: string | null; deliveryStatus: string | null; sentAt: Date | null; createdAt: Date }[];
  offer?: { offerId: string; name: string; kind: string; cost: string; status: string; expiresAt: Date; decidedAt: Date | null };
  survey?: { channel: string; sentAt: Date; answeredAt: Date | null; score: number | null; comment: string | null };
}

// The customer's profile, every contact attempt, and the latest offer and survey of a case.
export async function caseRelations(sql: Sql, caseId: string, customerId: string): Promise<CaseRelations> {
  const [customer, attempts, offers, surveys] = await Promise.all([
    sql.query({ name: 'case-customer', values: [customerId], text: `SELECT id, name, tier, segment, lifecycle_stage AS "lifecycleStage", assets_under_management AS "assetsUnderManagement",
      time_zone AS "timeZone", preferred_channels AS "preferredChannels", consent_sms AS "consentSms", consent_email AS "consentEmail", consent_phone AS "consentPhone"
      FROM customers WHERE id = $1` }),
    sql.query({ name: 'case-attempts', values: [caseId], text: `SELECT id, channel, purpose, status, outcome, agent_id AS "agentId", provider_id AS "providerId", note,
      provider_code AS "providerCode", error, delivery_status AS "deliveryStatus", sent_at AS "sentAt", created_at AS "createdAt"
      FROM contact_attempts WHERE case_id = $1 ORDER BY created_at` }),
    sql.query({ name: 'case-offer', values: [caseId], text: `SELECT co.offer_id AS "offerId", o.name, o.kind, co.cost, co.status, co.expires_at AS "expiresAt", co.decided_at AS "decidedAt"
      FROM case_offers co JOIN offers o ON o.id = co.offer_id WHERE co.case_id = $1 ORDER BY co.created_at DESC LIMIT 1` }),
    sql.query({ name: 'case-survey', values: [caseId], text: `SELECT channel, sent_at AS "sentAt", answered_at AS "answeredAt", score, comment
      FROM surveys WHERE case_id = $1 ORDER BY sent_at DESC LIMIT 1` }),
  ]);
  return { customer: customer.rows[0], attempts: attempts.rows, offer: offers.rows[0], survey: surveys.rows[0] };
}
