// Builds the activities' real clients from the environment.
import { createHttpCrm } from '../activities/clients/crm';
import { createSmtpEmail } from '../activities/clients/email';
import { createTwilioSms, smsNotConfigured, type SmsSender } from '../activities/clients/sms';
import type { ActivityDeps } from '../activities';
import type { DetectionFeeds } from '../activities/detection';
import type { Db } from '../config/database';
import { createSql } from '../config/sql';
import { requireEnv, type Env } from '../config/env';
import type { Logger } from '../config/logger';

// Twilio is set up with all three of its variables or none (then SMS is refused as a channel failure and cases
// use the customer's other channels); some but not all is a mistake, refused at startup.
function smsFromEnv(env: Env, logger: Logger): SmsSender {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM: from } = env;
  if (!accountSid && !authToken && !from) {
    logger.warn(
      'SMS is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM): cases contact customers by their other channels',
    );
    return smsNotConfigured;
  }
  const why = 'SMS through Twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM together';
  return createTwilioSms({
    accountSid: requireEnv(env, 'TWILIO_ACCOUNT_SID', why),
    authToken: requireEnv(env, 'TWILIO_AUTH_TOKEN', why),
    from: requireEnv(env, 'TWILIO_FROM', why),
    apiBaseUrl: env.TWILIO_API_BASE_URL,
  });
}

// The sweep needs somewhere to read and somewhere to post; a feed without the API to post to is a mistake.
function detectionFromEnv(env: Env): DetectionFeeds | undefined {
  const { HOLDFAST_SIGNAL_FEED_DIR: dropDir, HOLDFAST_SIGNAL_FEED_URL: pullUrl } = env;
  if (!dropDir && !pullUrl) return undefined;
  const why = "the detection sweep posts the feed's signals to the API (POST /v1/signals/batch) with a system key";
  return {
    dropDir,
    pullUrl,
    pullToken: env.HOLDFAST_SIGNAL_FEED_TOKEN,
    apiUrl: requireEnv(env, 'HOLDFAST_API_URL', why).replace(/\/$/, ''),
    apiKey: requireEnv(env, 'HOLDFAST_API_KEY', why),
  };
}

export function activityDepsFromEnv(env: Env, db: Db, logger: Logger): ActivityDeps {
  return {
    db,
    sql: createSql(requireEnv(env, 'DATABASE_URL', 'activities record cases in PostgreSQL')),
    logger,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    defaultLocale: env.HOLDFAST_DEFAULT_LOCALE,
    sms: smsFromEnv(env, logger),
    email: createSmtpEmail(requireEnv(env, 'SMTP_URL', 'email is sent over SMTP'), env.MAIL_FROM),
    crm: env.CRM_BASE_URL ? createHttpCrm(env.CRM_BASE_URL) : undefined,
    detection: detectionFromEnv(env),
    holdfastApi:
      env.HOLDFAST_API_URL && env.HOLDFAST_API_KEY
        ? { url: env.HOLDFAST_API_URL.replace(/\/$/, ''), key: env.HOLDFAST_API_KEY }
        : undefined,
  };
}
