// GET /v1/status (supervisors): what the system is doing behind the playbook (api/services/operations-status.ts).
// /ready does not depend on the CRM (a CRM outage delays nothing in the playbook); this is where its delay shows.
import { Router } from 'express';
import type { AppDeps } from '../../deps';
import { operationsStatus } from '../../services/operations-status';
import { requireRole } from '../auth';

export function statusRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/v1/status', requireRole('supervisor'), async (_req, res) => {
    res.json(await operationsStatus(deps, new Date()));
  });
  return router;
}
