// The case's last step: with an observation window in the playbook, watch for a balance_recovery signal
// and decide retained or churned from it; otherwise close with the verdict the stages reached.
import { allHandlersFinished, condition, continueAsNew } from '@temporalio/workflow';
import { durationMs } from '../../domain/duration';
import type { CaseInput, CaseState } from '../../domain/case';
import type { Outcome } from '../../domain/vocabulary';
import type { CaseRun } from '../case-run';

export interface Verdict {
  outcome: Outcome;
  reason: string;
  data?: Record<string, unknown>;
  actor?: string;
}

export async function conclude(run: CaseRun, verdict: Verdict): Promise<void> {
  const windowMs = durationMs(run.definition.outcome.observationWindow);
  if (windowMs === 0) return run.close(verdict.outcome, verdict.reason, verdict.data, verdict.actor);

  run.setSlaDue(undefined);
  // A recovery before the window (e.g. while the offer was open) says nothing about the treatment's effect.
  run.recovered = false;
  const until = Date.now() + windowMs;
  await run.record('observation_started', { until: new Date(until).toISOString() }, { stage: 'observing' });
  return observe(run, verdict, until);
}

// Watches for recovery until the window ends. The window can last weeks while signals keep joining, so a
// long history is carried over to a new run (continue-as-new) with the case's state.
export async function observe(run: CaseRun, verdict: Verdict, until: number): Promise<void> {
  await condition(() => run.recovered || run.historyIsLong, Math.max(0, until - Date.now()));
  if (!run.recovered && Date.now() < until) {
    await condition(allHandlersFinished);
    const { customer, playbook, state, recovered } = run;
    await continueAsNew<(input: CaseInput) => Promise<CaseState>>({
      ...run.input,
      signals: [],
      resume: {
        state,
        customer: customer!,
        playbook: playbook!,
        recovered,
        verdict,
        observeUntil: new Date(until).toISOString(),
      },
    });
  }
  const recovered = run.recovered;
  return run.close(
    recovered ? 'retained' : 'churned',
    verdict.reason,
    { ...verdict.data, observed: recovered ? 'recovered' : 'no_recovery' },
    verdict.actor,
  );
}
