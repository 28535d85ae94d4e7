// Every event type a case writes to its timeline, once: the workflow's recorder only accepts these, and the
// dashboard must have a sentence for each, so a new event cannot reach a supervisor's screen unexplained.
export const CASE_EVENT_TYPES = [
  // Opening and risk
  'case_opened',
  'risk_assessed',
  'holdout_assigned',
  'signal_joined',
  // Assignment
  'queued_for_agent',
  'case_assigned',
  'case_reassigned',
  // Contact
  'contact_sent',
  'contact_unconfirmed',
  'contact_failed',
  'contact_skipped',
  'contact_deferred',
  'call_requested',
  'contact_outcome_recorded',
  'contact_outcome_timed_out',
  'customer_replied',
  'consent_changed',
  // Offer
  'offer_approval_requested',
  'offer_approval_timed_out',
  'offer_approved',
  'offer_rejected',
  'offer_unavailable',
  'offer_presented',
  'offer_decision_recorded',
  'fulfilment_requested',
  'no_eligible_offer',
  // Survey and observation
  'resurvey_scheduled',
  'survey_sent',
  'survey_failed',
  'survey_answered',
  'low_score_escalated',
  'observation_started',
  // Deadlines and supervisors
  'sla_breached',
  'sla_extended',
  'needs_attention',
  'attention_resolved',
  // Run
  'case_failed',
  'case_continued',
  'case_closed',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];
