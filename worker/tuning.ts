// How much one worker process takes on at once, from configuration. Parked cases (waiting weeks on a timer
// or a person) need not stay in memory: past HOLDFAST_WORKER_CACHED_WORKFLOWS the least recently used are
// evicted and replayed from history when they next move, which bounds the worker's memory whatever the
// number of open cases. The SDK's reuseV8Context (on by default in this SDK version) shares one V8 context
// across workflows, which is what keeps a cached case small.
import type { WorkerOptions } from '@temporalio/worker';
import type { Env } from '../config/env';

export type WorkerTuning = Pick<
  WorkerOptions,
  | 'maxCachedWorkflows'
  | 'maxConcurrentWorkflowTaskExecutions'
  | 'maxConcurrentActivityTaskExecutions'
  | 'maxConcurrentLocalActivityExecutions'
  | 'shutdownGraceTime'
>;

export function workerTuning(env: Env): WorkerTuning {
  return {
    maxCachedWorkflows: env.HOLDFAST_WORKER_CACHED_WORKFLOWS,
    maxConcurrentWorkflowTaskExecutions: env.HOLDFAST_WORKER_WORKFLOW_TASKS,
    maxConcurrentActivityTaskExecutions: env.HOLDFAST_WORKER_ACTIVITY_TASKS,
    maxConcurrentLocalActivityExecutions: env.HOLDFAST_WORKER_LOCAL_ACTIVITIES,
    // On SIGTERM running activities get this long to finish before they are cancelled (and retried elsewhere).
    shutdownGraceTime: `${env.HOLDFAST_SHUTDOWN_GRACE_SECONDS}s`,
  };
}
