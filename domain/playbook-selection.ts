// Which playbook a new case runs: the one named, or the one whose appliesTo matches the customer's tier, churn
// driver, lifecycle stage and segment most closely ("standard" when none is specific); always that playbook's
// newest version. Each list an appliesTo names counts once: tiers + stages beats tiers alone.
import type { PinnedPlaybook } from './playbook';
import type { ChurnDriver, Tier } from './vocabulary';

export const DEFAULT_PLAYBOOK = 'standard';

// Newest version of each playbook, from versions in any order.
export function newestVersions(versions: PinnedPlaybook[]): PinnedPlaybook[] {
  const newest = new Map<string, PinnedPlaybook>();
  for (const v of versions) if ((newest.get(v.id)?.version ?? 0) < v.version) newest.set(v.id, v);
  return [...newest.values()];
}

export interface ChoiceRequest {
  playbookId?: string;
  tier: Tier;
  driver: ChurnDriver;
  stage?: string | null;
  segment?: string | null;
}

// What of the customer a playbook's appliesTo named and matched.
export interface Matched {
  tier?: Tier;
  driver?: ChurnDriver;
  stage?: string;
  segment?: string;
}

export interface Choice {
  playbook: PinnedPlaybook;
  // named: the signal (or the person opening the case) named it; matched: its appliesTo; default: "standard".
  basis: 'named' | 'matched' | 'default';
  matched: Matched;
}

// Undefined when a list the playbook names leaves the customer out.
function matchOf(p: PinnedPlaybook, req: ChoiceRequest): Matched | undefined {
  const { tiers, drivers, stages = [], segments = [] } = p.definition.appliesTo;
  const lists = [
    ['tier', tiers, req.tier],
    ['driver', drivers, req.driver],
    ['stage', stages, req.stage],
    ['segment', segments, req.segment],
  ] as const;
  const matched: Record<string, string> = {};
  for (const [key, named, value] of lists) {
    if (!named.length) continue;
    if (!value || !(named as readonly string[]).includes(value)) return undefined;
    matched[key] = value;
  }
  return matched as Matched;
}

export function choosePlaybookWithReason(latest: PinnedPlaybook[], req: ChoiceRequest): Choice | undefined {
  if (req.playbookId) {
    const named = latest.find((p) => p.id === req.playbookId);
    return named && { playbook: named, basis: 'named', matched: {} };
  }
  const candidates = latest
    .map((playbook) => ({ playbook, matched: matchOf(playbook, req) }))
    .filter(
      (c): c is { playbook: PinnedPlaybook; matched: Matched } =>
        !!c.matched && (Object.keys(c.matched).length > 0 || c.playbook.id === DEFAULT_PLAYBOOK),
    )
    .sort(
      (a, b) =>
        Object.keys(b.matched).length - Object.keys(a.matched).length || a.playbook.id.localeCompare(b.playbook.id),
    );
  const best = candidates[0];
  if (!best) return undefined;
  return { ...best, basis: Object.keys(best.matched).length ? 'matched' : 'default' };
}

export function choosePlaybook(latest: PinnedPlaybook[], req: ChoiceRequest): PinnedPlaybook | undefined {
  return choosePlaybookWithReason(latest, req)?.playbook;
}
