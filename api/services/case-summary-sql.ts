// A case as the board lists it and as its page starts (response-schemas.ts caseSummaryResponse), built by
// PostgreSQL: the board and the case page both use this one definition, so a field changed here changes in both.
import { isoTimestamp as iso } from '../../config/sql';

// Cases (c) with their customer (cu), team (t) and agent (a).
export const CASE_JOINS = `FROM cases c JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN teams t ON t.id = c.team_id LEFT JOIN agents a ON a.id = c.agent_id`;

// The summary as jsonb over CASE_JOINS, without the customer: the board shows its name and tier, the case page
// its profile. `now` (an SQL expression) is what the SLA is judged against; the board passes the moment its
// filters use, so a case filtered as breached shows as breached. Optional fields are left out when they have
// no value (jsonb_strip_nulls); driver, sla.dueAt and attention are null instead.
export const caseSummaryJson = (now: string) => `(jsonb_build_object(
    'caseId', c.id, 'workflowId', c.workflow_id, 'customerId', c.customer_id,
    'stage', c.stage, 'status', c.status, 'riskScore', c.risk_score, 'driver', c.driver, 'priority', c.priority,
    'playbook', jsonb_build_object('id', c.playbook_id, 'version', c.playbook_version),
    'sla', jsonb_build_object('dueAt', ${iso('c.sla_due_at')}, 'breached', c.status = 'open' AND c.sla_due_at IS NOT NULL AND c.sla_due_at < ${now}),
    -- Why nothing automatic can move the case; a supervisor retries, reassigns or closes it.
    'attention', CASE WHEN c.attention_reason IS NULL THEN 'null'::jsonb ELSE jsonb_build_object('reason', c.attention_reason, 'since', ${iso('c.attention_since')}) END,
    'openedAt', ${iso('c.opened_at')})
  || jsonb_strip_nulls(jsonb_build_object(
    'outcome', c.outcome, 'closedAt', ${iso('c.closed_at')},
    'team', CASE WHEN t.id IS NULL THEN NULL ELSE jsonb_build_object('id', t.id, 'name', t.name) END,
    'assignee', CASE WHEN a.id IS NULL THEN NULL ELSE jsonb_build_object('id', a.id, 'name', a.name) END)))`;

// The customer as the board shows it.
export const BOARD_CUSTOMER_JSON = `jsonb_build_object('customer', jsonb_build_object('id', cu.id, 'name', cu.name, 'tier', cu.tier))`;
