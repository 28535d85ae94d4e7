// The human steps on a case (contact outcome, offer approval and decision, reassignment, SLA, retry, close),
// each a workflow update; the answer is the case page after the step.
import type { UpdateDefinition } from '@temporalio/client';
import type { Db } from '../../config/database';
import type { CaseState } from '../../domain/case';
import type { Actor } from '../../domain/human-steps';
import type { AppDeps } from '../deps';
import { caseClosed, caseNotFound } from '../../domain/errors/case-errors';
import { agentInactive, agentNotFound } from '../../domain/errors/people-errors';
import { caseDetailJson, findCase } from './case-reads';

export interface HumanStep<Input extends object> {
  caseId: string;
  // An agent's team: a case of another team is "not found".
  visibleTeam?: string;
  update: UpdateDefinition<CaseState, [Input & Actor]>;
  // Read once the case is known to be visible, so an unknown case is "not found" whatever the request held.
  readInput: () => { input: Input; stepKey?: string };
  // What the workflow cannot look up itself (a new agent's team).
  prepare?: (input: Input) => Promise<object>;
  actor: string;
  actorAgentId?: string;
}

export async function takeHumanStep<Input extends object>(
  { sql, cases }: Pick<AppDeps, 'sql' | 'cases'>,
  step: HumanStep<Input>,
): Promise<string> {
  const row = await findCase(sql, step.caseId, step.visibleTeam);
  if (!row) throw caseNotFound({ caseId: step.caseId });
  const { input, stepKey } = step.readInput();
  // A keyed answer to a closed case may be the one that closed it: runStep finds its outcome, or refuses it.
  if (row.status === 'closed' && !stepKey) throw caseClosed();
  const extra = (await step.prepare?.(input)) ?? {};
  const actor = { actor: step.actor, ...(step.actorAgentId ? { actorAgentId: step.actorAgentId } : {}) };
  await cases.runStep(
    { workflowId: row.workflowId, runId: row.runId },
    step.update,
    { ...input, ...extra, ...actor } as Input & Actor,
    stepKey,
  );
  return (await caseDetailJson(sql, row.id))!;
}

// A reassignment goes to an active agent; the case moves to the agent's team.
export async function reassignmentTarget(db: Db, { agentId }: { agentId: string }): Promise<{ teamId: string }> {
  const agent = await db.agent.findUnique({ where: { id: agentId } });
  if (!agent) throw agentNotFound({ agentId });
  if (!agent.active) throw agentInactive({ agentId });
  return { teamId: agent.teamId };
}
