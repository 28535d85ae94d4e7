// Whether a playbook declines to treat a customer: a terminated relationship is not contacted, and a customer
// in decline holding little may be let go (the playbook's declineToTreat rules). Decided at intake, so the
// case's workflow only carries the answer out (workflows/stages/detect.ts).
import type { CustomerProfile } from './customer';
import type { DeclineRule } from './playbook';

export function declinedBy(
  rules: readonly DeclineRule[] | undefined,
  customer: Pick<CustomerProfile, 'lifecycleStage' | 'assetsUnderManagement'>,
): DeclineRule | undefined {
  if (!customer.lifecycleStage) return undefined;
  return (rules ?? []).find(
    (r) =>
      r.stage === customer.lifecycleStage &&
      (r.belowAssets === undefined || customer.assetsUnderManagement < r.belowAssets),
  );
}

// "stage termination", "stage decline below assets 25000".
export function declineWords(rule: DeclineRule): string {
  return `stage ${rule.stage}${rule.belowAssets === undefined ? '' : ` below assets ${rule.belowAssets}`}`;
}
