// The scheduled retention sweep: one run per tick of the Temporal Schedule (worker/anonymisation-schedule.ts).
// Cases closed longer ago than the retention period lose their personal data, then customers with no open or
// recent case left; both in batches, so a sweep over years of cases is many short activities, none of them
// holding locks for long. Outcomes, dates and costs stay, so reports count the cases as before.
import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from './activities';

const { anonymiseExpiredCases, anonymiseInactiveCustomers } = proxyActivities<
  Pick<CaseActivities, 'anonymiseExpiredCases' | 'anonymiseInactiveCustomers'>
>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const BATCH = 500;
const DAY_MS = 86_400_000;

export interface AnonymisationSweepInput {
  // HOLDFAST_RETENTION_DAYS; fractions allowed (tests use seconds).
  retentionDays: number;
}

export interface AnonymisationSweepResult {
  before: string;
  cases: number;
  customers: number;
}

async function inBatches(
  step: (batch: { before: string; size: number }) => Promise<number>,
  before: string,
): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await step({ before, size: BATCH });
    total += done;
    if (done < BATCH) return total;
  }
}

export async function anonymisationSweep(input: AnonymisationSweepInput): Promise<AnonymisationSweepResult> {
  // The workflow's clock: the same cut-off on every replay.
  const before = new Date(Date.now() - input.retentionDays * DAY_MS).toISOString();
  const cases = await inBatches(anonymiseExpiredCases, before);
  const customers = await inBatches(anonymiseInactiveCustomers, before);
  return { before, cases, customers };
}
