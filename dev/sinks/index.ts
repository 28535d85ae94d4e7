// The three local sinks behind one outbox, and the environment that points the real clients at them.
import { Outbox } from './outbox';
import { startCrmSink, type CrmSink } from './crm-sink';
import { startSmtpSink, type SmtpFaults } from './smtp-sink';
import { startTwilioSink, type TwilioSinkOptions } from './twilio-sink';

const DEV_TWILIO = {
  accountSid: 'AC0000000000000000000000000000dev1',
  authToken: 'dev-twilio-auth-token',
  from: '+15005550006',
};

export interface LocalSinks {
  outbox: Outbox;
  twilio: TwilioSinkOptions;
  crm: CrmSink;
  smtp: { faults: SmtpFaults };
  env: {
    TWILIO_ACCOUNT_SID: string;
    TWILIO_AUTH_TOKEN: string;
    TWILIO_FROM: string;
    TWILIO_API_BASE_URL: string;
    SMTP_URL: string;
    CRM_BASE_URL: string;
  };
  close(): Promise<void>;
}

export async function startLocalSinks(
  ports: { smtp?: number; twilio?: number; crm?: number } = {},
): Promise<LocalSinks> {
  const outbox = new Outbox();
  const twilioOptions: TwilioSinkOptions = { accountSid: DEV_TWILIO.accountSid, authToken: DEV_TWILIO.authToken };
  const [smtp, twilio, crm] = await Promise.all([
    startSmtpSink(outbox, ports.smtp),
    startTwilioSink(outbox, twilioOptions, ports.twilio),
    startCrmSink(outbox, ports.crm),
  ]);
  return {
    outbox,
    twilio: twilioOptions,
    crm,
    smtp,
    env: {
      TWILIO_ACCOUNT_SID: DEV_TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: DEV_TWILIO.authToken,
      TWILIO_FROM: DEV_TWILIO.from,
      TWILIO_API_BASE_URL: twilio.url,
      SMTP_URL: smtp.url,
      CRM_BASE_URL: crm.url,
    },
    close: async () => {
      await Promise.all([smtp.close(), twilio.close(), crm.close()]);
    },
  };
}
