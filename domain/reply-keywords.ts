// What a customer's SMS reply means for their consent. Chinese operators and customers opt out with 退订
// (unsubscribe), TD or T (its pinyin initials), as well as the English words carriers recognise; 订阅 or START
// opts back in. The words are matched on the whole reply, trimmed, case-insensitive and with full-width
// letters folded (ＴＤ is TD), so a sentence that merely contains "stop" is not an opt-out.
export type ConsentKeyword = 'opt_out' | 'opt_in';

const OPT_OUT = new Set([
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'OPTOUT',
  'REVOKE',
  '退订',
  'TD',
  'T',
]);
const OPT_IN = new Set(['START', 'UNSTOP', 'YES', 'OPTIN', '订阅']);

// Full-width ASCII (U+FF01–U+FF5E) to its half-width form, then trailing punctuation of either width dropped.
function normaliseReply(body: string): string {
  return body
    .normalize('NFKC')
    .trim()
    .replace(/[\s.!。！]+$/u, '')
    .toUpperCase();
}

export function consentKeyword(body: string): ConsentKeyword | undefined {
  const word = normaliseReply(body);
  if (OPT_OUT.has(word)) return 'opt_out';
  if (OPT_IN.has(word)) return 'opt_in';
  return undefined;
}
