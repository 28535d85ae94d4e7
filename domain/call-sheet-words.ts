// The call sheet in the bank's words: why a customer is at risk, and what an offer asks of them, as sentences
// an agent can read out or act on before the call.
import type { ChurnDriver } from './vocabulary';

export const DRIVER_SENTENCES: Record<ChurnDriver, string> = {
  product_yield: 'Looking for a better return: rates or products elsewhere pay more.',
  service: 'Unhappy with the service: a complaint or a poor experience.',
  life_event: 'A life event (a house, a car, studies) needs the money: talk financing, not rates.',
  special_funds: 'Funds moved by an intermediary: not a retention case to treat.',
};

const SIGNAL_SENTENCES: Record<string, string> = {
  large_outflow: 'a large transfer out',
  balance_drop: 'a falling balance',
  activity_drop: 'fewer transactions than usual',
  product_maturity: 'a product reaching maturity',
  complaint: 'a complaint',
  competitor_offer: "a competitor's offer",
  manual: 'an adviser’s judgement',
  balance_recovery: 'the balance came back',
};

const detailText = (details: Record<string, unknown>) =>
  Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');

// "A large transfer out (severity 0.9; amount 25000, purpose savings), 63 of the risk points."
export function riskFactorSentence(
  type: string,
  severity: number | null,
  details: Record<string, unknown>,
  contribution: number | undefined,
): string {
  const what = SIGNAL_SENTENCES[type] ?? type.replace(/_/g, ' ');
  const facts = [severity === null ? '' : `severity ${severity}`, detailText(details)].filter(Boolean).join('; ');
  const points = contribution === undefined ? '' : `, ${Math.round(contribution * 100)} of the risk points`;
  return `${what[0]!.toUpperCase()}${what.slice(1)}${facts ? ` (${facts})` : ''}${points}.`;
}

export interface OfferTerms {
  cost: number;
  minValue: number;
  approvalCostThreshold: number;
  expiry: string;
  remaining: number | null;
  validUntil: string | null;
}

// What an offer asks: who approves it, how long the customer has, what is left of it.
export function offerConditions(t: OfferTerms): string[] {
  return [
    t.cost > t.approvalCostThreshold
      ? `Costs ${t.cost}: above ${t.approvalCostThreshold}, a supervisor approves it before it is made.`
      : `Costs ${t.cost}: no approval needed.`,
    `The customer has ${t.expiry} to accept once it is made.`,
    ...(t.minValue > 0 ? [`For customers with at least ${t.minValue} in assets.`] : []),
    ...(t.remaining !== null ? [`${t.remaining} left under its volume cap.`] : []),
    ...(t.validUntil ? [`Available until ${t.validUntil.slice(0, 10)}.`] : []),
  ];
}
