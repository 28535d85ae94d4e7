// The four answers people give a waiting case, as one table: each is an update whose validator checks the
// input and that the case waits for this answer now, and whose handler records the answer, then hands it to
// the waiting stage (human-answers.ts). A new human step needs an entry here and seven other places (its
// schema, update, answer kind, wait, route, OpenAPI entry and form): docs/architecture.md lists them.
import { condition, setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { CaseState } from '../domain/case';
import type { Stage } from '../domain/vocabulary';
import type { CaseRun } from './case-run';
import type { AnswerKind, HumanAnswers } from './human-answers';
import { contactOutcomeUpdate, offerApprovalUpdate, offerDecisionUpdate, surveyAnswerUpdate } from './messages';
import { stepSchemas } from './step-schemas';
import { requireStage, requireValid } from './step-guards';
import { acts } from './activities';
import { contactKey } from './stages/contact';
import type { z } from 'zod';

interface HumanStep<K extends AnswerKind> {
  update: UpdateDefinition<CaseState, [HumanAnswers[K]]>;
  schema: () => z.ZodType;
  // The stage the case must be in, and anything else the answer needs (e.g. an offer pending approval).
  stage: Stage;
  ready?: (run: CaseRun) => boolean;
  // Writes the answer (timeline event and any row of its own) before the stage sees it.
  record: (run: CaseRun, input: HumanAnswers[K]) => Promise<void>;
  // Answer the caller only once the stage has acted on it (so the caller sees the case after the step).
  answeredWhen?: (run: CaseRun) => boolean;
}

const HUMAN_STEPS: { [K in AnswerKind]: HumanStep<K> } = {
  contact: {
    update: contactOutcomeUpdate,
    schema: () => stepSchemas().contactOutcomeInputSchema,
    stage: 'contacting',
    async record(run, input) {
      const { caseId, customerId } = run.state;
      const agentId = input.actorAgentId ?? run.state.agentId;
      await acts.recordContactOutcome({
        key: contactKey(run, 'outcome'),
        caseId,
        customerId,
        agentId,
        channel: input.channel,
        outcome: input.outcome,
        note: input.note,
      });
      await run.record(
        'contact_outcome_recorded',
        {
          channel: input.channel,
          outcome: input.outcome,
          callbackAt: input.callbackAt ?? null,
          note: input.note ?? null,
          ...(input.reason ? { churnReason: input.reason } : {}),
        },
        { actor: input.actor, fromHandler: true },
      );
    },
  },
  approval: {
    update: offerApprovalUpdate,
    schema: () => stepSchemas().offerApprovalInputSchema,
    stage: 'offering',
    ready: (run) => run.state.offer?.status === 'pending_approval',
    record: (run, input) =>
      run.record(
        input.approve ? 'offer_approved' : 'offer_rejected',
        { offerId: run.state.offer?.offerId ?? null, note: input.note ?? null },
        { actor: input.actor, fromHandler: true },
      ),
  },
  decision: {
    update: offerDecisionUpdate,
    schema: () => stepSchemas().offerDecisionInputSchema,
    stage: 'awaiting_decision',
    record: (run, input) =>
      run.record(
        'offer_decision_recorded',
        {
          offerId: run.state.offer?.offerId ?? null,
          decision: input.decision,
          note: input.note ?? null,
          ...(input.reason ? { churnReason: input.reason } : {}),
        },
        { actor: input.actor, fromHandler: true },
      ),
    answeredWhen: (run) => run.state.stage !== 'awaiting_decision' && run.projected,
  },
  survey: {
    update: surveyAnswerUpdate,
    schema: () => stepSchemas().surveyAnswerInputSchema,
    stage: 'surveyed',
    async record(run, input) {
      run.state.survey = { ...run.state.survey!, score: input.score };
      await acts.recordSurveyAnswer({ caseId: run.state.caseId, score: input.score, comment: input.comment });
      await run.record('survey_answered', { score: input.score }, { actor: input.actor, fromHandler: true });
    },
  },
};

function registerHumanStep<K extends AnswerKind>(run: CaseRun, kind: K, step: HumanStep<K>): void {
  setHandler(
    step.update,
    async (input) => {
      run.answers.begin(kind);
      await step.record(run, input);
      run.answers.give(kind, input);
      if (step.answeredWhen) await condition(() => step.answeredWhen!(run));
      return run.state;
    },
    {
      validator: (input) => {
        requireValid(step.schema(), input);
        requireStage(run, step.stage, (step.ready?.(run) ?? true) && run.answers.isExpecting(kind));
      },
    },
  );
}

export function registerHumanSteps(run: CaseRun): void {
  for (const kind of Object.keys(HUMAN_STEPS) as AnswerKind[])
    registerHumanStep(run, kind, HUMAN_STEPS[kind] as HumanStep<typeof kind>);
}
