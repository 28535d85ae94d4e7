// A case opened by hand from the customer page: the checks that tell the agent why not (the customer is not
// their team's, already has an open case, or has no channel they consented to that the bank holds an address
// for), then the same start as POST /v1/cases (case-opening.ts).
import type { Customer } from '@prisma/client';
import type { Db } from '../../config/database';
import { contactChannels } from '../../domain/contact-channel';
import type { ContactChannel, Tier } from '../../domain/vocabulary';
import type { AppDeps } from '../deps';
import { HttpError } from '../http/errors';
import { createCaseOpening } from './case-opening';
import { customerNotFound } from './customer-file';
import { fileCustomer } from './customer-file-sql';
import type { Viewer } from './customer-search';

interface HandOpening {
  customerId: string;
  reason: string;
  playbookId?: string;
  note?: string;
  openedBy: string;
}

const caseAlreadyOpen = (customerId: string, caseId: string) =>
  new HttpError(
    409,
    'case_already_open',
    `customer ${customerId} already has an open case, ${caseId}: work that case (GET /v1/cases/${caseId}, or #/cases/${caseId} on the dashboard) instead of opening another`,
    [],
    { caseId, link: `/v1/cases/${caseId}` },
  );

type Reachable = Pick<
  Customer,
  'id' | 'tier' | 'phone' | 'email' | 'preferredChannels' | 'consentSms' | 'consentEmail' | 'consentPhone' | 'timeZone'
>;

// Each channel's state in words: "sms: no consent, email: no address, phone: ok".
function channelStates(c: Reachable, consent: Record<ContactChannel, boolean>): string {
  const state = (ch: ContactChannel) => {
    if (!consent[ch]) return 'no consent';
    if (!(ch === 'email' ? c.email : c.phone)) return 'no address';
    return c.preferredChannels.includes(ch) ? 'ok' : 'not a preferred channel';
  };
  return (['sms', 'email', 'phone'] as const).map((ch) => `${ch}: ${state(ch)}`).join(', ');
}

function requireConsentedChannel(c: Reachable): void {
  const consent = { sms: c.consentSms, email: c.consentEmail, phone: c.consentPhone };
  const profile = {
    id: c.id,
    tier: c.tier as Tier,
    assetsUnderManagement: 0,
    timeZone: c.timeZone,
    hasPhone: !!c.phone,
    hasEmail: !!c.email,
    preferredChannels: c.preferredChannels as ContactChannel[],
    consent,
  };
  if (contactChannels(profile).length > 0) return;
  throw new HttpError(
    422,
    'no_consented_channel',
    `customer ${c.id} cannot be contacted on any channel (${channelStates(c, consent)}); record their consent (POST /v1/customers/${c.id}/consent) or their contact details first`,
  );
}

async function reachableCustomer(db: Db, customerId: string): Promise<Reachable> {
  return db.customer.findUniqueOrThrow({ where: { id: customerId } });
}

export function createHandOpener(deps: Pick<AppDeps, 'db' | 'sql' | 'cases'>) {
  const openCaseByHand = createCaseOpening(deps);
  return async (viewer: Viewer, o: HandOpening) => {
    const visible = await fileCustomer(deps.sql, o.customerId, viewer.team);
    if (!visible) throw customerNotFound(o.customerId, viewer);
    if (visible.openCaseId) throw caseAlreadyOpen(o.customerId, visible.openCaseId);
    requireConsentedChannel(await reachableCustomer(deps.db, o.customerId));
    // A case opened meanwhile (by a signal) still wins: the start refuses with 409 and that case's id.
    return openCaseByHand(
      { customerId: o.customerId, reason: o.reason, playbookId: o.playbookId, note: o.note },
      o.openedBy,
    );
  };
}
