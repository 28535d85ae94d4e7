// Sends to customers, each at most once per key (case id + step). The attempt row is claimed before the
// provider is called and marked in flight just before the call (contact-attempts.ts), so a retry (or the
// worker that replaces a killed one) knows whether the message may be out: if it may, an SMS is looked up at
// the provider before anything is sent again, and an email, which cannot be looked up, is reported unknown for
// an agent to check.
import { randomBytes } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import {
  PROVIDER_TRIES,
  PROVIDER_UNAVAILABLE,
  SEND_OUTCOME_UNKNOWN,
  SMS_STATUS_CALLBACK_PATH,
  type SendResult,
  type SentMessage,
} from '../domain/delivery';
import { smsLength } from '../domain/sms-length';
import { ProviderError, type SendFailure } from './clients/provider-errors';
import {
  applyEarlyReport,
  claimAttempt,
  countProviderTry,
  markAttempt,
  type ClaimedAttempt,
  type SendRequest,
} from './contact-attempts';
import { heartbeating, whenDatabaseAnswers } from './own-outage';
import type { CarriedEvents } from './case-store';
import { contactPolicyAnswer, type PolicyHold } from './contact-policy';
import type { ContactPolicy } from '../domain/contact-policy';
import type { ActivityDeps } from './deps';
import { FALLBACK_LOCALE } from '../domain/locale';
import { templateStore, type Composer } from './templates';

export type { SendRequest } from './contact-attempts';

type Message = { to: string; subject: string; text: string; sent: SentMessage };
type Senders = Pick<ActivityDeps, 'sql' | 'sms' | 'email' | 'publicBaseUrl' | 'logger'>;

async function fail(d: Senders, key: string, failure: SendFailure): Promise<SendResult> {
  await markAttempt(d.sql, key, { status: 'failed', providerCode: failure.code, error: failure.message });
  return { status: 'failed', code: failure.code, message: failure.message };
}

// The SMS may be out: the retry looks it up at the provider before sending, until the provider has failed it
// PROVIDER_TRIES times; then the outcome stays unknown for a person to check.
async function unknownOutcome(d: Senders, key: string, e: unknown): Promise<SendResult> {
  const failure =
    e instanceof ProviderError ? e.failure : { kind: 'unknown' as const, code: 'error', message: String(e) };
  const tries = await countProviderTry(d.sql, key, {
    status: 'unknown',
    providerCode: failure.code,
    error: failure.message,
  });
  if (tries >= PROVIDER_TRIES) return { status: 'unknown', code: failure.code, message: failure.message };
  throw ApplicationFailure.retryable(`sms outcome unknown: ${failure.message}`, SEND_OUTCOME_UNKNOWN, failure);
}

// An earlier try may have reached the provider: an email is reported unknown (it cannot be looked up); an SMS
// found at the provider is sent. Undefined: not found, send it.
async function resumeInterrupted(
  d: Senders,
  req: SendRequest,
  attempt: ClaimedAttempt,
  message: Message,
): Promise<SendResult | undefined> {
  if (req.channel === 'email') {
    await markAttempt(d.sql, req.key, { status: 'unknown' });
    d.logger.warn('email outcome unknown, not resending', { key: req.key });
    return {
      status: 'unknown',
      code: attempt.provider_code ?? undefined,
      message: attempt.error ?? 'the email may have been sent; an agent should check with the customer',
    };
  }
  let found: Awaited<ReturnType<Senders['sms']['findSent']>>;
  try {
    found = await d.sms.findSent(message.to, message.text, attempt.created_at);
  } catch (e) {
    return unknownOutcome(d, req.key, e);
  }
  if (!found) return undefined;
  await markAttempt(d.sql, req.key, { status: 'sent', providerId: found.providerId, sentAt: new Date(), error: null });
  d.logger.info('sms found at the provider, not resending', { key: req.key });
  return { status: 'sent', providerId: found.providerId, message: message.sent };
}

// What a provider's refusal or silence means for the attempt: rejected fails the channel; transient retries
// until the provider has failed PROVIDER_TRIES times, then fails the channel; anything else leaves the outcome
// unknown.
async function providerFailed(d: Senders, req: SendRequest, e: ProviderError): Promise<SendResult> {
  const { failure } = e;
  if (failure.kind === 'rejected') return fail(d, req.key, failure);
  if (failure.kind === 'transient') {
    const tries = await countProviderTry(d.sql, req.key, {
      status: 'retrying',
      providerCode: failure.code,
      error: failure.message,
    });
    if (tries >= PROVIDER_TRIES) return fail(d, req.key, failure);
    throw ApplicationFailure.retryable(
      `${req.channel} provider did not take the message: ${failure.message}`,
      PROVIDER_UNAVAILABLE,
      failure,
    );
  }
  if (req.channel === 'email') {
    await markAttempt(d.sql, req.key, { status: 'unknown', providerCode: failure.code, error: failure.message });
    return { status: 'unknown', code: failure.code, message: failure.message };
  }
  return unknownOutcome(d, req.key, e);
}

