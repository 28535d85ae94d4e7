// How many parts an SMS takes. A text in the GSM-7 alphabet fits 160 characters in one part and 153 in each
// part of a longer one; any other character (every Chinese one) makes the whole text UCS-2: 70 in one part, 67
// per part. Twilio's own calculator does the counting, extension characters (€, [, …) included.
import { SegmentedMessage } from 'sms-segments-calculator';

type SmsEncoding = 'GSM-7' | 'UCS-2';
export interface SmsLength {
  encoding: SmsEncoding;
  parts: number;
  characters: number;
}

// A long message costs the bank per part and arrives out of order on some phones: ten parts at most.
export const MAX_SMS_PARTS = 10;

export function smsLength(text: string): SmsLength {
  const message = new SegmentedMessage(text, 'auto');
  return {
    encoding: message.encodingName === 'GSM-7' ? 'GSM-7' : 'UCS-2',
    parts: message.segmentsCount,
    characters: message.numberOfCharacters,
  };
}
