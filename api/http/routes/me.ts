// GET /v1/me: who this key is, so a client (the dashboard) can show what the role may do.
import { Router } from 'express';
import { principalOf } from '../auth';

export function meRoutes(): Router {
  const router = Router();
  router.get('/v1/me', (_req, res) => {
    const { name, role, teamId, agentId } = principalOf(res);
    res.json({ name, role, teamId: teamId ?? null, agentId: agentId ?? null });
  });
  return router;
}
