// The case projection in PostgreSQL: case row + timeline, offers made, contact outcomes, survey answers.
// Every write is keyed, so a retried activity changes nothing the second time.
import { Context } from '@temporalio/activity';
import { Prisma } from '@prisma/client';
import type { CaseProjection } from '../domain/case';
import { AGENT_CONTACT_PURPOSE } from '../domain/quota-day';
import type { ActivityDeps } from './deps';

export interface CaseEventRecord {
  caseId: string;
  seq: number;
  at: string;
  type: string;
  actor: string;
  data: Record<string, unknown>;
}

function caseRow(p: CaseProjection, seq: number) {
  return {
    stage: p.stage,
    status: p.status,
    outcome: p.outcome ?? null,
    riskScore: p.riskScore,
    riskExplanation: p.riskExplanation as object[],
    driver: p.driver ?? null,
    priority: p.priority,
    teamId: p.teamId ?? null,
    agentId: p.agentId ?? null,
    slaDueAt: p.slaDueAt ? new Date(p.slaDueAt) : null,
    closedAt: p.closedAt ? new Date(p.closedAt) : null,
    lastEventSeq: seq,
  };
}

export function createCaseStore({ db }: ActivityDeps) {
  return {
    async recordCaseEvent({ event, projection }: { event: CaseEventRecord; projection: CaseProjection }): Promise<void> {
      // The run id moves with continue-as-new: human steps must reach the run the case lives in now.
      const row = { ...caseRow(projection, event.seq), runId: Context.current().info.workflowExecution?.runId };
      // One conditional UPDATE: PostgreSQL re-checks last_event_seq under the row lock, so of two concurrent
      // writes (an update handler's event and a stage's) the older never overwrites the newer.
      const applyIfNewer = () => db.case.updateMany({ where: { id: projection.caseId, lastEventSeq: { lt: event.seq } }, data: row });
      const { count } = await applyIfNewer();
      if (count === 0 && (await db.case.count({ where: { id: projection.caseId } })) === 0) {
        try {
          await db.case.create({
            data: {
              ...row,
              id: projection.caseId,
              workflowId: projection.workflowId,
              customerId: projection.customerId,
              reason: projection.reason,
              playbookId: projection.playbook?.id ?? 'unpinned',
              playbookVersion: projection.playbook?.version ?? 0,
              openedAt: new Date(projection.openedAt),
            },
          });
        } catch (e) {
          // Another event created the row first: apply this one on top if it is newer.
          if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')) throw e;
          await applyIfNewer();
        }
      }
      await db.caseEvent.createMany({
        data: [{ caseId: event.caseId, seq: event.seq, at: new Date(event.at), type: event.type, actor: event.actor, data: event.data as object }],
        skipDuplicates: true,
      });
    },

    async recordCaseOffer(req: { key: string; caseId: string; offerId: string; cost: number; status: string; expiresAt?: string }): Promise<void> {
      const decided = ['accepted', 'declined', 'expired', 'rejected', 'approved'].includes(req.status);
      await db.caseOffer.upsert({
        where: { key: req.key },
        create: { key: req.key, caseId: req.caseId, offerId: req.offerId, cost: req.cost, status: req.status, expiresAt: new Date(req.expiresAt ?? Date.now()) },
        update: {
          status: req.status,
          ...(req.expiresAt ? { expiresAt: new Date(req.expiresAt) } : {}),
          ...(decided ? { decidedAt: new Date() } : {}),
        },
      });
    },

    async recordContactOutcome(req: { key: string; caseId: string; customerId: string; agentId?: string; channel: string; outcome: string; note?: string }): Promise<void> {
      await db.contactAttempt.upsert({
        where: { key: req.key },
        create: { key: req.key, caseId: req.caseId, customerId: req.customerId, agentId: req.agentId, channel: req.channel, purpose: AGENT_CONTACT_PURPOSE, status: 'recorded', outcome: req.outcome, note: req.note, sentAt: new Date() },
        update: {},
      });
    },

    async recordSurveyAnswer(req: { caseId: string; score: number; comment?: string }): Promise<void> {
      await db.survey.updateMany({ where: { caseId: req.caseId, answeredAt: null }, data: { score: req.score, comment: req.comment, answeredAt: new Date() } });
    },
  };
}
