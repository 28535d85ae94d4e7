// A message template may use only its message's placeholders and must use the ones the message needs.
import { DEFAULT_TEMPLATES, messageTemplateSpecSchema, renderTemplate } from '../../domain/message-template';

test('placeholders are filled; an unknown one would be refused before it could reach a customer', () => {
  expect(
    renderTemplate(
      { subject: 'Hi {{ firstName }}', text: '{{name}}: {{surveyLink}}' },
      { firstName: 'Zoë', name: 'Zoë Ng', surveyLink: 'https://b.example/s/x' },
    ),
  ).toEqual({ subject: 'Hi Zoë', text: 'Zoë Ng: https://b.example/s/x' });
  const refused = messageTemplateSpecSchema.safeParse({
    id: 'contact',
    subject: 'Hi {{firstName}}',
    text: 'Answer at {{surveyLink}}, {{nmae}}',
  });
  expect(refused.error!.issues.map((i) => i.message)).toEqual([
    '{{surveyLink}} is not a placeholder of the contact message; it has {{firstName}}, {{name}}',
    '{{nmae}} is not a placeholder of the contact message; it has {{firstName}}, {{name}}',
  ]);
});

test('a survey without its link is refused; the built-in texts are valid templates', () => {
  const noLink = messageTemplateSpecSchema.safeParse({
    id: 'survey',
    subject: 'How did we do?',
    text: 'Reply with a score from 0 to 10',
  });
  expect(noLink.error!.issues.map((i) => i.message)).toEqual(['the survey message must include {{surveyLink}}']);
  for (const [id, t] of Object.entries(DEFAULT_TEMPLATES))
    expect(messageTemplateSpecSchema.safeParse({ id, ...t }).success).toBe(true);
});
