// A supervisor's steps on a running case: reassign, move the SLA of the current wait, retry a step that needs
// attention, close. Each is an update validated before anything is written to history.
import { condition, setHandler } from '@temporalio/workflow';
import type { CaseRun } from './case-run';
import { closeCaseUpdate, extendSlaUpdate, INVALID_INPUT, reassignUpdate, retryStepUpdate } from './messages';
import { stepSchemas } from './step-schemas';
import { requireOpen, requireValid, wrongStage } from './step-guards';
import { ApplicationFailure } from '@temporalio/workflow';

function registerReassign(run: CaseRun): void {
  setHandler(
    reassignUpdate,
    async (input) => {
      const from = { teamId: run.state.teamId ?? null, agentId: run.state.agentId ?? null };
      run.state.teamId = input.teamId;
      run.state.agentId = input.agentId;
      run.tagSearchAttributes();
      await run.record(
        'case_reassigned',
        { from, to: { teamId: input.teamId, agentId: input.agentId }, note: input.note ?? null },
        { actor: input.actor, fromHandler: true },
      );
      // A case that needs attention goes on with its new agent.
      if (run.needsAttention) run.resolveAttention({ action: 'reassign', actor: input.actor, note: input.note });
      return run.state;
    },
    {
      validator: (input) => {
        requireValid(stepSchemas().reassignInputSchema, input);
        requireOpen(run);
        if (run.state.stage === 'detected') throw wrongStage(run, 'the case is not assigned yet');
      },
    },
  );
}

function registerExtendSla(run: CaseRun): void {
  setHandler(
    extendSlaUpdate,
    async (input) => {
      const wait = run.sla.waitingFor!;
      run.sla.moveDeadline(new Date(input.until));
      await run.record(
        'sla_extended',
        { wait, until: input.until, note: input.note ?? null },
        { actor: input.actor, fromHandler: true },
      );
      return run.state;
    },
    {
      validator: (input) => {
        requireValid(stepSchemas().extendSlaInputSchema, input);
        requireOpen(run);
        if (!run.sla.waitingFor)
          throw wrongStage(run, `the case is in stage ${run.state.stage} and not waiting on anyone`);
        if (Date.parse(input.until) <= Date.now())
          throw ApplicationFailure.create({ type: INVALID_INPUT, message: 'until must be in the future' });
      },
    },
  );
}

// `cancelStages` stops whatever the stages are waiting on or doing; the workflow then closes the case.
export function registerSupervisorSteps(run: CaseRun, cancelStages: () => void): void {
  registerReassign(run);
  registerExtendSla(run);

  setHandler(
    closeCaseUpdate,
    async (input) => {
      run.closeRequest = input;
      cancelStages();
      await condition(() => run.closed && run.projected);
      return run.state;
    },
    {
      validator: (input) => {
        requireValid(stepSchemas().closeCaseInputSchema, input);
        requireOpen(run);
      },
    },
  );

  setHandler(
    retryStepUpdate,
    async (input) => {
      run.resolveAttention({ action: 'retry', actor: input.actor, note: input.note });
      await condition(() => !run.needsAttention && run.projected);
      return run.state;
    },
    {
      validator: (input) => {
        requireValid(stepSchemas().retryStepInputSchema, input);
        requireOpen(run);
        if (!run.needsAttention)
          throw wrongStage(run, `the case is in stage ${run.state.stage} and does not need attention`);
      },
    },
  );
}
