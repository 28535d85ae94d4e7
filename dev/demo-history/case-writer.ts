// Writes a demo case as a bank's case is written: its signal and case row through the intake's one call
// (with the experiment arm intake chose for it), its events through the case store's transition statement
// (the triggers keep the funnel from them), then the signal linked to it. No workflow runs: the case is
// already closed, and every time in it is the story's own.
import { storeSignalAndOpenCase, linkSignal } from '../../api/services/signal-store';
import type { Sql } from '../../config/sql';
import { writeTransition } from '../../activities/transition-sql';
import { storyEvents, type CaseStory } from './case-story';

export interface StoredStory extends CaseStory {
  idempotencyKey: string;
  arm?: { experimentId: string; arm: string };
}

async function writeStory(sql: Sql, story: StoredStory): Promise<void> {
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
}

// A few at a time: the pool's connections are shared with nothing else while the history is written.
export async function writeStories(sql: Sql, stories: StoredStory[], concurrency = 6): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < stories.length) await writeStory(sql, stories[next++]!);
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}
