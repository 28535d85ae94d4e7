// The reads every case page makes, as plain SQL (node-postgres), each one statement with its visibility check:
// the case with its customer, team and agent; its timeline; the case page with the customer's profile, contact
// attempts, latest offer and latest survey.
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

// Case $1 with its customer, team and agent, if it exists and (for an agent's key, $2) belongs to that team.
const VISIBLE_CASE = `FROM cases c JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN teams t ON t.id = c.team_id LEFT JOIN agents a ON a.id = c.agent_id
  WHERE c.id = $1 AND ($2::text IS NULL OR c.team_id = $2)`;

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
// JSON round trip in Node. `at` is formatted as Date.toISOString() writes it.
export async function visibleCaseTimelineJson(sql: Sql, caseId: string, teamId?: string): Promise<string | null> {
  const { rows } = await sql.query<{ body: string }>({
    name: 'case-timeline-json',
    text: `SELECT json_build_object('events', coalesce((
        SELECT json_agg(json_build_object('seq', e.seq, 'at', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'type', e.type, 'actor', e.actor, 'data', e.data) ORDER BY e.seq)
        FROM case_events e WHERE e.case_id = c.id), '[]'))::text AS body
      FROM cases c WHERE c.id = $1 AND ($2::text IS NULL OR c.team_id = $2)`,
    values: [caseId, teamId ?? null],
  });
  return rows[0]?.body ?? null;
}

export interface CaseRelations {
  profile: { id: string; name: string; tier: string; segment: string | null; lifecycleStage: string | null; assetsUnderManagement: string; timeZone: string; preferredChannels: string[]; consentSms: boolean; consentEmail: boolean; consentPhone: boolean };
  attempts: { id: string; channel: string; purpose: string; status: string; outcome: string | null; agentId: string | null; providerId: string | null; note: string | null; providerCode: string | null; error: string | null; deliveryStatus: string | null; sentAt: Date | null; createdAt: Date }[];
  offer?: { offerId: string; name: string; kind: string; cost: string; status: string; expiresAt: Date; decidedAt: Date | null };
  survey?: { channel: string; sentAt: Date; answeredAt: Date | null; score: number | null; comment: string | null };
}

const date = (s: string | null | undefined) => (s == null ? null : new Date(s));

// The case page in one statement: the case with its customer's profile, every contact attempt, and the latest
// offer and survey; null when not visible (as findCase).
export async function findCaseDetail(sql: Sql, caseId: string, teamId?: string): Promise<(CaseWithSummary & CaseRelations) | null> {
  const { rows } = await sql.query({
    name: 'case-detail',
    values: [caseId, teamId ?? null],
    text: `SELECT ${CASE_COLUMNS},
      json_build_object('id', cu.id, 'name', cu.name, 'tier', cu.tier, 'segment', cu.segment, 'lifecycleStage', cu.lifecycle_stage,
        'assetsUnderManagement', cu.assets_under_management::text, 'timeZone', cu.time_zone, 'preferredChannels', cu.preferred_channels,
        'consentSms', cu.consent_sms, 'consentEmail', cu.consent_email, 'consentPhone', cu.consent_phone) AS profile,
      (SELECT coalesce(json_agg(json_build_object('id', ca.id, 'channel', ca.channel, 'purpose', ca.purpose, 'status', ca.status, 'outcome', ca.outcome,
          'agentId', ca.agent_id, 'providerId', ca.provider_id, 'note', ca.note, 'providerCode', ca.provider_code, 'error', ca.error,
          'deliveryStatus', ca.delivery_status, 'sentAt', ca.sent_at, 'createdAt', ca.created_at) ORDER BY ca.created_at), '[]')
        FROM contact_attempts ca WHERE ca.case_id = c.id) AS attempts,
      (SELECT json_build_object('offerId', co.offer_id, 'name', o.name, 'kind', o.kind, 'cost', co.cost::text, 'status', co.status,
          'expiresAt', co.expires_at, 'decidedAt', co.decided_at)
        FROM case_offers co JOIN offers o ON o.id = co.offer_id WHERE co.case_id = c.id ORDER BY co.created_at DESC LIMIT 1) AS offer,
      (SELECT json_build_object('channel', s.channel, 'sentAt', s.sent_at, 'answeredAt', s.answered_at, 'score', s.score, 'comment', s.comment)
        FROM surveys s WHERE s.case_id = c.id ORDER BY s.sent_at DESC LIMIT 1) AS survey
      ${VISIBLE_CASE}`,
  });
  const r = rows[0];
  if (!r) return null;
  const { profile, attempts, offer, survey, ...c } = r;
  return {
    ...c,
    profile,
    attempts: attempts.map((a: Record<string, string | null>) => ({ ...a, sentAt: date(a.sentAt), createdAt: date(a.createdAt) })),
    offer: offer ? { ...offer, expiresAt: date(offer.expiresAt), decidedAt: date(offer.decidedAt) } : undefined,
    survey: survey ? { ...survey, sentAt: date(survey.sentAt), answeredAt: date(survey.answeredAt) } : undefined,
  };
}
