// Refusals about experiments between a playbook's versions.
import type { ExperimentAction } from '../experiment';
import { refusal } from './domain-error';

export const experimentNotFound = refusal<{ experimentId: string }>(
  'not_found',
  'experiment_not_found',
  (p) => `no experiment with id ${p.experimentId}`,
);

export const armOfAnotherPlaybook = refusal<{ playbookId: string; armPlaybookId: string; version: number }>(
  'unprocessable',
  'arm_of_another_playbook',
  (p) =>
    `an arm names version ${p.version} of playbook ${p.armPlaybookId}; every arm must be a version of ${p.playbookId}`,
);

export const armVersionsMissing = refusal<{ playbookId: string; missing: number[]; versions: number[] }>(
  'unprocessable',
  'version_not_found',
  (p) => `playbook ${p.playbookId} has no version ${p.missing.join(', ')}; its versions are ${p.versions.join(', ')}`,
);

export const experimentAlreadyRunning = refusal<{
  playbookId: string;
  experimentId: string | null;
  status: string | null;
}>(
  'conflict',
  'experiment_already_running',
  (p) =>
    `playbook ${p.playbookId} already has a ${p.status ?? 'live'} experiment${p.experimentId ? ` (${p.experimentId})` : ''}; stop or promote it first`,
);

export const experimentChanged = refusal<{ experimentId: string }>(
  'conflict',
  'experiment_changed',
  (p) => `experiment ${p.experimentId} was changed at the same time; read it and try again`,
);

// pause, resume or stop from a status that does not allow it.
type StatusChange = { experimentId: string; status: string; action: ExperimentAction };
const actionDone = (p: StatusChange) => (p.action === 'stop' ? 'stopped' : `${p.action}d`);
const notPaused = refusal<StatusChange>(
  'conflict',
  'experiment_not_paused',
  (p) => `experiment ${p.experimentId} is ${p.status}; it cannot be ${actionDone(p)}`,
);
const notLive = refusal<StatusChange>(
  'conflict',
  'experiment_not_live',
  (p) => `experiment ${p.experimentId} is ${p.status}; it cannot be ${actionDone(p)}`,
);
export const experimentStatusRefused = (p: StatusChange) => (p.action === 'resume' ? notPaused(p) : notLive(p));

export const experimentStopped = refusal<{ experimentId: string; promotedArm: string | null }>(
  'conflict',
  'experiment_stopped',
  (p) =>
    `experiment ${p.experimentId} is stopped${p.promotedArm ? ` (arm ${p.promotedArm} was promoted)` : ''}; only a running or paused experiment's arm can be promoted`,
);

export const armNotFound = refusal<{ experimentId: string; arm: string; arms: string[] }>(
  'unprocessable',
  'arm_not_found',
  (p) => `experiment ${p.experimentId} has no arm ${p.arm}; its arms are ${p.arms.join(', ')}`,
);
