// Offer selection: only catalog offers ("no false promises"), eligible by tier and driver, within a
// budget proportional to the customer's value; the most valuable such offer first.
import type { ChurnDriver, Tier } from './vocabulary';

export interface CatalogOffer {
  id: string;
  name: string;
  kind: string;
  drivers: string[];
  tiers: string[];
  cost: number;
  minValue: number;
  active: boolean;
  // How many more customers may hold it under its volume cap; undefined when uncapped.
  remaining?: number;
}

export interface OfferContext {
  tier: Tier;
  driver: ChurnDriver;
  assetsUnderManagement: number;
  budgetRate: number;
}

export function offerBudget(ctx: Pick<OfferContext, 'assetsUnderManagement' | 'budgetRate'>): number {
  return Math.round(ctx.assetsUnderManagement * ctx.budgetRate * 100) / 100;
}

export function eligibleOffers(catalog: CatalogOffer[], ctx: OfferContext): CatalogOffer[] {
  const budget = offerBudget(ctx);
  return catalog
    .filter(
      (o) =>
        o.active &&
        o.tiers.includes(ctx.tier) &&
        o.drivers.includes(ctx.driver) &&
        o.minValue <= ctx.assetsUnderManagement &&
        o.cost <= budget &&
        (o.remaining === undefined || o.remaining > 0),
    )
    .sort((a, b) => b.cost - a.cost || a.id.localeCompare(b.id));
}

export function needsApproval(offer: Pick<CatalogOffer, 'cost'>, approvalCostThreshold: number): boolean {
  return offer.cost > approvalCostThreshold;
}

// Offer holds that take one of a capped offer's slots: awaiting approval, approved, presented, accepted.
export const HELD_OFFER_STATUSES = ['pending_approval', 'approved', 'presented', 'accepted'];
// Holds that end when their case closes without the customer accepting: the slot is free again.
export const RELEASABLE_OFFER_STATUSES = HELD_OFFER_STATUSES.filter((s) => s !== 'accepted');
