import { maskAddress, maskContactsInText, maskEmail, maskPhone } from '../../domain/contact-masking';

test('a phone keeps its country code and last 3 digits', () => {
  expect(maskPhone('+447700900123')).toBe('+44 ••• ••• 123');
  expect(maskPhone('+14155550123')).toBe('+1 ••• ••• 123');
  expect(maskPhone('+34600111001')).toBe('+34 ••• ••• 001');
  expect(maskPhone('+353871234567')).toBe('+353 ••• ••• 567');
  expect(maskPhone('00447700900123')).toBe('+44 ••• ••• 123');
  expect(maskPhone('%2B447700900123')).toBe('+44 ••• ••• 123');
  // Without a country, only the last digits; too short a number shows none.
  expect(maskPhone('07700 900123')).toBe('••• ••• 123');
  expect(maskPhone('12345')).toBe('••• •••');
});

test('an email keeps its first letter and domain', () => {
  expect(maskEmail('ana.garcia@example.com')).toBe('a•••@example.com');
  expect(maskEmail('not-an-email')).toBe('•••');
  expect(maskAddress('ben@bank.co.uk')).toBe('b•••@bank.co.uk');
  expect(maskAddress('+447700900123')).toBe('+44 ••• ••• 123');
});

test('addresses inside free text are masked, other numbers are not', () => {
  expect(maskContactsInText('To +34600111001 failed; ana.garcia@example.com rejected; case 1200000 at 10:08')).toBe(
    'To +34 ••• ••• 001 failed; a•••@example.com rejected; case 1200000 at 10:08',
  );
});
