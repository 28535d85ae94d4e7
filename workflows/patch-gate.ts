// Which side of each patch this run takes. A run that started on code with BASELINE_PATCH takes the new side of
// every patch the baseline stands for, without checking (and recording) each id; any other run, or any later
// patch, is checked with patched() as usual. Workflow code checks patches only through here.
import { patched } from '@temporalio/workflow';
import * as ids from './patches';

// The patches BASELINE_PATCH stands for: exactly those added before it. A patch added later must not join this
// list: runs started between the baseline and that patch would take its new side on replay.
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

export class PatchGate {
  // Checked once, when the run starts, before any other patch: a run from before the baseline replays without
  // its marker and keeps checking each id. Code changed with the baseline itself reads this.
  readonly baseline = patched(ids.BASELINE_PATCH);

  has(id: string): boolean {
    return (this.baseline && BASELINE_COVERS.has(id)) || patched(id);
  }
}
