// The case's last step: with an observation window in the playbook, watch for a balance_recovery signal
// and decide retained or churned from it; otherwise close with the verdict the stages reached.
import { condition, patched } from '@temporalio/workflow';
import { durationMs } from '../../domain/duration';
import type { Outcome } from '../../domain/vocabulary';
import type { CaseRun } from '../case-run';

export interface Verdict {
  outcome: Outcome;
  reason: string;
  data?: Record<string, unknown>;
  actor?: string;
}

// Code change marker: cases closed before observation windows existed replay without them.
export const OBSERVATION_PATCH = 'observation-window';

export async function conclude(run: CaseRun, verdict: Verdict): Promise<void> {
  const windowMs = durationMs(run.definition.outcome.observationWindow);
  if (windowMs === 0 || !patched(OBSERVATION_PATCH)) return run.close(verdict.outcome, verdict.reason, verdict.data, verdict.actor);

  run.setSlaDue(undefined);
  await run.record('observation_started', { until: new Date(Date.now() + windowMs).toISOString() }, undefined, 'observing');
  const recovered = await condition(() => run.recovered, windowMs);
  return run.close(recovered ? 'retained' : 'churned', verdict.reason, { ...verdict.data, observed: recovered ? 'recovered' : 'no_recovery' }, verdict.actor);
}
