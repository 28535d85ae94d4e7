// The reads every case page makes, as plain SQL (node-postgres), each one statement with its visibility check:
// the case with its customer, team and agent (rows in the shape case-view.ts maps: camelCase, Dates); its
// timeline and the case page, whose answers PostgreSQL builds as JSON text.
import { isoTimestamp as iso, type Sql } from '../../config/sql';
import type { CaseWithSummary } from './case-view';

export const CASE_COLUMNS = `c.id, c.workflow_id AS "workflowId", c.run_id AS "runId", c.customer_id AS "customerId", c.reason, c.stage, c.status,
  c.outcome, c.risk_score AS "riskScore", c.risk_explanation AS "riskExplanation", c.driver, c.priority, c.playbook_id AS "playbookId",
  c.playbook_version AS "playbookVersion", c.team_id AS "teamId", c.agent_id AS "agentId", c.sla_due_at AS "slaDueAt",
  c.opened_at AS "openedAt", c.closed_at AS "closedAt", c.updated_at AS "updatedAt", c.last_event_seq AS "lastEventSeq",
  c.attention_reason AS "attentionReason", c.attention_since AS "attentionSince",
  json_build_object('id', cu.id, 'name', cu.name, 'tier', cu.tier) AS customer,
  CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name) END AS team,
  CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'name', a.name) END AS agent`;

// Cases (c) with their customer (cu), team (t) and agent (a), as CASE_COLUMNS reads them.
export const CASE_JOINS = `FROM cases c JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN teams t ON t.id = c.team_id LEFT JOIN agents a ON a.id = c.agent_id`;

// Case $1 with its customer, team and agent, if it exists and (for an agent's key, $2) belongs to that team.
const VISIBLE_CASE = `${CASE_JOINS} WHERE c.id = $1 AND ($2::text IS NULL OR c.team_id = $2)`;

// The case, if it exists and (for an agent's key) belongs to `teamId`.
export async function findCase(sql: Sql, caseId: string, teamId?: string): Promise<CaseWithSummary | null> {
  const { rows } = await sql.query<CaseWithSummary>({
    name: 'case-with-summary',
    text: `SELECT ${CASE_COLUMNS} ${VISIBLE_CASE}`,
    values: [caseId, teamId ?? null],
  });
  return rows[0] ?? null;
}

// The timeline's answer ({"events": [...]}, oldest first) built by PostgreSQL as JSON text, with the visibility
// check in the same statement; null when the case does not exist or (for an agent's key) belongs to another
// team. Timelines are read on every refresh: the API sends the text as it comes, with no row objects, Dates or
// JSON round trip in Node.
export async function visibleCaseTimelineJson(sql: Sql, caseId: string, teamId?: string): Promise<string | null> {
  const { rows } = await sql.query<{ body: string }>({
    name: 'case-timeline-json',
    text: `SELECT json_build_object('events', coalesce((
        SELECT json_agg(json_build_object('seq', e.seq, 'at', ${iso('e.at')},
          'type', e.type, 'actor', e.actor, 'data', e.data) ORDER BY e.seq)
        FROM case_events e WHERE e.case_id = c.id), '[]'))::text AS body
      FROM cases c WHERE c.id = $1 AND ($2::text IS NULL OR c.team_id = $2)`,
    values: [caseId, teamId ?? null],
  });
  return rows[0]?.body ?? null;
}

// The case page's answer (response-schemas.ts caseDetailResponse), built by PostgreSQL as JSON text in one
// statement: the case with its customer's profile, every contact attempt, and the latest offer and survey;
// null when not visible (as findCase). Optional fields are left out when they have no value
// (jsonb_strip_nulls); driver, sla.dueAt and attention are null instead. The API sends the text as it comes.
const CASE_DETAIL = `SELECT (jsonb_build_object(
    'caseId', c.id, 'workflowId', c.workflow_id, 'customerId', c.customer_id,
    'customer', jsonb_strip_nulls(jsonb_build_object('id', cu.id, 'name', cu.name, 'tier', cu.tier, 'segment', cu.segment,
      'lifecycleStage', cu.lifecycle_stage, 'assetsUnderManagement', cu.assets_under_management::float8, 'timeZone', cu.time_zone,
      'preferredChannels', cu.preferred_channels, 'consent', jsonb_build_object('sms', cu.consent_sms, 'email', cu.consent_email, 'phone', cu.consent_phone))),
    'stage', c.stage, 'status', c.status, 'riskScore', c.risk_score, 'driver', c.driver, 'priority', c.priority,
    'playbook', jsonb_build_object('id', c.playbook_id, 'version', c.playbook_version),
    'sla', jsonb_build_object('dueAt', ${iso('c.sla_due_at')}, 'breached', c.status = 'open' AND c.sla_due_at IS NOT NULL AND c.sla_due_at < now()),
    'attention', CASE WHEN c.attention_reason IS NULL THEN 'null'::jsonb ELSE jsonb_build_object('reason', c.attention_reason, 'since', ${iso('c.attention_since')}) END,
    'openedAt', ${iso('c.opened_at')}, 'reason', c.reason, 'riskExplanation', c.risk_explanation,
    'contactAttempts', coalesce((SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('id', ca.id, 'channel', ca.channel, 'purpose', ca.purpose,
        'status', ca.status, 'outcome', ca.outcome, 'agentId', ca.agent_id, 'providerId', ca.provider_id, 'note', ca.note,
        'providerCode', ca.provider_code, 'error', ca.error, 'deliveryStatus', ca.delivery_status, 'at', ${iso('coalesce(ca.sent_at, ca.created_at)')}))
        ORDER BY ca.created_at) FROM contact_attempts ca WHERE ca.case_id = c.id), '[]'::jsonb))
  || jsonb_strip_nulls(jsonb_build_object(
    'outcome', c.outcome, 'closedAt', ${iso('c.closed_at')},
    'team', CASE WHEN t.id IS NULL THEN NULL ELSE jsonb_build_object('id', t.id, 'name', t.name) END,
    'assignee', CASE WHEN a.id IS NULL THEN NULL ELSE jsonb_build_object('id', a.id, 'name', a.name) END,
    'offer', (SELECT jsonb_build_object('offerId', co.offer_id, 'name', o.name, 'kind', o.kind, 'cost', co.cost::float8, 'status', co.status,
        'expiresAt', ${iso('co.expires_at')}, 'decidedAt', ${iso('co.decided_at')})
      FROM case_offers co JOIN offers o ON o.id = co.offer_id WHERE co.case_id = c.id ORDER BY co.created_at DESC LIMIT 1),
    'survey', (SELECT jsonb_build_object('channel', s.channel, 'sentAt', ${iso('s.sent_at')}, 'answeredAt', ${iso('s.answered_at')}, 'score', s.score, 'comment', s.comment)
      FROM surveys s WHERE s.case_id = c.id ORDER BY s.sent_at DESC LIMIT 1))))::text AS body
  ${VISIBLE_CASE}`;

export async function caseDetailJson(sql: Sql, caseId: string, teamId?: string): Promise<string | null> {
  const { rows } = await sql.query<{ body: string }>({ name: 'case-detail-json', text: CASE_DETAIL, values: [caseId, teamId ?? null] });
  return rows[0]?.body ?? null;
}
