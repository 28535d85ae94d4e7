// A customer's phone and email on screen: in full only to the agent working the customer's open case (who
// needs them to call), masked for everyone else (domain/contact-masking.ts): enough to recognise a number
// the customer reads out, not enough to contact them from a screenshot.
import { maskEmail, maskPhone } from '../../domain/contact-masking';

export interface ContactDetails {
  phone: string | null;
  email: string | null;
  shown: 'full' | 'masked';
}

export function contactDetailsFor(
  viewerAgentId: string | undefined,
  openCaseAgentId: string | null,
  phone: string | null,
  email: string | null,
): ContactDetails {
  if (viewerAgentId !== undefined && viewerAgentId === openCaseAgentId) return { phone, email, shown: 'full' };
  return { phone: phone && maskPhone(phone), email: email && maskEmail(email), shown: 'masked' };
}
