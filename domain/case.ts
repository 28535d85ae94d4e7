// The retention case as the workflow holds it and the API shows it. Contains no names, phones or emails:
// workflow history must not carry PII.
import type { CustomerProfile } from './customer';
import type { PinnedPlaybook } from './playbook';
import type { PlaybookChoice } from './playbook-choice';
import type { RiskAssessment, RiskSignalInput } from './risk';
import type { ChurnDriver, ContactChannel, ContactOutcome, Outcome, Stage, Tier } from './vocabulary';

export interface CaseInput {
  caseId: string;
  customerId: string;
  reason: string;
  openedBy: string;
  playbookId?: string;
  // The playbook version chosen when the case opened (API intake); the case runs it whatever is posted later.
  playbook?: { id: string; version: number };
  // Why the API chose the playbook (domain/playbook-choice.ts), recorded with case_opened. Its `declined` says
  // the playbook does not treat this customer: the case closes excluded before any contact. Cases opened
  // before it existed have none, and run as they did.
  choice?: PlaybookChoice;
  // A person opened the case on purpose: act even when the score is below the playbook's threshold.
  forceAction?: boolean;
  signals: RiskSignalInput[];
  // What the API read at intake, handed over with the start so the case need not read it again before it
  // decides: the customer and the pinned playbook version. A case opened without it
  // (POST /v1/cases, the detection sweep) reads both with a local activity.
  context?: { customer: CustomerProfile; playbook: PinnedPlaybook };
  // Continue-as-new once history passes this many events (tests); by default when Temporal suggests it.
  historyLimit?: number;
  // Set by continue-as-new: the case resumes observing with this state.
  resume?: ResumedObservation;
}

interface ResumedObservation {
  state: CaseState;
  playbook: PinnedPlaybook;
  customer: CustomerProfile;
  recovered: boolean;
  verdict: { outcome: Outcome; reason: string; data?: Record<string, unknown>; actor?: string };
  observeUntil: string;
}

interface CaseOfferState {
  offerId: string;
  name: string;
  cost: number;
  status: 'pending_approval' | 'approved' | 'rejected' | 'presented' | 'accepted' | 'declined' | 'expired';
  expiresAt?: string;
}

export interface CaseState {
  caseId: string;
  workflowId: string;
  customerId: string;
  reason: string;
  stage: Stage;
  status: 'open' | 'closed';
  outcome?: Outcome;
  closeReason?: string;
  tier?: Tier;
  signals: RiskSignalInput[];
  risk?: RiskAssessment;
  driver?: ChurnDriver;
  playbook?: { id: string; version: number };
  teamId?: string;
  agentId?: string;
  slaDueAt?: string;
  // round > 1: contact reopened after a low survey score.
  contact: {
    attempts: number;
    round?: number;
    channel?: ContactChannel;
    lastOutcome?: ContactOutcome;
    failedChannels?: ContactChannel[];
    retry?: number;
  };
  offer?: CaseOfferState;
  survey?: { channel: 'sms' | 'email'; score?: number };
  openedAt: string;
  closedAt?: string;
  eventSeq: number;
  // Set while the case waits for a supervisor because nothing automatic can move it (see needs-attention).
  attention?: CaseAttention;
}

interface CaseAttention {
  reason: string;
  since: string;
  // The step a supervisor's retry runs again.
  step: string;
}

// The fields of CaseState that the case row in PostgreSQL mirrors, with the risk flattened.
type MirroredField =
  | 'caseId'
  | 'workflowId'
  | 'customerId'
  | 'reason'
  | 'stage'
  | 'status'
  | 'outcome'
  | 'driver'
  | 'playbook'
  | 'teamId'
  | 'agentId'
  | 'slaDueAt'
  | 'openedAt'
  | 'closedAt'
  | 'attention';
export interface CaseProjection extends Pick<CaseState, MirroredField> {
  riskScore: number;
  riskExplanation: RiskAssessment['factors'];
  priority: number;
}

export function projectCase(state: CaseState): CaseProjection {
  return {
    caseId: state.caseId,
    workflowId: state.workflowId,
    customerId: state.customerId,
    reason: state.reason,
    stage: state.stage,
    status: state.status,
    outcome: state.outcome,
    riskScore: state.risk?.score ?? 0,
    riskExplanation: state.risk?.factors ?? [],
    driver: state.driver,
    priority: state.risk?.priority ?? 0,
    playbook: state.playbook,
    teamId: state.teamId,
    agentId: state.agentId,
    slaDueAt: state.slaDueAt,
    openedAt: state.openedAt,
    closedAt: state.closedAt,
    attention: state.attention,
  };
}

export function caseWorkflowId(customerId: string): string {
  return `retention-case/${customerId}`;
}
