// Builds the activities' real clients from the environment.
import { createHttpCrm } from '../activities/clients/crm';
import { createSmtpEmail } from '../activities/clients/email';
import { createTwilioSms } from '../activities/clients/sms';
import type { ActivityDeps } from '../activities';
import type { Db } from '../config/database';
import { createSql } from '../config/sql';
import { requireEnv, type Env } from '../config/env';
import type { Logger } from '../config/logger';

export function activityDepsFromEnv(env: Env, db: Db, logger: Logger): ActivityDeps {
  return {
    db,
    sql: createSql(requireEnv(env, 'DATABASE_URL', 'activities record cases in PostgreSQL')),
    logger,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    sms: createTwilioSms({
      accountSid: requireEnv(env, 'TWILIO_ACCOUNT_SID', 'SMS is sent through Twilio'),
      authToken: requireEnv(env, 'TWILIO_AUTH_TOKEN', 'SMS is sent through Twilio'),
      from: requireEnv(env, 'TWILIO_FROM', 'SMS needs a sender number'),
      apiBaseUrl: env.TWILIO_API_BASE_URL,
    }),
    email: createSmtpEmail(requireEnv(env, 'SMTP_URL', 'email is sent over SMTP'), env.MAIL_FROM),
    crm: env.CRM_BASE_URL ? createHttpCrm(env.CRM_BASE_URL) : undefined,
  };
}
