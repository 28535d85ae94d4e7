// The shell: log in with a key, then a page per hash route. Which links and buttons show depends on the
// key's role; the API enforces the same limits again.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { answer, createApi, type Api } from './api';
import { useHashRoute } from './hooks';
import { BoardPage } from './pages/board';
import { CasePage } from './pages/case-page';
import { ExperimentsPage } from './pages/experiments';
import { LoginPage } from './pages/login';
import { MyDayPage } from './pages/my-day';
import { CustomerPage } from './pages/customer-page';
import { CustomerSearchPage } from './pages/customer-search';
import { CustomerSearchBox } from './components/customer-search-box';
import { PlaybooksPage } from './pages/playbooks';
import { ReportsPage } from './pages/reports';
import { WorkloadPage } from './pages/workload';
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
  const supervisor = me.role === 'supervisor' || me.role === 'admin';
  // A person's agent key starts on their day; everyone else on the board.
  const home = me.agentId ? 'today' : 'board';
  return (
    <>
      <header class="top">
        <strong>Holdfast</strong>
        <nav>
          <a href="#/today" class={page === 'today' || (!page && home === 'today') ? 'active' : ''}>
            {me.role === 'agent' ? 'My day' : 'Agents’ days'}
          </a>
          <a href="#/board" class={page === 'board' || (!page && home === 'board') ? 'active' : ''}>
            Case board
          </a>
          <a href="#/workload" class={page === 'workload' ? 'active' : ''}>
            Workload
          </a>
          {supervisor && (
            <a href="#/reports" class={page === 'reports' ? 'active' : ''}>
              Reports
            </a>
          )}
          {supervisor && (
            <a href="#/playbooks" class={page === 'playbooks' ? 'active' : ''}>
              Playbooks
            </a>
          )}
          {supervisor && (
            <a href="#/experiments" class={page === 'experiments' ? 'active' : ''}>
              Experiments
            </a>
          )}
        </nav>
        {(me.role === 'agent' || supervisor) && <CustomerSearchBox />}
        <span class="who">
          {me.name} · {me.role}
          {me.teamId ? ` · ${me.teamId}` : ''}
          <button type="button" class="link" onClick={logout}>
            Log out
          </button>
        </span>
      </header>
      <main>
        {page === 'today' || (!page && home === 'today') ? (
          <MyDayPage api={api} me={me} />
        ) : page === 'find' && id ? (
          <CustomerSearchPage api={api} me={me} query={id} />
        ) : page === 'customers' && id ? (
          <CustomerPage api={api} me={me} customerId={id} />
        ) : page === 'cases' && id ? (
          <CasePage api={api} me={me} caseId={id} />
        ) : page === 'workload' ? (
          <WorkloadPage api={api} me={me} />
        ) : page === 'reports' && supervisor ? (
          <ReportsPage api={api} me={me} />
        ) : page === 'experiments' && supervisor ? (
          <ExperimentsPage api={api} me={me} playbookId={id} />
        ) : page === 'playbooks' && supervisor ? (
          <PlaybooksPage api={api} me={me} playbookId={id} />
        ) : (
          <BoardPage api={api} me={me} />
        )}
      </main>
    </>
  );
}
