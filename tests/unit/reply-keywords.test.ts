// What a customer's SMS reply means for consent: Chinese and English opt-out and opt-in words, matched on the
// whole reply (full-width letters and trailing punctuation forgiven), never inside a sentence.
import { consentKeyword } from '../../domain/reply-keywords';

test.each(['退订', 'TD', 'td', 'T', 't', 'STOP', 'Stop', 'UNSUBSCRIBE', ' 退订 ', 'ＴＤ', '退订。', 'STOP!'])(
  '%s opts out of SMS',
  (reply) => expect(consentKeyword(reply)).toBe('opt_out'),
);
test.each(['订阅', 'START', 'start'])('%s opts back in', (reply) => expect(consentKeyword(reply)).toBe('opt_in'));
test.each(['please stop calling me at work', '我不想退订', 'TDX', '8', '', 'Thanks'])('%s is not a keyword', (reply) =>
  expect(consentKeyword(reply)).toBeUndefined(),
);
