// A case opened by hand from the customer page: the same start as POST /v1/cases (a manual signal, the
// playbook pinned, the case row written before its workflow starts and withdrawn if the start fails), after
// the checks that tell the agent why not: the customer is not their team's, already has an open case, or has
// no channel they consented to that the bank holds an address for.
import type { Customer } from '@prisma/client';
import type { Sql } from '../../config/sql';
import type { Db } from '../../config/database';
import { contactChannels } from '../../domain/contact-channel';
import { classifyDriver } from '../../domain/driver';
import type { ContactChannel, Tier } from '../../domain/vocabulary';
import type { CaseWorkflows } from '../case-workflows';
import { newCaseId } from '../case-workflows';
import { HttpError } from '../errors';
import { createPlaybookCatalog, type PlaybookCatalog } from '../playbook-catalog';
import { openCaseRow, withdrawUnstartedCase } from '../signal-store';
import { customerNotFound } from './customer-file';
import type { Viewer } from './customer-search';
import { fileCustomer } from './customer-file-sql';

export interface HandOpening {
  customerId: string;
  reason: string;
  playbookId?: string;
  note?: string;
  openedBy: string;
}

export const caseAlreadyOpen = (customerId: string, caseId: string) =>
  new HttpError(409, 'case_already_open', `customer ${customerId} already has an open case, ${caseId}: work that case (GET /v1/cases/${caseId}, or #/cases/${caseId} on the dashboard) instead of opening another`, [], { caseId, link: `/v1/cases/${caseId}` });

function requireConsentedChannel(c: Pick<Customer, 'id' | 'tier' | 'phone' | 'email' | 'preferredChannels' | 'consentSms' | 'consentEmail' | 'consentPhone' | 'timeZone'>): void {
  const consent = { sms: c.consentSms, email: c.consentEmail, phone: c.consentPhone };
  const profile = { id: c.id, tier: c.tier as Tier, assetsUnderManagement: 0, timeZone: c.timeZone, hasPhone: !!c.phone, hasEmail: !!c.email, preferredChannels: c.preferredChannels as ContactChannel[], consent };
  if (contactChannels(profile).length > 0) return;
  const state = (['sms', 'email', 'phone'] as const).map((ch) => `${ch}: ${!consent[ch] ? 'no consent' : (ch === 'email' ? c.email : c.phone) ? (c.preferredChannels.includes(ch) ? 'ok' : 'not a preferred channel') : 'no address'}`).join(', ');
  throw new HttpError(422, 'no_consented_channel', `customer ${c.id} cannot be contacted on any channel (${state}); record their consent (POST /v1/customers/${c.id}/consent) or their contact details first`);
}

async function startCase(sql: Sql, cases: CaseWorkflows, catalog: PlaybookCatalog, tier: Tier, o: HandOpening) {
  const signals = [{ signalId: `manual:${Date.now()}`, type: 'manual' as const, severity: 1, occurredAt: new Date().toISOString(), details: { reason: o.reason, note: o.note } }];
  const playbook = await catalog.pin(await catalog.newest(), { playbookId: o.playbookId, tier, driver: classifyDriver(signals) });
  const caseId = newCaseId();
  // Checked again here, atomically with the row: a case opened meanwhile by a signal wins.
  const { openCaseId } = await openCaseRow(sql, { caseId, customerId: o.customerId, reason: o.reason, playbook });
  if (openCaseId) throw caseAlreadyOpen(o.customerId, openCaseId);
  try {
    const opened = await cases.openCase({ caseId, customerId: o.customerId, reason: o.reason, playbookId: playbook.id, playbook, openedBy: o.openedBy, forceAction: true, signals });
    return { ...opened, stage: 'detected' as const, playbook };
  } catch (e) {
    await withdrawUnstartedCase(sql, caseId);
    throw e;
  }
}

export function createHandOpener(db: Db, sql: Sql, cases: CaseWorkflows) {
  const catalog = createPlaybookCatalog(sql);
  return async (viewer: Viewer, o: HandOpening) => {
    const visible = await fileCustomer(sql, o.customerId, viewer.team);
    if (!visible) throw customerNotFound(o.customerId, viewer);
    if (visible.openCaseId) throw caseAlreadyOpen(o.customerId, visible.openCaseId);
    const customer = await db.customer.findUniqueOrThrow({ where: { id: o.customerId } });
    requireConsentedChannel(customer);
    return startCase(sql, cases, catalog, customer.tier, o);
  };
}
