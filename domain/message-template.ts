// The words customers read: one template per message, with {{placeholders}} filled at send time. A bank
// provisions its own (holdfast.config `templates`); a message without one uses the default below. A template
// may use only the placeholders its message has, and must use the ones it needs (a survey without its link
// asks for an answer nobody can give).
import { z } from 'zod';

export const TEMPLATE_IDS = ['contact', 'survey'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
export interface MessageText {
  subject: string;
  text: string;
}

const PLACEHOLDERS: Record<TemplateId, { allowed: string[]; required: string[] }> = {
  contact: { allowed: ['firstName', 'name'], required: [] },
  survey: { allowed: ['firstName', 'name', 'surveyLink'], required: ['surveyLink'] },
};
const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export const DEFAULT_TEMPLATES: Record<TemplateId, MessageText> = {
  contact: {
    subject: 'Your accounts with us',
    text:
      "Hello {{firstName}}, this is your bank's client care team. We noticed some changes in your accounts and would like to make sure we are serving you well. " +
      'Your adviser will call you shortly, or reply to this message to choose a time.',
  },
  survey: {
    subject: 'How did we do?',
    text: 'Hello {{firstName}}, how likely are you to recommend us to a friend, from 0 to 10? Answer here: {{surveyLink}}',
  },
};

export const messageTemplateSpecSchema = z
  .strictObject({
    id: z.enum(TEMPLATE_IDS),
    subject: z.string().trim().min(1).max(200),
    // An SMS of up to ten segments.
    text: z.string().trim().min(1).max(1600),
  })
  .superRefine((t, ctx) => {
    const { allowed, required } = PLACEHOLDERS[t.id];
    for (const field of ['subject', 'text'] as const) {
      for (const [, name] of t[field].matchAll(PLACEHOLDER)) {
        if (!allowed.includes(name!))
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `{{${name}}} is not a placeholder of the ${t.id} message; it has ${allowed.map((a) => `{{${a}}}`).join(', ')}`,
          });
      }
    }
    for (const name of required) {
      if (![...t.text.matchAll(PLACEHOLDER)].some(([, n]) => n === name))
        ctx.addIssue({ code: 'custom', path: ['text'], message: `the ${t.id} message must include {{${name}}}` });
    }
  });
export type MessageTemplateSpec = z.infer<typeof messageTemplateSpecSchema>;

export function renderTemplate(template: MessageText, values: Record<string, string>): MessageText {
  const fill = (s: string) => s.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
  return { subject: fill(template.subject), text: fill(template.text) };
}

export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;
