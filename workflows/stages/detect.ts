// Stage 1, detect: load the customer, pin the playbook, score the signals, classify the churn driver,
// and decide whether the bank acts at all.
import { assessRisk } from '../../domain/risk';
import { classifyDriver } from '../../domain/driver';
import { inHoldout } from '../../domain/holdout';
import type { PinnedPlaybook } from '../../domain/playbook';
import type { CaseRun } from '../case-run';
import { playbookDefinitionSchema } from '../step-schemas';
import { HOLDOUT_PATCH, INTAKE_CONTEXT_PATCH } from '../patches';

export async function detect(run: CaseRun): Promise<void> {
  const { state } = run;
  const { playbook: chosen, playbookId } = run.input;
  const playbookRequest = { playbookId: chosen?.id ?? playbookId, version: chosen?.version };
  let pinned: PinnedPlaybook;
  if (run.lean) {
    const driver = classifyDriver(state.signals);
    // A signal's case has what the API read at intake; any other reads it now.
    const handed = run.input.context && run.patched(INTAKE_CONTEXT_PATCH) ? run.input.context : undefined;
    const context = handed ?? (await run.store.loadCaseContext({ customerId: state.customerId, playbook: { ...playbookRequest, driver } }));
    run.customer = context.customer;
    state.tier = context.customer.tier;
    state.risk = assessRisk(state.signals, context.customer.tier, new Date());
    state.driver = driver;
    pinned = context.playbook;
  } else {
    // Cases from before lean transitions: the customer, then the playbook, each with its own activity.
    const customer = await run.store.loadCustomer(state.customerId);
    run.customer = customer;
    state.tier = customer.tier;
    state.risk = assessRisk(state.signals, customer.tier, new Date());
    state.driver = classifyDriver(state.signals);
    pinned = await run.store.loadPlaybook({ ...playbookRequest, tier: customer.tier, driver: state.driver });
  }
  // Lean: the activity parsed the definition with the playbook schema. Before, the workflow parsed it again
  // (a version recorded before a field existed gets that field's default); loaded only for those cases, as
  // zod with every new case cost CPU and memory.
  run.playbook = run.lean ? pinned : { ...pinned, definition: playbookDefinitionSchema().parse(pinned.definition) };
  state.playbook = { id: run.playbook.id, version: run.playbook.version };
  run.tagSearchAttributes();

  // Written with the assignment that follows, or with the close or holdout event below.
  await run.recordWithNextCall([
    { type: 'case_opened', data: { reason: state.reason, openedBy: run.input.openedBy }, actor: run.input.openedBy },
    { type: 'risk_assessed', data: { score: state.risk.score, priority: state.risk.priority, factors: state.risk.factors, driver: state.driver, playbook: state.playbook } },
  ]);

  // Broker-moved "special" funds come back and leave with the fee cycle: never treated, only reported.
  if (state.driver === 'special_funds') return run.close('excluded', 'intermediary_driven_funds');
  const threshold = run.definition.detect.actionThreshold;
  if (state.risk.score < threshold && !run.input.forceAction) {
    return run.close('not_actionable', 'below_action_threshold', { score: state.risk.score, threshold });
  }
  const { percent } = run.definition.holdout;
  if (percent > 0 && run.patched(HOLDOUT_PATCH) && inHoldout(state.customerId, run.playbook!.id, percent)) {
    run.holdout = true;
    await run.record('holdout_assigned', { percent });
  }
}
