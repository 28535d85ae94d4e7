// Customers, upserted by the bank's systems. The case workflow reads them at detect time.
import { Router } from 'express';
import type { Customer } from '@prisma/client';
import { requireRole } from '../auth';
import type { AppDeps } from '../deps';
import { HttpError, notFound } from '../errors';
import { actorOf } from '../auth';
import { announceConsentChange, standingOptOuts, writeConsentChange, type ConsentChangeRecord } from '../consent-ledger';
import { requestLog } from '../middleware/request-context';
import { CONTACT_CHANNELS } from '../../domain/vocabulary';
import { consentChangeSchema, customerIdParams, customerSchema } from '../schemas';
import { parse } from '../validate';

export const consentOf = (c: Pick<Customer, 'consentSms' | 'consentEmail' | 'consentPhone'>) => ({ sms: c.consentSms, email: c.consentEmail, phone: c.consentPhone });

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
    const actor = actorOf(res);
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
    };
    const { stored, existed, changes } = await db.$transaction(async (tx) => {
      const before = await tx.customer.findUnique({ where: { id: customerId } });
      // An opt-out stands until the customer (or a recorded consent change) lifts it: a bulk PUT carrying
      // yesterday's consent must not text someone who said STOP.
      const optOuts = before ? await standingOptOuts(tx, customerId) : new Map();
      const reEnabled = CONTACT_CHANNELS.filter((ch) => body.consent[ch] && optOuts.has(ch));
      if (reEnabled.length) {
        const why = reEnabled.map((ch) => `${ch} (opted out by ${optOuts.get(ch)!.source} at ${optOuts.get(ch)!.at.toISOString()})`).join(', ');
        throw new HttpError(409, 'consent_opted_out', `the customer opted out of ${why}; send consent.${reEnabled[0]}: false, or record the customer's new consent with POST /v1/customers/${customerId}/consent`, reEnabled.map((channel) => ({ channel, ...optOuts.get(channel) })));
      }
      const current = before ? consentOf(before) : { sms: false, email: false, phone: false };
      const saved = await tx.customer.upsert({ where: { id: customerId }, create: { id: customerId, ...data }, update: data });
      const changed: ConsentChangeRecord[] = CONTACT_CHANNELS.filter((ch) => !before || body.consent[ch] !== current[ch]).map((channel) => ({ customerId, channel, granted: body.consent[channel], source: 'api', actor }));
      for (const change of changed) await writeConsentChange(tx, change);
      return { stored: await tx.customer.findUniqueOrThrow({ where: { id: saved.id } }), existed: before !== null, changes: changed };
    });
    if (existed) for (const change of changes) await announceConsentChange(db, cases, requestLog(res), change);
    res.status(existed ? 200 : 201).json(customerView(stored));
  });

  // An explicit consent change with its source: how a channel the customer opted out of is opened again
  // (the customer asked the agent, or signed a form), and how an agent records an opt-out by phone.
  router.post('/v1/customers/:customerId/consent', requireRole('system', 'agent', 'supervisor'), async (req, res) => {
    const { customerId } = parse(customerIdParams, req.params, 'path');
    const body = parse(consentChangeSchema, req.body, 'body');
    const change: ConsentChangeRecord = { customerId, channel: body.channel, granted: body.granted, source: body.source, actor: actorOf(res), note: body.note };
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
