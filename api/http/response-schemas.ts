// Shapes of the main answers, for the OpenAPI document. A test parses real answers with these and checks
// nothing is lost, so the document cannot quietly fall behind the code.
import { z } from 'zod';
import { REPORT_COLUMNS } from '../../domain/retention-report';
import { CHURN_REPORT_PERIODS, NOT_RECORDED } from '../../domain/churn-reason-report';
import { CHURN_REASON_CATEGORIES } from '../../domain/churn-reasons';
import { ROLES } from '../../domain/vocabulary';

const at = z.string().describe('ISO-8601 date-time');
const ref = z.object({ id: z.string(), name: z.string() });

const caseSummaryResponse = z.object({
  caseId: z.string(),
  workflowId: z.string(),
  customerId: z.string(),
  customer: z.object({ id: z.string(), name: z.string(), tier: z.string() }),
  stage: z.string(),
  status: z.enum(['open', 'closed']),
  outcome: z.string().optional(),
  riskScore: z.number(),
  driver: z.string().nullable(),
  priority: z.number(),
  playbook: z.object({ id: z.string(), version: z.number() }),
  team: ref.optional(),
  assignee: ref.optional(),
  sla: z.object({ dueAt: at.nullable(), breached: z.boolean() }),
  attention: z
    .object({ reason: z.string(), since: at.nullable() })
    .nullable()
    .describe('set while the case needs a supervisor: retry, reassign or close it'),
  openedAt: at,
  closedAt: at.optional(),
});

export const caseBoardResponse = z.object({
  items: z.array(caseSummaryResponse),
  nextCursor: z.string().nullable().describe('pass as cursor for the next page; null on the last page'),
  stageCounts: z.record(z.string(), z.number()).describe('cases per stage for the whole filter, every stage present'),
  total: z.number(),
});

export const caseDetailResponse = caseSummaryResponse.extend({
  customer: z.object({
    id: z.string(),
    name: z.string(),
    tier: z.string(),
    segment: z.string().optional(),
    lifecycleStage: z.string().optional(),
    assetsUnderManagement: z.number(),
    timeZone: z.string(),
    preferredChannels: z.array(z.string()),
    consent: z.object({ sms: z.boolean(), email: z.boolean(), phone: z.boolean() }),
  }),
  reason: z.string(),
  churnReason: z
    .object({
      code: z.string(),
      label: z.string(),
      category: z.string(),
      avoidable: z.boolean(),
      note: z.string().optional().describe("the customer's words (removed when the case is anonymised)"),
    })
    .optional()
    .describe('why a case closed as churned or declined was lost; absent until a person records it'),
  riskExplanation: z.array(z.object({ signalId: z.string(), factor: z.string(), contribution: z.number() })),
  contactAttempts: z.array(
    z.object({
      id: z.string(),
      channel: z.string(),
      purpose: z.string(),
      status: z.string(),
      outcome: z.string().optional(),
      agentId: z.string().optional(),
      providerId: z.string().optional(),
      note: z.string().optional(),
      at,
      providerCode: z.string().optional().describe("the provider's code of a refused or undelivered send"),
      error: z.string().optional(),
      deliveryStatus: z
        .string()
        .optional()
        .describe('what the provider reported later: queued, sent, delivered, undelivered, failed'),
    }),
  ),
  offer: z
    .object({
      offerId: z.string(),
      name: z.string(),
      kind: z.string(),
      cost: z.number(),
      status: z.string(),
      expiresAt: at,
      decidedAt: at.optional(),
    })
    .optional(),
  survey: z
    .object({
      channel: z.string(),
      sentAt: at,
      answeredAt: at.optional(),
      score: z.number().optional(),
      comment: z.string().optional(),
    })
    .optional(),
  earlyWarning: z
    .object({
      modelId: z.string(),
      score: z.number().describe('the probability of churn the early-warning model gave, 0..1'),
      reasons: z
        .array(
          z.object({
            attribute: z.string(),
            value: z.union([z.string(), z.number(), z.null()]),
            points: z.number().describe('points this value adds against the average customer'),
          }),
        )
        .describe('up to four, most points first'),
      at,
    })
    .optional()
    .describe('present when the early-warning scoring sweep opened the case'),
  playbookChoice: z
    .object({
      playbook: z.object({ id: z.string(), version: z.number() }),
      basis: z.enum(['named', 'matched', 'default']),
      matched: z
        .object({
          tier: z.string().optional(),
          driver: z.string().optional(),
          stage: z.string().optional(),
          segment: z.string().optional(),
        })
        .describe("what of the customer the playbook's appliesTo named and matched"),
      experiment: z.object({ experimentId: z.string(), arm: z.string() }).optional(),
      declined: z
        .object({ stage: z.string(), belowAssets: z.number().optional() })
        .optional()
        .describe("the playbook's declineToTreat rule that closed the case without contact"),
      summary: z.string().describe('the above in one sentence'),
    })
    .optional()
    .describe('why the case runs its playbook, kept when it opened (absent for cases opened before it was kept)'),
});

