// Checks the contact policy against the customer's current consent and every contact made to them across
// all cases. Runs before each send or call, so an opt-out received mid-case is honoured at once.
import { decideContact, type ContactPolicy } from '../domain/contact-policy';
import { AGENT_CONTACT_PURPOSE } from '../domain/quota-day';
import type { ContactChannel } from '../domain/vocabulary';
import type { ActivityDeps } from './deps';

export type PolicyAnswer = { action: 'contact' } | { action: 'skip'; reason: 'no_consent' } | { action: 'defer'; reason: 'quiet_hours' | 'frequency_cap'; until: string };

export function createContactPolicyCheck({ db }: ActivityDeps) {
  return {
    async checkContactPolicy(req: { customerId: string; channel: ContactChannel; policy: ContactPolicy; purpose: 'contact' | 'survey' }): Promise<PolicyAnswer> {
      const customer = await db.customer.findUniqueOrThrow({ where: { id: req.customerId } });
      const consent = { sms: customer.consentSms, email: customer.consentEmail, phone: customer.consentPhone }[req.channel];
      // A contact is a retention message that went out (the provider took it and did not report it
      // undelivered) or a call an agent recorded. Refused and never-sent messages do not count.
      const previous = await db.contactAttempt.findMany({
        where: {
          customerId: req.customerId,
          OR: [
            { purpose: 'contact', status: 'sent', OR: [{ deliveryStatus: null }, { deliveryStatus: { notIn: ['undelivered', 'failed'] } }] },
            { purpose: AGENT_CONTACT_PURPOSE, channel: { in: ['phone', 'visit'] } },
          ],
        },
        select: { createdAt: true, sentAt: true },
      });
      const decision = decideContact(
        new Date(),
        { channel: req.channel, timeZone: customer.timeZone, consent, previousContacts: previous.map((p) => p.sentAt ?? p.createdAt) },
        req.policy,
        { applyCap: req.purpose === 'contact' },
      );
      return decision.action === 'defer' ? { ...decision, until: decision.until.toISOString() } : decision;
    },
  };
}
