// The Express app factory: routes, auth, validation and error mapping. No listen(): callers decide.
import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import { authenticate } from './auth';
import type { AppDeps } from './deps';
import { errorHandler, HttpError } from './errors';
import { caseRoutes } from './routes/cases';
import { customerRoutes } from './routes/customers';
import { devRoutes } from './routes/dev';
import { healthRoutes } from './routes/health';
import { playbookRoutes } from './routes/playbooks';
import { signalRoutes } from './routes/signals';
import { surveyRoutes } from './routes/surveys';
import { twilioWebhookRoutes } from './routes/twilio-webhook';

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use((req, res, next) => {
    const given = req.header('x-request-id');
    res.locals.requestId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', res.locals.requestId as string);
    next();
  });
  app.use(express.json({ limit: '2mb' }));

  app.use(healthRoutes(deps));
  app.use(surveyRoutes(deps));
  // Authenticated by Twilio's signature, not by an API key.
  app.use(twilioWebhookRoutes(deps));
  if (deps.outbox) app.use(devRoutes(deps.outbox));

  app.use('/v1', authenticate(deps.db, deps.adminKey));
  app.use(signalRoutes(deps));
  app.use(customerRoutes(deps));
  app.use(caseRoutes(deps));
  app.use(playbookRoutes(deps));

  app.use((req, _res, next) => next(new HttpError(404, 'route_not_found', `no route ${req.method} ${req.path}`)));
  app.use(errorHandler(deps.logger));
  return app;
}
