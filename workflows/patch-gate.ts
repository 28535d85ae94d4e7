// Which side of each patch this run takes. A run that started on code with a baseline patch takes the new side
// of every patch that baseline stands for, without checking (and recording) each id; any other patch is
// checked with patched() as usual. Workflow code checks patches only through here.
import { patched } from '@temporalio/workflow';
import * as ids from './patches';

// The patches BASELINE_PATCH stands for: exactly those added before it. A patch added later must not join this
// list: runs started between the baseline and that patch would take its new side on replay. A later baseline
// takes it in instead.
export const BASELINE_COVERS: ReadonlySet<string> = new Set([
  ids.CONTACT_POLICY_PATCH,
  ids.SLA_ESCALATION_PATCH,
  ids.SLA_BY_TIER_PATCH,
  ids.LOW_SCORE_PATCH,
  ids.HOLDOUT_PATCH,
  ids.OBSERVATION_PATCH,
  ids.CONTINUE_AS_NEW_PATCH,
  ids.FULFILMENT_PATCH,
  ids.ASSIGNMENT_QUEUE_PATCH,
  ids.CRM_OUTBOX_PATCH,
  ids.CHANNEL_FAILURES_PATCH,
  ids.STEP_RECOVERY_PATCH,
  ids.CUSTOMER_WAITS_PATCH,
  ids.RECOVERY_IN_WINDOW_PATCH,
  ids.OFFER_SLOTS_PATCH,
  ids.LEAN_TRANSITIONS_PATCH,
  ids.HANDLER_WRITES_PATCH,
  ids.EVENTS_WITH_NEXT_CALL_PATCH,
]);

// BASELINE_2_PATCH: everything the first baseline stands for, and the patches added between the two.
export const BASELINE_2_COVERS: ReadonlySet<string> = new Set([...BASELINE_COVERS, ids.SEND_CHECKS_POLICY_PATCH, ids.INTAKE_CONTEXT_PATCH]);

// Newest first: a run checks them in this order when it starts and stops at the first it has.
export const BASELINES: readonly { id: string; covers: ReadonlySet<string> }[] = [
  { id: ids.BASELINE_2_PATCH, covers: BASELINE_2_COVERS },
  { id: ids.BASELINE_PATCH, covers: BASELINE_COVERS },
];

export class PatchGate {
  // Checked once, when the run starts, before any other patch: a new run records the newest baseline only; a
  // run from before it replays without that marker and finds the one it started on (or none, and keeps
  // checking each id).
  private readonly covered: ReadonlySet<string> = BASELINES.find((b) => patched(b.id))?.covers ?? new Set();

  // On a baseline (any): code changed with the first baseline itself reads this.
  get baseline(): boolean {
    return this.covered.size > 0;
  }

  has(id: string): boolean {
    return this.covered.has(id) || patched(id);
  }
}
