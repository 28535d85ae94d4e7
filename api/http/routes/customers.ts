// Customers, upserted by the bank's systems. The case workflow reads them at detect time.
import { Router } from 'express';
import type { Customer } from '@prisma/client';
import type { AppDeps } from '../../deps';
import { notFound } from '../errors';
import { actorOf, principalOf, requireRole } from '../auth';
import { announceConsentChange, writeConsentChange, type ConsentChangeRecord } from '../../services/consent-ledger';
import { consentOf, upsertCustomer } from '../../services/customer-upsert';
import { requestLog } from '../middleware/request-context';
import { consentChangeSchema, customerIdParams, customerSchema } from '../schemas';
import { parse } from '../validate';


export function customerView(c: Customer) {
  return {
    customerId: c.id,
    name: c.name,
    tier: c.tier,
    segment: c.segment ?? undefined,
    lifecycleStage: c.lifecycleStage ?? undefined,
    assetsUnderManagement: c.assetsUnderManagement.toNumber(),
    timeZone: c.timeZone,
    phone: c.phone ?? undefined,
    email: c.email ?? undefined,
    preferredChannels: c.preferredChannels,
    consent: consentOf(c),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function customerRoutes({ db, cases }: AppDeps): Router {
  const router = Router();
  router.put('/v1/customers/:customerId', requireRole('system'), async (req, res) => {
    const { customerId } = parse(customerIdParams, req.params, 'path');
    const body = parse(customerSchema, req.body, 'body');
    const { stored, existed, changes } = await upsertCustomer(db, customerId, body, principalOf(res));
    if (existed) for (const change of changes) await announceConsentChange(db, cases, requestLog(res), change);
    res.status(existed ? 200 : 201).json(customerView(stored));
  });

  // An explicit consent change with its source: how a channel the customer opted out of is opened again
  // (the customer asked the agent, or signed a form), and how an agent records an opt-out by phone.
  router.post('/v1/customers/:customerId/consent', requireRole('system', 'agent', 'supervisor'), async (req, res) => {
    const { customerId } = parse(customerIdParams, req.params, 'path');
    const body = parse(consentChangeSchema, req.body, 'body');
    const change: ConsentChangeRecord = { customerId, channel: body.channel, granted: body.granted, source: body.source, actor: actorOf(res), keyId: principalOf(res).keyId, note: body.note };
    const stored = await db.$transaction(async (tx) => {
      if (!(await tx.customer.findUnique({ where: { id: customerId }, select: { id: true } }))) throw notFound('customer_not_found', `no customer with id ${customerId}`);
      await writeConsentChange(tx, change);
      return tx.customer.findUniqueOrThrow({ where: { id: customerId } });
    });
    await announceConsentChange(db, cases, requestLog(res), change);
    res.json(customerView(stored));
  });

  router.get('/v1/customers/:customerId/consent', requireRole('system', 'agent', 'supervisor'), async (req, res) => {
    const { customerId } = parse(customerIdParams, req.params, 'path');
    const customer = await db.customer.findUnique({ where: { id: customerId } });
    if (!customer) throw notFound('customer_not_found', `no customer with id ${customerId}`);
    const events = await db.consentEvent.findMany({ where: { customerId }, orderBy: { at: 'asc' } });
    res.json({
      customerId,
      consent: consentOf(customer),
      events: events.map((e) => ({ channel: e.channel, granted: e.granted, source: e.source, actor: e.actor, note: e.note ?? undefined, at: e.at.toISOString() })),
    });
  });

  router.get('/v1/customers/:customerId', requireRole('system'), async (req, res) => {
    const { customerId } = parse(customerIdParams, req.params, 'path');
    const customer = await db.customer.findUnique({ where: { id: customerId } });
    if (!customer) throw notFound('customer_not_found', `no customer with id ${customerId}`);
    res.json(customerView(customer));
  });
  return router;
}
