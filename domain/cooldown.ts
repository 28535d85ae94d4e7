// Signals that arrive within the cool-down after a case closed. A treated case's cool-down stands (the bank
// just contacted the customer). A case closed without treatment (not_actionable: the score was too low;
// excluded: broker-driven funds) is re-scored with the new signal instead: if it now calls for action, a new
// case opens.
import { classifyDriver } from './driver';
import { assessRisk, type RiskSignalInput } from './risk';
import type { Tier } from './vocabulary';

const UNTREATED_OUTCOMES = ['not_actionable', 'excluded'];

export function decideDuringCooldown(
  last: { outcome: string | null; threshold: number },
  signals: RiskSignalInput[],
  tier: Tier,
  now: Date,
): { reopen: boolean; score?: number } {
  if (!last.outcome || !UNTREATED_OUTCOMES.includes(last.outcome)) return { reopen: false };
  const { score } = assessRisk(signals, tier, now);
  const actionable = score >= last.threshold && classifyDriver(signals) !== 'special_funds';
  return { reopen: actionable, score };
}
