// Reads the playbook needs from the bank's directory: customer profile, playbook, catalog, team workload.
import { ApplicationFailure } from '@temporalio/activity';
import { rankAgents, teamFor } from '../domain/assignment';
import type { CustomerProfile } from '../domain/customer';
import { HELD_OFFER_STATUSES, type CatalogOffer } from '../domain/offer';
import { AGENT_CONTACT_PURPOSE, startOfQuotaDay } from '../domain/quota-day';
import { playbookDefinitionSchema, type PinnedPlaybook } from '../domain/playbook';
import { choosePlaybook, DEFAULT_PLAYBOOK, newestVersions } from '../domain/playbook-selection';
import type { ChurnDriver, ContactChannel, Tier } from '../domain/vocabulary';
import type { ActivityDeps } from './deps';

export function createDirectory({ db }: ActivityDeps) {
  return {
    async loadCustomer(customerId: string): Promise<CustomerProfile> {
      const c = await db.customer.findUnique({ where: { id: customerId } });
      if (!c) throw ApplicationFailure.nonRetryable(`customer ${customerId} does not exist`, 'customer_not_found');
      return {
        id: c.id,
        tier: c.tier,
        segment: c.segment,
        lifecycleStage: c.lifecycleStage,
        assetsUnderManagement: c.assetsUnderManagement.toNumber(),
        timeZone: c.timeZone,
        hasPhone: Boolean(c.phone),
        hasEmail: Boolean(c.email),
        preferredChannels: c.preferredChannels as ContactChannel[],
        consent: { sms: c.consentSms, email: c.consentEmail, phone: c.consentPhone },
      };
    },

    // The version pinned when the case opened (API intake); cases opened before pinning at intake get the
    // named playbook, or the best match for the tier and driver, at its newest version.
    async loadPlaybook(req: { playbookId?: string; version?: number; tier: Tier; driver: ChurnDriver }): Promise<PinnedPlaybook> {
      const versions = await db.playbookVersion.findMany({
        where: req.playbookId ? { playbookId: req.playbookId, ...(req.version ? { version: req.version } : {}) } : {},
      });
      const parsed = versions.map((v) => ({ id: v.playbookId, version: v.version, definition: playbookDefinitionSchema.parse(v.definition) }));
      const chosen = choosePlaybook(newestVersions(parsed), req);
      if (!chosen) {
        const what = req.playbookId ? `playbook ${req.playbookId}${req.version ? ` version ${req.version}` : ''} does not exist` : `no playbook applies and "${DEFAULT_PLAYBOOK}" is missing`;
        throw ApplicationFailure.nonRetryable(what, 'playbook_not_found');
      }
      return chosen;
    },

    async assignCase(req: { caseId: string; tier: Tier; driver?: ChurnDriver }): Promise<{ teamId?: string; agentId?: string }> {
      const team = teamFor(await db.team.findMany({ select: { id: true, tiers: true, drivers: true } }), req.tier, req.driver);
      if (!team) return {};
      const since = startOfQuotaDay(new Date());
      const agents = await db.agent.findMany({ where: { teamId: team.id, active: true } });
      const loads = await Promise.all(
        agents.map(async (a) => ({
          id: a.id,
          teamId: a.teamId,
          skills: a.skills,
          dailyContactQuota: a.dailyContactQuota,
          contactsToday: await db.contactAttempt.count({ where: { agentId: a.id, purpose: AGENT_CONTACT_PURPOSE, createdAt: { gte: since } } }),
          openCases: await db.case.count({ where: { agentId: a.id, status: 'open', id: { not: req.caseId } } }),
        })),
      );
      return { teamId: team.id, agentId: rankAgents(loads, req.driver)[0]?.id };
    },

    async listOfferCatalog(): Promise<CatalogOffer[]> {
      const offers = await db.offer.findMany({ where: { active: true } });
      // Offers held now count against a volume cap: awaiting approval, presented, or accepted.
      const held = await db.caseOffer.groupBy({ by: ['offerId'], where: { status: { in: HELD_OFFER_STATUSES } }, _count: { _all: true } });
      const heldBy = new Map(held.map((g) => [g.offerId, g._count._all]));
      return offers.map(({ volumeCap, ...o }) => ({
        ...o,
        cost: o.cost.toNumber(),
        minValue: o.minValue.toNumber(),
        remaining: volumeCap === null ? undefined : Math.max(0, volumeCap - (heldBy.get(o.id) ?? 0)),
      }));
    },
  };
}
