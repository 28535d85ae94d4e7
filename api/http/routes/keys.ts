// API keys (admin only): issue one (the secret is shown once), list them, revoke one.
import { Router } from 'express';
import { issueKey, listKeys, revokeKey } from '../../services/api-keys';
import { principalOf, requireRole } from '../auth';
import type { AppDeps } from '../../deps';
import { createKeySchema } from '../../services/key-request';
import { keyIdParams } from '../schemas';
import { parse } from '../validate';

export function keyRoutes({ db }: AppDeps): Router {
  const router = Router();
  router.post('/v1/keys', requireRole(), async (req, res) => {
    res.status(201).json(await issueKey(db, parse(createKeySchema, req.body, 'body'), principalOf(res)));
  });
  router.get('/v1/keys', requireRole(), async (_req, res) => {
    res.json({ items: await listKeys(db) });
  });
  router.delete('/v1/keys/:keyId', requireRole(), async (req, res) => {
    res.json(await revokeKey(db, parse(keyIdParams, req.params, 'path').keyId, principalOf(res)));
  });
  return router;
}
