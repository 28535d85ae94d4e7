// An agent's day (GET /v1/me/today): the cases waiting on them in the order to work them, what each is waiting
// for, today's recorded contacts against the daily quota, and the follow-ups that fall today.
import type { Sql } from '../../config/sql';
import { contactPolicySchema } from '../../domain/contact-policy';
import { maskContactsInText } from '../../domain/contact-masking';
import { byDeskOrder, dueTask, followUpIn, type DueTask } from '../../domain/desk-tasks';
import { startOfQuotaDay } from '../../domain/quota-day';
import { agentNotFound } from '../../domain/errors/people-errors';
import { agentDayBounds, workingTimeZone } from './agent-day';
import { localTime } from './local-format';
import { agentWithContactsToday, openCasesOfAgent, type OpenCaseRow } from './my-day-sql';

const customerOf = (r: OpenCaseRow) => ({ id: r.customerId, name: r.customerName, tier: r.tier, timeZone: r.timeZone });

function waitOf(r: OpenCaseRow) {
  const quietHours = r.quietHours ? contactPolicySchema.shape.quietHours.safeParse(r.quietHours).data : undefined;
  return {
    stage: r.stage,
    needsAttention: r.attentionReason !== null,
    slaDueAt: r.slaDueAt,
    customerTimeZone: r.timeZone,
    quietHours,
    lastStep: r.lastType ? { type: r.lastType, data: r.lastData ?? {} } : undefined,
  };
}

function waitingItem(r: OpenCaseRow, due: DueTask, now: Date) {
  return {
    caseId: r.id,
    customer: customerOf(r),
    stage: r.stage,
    reason: r.reason,
    driver: r.driver,
    riskScore: r.riskScore,
    priority: r.priority,
    task: due.task,
    channel: due.channel ?? null,
    detail: due.detail ? maskContactsInText(due.detail) : null,
    dueAt: due.dueAt?.toISOString() ?? null,
    // The time as the customer lives it: a callback is promised in their clock, not the agent's.
    dueCustomerTime: due.dueAt ? localTime(due.dueAt, r.timeZone) : null,
    overdue: due.dueAt !== null && due.dueAt < now,
  };
}

export async function agentToday(sql: Sql, agentId: string, now: Date) {
  const [agent, cases] = await Promise.all([
    agentWithContactsToday(sql, agentId, startOfQuotaDay(now)),
    openCasesOfAgent(sql, agentId),
  ]);
  if (!agent) throw agentNotFound({ agentId });
  const timeZone = workingTimeZone(agent.workingHours) ?? 'UTC';
  const day = agentDayBounds(now, timeZone);
  const waiting = cases
    .map((r) => ({ r, due: dueTask(waitOf(r)) }))
    .filter((x): x is { r: OpenCaseRow; due: DueTask } => x.due !== undefined)
    .sort(
      (a, b) =>
        byDeskOrder({ dueAt: a.due.dueAt, priority: a.r.priority }, { dueAt: b.due.dueAt, priority: b.r.priority }) ||
        a.r.id.localeCompare(b.r.id),
    );
  const followUps = cases
    .map((r) => ({ r, f: followUpIn(waitOf(r), day.start, day.end) }))
    .filter((x) => x.f !== undefined)
    .sort((a, b) => a.f!.at.getTime() - b.f!.at.getTime());
  return {
    agent: { id: agent.id, name: agent.name, teamId: agent.teamId },
    day: { timeZone, start: day.start.toISOString(), end: day.end.toISOString() },
    contacts: {
      today: agent.contactsToday,
      quota: agent.dailyContactQuota,
      left: Math.max(0, agent.dailyContactQuota - agent.contactsToday),
    },
    waiting: waiting.map(({ r, due }) => waitingItem(r, due, now)),
    followUps: followUps.map(({ r, f }) => ({
      caseId: r.id,
      customer: customerOf(r),
      stage: r.stage,
      kind: f!.kind,
      at: f!.at.toISOString(),
      customerTime: localTime(f!.at, r.timeZone),
    })),
    openCases: cases.length,
    generatedAt: now.toISOString(),
  };
}
