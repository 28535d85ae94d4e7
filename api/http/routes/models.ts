// Early-warning models (api/services/churn-models.ts): admins upload and activate scorecards; supervisors
// read which one scores the book and how well it did on held-out customers.
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { activateModel, listModels, uploadModel } from '../../services/churn-models';
import { principalOf, requireRole } from '../auth';
import { parse } from '../validate';

export const modelIdParams = z.object({
  modelId: z
    .string()
    .regex(/^model_[0-9a-f-]{36}$/, 'a model id as POST /v1/models returned it (model_ followed by a UUID)'),
});

export function modelRoutes({ db }: AppDeps): Router {
  const router = Router();

  router.post('/v1/models', requireRole('admin'), async (req, res) => {
    res.status(201).json(await uploadModel(db, req.body, principalOf(res)));
  });

  router.get('/v1/models', requireRole('supervisor'), async (_req, res) => {
    res.json({ items: await listModels(db) });
  });

  router.post('/v1/models/:modelId/activate', requireRole('admin'), async (req, res) => {
    const { modelId } = parse(modelIdParams, req.params, 'path');
    res.json(await activateModel(db, modelId, principalOf(res)));
  });
  return router;
}
