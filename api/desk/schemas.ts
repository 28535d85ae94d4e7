// Inputs and answers of the retention agent's desk (my day, customer lookup and file, a case opened from
// the customer page), as zod: the routes validate with them and the OpenAPI document is built from them.
import { z } from 'zod';
import { DESK_TASKS } from '../../domain/desk-tasks';

const id = z.string().trim().min(1).max(128);
const at = z.string().describe('ISO-8601 date-time');

export const myDayQuery = z.strictObject({
  agentId: id.optional().describe("a supervisor's choice of agent; an agent's key always opens its own day"),
});

const customerRef = z.object({ id: z.string(), name: z.string(), tier: z.string(), timeZone: z.string() });

export const myDayResponse = z.object({
  agent: z.object({ id: z.string(), name: z.string(), teamId: z.string() }),
  day: z.object({ timeZone: z.string(), start: at, end: at }).describe("the agent's calendar day (their working hours' time zone, else UTC)"),
  contacts: z.object({ today: z.number(), quota: z.number(), left: z.number() }).describe('contacts the agent recorded since the start of the UTC day, against the daily quota'),
  waiting: z.array(z.object({
    caseId: z.string(), customer: customerRef, stage: z.string(), reason: z.string(), driver: z.string().nullable(), riskScore: z.number(), priority: z.number(),
    task: z.enum(DESK_TASKS).describe('call: the workflow asks for a call; record_outcome: a message went out, record what came of it; answer_reply: the customer wrote back; callback: the customer asked to be called at dueAt; record_decision: the customer decides on the offer'),
    channel: z.string().nullable(),
    detail: z.string().nullable().describe("the customer's words (addresses masked), or the delivery to check"),
    dueAt: at.nullable(),
    dueCustomerTime: z.string().nullable().describe("dueAt on the customer's clock"),
    overdue: z.boolean(),
  })).describe('the cases waiting on the agent, soonest deadline first, then the highest priority'),
  followUps: z.array(z.object({ caseId: z.string(), customer: customerRef, stage: z.string(), kind: z.enum(['survey', 'observation_ends']), at, customerTime: z.string() })),
  openCases: z.number(),
  generatedAt: at,
});
