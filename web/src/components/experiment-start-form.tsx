// Starting an experiment on a playbook: 2 to 4 arms, each a version with a weight, one the control; the
// minimum sample per arm; automatic promotion. The API checks every rule again and its message is shown as is.
import { useState } from 'preact/hooks';
import { answer, type Api } from '../api';
import { ErrorBanner } from './error-banner';

interface ArmDraft {
  version: number;
  weight: number;
}

const evenWeights = (n: number) => Array.from({ length: n }, (_, i) => Math.floor(100 / n) + (i < 100 % n ? 1 : 0));

export function ExperimentStartForm({
  api,
  playbookId,
  versions,
  onStarted,
}: {
  api: Api;
  playbookId: string;
  versions: number[];
  onStarted: (id: string) => void;
}) {
  const newest = versions.at(-1) ?? 1;
  const [arms, setArms] = useState<ArmDraft[]>([
    { version: versions.at(-2) ?? newest, weight: 50 },
    { version: newest, weight: 50 },
  ]);
  const [control, setControl] = useState(0);
  const [minSample, setMinSample] = useState(100);
  const [autoPromote, setAutoPromote] = useState(false);
  const [error, setError] = useState<Error>();
  const total = arms.reduce((s, a) => s + a.weight, 0);
  const setArm = (i: number, change: Partial<ArmDraft>) =>
    setArms(arms.map((a, j) => (j === i ? { ...a, ...change } : a)));
  const resize = (n: number) => {
    const weights = evenWeights(n);
    setArms(Array.from({ length: n }, (_, i) => ({ version: arms[i]?.version ?? newest, weight: weights[i]! })));
    if (control >= n) setControl(0);
  };
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
      <table>
        <thead>
          <tr>
            <th>Arm</th>
            <th>Version</th>
            <th>Weight (%)</th>
            <th>Control</th>
          </tr>
        </thead>
        <tbody>
          {arms.map((a, i) => (
            <tr key={String(i)}>
              <td>{'ABCD'[i]}</td>
              <td>
                <select
                  name={`arm-${i}-version`}
                  aria-label={`Arm ${'ABCD'[i]} version`}
                  value={String(a.version)}
                  onChange={(e) => setArm(i, { version: Number(e.currentTarget.value) })}
                >
                  {versions.map((v) => (
                    <option key={v} value={String(v)}>
                      v{v}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="number"
                  name={`arm-${i}-weight`}
                  aria-label={`Arm ${'ABCD'[i]} weight`}
                  min={0}
                  max={100}
                  value={a.weight}
                  onInput={(e) => setArm(i, { weight: Number(e.currentTarget.value) })}
                />
              </td>
              <td>
                <input
                  type="radio"
                  name="control"
                  aria-label={`Arm ${'ABCD'[i]} is the control`}
                  checked={control === i}
                  onChange={() => setControl(i)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class={total === 100 ? 'muted' : 'error'}>Weights sum to {total}% (they must sum to 100%).</p>
      <div class="filters">
        <label>
          Arms
          <select name="arm-count" value={String(arms.length)} onChange={(e) => resize(Number(e.currentTarget.value))}>
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
            onInput={(e) => setMinSample(Number(e.currentTarget.value))}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="autoPromote"
            checked={autoPromote}
            onChange={(e) => setAutoPromote(e.currentTarget.checked)}
          />{' '}
          Promote a winner automatically
        </label>
      </div>
      <button type="submit">Start experiment</button>
    </form>
  );
}
