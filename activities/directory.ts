// Reads the playbook needs from the bank's directory: customer profile, playbook, catalog, team workload.
import { ApplicationFailure } from '@temporalio/activity';
import { rankAgents, teamFor } from '../domain/assignment';
import type { CustomerProfile } from '../domain/customer';
import { HELD_OFFER_STATUSES, type CatalogOffer } from '../domain/offer';
import { AGENT_CONTACT_PURPOSE, startOfQuotaDay } from '../domain/quota-day';
import { playbookDefinitionSchema, type PinnedPlaybook } from '../domain/playbook';
import { choosePlaybook, DEFAULT_PLAYBOOK, newestVersions } from '../domain/playbook-selection';
import type { ChurnDriver, Tier } from '../domain/vocabulary';
import { onShift, type WorkingHours } from '../domain/working-hours';
import type { ActivityDeps } from './deps';
import type { Db } from '../config/database';
import type { Sql } from '../config/sql';
import { CUSTOMER_PROFILE_JSON } from '../config/customer-profile-sql';
import { agentContactsToday, agentOpenCases } from '../config/agent-load-sql';

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

type PlaybookRequest = { playbookId?: string; version?: number; tier: Tier; driver: ChurnDriver };

// The version pinned when the case opened (API intake); cases opened before pinning at intake get the named
// playbook, or the best match for the tier and driver (domain/playbook-selection.ts), at its newest version.
// Playbook versions are immutable: a pinned version read once serves every later case of this process.
function playbookLoader(db: Db): (req: PlaybookRequest) => Promise<PinnedPlaybook> {
  const pinnedVersions = new Map<string, PinnedPlaybook>();
  return async (req) => {
    const pinnedKey = req.playbookId && req.version ? `${req.playbookId}@${req.version}` : undefined;
    const cached = pinnedKey ? pinnedVersions.get(pinnedKey) : undefined;
    if (cached) return cached;
    const versions = await db.playbookVersion.findMany({
      where: req.playbookId ? { playbookId: req.playbookId, ...(req.version ? { version: req.version } : {}) } : {},
    });
    const parsed = versions.map((v) => ({
      id: v.playbookId,
      version: v.version,
      definition: playbookDefinitionSchema.parse(v.definition),
    }));
    const chosen = choosePlaybook(newestVersions(parsed), req);
    if (!chosen) {
      const what = req.playbookId
        ? `playbook ${req.playbookId}${req.version ? ` version ${req.version}` : ''} does not exist`
        : `no playbook applies and "${DEFAULT_PLAYBOOK}" is missing`;
      throw ApplicationFailure.nonRetryable(what, 'playbook_not_found');
    }
    if (pinnedKey) pinnedVersions.set(pinnedKey, chosen);
    return chosen;
  };
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

async function listOfferCatalog(db: Db): Promise<CatalogOffer[]> {
  // Only offers inside their validity window, if they have one.
  const now = new Date();
  const offers = await db.offer.findMany({
    where: {
      active: true,
      AND: [
        { OR: [{ validFrom: null }, { validFrom: { lte: now } }] },
        { OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
      ],
    },
  });
  // Offers held now count against a volume cap: awaiting approval, presented, or accepted.
  const held = await db.caseOffer.groupBy({
    by: ['offerId'],
    where: { status: { in: HELD_OFFER_STATUSES } },
    _count: { _all: true },
  });
  const heldBy = new Map(held.map((g) => [g.offerId, g._count._all]));
  return offers.map(({ volumeCap, validFrom: _from, validUntil: _until, ...o }) => ({
    ...o,
    cost: o.cost.toNumber(),
    minValue: o.minValue.toNumber(),
    remaining: volumeCap === null ? undefined : Math.max(0, volumeCap - (heldBy.get(o.id) ?? 0)),
  }));
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
      return { customer, playbook: await loadPlaybook({ ...req.playbook, tier: customer.tier }) };
    },
    assignCase: (req: {
      caseId: string;
      tier: Tier;
      driver?: ChurnDriver;
    }): Promise<{ teamId?: string; agentId?: string }> => assignCase(sql, req),
    listOfferCatalog: () => listOfferCatalog(db),
  };
}
