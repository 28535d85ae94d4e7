// Stage 1, detect: load the customer, pin the playbook, score the signals, classify the churn driver,
// and decide whether the bank acts at all.
import { assessRisk } from '../../domain/risk';
import { classifyDriver } from '../../domain/driver';
import { inHoldout } from '../../domain/holdout';
import type { CaseRun } from '../case-run';

export async function detect(run: CaseRun): Promise<void> {
  const { state } = run;
  const { playbook: chosen, playbookId } = run.input;
  const driver = classifyDriver(state.signals);
  // A signal's case has what the API read at intake; any other reads it now, in one local activity. The
  // activity parsed the playbook's definition with its schema.
  const context =
    run.input.context ??
    (await run.store.loadCaseContext({
      customerId: state.customerId,
      playbook: { playbookId: chosen?.id ?? playbookId, version: chosen?.version, driver },
    }));
  run.customer = context.customer;
  state.tier = context.customer.tier;
  state.risk = assessRisk(state.signals, context.customer.tier, new Date());
  state.driver = driver;
  run.playbook = context.playbook;
  state.playbook = { id: run.playbook.id, version: run.playbook.version };
  run.tagSearchAttributes();

  // Written with the assignment that follows, or with the close or holdout event below.
  const { choice } = run.input;
  await run.record(
    'case_opened',
    { reason: state.reason, openedBy: run.input.openedBy, ...(choice ? { playbookChoice: choice } : {}) },
    { actor: run.input.openedBy, withNextCall: true },
  );
  await run.record(
    'risk_assessed',
    {
      score: state.risk.score,
      priority: state.risk.priority,
      factors: state.risk.factors,
      driver: state.driver,
      playbook: state.playbook,
    },
    { withNextCall: true },
  );

  // The playbook leaves this customer alone (its declineToTreat, decided at intake): reported, never contacted.
  if (choice?.declined) return run.close('excluded', 'declined_to_treat', { declined: choice.declined });
  // Broker-moved "special" funds come back and leave with the fee cycle: never treated, only reported.
  if (state.driver === 'special_funds') return run.close('excluded', 'intermediary_driven_funds');
  const threshold = run.definition.detect.actionThreshold;
  if (state.risk.score < threshold && !run.input.forceAction) {
    return run.close('not_actionable', 'below_action_threshold', { score: state.risk.score, threshold });
  }
  const { percent } = run.definition.holdout;
  if (percent > 0 && inHoldout(state.customerId, run.playbook.id, percent)) {
    run.holdout = true;
    await run.record('holdout_assigned', { percent });
  }
}
