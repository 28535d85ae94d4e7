// The retention case: one entity workflow per customer (id retention-case/<customerId>) running the
// playbook's five stages. Stages live in ./stages; this function only sequences them.
import {
  allHandlersFinished,
  CancellationScope,
  condition,
  ContinueAsNew,
  isCancellation,
  patched,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { CaseInput, CaseState } from '../domain/case';
import { CaseRun } from './case-run';
import { registerHandlers } from './handlers';
import { detect } from './stages/detect';
import { assign } from './stages/assign';
import { contact } from './stages/contact';
import { offer } from './stages/offer';
import { resurvey } from './stages/resurvey';
import { conclude, observe } from './stages/conclude';
import { ANSWER_BEFORE_END_PATCH } from './patches';

// Runs one step of the playbook. An unexpected failure (a refused activity, a bug) does
// not fail the workflow: it is recorded as case_failed, the case needs attention, and a supervisor's retry
// runs the step again (a close cancels the wait).
type StepRunner = <T>(step: string, body: () => Promise<T>) => Promise<T>;

function stepRunner(run: CaseRun): StepRunner {
  return async (step, body) => {
    for (;;) {
      try {
        return await body();
      } catch (e) {
        if (isCancellation(e) || e instanceof ContinueAsNew) throw e;
        const error =
          e instanceof Error
            ? `${e.name}: ${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}`
            : String(e);
        await run.record('case_failed', { step, error: error.slice(0, 1000) });
        await run.awaitSupervisor('step_failed', step, { error: error.slice(0, 300) });
      }
    }
  };
}

async function runStages(run: CaseRun, step: StepRunner): Promise<void> {
  await step('detect', () => detect(run));
  // A holdout case gets no treatment: it is only observed, to measure the playbook's lift.
  if (!run.closed && run.holdout)
    return step('conclude', () => conclude(run, { outcome: 'churned', reason: 'holdout' }));
  if (!run.closed) await step('assign', () => assign(run));
  if (!run.closed) {
    const contacted = await step('contact', () => contact(run));
    if (!contacted.reached) await run.close(contacted.outcome, contacted.reason, contacted.data, contacted.actor);
  }
  if (!run.closed) {
    const offered = await step('offer', () => offer(run));
    if (offered === 'closed') return;
    const verdict = await step('resurvey', () => resurvey(run, offered === 'accepted'));
    await step('conclude', () => conclude(run, verdict));
  }
}

// A run continued from a long one: the case picks up its observation window where it left off.
async function resumeObserving(run: CaseRun, resume: NonNullable<CaseInput['resume']>): Promise<void> {
  await run.record('case_continued', { observeUntil: resume.observeUntil });
  return observe(run, resume.verdict, Date.parse(resume.observeUntil));
}

export async function retentionCase(input: CaseInput): Promise<CaseState> {
  const run = new CaseRun(input, workflowInfo().workflowId);
  // A supervisor's close cancels whatever the stages are waiting on or doing.
  const stages = new CancellationScope();
  registerHandlers(run, () => stages.cancel());
  const step = stepRunner(run);

  try {
    await stages.run(() =>
      input.resume ? step('observe', () => resumeObserving(run, input.resume!)) : runStages(run, step),
    );
  } catch (e) {
    if (!isCancellation(e) || !run.closeRequest) throw e;
  }
  if (run.closeRequest && !run.closed) {
    const { outcome, note, actor, reason } = run.closeRequest;
    run.state.attention = undefined;
    // An erasure closes with its own reason, so the timeline tells it from a supervisor's judgement.
    await run.close(
      outcome,
      outcome === 'erased' ? 'erased_on_request' : 'closed_by_supervisor',
      { note, ...(reason ? { churnReason: reason } : {}) },
      actor,
    );
  }

  // Let in-flight updates (e.g. a late signal) finish recording before the run completes.
  await condition(allHandlersFinished);
  // The step that closed the case has its answer in this task; the run ends in the next. Temporal refuses to
  // end a run in a task during which something else arrived (a cancelled send finishing) and drops the
  // answers of the refused task, so a close sent while a message was going out was lost to its caller.
  if (patched(ANSWER_BEFORE_END_PATCH)) await sleep(1);
  return run.state;
}
