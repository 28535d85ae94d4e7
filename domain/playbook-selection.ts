// Which playbook a new case runs: the one named, or the one whose appliesTo matches the customer's tier and
// churn driver most closely ("standard" when none is specific); always that playbook's newest version.
import type { PinnedPlaybook } from './playbook';
import type { ChurnDriver, Tier } from './vocabulary';

export const DEFAULT_PLAYBOOK = 'standard';

// Newest version of each playbook, from versions in any order.
export function newestVersions(versions: PinnedPlaybook[]): PinnedPlaybook[] {
  const newest = new Map<string, PinnedPlaybook>();
  for (const v of versions) if ((newest.get(v.id)?.version ?? 0) < v.version) newest.set(v.id, v);
  return [...newest.values()];
}

export function choosePlaybook(
  latest: PinnedPlaybook[],
  req: { playbookId?: string; tier: Tier; driver: ChurnDriver },
): PinnedPlaybook | undefined {
  if (req.playbookId) return latest.find((p) => p.id === req.playbookId);
  const specificity = (p: PinnedPlaybook) => {
    const { tiers, drivers } = p.definition.appliesTo;
    if ((tiers.length && !tiers.includes(req.tier)) || (drivers.length && !drivers.includes(req.driver))) return -1;
    return (tiers.length ? 1 : 0) + (drivers.length ? 1 : 0);
  };
  return latest
    .filter(
      (p) =>
        specificity(p) >= 0 &&
        (p.definition.appliesTo.tiers.length > 0 ||
          p.definition.appliesTo.drivers.length > 0 ||
          p.id === DEFAULT_PLAYBOOK),
    )
    .sort((a, b) => specificity(b) - specificity(a) || a.id.localeCompare(b.id))[0];
}
