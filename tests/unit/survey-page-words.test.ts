// The survey page has every word in every language it offers, and opens in the customer's language.
import { SURVEY_WORDS, surveyLocale } from '../../api/http/survey-page-words';
import { surveyPage } from '../../api/http/survey-page';

const shape = (o: object): unknown =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'object' ? shape(v) : typeof v]));

test('every language has every word, none empty', () => {
  const english = shape(SURVEY_WORDS.en!);
  for (const [locale, words] of Object.entries(SURVEY_WORDS)) {
    expect([locale, shape(words)]).toEqual([locale, english]);
    expect(JSON.stringify(words)).not.toContain('""');
  }
});

test("a zh-CN customer's page is in Chinese with lang=zh-CN; an unknown language falls back to the bank's", () => {
  const page = surveyPage({ token: 't', answered: false, nonce: 'n', locale: surveyLocale('zh-CN', 'en') });
  expect(page).toContain('<html lang="zh-CN">');
  expect(page).toContain('请评价我们的服务');
  expect(page).not.toContain('How did we do?');
  expect(surveyLocale('fr', 'zh-CN')).toBe('zh-CN');
  expect(surveyLocale(null, 'en')).toBe('en');
});
