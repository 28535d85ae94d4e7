// A case's call sheet (GET /v1/cases/:id/call-sheet): what an agent needs on one screen before the call. Why
// the customer is at risk, who they are, how to reach them, what was said before, the offer they may make
// and its conditions, and the words of the playbook's message for this step.
import type { Sql } from '../../config/sql';
import { DRIVER_SENTENCES, offerConditions, riskFactorSentence } from '../../domain/call-sheet-words';
import { maskContactsInText } from '../../domain/contact-masking';
import { customerValues, renderTemplate, type TemplateId } from '../../domain/message-template';
import { chooseTemplate, templateKey } from '../../domain/template-choice';
import { FALLBACK_LOCALE } from '../../domain/locale';
import { eligibleOffers, offerBudget } from '../../domain/offer';
import { playbookDefinitionSchema, type PlaybookDefinition } from '../../domain/playbook';
import type { ChurnDriver, Tier } from '../../domain/vocabulary';
import { caseNotFound } from '../../domain/errors/case-errors';
import { contactDetailsFor } from './contact-details';
import type { Viewer } from './customer-search';
import { localTime } from './local-format';
import {
  caseOffer,
  caseSignals,
  customerContacts,
  customerReplies,
  messageTemplates,
  offerCatalog,
  sheetCase,
  type CatalogRow,
  type SheetCaseRow,
} from './call-sheet-sql';

// The message of the step the case is at; offers and decisions have no customer message of their own.
const STEP_TEMPLATE: Record<string, TemplateId> = {
  detected: 'contact',
  assigned: 'contact',
  contacting: 'contact',
  resurvey_scheduled: 'survey',
  surveyed: 'survey',
};

function offersFor(row: SheetCaseRow, playbook: PlaybookDefinition | undefined, catalog: CatalogRow[]) {
  if (!playbook || !row.driver) return { budget: null, eligible: [] };
  const ctx = {
    tier: row.tier as Tier,
    driver: row.driver as ChurnDriver,
    assetsUnderManagement: row.assets,
    budgetRate: playbook.offer.budgetRate,
  };
  const byId = new Map(catalog.map((o) => [o.id, o]));
  const eligible = eligibleOffers(
    catalog.map((o) => ({ ...o, remaining: o.remaining ?? undefined })),
    ctx,
  ).map((o) => {
    const full = byId.get(o.id)!;
    return {
      offerId: o.id,
      name: o.name,
      kind: o.kind,
      description: full.description,
      cost: o.cost,
      conditions: offerConditions({
        cost: o.cost,
        minValue: o.minValue,
        approvalCostThreshold: playbook.offer.approvalCostThreshold,
        expiry: playbook.offer.expiry,
        remaining: full.remaining,
        validUntil: full.validUntil,
      }),
    };
  });
  return { budget: offerBudget(ctx), eligible };
}

// The words of the step's message in the customer's language, as its email would say them.
async function script(sql: Sql, row: SheetCaseRow, defaultLocale: string) {
  const id = STEP_TEMPLATE[row.stage];
  if (!id) return null;
  const own = new Map((await messageTemplates(sql, id)).map((t) => [templateKey(id, t.locale, 'email'), t]));
  const { template, locale } = chooseTemplate(
    own,
    { purpose: id, channel: 'email', customerLocale: row.locale },
    defaultLocale,
  );
  return { templateId: id, locale, ...renderTemplate(template, customerValues(row)) };
}

function whyAtRisk(row: SheetCaseRow, signals: Awaited<ReturnType<typeof caseSignals>>) {
  const contribution = new Map(row.riskExplanation.map((f) => [f.signalId, f.contribution]));
  return {
    reason: row.reason,
    driver: row.driver,
    driverSentence: row.driver ? (DRIVER_SENTENCES[row.driver as ChurnDriver] ?? null) : null,
    riskScore: row.riskScore,
    priority: row.priority,
    signals: signals.map((s) => ({
      type: s.type,
      severity: s.severity,
      occurredAt: s.occurredAt,
      details: s.details,
      sentence: riskFactorSentence(s.type, s.severity, s.details, contribution.get(s.id)),
    })),
  };
}

function customerOf(row: SheetCaseRow, viewer: Viewer, now: Date) {
  return {
    customerId: row.customerId,
    name: row.name,
    tier: row.tier,
    segment: row.segment,
    lifecycleStage: row.lifecycleStage,
    assetsUnderManagement: row.assets,
    timeZone: row.timeZone,
    localTimeNow: localTime(now, row.timeZone),
    preferredChannels: row.preferredChannels,
    consent: row.consent,
    contact: contactDetailsFor(viewer.agentId, row.status === 'open' ? row.agentId : null, row.phone, row.email),
  };
}

export async function callSheet(sql: Sql, caseId: string, viewer: Viewer, now: Date, defaultLocale = FALLBACK_LOCALE) {
  const row = await sheetCase(sql, caseId, viewer.team);
  if (!row) throw caseNotFound({ caseId });
  const playbook = playbookDefinitionSchema.safeParse(row.definition).data;
  const [signals, contacts, replies, catalog, current, words] = await Promise.all([
    caseSignals(sql, caseId),
    customerContacts(sql, row.customerId),
    customerReplies(sql, row.customerId),
    offerCatalog(sql),
    caseOffer(sql, caseId),
    script(sql, row, defaultLocale),
  ]);
  return {
    caseId,
    stage: row.stage,
    status: row.status,
    whyAtRisk: whyAtRisk(row, signals),
    customer: customerOf(row, viewer, now),
    saidBefore: {
      contacts: contacts.map((c) => ({ ...c, note: c.note && maskContactsInText(c.note) })),
      replies: replies.map((r) => ({ ...r, text: maskContactsInText(r.text ?? '') })),
    },
    offer: { current: current ?? null, ...offersFor(row, playbook, catalog) },
    script: words,
  };
}
