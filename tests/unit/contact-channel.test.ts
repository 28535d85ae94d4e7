import { contactChannels, surveyChannel } from '../../domain/contact-channel';
import type { CustomerProfile } from '../../domain/customer';

const customer = (overrides: Partial<CustomerProfile> = {}): CustomerProfile => ({
  id: 'c',
  tier: 'mass',
  assetsUnderManagement: 0,
  timeZone: 'Europe/Madrid',
  hasPhone: true,
  hasEmail: true,
  preferredChannels: ['phone', 'sms', 'email'],
  consent: { sms: true, email: true, phone: true },
  ...overrides,
});

describe('contact channels', () => {
  test('the customer preference order is kept', () => {
    expect(contactChannels(customer())).toEqual(['phone', 'sms', 'email']);
  });

  test('channels without consent or without the contact detail are dropped', () => {
    expect(contactChannels(customer({ consent: { sms: false, email: true, phone: true } }))).toEqual([
      'phone',
      'email',
    ]);
    expect(contactChannels(customer({ hasPhone: false }))).toEqual(['email']);
    expect(contactChannels(customer({ hasEmail: false, hasPhone: false }))).toEqual([]);
  });

  test('a survey is never a phone call', () => {
    expect(surveyChannel(customer())).toBe('sms');
    expect(surveyChannel(customer({ preferredChannels: ['phone'] }))).toBeUndefined();
  });
});
