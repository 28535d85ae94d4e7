import { classifyDriver } from '../../domain/driver';
import type { RiskSignalInput } from '../../domain/risk';

const s = (type: RiskSignalInput['type'], details?: Record<string, unknown>): RiskSignalInput => ({
  signalId: `${type}-${JSON.stringify(details)}`,
  type,
  occurredAt: '2026-11-22T10:00:00Z',
  details,
});

describe('churn driver classification', () => {
  test('competitor offers and maturing products are product/yield-driven', () => {
    expect(classifyDriver([s('competitor_offer')])).toBe('product_yield');
    expect(classifyDriver([s('product_maturity')])).toBe('product_yield');
    expect(classifyDriver([s('balance_drop')])).toBe('product_yield');
  });

  test('complaints are service-driven', () => {
    expect(classifyDriver([s('complaint')])).toBe('service');
    expect(classifyDriver([s('activity_drop', { cause: 'service' })])).toBe('service');
  });

  test('money leaving for a purchase is a life event', () => {
    expect(classifyDriver([s('large_outflow', { purpose: 'House' })])).toBe('life_event');
    expect(classifyDriver([s('large_outflow', { purpose: 'car' }), s('complaint')])).toBe('life_event');
    expect(classifyDriver([s('large_outflow', { purpose: 'holiday' })])).toBe('product_yield');
  });

  test('broker-moved special funds win over every other reading', () => {
    expect(classifyDriver([s('complaint'), s('large_outflow', { counterpartyType: 'broker' })])).toBe('special_funds');
    expect(classifyDriver([s('large_outflow', { intermediary: true, purpose: 'house' })])).toBe('special_funds');
    expect(classifyDriver([s('large_outflow', { fundsType: 'special' })])).toBe('special_funds');
    expect(classifyDriver([s('large_outflow', { intermediary: 'yes' })])).toBe('product_yield');
  });
});
