// The experiment routes in the OpenAPI document (spread into OPERATIONS in openapi.ts).
import { experimentInput } from '../../domain/experiment';
import {
  experimentIdParams,
  experimentListResponse,
  experimentResponse,
  experimentWithResultsResponse,
  funnelQuery,
  funnelResponse,
  experimentReviewResponse,
  promoteBody,
} from './experiment-schemas';
import type { Operation } from './operation';
import { playbookParams } from './schemas';

const steer = (action: 'pause' | 'resume' | 'stop', summary: string): Operation => ({
  method: 'post',
  path: `/v1/experiments/{experimentId}/${action}`,
  summary,
  tag: 'experiments',
  roles: ['supervisor'],
  params: experimentIdParams,
  ok: { status: 200, description: 'the experiment', schema: experimentResponse },
  errors: [400, 404, 409],
});

export const EXPERIMENT_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/v1/playbooks/{playbookId}/experiments',
    summary:
      'Start an experiment between 2 to 4 versions of the playbook (one the control, weights summing to 100); new cases get an arm by a hash of experiment and customer, after the holdout',
    tag: 'experiments',
    roles: ['supervisor'],
    params: playbookParams,
    body: experimentInput,
    ok: { status: 201, description: 'the experiment', schema: experimentResponse },
    errors: [400, 404, 409],
  },
  {
    method: 'get',
    path: '/v1/playbooks/{playbookId}/experiments',
    summary: "The playbook's experiments, newest first",
    tag: 'experiments',
    roles: ['supervisor'],
    params: playbookParams,
    ok: { status: 200, description: '{ items }', schema: experimentListResponse },
    errors: [400],
  },
  {
    method: 'get',
    path: '/v1/experiments/{experimentId}',
    summary:
      'An experiment with its results: per arm cases, conclusive cases, retention rate (95% Wilson interval), offer cost per retained; against the control the difference (95% interval), the always-valid p-values of a sequential test adjusted over the arms (Holm) and the verdict, with the test named',
    tag: 'experiments',
    roles: ['supervisor'],
    params: experimentIdParams,
    ok: { status: 200, description: 'the experiment and its results', schema: experimentWithResultsResponse },
    errors: [400, 404],
  },
  steer('pause', 'Pause an experiment: new cases run the control version, in no arm'),
  steer('resume', 'Resume a paused experiment'),
  steer('stop', 'Stop an experiment: new cases run the current version; cases keep their arm'),
  {
    method: 'post',
    path: '/v1/experiments/{experimentId}/promote',
    summary: "Promote an arm: its version becomes the playbook's current one and the experiment stops",
    tag: 'experiments',
    roles: ['supervisor'],
    params: experimentIdParams,
    body: promoteBody,
    ok: { status: 200, description: 'the stopped experiment', schema: experimentResponse },
    errors: [400, 404, 409],
  },
  {
    method: 'post',
    path: '/v1/experiments/review',
    summary:
      'Promote the winning arm of every running experiment started with autoPromote whose arms all have their minimum sample (the hourly holdfast-experiment-review schedule calls it)',
    tag: 'experiments',
    roles: ['system'],
    ok: { status: 200, description: 'the experiments reviewed', schema: experimentReviewResponse },
    errors: [],
  },
  {
    method: 'get',
    path: '/v1/playbooks/{playbookId}/funnel',
    summary:
      'The funnel of cases opened in [from, to): per step (detected, assigned, contacted, reached, offered, accepted, surveyed, retained) how many entered, how many left there and why, conversion to the next step, median and p90 seconds in the step; by version, experiment arm or team (Accept: text/csv for CSV)',
    tag: 'experiments',
    roles: ['supervisor'],
    params: playbookParams,
    query: funnelQuery,
    ok: {
      status: 200,
      description:
        'the funnel (as CSV with Accept: text/csv: step, entered, left, left_<reason>..., conversion, medianSeconds, p90Seconds)',
      type: 'application/json, text/csv',
      schema: funnelResponse,
    },
    errors: [400],
  },
];
