// Shapes of the desk's answers (GET /v1/me/today, the customer lookup and file; see /v1/openapi.json).
export type DeskTask = 'call' | 'record_outcome' | 'answer_reply' | 'callback' | 'record_decision';
export interface DeskCustomer { id: string; name: string; tier: string; timeZone: string }

export interface MyDay {
  agent: { id: string; name: string; teamId: string };
  day: { timeZone: string; start: string; end: string };
  contacts: { today: number; quota: number; left: number };
  waiting: {
    caseId: string; customer: DeskCustomer; stage: string; reason: string; driver: string | null; riskScore: number; priority: number;
    task: DeskTask; channel: string | null; detail: string | null; dueAt: string | null; dueCustomerTime: string | null; overdue: boolean;
  }[];
  followUps: { caseId: string; customer: DeskCustomer; stage: string; kind: 'survey' | 'observation_ends'; at: string; customerTime: string }[];
  openCases: number;
  generatedAt: string;
}
