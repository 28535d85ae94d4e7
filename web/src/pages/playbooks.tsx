// Playbooks: each with its versions and which is current, a version as readable settings, the draft edited
// as JSON with every field at fault shown as you type (each keystroke pause saves the draft, which the API
// checks with the version schema), its difference from the current version, the dry run, and Publish.
// Admins edit and publish; supervisors read and run dry runs. The API enforces the same.
import { answer } from '../api';
import type { PageProps } from '../app';
import { ErrorBanner } from '../components/error-banner';
import { PlaybookDetail } from '../components/playbook-detail';
import { usePolling } from '../hooks';

export function PlaybooksPage({ api, me, playbookId }: PageProps & { playbookId?: string }) {
  const list = usePolling(() => answer(api.GET('/v1/playbooks')), 60_000, [api]);
  return (
    <section>
      <h1>Playbooks</h1>
      <ErrorBanner error={list.error} />
      <ul class="playbook-list">
        {(list.data?.items ?? []).map((p) => (
          <li key={p.id}>
            <a href={`#/playbooks/${encodeURIComponent(p.id)}`} class={p.id === playbookId ? 'active' : ''}>
              {p.name}
            </a>{' '}
            <span class="muted">
              {p.id} · current v{p.latestVersion} · {p.versions} version{p.versions === 1 ? '' : 's'}
            </span>
          </li>
        ))}
      </ul>
      {playbookId && <PlaybookDetail key={playbookId} api={api} admin={me.role === 'admin'} playbookId={playbookId} />}
    </section>
  );
}
