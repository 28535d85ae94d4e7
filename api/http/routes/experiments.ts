// Experiments between versions of a playbook (api/services/experiments.ts): supervisors and admins start and
// steer them; the answer of a read carries the results.
import { Router } from 'express';
import { experimentInput, type ExperimentAction } from '../../../domain/experiment';
import type { AppDeps } from '../../deps';
import { readExperimentResults } from '../../services/experiment-results';
import { reviewExperiments } from '../../services/experiment-review';
import {
  changeExperimentStatus,
  getExperiment,
  listExperiments,
  promoteArm,
  startExperiment,
} from '../../services/experiments';
import { principalOf, requireRole } from '../auth';
import { experimentIdParams, promoteBody } from '../experiment-schemas';
import { playbookParams } from '../schemas';
import { parse } from '../validate';

export function experimentRoutes({ db, sql }: AppDeps): Router {
  const router = Router();

  router.post('/v1/playbooks/:playbookId/experiments', requireRole('supervisor'), async (req, res) => {
    const { playbookId } = parse(playbookParams, req.params, 'path');
    res
      .status(201)
      .json(await startExperiment(db, playbookId, parse(experimentInput, req.body, 'body'), principalOf(res)));
  });

  router.get('/v1/playbooks/:playbookId/experiments', requireRole('supervisor'), async (req, res) => {
    res.json({ items: await listExperiments(db, parse(playbookParams, req.params, 'path').playbookId) });
  });

  router.get('/v1/experiments/:experimentId', requireRole('supervisor'), async (req, res) => {
    const experiment = await getExperiment(db, parse(experimentIdParams, req.params, 'path').experimentId);
    res.json({ ...experiment, results: await readExperimentResults(sql, experiment) });
  });

  for (const action of ['pause', 'resume', 'stop'] as const satisfies ExperimentAction[]) {
    router.post(`/v1/experiments/:experimentId/${action}`, requireRole('supervisor'), async (req, res) => {
      res.json(
        await changeExperimentStatus(
          db,
          parse(experimentIdParams, req.params, 'path').experimentId,
          action,
          principalOf(res),
        ),
      );
    });
  }

  // The scheduled review's call (the worker's system key); an admin may run it by hand.
  router.post('/v1/experiments/review', requireRole('system'), async (_req, res) => {
    res.json({ reviewed: await reviewExperiments(db, sql, principalOf(res)) });
  });

  router.post('/v1/experiments/:experimentId/promote', requireRole('supervisor'), async (req, res) => {
    const { experimentId } = parse(experimentIdParams, req.params, 'path');
    res.json(await promoteArm(db, experimentId, parse(promoteBody, req.body, 'body').arm, principalOf(res)));
  });
  return router;
}
