// The statements behind a case's call sheet: the case with its customer and playbook (with the visibility
// check), then in parallel its signals, the customer's contacts and replies across their cases, the offer
// catalog with what each capped offer has left, the case's own offer and the message template of the step.
import { isoTimestamp as iso, type Sql } from '../../config/sql';
import { HELD_OFFER_STATUSES } from '../../domain/offer';

export interface SheetCaseRow {
  id: string;
  customerId: string;
  stage: string;
  status: string;
  reason: string;
  driver: string | null;
  riskScore: number;
  priority: number;
  riskExplanation: { signalId: string; factor: string; contribution: number }[];
  agentId: string | null;
  definition: unknown;
  name: string;
  salutation: string | null;
  locale: string | null;
  tier: string;
  segment: string | null;
  lifecycleStage: string | null;
  assets: number;
  timeZone: string;
  phone: string | null;
  email: string | null;
  preferredChannels: string[];
  consent: { sms: boolean; email: boolean; phone: boolean };
}

export async function sheetCase(sql: Sql, caseId: string, team: string | undefined): Promise<SheetCaseRow | undefined> {
  const { rows } = await sql.query<SheetCaseRow>({
    name: 'desk-sheet-case',
    text: `SELECT c.id, c.customer_id AS "customerId", c.stage, c.status, c.reason, c.driver, c.risk_score AS "riskScore", c.priority,
        c.risk_explanation AS "riskExplanation", c.agent_id AS "agentId", pv.definition,
        cu.name, cu.salutation, cu.locale, cu.tier, cu.segment, cu.lifecycle_stage AS "lifecycleStage", cu.assets_under_management::float8 AS assets, cu.time_zone AS "timeZone",
        cu.phone, cu.email, cu.preferred_channels AS "preferredChannels",
        json_build_object('sms', cu.consent_sms, 'email', cu.consent_email, 'phone', cu.consent_phone) AS consent
      FROM cases c JOIN customers cu ON cu.id = c.customer_id
      LEFT JOIN playbook_versions pv ON pv.playbook_id = c.playbook_id AND pv.version = c.playbook_version
      WHERE c.id = $1 AND ($2::text IS NULL OR c.team_id = $2)`,
    values: [caseId, team ?? null],
  });
  return rows[0];
}

export async function caseSignals(sql: Sql, caseId: string) {
  const { rows } = await sql.query<{
    id: string;
    type: string;
    severity: number | null;
    occurredAt: string;
    details: Record<string, unknown>;
  }>({
    name: 'desk-sheet-signals',
    text: `SELECT id, type, severity, ${iso('occurred_at')} AS "occurredAt", details FROM risk_signals WHERE case_id = $1 ORDER BY occurred_at`,
    values: [caseId],
  });
  return rows;
}

// What was said before: the customer's last 20 contacts, on any case.
export async function customerContacts(sql: Sql, customerId: string) {
  const { rows } = await sql.query<{
    at: string;
    channel: string;
    purpose: string;
    status: string;
    outcome: string | null;
    note: string | null;
    caseId: string;
  }>({
    name: 'desk-sheet-contacts',
    text: `SELECT ${iso('COALESCE(sent_at, created_at)')} AS at, channel, purpose, status, outcome, note, case_id AS "caseId"
      FROM contact_attempts WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 20`,
    values: [customerId],
  });
  return rows;
}

// The customer's own words: their replies on any of their cases, newest first.
export async function customerReplies(sql: Sql, customerId: string) {
  const { rows } = await sql.query<{ at: string; channel: string; text: string; caseId: string }>({
    name: 'desk-sheet-replies',
    text: `SELECT ${iso('e.at')} AS at, e.data->>'channel' AS channel, e.data->>'text' AS text, e.case_id AS "caseId"
      FROM cases c JOIN case_events e ON e.case_id = c.id
      WHERE c.customer_id = $1 AND e.type = 'customer_replied' ORDER BY e.at DESC LIMIT 20`,
    values: [customerId],
  });
  return rows;
}

export interface CatalogRow {
  id: string;
  name: string;
  kind: string;
  description: string;
  drivers: string[];
  tiers: string[];
  cost: number;
  minValue: number;
  active: boolean;
  remaining: number | null;
  validUntil: string | null;
}

// Active offers inside their validity window, with the slots a volume cap has left (as the workflow counts).
export async function offerCatalog(sql: Sql): Promise<CatalogRow[]> {
  const { rows } = await sql.query<CatalogRow>({
    name: 'desk-sheet-catalog',
    text: `SELECT o.id, o.name, o.kind, o.description, o.drivers, o.tiers, o.cost::float8 AS cost, o.min_value::float8 AS "minValue", o.active,
        CASE WHEN o.volume_cap IS NULL THEN NULL ELSE greatest(0, o.volume_cap - (SELECT count(*) FROM case_offers co WHERE co.offer_id = o.id AND co.status = ANY($1::text[])))::int END AS remaining,
        CASE WHEN o.valid_until IS NULL THEN NULL ELSE ${iso('o.valid_until')} END AS "validUntil"
      FROM offers o WHERE o.active AND (o.valid_from IS NULL OR o.valid_from <= now()) AND (o.valid_until IS NULL OR o.valid_until > now())`,
    values: [HELD_OFFER_STATUSES],
  });
  return rows;
}

export async function caseOffer(sql: Sql, caseId: string) {
  const { rows } = await sql.query<{
    offerId: string;
    name: string;
    description: string;
    cost: number;
    status: string;
    expiresAt: string;
  }>({
    name: 'desk-sheet-case-offer',
    text: `SELECT co.offer_id AS "offerId", o.name, o.description, co.cost::float8 AS cost, co.status, ${iso('co.expires_at')} AS "expiresAt"
      FROM case_offers co JOIN offers o ON o.id = co.offer_id WHERE co.case_id = $1 ORDER BY co.created_at DESC LIMIT 1`,
    values: [caseId],
  });
  return rows[0];
}

// The bank's email texts of a message in every locale: the call sheet reads the customer's to the agent.
export async function messageTemplates(sql: Sql, purpose: string) {
  const { rows } = await sql.query<{ locale: string; subject: string; text: string; version: number }>({
    name: 'desk-sheet-templates',
    text: `SELECT locale, subject, text, version FROM message_templates WHERE purpose = $1 AND channel = 'email'`,
    values: [purpose],
  });
  return rows;
}
