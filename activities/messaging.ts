// Sends to customers, each at most once per key (case id + step). The attempt row is claimed before the
// provider is called and marked in flight just before the call, so a retry (or the worker that replaces a
// killed one) knows whether the message may be out: if it may, an SMS is looked up at the provider before
// anything is sent again, and an email, which cannot be looked up, is reported unknown for an agent to check.
import { randomBytes } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { PROVIDER_UNAVAILABLE, SEND_OUTCOME_UNKNOWN, UNDELIVERED_STATUSES, type SendResult } from '../domain/delivery';
import { ProviderError, type SendFailure } from './clients/provider-errors';
import type { ActivityDeps } from './deps';
import { contactMessage, surveyMessage } from './templates';

export interface SendRequest {
  key: string;
  caseId: string;
  customerId: string;
  agentId?: string;
  channel: 'sms' | 'email';
  purpose: 'contact' | 'survey';
}

// Attempt statuses: pending (claimed), sending (provider call in flight), sent, retrying (the provider
// did not take it, try again), unknown, failed.
type Composer = (name: string) => { subject: string; text: string };

export const STATUS_CALLBACK_PATH = '/v1/webhooks/twilio/status';

interface ClaimedAttempt {
  status: string;
  provider_id: string | null;
  provider_code: string | null;
  error: string | null;
  created_at: Date;
  name: string;
  phone: string | null;
  email: string | null;
}

const ATTEMPT_COLUMNS = { status: 'status', providerId: 'provider_id', providerCode: 'provider_code', error: 'error', sentAt: 'sent_at' } as const;
type AttemptUpdate = { status: string; providerId?: string | null; providerCode?: string | null; error?: string | null; sentAt?: Date | null };

