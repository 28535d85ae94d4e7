// Risk scoring: each recent signal contributes by type, severity and age; contributions combine like
// independent probabilities, so repeated signals raise the score without ever passing 1.
import type { SignalType, Tier } from './vocabulary';

export interface RiskSignalInput {
  signalId: string;
  type: SignalType;
  severity?: number;
  occurredAt: string;
  details?: Record<string, unknown>;
}

interface RiskFactor {
  signalId: string;
  factor: SignalType;
  contribution: number;
}

export interface RiskAssessment {
  score: number;
  priority: number;
  factors: RiskFactor[];
}

const TYPE_WEIGHT: Record<SignalType, number> = {
  large_outflow: 0.55,
  balance_drop: 0.45,
  competitor_offer: 0.45,
  complaint: 0.4,
  product_maturity: 0.35,
  activity_drop: 0.3,
  manual: 0.6,
  // Not a weight: the model's probability is the contribution (signalContribution).
  model_risk: 1,
  balance_recovery: 0,
};

const DEFAULT_SEVERITY = 0.5;
const HALF_LIFE_DAYS = 14;
const DAY_MS = 86_400_000;
const TIER_PRIORITY_WEIGHT: Record<Tier, number> = { premier: 1.5, affluent: 1.2, mass: 1 };

const round = (n: number, places = 4) => Math.round(n * 10 ** places) / 10 ** places;

export function signalContribution(signal: RiskSignalInput, now: Date): number {
  const severity = signal.severity ?? DEFAULT_SEVERITY;
  const ageDays = Math.max(0, (now.getTime() - Date.parse(signal.occurredAt)) / DAY_MS);
  const recency = 0.5 ** (ageDays / HALF_LIFE_DAYS);
  // The early-warning model's probability counts as it is, fading like any other signal.
  if (signal.type === 'model_risk') return Math.min(1, severity * recency);
  // Severity scales the type weight between half (0) and one and a half (1) of its value.
  return Math.min(1, TYPE_WEIGHT[signal.type] * (0.5 + severity) * recency);
}

export function assessRisk(signals: RiskSignalInput[], tier: Tier, now: Date): RiskAssessment {
  const factors = signals.map((s) => ({
    signalId: s.signalId,
    factor: s.type,
    contribution: round(signalContribution(s, now)),
  }));
  const score = round(1 - factors.reduce((rest, f) => rest * (1 - f.contribution), 1));
  const priority = Math.round(score * 100 * TIER_PRIORITY_WEIGHT[tier]);
  return { score, priority, factors };
}
