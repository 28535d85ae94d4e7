// The retention case: one entity workflow per customer (id retention-case/<customerId>) running the
// playbook's five stages. Stages live in ./stages; this function only sequences them.
import { allHandlersFinished, CancellationScope, condition, isCancellation, workflowInfo } from '@temporalio/workflow';
import type { CaseInput, CaseState } from '../domain/case';
import { CaseRun } from './case-run';
import { registerHandlers } from './handlers';
import { detect } from './stages/detect';
import { assign } from './stages/assign';
import { contact } from './stages/contact';
import { offer } from './stages/offer';
import { resurvey } from './stages/resurvey';
import { conclude, observe } from './stages/conclude';

async function runStages(run: CaseRun): Promise<void> {
  await detect(run);
  // A holdout case gets no treatment: it is only observed, to measure the playbook's lift.
  if (!run.closed && run.holdout) return conclude(run, { outcome: 'churned', reason: 'holdout' });
  if (!run.closed) await assign(run);
  if (!run.closed) {
    const contacted = await contact(run);
    if (!contacted.reached) await run.close(contacted.outcome, contacted.reason, contacted.data, contacted.actor);
  }
  if (!run.closed) {
    const offered = await offer(run);
    if (offered !== 'closed') await conclude(run, await resurvey(run, offered === 'accepted'));
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

  try {
    await stages.run(() => (input.resume ? resumeObserving(run, input.resume) : runStages(run)));
  } catch (e) {
    if (!isCancellation(e) || !run.closeRequest) throw e;
  }
  if (run.closeRequest && !run.closed) {
    const { outcome, note, actor } = run.closeRequest;
    await run.close(outcome, 'closed_by_supervisor', { note }, actor);
  }

  // Let in-flight updates (e.g. a late signal) finish recording before the run completes.
  await condition(allHandlersFinished);
  return run.state;
}
