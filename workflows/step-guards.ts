// What an update's validator checks before anything is written to history; each refusal is a typed failure
// (workflows/messages.ts) the API turns into 400 or 409.
import { ApplicationFailure } from '@temporalio/workflow';
import type { z } from 'zod';
import type { Stage } from '../domain/vocabulary';
import type { CaseRun } from './case-run';
import { CASE_CLOSED, INVALID_INPUT, WRONG_STAGE } from './messages';

export function requireStage(run: CaseRun, allowed: Stage, waitingFor: boolean): void {
  if (run.closed)
    throw ApplicationFailure.create({ type: CASE_CLOSED, message: 'the case is closed', details: [run.state.stage] });
  if (run.state.stage !== allowed || !waitingFor) {
    throw ApplicationFailure.create({
      type: WRONG_STAGE,
      message: `the case is in stage ${run.state.stage}, not ${allowed}`,
      details: [run.state.stage],
    });
  }
}

export function requireOpen(run: CaseRun): void {
  if (run.closed || run.closeRequest)
    throw ApplicationFailure.create({ type: CASE_CLOSED, message: 'the case is closed', details: ['closed'] });
}

export function requireValid(schema: z.ZodType, input: unknown): void {
  const result = schema.safeParse(input);
  if (!result.success)
    throw ApplicationFailure.create({
      type: INVALID_INPUT,
      message: result.error.issues.map((i) => i.message).join('; '),
    });
}

export function wrongStage(run: CaseRun, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: WRONG_STAGE, message, details: [run.state.stage] });
}
