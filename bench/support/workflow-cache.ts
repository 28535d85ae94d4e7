// The worker's workflow cache, from the SDK's Prometheus counters: a workflow task for a case the cache holds
// is a hit; a miss makes the worker fetch the case's history and replay it before the task's own work.
import type { BenchStack } from './stack';

export interface CacheCounts {
  hits: number;
  misses: number;
}

const sum = (text: string, name: string) =>
  text
    .split('\n')
    .filter((line) => new RegExp(`^temporal_${name}(_total)?[{ ]`).test(line))
    .reduce((total, line) => total + Number(line.split(' ').at(-1)), 0);

export async function workflowCacheCounts(stack: BenchStack): Promise<CacheCounts> {
  const text = await (await fetch(stack.workerMetricsUrl)).text();
  return { hits: sum(text, 'sticky_cache_hit'), misses: sum(text, 'sticky_cache_miss') };
}
