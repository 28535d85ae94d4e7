// GET /v1/openapi.json: public, so integrators can generate clients before they hold a key.
import { Router } from 'express';
import { openApiDocument } from '../openapi';

export function openApiRoutes(): Router {
  const router = Router();
  let document: Record<string, unknown> | undefined;
  router.get('/v1/openapi.json', (_req, res) => {
    document ??= openApiDocument();
    res.json(document);
  });
  return router;
}
