// Stage 2, assign: the team serving the customer's tier and its agent with the most contact quota left.
import { condition } from '@temporalio/workflow';
import { durationMs } from '../../domain/duration';
import type { CaseRun } from '../case-run';

export async function assign(run: CaseRun): Promise<void> {
  const { state } = run;
  const assignment = await run.withRecorded((recorded) =>
    run.store.assignCase({ caseId: state.caseId, tier: state.tier!, driver: state.driver, recorded }),
  );
  state.teamId = assignment.teamId;
  state.agentId = assignment.agentId;
  run.tagSearchAttributes();
  // Written with the contact-policy check that follows (or with queued_for_agent below).
  await run.record(
    'case_assigned',
    { teamId: assignment.teamId ?? null, agentId: assignment.agentId ?? null },
    { stage: 'assigned', withNextCall: true },
  );
  if (state.agentId || !state.teamId) return;

  // No agent of the team has quota left: the case waits in the team's queue, on the supervisors' board,
  // until a supervisor assigns it or a retry finds an agent with quota.
  await run.record('queued_for_agent', { teamId: state.teamId });
  while (!state.agentId) {
    if (await condition(() => state.agentId !== undefined, durationMs(run.definition.assignment.retryEvery))) return;
    const retry = await run.store.assignCase({ caseId: state.caseId, tier: state.tier!, driver: state.driver });
    if (retry.agentId) {
      state.teamId = retry.teamId;
      state.agentId = retry.agentId;
      run.tagSearchAttributes();
      await run.record(
        'case_assigned',
        { teamId: retry.teamId ?? null, agentId: retry.agentId },
        { stage: 'assigned' },
      );
    }
  }
}
