// Twilio's inbound-SMS webhook. The X-Twilio-Signature is checked against PUBLIC_BASE_URL + path; then
// STOP-type keywords opt the customer out of SMS at once, START opts back in, and a number 0-10 answers the
// customer's open SMS survey. Twilio gets an empty TwiML answer: replies to STOP are Twilio's own.
import express, { Router } from 'express';
import twilio from 'twilio';
import { surveyAnswerUpdate } from '../../workflows/messages';
import type { AppDeps } from '../deps';
import { HttpError } from '../errors';
import { requestLog } from '../middleware/request-context';

const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
const START_WORDS = new Set(['START', 'UNSTOP', 'YES', 'OPTIN']);
const PATH = '/v1/webhooks/twilio/sms';

export function twilioWebhookRoutes({ db, cases, twilioAuthToken, publicBaseUrl }: AppDeps): Router {
  const router = Router();
  router.post(PATH, express.urlencoded({ extended: false }), async (req, res) => {
    if (!twilioAuthToken || !publicBaseUrl) throw new HttpError(503, 'webhook_not_configured', 'TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL must be set to receive Twilio webhooks');
    const params = req.body as Record<string, string>;
    const signature = req.header('x-twilio-signature') ?? '';
    if (!twilio.validateRequest(twilioAuthToken, signature, publicBaseUrl.replace(/\/$/, '') + PATH, params)) {
      throw new HttpError(403, 'invalid_signature', 'the X-Twilio-Signature does not match this request');
    }
    const from = params.From ?? '';
    const text = (params.Body ?? '').trim();
    const word = text.toUpperCase();
    const customers = await db.customer.findMany({ where: { phone: from }, select: { id: true } });
    const ids = customers.map((c) => c.id);

    if (STOP_WORDS.has(word) || START_WORDS.has(word)) {
      const consentSms = START_WORDS.has(word);
      await db.customer.updateMany({ where: { id: { in: ids } }, data: { consentSms } });
      requestLog(res).info(consentSms ? 'sms opt-in' : 'sms opt-out', { customers: ids.length });
    } else if (/^(10|[0-9])$/.test(text)) {
      const survey = await db.survey.findFirst({
        where: { channel: 'sms', answeredAt: null, case: { customerId: { in: ids }, status: 'open' } },
        orderBy: { sentAt: 'desc' },
        include: { case: { select: { workflowId: true, runId: true } } },
      });
      if (survey) {
        await cases
          .runStep({ workflowId: survey.case.workflowId, runId: survey.case.runId }, surveyAnswerUpdate, { score: Number(text), actor: 'customer:sms' })
          .catch((e) => requestLog(res).warn('sms survey answer not accepted', { error: String(e) }));
      }
    }
    res.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
  });
  return router;
}
