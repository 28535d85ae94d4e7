// An SMS's parts follow its encoding: GSM-7 fits 160 characters in one part and 153 per part of a long one;
// a single character outside GSM-7 (every Chinese one) makes it UCS-2, 70 in one part and 67 per part.
import { smsLength } from '../../domain/sms-length';

test.each([
  ['a'.repeat(160), 'GSM-7', 1],
  ['a'.repeat(161), 'GSM-7', 2],
  ['a'.repeat(306), 'GSM-7', 2],
  ['a'.repeat(307), 'GSM-7', 3],
  ['您'.repeat(70), 'UCS-2', 1],
  ['您'.repeat(71), 'UCS-2', 2],
  ['您'.repeat(134), 'UCS-2', 2],
  ['您'.repeat(135), 'UCS-2', 3],
  [`${'a'.repeat(69)}您`, 'UCS-2', 1],
  [`${'a'.repeat(70)}您`, 'UCS-2', 2],
])('%#: %s characters', (text, encoding, parts) => {
  expect(smsLength(text)).toMatchObject({ encoding, parts });
});
