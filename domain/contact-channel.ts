// Which channel to reach the customer on: their preference order, kept only where they consented and
// where the bank holds the contact detail the channel needs.
import type { CustomerProfile } from './customer';
import type { ContactChannel } from './vocabulary';

export function canUseChannel(customer: CustomerProfile, channel: ContactChannel): boolean {
  if (!customer.consent[channel]) return false;
  return channel === 'email' ? customer.hasEmail : customer.hasPhone;
}

export function contactChannels(customer: CustomerProfile): ContactChannel[] {
  return customer.preferredChannels.filter((c, i, all) => all.indexOf(c) === i && canUseChannel(customer, c));
}

// Surveys go out by message only: a phone call is not a survey.
export function surveyChannel(customer: CustomerProfile): 'sms' | 'email' | undefined {
  return contactChannels(customer).find((c): c is 'sms' | 'email' => c !== 'phone');
}
