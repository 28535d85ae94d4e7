// Which text a customer gets: the template for the message's purpose and channel in the customer's locale,
// else in its language alone, else the bank's default locale, else English; at each locale the bank's own
// template before the built-in one. The choice is kept on the timeline (which template, which locale).
import { DEFAULT_TEMPLATES } from './default-templates';
import { localeCandidates } from './locale';
import type { MessageText, TemplateChannel, TemplateId } from './message-template';

export interface StoredTemplate extends MessageText {
  version: number;
}
export interface ChosenTemplate {
  template: MessageText;
  purpose: TemplateId;
  locale: string;
  channel: TemplateChannel;
  // The provisioned template's version; null for the built-in text.
  version: number | null;
}

export const templateKey = (purpose: TemplateId, locale: string, channel: TemplateChannel) =>
  `${purpose}|${locale}|${channel}`;

export function chooseTemplate(
  provisioned: ReadonlyMap<string, StoredTemplate>,
  want: { purpose: TemplateId; channel: TemplateChannel; customerLocale: string | null | undefined },
  bankDefaultLocale: string,
): ChosenTemplate {
  const { purpose, channel } = want;
  for (const locale of localeCandidates(want.customerLocale, bankDefaultLocale)) {
    const own = provisioned.get(templateKey(purpose, locale, channel));
    if (own)
      return { template: { subject: own.subject, text: own.text }, purpose, locale, channel, version: own.version };
    const builtIn = DEFAULT_TEMPLATES[locale]?.[purpose][channel];
    if (builtIn) return { template: builtIn, purpose, locale, channel, version: null };
  }
  // localeCandidates always ends with English, which is built in.
  throw new Error(`no ${purpose} template for ${channel}`);
}
