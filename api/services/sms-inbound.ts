// An SMS from a customer (Twilio's inbound webhook): an opt-out keyword (STOP, 退订, TD, …: domain/reply-keywords.ts)
// opts the customer out of SMS at once (in the consent ledger, with the words received), an opt-in (START, 订阅)
// opts back in, a number 0-10 answers the customer's open SMS survey, and any
// other text reaches the customer's open case as a reply for its agent (the SMS invites one).
import type { Logger } from '../../config/logger';
import { consentKeyword, type ConsentKeyword } from '../../domain/reply-keywords';
import { customerReplySignal, surveyAnswerUpdate } from '../../workflows/messages';
import type { AppDeps } from '../deps';
import { announceConsentChange, writeConsentChange, type ConsentChangeRecord } from './consent-ledger';

type Deps = Pick<AppDeps, 'db' | 'cases'>;

// Opt-out and opt-in keywords change SMS consent for every customer with this number, in the consent ledger,
// which keeps the words as the customer wrote them.
async function applyKeyword(
  { db, cases }: Deps,
  log: Logger,
  from: string,
  keyword: { meaning: ConsentKeyword; words: string },
  ids: string[],
): Promise<void> {
  const granted = keyword.meaning === 'opt_in';
  const word = keyword.words;
  const changes: ConsentChangeRecord[] = ids.map((customerId) => ({
    customerId,
    channel: 'sms',
    granted,
    source: 'sms_keyword',
    actor: 'customer:sms',
    address: from,
    note: word,
  }));
  await db.$transaction(async (tx) => {
    for (const change of changes) await writeConsentChange(tx, change);
    // A keyword from a number no customer has is kept: the customer may be created with it later.
    if (ids.length === 0)
      await tx.consentEvent.create({
        data: { channel: 'sms', granted, source: 'sms_keyword', actor: 'customer:sms', address: from, note: word },
      });
  });
  for (const change of changes) await announceConsentChange(db, cases, log, change);
  log.info(granted ? 'sms opt-in' : 'sms opt-out', { customers: ids.length });
}

// A 0-10 answers the customers' open SMS survey; false when there is none.
async function answerSurvey({ db, cases }: Deps, log: Logger, score: number, ids: string[]): Promise<boolean> {
  const survey = await db.survey.findFirst({
    where: { channel: 'sms', answeredAt: null, case: { customerId: { in: ids }, status: 'open' } },
    orderBy: { sentAt: 'desc' },
    include: { case: { select: { workflowId: true, runId: true } } },
  });
  if (!survey) return false;
  await cases
    .runStep(
      { workflowId: survey.case.workflowId, runId: survey.case.runId },
      surveyAnswerUpdate,
      { score, actor: 'customer:sms' },
      survey.id,
    )
    .catch((e) => log.warn('sms survey answer not accepted', { error: String(e) }));
  return true;
}

// Any other text goes to the customer's open case as a reply for the agent; without one it is only logged.
async function passReplyOn({ db, cases }: Deps, log: Logger, text: string, ids: string[]): Promise<void> {
  const open = await db.case.findFirst({
    where: { customerId: { in: ids }, status: 'open' },
    orderBy: { openedAt: 'desc' },
    select: { id: true, workflowId: true, runId: true },
  });
  if (!open) return void log.info('sms reply without an open case', { customers: ids.length });
  await cases.signal(open, customerReplySignal, { channel: 'sms', text, receivedAt: new Date().toISOString() });
}

export async function takeInboundSms(deps: Deps, log: Logger, sms: { from: string; text: string }): Promise<void> {
  const { from, text } = sms;
  const meaning = consentKeyword(text);
  const customers = await deps.db.customer.findMany({ where: { phone: from }, select: { id: true } });
  const ids = customers.map((c) => c.id);
  if (meaning) await applyKeyword(deps, log, from, { meaning, words: text.trim() }, ids);
  else if (!(/^(10|[0-9])$/.test(text) && (await answerSurvey(deps, log, Number(text), ids))) && text)
    await passReplyOn(deps, log, text, ids);
}
