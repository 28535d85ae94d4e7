// Cases as the API shows them, read from the PostgreSQL projection, not from the workflow.
import type { Prisma } from '@prisma/client';
import type { CaseRelations } from './case-reads';
import { consentOf } from './customer-upsert';

export const summaryInclude = {
  customer: { select: { id: true, name: true, tier: true } },
  team: { select: { id: true, name: true } },
  agent: { select: { id: true, name: true } },
} satisfies Prisma.CaseInclude;

export type CaseWithSummary = Prisma.CaseGetPayload<{ include: typeof summaryInclude }>;

export function caseSummary(c: CaseWithSummary, now = new Date()) {
  return {
    caseId: c.id,
    workflowId: c.workflowId,
    customerId: c.customerId,
    customer: { id: c.customer.id, name: c.customer.name, tier: c.customer.tier },
    stage: c.stage,
    status: c.status,
    outcome: c.outcome ?? undefined,
    riskScore: c.riskScore,
    driver: c.driver,
    priority: c.priority,
    playbook: { id: c.playbookId, version: c.playbookVersion },
    team: c.team ?? undefined,
    assignee: c.agent ?? undefined,
    sla: { dueAt: c.slaDueAt?.toISOString() ?? null, breached: c.status === 'open' && c.slaDueAt !== null && c.slaDueAt < now },
    // Why nothing automatic can move the case; a supervisor retries, reassigns or closes it.
    attention: c.attentionReason ? { reason: c.attentionReason, since: c.attentionSince?.toISOString() ?? null } : null,
    openedAt: c.openedAt.toISOString(),
    closedAt: c.closedAt?.toISOString(),
  };
}

// The case page: the case row with its customer, contact attempts, latest offer and latest survey.
export function caseDetail(c: CaseWithSummary & CaseRelations) {
  const { profile: customer, attempts, offer, survey } = c;
  return {
    ...caseSummary(c),
    // What the agent needs before calling: who, how much is at stake, and how they may be contacted.
    customer: {
      id: customer.id, name: customer.name, tier: customer.tier, segment: customer.segment ?? undefined, lifecycleStage: customer.lifecycleStage ?? undefined,
      assetsUnderManagement: Number(customer.assetsUnderManagement), timeZone: customer.timeZone, preferredChannels: customer.preferredChannels,
      consent: consentOf(customer),
    },
    reason: c.reason,
    riskExplanation: c.riskExplanation,
    contactAttempts: attempts.map((a) => ({
      id: a.id, channel: a.channel, purpose: a.purpose, status: a.status, outcome: a.outcome ?? undefined,
      agentId: a.agentId ?? undefined, providerId: a.providerId ?? undefined, note: a.note ?? undefined,
      providerCode: a.providerCode ?? undefined, error: a.error ?? undefined, deliveryStatus: a.deliveryStatus ?? undefined,
      at: (a.sentAt ?? a.createdAt).toISOString(),
    })),
    offer: offer && {
      offerId: offer.offerId, name: offer.name, kind: offer.kind, cost: Number(offer.cost),
      status: offer.status, expiresAt: offer.expiresAt.toISOString(), decidedAt: offer.decidedAt?.toISOString(),
    },
    survey: survey && {
      channel: survey.channel, sentAt: survey.sentAt.toISOString(), answeredAt: survey.answeredAt?.toISOString(),
      score: survey.score ?? undefined, comment: survey.comment ?? undefined,
    },
  };
}
