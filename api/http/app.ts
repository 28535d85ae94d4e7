// The Express app factory: routes, auth, validation and error mapping. No listen(): callers decide.
import { metricsHandler } from './routes/metrics';
import { refuseUnstorableText } from './middleware/text-guard';
import { adminRoutes } from './routes/admin';
import { auditRoutes } from './routes/audit';
import express, { type Express } from 'express';
import {
  DEFAULT_FAILED_CREDENTIALS_PER_MINUTE,
  DEFAULT_PUBLIC_RATE_LIMIT_PER_MINUTE,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
} from '../../config/env';
import { authenticate, requireRole } from './auth';
import type { AppDeps } from '../deps';
import { errorHandler } from './error-handler';
import { HttpError } from './errors';
import { failedCredentialLimit, rateLimitPerAddress, rateLimitPerKey } from './middleware/rate-limit';
import { requestContext } from './middleware/request-context';
import { securityHeaders } from './middleware/security-headers';
import { caseRoutes } from './routes/cases';
import { CODEC_PATH, codecCors, codecRoutes } from './routes/codec';
import { customerImportRoutes } from './routes/customer-import';
import { customerRoutes } from './routes/customers';
import { dashboardRoutes } from './routes/dashboard';
import { detectionRoutes } from './routes/detection';
import { devRoutes } from './routes/dev';
import { healthRoutes } from './routes/health';
import { keyRoutes } from './routes/keys';
import { meRoutes } from './routes/me';
import { deskRoutes } from './routes/desk';
import { openApiRoutes } from './routes/openapi';
import { dryRunRoutes } from './routes/dry-run';
import { playbookDraftRoutes } from './routes/playbook-drafts';
import { playbookRoutes } from './routes/playbooks';
import { modelRoutes } from './routes/models';
import { experimentRoutes } from './routes/experiments';
import { funnelRoutes } from './routes/funnel';
import { reportRoutes } from './routes/reports';
import { signalRoutes } from './routes/signals';
import { surveyRoutes } from './routes/surveys';
import { statusRoutes } from './routes/status';
import { teamRoutes } from './routes/teams';
import { churnReasonRoutes } from './routes/churn-reasons';
import { twilioWebhookRoutes } from './routes/twilio-webhook';

// The routes behind an API key, in the order Express tries them. The case routes first: the board, case page
// and timeline are most of the traffic, and every router a request enters on its way costs it (routing was 12%
// of the API's thread on a case read under load). No path of theirs is one of the routers' after them.
function keyedRoutes(deps: AppDeps) {
  return [
    caseRoutes(deps),
    meRoutes(),
    deskRoutes(deps),
    signalRoutes(deps),
    customerImportRoutes(deps),
    customerRoutes(deps),
    playbookRoutes(deps),
    playbookDraftRoutes(deps),
    dryRunRoutes(deps),
    experimentRoutes(deps),
    modelRoutes(deps),
    funnelRoutes(deps),
    keyRoutes(deps),
    teamRoutes(deps),
    churnReasonRoutes(deps),
    reportRoutes(deps),
    statusRoutes(deps),
    codecRoutes(deps),
    auditRoutes(deps),
    adminRoutes(deps),
    detectionRoutes(deps),
  ];
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestContext(deps.logger));
  if (deps.metrics) app.use(deps.metrics.observeRequests());
  app.use(securityHeaders());
  app.use(express.json({ limit: '2mb' }));
  app.use(refuseUnstorableText());

  app.use(healthRoutes(deps));
  app.use(openApiRoutes());
  if (deps.webRoot) app.use(dashboardRoutes(deps.webRoot));
  // Routes without a key are limited per client address; an address that keeps failing credentials (API keys,
  // Twilio signatures) is refused before any lookup.
  const failures = failedCredentialLimit({
    perMinute: deps.failedCredentialsPerMinute ?? DEFAULT_FAILED_CREDENTIALS_PER_MINUTE,
  });
  app.use(
    ['/s', '/v1/surveys'],
    rateLimitPerAddress({ perMinute: deps.publicRateLimitPerMinute ?? DEFAULT_PUBLIC_RATE_LIMIT_PER_MINUTE }),
  );
  app.use(surveyRoutes(deps));
  // Authenticated by Twilio's signature, not by an API key.
  app.use('/v1/webhooks', failures.guard);
  app.use(twilioWebhookRoutes(deps, failures.failed));
  if (deps.outbox) app.use(devRoutes(deps.outbox));

  // Prometheus scrapes with a system (or admin) key: the figures are the bank's business.
  const authenticated = [failures.guard, authenticate(deps.db, deps.adminKey, failures.failed)];
  if (deps.metrics) app.get('/metrics', ...authenticated, requireRole('system'), metricsHandler(deps.metrics));
  app.use(CODEC_PATH, codecCors(deps.codecCorsOrigins ?? []));
  app.use(
    '/v1',
    ...authenticated,
    rateLimitPerKey({ perMinute: deps.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE }),
  );
  for (const routes of keyedRoutes(deps)) app.use(routes);

  app.use((req, _res, next) =>
    next(
      new HttpError(404, 'route_not_found', `no route ${req.method} ${req.path}`, [], {}, undefined, {
        method: req.method,
        path: req.path,
      }),
    ),
  );
  app.use(errorHandler(deps.logger));
  return app;
}
