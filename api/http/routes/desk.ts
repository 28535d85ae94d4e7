// The retention agent's desk: their day, the customer lookup and file, a case opened from the customer page.
// Each handler parses its input, calls one service and shapes the answer; the services touch the database.
import { Router, type Response } from 'express';
import { actorOf, principalOf, requireRole } from '../auth';
import type { AppDeps } from '../../deps';
import { HttpError } from '../errors';
import { parse } from '../validate';
import { caseIdParams, customerIdParams } from '../schemas';
import { callSheet } from '../../services/call-sheet';
import { visibleTeamOf } from '../../../domain/visibility';
import { customerFile } from '../../services/customer-file';
import { searchCustomers, type Viewer } from '../../services/customer-search';
import { agentToday } from '../../services/my-day';
import { createHandOpener } from '../../services/hand-opening';
import { customerSearchQuery, handOpeningBody, myDayQuery } from '../desk-schemas';

// Whose day: an agent's key opens its own agent's; a supervisor (or admin) names the agent.
function dayOwner(res: Response, asked: string | undefined): string {
  const { role, agentId } = principalOf(res);
  if (role === 'agent') {
    if (!agentId)
      throw new HttpError(
        409,
        'key_without_agent',
        'this agent key belongs to no agent, so it has no day of its own; ask an admin for a personal key (POST /v1/keys with agentId)',
      );
    if (asked && asked !== agentId)
      throw new HttpError(
        403,
        'forbidden',
        "an agent opens only their own day; leave agentId out, or ask a supervisor to look at a colleague's",
      );
    return agentId;
  }
  if (!asked)
    throw new HttpError(400, 'agent_required', 'name the agent whose day to open: GET /v1/me/today?agentId=<agent id>');
  return asked;
}

// What the key may see of customers: an agent their team's (team-customers.ts), with contact details of the
// customers whose open case they work.
function viewerOf(res: Response): Viewer {
  const principal = principalOf(res);
  return { team: visibleTeamOf(principal), agentId: principal.agentId };
}

export function deskRoutes(deps: AppDeps): Router {
  const { sql } = deps;
  const router = Router();
  const openByHand = createHandOpener(deps);
  router.get('/v1/me/today', requireRole('agent', 'supervisor'), async (req, res) => {
    const { agentId } = parse(myDayQuery, req.query, 'query');
    res.json(await agentToday(sql, dayOwner(res, agentId), new Date()));
  });
  router.get('/v1/customers', requireRole('agent', 'supervisor'), async (req, res) => {
    const { query } = parse(customerSearchQuery, req.query, 'query');
    res.json({ items: await searchCustomers(sql, viewerOf(res), query) });
  });
  router.get('/v1/customers/:customerId/file', requireRole('agent', 'supervisor'), async (req, res) => {
    const { customerId } = parse(customerIdParams, req.params, 'path');
    res.json(await customerFile(sql, customerId, viewerOf(res), new Date()));
  });
  router.post('/v1/customers/:customerId/cases', requireRole('agent', 'supervisor'), async (req, res) => {
    const { customerId } = parse(customerIdParams, req.params, 'path');
    const body = parse(handOpeningBody, req.body, 'body');
    res.status(201).json(await openByHand(viewerOf(res), { customerId, ...body, openedBy: actorOf(res) }));
  });
  router.get('/v1/cases/:caseId/call-sheet', requireRole('agent', 'supervisor'), async (req, res) => {
    const { caseId } = parse(caseIdParams, req.params, 'path');
    res.json(await callSheet(sql, caseId, viewerOf(res), new Date(), deps.defaultLocale));
  });
  return router;
}
