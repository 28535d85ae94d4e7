// Update handlers of a running case. Validators run before anything is written to history: a wrong stage
// or malformed input is rejected with a typed failure the API turns into 409/400.
import { ApplicationFailure, setHandler, condition } from '@temporalio/workflow';
import { stepSchemas } from './step-schemas';
import { assessRisk, type RiskSignalInput } from '../domain/risk';
import type { Stage } from '../domain/vocabulary';
import type { CaseRun } from './case-run';
import { contactKey } from './stages/contact';
import {
  addSignalUpdate,
  CASE_CLOSED,
  caseStateQuery,
  closeCaseUpdate,
  extendSlaUpdate,
  contactOutcomeUpdate,
  reassignUpdate,
  offerApprovalUpdate,
  offerDecisionUpdate,
  surveyAnswerUpdate,
  WRONG_STAGE,
  INVALID_INPUT,
  retryStepUpdate,
  deliveryReportSignal,
  consentChangedSignal,
} from './messages';
import { UNDELIVERED_STATUSES } from '../domain/delivery';
import type { z } from 'zod';

function requireStage(run: CaseRun, allowed: Stage, waitingFor: boolean): void {
  if (run.closed) throw ApplicationFailure.create({ type: CASE_CLOSED, message: 'the case is closed', details: [run.state.stage] });
  if (run.state.stage !== allowed || !waitingFor) {
    throw ApplicationFailure.create({
      type: WRONG_STAGE,
      message: `the case is in stage ${run.state.stage}, not ${allowed}`,
      details: [run.state.stage],
    });
  }
}

function requireOpen(run: CaseRun): void {
  if (run.closed || run.closeRequest) throw ApplicationFailure.create({ type: CASE_CLOSED, message: 'the case is closed', details: ['closed'] });
}

function requireValid(schema: z.ZodType, input: unknown): void {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw ApplicationFailure.create({ type: INVALID_INPUT, message: result.error.issues.map((i) => i.message).join('; ') });
  }
}

