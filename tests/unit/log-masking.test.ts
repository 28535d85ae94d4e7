import { createLogger, maskContactDetails } from '../../config/logger';

test('phone numbers keep their last two digits and emails their domain; times, ids and amounts are untouched', () => {
  expect(maskContactDetails('To +34600111001 failed; rejected: ana.garcia@example.com')).toBe(
    'To +***01 failed; rejected: ***@example.com',
  );
  const plain =
    '{"time":"2026-11-30T10:08:19.446Z","caseId":"case-1a2b3c4d","amount":1200000,"key":"retention-case/cust-1001:contact:1"}';
  expect(maskContactDetails(plain)).toBe(plain);
});

test('every field of a log line is masked, nested ones included', () => {
  const lines: string[] = [];
  const logger = createLogger('info', {}, (line) => lines.push(line));
  logger.warn('send failed', {
    error: "The 'To' number +447700900002 is not a valid phone number",
    detail: { email: 'ben.okafor@example.com' },
  });
  expect(lines[0]).not.toMatch(/447700900002|ben\.okafor/);
  expect(JSON.parse(lines[0]!)).toMatchObject({
    error: "The 'To' number +***02 is not a valid phone number",
    detail: { email: '***@example.com' },
  });
});

test('URL-encoded contact details are masked too, whichever case the encoding takes', () => {
  expect(maskContactDetails('GET /v1/customers?phone=%2B34600111001&email=ana.garcia%40example.com')).toBe(
    'GET /v1/customers?phone=+***01&email=***@example.com',
  );
  expect(maskContactDetails('path=/x?to=%2b447700900002')).toBe('path=/x?to=+***02');
});
