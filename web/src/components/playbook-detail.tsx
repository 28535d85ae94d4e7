// One playbook: its versions and settings beside its draft (if any) and the dry run. Admins start, edit, publish
// and discard drafts; supervisors read and run dry runs.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, answer, type Api } from '../api';
import { usePolling } from '../hooks';
import type { PlaybookDraft } from '../contract';
import { ErrorBanner } from './error-banner';
import { DraftPanel } from './playbook-draft-panel';
import { DryRunPanel } from './playbook-dry-run-panel';
import { PlaybookVersions } from './playbook-versions';

async function readDraft(api: Api, playbookId: string): Promise<PlaybookDraft | null> {
  try {
    return await answer(api.GET('/v1/playbooks/{playbookId}/draft', { params: { path: { playbookId } } }));
  } catch (e) {
    if (e instanceof ApiError && e.code === 'draft_not_found') return null;
    throw e;
  }
}

export function PlaybookDetail({ api, admin, playbookId }: { api: Api; admin: boolean; playbookId: string }) {
  const params = { path: { playbookId } };
  const playbook = usePolling(() => answer(api.GET('/v1/playbooks/{playbookId}', { params })), 60_000, [
    api,
    playbookId,
  ]);
  // undefined while the draft is read, null when there is none.
  const [draft, setDraft] = useState<PlaybookDraft | null>();
  const [shown, setShown] = useState<number>();
  const [error, setError] = useState<Error>();
  useEffect(() => void readDraft(api, playbookId).then(setDraft, setError), [api, playbookId]);
  const versions = playbook.data?.versions ?? [];
  const current = versions.at(-1);
  const act = (work: () => Promise<void>) => work().then(() => setError(undefined), setError);
  const startDraft = (fromVersion: number) =>
    act(async () =>
      setDraft(await answer(api.PUT('/v1/playbooks/{playbookId}/draft', { params, body: { fromVersion } }))),
    );
  return (
    <div class="playbook">
      <ErrorBanner error={playbook.error ?? error} />
      <h2>
        {playbook.data?.name} <span class="muted">({playbookId})</span>
      </h2>
      <div class="grid two">
        <PlaybookVersions
          versions={versions}
          current={current}
          selected={versions.find((v) => v.version === shown) ?? current}
          onShow={setShown}
          onStartDraft={admin && draft === null ? startDraft : undefined}
        />
        <div class="panel">
          {draft ? (
            <DraftPanel
              api={api}
              admin={admin}
              playbookId={playbookId}
              draft={draft}
              current={current}
              onChange={setDraft}
              onPublished={() => {
                setDraft(null);
                void playbook.reload();
              }}
            />
          ) : (
            <p class="muted">No draft.{admin ? ' Start one from a version.' : ''}</p>
          )}
          <DryRunPanel api={api} playbookId={playbookId} draft={draft ?? null} versions={versions} />
        </div>
      </div>
    </div>
  );
}
