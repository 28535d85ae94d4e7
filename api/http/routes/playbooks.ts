// Playbooks as versioned data (api/services/playbooks.ts): read by supervisors, new versions by admins.
import { Router } from 'express';
import { playbookDefinitionSchema } from '../../../domain/playbook';
import type { AppDeps } from '../../deps';
import { addPlaybookVersion, listPlaybooks, playbookWithVersions } from '../../services/playbooks';
import { principalOf, requireRole } from '../auth';
import { playbookParams } from '../schemas';
import { parse } from '../validate';

export function playbookRoutes({ db }: AppDeps): Router {
  const router = Router();

  router.get('/v1/playbooks', requireRole('supervisor'), async (_req, res) => {
    res.json({ items: await listPlaybooks(db) });
  });

  router.get('/v1/playbooks/:playbookId', requireRole('supervisor'), async (req, res) => {
    res.json(await playbookWithVersions(db, parse(playbookParams, req.params, 'path').playbookId));
  });

  router.post('/v1/playbooks/:playbookId/versions', requireRole(), async (req, res) => {
    const { playbookId } = parse(playbookParams, req.params, 'path');
    const definition = parse(playbookDefinitionSchema, req.body, 'body');
    res.status(201).json(await addPlaybookVersion(db, playbookId, definition, principalOf(res)));
  });
  return router;
}
