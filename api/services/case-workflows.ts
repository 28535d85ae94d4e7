// The API's side of the retention-case workflow: start or join a case, run human steps as updates, and turn
// the workflow's typed failures into domain errors (domain/errors/case-errors.ts).
import { randomUUID } from 'node:crypto';
import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { caseWorkflowId, type CaseInput, type CaseState } from '../../domain/case';
import type { RiskSignalInput } from '../../domain/risk';
import {
  addSignalUpdate,
  CASE_CLOSED,
  caseStateQuery,
  INVALID_INPUT,
  WRONG_STAGE,
  type AddSignalResult,
} from '../../workflows/messages';
import type { retentionCase } from '../../workflows/retention-case';
import {
  caseAlreadyOpen,
  stepInputInvalid,
  stepPending as stepPendingError,
  stepRefused,
  caseClosed,
} from '../../domain/errors/case-errors';
import type { DomainError } from '../../domain/errors/domain-error';
import type { SignalDefinition, UpdateDefinition, WorkflowHandle } from '@temporalio/client';
import { deadlinePassed, stepNotTaken, TEMPORAL_DEADLINE_MS } from '../../config/temporal-deadline';

const WORKFLOW_TYPE = 'retentionCase';
export const newCaseId = () => `case_${randomUUID()}`;

type CaseTarget = { workflowId: string; runId: string | null };
type CaseOpening = {
  caseId: string;
  openedBy: string;
  playbook: { id: string; version: number };
  context?: CaseInput['context'];
  choice?: CaseInput['choice'];
};

const startArgs = (customerId: string, signal: RiskSignalInput, opening: CaseOpening): CaseInput => ({
  caseId: opening.caseId,
  customerId,
  playbookId: opening.playbook.id,
  playbook: opening.playbook,
  reason: `signal:${signal.type}`,
  openedBy: opening.openedBy,
  signals: [signal],
  ...(opening.context ? { context: opening.context } : {}),
  ...(opening.choice ? { choice: opening.choice } : {}),
});

// Every call has a deadline (TEMPORAL_DEADLINE_MS): with Temporal down the API answers 503, never hangs.
export interface CaseWorkflows {
  // `opening` is the case the signal opens when the customer has none running: its id and pinned playbook.
  addSignal(customerId: string, signal: RiskSignalInput, opening: CaseOpening): Promise<AddSignalResult>;
  // A signal that opens a new case: the workflow starts with the signal in its arguments, so the answer needs
  // only Temporal to have stored the start, not a worker to have run it. A run of the customer's workflow
  // still going (a case closing) makes it an addSignal.
  startWithSignal(customerId: string, signal: RiskSignalInput, opening: CaseOpening): Promise<AddSignalResult>;
  openCase(input: CaseInput): Promise<{ caseId: string; workflowId: string }>;
  // `stepKey` names this one answer (the caller's Idempotency-Key, a survey's id): sent again, it returns the
  // first answer's outcome instead of taking the step twice. Without it each call is a new answer.
  runStep<Input>(
    target: CaseTarget,
    update: UpdateDefinition<CaseState, [Input]>,
    input: Input,
    stepKey?: string,
  ): Promise<CaseState>;
  signal<Arg>(target: CaseTarget, signal: SignalDefinition<[Arg]>, arg: Arg): Promise<void>;
}

function failureType(e: unknown): string | undefined {
  if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) return e.cause.type ?? undefined;
  return undefined;
}

function toHttpError(e: unknown): never {
  if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
    const stage = (e.cause.details?.[0] as string | undefined) ?? 'closed';
    if (e.cause.type === CASE_CLOSED) throw caseClosed(stage);
    if (e.cause.type === WRONG_STAGE) throw stepRefused(stage, e.cause.message);
    if (e.cause.type === INVALID_INPUT) throw stepInputInvalid({ reason: e.cause.message });
  }
  if (e instanceof WorkflowNotFoundError) throw caseClosed();
  throw e;
}

// The update did not finish within the deadline (workers busy replaying cases, or down): it may still be taken.
function stepPending(stepKey: string | undefined): DomainError {
  return stepPendingError({ deadlineSeconds: TEMPORAL_DEADLINE_MS / 1000, keyed: Boolean(stepKey) });
}

// Temporal answers for an update id it completed in the run, also once the run has closed; an id it does not
// know (the answer never reached the case, or was refused) is an error, read here as "not taken".
async function answerTaken(t: Temporal, target: CaseTarget, updateId: string): Promise<CaseState | undefined> {
  if (!target.runId) return undefined;
  const taken = t.client.workflow
    .getHandle(target.workflowId)
    .getUpdateHandle<CaseState>(updateId, { workflowRunId: target.runId });
  return t.bounded(() => taken.result()).catch(() => undefined);
}

// Tries of one answer that Temporal dropped with its failed workflow task (stepNotTaken) before the API answers
// 503 case_busy; each under the same update id, so the answer is taken at most once, and all within the one
// deadline of the call.
const STEP_TRIES = 3;

