// Checks the contact policy against the customer's current consent and every contact made to them across
// all cases. Runs before each send or call, so an opt-out received mid-case is honoured at once.
import { decideContact, type ContactPolicy } from '../domain/contact-policy';
import { AGENT_CONTACT_PURPOSE } from '../domain/quota-day';
import type { ContactChannel } from '../domain/vocabulary';
import type { ActivityDeps } from './deps';
import { recordCaseEvents, type RecordedEvents } from './case-store';

export type PolicyAnswer = { action: 'contact' } | { action: 'skip'; reason: 'no_consent' } | { action: 'defer'; reason: 'quiet_hours' | 'frequency_cap'; until: string };

export function createContactPolicyCheck(deps: ActivityDeps) {
  const { sql } = deps;
  return {
    // `recorded`: the step's events before it, written first (EVENTS_WITH_NEXT_CALL_PATCH).
    async checkContactPolicy(req: { customerId: string; channel: ContactChannel; policy: ContactPolicy; purpose: 'contact' | 'survey'; recorded?: RecordedEvents }): Promise<PolicyAnswer> {
      if (req.recorded) await recordCaseEvents(deps, req.recorded);
      // The customer's consent and time zone, with every contact that counts against the cap, in one statement.
      // A contact is a retention message that went out (the provider took it and did not report it
      // undelivered) or a call or visit an agent recorded. Refused and never-sent messages do not count.
      const { rows } = await sql.query<{ consent_sms: boolean; consent_email: boolean; consent_phone: boolean; time_zone: string; previous: Date[] }>({
        name: 'contact-policy',
        text: `SELECT c.consent_sms, c.consent_email, c.consent_phone, c.time_zone,
            COALESCE((SELECT array_agg(COALESCE(ca.sent_at, ca.created_at)) FROM contact_attempts ca
              WHERE ca.customer_id = c.id AND (
                (ca.purpose = 'contact' AND ca.status = 'sent' AND (ca.delivery_status IS NULL OR ca.delivery_status NOT IN ('undelivered', 'failed')))
                OR (ca.purpose = $2 AND ca.channel IN ('phone', 'visit')))), '{}') AS previous
          FROM customers c WHERE c.id = $1`,
        values: [req.customerId, AGENT_CONTACT_PURPOSE],
      });
      const customer = rows[0];
      if (!customer) throw new Error(`customer ${req.customerId} does not exist`);
      const consent = { sms: customer.consent_sms, email: customer.consent_email, phone: customer.consent_phone }[req.channel];
      const decision = decideContact(
        new Date(),
        { channel: req.channel, timeZone: customer.time_zone, consent, previousContacts: customer.previous },
        req.policy,
        { applyCap: req.purpose === 'contact' },
      );
      return decision.action === 'defer' ? { ...decision, until: decision.until.toISOString() } : decision;
    },
  };
}
