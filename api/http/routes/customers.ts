// Customers, upserted by the bank's systems (api/services/customers.ts). The case workflow reads them at
// detect time.
import { Router } from 'express';
import type { AppDeps } from '../../deps';
import { changeConsent, consentHistory, customerView, findCustomer, putCustomer } from '../../services/customers';
import { actorOf, principalOf, requireRole } from '../auth';
import { requestLog } from '../middleware/request-context';
import { consentChangeSchema, customerIdParams, customerSchema } from '../schemas';
import { parse } from '../validate';

export function customerRoutes(deps: AppDeps): Router {
  const router = Router();
  router.put('/v1/customers/:customerId', requireRole('system'), async (req, res) => {
    const { customerId } = parse(customerIdParams, req.params, 'path');
    const body = parse(customerSchema, req.body, 'body');
    const { stored, existed } = await putCustomer(deps, requestLog(res), customerId, body, principalOf(res));
    res.status(existed ? 200 : 201).json(customerView(stored));
  });

  router.post('/v1/customers/:customerId/consent', requireRole('system', 'agent', 'supervisor'), async (req, res) => {
    const { customerId } = parse(customerIdParams, req.params, 'path');
    const body = parse(consentChangeSchema, req.body, 'body');
    const change = { customerId, channel: body.channel, granted: body.granted, source: body.source, actor: actorOf(res), keyId: principalOf(res).keyId, note: body.note };
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
