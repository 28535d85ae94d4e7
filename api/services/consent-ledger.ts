// The consent ledger: every opt-in and opt-out is an event with its source, written in the same transaction
// as the customer's current consent, and shown on the customer's open case timeline.
import type { Prisma } from '@prisma/client';
import type { Db } from '../../config/database';
import type { Logger } from '../../config/logger';
import type { ContactChannel } from '../../domain/vocabulary';
import { consentChangedSignal } from '../../workflows/messages';
import type { CaseWorkflows } from './case-workflows';
import { stampAuditKey } from './audit-log';

const CONSENT_SOURCES = ['sms_keyword', 'api', 'agent', 'import'] as const;
type ConsentSource = (typeof CONSENT_SOURCES)[number];

export interface ConsentChangeRecord {
  customerId: string;
  channel: ContactChannel;
  granted: boolean;
  source: ConsentSource;
  actor: string;
  // The API key that made the change, stamped on its audit entry (none for an SMS keyword).
  keyId?: string;
  address?: string;
  note?: string;
}

const COLUMN = { sms: 'consentSms', email: 'consentEmail', phone: 'consentPhone' } as const;

export async function writeConsentChange(tx: Prisma.TransactionClient, change: ConsentChangeRecord): Promise<void> {
  await stampAuditKey(tx, change.keyId);
  await tx.customer.update({ where: { id: change.customerId }, data: { [COLUMN[change.channel]]: change.granted } });
  await tx.consentEvent.create({
    data: {
      customerId: change.customerId,
      channel: change.channel,
      granted: change.granted,
      source: change.source,
      actor: change.actor,
      address: change.address,
      note: change.note,
    },
  });
}

// The latest opt-out of each channel whose customer has not opted in since: a PUT may not undo these.
export async function standingOptOuts(
  db: Db | Prisma.TransactionClient,
  customerId: string,
): Promise<Map<string, { source: string; at: Date }>> {
  const events = await db.consentEvent.findMany({ where: { customerId }, orderBy: { at: 'asc' } });
  const standing = new Map<string, { source: string; at: Date }>();
  for (const e of events) {
    if (e.granted) standing.delete(e.channel);
    else standing.set(e.channel, { source: e.source, at: e.at });
  }
  return standing;
}

// Tells the customer's open case, if any (best effort: the ledger is the record; the timeline mirrors it).
export async function announceConsentChange(
  db: Db,
  cases: CaseWorkflows,
  logger: Logger,
  change: ConsentChangeRecord,
): Promise<void> {
  const open = await db.case.findFirst({
    where: { customerId: change.customerId, status: 'open' },
    select: { workflowId: true, runId: true },
  });
  if (!open) return;
  await cases
    .signal(open, consentChangedSignal, {
      channel: change.channel,
      granted: change.granted,
      source: change.source,
      actor: change.actor,
    })
    .catch((e) =>
      logger.warn('consent change not shown on the case timeline', { customerId: change.customerId, error: String(e) }),
    );
}
