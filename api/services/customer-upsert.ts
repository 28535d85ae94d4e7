// Writes a customer as the bank's systems send it (PUT /v1/customers/:id), with every consent change in the
// consent ledger in the same transaction. An opt-out stands until the customer (or a recorded consent change)
// lifts it: a bulk update carrying yesterday's consent must not text someone who said STOP.
import { actorName, type Principal } from './principal';
import type { Customer, Prisma } from '@prisma/client';
import type { Db } from '../../config/database';
import { CONTACT_CHANNELS } from '../../domain/vocabulary';
import { standingOptOuts, writeConsentChange, type ConsentChangeRecord } from './consent-ledger';
import { HttpError } from '../http/errors';
import { requireProvisionedSegments } from './segments';
import type { CustomerBody } from '../http/schemas';

export const consentOf = (c: Pick<Customer, 'consentSms' | 'consentEmail' | 'consentPhone'>) => ({
  sms: c.consentSms,
  email: c.consentEmail,
  phone: c.consentPhone,
});

const customerData = (body: CustomerBody) => ({
  name: body.name,
  tier: body.tier,
  segment: body.segment ?? null,
  lifecycleStage: body.lifecycleStage ?? null,
  assetsUnderManagement: body.assetsUnderManagement ?? 0,
  timeZone: body.timeZone,
  locale: body.locale ?? null,
  salutation: body.salutation ?? null,
  phone: body.phone ?? null,
  email: body.email ?? null,
  preferredChannels: body.preferredChannels,
  ...(body.attributes ? { attributes: body.attributes } : {}),
});

async function refuseLiftedOptOuts(
  tx: Prisma.TransactionClient,
  customerId: string,
  body: CustomerBody,
): Promise<void> {
  const optOuts = await standingOptOuts(tx, customerId);
  const reEnabled = CONTACT_CHANNELS.filter((ch) => body.consent[ch] && optOuts.has(ch));
  if (!reEnabled.length) return;
  const why = reEnabled
    .map((ch) => `${ch} (opted out by ${optOuts.get(ch)!.source} at ${optOuts.get(ch)!.at.toISOString()})`)
    .join(', ');
  throw new HttpError(
    409,
    'consent_opted_out',
    `the customer opted out of ${why}; send consent.${reEnabled[0]}: false, or record the customer's new consent with POST /v1/customers/${customerId}/consent`,
    reEnabled.map((channel) => ({ channel, ...optOuts.get(channel) })),
  );
}

export async function upsertCustomer(
  db: Db,
  customerId: string,
  body: CustomerBody,
  by: Principal,
): Promise<{ stored: Customer; existed: boolean; changes: ConsentChangeRecord[] }> {
  const data = customerData(body);
  return db.$transaction(async (tx) => {
    if (body.segment) await requireProvisionedSegments(tx, [body.segment], 'body.segment');
    const before = await tx.customer.findUnique({ where: { id: customerId } });
    if (before) await refuseLiftedOptOuts(tx, customerId, body);
    const current = before ? consentOf(before) : { sms: false, email: false, phone: false };
    const saved = await tx.customer.upsert({
      where: { id: customerId },
      create: { id: customerId, ...data },
      update: data,
    });
    const changes: ConsentChangeRecord[] = CONTACT_CHANNELS.filter(
      (ch) => !before || body.consent[ch] !== current[ch],
    ).map((channel) => ({
      customerId,
      channel,
      granted: body.consent[channel],
      source: 'api',
      actor: actorName(by),
      keyId: by.keyId,
    }));
    for (const change of changes) await writeConsentChange(tx, change);
    return {
      stored: await tx.customer.findUniqueOrThrow({ where: { id: saved.id } }),
      existed: before !== null,
      changes,
    };
  });
}
