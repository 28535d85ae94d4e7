// The message templates the bank provisioned (message_templates), read at most every 30 s per worker so a
// send costs no extra query; the text for a customer is chosen by domain/template-choice.ts (their locale,
// else the bank's default, the bank's own text before the built-in one).
import type { Sql } from '../config/sql';
import {
  customerValues,
  renderTemplate,
  type MessageText,
  type TemplateChannel,
  type TemplateId,
} from '../domain/message-template';
import { chooseTemplate, templateKey, type ChosenTemplate, type StoredTemplate } from '../domain/template-choice';

const REFRESH_MS = 30_000;

// The customer as a message addresses them.
interface Addressee {
  name: string;
  salutation: string | null;
  locale: string | null;
}
// A message for one customer, and which template and locale it came from (for the timeline).
export type Composer = (to: Addressee) => MessageText & { chosen: Omit<ChosenTemplate, 'template'> };

type TemplateRow = { purpose: TemplateId; locale: string; channel: TemplateChannel } & StoredTemplate;

export function templateStore(sql: Sql, bankDefaultLocale: string) {
  let loaded: { at: number; templates: Map<string, StoredTemplate> } | undefined;
  const provisioned = async () => {
    if (!loaded || Date.now() - loaded.at > REFRESH_MS) {
      const { rows } = await sql.query<TemplateRow>({
        name: 'message-templates',
        text: 'SELECT purpose, locale, channel, subject, text, version FROM message_templates',
      });
      loaded = {
        at: Date.now(),
        templates: new Map(rows.map((r) => [templateKey(r.purpose, r.locale, r.channel), r])),
      };
    }
    return loaded.templates;
  };
  const composer = async (purpose: TemplateId, channel: TemplateChannel, values: Record<string, string>) => {
    const templates = await provisioned();
    return ((to) => {
      const { template, ...chosen } = chooseTemplate(
        templates,
        { purpose, channel, customerLocale: to.locale },
        bankDefaultLocale,
      );
      return { ...renderTemplate(template, { ...customerValues(to), ...values }), chosen };
    }) satisfies Composer;
  };
  return {
    contact: (channel: TemplateChannel) => composer('contact', channel, {}),
    survey: (channel: TemplateChannel, link: string) => composer('survey', channel, { surveyLink: link }),
  };
}
