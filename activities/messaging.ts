// Sends to customers, each at most once per key (case id + step). A contact attempt row is claimed before
// the provider is called: a retry finds it and returns the recorded result instead of sending again.
import { randomBytes } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { Prisma } from '@prisma/client';
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

export interface SendResult {
  status: 'sent' | 'unconfirmed';
  providerId?: string;
}

type Composer = (name: string) => { subject: string; text: string };

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';

export function createMessaging({ db, sms, email, publicBaseUrl, logger }: ActivityDeps) {
  async function claim(req: SendRequest) {
    try {
      return await db.contactAttempt.create({
        data: { key: req.key, caseId: req.caseId, customerId: req.customerId, agentId: req.agentId, channel: req.channel, purpose: req.purpose, status: 'sending' },
      });
    } catch (e) {
      if (isUniqueViolation(e)) return null;
      throw e;
    }
  }

  async function sendOnce(req: SendRequest, compose: Composer): Promise<SendResult> {
    const claimed = await claim(req);
    if (!claimed) {
      const existing = await db.contactAttempt.findUniqueOrThrow({ where: { key: req.key } });
      if (existing.status === 'sent') return { status: 'sent', providerId: existing.providerId ?? undefined };
      if (existing.status !== 'failed') {
        // An earlier attempt died between claiming and hearing back: the message may be out. Sending again
        // could text the customer twice, so the attempt is reported unconfirmed for the agent to check.
        await db.contactAttempt.update({ where: { key: req.key }, data: { status: 'unconfirmed' } });
        logger.warn('send outcome unknown, not resending', { key: req.key });
        return { status: 'unconfirmed' };
      }
      await db.contactAttempt.update({ where: { key: req.key }, data: { status: 'sending', error: null } });
    }

    const customer = await db.customer.findUniqueOrThrow({ where: { id: req.customerId } });
    const message = compose(customer.name);
    const to = req.channel === 'sms' ? customer.phone : customer.email;
    if (!to) {
      await db.contactAttempt.update({ where: { key: req.key }, data: { status: 'failed', error: `no ${req.channel} address` } });
      throw ApplicationFailure.nonRetryable(`customer ${req.customerId} has no ${req.channel} address`, 'missing_contact_detail');
    }
    try {
      const { providerId } =
        req.channel === 'sms'
          ? await sms.send(to, message.text)
          : await email.send({ to, subject: message.subject, text: message.text, messageId: `<${req.key.replace(/[^A-Za-z0-9.-]/g, '.')}@holdfast>` });
      await db.contactAttempt.update({ where: { key: req.key }, data: { status: 'sent', providerId, sentAt: new Date() } });
      return { status: 'sent', providerId };
    } catch (e) {
      // The provider answered with an error: nothing went out, so the retry may send.
      await db.contactAttempt.update({ where: { key: req.key }, data: { status: 'failed', error: String(e) } });
      throw e;
    }
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
