// A message goes out in the customer's locale, else its language alone, else the bank's default, else English,
// the bank's own template before the built-in text at each step; the choice names the template and version.
import { chooseTemplate, templateKey, type StoredTemplate } from '../../domain/template-choice';

const own = (entries: [string, StoredTemplate][]) => new Map(entries);
const bankEnglishSms: [string, StoredTemplate] = [
  templateKey('contact', 'en', 'sms'),
  { subject: '', text: 'Bank EN {{salutation}}', version: 3 },
];

test("the bank's own template in the customer's locale wins, with its version", () => {
  const chosen = chooseTemplate(
    own([
      bankEnglishSms,
      [templateKey('contact', 'zh-CN', 'sms'), { subject: '', text: '行 {{salutation}}', version: 2 }],
    ]),
    { purpose: 'contact', channel: 'sms', customerLocale: 'zh-CN' },
    'en',
  );
  expect(chosen).toMatchObject({ locale: 'zh-CN', version: 2, template: { text: '行 {{salutation}}' } });
});

test('a zh-CN customer without a bank template in Chinese gets the built-in Chinese text, not English', () => {
  const chosen = chooseTemplate(
    own([bankEnglishSms]),
    { purpose: 'contact', channel: 'sms', customerLocale: 'zh-CN' },
    'en',
  );
  expect(chosen).toMatchObject({ locale: 'zh-CN', version: null });
  expect(chosen.template.text).toContain('您好');
});

test("a customer in a language nobody wrote falls back to the bank's default locale, then English", () => {
  expect(
    chooseTemplate(own([bankEnglishSms]), { purpose: 'contact', channel: 'sms', customerLocale: 'fr-FR' }, 'zh-CN'),
  ).toMatchObject({
    locale: 'zh-CN',
    version: null,
  });
  expect(
    chooseTemplate(own([bankEnglishSms]), { purpose: 'contact', channel: 'sms', customerLocale: null }, 'en'),
  ).toMatchObject({
    locale: 'en',
    version: 3,
  });
  // zh-TW falls to its language, zh, then the default: here English, the bank's own.
  expect(
    chooseTemplate(own([bankEnglishSms]), { purpose: 'contact', channel: 'sms', customerLocale: 'zh-TW' }, 'en'),
  ).toMatchObject({
    locale: 'en',
  });
});
