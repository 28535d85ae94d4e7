// Starting an experiment on a playbook: 2 to 4 arms, each a version with a weight, one the control; the
// minimum sample per arm; automatic promotion. The API checks every rule again and its message is shown as is.
import { useState } from 'preact/hooks';
import { answer, type Api } from '../api';
import { ErrorBanner } from './error-banner';
import { type ArmDraft, ExperimentArmsTable } from './experiment-arms-table';

const evenWeights = (n: number) => Array.from({ length: n }, (_, i) => Math.floor(100 / n) + (i < 100 % n ? 1 : 0));

interface Props {
  api: Api;
  playbookId: string;
  versions: number[];
  onStarted: (id: string) => void;
}

// The arms being set up, the older and newest versions half and half at first, and which one is the control;
// resize() spreads the weights evenly over the new number of arms.
function useArmDrafts(versions: number[]) {
  const newest = versions.at(-1) ?? 1;
  const [arms, setArms] = useState<ArmDraft[]>([
    { version: versions.at(-2) ?? newest, weight: 50 },
    { version: newest, weight: 50 },
  ]);
  const [control, setControl] = useState(0);
  const setArm = (i: number, change: Partial<ArmDraft>) =>
    setArms(arms.map((a, j) => (j === i ? { ...a, ...change } : a)));
  const resize = (n: number) => {
    const weights = evenWeights(n);
    setArms(Array.from({ length: n }, (_, i) => ({ version: arms[i]?.version ?? newest, weight: weights[i]! })));
    if (control >= n) setControl(0);
  };
  return { arms, setArm, resize, control, setControl };
}

interface SettingsProps {
  armCount: number;
  onArmCount: (n: number) => void;
  minSample: number;
  onMinSample: (n: number) => void;
  autoPromote: boolean;
  onAutoPromote: (on: boolean) => void;
}

// How many arms, the minimum conclusive cases per arm before a verdict, and whether a winner is promoted alone.
function StartSettings({ armCount, onArmCount, minSample, onMinSample, autoPromote, onAutoPromote }: SettingsProps) {
  return (
    <div class="filters">
      <label>
        Arms
        <select name="arm-count" value={String(armCount)} onChange={(e) => onArmCount(Number(e.currentTarget.value))}>
          {[2, 3, 4].map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        Minimum conclusive cases per arm
        <input
          type="number"
          name="minSamplePerArm"
          min={1}
          value={minSample}
          onInput={(e) => onMinSample(Number(e.currentTarget.value))}
        />
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="autoPromote"
          checked={autoPromote}
          onChange={(e) => onAutoPromote(e.currentTarget.checked)}
        />{' '}
        Promote a winner automatically
      </label>
    </div>
  );
}

export function ExperimentStartForm({ api, playbookId, versions, onStarted }: Props) {
  const { arms, setArm, resize, control, setControl } = useArmDrafts(versions);
  const [minSample, setMinSample] = useState(100);
  const [autoPromote, setAutoPromote] = useState(false);
  const [error, setError] = useState<Error>();
  const total = arms.reduce((s, a) => s + a.weight, 0);
  const submit = async (ev: Event) => {
    ev.preventDefault();
    try {
      const body = {
        arms: arms.map((a, i) => ({ ...a, control: i === control })),
        minSamplePerArm: minSample,
        autoPromote,
      };
      const started = await answer(
        api.POST('/v1/playbooks/{playbookId}/experiments', { params: { path: { playbookId } }, body }),
      );
      setError(undefined);
      onStarted(started.id);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <form class="experiment-start" aria-label="Start an experiment" onSubmit={submit}>
      <h2>Start an experiment</h2>
      <ErrorBanner error={error} />
      <ExperimentArmsTable arms={arms} versions={versions} control={control} onArm={setArm} onControl={setControl} />
      <p class={total === 100 ? 'muted' : 'error'}>Weights sum to {total}% (they must sum to 100%).</p>
      <StartSettings
        armCount={arms.length}
        onArmCount={resize}
        minSample={minSample}
        onMinSample={setMinSample}
        autoPromote={autoPromote}
        onAutoPromote={setAutoPromote}
      />
      <button type="submit">Start experiment</button>
    </form>
  );
}
