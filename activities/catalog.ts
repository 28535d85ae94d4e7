// The playbook versions and the offer catalog a case reads (through Prisma): the directory's other half,
// customers, teams and agents, is read with node-postgres in directory.ts.
import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../config/database';
import { HELD_OFFER_STATUSES, type CatalogOffer } from '../domain/offer';
import { playbookDefinitionSchema, type PinnedPlaybook } from '../domain/playbook';
import { choosePlaybook, DEFAULT_PLAYBOOK, newestVersions, type ChoiceRequest } from '../domain/playbook-selection';

type PlaybookRequest = ChoiceRequest & { version?: number };

// The version pinned when the case opened (API intake); cases opened before pinning at intake get the named
// playbook, or the best match for the customer and driver (domain/playbook-selection.ts), at its newest version.
// Playbook versions are immutable: a pinned version read once serves every later case of this process.
export function playbookLoader(db: Db): (req: PlaybookRequest) => Promise<PinnedPlaybook> {
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

export async function listOfferCatalog(db: Db): Promise<CatalogOffer[]> {
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
