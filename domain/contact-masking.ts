// Contact addresses as people see them on screen: enough to tell which number or mailbox a message went to
// (a phone's country and last 3 digits, an email's first letter and domain), not enough to contact anyone
// from a screenshot or a look over the shoulder. Logs mask harder (config/logger.ts), with the same patterns.

// An email address, also percent-encoded (`%40`) as providers quote it in URLs; group 1 is the `@`.
export const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+(@|%40)([A-Za-z0-9-]+\.)+[A-Za-z]{2,}/gi;
// E.164, as customers' numbers are stored and as providers quote them (percent-encoded in a path too).
export const PHONE_PATTERN = /(\+|%2B)[1-9]\d{6,14}(?!\d)/gi;

const DOTS = '•••';

// ITU country codes by their first digits: 1 and 7 are one digit, these two-digit codes are whole codes,
// every other code is three digits. Enough to keep the country without a full numbering-plan table.
const TWO_DIGIT_CODES = new Set([
  '20',
  '27',
  '30',
  '31',
  '32',
  '33',
  '34',
  '36',
  '39',
  '40',
  '41',
  '43',
  '44',
  '45',
  '46',
  '47',
  '48',
  '49',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '57',
  '58',
  '60',
  '61',
  '62',
  '63',
  '64',
  '65',
  '66',
  '81',
  '82',
  '84',
  '86',
  '90',
  '91',
  '92',
  '93',
  '94',
  '95',
  '98',
]);

function countryCode(digits: string): string {
  if (digits.startsWith('1') || digits.startsWith('7')) return digits.slice(0, 1);
  return TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? digits.slice(0, 2) : digits.slice(0, 3);
}

// "+447700900123" → "+44 ••• ••• 123". A number without its country (no +) keeps only the last 3 digits.
export function maskPhone(phone: string): string {
  const trimmed = phone.trim().replace(/^%2B/i, '+');
  const international = trimmed.startsWith('+') || trimmed.startsWith('00');
  const digits = trimmed.replace(/\D/g, '').slice(trimmed.startsWith('00') ? 2 : 0);
  // Too short to hide anything by showing 3 digits.
  if (digits.length < 7) return `${DOTS} ${DOTS}`;
  const last = digits.slice(-3);
  return international ? `+${countryCode(digits)} ${DOTS} ${DOTS} ${last}` : `${DOTS} ${DOTS} ${last}`;
}

// "ana.garcia@example.com" → "a•••@example.com".
export function maskEmail(email: string): string {
  const match = /^(.*?)(@|%40)(.+)$/i.exec(email.trim());
  if (!match) return DOTS;
  return `${match[1]!.slice(0, 1)}${DOTS}@${match[3]}`;
}

// Either kind of address, told apart by its @.
export function maskAddress(address: string): string {
  return /@|%40/i.test(address) ? maskEmail(address) : maskPhone(address);
}

// Every address inside free text (a provider's error, a customer's reply) masked as above.
export function maskContactsInText(text: string): string {
  return text.replace(EMAIL_PATTERN, (m) => maskEmail(m)).replace(PHONE_PATTERN, (m) => maskPhone(m));
}