// Once the provider has taken the message, what it said is written even if PostgreSQL is down meanwhile: the
// activity holds it and waits (a retry would have to guess whether the message went out).
async function deliver(d: Senders, req: SendRequest, message: Message): Promise<SendResult> {
  await markAttempt(d.sql, req.key, { status: 'sending' });
  let providerId: string;
  try {
    ({ providerId } =
      req.channel === 'sms'
        ? await d.sms.send(message.to, message.text, {
            statusCallback: d.publicBaseUrl.replace(/\/$/, '') + SMS_STATUS_CALLBACK_PATH,
          })
        : await d.email.send({
            to: message.to,
            subject: message.subject,
            text: message.text,
            messageId: `<${req.key.replace(/[^A-Za-z0-9.-]/g, '.')}@holdfast>`,
          }));
  } catch (e) {
    if (!(e instanceof ProviderError)) throw e;
    return whenDatabaseAnswers(`${req.channel} send ${req.key}`, () => providerFailed(d, req, e), d.logger);
  }
  return whenDatabaseAnswers(
    `${req.channel} send ${req.key}`,
    async () => {
      await markAttempt(d.sql, req.key, {
        status: 'sent',
        providerId,
        providerCode: null,
        error: null,
        sentAt: new Date(),
      });
      if (req.channel === 'sms')
        return (
          (await applyEarlyReport(d.sql, req.key, providerId)) ?? { status: 'sent', providerId, message: message.sent }
        );
      return { status: 'sent', providerId, message: message.sent };
    },
    d.logger,
  );
}

// The message for its channel, and what the timeline keeps of it: the template, locale and, for an SMS, the
// encoding its characters need and the parts it takes.
function composed(to: string, channel: SendRequest['channel'], m: ReturnType<Composer>): Message {
  const { purpose, locale, version } = m.chosen;
  const sent: SentMessage = { template: purpose, locale, version };
  if (channel === 'sms') {
    const { encoding, parts } = smsLength(m.text);
    Object.assign(sent, { encoding, parts });
  }
  return { to, subject: m.subject, text: m.text, sent };
}

async function sendOnce(d: Senders, req: SendRequest, compose: Composer): Promise<SendResult> {
  const attempt = await claimAttempt(d.sql, req);
  const to = req.channel === 'sms' ? attempt.phone : attempt.email;
  // Composed before anything else, so a retry of a send that went out names its words on the timeline too (the
  // same template, unless the bank changed it in the seconds between the tries).
  const message = composed(to ?? '', req.channel, compose(attempt));
  if (attempt.status === 'sent')
    return { status: 'sent', providerId: attempt.provider_id ?? undefined, message: message.sent };
  if (attempt.status === 'failed')
    return { status: 'failed', code: attempt.provider_code ?? 'failed', message: attempt.error ?? 'failed' };

  if (!to)
    return fail(d, req.key, {
      kind: 'rejected',
      code: 'missing_address',
      message: `customer ${req.customerId} has no ${req.channel} address`,
    });
  if (attempt.status === 'sending' || attempt.status === 'unknown') {
    const resumed = await resumeInterrupted(d, req, attempt, message);
    if (resumed) return resumed;
  }
  return deliver(d, req, message);
}

// A send that checks the contact policy itself, one local activity fewer per contact: it asks the policy and
// is held (nothing claimed, nothing sent) when the customer has withdrawn consent or it is quiet hours or over
// the cap. It also carries the step's events (CarriedEvents), written before it (writingCarriedEvents).
export interface PolicyCheckedSend extends CarriedEvents {
  policy?: ContactPolicy;
}
export type HeldSend = { status: 'held'; hold: PolicyHold };
type SurveyRequest = {
  key: string;
  caseId: string;
  workflowId: string;
  customerId: string;
  channel: 'sms' | 'email';
  policy?: ContactPolicy;
};

async function heldByPolicy(
  deps: ActivityDeps,
  check: { policy?: ContactPolicy },
  req: Omit<SendRequest, 'caseId'>,
): Promise<HeldSend | undefined> {
  if (!check.policy) return undefined;
  // A try after the one that claimed the attempt goes on with the send: the policy let it out then.
  const answer = await contactPolicyAnswer(
    deps.sql,
    { customerId: req.customerId, channel: req.channel, policy: check.policy, purpose: req.purpose },
    req.key,
  );
  return answer === 'claimed' || answer.action === 'contact' ? undefined : { status: 'held', hold: answer };
}

export function createMessaging(deps: ActivityDeps) {
  const { db, publicBaseUrl } = deps;
  const templates = templateStore(deps.sql, deps.defaultLocale ?? FALLBACK_LOCALE);
  return {
    async sendCaseMessage(req: SendRequest & { policy?: ContactPolicy }): Promise<SendResult | HeldSend> {
      const { policy, ...send } = req;
      return heartbeating(
        async () =>
          (await heldByPolicy(deps, { policy }, send)) ?? sendOnce(deps, send, await templates.contact(send.channel)),
      );
    },

    async sendSurvey(req: SurveyRequest): Promise<SendResult | HeldSend> {
      return heartbeating(() => surveyOnce(req));
    },
  };

  async function surveyOnce(req: SurveyRequest): Promise<SendResult | HeldSend> {
    const key = `${req.key}:message`;
    const held = await heldByPolicy(deps, req, {
      key,
      customerId: req.customerId,
      channel: req.channel,
      purpose: 'survey',
    });
    if (held) return held;
    const survey = await db.survey.upsert({
      where: { key: req.key },
      create: {
        key: req.key,
        token: randomBytes(18).toString('base64url'),
        caseId: req.caseId,
        workflowId: req.workflowId,
        channel: req.channel,
      },
      update: {},
    });
    const link = `${publicBaseUrl.replace(/\/$/, '')}/s/${survey.token}`;
    return sendOnce(
      deps,
      { key, caseId: req.caseId, customerId: req.customerId, channel: req.channel, purpose: 'survey' },
      await templates.survey(req.channel, link),
    );
  }
}
