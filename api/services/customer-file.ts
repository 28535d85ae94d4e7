// A customer's file (GET /v1/customers/:id/file): profile, consent and its ledger, their cases with outcomes,
// and the contacts inside the frequency cap's window, so an agent knows the customer before calling.
import type { Sql } from '../../config/sql';
import { contactPolicySchema } from '../../domain/contact-policy';
import { maskContactsInText } from '../../domain/contact-masking';
import { durationMs } from '../../domain/duration';
import { customerNotFound as noCustomer, customerNotInTeam } from '../../domain/errors/customer-errors';
import { contactDetailsFor } from './contact-details';
import type { Viewer } from './customer-search';
import { casesOfCustomer, consentLedger, contactsSince, fileCustomer, type FileCustomerRow } from './customer-file-sql';

// The viewer's own words for "not yours": an agent learns why, without learning whether the customer exists.
export function customerNotFound(customerId: string, viewer: Viewer) {
  return viewer.team ? customerNotInTeam({ customerId, teamId: viewer.team }) : noCustomer({ customerId });
}

function profile(c: FileCustomerRow, viewer: Viewer) {
  return {
    customerId: c.id,
    name: c.name,
    tier: c.tier,
    segment: c.segment,
    lifecycleStage: c.lifecycleStage,
    assetsUnderManagement: c.assets,
    timeZone: c.timeZone,
    locale: c.locale,
    salutation: c.salutation,
    preferredChannels: c.preferredChannels,
    contact: contactDetailsFor(viewer.agentId, c.openAgentId, c.phone, c.email),
  };
}

export async function customerFile(sql: Sql, customerId: string, viewer: Viewer, now: Date) {
  const customer = await fileCustomer(sql, customerId, viewer.team);
  if (!customer) throw customerNotFound(customerId, viewer);
  // The cap of the customer's latest case's playbook; the policy's default for a customer without one.
  const cap =
    contactPolicySchema.shape.frequencyCap.safeParse(customer.frequencyCap ?? undefined).data ??
    contactPolicySchema.parse({}).frequencyCap;
  const since = new Date(now.getTime() - durationMs(cap.window));
  const [ledger, cases, contacts] = await Promise.all([
    consentLedger(sql, customerId),
    casesOfCustomer(sql, customerId, viewer.team),
    contactsSince(sql, customerId, since),
  ]);
  return {
    customer: profile(customer, viewer),
    consent: {
      current: { sms: customer.consentSms, email: customer.consentEmail, phone: customer.consentPhone },
      ledger,
    },
    openCaseId: customer.openCaseId,
    cases,
    contactsInCapWindow: {
      window: cap.window,
      maxContacts: cap.maxContacts,
      since: since.toISOString(),
      left: Math.max(0, cap.maxContacts - contacts.length),
      contacts: contacts.map((x) => ({ ...x, note: x.note && maskContactsInText(x.note) })),
    },
  };
}
