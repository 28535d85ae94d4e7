// A message template may use only its message's placeholders, must use the ones the message needs, and must fit
// its channel: an SMS within ten parts in the encoding its characters need, an email with a subject.
import { DEFAULT_TEMPLATES } from '../../domain/default-templates';
import { customerValues, messageTemplateSpecSchema, renderTemplate } from '../../domain/message-template';

const messages = (r: { error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

test('placeholders are filled; an unknown one would be refused before it could reach a customer', () => {
  expect(
    renderTemplate(
      { subject: 'Hi {{ salutation }}', text: '{{name}}: {{surveyLink}}' },
      { salutation: 'Ms Ng', name: 'Zoë Ng', surveyLink: 'https://b.example/s/x' },
    ),
  ).toEqual({ subject: 'Hi Ms Ng', text: 'Zoë Ng: https://b.example/s/x' });
  const refused = messageTemplateSpecSchema.safeParse({
    id: 'contact',
    subject: 'Hi {{salutation}}',
    text: 'Answer at {{surveyLink}}, {{nmae}}',
  });
  expect(messages(refused)).toEqual([
    '{{surveyLink}} is not a placeholder of the contact message; it has {{salutation}}, {{name}}, {{firstName}}',
    '{{nmae}} is not a placeholder of the contact message; it has {{salutation}}, {{name}}, {{firstName}}',
  ]);
});

test('a customer is addressed as the bank writes it, never by splitting the name on spaces', () => {
  expect(customerValues({ name: '王小明', salutation: '王先生' })).toEqual({
    salutation: '王先生',
    firstName: '王先生',
    name: '王小明',
  });
  // No salutation: the full name, also where {{firstName}} (the 1.0 placeholder) asks for it.
  expect(customerValues({ name: 'Mary Ann Lee', salutation: null }).firstName).toBe('Mary Ann Lee');
});

test('a survey without its link is refused; an email needs a subject; the built-in texts are valid templates', () => {
  const noLink = messageTemplateSpecSchema.safeParse({ id: 'survey', subject: 'How?', text: 'Reply 0 to 10' });
  expect(messages(noLink)).toEqual(['the survey message must include {{surveyLink}}']);
  const noSubject = messageTemplateSpecSchema.safeParse({ id: 'contact', channel: 'email', text: 'Hello' });
  expect(messages(noSubject)).toEqual(['an email template needs a subject']);
  for (const [locale, byPurpose] of Object.entries(DEFAULT_TEMPLATES))
    for (const [id, byChannel] of Object.entries(byPurpose))
      for (const [channel, t] of Object.entries(byChannel))
        expect([
          locale,
          id,
          channel,
          messages(messageTemplateSpecSchema.safeParse({ id, locale, channel, ...t })),
        ]).toEqual([locale, id, channel, []]);
  expect(Object.keys(DEFAULT_TEMPLATES).sort()).toEqual(['en', 'zh-CN']);
});

test('an SMS is measured in its own encoding: a Chinese text of 700 characters is 11 UCS-2 parts, refused', () => {
  const chinese = messageTemplateSpecSchema.safeParse({
    id: 'contact',
    locale: 'zh-CN',
    channel: 'sms',
    text: '您'.repeat(700),
  });
  expect(messages(chinese)).toEqual([
    'as an SMS this is 11 parts in UCS-2 (700 characters with a long name filled in); at most 10',
  ]);
  // The same number of Latin letters is five GSM-7 parts, accepted.
  expect(messageTemplateSpecSchema.safeParse({ id: 'contact', channel: 'sms', text: 'a'.repeat(700) }).success).toBe(
    true,
  );
  // Without a locale a template is English (as in 1.0); a tag is kept in its canonical case.
  expect(messageTemplateSpecSchema.parse({ id: 'contact', subject: 'S', text: 'T' }).locale).toBe('en');
  expect(messageTemplateSpecSchema.parse({ id: 'contact', locale: 'zh-cn', channel: 'sms', text: 'T' }).locale).toBe(
    'zh-CN',
  );
});

test('a hostile megabyte of text is refused by its length, without counting its parts', () => {
  // Counting a megabyte's graphemes takes the calculator minutes; the refusal comes from the length alone.
  const huge = messageTemplateSpecSchema.safeParse({ id: 'contact', channel: 'sms', text: 'x'.repeat(1_000_000) });
  expect(messages(huge)).toContain('as an SMS this is 1000000 characters, over 10 parts in any encoding; at most 1530');
});
