// A playbook's draft (api/services/playbook-drafts.ts): admins save, publish and discard; supervisors read.
// A save answers with every field at fault, so an editor can show them as the admin types.
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { discardDraft, publishDraft, readDraft, saveDraft } from '../../services/playbook-drafts';
import { principalOf, requireRole } from '../auth';
import { playbookParams } from '../schemas';
import { parse } from '../validate';

export const draftBody = z
  .object({
    fromVersion: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('start the draft from this version (its definition unless one is sent too)'),
    definition: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('the playbook as edited; saved even when invalid, with its issues in the answer'),
  })
  .strict()
  .refine((b) => b.fromVersion !== undefined || b.definition !== undefined, {
    message: 'send a definition to save, or fromVersion to start the draft from a version',
  });

export function playbookDraftRoutes({ db }: AppDeps): Router {
  const router = Router();

  router.get('/v1/playbooks/:playbookId/draft', requireRole('supervisor'), async (req, res) => {
    res.json(await readDraft(db, parse(playbookParams, req.params, 'path').playbookId));
  });

  router.put('/v1/playbooks/:playbookId/draft', requireRole(), async (req, res) => {
    const { playbookId } = parse(playbookParams, req.params, 'path');
    const { created, draft } = await saveDraft(db, playbookId, parse(draftBody, req.body, 'body'), principalOf(res));
    res.status(created ? 201 : 200).json(draft);
  });

  router.delete('/v1/playbooks/:playbookId/draft', requireRole(), async (req, res) => {
    await discardDraft(db, parse(playbookParams, req.params, 'path').playbookId, principalOf(res));
    res.status(204).end();
  });

  router.post('/v1/playbooks/:playbookId/draft/publish', requireRole(), async (req, res) => {
    res
      .status(201)
      .json(await publishDraft(db, parse(playbookParams, req.params, 'path').playbookId, principalOf(res)));
  });
  return router;
}
