// Case rows written straight into the projection, for tests of what the API reads (board, workload,
// reports) where running each case's workflow would only add time. Each call makes its own team.
import type { Db } from '../../config/database';
import { uniqueId } from './harness';

export interface CaseRow {
  stage?: string;
  status?: 'open' | 'closed';
  outcome?: string;
  driver?: string;
  tier?: 'premier' | 'affluent' | 'mass';
  priority?: number;
  openedAt: Date;
  slaDueAt?: Date | null;
  agentId?: string | null;
  playbookId?: string;
  assets?: number;
  holdout?: boolean;
  slaBreached?: boolean;
  offer?: { offerId: string; cost: number; status: string };
}

export async function createTeam(db: Db, agents: { quota?: number }[] = [{}]) {
  const teamId = uniqueId('team');
  await db.team.create({ data: { id: teamId, name: `Team ${teamId}`, tiers: [] } });
  const agentIds: string[] = [];
  for (const [i, a] of agents.entries()) {
    const id = `${teamId}-agent-${i + 1}`;
    await db.agent.create({
      data: { id, teamId, name: `Agent ${i + 1}`, skills: [], dailyContactQuota: a.quota ?? 10 },
    });
    agentIds.push(id);
  }
  return { teamId, agentIds };
}

export async function insertCase(db: Db, teamId: string | null, row: CaseRow): Promise<string> {
  const customerId = uniqueId('cust');
  await db.customer.create({
    data: {
      id: customerId,
      name: 'Row Customer',
      tier: row.tier ?? 'mass',
      timeZone: 'Europe/Madrid',
      preferredChannels: ['sms'],
      assetsUnderManagement: row.assets ?? 0,
    },
  });
  const caseId = uniqueId('case');
  await db.case.create({
    data: {
      id: caseId,
      workflowId: `retention-case/${customerId}`,
      customerId,
      reason: 'test row',
      stage: row.stage ?? (row.status === 'closed' ? 'closed' : 'contacting'),
      status: row.status ?? 'open',
      outcome: row.outcome,
      driver: row.driver ?? 'product_yield',
      priority: row.priority ?? 50,
      playbookId: row.playbookId ?? 'demo',
      playbookVersion: 1,
      teamId,
      agentId: row.agentId ?? null,
      slaDueAt: row.slaDueAt ?? null,
      openedAt: row.openedAt,
      closedAt: row.status === 'closed' ? row.openedAt : null,
    },
  });
  let seq = 0;
  const event = (type: string) =>
    db.caseEvent.create({ data: { caseId, seq: ++seq, at: row.openedAt, type, actor: 'test', data: {} } });
  if (row.holdout) await event('holdout_assigned');
  if (row.slaBreached) await event('sla_breached');
  if (row.offer) {
    await db.caseOffer.create({
      data: {
        key: `${caseId}:offer:0`,
        caseId,
        offerId: row.offer.offerId,
        cost: row.offer.cost,
        status: row.offer.status,
        expiresAt: row.openedAt,
      },
    });
  }
  return caseId;
}
