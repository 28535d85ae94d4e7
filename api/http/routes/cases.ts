// Cases: open by hand, list, read, timeline, and the human steps (each a workflow update). The work is the
// case services' (api/services/case-*.ts); these routes check roles, read the request and answer.
import { Router, type Request, type Response } from 'express';
import type { UpdateDefinition } from '@temporalio/client';
import type { z } from 'zod';
import type { CaseState } from '../../../domain/case';
import type { ChurnReasonInput } from '../../../domain/churn-reasons';
import {
  supervisorCloseInputSchema,
  contactOutcomeInputSchema,
  extendSlaInputSchema,
  offerApprovalInputSchema,
  offerDecisionInputSchema,
  reassignInputSchema,
  retryStepInputSchema,
  type Actor,
} from '../../../domain/human-steps';
import type { Role } from '../../../domain/vocabulary';
import { visibleTeamOf } from '../../../domain/visibility';
import {
  closeCaseUpdate,
  contactOutcomeUpdate,
  extendSlaUpdate,
  offerApprovalUpdate,
  offerDecisionUpdate,
  reassignUpdate,
  retryStepUpdate,
} from '../../../workflows/messages';
import type { AppDeps } from '../../deps';
import { createCaseOpening } from '../../services/case-opening';
import { requireActiveChurnReason } from '../../services/churn-reasons';
import { caseDetailJson, readCaseBoard, visibleCaseTimelineJson } from '../../services/case-reads';
import { reassignmentTarget, takeHumanStep } from '../../services/case-steps';
import { actorOf, principalOf, requireRole } from '../auth';
import { caseNotFound } from '../../../domain/errors/case-errors';
import { HttpError } from '../errors';
import { caseListQuery } from '../../services/case-list-query';
import { caseIdParams, openCaseSchema, stepHeaders } from '../schemas';
import { parse } from '../validate';

// Agents see only their team's cases (domain/visibility.ts).
const teamOf = (res: Response) => visibleTeamOf(principalOf(res));

function openCaseRoute(router: Router, deps: AppDeps): void {
  const openCaseByHand = createCaseOpening(deps);
  router.post('/v1/cases', requireRole('agent', 'supervisor'), async (req, res) => {
    res.status(201).json(await openCaseByHand(parse(openCaseSchema, req.body, 'body'), actorOf(res)));
  });
}

// The board, the case page and the timeline, read from the projection.
function caseReadRoutes(router: Router, { sql }: AppDeps): void {
  router.get('/v1/cases', requireRole('agent', 'supervisor'), async (req, res) => {
    res.json(await readCaseBoard(sql, parse(caseListQuery, req.query, 'query'), teamOf(res), new Date()));
  });

  router.get('/v1/cases/:caseId', requireRole('agent', 'supervisor'), async (req, res) => {
    const { caseId } = parse(caseIdParams, req.params, 'path');
    const detail = await caseDetailJson(sql, caseId, teamOf(res));
    if (detail === null) throw caseNotFound({ caseId });
    res.type('json').send(detail);
  });

  router.get('/v1/cases/:caseId/timeline', requireRole('agent', 'supervisor'), async (req, res) => {
    const { caseId } = parse(caseIdParams, req.params, 'path');
    const body = await visibleCaseTimelineJson(sql, caseId, teamOf(res));
    if (body === null) throw caseNotFound({ caseId });
    res.type('json').send(body);
  });
}

// A step's body and Idempotency-Key; who takes the step comes from the API key, never from the body.
function stepRequest<S extends z.ZodType>(req: Request, schema: S) {
  if (typeof req.body === 'object' && req.body !== null && 'actor' in req.body) {
    throw new HttpError(
      400,
      'actor_not_settable',
      'who took a step comes from your API key; leave "actor" out of the body',
      [{ path: 'actor' }],
    );
  }
  const input = parse(schema, req.body, 'body') as z.infer<S> & object;
  const { 'idempotency-key': stepKey } = parse(
    stepHeaders,
    { 'idempotency-key': req.header('idempotency-key') },
    'headers',
  );
  return { input, stepKey };
}

// The human steps on a case, each a workflow update.
function caseStepRoutes(router: Router, deps: AppDeps): void {
  function humanStep<S extends z.ZodType>(
    path: string,
    roles: Role[],
    schema: S,
    update: UpdateDefinition<CaseState, [z.infer<S> & Actor]>,
    prepare?: (input: z.infer<S>) => Promise<object>,
  ) {
    router.post(`/v1/cases/:caseId/${path}`, requireRole(...roles), async (req, res) => {
      const { caseId } = parse(caseIdParams, req.params, 'path');
      const detail = await takeHumanStep<z.infer<S> & object>(deps, {
        caseId,
        visibleTeam: teamOf(res),
        update,
        prepare,
        readInput: () => stepRequest(req, schema),
        actor: actorOf(res),
        actorAgentId: principalOf(res).agentId,
      });
      res.type('json').send(detail);
    });
  }

  // A refusal, a declined offer and a close as churned or declined carry a churn reason from the catalogue,
  // checked here: the workflow cannot read the catalogue.
  const activeReason = (input: { reason?: ChurnReasonInput }) => requireActiveChurnReason(deps.db, input.reason);
  humanStep('contact-outcome', ['agent', 'supervisor'], contactOutcomeInputSchema, contactOutcomeUpdate, activeReason);
  humanStep('offer-approval', ['supervisor'], offerApprovalInputSchema, offerApprovalUpdate);
  humanStep('offer-decision', ['agent', 'supervisor'], offerDecisionInputSchema, offerDecisionUpdate, activeReason);
  humanStep('assignment', ['supervisor'], reassignInputSchema, reassignUpdate, (input) =>
    reassignmentTarget(deps.db, input),
  );
  // The workflow's close takes every outcome; a supervisor may send only theirs (not erased).
  humanStep(
    'close',
    ['supervisor'],
    supervisorCloseInputSchema,
    closeCaseUpdate as UpdateDefinition<CaseState, [z.infer<typeof supervisorCloseInputSchema> & Actor]>,
    activeReason,
  );
  humanStep('sla', ['supervisor'], extendSlaInputSchema, extendSlaUpdate);
  // A case that needs attention: run the step it is stuck on again.
  humanStep('retry', ['supervisor'], retryStepInputSchema, retryStepUpdate);
}

export function caseRoutes(deps: AppDeps): Router {
  const router = Router();
  openCaseRoute(router, deps);
  caseReadRoutes(router, deps);
  caseStepRoutes(router, deps);
  return router;
}
