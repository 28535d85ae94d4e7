// The survey page's words in each language the customer may read it in, and the answers' error codes as the
// customer should read them. English is the source; a language without every word is refused by a test.
import { localeCandidates } from '../../domain/locale';

export interface SurveyWords {
  title: string;
  question: string;
  comment: string;
  send: string;
  thanks: string;
  errors: Record<'survey_not_found' | 'survey_already_answered' | 'survey_closed' | 'other', string>;
}

export const SURVEY_WORDS: Record<string, SurveyWords> = {
  en: {
    title: 'How did we do?',
    question: 'How likely are you to recommend us to a friend or colleague? (0 = not at all, 10 = extremely)',
    comment: 'Anything you would like to tell us?',
    send: 'Send',
    thanks: 'Thank you, we have your answer.',
    errors: {
      survey_not_found: 'This survey link is not valid.',
      survey_already_answered: 'This survey has already been answered. Thank you.',
      survey_closed: 'This survey is closed.',
      other: 'Your answer could not be sent. Please try again in a moment.',
    },
  },
  'zh-CN': {
    title: '请评价我们的服务',
    question: '您有多大可能向朋友或同事推荐我们？（0 = 完全不可能，10 = 非常可能）',
    comment: '您还有什么想告诉我们的吗？',
    send: '提交',
    thanks: '谢谢您，我们已收到您的评价。',
    errors: {
      survey_not_found: '此问卷链接无效。',
      survey_already_answered: '此问卷已经提交过了，谢谢您。',
      survey_closed: '此问卷已关闭。',
      other: '您的评价未能提交，请稍后再试。',
    },
  },
};

// The customer's language if the page has it, else the bank's default, else English.
export function surveyLocale(customerLocale: string | null, bankDefault: string): string {
  return localeCandidates(customerLocale, bankDefault).find((l) => SURVEY_WORDS[l]) ?? 'en';
}
