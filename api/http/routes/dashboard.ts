// The web dashboard (dist/web, built by `npm run web:build`), served at /. Hashed assets are immutable;
// index.html is never cached so a new build is picked up at once.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

// Where `npm run web:build` writes the dashboard.
export const DEFAULT_WEB_ROOT = join(__dirname, '..', '..', '..', 'dist', 'web');

export function dashboardRoutes(webRoot: string): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    const index = join(webRoot, 'index.html');
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The dashboard is not built: run `npm run web:build` (npm start and npm test do it).');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  router.use('/assets', express.static(join(webRoot, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  return router;
}
