// What a supervisor may do to an experiment as its status allows: pause or resume, stop, or promote an arm's
// version; a stopped experiment says which arm, if any, was promoted.
import { useState } from 'preact/hooks';
import { answer, type Api } from '../api';
import type { Experiment } from '../contract';
import { ErrorBanner } from './error-banner';

export function ExperimentActions({
  api,
  experiment,
  onDone,
}: {
  api: Api;
  experiment: Experiment;
  onDone: () => void;
}) {
  const [error, setError] = useState<Error>();
  const act = async (path: 'pause' | 'resume' | 'stop' | 'promote', body?: { arm: string }) => {
    try {
      const params = { path: { experimentId: experiment.id } };
      await answer(api.POST(`/v1/experiments/{experimentId}/${path}`, { params, body: body as never }));
      setError(undefined);
      onDone();
    } catch (e) {
      setError(e as Error);
    }
  };
  if (experiment.status === 'stopped')
    return <p class="muted">Stopped{experiment.promotedArm ? `; arm ${experiment.promotedArm} was promoted` : ''}.</p>;
  return (
    <div class="experiment-actions">
      <ErrorBanner error={error} />
      {experiment.status === 'running' ? (
        <button type="button" onClick={() => act('pause')}>
          Pause
        </button>
      ) : (
        <button type="button" onClick={() => act('resume')}>
          Resume
        </button>
      )}
      <button type="button" onClick={() => act('stop')}>
        Stop
      </button>
      {experiment.arms.map((a) => (
        <button type="button" key={a.arm} onClick={() => act('promote', { arm: a.arm })}>
          Promote arm {a.arm} (v{a.version})
        </button>
      ))}
    </div>
  );
}
