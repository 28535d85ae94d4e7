// Twilio's webhooks. Both check the X-Twilio-Signature against PUBLIC_BASE_URL + path and take only form
// posts. Inbound SMS: STOP-type keywords opt the customer out of SMS at once (in the consent ledger), START
// opts back in, a number 0-10 answers the customer's open SMS survey, and any other text reaches the
// customer's open case as a reply for its agent (the SMS invites one). Status callbacks record what became
// of each SMS (queued, sent, delivered, undelivered, failed); undelivered and failed move the case on to its
// next channel.
import express, { Router, type Request, type Response } from 'express';
import twilio from 'twilio';
import { DELIVERY_STATUSES, UNDELIVERED_STATUSES } from '../../../domain/delivery';
import { customerReplySignal, deliveryReportSignal, surveyAnswerUpdate } from '../../../workflows/messages';
import { announceConsentChange, writeConsentChange, type ConsentChangeRecord } from '../../services/consent-ledger';
import type { AppDeps } from '../../deps';
import { HttpError } from '../errors';
import { requestLog } from '../middleware/request-context';
import { applyStatusReport, keepStatusReport } from '../../services/sms-status-store';

const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
const START_WORDS = new Set(['START', 'UNSTOP', 'YES', 'OPTIN']);
export const INBOUND_SMS_PATH = '/v1/webhooks/twilio/sms';
export const SMS_STATUS_PATH = '/v1/webhooks/twilio/status';

const TWIML_EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

// STOP/START keywords change SMS consent for every customer with this number, in the consent ledger.
async function applyKeyword({ db, cases }: AppDeps, res: Response, from: string, word: string, ids: string[]): Promise<void> {
  const granted = START_WORDS.has(word);
  const changes: ConsentChangeRecord[] = ids.map((customerId) => ({ customerId, channel: 'sms', granted, source: 'sms_keyword', actor: 'customer:sms', address: from, note: word }));
  await db.$transaction(async (tx) => {
    for (const change of changes) await writeConsentChange(tx, change);
    // A keyword from a number no customer has is kept: the customer may be created with it later.
    if (ids.length === 0) await tx.consentEvent.create({ data: { channel: 'sms', granted, source: 'sms_keyword', actor: 'customer:sms', address: from, note: word } });
  });
  for (const change of changes) await announceConsentChange(db, cases, requestLog(res), change);
  requestLog(res).info(granted ? 'sms opt-in' : 'sms opt-out', { customers: ids.length });
}

// A 0-10 answers the customers' open SMS survey; false when there is none.
async function answerSurvey({ db, cases }: AppDeps, res: Response, score: number, ids: string[]): Promise<boolean> {
  const survey = await db.survey.findFirst({
    where: { channel: 'sms', answeredAt: null, case: { customerId: { in: ids }, status: 'open' } },
    orderBy: { sentAt: 'desc' },
    include: { case: { select: { workflowId: true, runId: true } } },
  });
  if (!survey) return false;
  await cases
    .runStep({ workflowId: survey.case.workflowId, runId: survey.case.runId }, surveyAnswerUpdate, { score, actor: 'customer:sms' }, survey.id)
    .catch((e) => requestLog(res).warn('sms survey answer not accepted', { error: String(e) }));
  return true;
}

// Any other text goes to the customer's open case as a reply for the agent; without one it is only logged.
async function passReplyOn({ db, cases }: AppDeps, res: Response, text: string, ids: string[]): Promise<void> {
  const open = await db.case.findFirst({ where: { customerId: { in: ids }, status: 'open' }, orderBy: { openedAt: 'desc' }, select: { id: true, workflowId: true, runId: true } });
  if (!open) return void requestLog(res).info('sms reply without an open case', { customers: ids.length });
  await cases.signal(open, customerReplySignal, { channel: 'sms', text, receivedAt: new Date().toISOString() });
}

// `onBadSignature` hears of every request whose signature does not match (the per-address failure limit).
export function twilioWebhookRoutes(deps: AppDeps, onBadSignature: (req: Request) => void = () => undefined): Router {
  const { db, sql, cases, logger, twilioAuthToken, publicBaseUrl } = deps;
  const router = Router();

  function verifiedForm(req: Request, path: string): Record<string, string> {
    if (!twilioAuthToken || !publicBaseUrl) throw new HttpError(503, 'webhook_not_configured', 'TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL must be set to receive Twilio webhooks');
    if (!req.is('application/x-www-form-urlencoded')) throw new HttpError(415, 'unsupported_media_type', 'Twilio webhooks are form posts (application/x-www-form-urlencoded)');
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
    const from = params.From ?? '';
    const text = (params.Body ?? '').trim();
    const word = text.toUpperCase();
    const customers = await db.customer.findMany({ where: { phone: from }, select: { id: true } });
    const ids = customers.map((c) => c.id);
    if (STOP_WORDS.has(word) || START_WORDS.has(word)) await applyKeyword(deps, res, from, word, ids);
    else if (!(/^(10|[0-9])$/.test(text) && (await answerSurvey(deps, res, Number(text), ids))) && text) await passReplyOn(deps, res, text, ids);
    res.type('text/xml').send(TWIML_EMPTY);
  });

  router.post(SMS_STATUS_PATH, express.urlencoded({ extended: false }), async (req, res) => {
    const params = verifiedForm(req, SMS_STATUS_PATH);
    const sid = params.MessageSid ?? params.SmsSid ?? '';
    const status = (params.MessageStatus ?? params.SmsStatus ?? '').toLowerCase();
    if (!sid || !(DELIVERY_STATUSES as readonly string[]).includes(status)) throw new HttpError(400, 'validation_failed', 'a status callback needs MessageSid and a known MessageStatus');
    const report = { sid, status, code: params.ErrorCode || undefined, undelivered: (UNDELIVERED_STATUSES as readonly string[]).includes(status) };
    // Kept first, applied second: a send that stores its SID after this statement finds the report (the send
    // stores first and looks second), so an early report is applied by one side or both, never by neither.
    await keepStatusReport(sql, report);
    const attempt = await applyStatusReport(sql, report);
    if (!attempt) {
      logger.info('status callback before its send was recorded; kept for the send', { sid, status });
      return void res.status(204).end();
    }
    if (report.undelivered) await cases.signal(attempt, deliveryReportSignal, { key: attempt.key, status, code: report.code });
    res.status(204).end();
  });
  return router;
}
