// Customers, upserted by the bank's systems. The case workflow reads them at detect time.
import { Router } from 'express';
import type { Customer } from '@prisma/client';
import { requireRole } from '../auth';
import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import { customerIdParams, customerSchema } from '../schemas';
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
    consent: { sms: c.consentSms, email: c.consentEmail, phone: c.consentPhone },
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function customerRoutes({ db }: AppDeps): Router {
  const router = Router();
  router.put('/v1/customers/:customerId', requireRole('system'), async (req, res) => {
    const { customerId } = parse(customerIdParams, req.params, 'path');
    const body = parse(customerSchema, req.body, 'body');
    const data = {
      name: body.name,
      tier: body.tier,
      segment: body.segment ?? null,
      lifecycleStage: body.lifecycleStage ?? null,
      assetsUnderManagement: body.assetsUnderManagement ?? 0,
      timeZone: body.timeZone,
      phone: body.phone ?? null,
      email: body.email ?? null,
      preferredChannels: body.preferredChannels,
      consentSms: body.consent.sms,
      consentEmail: body.consent.email,
      consentPhone: body.consent.phone,
    };
    const existed = (await db.customer.count({ where: { id: customerId } })) > 0;
    const stored = await db.customer.upsert({ where: { id: customerId }, create: { id: customerId, ...data }, update: data });
    res.status(existed ? 200 : 201).json(customerView(stored));
  });

  router.get('/v1/customers/:customerId', requireRole('system'), async (req, res) => {
    const { customerId } = parse(customerIdParams, req.params, 'path');
    const customer = await db.customer.findUnique({ where: { id: customerId } });
    if (!customer) throw notFound('customer_not_found', `no customer with id ${customerId}`);
    res.json(customerView(customer));
  });
  return router;
}
