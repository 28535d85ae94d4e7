// What a dry run reads, all in one READ ONLY transaction (PostgreSQL refuses any write in it): the window's
// stored signals, the customers they name as they are today, teams, agents with their open cases, the offer
// catalog with the slots held now, every playbook's versions, and the bank's recent reach and acceptance rates.
import type { PoolClient } from 'pg';
import { agentOpenCases } from '../../activities/agent-load-sql';
import { cappedContactAt, countsAgainstCap } from '../../activities/capped-contacts-sql';
import { CUSTOMER_PROFILE_JSON } from '../../activities/customer-profile-sql';
import type { CustomerProfile } from '../../domain/customer';
import type { DryRunAgent, ReplaySignal } from '../../domain/dry-run-state';
import type { CatalogOffer } from '../../domain/offer';
import { HELD_OFFER_STATUSES } from '../../domain/offer';
import { AGENT_CONTACT_PURPOSE } from '../../domain/quota-day';
import { playbookDefinitionSchema, type PinnedPlaybook } from '../../domain/playbook';
import type { SignalType } from '../../domain/vocabulary';

export interface Window {
  from: Date;
  to: Date;
  customerIds?: string[];
}

const signalFilter = `received_at >= $1 AND received_at < $2 AND ($3::text[] IS NULL OR customer_id = ANY($3))`;
const windowValues = (w: Window) => [w.from, w.to, w.customerIds ?? null];

export async function readSignals(tx: PoolClient, w: Window): Promise<ReplaySignal[]> {
  const { rows } = await tx.query<{
    id: string;
    customer_id: string;
    type: SignalType;
    severity: number | null;
    occurred_at: Date;
    details: Record<string, unknown>;
    received_at: Date;
  }>(
    `SELECT id, customer_id, type, severity, occurred_at, details, received_at FROM risk_signals WHERE ${signalFilter} ORDER BY received_at, id`,
    windowValues(w),
  );
  return rows.map((r) => ({
    signalId: r.id,
    customerId: r.customer_id,
    type: r.type,
    severity: r.severity ?? undefined,
    occurredAt: r.occurred_at.toISOString(),
    details: r.details,
    receivedAt: r.received_at,
  }));
}

// The earliest and latest signal stored at all, to say how much of a long window the data covers.
export async function storedSignalSpan(tx: PoolClient): Promise<{ first: Date | null; last: Date | null }> {
  const { rows } = await tx.query<{ first: Date | null; last: Date | null }>(
    'SELECT min(received_at) AS first, max(received_at) AS last FROM risk_signals',
  );
  return rows[0]!;
}

export async function readCustomers(tx: PoolClient, w: Window): Promise<Map<string, CustomerProfile>> {
  const { rows } = await tx.query<{ profile: CustomerProfile }>(
    `SELECT ${CUSTOMER_PROFILE_JSON} AS profile FROM customers WHERE id IN (SELECT DISTINCT customer_id FROM risk_signals WHERE ${signalFilter})`,
    windowValues(w),
  );
  return new Map(rows.map((r) => [r.profile.id, r.profile]));
}

export async function readDirectory(tx: PoolClient) {
  const teams = await tx.query<{ id: string; tiers: string[]; drivers: string[] }>(
    'SELECT id, tiers, drivers FROM teams ORDER BY id',
  );
  const agents = await tx.query<{
    id: string;
    team_id: string;
    skills: string[];
    daily_contact_quota: number;
    working_hours: DryRunAgent['workingHours'];
    open_cases: number;
  }>(
    `SELECT a.id, a.team_id, a.skills, a.daily_contact_quota, a.working_hours, ${agentOpenCases('a.id')}::int AS open_cases FROM agents a WHERE a.active ORDER BY a.id`,
  );
  return {
    teams: teams.rows,
    agents: agents.rows.map(
      (a): DryRunAgent => ({
        id: a.id,
        teamId: a.team_id,
        skills: a.skills,
        dailyContactQuota: a.daily_contact_quota,
        openCases: a.open_cases,
        workingHours: a.working_hours,
      }),
    ),
  };
}

// Offers as listOfferCatalog (activities/directory.ts) sees them now: active, inside their validity, with
// the volume cap's slots left after the holds of today's cases.
export async function readOffers(tx: PoolClient): Promise<(CatalogOffer & { volumeCap: number | null })[]> {
  const { rows } = await tx.query<{
    id: string;
    name: string;
    kind: string;
    drivers: string[];
    tiers: string[];
    cost: number;
    min_value: number;
    volume_cap: number | null;
    held: number;
  }>(
    `SELECT o.id, o.name, o.kind, o.drivers, o.tiers, o.cost::float8 AS cost, o.min_value::float8 AS min_value, o.volume_cap,
            (SELECT count(*) FROM case_offers co WHERE co.offer_id = o.id AND co.status = ANY($1))::int AS held
       FROM offers o WHERE o.active AND (o.valid_from IS NULL OR o.valid_from <= now()) AND (o.valid_until IS NULL OR o.valid_until > now()) ORDER BY o.id`,
    [HELD_OFFER_STATUSES],
  );
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    drivers: o.drivers,
    tiers: o.tiers,
    cost: o.cost,
    minValue: o.min_value,
    active: true,
    volumeCap: o.volume_cap,
    remaining: o.volume_cap === null ? undefined : Math.max(0, o.volume_cap - o.held),
  }));
}

export async function readPlaybookVersions(tx: PoolClient): Promise<PinnedPlaybook[]> {
  const { rows } = await tx.query<{ playbook_id: string; version: number; definition: unknown }>(
    'SELECT playbook_id, version, definition FROM playbook_versions',
  );
  return rows.map((r) => ({
    id: r.playbook_id,
    version: r.version,
    definition: playbookDefinitionSchema.parse(r.definition),
  }));
}

// The window's customers' real contacts in the 90 days before it (no playbook's cap window is longer in
// practice): the replay's frequency cap counts them, then the contacts it makes itself.
export async function readContactsBefore(tx: PoolClient, w: Window): Promise<Map<string, Date[]>> {
  const { rows } = await tx.query<{ customer_id: string; at: Date[] }>(
    `SELECT ca.customer_id, array_agg(${cappedContactAt} ORDER BY ${cappedContactAt}) AS at FROM contact_attempts ca
      WHERE ca.customer_id IN (SELECT DISTINCT customer_id FROM risk_signals WHERE ${signalFilter})
        AND ${countsAgainstCap('$4')} AND ${cappedContactAt} < $1 AND ${cappedContactAt} >= $1 - interval '90 days'
      GROUP BY ca.customer_id`,
    [...windowValues(w), AGENT_CONTACT_PURPOSE],
  );
  return new Map(rows.map((r) => [r.customer_id, r.at]));
}
