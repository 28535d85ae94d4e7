// Typed keys: t('nav.board') is checked against the English catalogue, so a missing key fails tsc.
import 'i18next';
import type { Catalogue } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}
