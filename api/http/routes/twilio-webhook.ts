// Twilio's webhooks. Both check the X-Twilio-Signature against PUBLIC_BASE_URL + path and take only form
// posts. Inbound SMS (api/services/sms-inbound.ts): STOP/START keywords, survey scores and replies. Status
// callbacks (api/services/sms-status-store.ts) record what became of each SMS (queued, sent, delivered,
// undelivered, failed); undelivered and failed move the case on to its next channel.
import express, { Router, type Request } from 'express';
import twilio from 'twilio';
import { DELIVERY_STATUSES, SMS_STATUS_CALLBACK_PATH, UNDELIVERED_STATUSES } from '../../../domain/delivery';
import type { AppDeps } from '../../deps';
import { takeInboundSms } from '../../services/sms-inbound';
import { recordSmsStatus } from '../../services/sms-status-store';
import { HttpError } from '../errors';
import { requestLog } from '../middleware/request-context';

export const INBOUND_SMS_PATH = '/v1/webhooks/twilio/sms';

const TWIML_EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

// `onBadSignature` hears of every request whose signature does not match (the per-address failure limit).
export function twilioWebhookRoutes(deps: AppDeps, onBadSignature: (req: Request) => void = () => undefined): Router {
  const { twilioAuthToken, publicBaseUrl } = deps;
  const router = Router();

  function verifiedForm(req: Request, path: string): Record<string, string> {
    if (!twilioAuthToken || !publicBaseUrl)
      throw new HttpError(
        503,
        'webhook_not_configured',
        'TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL must be set to receive Twilio webhooks',
      );
    if (!req.is('application/x-www-form-urlencoded'))
      throw new HttpError(
        415,
        'unsupported_media_type',
        'Twilio webhooks are form posts (application/x-www-form-urlencoded)',
      );
    const params = req.body as Record<string, string>;
    const signature = req.header('x-twilio-signature') ?? '';
    if (!twilio.validateRequest(twilioAuthToken, signature, publicBaseUrl.replace(/\/$/, '') + path, params)) {
      onBadSignature(req);
      throw new HttpError(403, 'invalid_signature', 'the X-Twilio-Signature does not match this request');
    }
    return params;
  }

  router.post(INBOUND_SMS_PATH, express.urlencoded({ extended: false }), async (req, res) => {
    const params = verifiedForm(req, INBOUND_SMS_PATH);
    await takeInboundSms(deps, requestLog(res), { from: params.From ?? '', text: (params.Body ?? '').trim() });
    res.type('text/xml').send(TWIML_EMPTY);
  });

  router.post(SMS_STATUS_CALLBACK_PATH, express.urlencoded({ extended: false }), async (req, res) => {
    const params = verifiedForm(req, SMS_STATUS_CALLBACK_PATH);
    const sid = params.MessageSid ?? params.SmsSid ?? '';
    const status = (params.MessageStatus ?? params.SmsStatus ?? '').toLowerCase();
    if (!sid || !(DELIVERY_STATUSES as readonly string[]).includes(status))
      throw new HttpError(400, 'validation_failed', 'a status callback needs MessageSid and a known MessageStatus');
    await recordSmsStatus(deps, {
      sid,
      status,
      code: params.ErrorCode || undefined,
      undelivered: (UNDELIVERED_STATUSES as readonly string[]).includes(status),
    });
    res.status(204).end();
  });
  return router;
}
