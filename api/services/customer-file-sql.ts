// The statements behind a customer's file: the customer (with their open case and the contact policy of
// their latest case), then in parallel the consent ledger, the cases the viewer may see and the contacts
// that count against the frequency cap. Each reads by customer id through its own index.
import { isoTimestamp as iso, type Sql } from '../../config/sql';
import { AGENT_CONTACT_PURPOSE } from '../../domain/quota-day';
import { OPEN_CASE_JOIN, TEAM_CUSTOMER } from './team-customers';

export interface FileCustomerRow {
  id: string;
  name: string;
  tier: string;
  segment: string | null;
  lifecycleStage: string | null;
  assets: number;
  timeZone: string;
  locale: string | null;
  salutation: string | null;
  phone: string | null;
  email: string | null;
  preferredChannels: string[];
  consentSms: boolean;
  consentEmail: boolean;
  consentPhone: boolean;
  openCaseId: string | null;
  openAgentId: string | null;
  frequencyCap: { maxContacts: number; window: string } | null;
}

export async function fileCustomer(
  sql: Sql,
  customerId: string,
  team: string | undefined,
): Promise<FileCustomerRow | undefined> {
  const { rows } = await sql.query<FileCustomerRow>({
    name: 'desk-file-customer',
    text: `SELECT cu.id, cu.name, cu.tier, cu.segment, cu.lifecycle_stage AS "lifecycleStage", cu.assets_under_management::float8 AS assets,
        cu.time_zone AS "timeZone", cu.locale, cu.salutation, cu.phone, cu.email, cu.preferred_channels AS "preferredChannels", cu.consent_sms AS "consentSms",
        cu.consent_email AS "consentEmail", cu.consent_phone AS "consentPhone", open_case.id AS "openCaseId", open_case.agent_id AS "openAgentId",
        (SELECT pv.definition #> '{contact,policy,frequencyCap}' FROM cases lc JOIN playbook_versions pv ON pv.playbook_id = lc.playbook_id AND pv.version = lc.playbook_version
          WHERE lc.customer_id = cu.id ORDER BY lc.opened_at DESC LIMIT 1) AS "frequencyCap"
      FROM customers cu ${OPEN_CASE_JOIN} WHERE cu.id = $2 AND ${TEAM_CUSTOMER('$1')}`,
    values: [team ?? null, customerId],
  });
  return rows[0];
}

export async function consentLedger(sql: Sql, customerId: string) {
  const { rows } = await sql.query<{
    channel: string;
    granted: boolean;
    source: string;
    actor: string;
    note: string | null;
    at: string;
  }>({
    name: 'desk-file-consent',
    text: `SELECT channel, granted, source, actor, note, ${iso('at')} AS at FROM consent_events WHERE customer_id = $1 ORDER BY at, id`,
    values: [customerId],
  });
  return rows;
}

// Newest first; an agent sees their own team's cases only (domain/visibility.ts), so no other team's case id leaks.
export async function casesOfCustomer(sql: Sql, customerId: string, team: string | undefined) {
  const { rows } = await sql.query<{
    caseId: string;
    stage: string;
    status: string;
    outcome: string | null;
    reason: string;
    driver: string | null;
    riskScore: number;
    openedAt: string;
    closedAt: string | null;
    team: { id: string; name: string } | null;
    assignee: { id: string; name: string } | null;
    offer: { name: string; status: string; cost: number } | null;
  }>({
    name: 'desk-file-cases',
    text: `SELECT c.id AS "caseId", c.stage, c.status, c.outcome, c.reason, c.driver, c.risk_score AS "riskScore", ${iso('c.opened_at')} AS "openedAt",
        CASE WHEN c.closed_at IS NULL THEN NULL ELSE ${iso('c.closed_at')} END AS "closedAt",
        CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name) END AS team,
        CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'name', a.name) END AS assignee,
        (SELECT json_build_object('name', o.name, 'status', co.status, 'cost', co.cost::float8) FROM case_offers co JOIN offers o ON o.id = co.offer_id
          WHERE co.case_id = c.id ORDER BY co.created_at DESC LIMIT 1) AS offer
      FROM cases c LEFT JOIN teams t ON t.id = c.team_id LEFT JOIN agents a ON a.id = c.agent_id
      WHERE c.customer_id = $1 AND ($2::text IS NULL OR c.team_id = $2) ORDER BY c.opened_at DESC`,
    values: [customerId, team ?? null],
  });
  return rows;
}

// The contacts the frequency cap counts (activities/contact-policy.ts: messages that went out, calls and
// visits agents recorded) since `since`, newest first.
export async function contactsSince(sql: Sql, customerId: string, since: Date) {
  const { rows } = await sql.query<{
    at: string;
    channel: string;
    purpose: string;
    status: string;
    outcome: string | null;
    note: string | null;
    caseId: string;
  }>({
    name: 'desk-file-contacts',
    text: `SELECT ${iso('COALESCE(ca.sent_at, ca.created_at)')} AS at, ca.channel, ca.purpose, ca.status, ca.outcome, ca.note, ca.case_id AS "caseId"
      FROM contact_attempts ca WHERE ca.customer_id = $1 AND COALESCE(ca.sent_at, ca.created_at) >= $2 AND (
        (ca.purpose = 'contact' AND ca.status = 'sent' AND (ca.delivery_status IS NULL OR ca.delivery_status NOT IN ('undelivered', 'failed')))
        OR (ca.purpose = $3 AND ca.channel IN ('phone', 'visit')))
      ORDER BY COALESCE(ca.sent_at, ca.created_at) DESC`,
    values: [customerId, since, AGENT_CONTACT_PURPOSE],
  });
  return rows;
}
