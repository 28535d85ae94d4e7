// A case opened by hand from the customer page: the checks that tell the agent why not (the customer is not
// their team's, already has an open case, or has no channel they consented to that the bank holds an address
// for), then the same start as POST /v1/cases (case-opening.ts).
import type { Customer } from '@prisma/client';
import type { Db } from '../../config/database';
import { contactChannels } from '../../domain/contact-channel';
import type { ContactChannel, Tier } from '../../domain/vocabulary';
import type { AppDeps } from '../deps';
import { caseAlreadyOpenToWork } from '../../domain/errors/case-errors';
import { noConsentedChannel, type ChannelState } from '../../domain/errors/customer-errors';
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

type Reachable = Pick<
  Customer,
  'id' | 'tier' | 'phone' | 'email' | 'preferredChannels' | 'consentSms' | 'consentEmail' | 'consentPhone' | 'timeZone'
>;

// Each channel's state: sms no_consent, email no_address, phone ok.
function channelStates(c: Reachable, consent: Record<ContactChannel, boolean>): Record<ContactChannel, ChannelState> {
  const state = (ch: ContactChannel): ChannelState => {
    if (!consent[ch]) return 'no_consent';
    if (!(ch === 'email' ? c.email : c.phone)) return 'no_address';
    return c.preferredChannels.includes(ch) ? 'ok' : 'not_preferred';
  };
  return { sms: state('sms'), email: state('email'), phone: state('phone') };
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
  throw noConsentedChannel({ customerId: c.id, channels: channelStates(c, consent) });
}

async function reachableCustomer(db: Db, customerId: string): Promise<Reachable> {
  return db.customer.findUniqueOrThrow({ where: { id: customerId } });
}

export function createHandOpener(deps: Pick<AppDeps, 'db' | 'sql' | 'cases'>) {
  const openCaseByHand = createCaseOpening(deps);
  return async (viewer: Viewer, o: HandOpening) => {
    const visible = await fileCustomer(deps.sql, o.customerId, viewer.team);
    if (!visible) throw customerNotFound(o.customerId, viewer);
    if (visible.openCaseId) throw caseAlreadyOpenToWork(o.customerId, visible.openCaseId);
    requireConsentedChannel(await reachableCustomer(deps.db, o.customerId));
    // A case opened meanwhile (by a signal) still wins: the start refuses with 409 and that case's id.
    return openCaseByHand(
      { customerId: o.customerId, reason: o.reason, playbookId: o.playbookId, note: o.note },
      o.openedBy,
    );
  };
}
