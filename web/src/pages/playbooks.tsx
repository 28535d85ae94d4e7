// Playbooks: each with its versions and which is current, a version as readable settings, the draft edited
// as JSON with every field at fault shown as you type (each keystroke pause saves the draft, which the API
// checks with the version schema), its difference from the current version, the dry run, and Publish.
// Admins edit and publish; supervisors read and run dry runs. The API enforces the same.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, answer as answerOf, type Api } from '../api';
import type { PageProps } from '../app';
import { DryRunView } from '../components/dry-run-view';
import type { DryRunAnswer, Playbook, PlaybookDraft } from '../contract';
import { ErrorBanner } from '../components/error-banner';
import { dateTime } from '../format';
import { usePolling } from '../hooks';
import { diffDefinitions, flatten, label } from '../playbook-fields';

type Version = Playbook['versions'][number];
type Draft = PlaybookDraft;

export function PlaybooksPage({ api, me, playbookId }: PageProps & { playbookId?: string }) {
  const list = usePolling(() => answerOf(api.GET('/v1/playbooks')), 60_000, [api]);
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

function Settings({ definition }: { definition: unknown }) {
  return (
    <table class="settings">
      <tbody>
        {flatten(definition).map((r) => (
          <tr key={r.field}>
            <th>{label(r.field)}</th>
            <td>{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function readDraft(api: Api, playbookId: string): Promise<Draft | null> {
  try {
    return await answerOf(api.GET('/v1/playbooks/{playbookId}/draft', { params: { path: { playbookId } } }));
  } catch (e) {
    if (e instanceof ApiError && e.code === 'draft_not_found') return null;
    throw e;
  }
}

function PlaybookDetail({ api, admin, playbookId }: { api: Api; admin: boolean; playbookId: string }) {
  const params = { path: { playbookId } };
  const playbook = usePolling(() => answerOf(api.GET('/v1/playbooks/{playbookId}', { params })), 60_000, [
    api,
    playbookId,
  ]);
  const [draft, setDraft] = useState<Draft | null>();
  const [shown, setShown] = useState<number>();
  const [error, setError] = useState<Error>();
  useEffect(() => void readDraft(api, playbookId).then(setDraft, setError), [api, playbookId]);
  const versions = playbook.data?.versions ?? [];
  const current = versions.at(-1);
  const selected = versions.find((v) => v.version === shown) ?? current;
  const act = (work: () => Promise<void>) => work().then(() => setError(undefined), setError);
  const startDraft = (fromVersion: number) =>
    act(async () =>
      setDraft(await answerOf(api.PUT('/v1/playbooks/{playbookId}/draft', { params, body: { fromVersion } }))),
    );
  return (
    <div class="playbook">
      <ErrorBanner error={playbook.error ?? error} />
      <h2>
        {playbook.data?.name} <span class="muted">({playbookId})</span>
      </h2>
      <div class="grid two">
        <div class="panel">
          <h3>Versions</h3>
          <ul class="plain versions">
            {versions.map((v) => (
              <li key={v.version}>
                <button type="button" class="link" onClick={() => setShown(v.version)}>
                  Version {v.version}
                </button>{' '}
                {v === current && <span class="stage">current</span>} <span class="muted">{dateTime(v.createdAt)}</span>
                {admin && draft === null && (
                  <button type="button" onClick={() => startDraft(v.version)}>
                    Start a draft from v{v.version}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {selected && (
            <>
              <h3>Version {selected.version} settings</h3>
              <Settings definition={selected.definition} />
            </>
          )}
        </div>
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

type DraftProps = {
  api: Api;
  admin: boolean;
  playbookId: string;
  draft: Draft;
  current: Version | undefined;
  onChange: (d: Draft | null) => void;
  onPublished: () => void;
};

// The JSON editor: a pause in typing saves the draft (kept even when invalid), and the API's answer lists
// every field at fault; text that is not JSON yet is reported here without saving.
function DraftPanel({ api, admin, playbookId, draft, current, onChange, onPublished }: DraftProps) {
  const [text, setText] = useState(() => JSON.stringify(draft.definition, null, 2));
  const [syntax, setSyntax] = useState<string>();
  const [error, setError] = useState<Error>();
  const params = { path: { playbookId } };
  useEffect(() => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
      setSyntax(undefined);
    } catch (e) {
      return setSyntax(`not valid JSON yet: ${(e as Error).message}`);
    }
    if (!admin || JSON.stringify(parsed) === JSON.stringify(draft.definition)) return;
    const timer = setTimeout(
      () =>
        answerOf(
          api.PUT('/v1/playbooks/{playbookId}/draft', { params, body: { definition: parsed as Draft['definition'] } }),
        ).then(onChange, setError),
      400,
    );
    return () => clearTimeout(timer);
  }, [text]);
  const publish = () =>
    answerOf(api.POST('/v1/playbooks/{playbookId}/draft/publish', { params })).then(onPublished, setError);
  const discard = () =>
    answerOf(api.DELETE('/v1/playbooks/{playbookId}/draft', { params })).then(() => onChange(null), setError);
  const changes = current ? diffDefinitions(current.definition, draft.definition) : [];
  return (
    <div class="draft">
      <h3>
        Draft {draft.basedOnVersion ? `(from v${draft.basedOnVersion})` : ''}{' '}
        <span class="muted">
          saved by {draft.updatedBy}, {dateTime(draft.updatedAt)}
        </span>
      </h3>
      <ErrorBanner error={error} />
      <label>
        Definition (JSON)
        <textarea
          name="definition"
          rows={18}
          readOnly={!admin}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      {syntax && <p class="error">{syntax}</p>}
      <p class={draft.valid ? 'outcome' : 'error'} data-draft-valid={String(draft.valid)}>
        {draft.valid
          ? 'The draft is a valid playbook.'
          : `${draft.issues.length} field${draft.issues.length === 1 ? '' : 's'} to fix before publishing:`}
      </p>
      <ul class="issues">
        {draft.issues.map((i) => (
          <li key={i.field} class="issue">
            <strong>{label(i.field)}</strong> ({i.field}): {i.message}
          </li>
        ))}
      </ul>
      <h3>Difference from the current version</h3>
      {changes.length === 0 ? (
        <p class="muted">No setting differs.</p>
      ) : (
        <table class="diff">
          <thead>
            <tr>
              <th>Setting</th>
              <th>Current (v{current?.version})</th>
              <th>Draft</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field}>
                <td>{label(c.field)}</td>
                <td>{c.before}</td>
                <td>{c.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {admin && (
        <div class="actions">
          <button type="button" disabled={!draft.valid} onClick={publish}>
            Publish as version {(current?.version ?? 0) + 1}
          </button>{' '}
          <button type="button" class="link" onClick={discard}>
            Discard the draft
          </button>
        </div>
      )}
    </div>
  );
}

// Runs the dry run on demand; a new run or leaving the page aborts the one in flight (the API stops too).
function DryRunPanel({
  api,
  playbookId,
  draft,
  versions,
}: {
  api: Api;
  playbookId: string;
  draft: Draft | null;
  versions: Version[];
}) {
  const [source, setSource] = useState<string>('');
  const [days, setDays] = useState(30);
  const [allSignals, setAllSignals] = useState(false);
  const [answer, setAnswer] = useState<DryRunAnswer>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error>();
  const chosen = source || (draft ? 'draft' : String(versions.at(-1)?.version ?? ''));
  const run = () => {
    setRunning(true);
    const body = { ...(chosen === 'draft' ? { draft: true as const } : { version: Number(chosen) }), days, allSignals };
    const done = (a: DryRunAnswer) => {
      setAnswer(a);
      setError(undefined);
    };
    answerOf(api.POST('/v1/playbooks/{playbookId}/dry-run', { params: { path: { playbookId } }, body }))
      .then(done, setError)
      .finally(() => setRunning(false));
  };
  return (
    <div class="dry-run-panel">
      <h3>Dry run on the bank's own signals</h3>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <label>
          Replay
          <select name="source" value={chosen} onChange={(e) => setSource(e.currentTarget.value)}>
            {draft && <option value="draft">the draft</option>}
            {versions.map((v) => (
              <option key={v.version} value={String(v.version)}>
                version {v.version}
              </option>
            ))}
          </select>
        </label>
        <label>
          Last days{' '}
          <input
            type="number"
            name="days"
            min={1}
            max={366}
            value={days}
            onInput={(e) => setDays(Number(e.currentTarget.value))}
          />
        </label>
        <label>
          <input
            type="checkbox"
            name="allSignals"
            checked={allSignals}
            onChange={(e) => setAllSignals(e.currentTarget.checked)}
          />{' '}
          Every signal, as if it named this playbook
        </label>
        <button type="submit" disabled={running}>
          {running ? 'Running…' : 'Run dry run'}
        </button>
      </form>
      <ErrorBanner error={error} />
      {answer && <DryRunView answer={answer} />}
    </div>
  );
}
