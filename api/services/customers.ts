// Customers as the bank's systems and agents change them: upserts and explicit consent changes, each told to
// the customer's open case (consent-ledger.ts), and the consent history.
import type { Customer } from '@prisma/client';
import type { Db } from '../../config/database';
import type { Logger } from '../../config/logger';
import type { AppDeps } from '../deps';
import type { Principal } from './principal';
import { customerNotFound } from '../../domain/errors/customer-errors';
import type { CustomerBody } from '../../domain/customer-record';
import { announceConsentChange, writeConsentChange, type ConsentChangeRecord } from './consent-ledger';
import { consentOf, upsertCustomer } from './customer-upsert';

type Deps = Pick<AppDeps, 'db' | 'cases'>;

// The customer as the API shows it.
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

export async function findCustomer(db: Db, customerId: string): Promise<Customer> {
  const customer = await db.customer.findUnique({ where: { id: customerId } });
  if (!customer) throw customerNotFound({ customerId });
  return customer;
}

// Tells each customer's open case of their consent changes (an import's, for customers that existed before).
export async function announceConsentChanges(
  { db, cases }: Deps,
  log: Logger,
  changes: ConsentChangeRecord[],
): Promise<void> {
  for (const change of changes) await announceConsentChange(db, cases, log, change);
}

// A new customer has no case to tell of its consent.
export async function putCustomer(
  { db, cases }: Deps,
  log: Logger,
  customerId: string,
  body: CustomerBody,
  by: Principal,
): Promise<{ stored: Customer; existed: boolean }> {
  const { stored, existed, changes } = await upsertCustomer(db, customerId, body, by);
  if (existed) await announceConsentChanges({ db, cases }, log, changes);
  return { stored, existed };
}

// An explicit consent change with its source: how a channel the customer opted out of is opened again (the
// customer asked the agent, or signed a form), and how an agent records an opt-out by phone.
export async function changeConsent({ db, cases }: Deps, log: Logger, change: ConsentChangeRecord): Promise<Customer> {
  const stored = await db.$transaction(async (tx) => {
    if (!(await tx.customer.findUnique({ where: { id: change.customerId }, select: { id: true } })))
      throw customerNotFound({ customerId: change.customerId });
    await writeConsentChange(tx, change);
    return tx.customer.findUniqueOrThrow({ where: { id: change.customerId } });
  });
  await announceConsentChange(db, cases, log, change);
  return stored;
}

// The customer's consent now and every change that led to it, oldest first.
export async function consentHistory(db: Db, customerId: string) {
  const customer = await findCustomer(db, customerId);
  const events = await db.consentEvent.findMany({ where: { customerId }, orderBy: { at: 'asc' } });
  return {
    customerId,
    consent: consentOf(customer),
    events: events.map((e) => ({
      channel: e.channel,
      granted: e.granted,
      source: e.source,
      actor: e.actor,
      note: e.note ?? undefined,
      at: e.at.toISOString(),
    })),
  };
}
