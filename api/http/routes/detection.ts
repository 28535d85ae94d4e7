// GET /v1/detection: the scheduled detection's schedule and latest sweeps (api/services/detection.ts).
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { detectionOverview } from '../../services/detection';
import { requireRole } from '../auth';
import { parse } from '../validate';

export const detectionQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20) });

export function detectionRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/v1/detection', requireRole('supervisor', 'system'), async (req, res) => {
    res.json(await detectionOverview(deps, parse(detectionQuery, req.query, 'query').limit));
  });
  return router;
}
