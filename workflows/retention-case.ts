// The retention case: one entity workflow per customer (id retention-case/<customerId>) running the
// playbook's five stages. Stages live in ./stages; this function only sequences them.
import { condition, allHandlersFinished, workflowInfo } from '@temporalio/workflow';
import type { CaseInput, CaseState } from '../domain/case';
import { CaseRun } from './case-run';
import { registerHandlers } from './handlers';
import { detect } from './stages/detect';
import { assign } from './stages/assign';
import { contact } from './stages/contact';
import { offer } from './stages/offer';
import { resurvey } from './stages/resurvey';

export async function retentionCase(input: CaseInput): Promise<CaseState> {
  const run = new CaseRun(input, workflowInfo().workflowId);
  registerHandlers(run);

  await detect(run);
  if (!run.closed) await assign(run);
  if (!run.closed) await contact(run);
  if (!run.closed) {
    const offered = await offer(run);
    if (offered !== 'closed') await resurvey(run, offered === 'accepted');
  }

  // Let in-flight updates (e.g. a late signal) finish recording before the run completes.
  await condition(allHandlersFinished);
  return run.state;
}
