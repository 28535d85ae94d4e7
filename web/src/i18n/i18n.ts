// The dashboard's language: i18next with English bundled and Chinese loaded only when chosen; a Preact
// context re-renders the tree on a switch (no reload). Chosen by ?lang=, then this browser's last choice,
// then the browser's languages (zh* → zh-CN).
import i18next from 'i18next';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en } from './en';

export type Locale = 'en' | 'zh-CN';
const STORE = 'holdfast.locale';

const known = (s: string | null | undefined): Locale | undefined => (s === 'en' || s === 'zh-CN' ? s : undefined);

export function initialLocale(): Locale {
  const fromUrl = known(new URLSearchParams(location.search).get('lang'));
  if (fromUrl) return fromUrl;
  const kept = known(localStorage.getItem(STORE));
  if (kept) return kept;
  const first = (navigator.languages ?? [navigator.language]).find(Boolean) ?? 'en';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const ready = i18next.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

// Load the catalogue if needed, switch i18next, keep the choice and set <html lang>.
export async function setLocale(locale: Locale): Promise<void> {
  await ready;
  if (locale === 'zh-CN' && !i18next.hasResourceBundle('zh-CN', 'translation')) {
    const zh = (await import('./zh-CN')).default;
    i18next.addResourceBundle('zh-CN', 'translation', zh);
  }
  await i18next.changeLanguage(locale);
  localStorage.setItem(STORE, locale);
  document.documentElement.lang = locale;
}

export const LocaleContext = createContext<Locale>('en');

export function useT() {
  const locale = useContext(LocaleContext);
  return { t: i18next.getFixedT(locale), locale };
}
