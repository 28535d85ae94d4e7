// An agent's load as PostgreSQL reads it: open cases and today's recorded contacts. Assignment
// (activities/directory.ts) ranks agents by it and the workload view (api/services/team-workload.ts) shows it,
// so both read the same numbers.

// Open cases of the agent `agent` (an SQL expression), from the counters triggers keep as cases are assigned,
// reassigned and closed (agent_open_cases, migration 20261201030000): no more rows read as cases pile up.
export const agentOpenCases = (agent: string) =>
  `(SELECT coalesce(sum(o.cases), 0) FROM agent_open_cases o WHERE o.agent_id = ${agent})`;

// Contacts the agent recorded with purpose `purpose` since `since` (both SQL expressions, normally parameters
// for AGENT_CONTACT_PURPOSE and startOfQuotaDay in domain/quota-day.ts): what the daily quota counts.
export const agentContactsToday = (agent: string, purpose: string, since: string) =>
  `(SELECT count(*) FROM contact_attempts ca WHERE ca.agent_id = ${agent} AND ca.purpose = ${purpose} AND ca.created_at >= ${since})::int`;