export function createMessaging({ db, sql, sms, email, publicBaseUrl, logger }: ActivityDeps) {
  // The attempt row for this key (claimed now, or as an earlier try left it) with the customer's name and
  // addresses, in one statement.
  async function claim(req: SendRequest): Promise<ClaimedAttempt> {
    const { rows } = await sql.query<ClaimedAttempt>({
      name: 'claim-attempt',
      text: `WITH claimed AS (
          INSERT INTO contact_attempts (id, key, case_id, customer_id, agent_id, channel, purpose, status)
          VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, $6, 'pending')
          ON CONFLICT (key) DO NOTHING
          RETURNING status, provider_id, provider_code, error, created_at
        ), attempt AS (
          SELECT * FROM claimed
          UNION ALL
          SELECT status, provider_id, provider_code, error, created_at FROM contact_attempts WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM claimed)
        )
        SELECT attempt.*, c.name, c.phone, c.email FROM attempt, customers c WHERE c.id = $3`,
      values: [req.key, req.caseId, req.customerId, req.agentId ?? null, req.channel, req.purpose],
    });
    if (!rows[0]) throw new Error(`customer ${req.customerId} does not exist`);
    return rows[0];
  }

  // Sets the given columns of the attempt (a column set to null is cleared; one left out is kept).
  async function mark(key: string, data: AttemptUpdate): Promise<void> {
    const columns = (Object.keys(data) as (keyof AttemptUpdate)[]).sort();
    await sql.query({
      name: `mark-attempt:${columns.join(',')}`,
      text: `UPDATE contact_attempts SET ${columns.map((c, i) => `${ATTEMPT_COLUMNS[c]} = $${i + 2}`).join(', ')} WHERE key = $1`,
      values: [key, ...columns.map((c) => data[c] ?? null)],
    });
  }

  async function fail(key: string, failure: SendFailure): Promise<SendResult> {
    await mark(key, { status: 'failed', providerCode: failure.code, error: failure.message });
    return { status: 'failed', code: failure.code, message: failure.message };
  }

  async function sendOnce(req: SendRequest, compose: Composer): Promise<SendResult> {
    const attempt = await claim(req);
    if (attempt.status === 'sent') return { status: 'sent', providerId: attempt.provider_id ?? undefined };
    if (attempt.status === 'failed') return { status: 'failed', code: attempt.provider_code ?? 'failed', message: attempt.error ?? 'failed' };

    const message = compose(attempt.name);
    const to = req.channel === 'sms' ? attempt.phone : attempt.email;
    if (!to) return fail(req.key, { kind: 'rejected', code: 'missing_address', message: `customer ${req.customerId} has no ${req.channel} address` });

    if (attempt.status === 'sending' || attempt.status === 'unknown') {
      // An earlier try may have reached the provider.
      if (req.channel === 'email') {
        await mark(req.key, { status: 'unknown' });
        logger.warn('email outcome unknown, not resending', { key: req.key });
        return { status: 'unknown', code: attempt.provider_code ?? undefined, message: attempt.error ?? 'the email may have been sent; an agent should check with the customer' };
      }
      const found = await sms.findSent(to, message.text, attempt.created_at).catch((e) => unknownOutcome(req.key, e));
      if (found) {
        await mark(req.key, { status: 'sent', providerId: found.providerId, sentAt: new Date(), error: null });
        logger.info('sms found at the provider, not resending', { key: req.key });
        return { status: 'sent', providerId: found.providerId };
      }
    }

    await mark(req.key, { status: 'sending' });
    try {
      const { providerId } =
        req.channel === 'sms'
          ? await sms.send(to, message.text, { statusCallback: publicBaseUrl.replace(/\/$/, '') + STATUS_CALLBACK_PATH })
          : await email.send({ to, subject: message.subject, text: message.text, messageId: `<${req.key.replace(/[^A-Za-z0-9.-]/g, '.')}@holdfast>` });
      await mark(req.key, { status: 'sent', providerId, providerCode: null, error: null, sentAt: new Date() });
      if (req.channel === 'sms') return (await earlyReport(req.key, providerId)) ?? { status: 'sent', providerId };
      return { status: 'sent', providerId };
    } catch (e) {
      if (!(e instanceof ProviderError)) throw e;
      const { failure } = e;
      if (failure.kind === 'rejected') return fail(req.key, failure);
      if (failure.kind === 'transient') {
        await mark(req.key, { status: 'retrying', providerCode: failure.code, error: failure.message });
        throw ApplicationFailure.retryable(`${req.channel} provider did not take the message: ${failure.message}`, PROVIDER_UNAVAILABLE, failure);
      }
      if (req.channel === 'email') {
        await mark(req.key, { status: 'unknown', providerCode: failure.code, error: failure.message });
        return { status: 'unknown', code: failure.code, message: failure.message };
      }
      return unknownOutcome(req.key, e);
    }
  }

  // A status callback that arrived before the SID was stored (the webhook keeps it by SID): applied here. An
  // undelivered report makes the send a channel failure, as the callback would have.
  async function earlyReport(key: string, sid: string): Promise<SendResult | undefined> {
    const { rows } = await sql.query<{ status: string; error_code: string | null }>({ name: 'sms-early-report', text: 'SELECT status, error_code FROM sms_status_reports WHERE sid = $1', values: [sid] });
    const report = rows[0];
    if (!report) return undefined;
    const undelivered = (UNDELIVERED_STATUSES as readonly string[]).includes(report.status);
    const message = `the provider reported the message ${report.status}`;
    await sql.query({
      name: 'sms-apply-report',
      text: `UPDATE contact_attempts SET delivery_status = $2, delivery_updated_at = now(),
        provider_code = CASE WHEN $3 THEN $4 ELSE provider_code END, error = CASE WHEN $3 THEN $5 ELSE error END WHERE key = $1`,
      values: [key, report.status, undelivered, report.error_code ?? report.status, message],
    });
    return undelivered ? { status: 'failed', code: report.error_code ?? report.status, message } : undefined;
  }

  // The SMS may be out: the retry looks it up at the provider before sending.
  async function unknownOutcome(key: string, e: unknown): Promise<never> {
    const failure = e instanceof ProviderError ? e.failure : { kind: 'unknown' as const, code: 'error', message: String(e) };
    await mark(key, { status: 'unknown', providerCode: failure.code, error: failure.message });
    throw ApplicationFailure.retryable(`sms outcome unknown: ${failure.message}`, SEND_OUTCOME_UNKNOWN, failure);
  }

  return {
    async sendCaseMessage(req: SendRequest): Promise<SendResult> {
      return sendOnce(req, contactMessage);
    },

    async sendSurvey(req: { key: string; caseId: string; workflowId: string; customerId: string; channel: 'sms' | 'email' }): Promise<SendResult> {
      const survey = await db.survey.upsert({
        where: { key: req.key },
        create: { key: req.key, token: randomBytes(18).toString('base64url'), caseId: req.caseId, workflowId: req.workflowId, channel: req.channel },
        update: {},
      });
      const link = `${publicBaseUrl.replace(/\/$/, '')}/s/${survey.token}`;
      return sendOnce(
        { key: `${req.key}:message`, caseId: req.caseId, customerId: req.customerId, channel: req.channel, purpose: 'survey' },
        (name) => surveyMessage(name, link),
      );
    },
  };
}
