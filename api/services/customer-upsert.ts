// Writes a customer as the bank's systems send it (PUT /v1/customers/:id), with every consent change in the
// consent ledger in the same transaction. An opt-out stands until the customer (or a recorded consent change)
// lifts it: a bulk update carrying yesterday's consent must not text someone who said STOP.
import { actorName, type Principal } from './principal';
import type { Customer, Prisma } from '@prisma/client';
import type { Db } from '../../config/database';
import { CONTACT_CHANNELS } from '../../domain/vocabulary';
import { standingOptOuts, writeConsentChange, type ConsentChangeRecord } from './consent-ledger';
import { consentOptedOut } from '../../domain/errors/customer-errors';
import { requireProvisionedSegments } from './segments';
import type { CustomerBody } from '../../domain/customer-record';

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
  throw consentOptedOut(
    customerId,
    reEnabled.map((channel) => ({
      channel,
      source: optOuts.get(channel)!.source,
      at: optOuts.get(channel)!.at.toISOString(),
    })),
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
