// What became of a message sent to a customer, as the workflow and the API see it.
// sent: the provider took it. failed: it definitely did not go out (refused, no address, or the provider
// stayed unavailable through every retry). unknown: it may have gone out; a person has to check.
// Which words went out: the template (purpose, locale, version; null: the built-in text) and, for an SMS, the
// encoding its characters needed and the parts it took. Kept on the case's timeline.
export interface SentMessage {
  template: string;
  locale: string;
  version: number | null;
  encoding?: 'GSM-7' | 'UCS-2';
  parts?: number;
}

export type SendResult =
  | { status: 'sent'; providerId?: string; message?: SentMessage }
  | { status: 'failed'; code: string; message: string }
  | { status: 'unknown'; code?: string; message?: string };

// How many times the provider may fail one send (refuse it transiently, or lose its answer) before the
// channel counts as failed or the outcome as unknown: about 45 s at the send's retry intervals (1, 2, 4, 8,
// then 10 s). Only the provider's answers count: a send waiting out our own database outage uses none.
export const PROVIDER_TRIES = 8;

// Failure types of a send attempt that a later try may fix.
export const PROVIDER_UNAVAILABLE = 'provider_unavailable';
export const SEND_OUTCOME_UNKNOWN = 'send_outcome_unknown';

// Where Twilio posts what became of each SMS (the status callback, under PUBLIC_BASE_URL): every send asks for
// it (activities/messaging.ts) and the API receives it (api/http/routes/twilio-webhook.ts).
export const SMS_STATUS_CALLBACK_PATH = '/v1/webhooks/twilio/status';

// Twilio status-callback values that mean the message did not reach the handset.
export const UNDELIVERED_STATUSES = ['undelivered', 'failed'] as const;
export const DELIVERY_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'accepted',
  'scheduled',
  'read',
  'canceled',
] as const;

// A later report from the provider about one send (by its attempt key).
export interface DeliveryReport {
  key: string;
  status: string;
  code?: string;
}
