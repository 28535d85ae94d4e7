// The case reads, as plain SQL (node-postgres), each one statement with its visibility check: the board, the
// case a step acts on, its timeline and the case page, whose answers PostgreSQL builds as JSON text.
import { isoTimestamp as iso, type Sql } from '../../config/sql';
import type { CaseListQuery } from './case-list-query';
import { boardPage, encodeCursor, type BoardRow } from './case-board';
import { CASE_JOINS, caseSummaryJson } from './case-summary-sql';
import { stageCounts } from './stage-counts';

// The board: one page of cases for the filter (and, for an agent, their team) with the cursor of the next,
// and the filter's per-stage counts over all its cases, not just this page (the board's column headers).
export async function readCaseBoard(sql: Sql, q: CaseListQuery, visibleTeam: string | undefined, now: Date) {
  const [{ rows }, counts] = await Promise.all([
    sql.query<BoardRow>(boardPage(q, visibleTeam, now)),
    stageCounts(sql, q, visibleTeam, now),
  ]);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => r.summary),
    nextCursor: rows.length > q.limit && last ? encodeCursor(q.sort, last) : null,
    stageCounts: counts,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
  };
}

// What a human step needs of its case.
export interface CaseRef {
  id: string;
  workflowId: string;
  runId: string | null;
  status: string;
}

// Case $1 with its customer, team and agent, if it exists and (for an agent's key, $2) belongs to that team.
const VISIBLE_CASE = `${CASE_JOINS} WHERE c.id = $1 AND ($2::text IS NULL OR c.team_id = $2)`;

// The case, if it exists and (for an agent's key) belongs to `teamId`.
export async function findCase(sql: Sql, caseId: string, teamId?: string): Promise<CaseRef | null> {
  const { rows } = await sql.query<CaseRef>({
    name: 'case-ref',
    text: `SELECT c.id, c.workflow_id AS "workflowId", c.run_id AS "runId", c.status ${VISIBLE_CASE}`,
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
// statement: the case's summary (case-summary-sql.ts) with its customer's profile, every contact attempt, the
// churn reason of a lost case, the latest offer and survey, the early-warning score that opened it with its
// reasons, and why it runs its playbook (kept with case_opened); null when not visible (as findCase). The API
// sends the text as it comes.
const CASE_DETAIL = `SELECT (${caseSummaryJson('now()')}
  || jsonb_build_object(
    'customer', jsonb_strip_nulls(jsonb_build_object('id', cu.id, 'name', cu.name, 'tier', cu.tier, 'segment', cu.segment,
      'lifecycleStage', cu.lifecycle_stage, 'assetsUnderManagement', cu.assets_under_management::float8, 'timeZone', cu.time_zone,
      'preferredChannels', cu.preferred_channels, 'consent', jsonb_build_object('sms', cu.consent_sms, 'email', cu.consent_email, 'phone', cu.consent_phone))),
    'reason', c.reason, 'riskExplanation', c.risk_explanation,
    'contactAttempts', coalesce((SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('id', ca.id, 'channel', ca.channel, 'purpose', ca.purpose,
        'status', ca.status, 'outcome', ca.outcome, 'agentId', ca.agent_id, 'providerId', ca.provider_id, 'note', ca.note,
        'providerCode', ca.provider_code, 'error', ca.error, 'deliveryStatus', ca.delivery_status, 'at', ${iso('coalesce(ca.sent_at, ca.created_at)')}))
        ORDER BY ca.created_at) FROM contact_attempts ca WHERE ca.case_id = c.id), '[]'::jsonb))
  || jsonb_strip_nulls(jsonb_build_object(
    'churnReason', (SELECT jsonb_strip_nulls(jsonb_build_object('code', r.code, 'label', r.label, 'category', r.category,
        'avoidable', r.avoidable, 'note', c.churn_reason_note)) FROM churn_reasons r WHERE r.code = c.churn_reason_code),
    'offer', (SELECT jsonb_build_object('offerId', co.offer_id, 'name', o.name, 'kind', o.kind, 'cost', co.cost::float8, 'status', co.status,
        'expiresAt', ${iso('co.expires_at')}, 'decidedAt', ${iso('co.decided_at')})
      FROM case_offers co JOIN offers o ON o.id = co.offer_id WHERE co.case_id = c.id ORDER BY co.created_at DESC LIMIT 1),
    'survey', (SELECT jsonb_build_object('channel', s.channel, 'sentAt', ${iso('s.sent_at')}, 'answeredAt', ${iso('s.answered_at')}, 'score', s.score, 'comment', s.comment)
      FROM surveys s WHERE s.case_id = c.id ORDER BY s.sent_at DESC LIMIT 1),
    'earlyWarning', (SELECT jsonb_build_object('modelId', rs.details->>'modelId', 'score', (rs.details->>'score')::float8,
        'reasons', rs.details->'reasons', 'at', ${iso('rs.occurred_at')})
      FROM risk_signals rs WHERE rs.case_id = c.id AND rs.type = 'model_risk' AND rs.details ? 'score'
      ORDER BY rs.occurred_at DESC LIMIT 1),
    'playbookChoice', (SELECT e.data->'playbookChoice' FROM case_events e
      WHERE e.case_id = c.id AND e.type = 'case_opened' ORDER BY e.seq LIMIT 1))))::text AS body
  ${VISIBLE_CASE}`;

export async function caseDetailJson(sql: Sql, caseId: string, teamId?: string): Promise<string | null> {
  const { rows } = await sql.query<{ body: string }>({
    name: 'case-detail-json',
    text: CASE_DETAIL,
    values: [caseId, teamId ?? null],
  });
  return rows[0]?.body ?? null;
}
