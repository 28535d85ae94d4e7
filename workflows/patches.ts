// Code changes under running cases, one id each (patched()). Each entry says what changed and when it may be
// retired with deprecatePatch(): once no open case and no kept history predates it. tests/histories holds a
// recording of the paths each one changes, from before and after it (the replay test runs them all).

// Added 2026-11-22. The contact policy (consent, frequency cap, quiet hours) is checked before every send or
// call. Retire when no case opened before 2026-11-22 is open.
export const CONTACT_POLICY_PATCH = 'contact-policy';
// Added 2026-11-22. A human wait past its SLA escalates level by level before its timeout path runs.
export const SLA_ESCALATION_PATCH = 'sla-escalation';
// Added 2026-11-22. Staff SLAs scale by the customer's tier (playbook escalation.slaFactorByTier).
export const SLA_BY_TIER_PATCH = 'sla-by-tier';
// Added 2026-11-22. A detractor's survey score escalates and reopens contact.
export const LOW_SCORE_PATCH = 'low-score-reopens-contact';
// Added 2026-11-22. A playbook may hold out a share of customers (no treatment, only observed).
export const HOLDOUT_PATCH = 'holdout-group';
// Added 2026-11-22. After treatment the case is observed for a balance_recovery before its outcome.
export const OBSERVATION_PATCH = 'observation-window';
// Added 2026-11-22. A long observation continues as a new run carrying the case's state.
export const CONTINUE_AS_NEW_PATCH = 'observation-continue-as-new';
// Added 2026-11-22. An accepted offer becomes a CRM fulfilment task.
export const FULFILMENT_PATCH = 'offer-fulfilment';
// Added 2026-11-22. With no agent free the case waits in the team queue and retries assignment.
export const ASSIGNMENT_QUEUE_PATCH = 'assignment-queue';

// Added 2026-11-23. Transitions reach the CRM through the outbox written with each event; before, each
// event was pushed by its own activity. Retire when no pre-outbox case is open.
export const CRM_OUTBOX_PATCH = 'crm-outbox';
// Added 2026-11-23. A refused or undeliverable message falls back to the next channel and is recorded as
// contact_failed; with no channel left the case needs attention; a callback request schedules a call;
// human answers are taken only while the case waits for them.
export const CHANNEL_FAILURES_PATCH = 'channel-failures';
// Added 2026-11-23. A step that fails unexpectedly flags the case (case_failed, needs attention) for a
// supervisor to retry or close, instead of failing the workflow.
export const STEP_RECOVERY_PATCH = 'step-recovery';
// Added 2026-11-23. Waits on the customer (offer decision, survey) have no SLA escalation: an offer is
// honoured until its own expiry.
export const CUSTOMER_WAITS_PATCH = 'customer-waits-without-sla';
// Added 2026-11-23. Only a balance_recovery that arrives during the observation window counts as retained.
export const RECOVERY_IN_WINDOW_PATCH = 'recovery-in-window';
// Added 2026-11-23. A capped offer's slot is claimed atomically (claimOfferSlot) before it is put to a
// supervisor or the customer; a full offer falls through to the next candidate.
export const OFFER_SLOTS_PATCH = 'offer-slots-claimed';

// Added 2026-11-30. Lean transitions: PostgreSQL activities (directory reads, projection writes, contact
// policy) run as local activities, so a case reaches its first send in one workflow task instead of eight
// task-queue round trips; the customer and the pinned playbook load together, detect's two events are written
// together, and search attributes set in a step go to Temporal in one upsert with the step's event.
// Retire when no case opened before 2026-11-30 is open.
export const LEAN_TRANSITIONS_PATCH = 'lean-transitions';

// Added 2026-11-30. Writes made by update and signal handlers (a human step's record, a joining signal, a
// consent change) run as regular activities, not local ones. A handler awaiting a local activity while the
// main coroutine awaits another in the same workflow task could be replayed in another order than it ran
// (the two results resolve together on replay) and fail with a nondeterminism error. Retire when no case
// opened before 2026-11-30 is open.
export const HANDLER_WRITES_PATCH = 'handler-writes-as-activities';

// Added 2026-11-30 (evening). Events that nothing waits on ride with the step's next store call: detect's two
// events with the assignment, case_assigned with the contact-policy check. Two local activities (and two
// workflow activations) fewer up to the first send. Retire when no case opened before this patch is open.
export const EVENTS_WITH_NEXT_CALL_PATCH = 'events-with-next-call';

// Added 2026-11-30 (night). One id that stands for every patch above (patch-gate.ts lists them). Each id a run
// checks costs it two history events the first time (its marker, and the SDK's upsert of the
// TemporalChangeVersion search attribute, a visibility write on the server): 30 of a demo case's 130 events. A
// run started on this code checks this id once, when it starts, and takes the path after every patch above
// without checking them; a run started before it checks each id, as it did. A patch added after this one is
// checked on its own until a later baseline takes it in. Retire together with the patches it stands for.
// Changed with it: the search attributes set before a store call that carries deferred events wait for the
// next write or send (CaseRun.withRecorded), one upsert instead of two before the first send.
export const BASELINE_PATCH = 'baseline-2026-11-30';

// Added 2026-11-30 (late night). A message's send checks the contact policy itself and writes the step's
// deferred events (case_assigned) before it: one local activity and one workflow activation fewer per message.
// A call still checks with its own local activity. Retire when no case opened before this patch is open.
export const SEND_CHECKS_POLICY_PATCH = 'send-checks-contact-policy';

// Added 2026-11-30 (late night). A case opened by a signal takes the customer and its pinned playbook from its
// start arguments, as the API read them at intake, instead of reading them with a local activity first: one
// local activity and one workflow activation fewer per case. Retire when no case opened before it is open.
export const INTAKE_CONTEXT_PATCH = 'intake-context';

// Added 2026-11-30 (late night). The second baseline: stands for every patch the first one does and for the
// patches added after it, above. A run started on this code checks this id only; a run started on the first
// baseline checks that one (and each later id), a run from before both checks each id.
export const BASELINE_2_PATCH = 'baseline-2026-11-30-b';
