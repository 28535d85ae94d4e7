// The bar above every page: the pages this key's role may open, the customer search, who is logged in and Log out.
import type { Me } from '../contract';
import { CustomerSearchBox } from './customer-search-box';

interface Props {
  me: Me;
  // The page shown: the hash route's first part, or the key's home page when the route is empty.
  page: string;
  onLogout: () => void;
}

function NavLink({ to, page, children }: { to: string; page: string; children: preact.ComponentChildren }) {
  return (
    <a href={`#/${to}`} class={page === to ? 'active' : ''}>
      {children}
    </a>
  );
}

function PageLinks({ me, page }: { me: Me; page: string }) {
  const supervisor = me.role === 'supervisor' || me.role === 'admin';
  return (
    <nav>
      <NavLink to="today" page={page}>
        {me.role === 'agent' ? 'My day' : 'Agents’ days'}
      </NavLink>
      <NavLink to="board" page={page}>
        Case board
      </NavLink>
      <NavLink to="workload" page={page}>
        Workload
      </NavLink>
      {supervisor && (
        <NavLink to="reports" page={page}>
          Reports
        </NavLink>
      )}
      {supervisor && (
        <NavLink to="playbooks" page={page}>
          Playbooks
        </NavLink>
      )}
      {supervisor && (
        <NavLink to="experiments" page={page}>
          Experiments
        </NavLink>
      )}
    </nav>
  );
}

export function TopBar({ me, page, onLogout }: Props) {
  const supervisor = me.role === 'supervisor' || me.role === 'admin';
  return (
    <header class="top">
      <strong>Holdfast</strong>
      <PageLinks me={me} page={page} />
      {(me.role === 'agent' || supervisor) && <CustomerSearchBox />}
      <span class="who">
        {me.name} · {me.role}
        {me.teamId ? ` · ${me.teamId}` : ''}
        <button type="button" class="link" onClick={onLogout}>
          Log out
        </button>
      </span>
    </header>
  );
}