export function registerHandlers(run: CaseRun, cancelStages: () => void): void {
  setHandler(caseStateQuery, () => run.state);

  setHandler(
    addSignalUpdate,
    async (signal: RiskSignalInput) => {
      const known = run.state.signals.some((s) => s.signalId === signal.signalId);
      if (!known) {
        run.state.signals.push(signal);
        if (signal.type === 'balance_recovery') run.recovered = true;
        if (run.state.tier) run.state.risk = assessRisk(run.state.signals, run.state.tier, new Date());
        // Recorded only once the case exists in the store (after detect's first event).
        if (run.state.eventSeq > 0) await run.record('signal_joined', { signalId: signal.signalId, type: signal.type, score: run.state.risk?.score ?? null });
      }
      return { caseId: run.state.caseId, workflowId: run.state.workflowId, joined: !known };
    },
    {
      validator: (_signal: RiskSignalInput) => {
        if (run.closed) throw ApplicationFailure.create({ type: CASE_CLOSED, message: 'the case is closed' });
      },
    },
  );

  setHandler(
    contactOutcomeUpdate,
    async (input) => {
      run.beginAnswer('contact');
      await run.store.recordContactOutcome({
        key: contactKey(run, 'outcome'),
        caseId: run.state.caseId,
        customerId: run.state.customerId,
        agentId: run.state.agentId,
        channel: input.channel,
        outcome: input.outcome,
        note: input.note,
      });
      await run.record('contact_outcome_recorded', { channel: input.channel, outcome: input.outcome, callbackAt: input.callbackAt ?? null, note: input.note ?? null }, input.actor);
      run.giveAnswer('contact', input);
      return run.state;
    },
    {
      validator: (input) => {
        requireValid(stepSchemas().contactOutcomeInputSchema, input);
        requireStage(run, 'contacting', run.isExpecting('contact'));
      },
    },
  );

  setHandler(
    offerApprovalUpdate,
    async (input) => {
      run.beginAnswer('approval');
      await run.record(input.approve ? 'offer_approved' : 'offer_rejected', { offerId: run.state.offer?.offerId ?? null, note: input.note ?? null }, input.actor);
      run.giveAnswer('approval', input);
      return run.state;
    },
    {
      validator: (input) => {
        requireValid(stepSchemas().offerApprovalInputSchema, input);
        requireStage(run, 'offering', run.state.offer?.status === 'pending_approval' && run.isExpecting('approval'));
      },
    },
  );

  setHandler(
    offerDecisionUpdate,
    async (input) => {
      run.beginAnswer('decision');
      await run.record('offer_decision_recorded', { offerId: run.state.offer?.offerId ?? null, decision: input.decision, note: input.note ?? null }, input.actor);
      run.giveAnswer('decision', input);
      // Answer once the stage has acted on the decision, so the caller sees the case after the step.
      await condition(() => run.state.stage !== 'awaiting_decision' && run.projected);
      return run.state;
    },
    {
      validator: (input) => {
        requireValid(stepSchemas().offerDecisionInputSchema, input);
        requireStage(run, 'awaiting_decision', run.isExpecting('decision'));
      },
    },
  );

  setHandler(
    surveyAnswerUpdate,
    async (input) => {
      run.beginAnswer('survey');
      run.state.survey = { ...run.state.survey!, score: input.score };
      await run.store.recordSurveyAnswer({ caseId: run.state.caseId, score: input.score, comment: input.comment });
      await run.record('survey_answered', { score: input.score }, input.actor);
      run.giveAnswer('survey', input);
      return run.state;
    },
    {
      validator: (input) => {
        requireValid(stepSchemas().surveyAnswerInputSchema, input);
        requireStage(run, 'surveyed', run.isExpecting('survey'));
      },
    },
  );

  setHandler(
    reassignUpdate,
    async (input) => {
      const from = { teamId: run.state.teamId ?? null, agentId: run.state.agentId ?? null };
      run.state.teamId = input.teamId;
      run.state.agentId = input.agentId;
      run.tagSearchAttributes();
      await run.record('case_reassigned', { from, to: { teamId: input.teamId, agentId: input.agentId }, note: input.note ?? null }, input.actor);
      // A case that needs attention goes on with its new agent.
      if (run.needsAttention) run.resolveAttention({ action: 'reassign', actor: input.actor, note: input.note });
      return run.state;
    },
    {
      validator: (input) => {
        requireValid(stepSchemas().reassignInputSchema, input);
        requireOpen(run);
        if (run.state.stage === 'detected') throw ApplicationFailure.create({ type: WRONG_STAGE, message: 'the case is not assigned yet', details: [run.state.stage] });
      },
    },
  );

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
        if (!run.needsAttention) throw ApplicationFailure.create({ type: WRONG_STAGE, message: `the case is in stage ${run.state.stage} and does not need attention`, details: [run.state.stage] });
      },
    },
  );

  // A provider reported that a message did not reach the customer: the contact stage moves on at once.
  setHandler(deliveryReportSignal, (report) => {
    if ((UNDELIVERED_STATUSES as readonly string[]).includes(report.status)) run.undelivered.set(report.key, report);
  });

  setHandler(consentChangedSignal, async (change) => {
    if (run.closed || run.state.eventSeq === 0) return;
    await run.record('consent_changed', { channel: change.channel, granted: change.granted, source: change.source }, change.actor);
  });

  setHandler(
    extendSlaUpdate,
    async (input) => {
      const wait = run.waitingFor!;
      run.moveDeadline(new Date(input.until));
      await run.record('sla_extended', { wait, until: input.until, note: input.note ?? null }, input.actor);
      return run.state;
    },
    {
      validator: (input) => {
        requireValid(stepSchemas().extendSlaInputSchema, input);
        requireOpen(run);
        if (!run.waitingFor) throw ApplicationFailure.create({ type: WRONG_STAGE, message: `the case is in stage ${run.state.stage} and not waiting on anyone`, details: [run.state.stage] });
        if (Date.parse(input.until) <= Date.now()) throw ApplicationFailure.create({ type: INVALID_INPUT, message: 'until must be in the future' });
      },
    },
  );
}
