// SMS through the Twilio SDK. In dev and tests the SDK talks to the local Twilio-shaped sink.
import twilio from 'twilio';

export interface SmsSender {
  send(to: string, body: string): Promise<{ providerId: string; status: string }>;
}

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  from: string;
  // A Twilio-compatible host (the local sink); unset means Twilio itself.
  apiBaseUrl?: string;
}

export function createTwilioSms(options: TwilioOptions): SmsSender {
  const client = twilio(options.accountSid, options.authToken);
  if (options.apiBaseUrl) client.api.baseUrl = options.apiBaseUrl;
  return {
    async send(to, body) {
      const message = await client.messages.create({ to, from: options.from, body });
      return { providerId: message.sid, status: message.status };
    },
  };
}
