// Which channel to reach the customer on: their preference order, kept only where they consented and
// where the bank holds the contact detail the channel needs.
import type { CustomerProfile } from './customer';
import type { ContactChannel } from './vocabulary';

function canUseChannel(customer: CustomerProfile, channel: ContactChannel): boolean {
  if (!customer.consent[channel]) return false;
  return channel === 'email' ? customer.hasEmail : customer.hasPhone;
}

export function contactChannels(customer: CustomerProfile): ContactChannel[] {
  return customer.preferredChannels.filter((c, i, all) => all.indexOf(c) === i && canUseChannel(customer, c));
}

// High-value customers get their agent's call first when they accept calls; the rest keep their order.
export function contactChannelOrder(customer: CustomerProfile): ContactChannel[] {
  const channels = contactChannels(customer);
  if (customer.tier !== 'premier' || !channels.includes('phone')) return channels;
  return ['phone', ...channels.filter((c) => c !== 'phone')];
}

// Surveys go out by message only: a phone call is not a survey.
export function surveyChannel(customer: CustomerProfile): 'sms' | 'email' | undefined {
  return contactChannels(customer).find((c): c is 'sms' | 'email' => c !== 'phone');
}
