// Teams and their workload: what a supervisor checks before moving cases between agents.
import { Router, type Response } from 'express';
import { AGENT_CONTACT_PURPOSE, startOfQuotaDay } from '../../../domain/quota-day';
import { principalOf, requireRole } from '../auth';
import type { AppDeps } from '../../deps';
import { notFound } from '../errors';
import { teamIdParams } from '../schemas';
import { canSeeTeam } from '../../../domain/visibility';
import { parse } from '../validate';

// An agent sees only their own team; another team is "not found", as with cases (domain/visibility.ts).
const canSee = (res: Response, teamId: string) => canSeeTeam(principalOf(res), teamId);

export function teamRoutes({ db }: AppDeps): Router {
  const router = Router();

  router.get('/v1/teams', requireRole('agent', 'supervisor'), async (_req, res) => {
    const teams = await db.team.findMany({ orderBy: { id: 'asc' }, include: { agents: { orderBy: { id: 'asc' }, select: { id: true, name: true, active: true } } } });
    res.json({ items: teams.filter((t) => canSee(res, t.id)).map((t) => ({ id: t.id, name: t.name, tiers: t.tiers, drivers: t.drivers, agents: t.agents })) });
  });

  router.get('/v1/teams/:teamId/workload', requireRole('agent', 'supervisor'), async (req, res) => {
    const { teamId } = parse(teamIdParams, req.params, 'path');
    const team = canSee(res, teamId) ? await db.team.findUnique({ where: { id: teamId } }) : null;
    if (!team) throw notFound('team_not_found', `no team with id ${teamId}`);
    const now = new Date();
    const dayStart = startOfQuotaDay(now);
    const breached = { status: 'open', slaDueAt: { lt: now } };
    const [agents, openByAgent, breachedByAgent, contactsByAgent, unassigned, unassignedBreached, needsAttention] = await Promise.all([
      db.agent.findMany({ where: { teamId }, orderBy: { id: 'asc' } }),
      db.case.groupBy({ by: ['agentId'], where: { teamId, status: 'open' }, orderBy: { agentId: 'asc' }, _count: { _all: true } }),
      db.case.groupBy({ by: ['agentId'], where: { teamId, ...breached }, orderBy: { agentId: 'asc' }, _count: { _all: true } }),
      db.contactAttempt.groupBy({ by: ['agentId'], where: { agent: { teamId }, purpose: AGENT_CONTACT_PURPOSE, createdAt: { gte: dayStart } }, orderBy: { agentId: 'asc' }, _count: { _all: true } }),
      db.case.count({ where: { teamId, status: 'open', agentId: null } }),
      db.case.count({ where: { teamId, agentId: null, ...breached } }),
      db.case.count({ where: { teamId, status: 'open', attentionSince: { not: null } } }),
    ]);
    const countOf = (groups: { agentId: string | null; _count: { _all: number } }[], agentId: string) => groups.find((g) => g.agentId === agentId)?._count._all ?? 0;
    const rows = agents.map((a) => {
      const contactsToday = countOf(contactsByAgent, a.id);
      return {
        agentId: a.id,
        name: a.name,
        active: a.active,
        openCases: countOf(openByAgent, a.id),
        slaBreaches: countOf(breachedByAgent, a.id),
        contactsToday,
        dailyContactQuota: a.dailyContactQuota,
        quotaRemaining: Math.max(0, a.dailyContactQuota - contactsToday),
      };
    });
    res.json({
      teamId: team.id,
      name: team.name,
      at: now.toISOString(),
      quotaDayStartedAt: dayStart.toISOString(),
      agents: rows,
      unassigned: { openCases: unassigned, slaBreaches: unassignedBreached },
      // Open cases of the team that wait for a supervisor (no channel left, a failed step).
      needsAttention,
      totals: {
        openCases: rows.reduce((n, r) => n + r.openCases, unassigned),
        slaBreaches: rows.reduce((n, r) => n + r.slaBreaches, unassignedBreached),
        contactsToday: rows.reduce((n, r) => n + r.contactsToday, 0),
        dailyContactQuota: rows.filter((r) => r.active).reduce((n, r) => n + r.dailyContactQuota, 0),
      },
    });
  });
  return router;
}
