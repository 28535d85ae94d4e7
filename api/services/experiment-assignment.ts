// Which version (and arm) a new case of a playbook with a live experiment runs. Holdout is decided first, as
// the case's workflow decides it (domain/holdout.ts, with the percent of the version intake would pin): a held-out
// customer is in no arm and runs that version untreated. The arm is written once, with the case row, by the
// intake's one call (api/services/signal-store.ts).
import type { Sql } from '../../config/sql';
import { experimentPin, type Arm, type ExperimentStatus } from '../../domain/experiment';
import { inHoldout } from '../../domain/holdout';
import { experimentBucket } from './experiment-bucket';
import type { VersionRef } from './playbook-catalog';

export interface ArmPin {
  pin: VersionRef;
  // Set when the case takes part in the experiment.
  arm?: { experimentId: string; arm: string };
}

export interface LiveExperiment {
  id: string;
  playbookId: string;
  status: ExperimentStatus;
  arms: Arm[];
}

// Every experiment that still decides new cases' versions (running or paused): a handful at most, read by the
// intake's facts query so that opening a case under an experiment costs no extra round trip.
export const LIVE_EXPERIMENTS_SQL = `
SELECT coalesce(json_agg(json_build_object('id', e.id, 'playbookId', e.active_playbook_id, 'status', e.status, 'arms', a.arms)), '[]')
  FROM playbook_experiments e
  CROSS JOIN LATERAL (
    SELECT json_agg(json_build_object('arm', arm, 'version', version, 'weight', weight, 'control', control) ORDER BY arm) AS arms
      FROM experiment_arms WHERE experiment_id = e.id) a
 WHERE e.active_playbook_id IS NOT NULL`;

// For the paths that do not go through the intake's facts query (a case opened by hand).
export async function liveExperiments(sql: Sql): Promise<LiveExperiment[]> {
  const { rows } = await sql.query<{ live: LiveExperiment[] }>(`SELECT (${LIVE_EXPERIMENTS_SQL}) AS live`);
  return rows[0]!.live;
}

// `holdoutPercent` of a version of the playbook. A customer the arm's own version would hold out (its percent
// may be higher than the current version's) runs that version held out, in no arm: so every case in an arm is
// treated, and the results need not look for holdout events.
export async function pinWithExperiment(
  live: LiveExperiment[],
  pin: VersionRef,
  customerId: string,
  holdoutPercent: (version: number) => Promise<number>,
): Promise<ArmPin> {
  const heldOut = async (version: number) => {
    const percent = await holdoutPercent(version);
    return percent > 0 && inHoldout(customerId, pin.id, percent);
  };
  if (await heldOut(pin.version)) return { pin };
  const experiment = live.find((e) => e.playbookId === pin.id);
  if (!experiment) return { pin };
  const chosen = experimentPin(experiment.status, experimentBucket(experiment.id, customerId), experiment.arms);
  if (!chosen) return { pin };
  const armPin = { id: pin.id, version: chosen.version };
  if (!chosen.arm || (await heldOut(chosen.version))) return { pin: armPin };
  return { pin: armPin, arm: { experimentId: experiment.id, arm: chosen.arm } };
}
