// Stage 2, assign: the team serving the customer's tier and its agent with the most contact quota left.
import { acts } from '../activities';
import type { CaseRun } from '../case-run';

export async function assign(run: CaseRun): Promise<void> {
  const { state } = run;
  const assignment = await acts.assignCase({ caseId: state.caseId, tier: state.tier! });
  state.teamId = assignment.teamId;
  state.agentId = assignment.agentId;
  run.tagSearchAttributes();
  await run.record('case_assigned', { teamId: assignment.teamId ?? null, agentId: assignment.agentId ?? null }, undefined, 'assigned');
}
