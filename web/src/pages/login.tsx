// Log in with an API key: checked against /v1/me before it is kept in session storage.
import { useState } from 'preact/hooks';
import { answer, createApi, type ApiError } from '../api';
import { ErrorBanner } from '../components/error-banner';
import type { Me } from '../contract';

export function LoginPage({ onLogin }: { onLogin: (key: string, me: Me) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<ApiError | Error>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const me = await answer(createApi(key.trim(), () => undefined).GET('/v1/me'));
      if (me.role === 'system')
        throw new Error('This is a system key (for integrations); log in with an agent, supervisor or admin key.');
      onLogin(key.trim(), me);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="login">
      <h1>Holdfast</h1>
      <p class="muted">Retention cases. Log in with your API key; it is kept only in this browser tab.</p>
      <form onSubmit={submit}>
        <label>
          API key
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
          Log in
        </button>
      </form>
      <ErrorBanner error={error} />
    </main>
  );
}
