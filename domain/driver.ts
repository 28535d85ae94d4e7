// Churn driver classification from the signals' types and details, in the order banks triage them:
// broker-moved "special" funds first (never treated), then life events, service, product/yield.
import type { ChurnDriver } from './vocabulary';
import type { RiskSignalInput } from './risk';

const LIFE_EVENT_PURPOSES = new Set(['house', 'home', 'car', 'education', 'wedding', 'renovation', 'purchase']);

const detail = (s: RiskSignalInput, key: string): unknown => s.details?.[key];

function isIntermediaryFunds(s: RiskSignalInput): boolean {
  return (
    detail(s, 'intermediary') === true ||
    detail(s, 'counterpartyType') === 'broker' ||
    detail(s, 'fundsType') === 'special'
  );
}

function isLifeEvent(s: RiskSignalInput): boolean {
  const purpose = detail(s, 'purpose');
  return typeof purpose === 'string' && LIFE_EVENT_PURPOSES.has(purpose.toLowerCase());
}

export function classifyDriver(signals: RiskSignalInput[]): ChurnDriver {
  if (signals.some(isIntermediaryFunds)) return 'special_funds';
  if (signals.some(isLifeEvent)) return 'life_event';
  if (signals.some((s) => s.type === 'complaint' || detail(s, 'cause') === 'service')) return 'service';
  return 'product_yield';
}
