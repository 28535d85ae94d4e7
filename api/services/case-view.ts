// Cases as the API shows them, read from the PostgreSQL projection, not from the workflow.
import type { Prisma } from '@prisma/client';

export const summaryInclude = {
  customer: { select: { id: true, name: true, tier: true } },
  team: { select: { id: true, name: true } },
  agent: { select: { id: true, name: true } },
} satisfies Prisma.CaseInclude;

export type CaseWithSummary = Prisma.CaseGetPayload<{ include: typeof summaryInclude }>;

// The case page writes the same fields in SQL (CASE_DETAIL in case-reads.ts): a field changed here changes there.
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
