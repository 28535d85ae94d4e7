// The shell: log in with a key, then a page per hash route. Which links and buttons show depends on the
// key's role; the API enforces the same limits again.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { answer, createApi, type Api } from './api';
import { TopBar } from './components/top-bar';
import { useHashRoute } from './hooks';
import { PageForRoute } from './page-for-route';
import { LoginPage } from './pages/login';
import { session } from './session';
import type { Me } from './contract';

export interface PageProps {
  api: Api;
  me: Me;
}

export function App() {
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
      <TopBar me={me} page={shown} onLogout={logout} />
      <main>
        <PageForRoute api={api} me={me} page={shown} id={id} />
      </main>
    </>
  );
}
