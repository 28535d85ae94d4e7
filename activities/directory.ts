// Reads the playbook needs from the bank's directory: customer profile, teams and agents' load with
// node-postgres; the playbook versions and the offer catalog come from catalog.ts (Prisma).
import { ApplicationFailure } from '@temporalio/activity';
import { rankAgents, teamFor } from '../domain/assignment';
import type { CustomerProfile } from '../domain/customer';
import { AGENT_CONTACT_PURPOSE, startOfQuotaDay } from '../domain/quota-day';
import type { PinnedPlaybook } from '../domain/playbook';
import type { ChurnDriver, Tier } from '../domain/vocabulary';
import { onShift, type WorkingHours } from '../domain/working-hours';
import { listOfferCatalog, playbookLoader } from './catalog';
import type { ActivityDeps } from './deps';
import type { Sql } from '../config/sql';
import { CUSTOMER_PROFILE_JSON } from './customer-profile-sql';
import { agentContactsToday, agentOpenCases } from './agent-load-sql';

interface AgentLoadRow {
  id: string;
  team_id: string;
  skills: string[];
  daily_contact_quota: number;
  contacts_today: number;
  open_cases: number;
  working_hours: WorkingHours | null;
}

async function loadCustomer(sql: Sql, customerId: string): Promise<CustomerProfile> {
  const { rows } = await sql.query<{ profile: CustomerProfile }>({
    name: 'load-customer',
    text: `SELECT ${CUSTOMER_PROFILE_JSON} AS profile FROM customers WHERE id = $1`,
    values: [customerId],
  });
  const profile = rows[0]?.profile;
  if (!profile) throw ApplicationFailure.nonRetryable(`customer ${customerId} does not exist`, 'customer_not_found');
  return profile;
}

// The team serving the tier (and driver), then its agent ranked first by domain/assignment.ts.
async function assignCase(
  sql: Sql,
  req: { caseId: string; tier: Tier; driver?: ChurnDriver },
): Promise<{ teamId?: string; agentId?: string }> {
  const teams = await sql.query<{ id: string; tiers: string[]; drivers: string[] }>({
    name: 'teams',
    text: 'SELECT id, tiers, drivers FROM teams ORDER BY id',
  });
  const team = teamFor(teams.rows, req.tier, req.driver);
  if (!team) return {};
  // Every active agent of the team with today's recorded contacts and open cases, in one statement; neither
  // count reads more rows as cases pile up (migration 20261201030000).
  const { rows } = await sql.query<AgentLoadRow>({
    name: 'agent-loads',
    text: `SELECT a.id, a.team_id, a.skills, a.daily_contact_quota, a.working_hours,
        ${agentContactsToday('a.id', '$2', '$3')} AS contacts_today,
        -- Less this case if the agent already has it.
        (${agentOpenCases('a.id')}
          - CASE WHEN a.id = (SELECT c.agent_id FROM cases c WHERE c.id = $4 AND c.status = 'open') THEN 1 ELSE 0 END)::int AS open_cases
      FROM agents a WHERE a.team_id = $1 AND a.active ORDER BY a.id`,
    values: [team.id, AGENT_CONTACT_PURPOSE, startOfQuotaDay(new Date()), req.caseId],
  });
  const now = new Date();
  const loads = rows.map((a) => ({
    id: a.id,
    teamId: a.team_id,
    skills: a.skills,
    dailyContactQuota: a.daily_contact_quota,
    contactsToday: a.contacts_today,
    openCases: a.open_cases,
    onShift: onShift(a.working_hours, now),
  }));
  return { teamId: team.id, agentId: rankAgents(loads, req.driver)[0]?.id };
}

export function createDirectory(deps: ActivityDeps) {
  const { db, sql } = deps;
  const loadPlaybook = playbookLoader(db);
  return {
    loadCustomer: (customerId: string) => loadCustomer(sql, customerId),
    // What detect needs, in one step: the customer and the playbook version the case pinned.
    async loadCaseContext(req: {
      customerId: string;
      playbook: { playbookId?: string; version?: number; driver: ChurnDriver };
    }): Promise<{ customer: CustomerProfile; playbook: PinnedPlaybook }> {
      const customer = await loadCustomer(sql, req.customerId);
      const { tier, lifecycleStage: stage, segment } = customer;
      return { customer, playbook: await loadPlaybook({ ...req.playbook, tier, stage, segment }) };
    },
    assignCase: (req: {
      caseId: string;
      tier: Tier;
      driver?: ChurnDriver;
    }): Promise<{ teamId?: string; agentId?: string }> => assignCase(sql, req),
    listOfferCatalog: () => listOfferCatalog(db),
  };
}
