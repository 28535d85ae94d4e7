// The retention agent's desk: their day, the customer lookup and file, a case opened from the customer page.
// Each handler parses its input, calls one service and shapes the answer; the services touch the database.
import { Router, type Response } from 'express';
import { principalOf, requireRole } from '../auth';
import type { AppDeps } from '../deps';
import { HttpError } from '../errors';
import { parse } from '../validate';
import { agentToday } from './my-day';
import { myDayQuery } from './schemas';

// Whose day: an agent's key opens its own agent's; a supervisor (or admin) names the agent.
function dayOwner(res: Response, asked: string | undefined): string {
  const { role, agentId } = principalOf(res);
  if (role === 'agent') {
    if (!agentId) throw new HttpError(409, 'key_without_agent', 'this agent key belongs to no agent, so it has no day of its own; ask an admin for a personal key (POST /v1/keys with agentId)');
    if (asked && asked !== agentId) throw new HttpError(403, 'forbidden', "an agent opens only their own day; leave agentId out, or ask a supervisor to look at a colleague's");
    return agentId;
  }
  if (!asked) throw new HttpError(400, 'agent_required', "name the agent whose day to open: GET /v1/me/today?agentId=<agent id>");
  return asked;
}

export function deskRoutes({ sql }: AppDeps): Router {
  const router = Router();
  router.get('/v1/me/today', requireRole('agent', 'supervisor'), async (req, res) => {
    const { agentId } = parse(myDayQuery, req.query, 'query');
    res.json(await agentToday(sql, dayOwner(res, agentId), new Date()));
  });
  return router;
}
