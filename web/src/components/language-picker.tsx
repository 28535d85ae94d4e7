// 中文 / English in the header: each name in its own language, so a person finds theirs whatever is shown.
import { type Locale, useT } from '../i18n/i18n';

const NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguagePicker({ onLocale }: { onLocale: (locale: Locale) => void }) {
  const { locale } = useT();
  return (
    <span class="language">
      {(Object.keys(NAMES) as Locale[]).map((l) => (
        <button key={l} type="button" class="link" lang={l} aria-pressed={l === locale} onClick={() => onLocale(l)}>
          {NAMES[l]}
        </button>
      ))}
    </span>
  );
}
