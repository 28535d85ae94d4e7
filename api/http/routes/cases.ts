// Cases: open by hand, list, read, timeline, and the human steps (each a workflow update).
import { Router, type Response } from 'express';
import type { UpdateDefinition } from '@temporalio/client';
import type { z } from 'zod';
import type { CaseState } from '../../../domain/case';
import { closeCaseInputSchema, contactOutcomeInputSchema, extendSlaInputSchema, offerApprovalInputSchema, offerDecisionInputSchema, reassignInputSchema, retryStepInputSchema, type Actor } from '../../../domain/human-steps';
import { closeCaseUpdate, contactOutcomeUpdate, extendSlaUpdate, offerApprovalUpdate, offerDecisionUpdate, reassignUpdate, retryStepUpdate } from '../../../workflows/messages';
import { actorOf, principalOf, requireRole } from '../auth';
import { boardPage, encodeCursor } from '../../services/case-board';
import { stageCounts } from '../../services/stage-counts';
import { caseDetailJson, findCase, visibleCaseTimelineJson } from '../../services/case-reads';
import { caseSummary, type CaseWithSummary } from '../../services/case-view';
import type { AppDeps } from '../../deps';
import { HttpError, notFound } from '../errors';
import { caseIdParams, caseListQuery, openCaseSchema, stepHeaders } from '../schemas';
import { newCaseId } from '../../services/case-workflows';
import { createPlaybookCatalog } from '../../services/playbook-catalog';
import { openCaseRow, withdrawUnstartedCase } from '../../services/signal-store';
import { classifyDriver } from '../../../domain/driver';
import { parse } from '../validate';
import type { Role } from '../../../domain/vocabulary';
import { visibleTeamOf } from '../../../domain/visibility';

// Agents see only their team's cases (domain/visibility.ts).
const teamOf = (res: Response) => visibleTeamOf(principalOf(res));

// A case opened by hand (an agent's or supervisor's judgement): always acted on, with a manual signal.
function openCaseRoute(router: Router, { db, sql, cases }: AppDeps): void {
  const catalog = createPlaybookCatalog(sql);
  router.post('/v1/cases', requireRole('agent', 'supervisor'), async (req, res) => {
    const body = parse(openCaseSchema, req.body, 'body');
    const customer = await db.customer.findUnique({ where: { id: body.customerId } });
    if (!customer) throw notFound('customer_not_found', `no customer with id ${body.customerId}`);
    const signals = [{ signalId: `manual:${Date.now()}`, type: 'manual' as const, severity: 1, occurredAt: new Date().toISOString(), details: { reason: body.reason, note: body.note } }];
    const playbook = await catalog.pin(await catalog.newest(), { playbookId: body.playbookId, tier: customer.tier, driver: classifyDriver(signals) });
    const caseId = newCaseId();
    // The case row is written (and readable) before the workflow starts; a failed start withdraws it.
    const { openCaseId } = await openCaseRow(sql, { caseId, customerId: body.customerId, reason: body.reason, playbook });
    if (openCaseId) throw new HttpError(409, 'case_already_open', `customer ${body.customerId} already has an open case`, [], { caseId: openCaseId });
    const openedBy = actorOf(res);
    try {
      const opened = await cases.openCase({ caseId, customerId: body.customerId, reason: body.reason, playbookId: playbook.id, playbook, openedBy, forceAction: true, signals });
      res.status(201).json({ ...opened, stage: 'detected', playbook });
    } catch (e) {
      await withdrawUnstartedCase(sql, caseId);
      throw e;
    }
  });
}

