// Checks the contact policy against the customer's current consent and every contact made to them across
// all cases. Runs before each send or call, so an opt-out received mid-case is honoured at once: as its own
// local activity for a call, inside the send itself for a message.
import { decideContact, type ContactPolicy } from '../domain/contact-policy';
import { AGENT_CONTACT_PURPOSE } from '../domain/quota-day';
import type { ContactChannel } from '../domain/vocabulary';
import { cappedContactAt, countsAgainstCap } from './capped-contacts-sql';
import type { Sql } from '../config/sql';
import type { ActivityDeps } from './deps';

export type PolicyAnswer =
  | { action: 'contact' }
  | { action: 'skip'; reason: 'no_consent' }
  | { action: 'defer'; reason: 'quiet_hours' | 'frequency_cap'; until: string };
// What stops a contact for now: no consent (skip the channel) or quiet hours / the frequency cap (try later).
export type PolicyHold = Exclude<PolicyAnswer, { action: 'contact' }>;

export interface PolicyQuestion {
  customerId: string;
  channel: ContactChannel;
  policy: ContactPolicy;
  purpose: 'contact' | 'survey';
}

// The answer for one contact. With `attemptKey` (a send checking for itself) the answer is 'claimed' when that
// attempt was already claimed: an earlier try of the send passed the check, and the message may be out, so
// it must not be held now (its own contact would count against the cap).
export async function contactPolicyAnswer(
  sql: Sql,
  q: PolicyQuestion,
  attemptKey?: string,
): Promise<PolicyAnswer | 'claimed'> {
  // The customer's consent and time zone, with every contact that counts against the cap
  // (activities/capped-contacts-sql.ts), in one statement.
  const { rows } = await sql.query<{
    consent_sms: boolean;
    consent_email: boolean;
    consent_phone: boolean;
    time_zone: string;
    previous: Date[];
    claimed: boolean;
  }>({
    name: 'contact-policy',
    text: `SELECT c.consent_sms, c.consent_email, c.consent_phone, c.time_zone,
        COALESCE((SELECT array_agg(${cappedContactAt}) FROM contact_attempts ca
          WHERE ca.customer_id = c.id AND ${countsAgainstCap('$2')}), '{}') AS previous,
        EXISTS (SELECT 1 FROM contact_attempts WHERE key = $3) AS claimed
      FROM customers c WHERE c.id = $1`,
    values: [q.customerId, AGENT_CONTACT_PURPOSE, attemptKey ?? null],
  });
  const customer = rows[0];
  if (!customer) throw new Error(`customer ${q.customerId} does not exist`);
  if (customer.claimed) return 'claimed';
  const consent = { sms: customer.consent_sms, email: customer.consent_email, phone: customer.consent_phone }[
    q.channel
  ];
  const decision = decideContact(
    new Date(),
    { channel: q.channel, timeZone: customer.time_zone, consent, previousContacts: customer.previous },
    q.policy,
    {
      applyCap: q.purpose === 'contact',
    },
  );
  return decision.action === 'defer' ? { ...decision, until: decision.until.toISOString() } : decision;
}

export function createContactPolicyCheck(deps: ActivityDeps) {
  return {
    async checkContactPolicy(req: PolicyQuestion): Promise<PolicyAnswer> {
      return (await contactPolicyAnswer(deps.sql, req)) as PolicyAnswer;
    },
  };
}
