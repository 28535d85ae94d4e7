// The case projection in PostgreSQL: case row + timeline, offers made, contact outcomes, survey answers.
// Every write is keyed, so a retried activity changes nothing the second time.
import { Context } from '@temporalio/activity';
import type { CaseProjection } from '../domain/case';
import { AGENT_CONTACT_PURPOSE } from '../domain/quota-day';
import type { ActivityDeps } from './deps';
import type { Db } from '../config/database';
import { writeTransition } from './transition-sql';
import { HELD_OFFER_STATUSES } from '../domain/offer';

export interface CaseEventRecord {
  caseId: string;
  seq: number;
  at: string;
  type: string;
  actor: string;
  data: Record<string, unknown>;
}

// Events of a step with the projection they leave the case in; also carried by the step's next activity call
// (CarriedEvents) to be written before it runs.
export interface RecordedEvents {
  events: CaseEventRecord[];
  projection: CaseProjection;
}

// What an activity that carries a step's events takes besides its own request: the events the workflow
// recorded withNextCall (CaseRun.withRecorded), if any.
export interface CarriedEvents {
  recorded?: RecordedEvents;
}

// The events of one step, in order, in one statement (transition-sql.ts): all of them are on the timeline or
// none is, each with the case row and its CRM outbox row, so the CRM never misses an event the timeline has
// and never holds up the playbook; without a CRM configured nothing is queued. The run id moves with
// continue-as-new: human steps must reach the run the case lives in now.
async function recordCaseEvents(
  { sql, crm }: Pick<ActivityDeps, 'sql' | 'crm'>,
  { events, projection }: RecordedEvents,
): Promise<void> {
  if (events.length === 0) return;
  const info = Context.current().info;
  await writeTransition(sql, events, projection, info.workflowExecution?.runId, crm ? info.taskQueue : undefined);
}

// The one place an activity writes the events it carries (activities/index.ts applies it): they are written
// first, so the timeline holds them before the call's own effect, and written once however often the call is
// retried (the write is keyed by case id + event sequence, and the call by case and step).
export function writingCarriedEvents<Req, R>(
  deps: Pick<ActivityDeps, 'sql' | 'crm'>,
  activity: (req: Req) => Promise<R>,
): (req: Req & CarriedEvents) => Promise<R> {
  return async ({ recorded, ...req }) => {
    if (recorded) await recordCaseEvents(deps, recorded);
    return activity(req as Req);
  };
}

// Takes one of a capped offer's slots, or answers claimed: false when all are held. The offer row is locked
// while the holds are counted, so two cases never take the last slot together. Retries find their row.
function claimOfferSlot(
  db: Db,
  req: {
    key: string;
    caseId: string;
    offerId: string;
    cost: number;
    status: 'pending_approval' | 'presented';
    expiresAt: string;
  },
): Promise<{ claimed: boolean }> {
  return db.$transaction(async (tx) => {
    if (await tx.caseOffer.findUnique({ where: { key: req.key }, select: { id: true } })) return { claimed: true };
    const [offer] = await tx.$queryRaw<
      { volume_cap: number | null }[]
    >`SELECT volume_cap FROM offers WHERE id = ${req.offerId} FOR UPDATE`;
    if (offer?.volume_cap !== null && offer?.volume_cap !== undefined) {
      const held = await tx.caseOffer.count({ where: { offerId: req.offerId, status: { in: HELD_OFFER_STATUSES } } });
      if (held >= offer.volume_cap) return { claimed: false };
    }
    await tx.caseOffer.create({
      data: {
        key: req.key,
        caseId: req.caseId,
        offerId: req.offerId,
        cost: req.cost,
        status: req.status,
        expiresAt: new Date(req.expiresAt),
      },
    });
    return { claimed: true };
  });
}

// Also the demo history's (dev/demo-history/case-writer.ts): an offer a past case made, as the case recorded it.
export async function recordCaseOffer(
  db: Db,
  req: { key: string; caseId: string; offerId: string; cost: number; status: string; expiresAt?: string },
): Promise<void> {
  const decided = ['accepted', 'declined', 'expired', 'rejected', 'approved'].includes(req.status);
  await db.caseOffer.upsert({
    where: { key: req.key },
    create: {
      key: req.key,
      caseId: req.caseId,
      offerId: req.offerId,
      cost: req.cost,
      status: req.status,
      expiresAt: new Date(req.expiresAt ?? Date.now()),
    },
    update: {
      status: req.status,
      ...(req.expiresAt ? { expiresAt: new Date(req.expiresAt) } : {}),
      ...(decided ? { decidedAt: new Date() } : {}),
    },
  });
}

export function createCaseStore(deps: ActivityDeps) {
  const { db } = deps;
  return {
    recordCaseEvents: (req: RecordedEvents) => recordCaseEvents(deps, req),
    recordCaseOffer: (req: Parameters<typeof recordCaseOffer>[1]) => recordCaseOffer(db, req),
    claimOfferSlot: (req: Parameters<typeof claimOfferSlot>[1]) => claimOfferSlot(db, req),

    async recordContactOutcome(req: {
      key: string;
      caseId: string;
      customerId: string;
      agentId?: string;
      channel: string;
      outcome: string;
      note?: string;
    }): Promise<void> {
      await db.contactAttempt.upsert({
        where: { key: req.key },
        create: {
          key: req.key,
          caseId: req.caseId,
          customerId: req.customerId,
          agentId: req.agentId,
          channel: req.channel,
          purpose: AGENT_CONTACT_PURPOSE,
          status: 'recorded',
          outcome: req.outcome,
          note: req.note,
          sentAt: new Date(),
        },
        update: {},
      });
    },

    async recordSurveyAnswer(req: { caseId: string; score: number; comment?: string }): Promise<void> {
      await db.survey.updateMany({
        where: { caseId: req.caseId, answeredAt: null },
        data: { score: req.score, comment: req.comment, answeredAt: new Date() },
      });
    },
  };
}
