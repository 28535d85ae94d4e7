// The message templates the bank provisioned (message_templates), read at most every 30 s per worker so a
// send costs no extra query; a message without a provisioned template uses domain/message-template.ts's.
import type { Sql } from '../config/sql';
import {
  DEFAULT_TEMPLATES,
  firstName,
  renderTemplate,
  type MessageText,
  type TemplateId,
} from '../domain/message-template';

const REFRESH_MS = 30_000;

export function templateStore(sql: Sql) {
  let loaded: { at: number; templates: Map<string, MessageText> } | undefined;
  const template = async (id: TemplateId): Promise<MessageText> => {
    if (!loaded || Date.now() - loaded.at > REFRESH_MS) {
      const { rows } = await sql.query<{ id: string; subject: string; text: string }>({
        name: 'message-templates',
        text: 'SELECT id, subject, text FROM message_templates',
      });
      loaded = { at: Date.now(), templates: new Map(rows.map((r) => [r.id, { subject: r.subject, text: r.text }])) };
    }
    return loaded.templates.get(id) ?? DEFAULT_TEMPLATES[id];
  };
  return {
    async contact(): Promise<(name: string) => MessageText> {
      const t = await template('contact');
      return (name) => renderTemplate(t, { firstName: firstName(name), name });
    },
    async survey(link: string): Promise<(name: string) => MessageText> {
      const t = await template('survey');
      return (name) => renderTemplate(t, { firstName: firstName(name), name, surveyLink: link });
    },
  };
}
