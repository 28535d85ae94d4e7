// Teams and their workload: what a supervisor checks before moving cases between agents. An agent's open
// cases and today's contacts are read as assignment reads them (activities/agent-load-sql.ts), so the view shows
// the load the router acts on.
import { agentContactsToday, agentOpenCases } from '../../activities/agent-load-sql';
import type { Sql } from '../../config/sql';
import { AGENT_CONTACT_PURPOSE, startOfQuotaDay } from '../../domain/quota-day';

// The team ($1) with its open cases nobody holds yet ($2: now) and those waiting for a supervisor.
const TEAM_FIGURES = `SELECT t.id, t.name,
    (SELECT count(*) FROM cases c WHERE c.team_id = t.id AND c.status = 'open' AND c.agent_id IS NULL)::int AS "unassignedOpen",
    (SELECT count(*) FROM cases c WHERE c.team_id = t.id AND c.status = 'open' AND c.agent_id IS NULL AND c.sla_due_at < $2)::int AS "unassignedBreached",
    (SELECT count(*) FROM cases c WHERE c.team_id = t.id AND c.status = 'open' AND c.attention_since IS NOT NULL)::int AS "needsAttention"
  FROM teams t WHERE t.id = $1`;

// Every agent of the team ($1), active or not: open cases, those past their SLA ($2: now) and today's contacts.
const AGENT_FIGURES = `SELECT a.id AS "agentId", a.name, a.active,
    ${agentOpenCases('a.id')}::int AS "openCases",
    (SELECT count(*) FROM cases c WHERE c.agent_id = a.id AND c.status = 'open' AND c.sla_due_at < $2)::int AS "slaBreaches",
    ${agentContactsToday('a.id', '$3', '$4')} AS "contactsToday", a.daily_contact_quota AS "dailyContactQuota"
  FROM agents a WHERE a.team_id = $1 ORDER BY a.id`;

type TeamRow = { id: string; name: string; unassignedOpen: number; unassignedBreached: number; needsAttention: number };
type AgentRow = {
  agentId: string;
  name: string;
  active: boolean;
  dailyContactQuota: number;
  openCases: number;
  slaBreaches: number;
  contactsToday: number;
};

// The team's workload at `now`; null when there is no such team.
export async function teamWorkload(sql: Sql, teamId: string, now: Date) {
  const dayStart = startOfQuotaDay(now);
  const [
    {
      rows: [team],
    },
    { rows: agents },
  ] = await Promise.all([
    sql.query<TeamRow>({ name: 'workload-team', text: TEAM_FIGURES, values: [teamId, now] }),
    sql.query<AgentRow>({
      name: 'workload-agents',
      text: AGENT_FIGURES,
      values: [teamId, now, AGENT_CONTACT_PURPOSE, dayStart],
    }),
  ]);
  if (!team) return null;
  const rows = agents.map((a) => ({ ...a, quotaRemaining: Math.max(0, a.dailyContactQuota - a.contactsToday) }));
  return {
    teamId: team.id,
    name: team.name,
    at: now.toISOString(),
    quotaDayStartedAt: dayStart.toISOString(),
    agents: rows,
    unassigned: { openCases: team.unassignedOpen, slaBreaches: team.unassignedBreached },
    // Open cases of the team that wait for a supervisor (no channel left, a failed step).
    needsAttention: team.needsAttention,
    totals: {
      openCases: rows.reduce((n, r) => n + r.openCases, team.unassignedOpen),
      slaBreaches: rows.reduce((n, r) => n + r.slaBreaches, team.unassignedBreached),
      contactsToday: rows.reduce((n, r) => n + r.contactsToday, 0),
      dailyContactQuota: rows.filter((r) => r.active).reduce((n, r) => n + r.dailyContactQuota, 0),
    },
  };
}