// The board, the case page and the timeline, read from the projection.
function caseReadRoutes(router: Router, { sql }: AppDeps): void {
  router.get('/v1/cases', requireRole('agent', 'supervisor'), async (req, res) => {
    const q = parse(caseListQuery, req.query, 'query');
    const now = new Date();
    const team = teamOf(res);
    const [{ rows }, counts] = await Promise.all([sql.query<CaseWithSummary>(boardPage(q, team, now)), stageCounts(sql, q, team, now)]);
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    res.json({
      items: items.map((r) => caseSummary(r, now)),
      nextCursor: rows.length > q.limit && last ? encodeCursor(q.sort, last) : null,
      // For the whole filter, not just this page: the board's column headers.
      stageCounts: counts,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
    });
  });

  router.get('/v1/cases/:caseId', requireRole('agent', 'supervisor'), async (req, res) => {
    const { caseId } = parse(caseIdParams, req.params, 'path');
    const detail = await caseDetailJson(sql, caseId, teamOf(res));
    if (detail === null) throw notFound('case_not_found', `no case with id ${caseId}`);
    res.type('json').send(detail);
  });

  router.get('/v1/cases/:caseId/timeline', requireRole('agent', 'supervisor'), async (req, res) => {
    const { caseId } = parse(caseIdParams, req.params, 'path');
    const body = await visibleCaseTimelineJson(sql, caseId, teamOf(res));
    if (body === null) throw notFound('case_not_found', `no case with id ${caseId}`);
    res.type('json').send(body);
  });
}

// The human steps on a case, each a workflow update.
function caseStepRoutes(router: Router, { db, sql, cases }: AppDeps): void {
  async function visibleCase(res: Response, caseIdRaw: unknown) {
    const { caseId } = parse(caseIdParams, caseIdRaw, 'path');
    const row = await findCase(sql, caseId, teamOf(res));
    if (!row) throw notFound('case_not_found', `no case with id ${caseId}`);
    return row;
  }

  // A human step: validate, check the case is visible and open, then run the workflow update. `prepare`
  // adds what the workflow cannot look up itself.
  function humanStep<S extends z.ZodType, Extra extends object = object>(
    path: string,
    roles: Role[],
    schema: S,
    update: UpdateDefinition<CaseState, [z.infer<S> & Extra & Actor]>,
    prepare: (input: z.infer<S>) => Promise<Extra> = async () => ({}) as Extra,
  ) {
    router.post(`/v1/cases/:caseId/${path}`, requireRole(...roles), async (req, res) => {
      const row = await visibleCase(res, req.params);
      if (typeof req.body === 'object' && req.body !== null && 'actor' in req.body) {
        throw new HttpError(400, 'actor_not_settable', 'who took a step comes from your API key; leave "actor" out of the body', [{ path: 'actor' }]);
      }
      const input = parse(schema, req.body, 'body') as z.infer<S> & object;
      const { 'idempotency-key': stepKey } = parse(stepHeaders, { 'idempotency-key': req.header('idempotency-key') }, 'headers');
      // A keyed answer to a closed case may be the one that closed it: runStep finds its outcome, or refuses it.
      if (row.status === 'closed' && !stepKey) throw new HttpError(409, 'wrong_stage', 'the case is closed; this step cannot be taken now', [{ stage: 'closed' }], { stage: 'closed' });
      const extra = await prepare(input);
      const { agentId } = principalOf(res);
      await cases.runStep({ workflowId: row.workflowId, runId: row.runId }, update, { ...input, ...extra, actor: actorOf(res), ...(agentId ? { actorAgentId: agentId } : {}) }, stepKey);
      res.type('json').send((await caseDetailJson(sql, row.id))!);
    });
  }

  humanStep('contact-outcome', ['agent', 'supervisor'], contactOutcomeInputSchema, contactOutcomeUpdate);
  humanStep('offer-approval', ['supervisor'], offerApprovalInputSchema, offerApprovalUpdate);
  humanStep('offer-decision', ['agent', 'supervisor'], offerDecisionInputSchema, offerDecisionUpdate);
  humanStep('assignment', ['supervisor'], reassignInputSchema, reassignUpdate, async ({ agentId }) => {
    const agent = await db.agent.findUnique({ where: { id: agentId } });
    if (!agent) throw notFound('agent_not_found', `no agent with id ${agentId}`);
    if (!agent.active) throw new HttpError(422, 'agent_inactive', `agent ${agentId} is not active; choose an active agent`);
    return { teamId: agent.teamId };
  });
  humanStep('close', ['supervisor'], closeCaseInputSchema, closeCaseUpdate);
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
