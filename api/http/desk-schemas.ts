// Inputs and answers of the retention agent's desk (my day, customer lookup and file, a case opened from
// the customer page), as zod: the routes validate with them and the OpenAPI document is built from them.
import { z } from 'zod';
import { DESK_TASKS } from '../../domain/desk-tasks';
import { playbookIdSchema } from '../../domain/playbook';

const id = z.string().trim().min(1).max(128);
const at = z.string().describe('ISO-8601 date-time');

export const myDayQuery = z.strictObject({
  agentId: id.optional().describe("a supervisor's choice of agent; an agent's key always opens its own day"),
});

const customerRef = z.object({ id: z.string(), name: z.string(), tier: z.string(), timeZone: z.string() });

export const myDayResponse = z.object({
  agent: z.object({ id: z.string(), name: z.string(), teamId: z.string() }),
  day: z
    .object({ timeZone: z.string(), start: at, end: at })
    .describe("the agent's calendar day (their working hours' time zone, else UTC)"),
  contacts: z
    .object({ today: z.number(), quota: z.number(), left: z.number() })
    .describe('contacts the agent recorded since the start of the UTC day, against the daily quota'),
  waiting: z
    .array(
      z.object({
        caseId: z.string(),
        customer: customerRef,
        stage: z.string(),
        reason: z.string(),
        driver: z.string().nullable(),
        riskScore: z.number(),
        priority: z.number(),
        task: z
          .enum(DESK_TASKS)
          .describe(
            'call: the workflow asks for a call; record_outcome: a message went out, record what came of it; answer_reply: the customer wrote back; callback: the customer asked to be called at dueAt; record_decision: the customer decides on the offer',
          ),
        channel: z.string().nullable(),
        detail: z.string().nullable().describe("the customer's words (addresses masked), or the delivery to check"),
        dueAt: at.nullable(),
        dueCustomerTime: z.string().nullable().describe("dueAt on the customer's clock"),
        overdue: z.boolean(),
      }),
    )
    .describe('the cases waiting on the agent, soonest deadline first, then the highest priority'),
  followUps: z.array(
    z.object({
      caseId: z.string(),
      customer: customerRef,
      stage: z.string(),
      kind: z.enum(['survey', 'observation_ends']),
      at,
      customerTime: z.string(),
    }),
  ),
  openCases: z.number(),
  generatedAt: at,
});

export const customerSearchQuery = z.strictObject({
  query: z
    .string()
    .trim()
    .min(2, 'type at least 2 characters of a name, or a customer id, phone or email')
    .max(100)
    .describe("a customer id, part of a name, a phone number's last digits (6 or more) or an email address"),
});

const contactDetails = z.object({
  phone: z.string().nullable(),
  email: z.string().nullable(),
  shown: z.enum(['full', 'masked']).describe("full only to the agent working the customer's open case"),
});

export const customerSearchResponse = z.object({
  items: z
    .array(
      z.object({
        customerId: z.string(),
        name: z.string(),
        tier: z.string(),
        segment: z.string().nullable(),
        lifecycleStage: z.string().nullable(),
        contact: contactDetails,
        openCase: z.object({ caseId: z.string(), stage: z.string(), yours: z.boolean() }).nullable(),
      }),
    )
    .describe('at most 20, an exact id first, then by name'),
});

