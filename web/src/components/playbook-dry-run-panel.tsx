// The dry run of a playbook on the bank's own signals: which version (or the draft) to replay over how many days,
// run on demand, and its answer.
import { useState } from 'preact/hooks';
import { answer as answerOf, type Api } from '../api';
import type { DryRunAnswer, PlaybookDraft, PlaybookVersion } from '../contract';
import { DryRunView } from './dry-run-view';
import { ErrorBanner } from './error-banner';

interface Choice {
  // 'draft' or a version number.
  source: string;
  days: number;
  allSignals: boolean;
}

interface FormProps {
  choice: Choice;
  onChoice: (change: Partial<Choice>) => void;
  draft: PlaybookDraft | null;
  versions: PlaybookVersion[];
  running: boolean;
  onRun: () => void;
}

function DryRunForm({ choice, onChoice, draft, versions, running, onRun }: FormProps) {
  return (
    <form
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        onRun();
      }}
    >
      <label>
        Replay
        <select name="source" value={choice.source} onChange={(e) => onChoice({ source: e.currentTarget.value })}>
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
          value={choice.days}
          onInput={(e) => onChoice({ days: Number(e.currentTarget.value) })}
        />
      </label>
      <label>
        <input
          type="checkbox"
          name="allSignals"
          checked={choice.allSignals}
          onChange={(e) => onChoice({ allSignals: e.currentTarget.checked })}
        />{' '}
        Every signal, as if it named this playbook
      </label>
      <button type="submit" disabled={running}>
        {running ? 'Running…' : 'Run dry run'}
      </button>
    </form>
  );
}

interface Props {
  api: Api;
  playbookId: string;
  draft: PlaybookDraft | null;
  versions: PlaybookVersion[];
}

// Runs the dry run on demand; a new run or leaving the page aborts the one in flight (the API stops too).
export function DryRunPanel({ api, playbookId, draft, versions }: Props) {
  // source '' until chosen: the draft if there is one, else the current version.
  const [choice, setChoice] = useState<Choice>({ source: '', days: 30, allSignals: false });
  const [answer, setAnswer] = useState<DryRunAnswer>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error>();
  const source = choice.source || (draft ? 'draft' : String(versions.at(-1)?.version ?? ''));
  const run = () => {
    setRunning(true);
    const { days, allSignals } = choice;
    const body = { ...(source === 'draft' ? { draft: true as const } : { version: Number(source) }), days, allSignals };
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
      <DryRunForm
        choice={{ ...choice, source }}
        onChoice={(change) => setChoice({ ...choice, ...change })}
        draft={draft}
        versions={versions}
        running={running}
        onRun={run}
      />
      <ErrorBanner error={error} />
      {answer && <DryRunView answer={answer} />}
    </div>
  );
}
