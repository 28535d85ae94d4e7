// Teams and their workload (api/services/team-workload.ts): what a supervisor checks before moving cases
// between agents.
import { Router, type Response } from 'express';
import { canSeeTeam } from '../../../domain/visibility';
import type { AppDeps } from '../../deps';
import { listTeams } from '../../services/teams';
import { teamWorkload } from '../../services/team-workload';
import { principalOf, requireRole } from '../auth';
import { teamNotFound } from '../../../domain/errors/people-errors';
import { teamIdParams } from '../schemas';
import { parse } from '../validate';

// An agent sees only their own team; another team is "not found", as with cases (domain/visibility.ts).
const canSee = (res: Response, teamId: string) => canSeeTeam(principalOf(res), teamId);

export function teamRoutes({ db, sql }: AppDeps): Router {
  const router = Router();

  router.get('/v1/teams', requireRole('agent', 'supervisor'), async (_req, res) => {
    res.json({ items: (await listTeams(db)).filter((t) => canSee(res, t.id)) });
  });

  router.get('/v1/teams/:teamId/workload', requireRole('agent', 'supervisor'), async (req, res) => {
    const { teamId } = parse(teamIdParams, req.params, 'path');
    const workload = canSee(res, teamId) ? await teamWorkload(sql, teamId, new Date()) : null;
    if (!workload) throw teamNotFound({ teamId });
    res.json(workload);
  });
  return router;
}