const ref = z.object({ id: z.string(), name: z.string() });
export const customerFileResponse = z.object({
  customer: z.object({
    customerId: z.string(),
    name: z.string(),
    tier: z.string(),
    segment: z.string().nullable(),
    lifecycleStage: z.string().nullable(),
    assetsUnderManagement: z.number(),
    timeZone: z.string(),
    locale: z.string().nullable().describe("the customer's language; null: the bank's default"),
    salutation: z.string().nullable().describe('how the bank addresses the customer; null: the full name'),
    preferredChannels: z.array(z.string()),
    contact: contactDetails,
  }),
  consent: z.object({
    current: z.object({ sms: z.boolean(), email: z.boolean(), phone: z.boolean() }),
    ledger: z.array(
      z.object({
        channel: z.string(),
        granted: z.boolean(),
        source: z.string(),
        actor: z.string(),
        note: z.string().nullable(),
        at,
      }),
    ),
  }),
  openCaseId: z.string().nullable(),
  cases: z
    .array(
      z.object({
        caseId: z.string(),
        stage: z.string(),
        status: z.string(),
        outcome: z.string().nullable(),
        reason: z.string(),
        driver: z.string().nullable(),
        riskScore: z.number(),
        openedAt: at,
        closedAt: at.nullable(),
        team: ref.nullable(),
        assignee: ref.nullable(),
        offer: z.object({ name: z.string(), status: z.string(), cost: z.number() }).nullable(),
      }),
    )
    .describe("newest first; an agent sees their own team's cases"),
  contactsInCapWindow: z
    .object({
      window: z.string(),
      maxContacts: z.number(),
      since: at,
      left: z.number().describe('contacts the cap still allows in the window'),
      contacts: z.array(
        z.object({
          at,
          channel: z.string(),
          purpose: z.string(),
          status: z.string(),
          outcome: z.string().nullable(),
          note: z.string().nullable(),
          caseId: z.string(),
        }),
      ),
    })
    .describe("the contacts the frequency cap counts, in the cap's window of the customer's latest case's playbook"),
});

export const handOpeningBody = z.strictObject({
  reason: z.string().trim().min(1, 'say why the customer is at risk: the case and its timeline carry it').max(500),
  playbookId: playbookIdSchema
    .optional()
    .describe('the playbook to run; by default the one that applies to the customer'),
  note: z.string().trim().max(2000).optional(),
});

export const handOpenedResponse = z.object({
  caseId: z.string(),
  workflowId: z.string(),
  stage: z.literal('detected'),
  playbook: z.object({ id: z.string(), version: z.number() }),
});

export const callSheetResponse = z.object({
  caseId: z.string(),
  stage: z.string(),
  status: z.string(),
  whyAtRisk: z.object({
    reason: z.string(),
    driver: z.string().nullable(),
    driverSentence: z.string().nullable(),
    riskScore: z.number(),
    priority: z.number(),
    signals: z.array(
      z.object({
        type: z.string(),
        severity: z.number().nullable(),
        occurredAt: at,
        details: z.record(z.string(), z.unknown()),
        sentence: z.string(),
      }),
    ),
  }),
  customer: z.object({
    customerId: z.string(),
    name: z.string(),
    tier: z.string(),
    segment: z.string().nullable(),
    lifecycleStage: z.string().nullable(),
    assetsUnderManagement: z.number(),
    timeZone: z.string(),
    localTimeNow: z.string(),
    preferredChannels: z.array(z.string()),
    consent: z.object({ sms: z.boolean(), email: z.boolean(), phone: z.boolean() }),
    contact: contactDetails,
  }),
  saidBefore: z.object({
    contacts: z
      .array(
        z.object({
          at,
          channel: z.string(),
          purpose: z.string(),
          status: z.string(),
          outcome: z.string().nullable(),
          note: z.string().nullable(),
          caseId: z.string(),
        }),
      )
      .describe("the customer's last 20 contacts on any case"),
    replies: z
      .array(z.object({ at, channel: z.string(), text: z.string(), caseId: z.string() }))
      .describe("the customer's replies, addresses masked"),
  }),
  offer: z.object({
    current: z
      .object({
        offerId: z.string(),
        name: z.string(),
        description: z.string(),
        cost: z.number(),
        status: z.string(),
        expiresAt: at,
      })
      .nullable(),
    budget: z
      .number()
      .nullable()
      .describe("the most an offer may cost for this customer (assets × the playbook's budget rate)"),
    eligible: z
      .array(
        z.object({
          offerId: z.string(),
          name: z.string(),
          kind: z.string(),
          description: z.string(),
          cost: z.number(),
          conditions: z.array(z.string()),
        }),
      )
      .describe('catalog offers the playbook would make, best first'),
  }),
  script: z
    .object({ templateId: z.string(), locale: z.string(), subject: z.string(), text: z.string() })
    .nullable()
    .describe("the words of the playbook's message for this step, filled in"),
});
