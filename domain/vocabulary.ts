// The bank's words, once: tiers, signal types, churn drivers, stages, outcomes, channels, lifecycle stages.
export const TIERS = ['premier', 'affluent', 'mass'] as const;
export type Tier = (typeof TIERS)[number];

export const SIGNAL_TYPES = [
  'balance_drop',
  'large_outflow',
  'activity_drop',
  'product_maturity',
  'complaint',
  'competitor_offer',
  'manual',
  // The early-warning model's score (issue 30): severity is the probability of churn it gives.
  'model_risk',
  // Balance or activity came back: ends an observation window as retained; never opens a case.
  'balance_recovery',
] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

export const DRIVERS = ['product_yield', 'service', 'life_event', 'special_funds'] as const;
export type ChurnDriver = (typeof DRIVERS)[number];

export const STAGES = [
  'detected',
  'assigned',
  'contacting',
  'offering',
  'awaiting_decision',
  'resurvey_scheduled',
  'surveyed',
  // Waiting out the playbook's observation window before deciding retained or churned.
  'observing',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

// erased: closed because the customer asked for their personal data to be erased (DELETE /v1/customers/:id);
// only the erasure closes a case so, never a supervisor's choice (SUPERVISOR_OUTCOMES).
export const SUPERVISOR_OUTCOMES = [
  'retained',
  'churned',
  'declined',
  'unreachable',
  'not_actionable',
  'excluded',
] as const;
export const OUTCOMES = [...SUPERVISOR_OUTCOMES, 'erased'] as const;
export type Outcome = (typeof OUTCOMES)[number];

// Channels Holdfast sends on itself (sms, email) or that an agent works (phone).
export const CONTACT_CHANNELS = ['sms', 'email', 'phone'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

// Channels an agent may report an outcome for: a branch visit is recorded, never sent.
export const OUTCOME_CHANNELS = ['phone', 'sms', 'email', 'visit'] as const;

export const CONTACT_OUTCOMES = ['reached', 'no_answer', 'refused', 'wrong_number', 'callback_requested'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

// Where the customer's relationship with the bank stands (the bank's customer-lifecycle model). A playbook's
// appliesTo may name stages, and its declineToTreat may leave a stage alone (domain/decline-to-treat.ts).
export const LIFECYCLE_STAGES = ['prospect', 'development', 'growth', 'maturity', 'decline', 'termination'] as const;

export const ROLES = ['system', 'agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
