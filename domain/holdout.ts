// The holdout group: a stable share of customers per playbook gets no treatment, so retention lift can be
// measured against them. Deterministic (FNV-1a of playbook id + customer id): replays and reruns agree.
export function holdoutBucket(customerId: string, playbookId: string): number {
  let hash = 0x811c9dc5;
  for (const ch of `${playbookId}:${customerId}`) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 100;
}

export function inHoldout(customerId: string, playbookId: string, percent: number): boolean {
  return holdoutBucket(customerId, playbookId) < percent;
}