export const timelineResponse = z.object({
  events: z.array(
    z.object({
      seq: z.number(),
      at,
      type: z.string(),
      actor: z.string().describe('role:key name, or holdfast'),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
});

export const teamsResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      tiers: z.array(z.string()),
      drivers: z.array(z.string()),
      agents: z.array(z.object({ id: z.string(), name: z.string(), active: z.boolean() })),
    }),
  ),
});

export const workloadResponse = z.object({
  teamId: z.string(),
  name: z.string(),
  at,
  quotaDayStartedAt: at.describe('contacts count from here (start of the UTC day)'),
  agents: z.array(
    z.object({
      agentId: z.string(),
      name: z.string(),
      active: z.boolean(),
      openCases: z.number(),
      slaBreaches: z.number(),
      contactsToday: z.number(),
      dailyContactQuota: z.number(),
      quotaRemaining: z.number(),
    }),
  ),
  unassigned: z.object({ openCases: z.number(), slaBreaches: z.number() }),
  needsAttention: z.number().describe("the team's open cases waiting for a supervisor"),
  totals: z.object({
    openCases: z.number(),
    slaBreaches: z.number(),
    contactsToday: z.number(),
    dailyContactQuota: z.number(),
  }),
});

const rate = z.number().nullable().describe('0..1; null when there is nothing to divide by');
const reportRowResponse = z.object({
  group: z.string(),
  period: z.string().optional(),
  opened: z.number(),
  treated: z.number(),
  holdout: z.number(),
  stillOpen: z.number(),
  retained: z.number(),
  churned: z.number(),
  declined: z.number(),
  unreachable: z.number(),
  excluded: z.number(),
  erased: z.number().describe('closed because the customer was erased on request'),
  retentionRate: rate,
  holdoutRetentionRate: rate,
  lift: z.number().nullable(),
  offerCost: z.number(),
  costPerRetained: z.number().nullable(),
  assetsRetained: z.number(),
  slaCompliance: rate,
});
export const reportResponse = z.object({
  from: at,
  to: at,
  groupBy: z.string(),
  period: z.string().nullable(),
  rows: z.array(reportRowResponse),
});

// The CSV's columns are the row's fields; a mismatch would fail here when the module loads.
const missing = REPORT_COLUMNS.filter((c) => !(c in reportRowResponse.shape));
if (missing.length) throw new Error(`report columns without a documented field: ${missing.join(', ')}`);

export const keyResponse = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  teamId: z.string().nullable(),
  agentId: z.string().nullable().describe('the agent (person) the key belongs to'),
  prefix: z.string(),
  createdAt: at,
  revokedAt: at.nullable(),
});
export const issuedKeyResponse = keyResponse.extend({
  key: z.string().describe('the secret: shown in this answer only'),
});
export const keyListResponse = z.object({ items: z.array(keyResponse) });
export const meResponse = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  teamId: z.string().nullable(),
  agentId: z.string().nullable(),
});

export const erasureResponse = z.object({
  customerId: z.string(),
  erasedAt: at.describe('when the first erasure of this customer committed; a repeated request answers the same'),
  cases: z.array(
    z.object({
      caseId: z.string(),
      status: z.string(),
      outcome: z.string().nullable().describe('an open case is closed with outcome erased'),
      closedAt: at.nullable(),
    }),
  ),
});

const churnReasonResponse = z.object({
  code: z.string(),
  label: z.string(),
  category: z.enum(CHURN_REASON_CATEGORIES),
  avoidable: z.boolean(),
  active: z.boolean(),
});
export const churnReasonListResponse = z.object({ items: z.array(churnReasonResponse) });
export const recordedChurnReasonResponse = z.object({
  caseId: z.string(),
  outcome: z.string().nullable(),
  reason: z.object({ code: z.string(), note: z.string() }),
  previousCode: z.string().nullable().describe('the reason this one replaced, if any'),
});

const share = z.number().nullable();
const churnTally = {
  count: z.number().describe('cases lost (closed churned or declined)'),
  share: share.describe('of all cases lost in the report'),
  recorded: z.number().describe('with a reason from the catalogue'),
  avoidableCount: z.number(),
  avoidableShare: share.describe('avoidable among those with a reason'),
};
const churnGroupRow = z.object({ group: z.string(), ...churnTally });
export const churnReasonReportResponse = z.object({
  from: at,
  to: at,
  period: z.enum(CHURN_REPORT_PERIODS),
  filters: z.object({
    team: z.string().nullable(),
    tier: z.string().nullable(),
    driver: z.string().nullable(),
    playbook: z.string().nullable(),
  }),
  totals: z.object(churnTally),
  reasons: z.array(
    z.object({
      code: z.string().describe(`a catalogue code, or ${NOT_RECORDED} for cases closed without a reason`),
      label: z.string(),
      category: z.string().nullable(),
      avoidable: z.boolean().nullable(),
      active: z.boolean().nullable(),
      ...churnTally,
    }),
  ),
  byCategory: z.array(churnGroupRow),
  byDriver: z.array(churnGroupRow),
  byTier: z.array(churnGroupRow),
  byTeam: z.array(churnGroupRow),
  periods: z.array(
    z.object({
      period: z.string().describe('ISO week (its Monday) or month, UTC, of the close'),
      ...churnTally,
      trend: share.describe('change in avoidable share against the previous period'),
    }),
  ),
});
