// SMS through the Twilio SDK. In dev and tests the SDK talks to the local Twilio-shaped sink.
import twilio from 'twilio';
import { classifyTwilioError, ProviderError } from './provider-errors';

interface SentSms {
  providerId: string;
  status: string;
}

export interface SmsSender {
  // Throws ProviderError, whose failure says whether the message was refused, not sent, or unknown.
  send(to: string, body: string, options?: { statusCallback?: string }): Promise<SentSms>;
  // A message to this number with this body created at or after `since`, if the provider has one: how a send
  // whose outcome is unknown is settled without texting the customer twice.
  findSent(to: string, body: string, since: Date): Promise<SentSms | undefined>;
}

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  from: string;
  // A Twilio-compatible host (the local sink); unset means Twilio itself.
  apiBaseUrl?: string;
  // Per request; past it the outcome of a create is unknown.
  timeoutMs?: number;
}

export function createTwilioSms(options: TwilioOptions): SmsSender {
  const client = twilio(options.accountSid, options.authToken, { timeout: options.timeoutMs ?? 10_000 });
  if (options.apiBaseUrl) client.api.baseUrl = options.apiBaseUrl;
  return {
    async send(to, body, { statusCallback } = {}) {
      try {
        const message = await client.messages.create({
          to,
          from: options.from,
          body,
          ...(statusCallback ? { statusCallback } : {}),
        });
        return { providerId: message.sid, status: message.status };
      } catch (e) {
        throw new ProviderError(classifyTwilioError(e));
      }
    },
    async findSent(to, body, since) {
      try {
        // Twilio filters DateSent by day; the exact time is checked here.
        const day = new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), since.getUTCDate()));
        const messages = await client.messages.list({ to, from: options.from, dateSentAfter: day, limit: 200 });
        const match = messages.find(
          (m) => m.body === body && (m.dateCreated ?? m.dateSent ?? new Date(0)).getTime() >= since.getTime() - 1_000,
        );
        return match ? { providerId: match.sid, status: match.status } : undefined;
      } catch (e) {
        throw new ProviderError({ ...classifyTwilioError(e), kind: 'unknown' });
      }
    },
  };
}

// A deployment without Twilio (email and calls only): every SMS is refused for this channel, so a case falls
// back to the customer's next channel at once, with the reason on its timeline.
export const smsNotConfigured: SmsSender = {
  async send() {
    throw new ProviderError({
      kind: 'rejected',
      code: 'sms_not_configured',
      message: 'SMS is not configured in this deployment (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM)',
    });
  },
  async findSent() {
    return undefined;
  },
};
