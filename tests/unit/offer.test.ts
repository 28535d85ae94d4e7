import { eligibleOffers, needsApproval, offerBudget, type CatalogOffer } from '../../domain/offer';
import { TIERS } from '../../domain/vocabulary';

// The test's own catalog (shaped like a bank's): what each rule below is checked against.
const ALL_TIERS = [...TIERS];
const catalog: CatalogOffer[] = [
  {
    id: 'rate-bonus-50bp',
    name: '+0.50% rate bonus',
    kind: 'rate_bonus',
    drivers: ['product_yield'],
    tiers: ALL_TIERS,
    cost: 250,
    minValue: 50_000,
  },
  {
    id: 'rate-bonus-25bp',
    name: '+0.25% rate bonus',
    kind: 'rate_bonus',
    drivers: ['product_yield'],
    tiers: ALL_TIERS,
    cost: 60,
    minValue: 5_000,
  },
  {
    id: 'fee-waiver-12m',
    name: 'Fees waived for 12 months',
    kind: 'fee_waiver',
    drivers: ['service', 'product_yield'],
    tiers: ALL_TIERS,
    cost: 48,
    minValue: 0,
  },
  {
    id: 'points-5000',
    name: '5,000 loyalty points',
    kind: 'points',
    drivers: ['service'],
    tiers: ['affluent', 'mass'],
    cost: 25,
    minValue: 0,
  },
  {
    id: 'concierge-service',
    name: 'Concierge service',
    kind: 'value_added_service',
    drivers: ['service', 'product_yield'],
    tiers: ['premier'],
    cost: 400,
    minValue: 250_000,
  },
  {
    id: 'instalment-plan',
    name: 'Instalment plan',
    kind: 'instalment_plan',
    drivers: ['life_event'],
    tiers: ALL_TIERS,
    cost: 40,
    minValue: 0,
  },
  {
    id: 'preferred-financing',
    name: 'Preferred-rate financing',
    kind: 'financing',
    drivers: ['life_event'],
    tiers: ['premier', 'affluent'],
    cost: 300,
    minValue: 50_000,
  },
].map((o) => ({ ...o, active: true }));
const ctx = {
  tier: 'mass' as const,
  driver: 'product_yield' as const,
  assetsUnderManagement: 20_000,
  budgetRate: 0.005,
};

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
    const ids = eligibleOffers(catalog, {
      ...ctx,
      tier: 'affluent',
      driver: 'life_event',
      assetsUnderManagement: 100_000,
    }).map((o) => o.kind);
    expect(ids).toEqual(['financing', 'instalment_plan']);
  });

  test('special funds have no eligible offer', () => {
    expect(eligibleOffers(catalog, { ...ctx, driver: 'special_funds', assetsUnderManagement: 10_000_000 })).toEqual([]);
  });

  test('inactive offers and offers for other tiers are never chosen', () => {
    const withInactive = catalog.map((o) => (o.id === 'rate-bonus-25bp' ? { ...o, active: false } : o));
    expect(eligibleOffers(withInactive, ctx).map((o) => o.id)).toEqual(['fee-waiver-12m']);
    expect(
      eligibleOffers(catalog, { ...ctx, tier: 'mass', driver: 'service', assetsUnderManagement: 10_000_000 }).map(
        (o) => o.id,
      ),
    ).not.toContain('concierge-service');
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
