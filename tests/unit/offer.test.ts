import { eligibleOffers, needsApproval, offerBudget, type CatalogOffer } from '../../domain/offer';
import { OFFERS } from '../../dev/seed';

const catalog: CatalogOffer[] = OFFERS.map((o) => ({ ...o, active: true }));
const ctx = { tier: 'mass' as const, driver: 'product_yield' as const, assetsUnderManagement: 20_000, budgetRate: 0.005 };

describe('offer selection', () => {
  test('the budget is proportional to the customer value', () => {
    expect(offerBudget({ assetsUnderManagement: 20_000, budgetRate: 0.005 })).toBe(100);
    expect(offerBudget({ assetsUnderManagement: 0, budgetRate: 0.005 })).toBe(0);
  });

  test('the most valuable eligible offer within budget comes first', () => {
    expect(eligibleOffers(catalog, ctx).map((o) => o.id)).toEqual(['rate-bonus-25bp', 'fee-waiver-12m']);
  });

  test('an offer costing exactly the budget is eligible, a cent more is not', () => {
    const exact = { ...ctx, assetsUnderManagement: 12_000 }; // budget 60
    expect(eligibleOffers(catalog, exact).map((o) => o.id)).toContain('rate-bonus-25bp');
    const short = { ...ctx, assetsUnderManagement: 11_998 }; // budget 59.99
    expect(eligibleOffers(catalog, short).map((o) => o.id)).not.toContain('rate-bonus-25bp');
  });

  test('life events get instalments and financing, never a rate bonus', () => {
    const ids = eligibleOffers(catalog, { ...ctx, tier: 'affluent', driver: 'life_event', assetsUnderManagement: 100_000 }).map((o) => o.kind);
    expect(ids).toEqual(['financing', 'instalment_plan']);
  });

  test('special funds have no eligible offer', () => {
    expect(eligibleOffers(catalog, { ...ctx, driver: 'special_funds', assetsUnderManagement: 10_000_000 })).toEqual([]);
  });

  test('inactive offers and offers for other tiers are never chosen', () => {
    const withInactive = catalog.map((o) => (o.id === 'rate-bonus-25bp' ? { ...o, active: false } : o));
    expect(eligibleOffers(withInactive, ctx).map((o) => o.id)).toEqual(['fee-waiver-12m']);
    expect(eligibleOffers(catalog, { ...ctx, tier: 'mass', driver: 'service', assetsUnderManagement: 10_000_000 }).map((o) => o.id)).not.toContain('concierge-service');
  });

  test('an offer at its volume cap is not offered; one left still is', () => {
    const capped = catalog.map((o) => (o.id === 'rate-bonus-25bp' ? { ...o, remaining: 0 } : o));
    expect(eligibleOffers(capped, ctx).map((o) => o.id)).toEqual(['fee-waiver-12m']);
    const oneLeft = catalog.map((o) => (o.id === 'rate-bonus-25bp' ? { ...o, remaining: 1 } : o));
    expect(eligibleOffers(oneLeft, ctx)[0]?.id).toBe('rate-bonus-25bp');
  });

  test('approval is needed strictly above the threshold', () => {
    expect(needsApproval({ cost: 200 }, 200)).toBe(false);
    expect(needsApproval({ cost: 200.01 }, 200)).toBe(true);
  });
});
