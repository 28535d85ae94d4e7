// Which page a hash route opens, e.g. "#/cases/abc" the case abc. A route this key's role may not open, or one
// not known, shows the case board.
import type { PageProps } from './app';
import { BoardPage } from './pages/board';
import { CasePage } from './pages/case-page';
import { CustomerPage } from './pages/customer-page';
import { CustomerSearchPage } from './pages/customer-search';
import { ExperimentsPage } from './pages/experiments';
import { MyDayPage } from './pages/my-day';
import { PlaybooksPage } from './pages/playbooks';
import { ReportsPage } from './pages/reports';
import { WorkloadPage } from './pages/workload';

// page: the route's first part, or the key's home page when the route is empty; id: its second part.
export function PageForRoute({ api, me, page, id }: PageProps & { page: string; id: string | undefined }) {
  const supervisor = me.role === 'supervisor' || me.role === 'admin';
  if (page === 'today') return <MyDayPage api={api} me={me} />;
  if (page === 'find' && id) return <CustomerSearchPage api={api} me={me} query={id} />;
  if (page === 'customers' && id) return <CustomerPage api={api} me={me} customerId={id} />;
  if (page === 'cases' && id) return <CasePage api={api} me={me} caseId={id} />;
  if (page === 'workload') return <WorkloadPage api={api} me={me} />;
  if (page === 'reports' && supervisor) return <ReportsPage api={api} me={me} />;
  if (page === 'experiments' && supervisor) return <ExperimentsPage api={api} me={me} playbookId={id} />;
  if (page === 'playbooks' && supervisor) return <PlaybooksPage api={api} me={me} playbookId={id} />;
  return <BoardPage api={api} me={me} />;
}
