// The words customers read: a template per purpose (contact, survey), locale and channel, with {{placeholders}}
// filled at send time. A bank provisions its own (holdfast.config `templates`, PUT /v1/templates/:id); a
// message without one uses the built-in text for that locale (domain/default-templates.ts). A template may use
// only its purpose's placeholders, must use the ones it needs (a survey without its link asks for an answer
// nobody can give), and must fit its channel: an SMS within MAX_SMS_PARTS parts in its own encoding (a Chinese
// text is UCS-2: 70 characters in one part, 67 per part), an email with a subject.
import { z } from 'zod';
import { FALLBACK_LOCALE, localeSchema } from './locale';
import { MAX_SMS_PARTS, smsLength } from './sms-length';

export const TEMPLATE_IDS = ['contact', 'survey'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
export const TEMPLATE_CHANNELS = ['sms', 'email'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];
export interface MessageText {
  subject: string;
  text: string;
}

// {{salutation}} is how the bank addresses the customer (王先生, Ms Ng; the full name when it has none);
// {{firstName}} is kept for templates written before 1.1 and is the salutation too: a name is never split on
// spaces, which has no meaning for 王小明.
const PLACEHOLDERS: Record<TemplateId, { allowed: string[]; required: string[] }> = {
  contact: { allowed: ['salutation', 'name', 'firstName'], required: [] },
  survey: { allowed: ['salutation', 'name', 'firstName', 'surveyLink'], required: ['surveyLink'] },
};
const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

// What a placeholder is measured as when a template's length is checked: a long name and a full survey link.
const MEASURED_AS: Record<string, string> = {
  salutation: 'Ms Example-Customer',
  name: 'Alexandra Example-Customer',
  firstName: 'Ms Example-Customer',
  surveyLink: 'https://bank.example/s/XXXXXXXXXXXXXXXXXXXXXXXX',
};

export const messageTemplateSpecSchema = z
  .strictObject({
    id: z.enum(TEMPLATE_IDS),
    // Absent: English, the one language templates had before 1.1.
    locale: localeSchema.default(FALLBACK_LOCALE),
    // Absent: the same text for SMS and email, as before 1.1.
    channel: z.enum(TEMPLATE_CHANNELS).optional(),
    // An SMS has no subject; an email needs one.
    subject: z.string().trim().max(200).default(''),
    text: z.string().trim().min(1).max(10_000),
  })
  .superRefine((t, ctx) => {
    checkPlaceholders(t, ctx);
    if (t.channel !== 'sms' && !t.subject)
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'an email template needs a subject' });
    if (t.channel !== 'email') checkSmsLength(t.text, ctx);
  });
export type MessageTemplateSpec = z.infer<typeof messageTemplateSpecSchema>;

function checkPlaceholders(t: { id: TemplateId; subject: string; text: string }, ctx: z.RefinementCtx): void {
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
}

// The SMS as a customer with a long name would get it, counted in the encoding its own characters need.
function measuredSms(text: string) {
  return smsLength(text.replace(PLACEHOLDER, (whole, name: string) => MEASURED_AS[name] ?? whole));
}

// The most characters ten SMS parts can hold (GSM-7, 153 a part): a longer text is refused without counting, which
// for a hostile text of a megabyte would take the calculator minutes.
const MOST_SMS_CHARACTERS = MAX_SMS_PARTS * 153;

function checkSmsLength(text: string, ctx: z.RefinementCtx): void {
  if (text.length > MOST_SMS_CHARACTERS) {
    ctx.addIssue({
      code: 'custom',
      path: ['text'],
      message: `as an SMS this is ${text.length} characters, over ${MAX_SMS_PARTS} parts in any encoding; at most ${MOST_SMS_CHARACTERS}`,
    });
    return;
  }
  const length = measuredSms(text);
  if (length.parts > MAX_SMS_PARTS)
    ctx.addIssue({
      code: 'custom',
      path: ['text'],
      message: `as an SMS this is ${length.parts} parts in ${length.encoding} (${length.characters} characters with a long name filled in); at most ${MAX_SMS_PARTS}`,
    });
}

export function renderTemplate(template: MessageText, values: Record<string, string>): MessageText {
  const fill = (s: string) => s.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
  return { subject: fill(template.subject), text: fill(template.text) };
}

// The values every message knows about its customer: the salutation the bank keeps, else the full name.
export function customerValues(customer: { name: string; salutation?: string | null }): Record<string, string> {
  const salutation = customer.salutation?.trim() || customer.name;
  return { salutation, firstName: salutation, name: customer.name };
}
