// The bar above every page: the pages this key's role may open, the customer search, who is logged in and Log out.
import type { Me } from '../contract';
import { useT } from '../i18n/i18n';
import { CustomerSearchBox } from './customer-search-box';
import { LanguagePicker } from './language-picker';

interface Props {
  me: Me;
  // The page shown: the hash route's first part, or the key's home page when the route is empty.
  page: string;
  onLogout: () => void;
  onLocale: (locale: 'en' | 'zh-CN') => void;
}

function NavLink({ to, page, children }: { to: string; page: string; children: preact.ComponentChildren }) {
  return (
    <a href={`#/${to}`} class={page === to ? 'active' : ''}>
      {children}
    </a>
  );
}

function PageLinks({ me, page }: { me: Me; page: string }) {
  const { t } = useT();
  const supervisor = me.role === 'supervisor' || me.role === 'admin';
  return (
    <nav>
      <NavLink to="today" page={page}>
        {me.role === 'agent' ? t('nav.myDay') : t('nav.agentsDays')}
      </NavLink>
      <NavLink to="board" page={page}>
        {t('nav.board')}
      </NavLink>
      <NavLink to="workload" page={page}>
        {t('nav.workload')}
      </NavLink>
      {supervisor && (
        <NavLink to="reports" page={page}>
          {t('nav.reports')}
        </NavLink>
      )}
      {supervisor && (
        <NavLink to="playbooks" page={page}>
          {t('nav.playbooks')}
        </NavLink>
      )}
      {supervisor && (
        <NavLink to="experiments" page={page}>
          {t('nav.experiments')}
        </NavLink>
      )}
    </nav>
  );
}

export function TopBar({ me, page, onLogout, onLocale }: Props) {
  const { t } = useT();
  const supervisor = me.role === 'supervisor' || me.role === 'admin';
  return (
    <header class="top">
      <strong>{t('app.name')}</strong>
      <PageLinks me={me} page={page} />
      {(me.role === 'agent' || supervisor) && <CustomerSearchBox />}
      <LanguagePicker onLocale={onLocale} />
      <span class="who">
        {me.name} · {t(`role.${me.role}`)}
        {me.teamId ? ` · ${me.teamId}` : ''}
        <button type="button" class="link" onClick={onLogout}>
          {t('nav.logOut')}
        </button>
      </span>
    </header>
  );
}
