// The built-in texts of each message, in English and Chinese, for a bank that has not provisioned its own. A
// Chinese SMS names how to unsubscribe (回复TD退订), as Chinese operators expect of a bank's messages.
import type { MessageText, TemplateChannel, TemplateId } from './message-template';

type Texts = Record<TemplateId, Record<TemplateChannel, MessageText>>;

const EN_CONTACT =
  "Hello {{salutation}}, this is your bank's client care team. We noticed some changes in your accounts and would like to make sure we are serving you well. " +
  'Your adviser will call you shortly, or reply to this message to choose a time.';
const EN_SURVEY =
  'Hello {{salutation}}, how likely are you to recommend us to a friend, from 0 to 10? Answer here: {{surveyLink}}';
const ZH_CONTACT =
  '{{salutation}}您好，这里是您的银行客户服务团队。我们留意到您的账户近期有些变化，希望确认我们的服务令您满意。您的客户经理将很快致电您，您也可回复本短信约定方便的时间。';
const ZH_SURVEY = '{{salutation}}您好，您有多大可能向朋友推荐我们？请打0到10分：{{surveyLink}}';

export const DEFAULT_TEMPLATES: Record<string, Texts> = {
  en: {
    contact: {
      sms: { subject: '', text: EN_CONTACT },
      email: { subject: 'Your accounts with us', text: EN_CONTACT },
    },
    survey: {
      sms: { subject: '', text: EN_SURVEY },
      email: { subject: 'How did we do?', text: EN_SURVEY },
    },
  },
  'zh-CN': {
    contact: {
      sms: { subject: '', text: `${ZH_CONTACT}回复TD退订` },
      email: { subject: '关于您在我行的账户', text: ZH_CONTACT },
    },
    survey: {
      sms: { subject: '', text: `${ZH_SURVEY} 回复TD退订` },
      email: { subject: '请评价我们的服务', text: ZH_SURVEY },
    },
  },
};
