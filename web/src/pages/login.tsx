// Log in with an API key: checked against /v1/me before it is kept in session storage.
import { useState } from 'preact/hooks';
import { answer, createApi, type ApiError } from '../api';
import { ErrorBanner } from '../components/error-banner';
import { LanguagePicker } from '../components/language-picker';
import type { Me } from '../contract';
import { type Locale, useT } from '../i18n/i18n';

export function LoginPage({
  onLogin,
  onLocale,
}: {
  onLogin: (key: string, me: Me) => void;
  onLocale: (l: Locale) => void;
}) {
  const { t } = useT();
  const [key, setKey] = useState('');
  const [error, setError] = useState<ApiError | Error>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const me = await answer(createApi(key.trim(), () => undefined).GET('/v1/me'));
      if (me.role === 'system') throw new Error(t('login.systemKey'));
      onLogin(key.trim(), me);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="login">
      <LanguagePicker onLocale={onLocale} />
      <h1>{t('app.name')}</h1>
      <p class="muted">{t('login.intro')}</p>
      <form onSubmit={submit}>
        <label>
          {t('login.apiKey')}
          <input
            name="apiKey"
            type="password"
            autocomplete="off"
            required
            value={key}
            onInput={(e) => setKey(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy || !key.trim()}>
          {t('login.logIn')}
        </button>
      </form>
      <ErrorBanner error={error} />
    </main>
  );
}
