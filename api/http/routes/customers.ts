// Customers, upserted by the bank's systems (api/services/customers.ts). The case workflow reads them at
// detect time.
import { Router } from 'express';
import type { AppDeps } from '../../deps';
import { changeConsent, consentHistory, customerView, findCustomer, putCustomer } from '../../services/customers';
import { actorOf, principalOf, requireRole } from '../auth';
import { requestLog } from '../middleware/request-context';
import { eraseCustomer } from '../../services/customer-erasure';
import { customerSchema } from '../../../domain/customer-record';
import { consentChangeSchema, customerIdParams, erasureRequestSchema } from '../schemas';
import { parse } from '../validate';

// Erasure on request (PIPL, GDPR): an admin's decision, audited with its reason (docs/security.md).
function erasureRoute(router: Router, deps: AppDeps): void {
  router.delete('/v1/customers/:customerId', requireRole(), async (req, res) => {
    const { customerId } = parse(customerIdParams, req.params, 'path');
    const { reason } = parse(erasureRequestSchema, req.body, 'body');
    res.json(await eraseCustomer(deps, { customerId, reason, actor: actorOf(res), keyId: principalOf(res).keyId }));
  });
}

export function customerRoutes(deps: AppDeps): Router {
  const router = Router();
  erasureRoute(router, deps);
  router.put('/v1/customers/:customerId', requireRole('system'), async (req, res) => {
    const { customerId } = parse(customerIdParams, req.params, 'path');
    const body = parse(customerSchema, req.body, 'body');
    const { stored, existed } = await putCustomer(deps, requestLog(res), customerId, body, principalOf(res));
    res.status(existed ? 200 : 201).json(customerView(stored));
  });

  router.post('/v1/customers/:customerId/consent', requireRole('system', 'agent', 'supervisor'), async (req, res) => {
    const { customerId } = parse(customerIdParams, req.params, 'path');
    const body = parse(consentChangeSchema, req.body, 'body');
    const change = {
      customerId,
      channel: body.channel,
      granted: body.granted,
      source: body.source,
      actor: actorOf(res),
      keyId: principalOf(res).keyId,
      note: body.note,
    };
    res.json(customerView(await changeConsent(deps, requestLog(res), change)));
  });

  router.get('/v1/customers/:customerId/consent', requireRole('system', 'agent', 'supervisor'), async (req, res) => {
    res.json(await consentHistory(deps.db, parse(customerIdParams, req.params, 'path').customerId));
  });

  router.get('/v1/customers/:customerId', requireRole('system'), async (req, res) => {
    res.json(customerView(await findCustomer(deps.db, parse(customerIdParams, req.params, 'path').customerId)));
  });
  return router;
}