function sendStep<Input>(
  t: Temporal,
  handle: WorkflowHandle,
  update: UpdateDefinition<CaseState, [Input]>,
  input: Input,
  updateId: string,
): Promise<CaseState> {
  return t.bounded(async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await handle.executeUpdate(update, { args: [input], updateId });
      } catch (e) {
        if (!stepNotTaken(e) || attempt >= STEP_TRIES) throw e;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  });
}

interface Temporal {
  client: Client;
  taskQueue: string;
  bounded: <R>(fn: () => Promise<R>) => Promise<R>;
}

async function addSignalWithStart(
  t: Temporal,
  customerId: string,
  signal: RiskSignalInput,
  opening: CaseOpening,
): Promise<AddSignalResult> {
  const workflowId = caseWorkflowId(customerId);
  // A case that is closing rejects new signals; once its run has ended the next attempt starts a new case.
  for (let attempt = 1; ; attempt++) {
    const start = new WithStartWorkflowOperation<typeof retentionCase>(WORKFLOW_TYPE, {
      workflowId,
      taskQueue: t.taskQueue,
      workflowIdConflictPolicy: 'USE_EXISTING',
      // The signal is in the start arguments too: if the update cannot be delivered now (no worker within the
      // deadline), the case that was started still has it. The update handler ignores a signal it knows.
      args: [startArgs(customerId, signal, opening)],
    });
    try {
      return await t.bounded(() =>
        t.client.workflow.executeUpdateWithStart(addSignalUpdate, {
          args: [signal],
          updateId: `signal:${signal.signalId}`,
          startWorkflowOperation: start,
        }),
      );
    } catch (e) {
      if (failureType(e) !== CASE_CLOSED || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

async function startWithSignal(
  t: Temporal,
  customerId: string,
  signal: RiskSignalInput,
  opening: CaseOpening,
): Promise<AddSignalResult> {
  const workflowId = caseWorkflowId(customerId);
  try {
    await t.bounded(() =>
      t.client.workflow.start<typeof retentionCase>(WORKFLOW_TYPE, {
        workflowId,
        taskQueue: t.taskQueue,
        workflowIdConflictPolicy: 'FAIL',
        args: [startArgs(customerId, signal, opening)],
      }),
    );
    return { caseId: opening.caseId, workflowId, joined: false };
  } catch (e) {
    if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    return addSignalWithStart(t, customerId, signal, opening);
  }
}

async function openCase(t: Temporal, input: CaseInput): Promise<{ caseId: string; workflowId: string }> {
  const workflowId = caseWorkflowId(input.customerId);
  const { caseId } = input;
  for (let attempt = 1; ; attempt++) {
    try {
      await t.bounded(() =>
        t.client.workflow.start<typeof retentionCase>(WORKFLOW_TYPE, {
          workflowId,
          taskQueue: t.taskQueue,
          workflowIdConflictPolicy: 'FAIL',
          args: [input],
        }),
      );
      return { caseId, workflowId };
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      const running = t.client.workflow.getHandle(workflowId);
      const state = await t.bounded(() => running.query(caseStateQuery));
      // A case that has just closed is still finishing its run: wait for the run to end, then start.
      if (state.status === 'closed' && attempt < 3) {
        await t.bounded(() => running.result()).catch(() => undefined);
        continue;
      }
      throw caseAlreadyOpen(input.customerId, state.caseId);
    }
  }
}

export function createCaseWorkflows(client: Client, taskQueue: string): CaseWorkflows {
  const t: Temporal = {
    client,
    taskQueue,
    bounded: (fn) => client.withDeadline(Date.now() + TEMPORAL_DEADLINE_MS, fn),
  };
  const handle = (target: CaseTarget) => client.workflow.getHandle(target.workflowId, target.runId ?? undefined);
  return {
    addSignal: (customerId, signal, opening) => addSignalWithStart(t, customerId, signal, opening),
    startWithSignal: (customerId, signal, opening) => startWithSignal(t, customerId, signal, opening),
    openCase: (input) => openCase(t, input),
    async runStep(target, update, input, stepKey) {
      // Temporal keeps one update per id in a run: a repeated id joins the first, running or finished. An
      // answer without a key gets an id of its own, so the tries of sendStep are one answer.
      const updateId = `${update.name}:${stepKey ?? randomUUID()}`;
      try {
        return await sendStep(t, handle(target), update, input, updateId);
      } catch (e) {
        if (deadlinePassed(e)) throw stepPending(stepKey);
        // Refused because the case moved on or closed: perhaps by this very answer, taken after its caller gave up.
        const earlier = stepKey ? await answerTaken(t, target, updateId) : undefined;
        return earlier ?? toHttpError(e);
      }
    },
    async signal(target, signal, arg) {
      await t.bounded(() => handle(target).signal(signal, arg));
    },
  };
}
