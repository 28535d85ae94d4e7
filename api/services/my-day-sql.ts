// The two statements behind GET /v1/me/today, each an index lookup: the agent with today's recorded contacts
// (contact_attempts(agent_id, purpose, created_at)), and the agent's open cases (cases(agent_id, status)),
// each with its customer, its playbook's quiet hours and its latest wait step (case_events(case_id, seq),
// read backwards). No query per case: an agent's whole day is two round trips however many cases they hold.
import type { Sql } from '../../config/sql';
import { WAIT_STEPS } from '../../domain/desk-tasks';
import { AGENT_CONTACT_PURPOSE } from '../../domain/quota-day';

export interface AgentRow {
  id: string;
  name: string;
  teamId: string;
  dailyContactQuota: number;
  workingHours: unknown;
  contactsToday: number;
}

export interface OpenCaseRow {
  id: string;
  stage: string;
  priority: number;
  riskScore: number;
  driver: string | null;
  reason: string;
  slaDueAt: Date | null;
  openedAt: Date;
  attentionReason: string | null;
  customerId: string;
  customerName: string;
  tier: string;
  timeZone: string;
  quietHours: { start: string; end: string } | null;
  lastType: string | null;
  lastData: Record<string, unknown> | null;
}

export async function agentWithContactsToday(sql: Sql, agentId: string, since: Date): Promise<AgentRow | undefined> {
  const { rows } = await sql.query<AgentRow>({
    name: 'desk-agent-today',
    text: `SELECT a.id, a.name, a.team_id AS "teamId", a.daily_contact_quota AS "dailyContactQuota", a.working_hours AS "workingHours",
        (SELECT count(*)::int FROM contact_attempts ca WHERE ca.agent_id = a.id AND ca.purpose = $3 AND ca.created_at >= $2) AS "contactsToday"
      FROM agents a WHERE a.id = $1`,
    values: [agentId, since, AGENT_CONTACT_PURPOSE],
  });
  return rows[0];
}

export async function openCasesOfAgent(sql: Sql, agentId: string): Promise<OpenCaseRow[]> {
  const { rows } = await sql.query<OpenCaseRow>({
    name: 'desk-agent-open-cases',
    text: `SELECT c.id, c.stage, c.priority, c.risk_score AS "riskScore", c.driver, c.reason, c.sla_due_at AS "slaDueAt", c.opened_at AS "openedAt",
        c.attention_reason AS "attentionReason", cu.id AS "customerId", cu.name AS "customerName", cu.tier, cu.time_zone AS "timeZone",
        pv.definition #> '{contact,policy,quietHours}' AS "quietHours", w.type AS "lastType", w.data AS "lastData"
      FROM cases c JOIN customers cu ON cu.id = c.customer_id
      LEFT JOIN playbook_versions pv ON pv.playbook_id = c.playbook_id AND pv.version = c.playbook_version
      LEFT JOIN LATERAL (SELECT e.type, e.data FROM case_events e WHERE e.case_id = c.id AND e.type = ANY($2::text[]) ORDER BY e.seq DESC LIMIT 1) w ON true
      WHERE c.agent_id = $1 AND c.status = 'open'`,
    values: [agentId, WAIT_STEPS],
  });
  return rows;
}
