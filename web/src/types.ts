// Shapes of the API answers the dashboard reads (see /v1/openapi.json).
type Role = 'system' | 'agent' | 'supervisor' | 'admin';
export interface Me {
  name: string;
  role: Role;
  teamId: string | null;
  agentId?: string | null;
}

export interface CaseSummary {
  caseId: string;
  customerId: string;
  customer: { id: string; name: string; tier: string };
  stage: string;
  status: 'open' | 'closed';
  outcome?: string;
  riskScore: number;
  driver: string | null;
  priority: number;
  playbook: { id: string; version: number };
  team?: { id: string; name: string };
  assignee?: { id: string; name: string };
  attention: { reason: string; since: string | null } | null;
  sla: { dueAt: string | null; breached: boolean };
  openedAt: string;
  closedAt?: string;
}

export interface CaseBoard {
  items: CaseSummary[];
  nextCursor: string | null;
  stageCounts: Record<string, number>;
  total: number;
}

// Why the case runs its playbook (domain/playbook-choice.ts), kept when it opened.
interface PlaybookChoice {
  playbook: { id: string; version: number };
  basis: 'named' | 'matched' | 'default';
  matched: { tier?: string; driver?: string; stage?: string; segment?: string };
  declined?: { stage: string; belowAssets?: number };
  summary: string;
}

export interface CaseDetail extends CaseSummary {
  reason: string;
  playbookChoice?: PlaybookChoice;
  customer: CaseSummary['customer'] & {
    segment?: string;
    lifecycleStage?: string;
    assetsUnderManagement: number;
    timeZone: string;
    preferredChannels: string[];
    consent: { sms: boolean; email: boolean; phone: boolean };
  };
  riskExplanation: { signalId: string; factor: string; contribution: number }[];
  contactAttempts: {
    id: string;
    channel: string;
    purpose: string;
    status: string;
    outcome?: string;
    agentId?: string;
    note?: string;
    at: string;
  }[];
  offer?: {
    offerId: string;
    name: string;
    kind: string;
    cost: number;
    status: string;
    expiresAt: string;
    decidedAt?: string;
  };
  survey?: { channel: string; sentAt: string; answeredAt?: string; score?: number; comment?: string };
  earlyWarning?: {
    modelId: string;
    score: number;
    reasons: { attribute: string; value: string | number | null; points: number }[];
    at: string;
  };
  // Why a case closed as churned or declined was lost; absent until a person records it.
  churnReason?: { code: string; label: string; category: string; avoidable: boolean; note?: string };
}

export interface TimelineEvent {
  seq: number;
  at: string;
  type: string;
  actor: string;
  data: Record<string, unknown>;
}

export interface Team {
  id: string;
  name: string;
  tiers: string[];
  drivers: string[];
  agents: { id: string; name: string; active: boolean }[];
}

export interface Workload {
  teamId: string;
  name: string;
  at: string;
  agents: {
    agentId: string;
    name: string;
    active: boolean;
    openCases: number;
    slaBreaches: number;
    contactsToday: number;
    dailyContactQuota: number;
    quotaRemaining: number;
  }[];
  unassigned: { openCases: number; slaBreaches: number };
  needsAttention: number;
  totals: { openCases: number; slaBreaches: number; contactsToday: number; dailyContactQuota: number };
}

export interface ReportRow {
  group: string;
  period?: string;
  opened: number;
  treated: number;
  holdout: number;
  stillOpen: number;
  retained: number;
  churned: number;
  declined: number;
  unreachable: number;
  excluded: number;
  erased: number;
  retentionRate: number | null;
  holdoutRetentionRate: number | null;
  lift: number | null;
  offerCost: number;
  costPerRetained: number | null;
  assetsRetained: number;
  slaCompliance: number | null;
}

// The churn reason catalogue (GET /v1/churn-reasons).
export interface ChurnReason {
  code: string;
  label: string;
  category: string;
  avoidable: boolean;
  active: boolean;
}

// GET /v1/reports/churn-reasons: lost cases by reason, group and period.
interface ChurnTally {
  count: number;
  share: number | null;
  recorded: number;
  avoidableCount: number;
  avoidableShare: number | null;
}
export interface ChurnReasonReport {
  totals: ChurnTally;
  reasons: (ChurnTally & {
    code: string;
    label: string;
    category: string | null;
    avoidable: boolean | null;
  })[];
  byCategory: (ChurnTally & { group: string })[];
  periods: (ChurnTally & { period: string; trend: number | null })[];
}
