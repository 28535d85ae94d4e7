// What a risk signal does when it arrives, decided from what the database knows about its idempotency key
// and its customer. The API route only gathers these facts and carries out the decision.
import type { Tier } from './vocabulary';

// A signal already stored under the same idempotency key.
export interface StoredSignal {
  id: string;
  customerId: string;
  type: string;
  // Set once the signal reached its case (a retry of a signal whose case start failed has none).
  caseId: string | null;
  workflowId: string | null;
}

// The customer's most recent case, with the cool-down and action threshold of the playbook it ran.
export interface LastCase {
  id: string;
  workflowId: string;
  status: string;
  outcome: string | null;
  closedAt: Date | null;
  cooldownMs: number;
  actionThreshold: number;
}

export interface IntakeFacts {
  existing?: StoredSignal;
  // Undefined when there is no such customer.
  customerTier?: Tier;
  hasOpenCase: boolean;
  lastCase?: LastCase;
}

export type IntakeDecision =
  // The key was used before for another customer or signal type: a sender bug, refused.
  | { kind: 'key_reused'; existing: StoredSignal }
  // The same signal again, already with its case: answer as the first time.
  | { kind: 'duplicate'; existing: StoredSignal }
  | { kind: 'unknown_customer' }
  // A balance recovery only matters to an open case; on its own it is stored and opens none.
  | { kind: 'store_only' }
  // The last case closed less than its cool-down ago: the signal is re-scored against it before anything opens.
  | { kind: 'cooling_down'; lastCase: LastCase; until: Date }
  // Join the open case, or open one.
  | { kind: 'open_or_join'; tier: Tier };

export function decideIntake(
  signal: { customerId: string; type: string },
  facts: IntakeFacts,
  now: Date,
): IntakeDecision {
  const { existing, customerTier, lastCase } = facts;
  if (existing && (existing.customerId !== signal.customerId || existing.type !== signal.type))
    return { kind: 'key_reused', existing };
  if (existing?.caseId) return { kind: 'duplicate', existing };
  if (!customerTier) return { kind: 'unknown_customer' };
  if (signal.type === 'balance_recovery' && !facts.hasOpenCase) return { kind: 'store_only' };
  if (lastCase?.status === 'closed' && lastCase.closedAt) {
    const until = new Date(lastCase.closedAt.getTime() + lastCase.cooldownMs);
    if (until > now) return { kind: 'cooling_down', lastCase, until };
  }
  return { kind: 'open_or_join', tier: customerTier };
}
