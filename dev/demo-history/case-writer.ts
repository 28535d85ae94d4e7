// Writes a demo case as a bank's case is written: its signal and case row through the intake's one call
// (with the experiment arm intake chose for it), its events through the case store's transition statement
// (the triggers keep the funnel from them), then the signal linked to it and the offer it made. No workflow runs: the case is
// already closed, and every time in it is the story's own.
import { storeSignalAndOpenCase, linkSignal } from '../../api/services/signal-store';
import type { Sql } from '../../config/sql';
import { recordCaseOffer } from '../../activities/case-store';
import { writeTransition } from '../../activities/transition-sql';
import type { Db } from '../../config/database';
import { storyEvents, type CaseStory } from './case-story';

export interface StoredStory extends CaseStory {
  idempotencyKey: string;
  arm?: { experimentId: string; arm: string };
}

// The offer the case made, where it reached one, recorded by the case store as the offer stage records it.
async function recordStoryOffer(db: Db, story: StoredStory, presentedAt: string): Promise<void> {
  if (story.outcome === 'unreachable') return;
  await recordCaseOffer(db, {
    key: `${story.caseId}:offer:1`,
    caseId: story.caseId,
    offerId: story.offer.id,
    cost: story.offer.cost,
    status: story.outcome === 'declined' ? 'declined' : 'accepted',
    expiresAt: new Date(Date.parse(presentedAt) + 7 * 86_400_000).toISOString(),
  });
}

async function writeStory({ sql, db }: Writers, story: StoredStory): Promise<void> {
  const { events, projection } = storyEvents(story);
  const signal = {
    idempotencyKey: story.idempotencyKey,
    customerId: story.customerId,
    type: story.signal.type,
    severity: story.signal.severity,
    occurredAt: story.signal.occurredAt,
    details: story.signal.details,
  };
  const opened = await storeSignalAndOpenCase(sql, signal, undefined, {
    caseId: story.caseId,
    customerId: story.customerId,
    reason: projection.reason,
    playbook: story.playbook,
    arm: story.arm,
  });
  if (!opened.stored || opened.openCaseId)
    throw new Error(`demo case ${story.caseId}: customer ${story.customerId} already had a case open`);
  await writeTransition(sql, events, projection, undefined, undefined);
  await linkSignal(sql, opened.signalId, { caseId: story.caseId, workflowId: projection.workflowId });
  const presented = events.find((e) => e.type === 'offer_presented');
  if (presented) await recordStoryOffer(db, story, presented.at);
}

interface Writers {
  sql: Sql;
  db: Db;
}

// A few at a time: the pool's connections are shared with nothing else while the history is written.
export async function writeStories(writers: Writers, stories: StoredStory[], concurrency = 6): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < stories.length) await writeStory(writers, stories[next++]!);
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}
