// A person's language as a BCP 47 tag (`zh-CN`, `en`): the customer's, for the messages they get, and the
// bank's default for a customer without one. Tags are kept in their canonical case (zh-cn → zh-CN) so a
// template provisioned as `zh-CN` is found for a customer imported as `zh-cn`.
import { z } from 'zod';

export const FALLBACK_LOCALE = 'en';

function canonicalLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
}

export const localeSchema = z
  .string()
  .trim()
  .min(2)
  .max(35)
  .transform((tag, ctx) => {
    const canonical = canonicalLocale(tag);
    if (!canonical) {
      ctx.addIssue({ code: 'custom', message: `"${tag}" is not a BCP 47 language tag, e.g. zh-CN or en` });
      return z.NEVER;
    }
    return canonical;
  });

// The locales to try for a customer, best first: theirs, its language alone (zh-TW → zh), the bank's default,
// then English, which every message has built in.
export function localeCandidates(customerLocale: string | null | undefined, bankDefault: string): string[] {
  const wanted = [
    customerLocale,
    customerLocale?.split('-')[0],
    bankDefault,
    bankDefault.split('-')[0],
    FALLBACK_LOCALE,
  ];
  return wanted.filter((l, i): l is string => !!l && wanted.indexOf(l) === i);
}
