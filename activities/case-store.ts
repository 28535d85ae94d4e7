// The case projection in PostgreSQL: case row + timeline, offers made, contact outcomes, survey answers.
// Every write is keyed, so a retried activity changes nothing the second time.
import { Context } from '@temporalio/activity';
import type { Prisma } from '@prisma/client';
import type { CaseProjection } from '../domain/case';
import { AGENT_CONTACT_PURPOSE } from '../domain/quota-day';
import { isUniqueViolation } from '../config/db-errors';
import type { ActivityDeps } from './deps';
import { caseEventOutboxRow } from './crm-outbox';
import { HELD_OFFER_STATUSES, RELEASABLE_OFFER_STATUSES } from '../domain/offer';

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
    attentionReason: p.attention?.reason ?? null,
    attentionSince: p.attention ? new Date(p.attention.since) : null,
    lastEventSeq: seq,
  };
}

export function createCaseStore({ db, crm }: ActivityDeps) {
  // One transaction per transition: the case row, its timeline event and the CRM outbox row commit together,
  // so the CRM never misses an event the timeline has, and never holds up the playbook. Without a CRM
  // configured nothing is queued.
  async function writeTransition(tx: Prisma.TransactionClient, event: CaseEventRecord, projection: CaseProjection, taskQueue: string, runId?: string) {
    const row = { ...caseRow(projection, event.seq), runId };
    // Conditional UPDATE: PostgreSQL re-checks last_event_seq under the row lock, so of two concurrent writes
    // (an update handler's event and a stage's) the older never overwrites the newer.
    const { count } = await tx.case.updateMany({ where: { id: projection.caseId, lastEventSeq: { lt: event.seq } }, data: row });
    if (count === 0 && (await tx.case.count({ where: { id: projection.caseId } })) === 0) {
      await tx.case.create({
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
    }
    const inserted = await tx.caseEvent.createMany({
      data: [{ caseId: event.caseId, seq: event.seq, at: new Date(event.at), type: event.type, actor: event.actor, data: event.data as object }],
      skipDuplicates: true,
    });
    // A retried write whose event is already in finds its outbox row there too.
    if (inserted.count === 0) return;
    if (crm) await tx.crmOutbox.create({ data: caseEventOutboxRow(event, projection.customerId, projection.stage, taskQueue) });
    if (projection.status === 'closed') {
      await tx.caseOffer.updateMany({ where: { caseId: projection.caseId, status: { in: RELEASABLE_OFFER_STATUSES } }, data: { status: 'withdrawn', decidedAt: new Date() } });
    }
  }

  return {
    async recordCaseEvent({ event, projection }: { event: CaseEventRecord; projection: CaseProjection }): Promise<void> {
      const info = Context.current().info;
      // The run id moves with continue-as-new: human steps must reach the run the case lives in now.
      const write = () => db.$transaction((tx) => writeTransition(tx, event, projection, info.taskQueue, info.workflowExecution?.runId));
      try {
        await write();
      } catch (e) {
        // Two events raced to create the case row: the loser's transaction rolled back whole; run it again.
        if (!isUniqueViolation(e)) throw e;
        await write();
      }
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

    // Takes one of a capped offer's slots, or answers claimed: false when all are held. The offer row is locked
    // while the holds are counted, so two cases never take the last slot together. Retries find their row.
    async claimOfferSlot(req: { key: string; caseId: string; offerId: string; cost: number; status: 'pending_approval' | 'presented'; expiresAt: string }): Promise<{ claimed: boolean }> {
      return db.$transaction(async (tx) => {
        if (await tx.caseOffer.findUnique({ where: { key: req.key }, select: { id: true } })) return { claimed: true };
        const [offer] = await tx.$queryRaw<{ volume_cap: number | null }[]>`SELECT volume_cap FROM offers WHERE id = ${req.offerId} FOR UPDATE`;
        if (offer?.volume_cap !== null && offer?.volume_cap !== undefined) {
          const held = await tx.caseOffer.count({ where: { offerId: req.offerId, status: { in: HELD_OFFER_STATUSES } } });
          if (held >= offer.volume_cap) return { claimed: false };
        }
        await tx.caseOffer.create({ data: { key: req.key, caseId: req.caseId, offerId: req.offerId, cost: req.cost, status: req.status, expiresAt: new Date(req.expiresAt) } });
        return { claimed: true };
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
