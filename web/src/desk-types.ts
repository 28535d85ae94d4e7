// Shapes of the desk's answers (GET /v1/me/today, the customer lookup and file; see /v1/openapi.json).
export type DeskTask = 'call' | 'record_outcome' | 'answer_reply' | 'callback' | 'record_decision';
interface DeskCustomer {
  id: string;
  name: string;
  tier: string;
  timeZone: string;
}

export interface MyDay {
  agent: { id: string; name: string; teamId: string };
  day: { timeZone: string; start: string; end: string };
  contacts: { today: number; quota: number; left: number };
  waiting: {
    caseId: string;
    customer: DeskCustomer;
    stage: string;
    reason: string;
    driver: string | null;
    riskScore: number;
    priority: number;
    task: DeskTask;
    channel: string | null;
    detail: string | null;
    dueAt: string | null;
    dueCustomerTime: string | null;
    overdue: boolean;
  }[];
  followUps: {
    caseId: string;
    customer: DeskCustomer;
    stage: string;
    kind: 'survey' | 'observation_ends';
    at: string;
    customerTime: string;
  }[];
  openCases: number;
  generatedAt: string;
}

interface ContactDetails {
  phone: string | null;
  email: string | null;
  shown: 'full' | 'masked';
}

export interface FoundCustomer {
  customerId: string;
  name: string;
  tier: string;
  segment: string | null;
  lifecycleStage: string | null;
  contact: ContactDetails;
  openCase: { caseId: string; stage: string; yours: boolean } | null;
}

export interface CustomerFile {
  customer: {
    customerId: string;
    name: string;
    tier: string;
    segment: string | null;
    lifecycleStage: string | null;
    assetsUnderManagement: number;
    timeZone: string;
    preferredChannels: string[];
    contact: ContactDetails;
  };
  consent: {
    current: { sms: boolean; email: boolean; phone: boolean };
    ledger: { channel: string; granted: boolean; source: string; actor: string; note: string | null; at: string }[];
  };
  openCaseId: string | null;
  cases: {
    caseId: string;
    stage: string;
    status: string;
    outcome: string | null;
    reason: string;
    driver: string | null;
    riskScore: number;
    openedAt: string;
    closedAt: string | null;
    team: { id: string; name: string } | null;
    assignee: { id: string; name: string } | null;
    offer: { name: string; status: string; cost: number } | null;
  }[];
  contactsInCapWindow: {
    window: string;
    maxContacts: number;
    since: string;
    left: number;
    contacts: {
      at: string;
      channel: string;
      purpose: string;
      status: string;
      outcome: string | null;
      note: string | null;
      caseId: string;
    }[];
  };
}

export interface CallSheet {
  caseId: string;
  stage: string;
  status: string;
  whyAtRisk: {
    reason: string;
    driver: string | null;
    driverSentence: string | null;
    riskScore: number;
    priority: number;
    signals: {
      type: string;
      severity: number | null;
      occurredAt: string;
      details: Record<string, unknown>;
      sentence: string;
    }[];
  };
  customer: {
    customerId: string;
    name: string;
    tier: string;
    segment: string | null;
    lifecycleStage: string | null;
    assetsUnderManagement: number;
    timeZone: string;
    localTimeNow: string;
    preferredChannels: string[];
    consent: { sms: boolean; email: boolean; phone: boolean };
    contact: ContactDetails;
  };
  saidBefore: {
    contacts: {
      at: string;
      channel: string;
      purpose: string;
      status: string;
      outcome: string | null;
      note: string | null;
      caseId: string;
    }[];
    replies: { at: string; channel: string; text: string; caseId: string }[];
  };
  offer: {
    current: {
      offerId: string;
      name: string;
      description: string;
      cost: number;
      status: string;
      expiresAt: string;
    } | null;
    budget: number | null;
    eligible: {
      offerId: string;
      name: string;
      kind: string;
      description: string;
      cost: number;
      conditions: string[];
    }[];
  };
  script: { templateId: string; subject: string; text: string } | null;
}
