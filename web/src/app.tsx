// The shell: log in with a key, then a page per hash route. Which links and buttons show depends on the
// key's role; the API enforces the same limits again.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { answer, createApi, type Api } from './api';
import { TopBar } from './components/top-bar';
import { type Locale, LocaleContext, initialLocale, setLocale } from './i18n/i18n';
import { setFormatLocale } from './format';
import { useHashRoute } from './hooks';
import { PageForRoute } from './page-for-route';
import { LoginPage } from './pages/login';
import { session } from './session';
import type { Me } from './contract';

export interface PageProps {
  api: Api;
  me: Me;
}

// The chosen language: loaded before the first paint in it, switched without a reload.
function useLocale(): [Locale | undefined, (l: Locale) => void] {
  const [locale, setShown] = useState<Locale>();
  const choose = (l: Locale) =>
    void setLocale(l).then(() => {
      setFormatLocale(l);
      setShown(l);
    });
  useEffect(() => choose(initialLocale()), []);
  return [locale, choose];
}

export function App() {
  const [locale, chooseLocale] = useLocale();
  if (!locale) return null;
  return (
    <LocaleContext.Provider value={locale}>
      <Shell onLocale={chooseLocale} />
    </LocaleContext.Provider>
  );
}

function Shell({ onLocale }: { onLocale: (l: Locale) => void }) {
  const [key, setKey] = useState(session.key());
  const [me, setMe] = useState<Me>();
  const route = useHashRoute();
  const logout = () => {
    session.clear();
    setKey(null);
    setMe(undefined);
  };
  const api = useMemo(() => (key ? createApi(key, logout) : undefined), [key]);

  useEffect(() => {
    if (api && !me) answer(api.GET('/v1/me')).then(setMe, logout);
  }, [api]);

  if (!api || !me) {
    return (
      <LoginPage
        onLocale={onLocale}
        onLogin={(k, who) => {
          session.save(k);
          setKey(k);
          setMe(who);
        }}
      />
    );
  }
  const [page, id] = route;
  // A person's agent key starts on their day; everyone else on the board.
  const shown = page || (me.agentId ? 'today' : 'board');
  return (
    <>
      <TopBar me={me} page={shown} onLogout={logout} onLocale={onLocale} />
      <main>
        <PageForRoute api={api} me={me} page={shown} id={id} />
      </main>
    </>
  );
}
