// Code changes under running cases, one id each (patched()). Each entry says what changed and when it may be
// retired with deprecatePatch(): once no open case and no kept history predates it.
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
