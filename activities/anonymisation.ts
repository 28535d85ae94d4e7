// The retention sweep's activities (workflows/anonymisation-sweep.ts): one batch each, idempotent (a batch
// run twice finds nothing left to do), with the same SQL as erasure on request (activities/anonymisation-sql.ts).
import { anonymiseClosedCases, anonymiseInactiveCustomers } from './anonymisation-sql';
import type { ActivityDeps } from './deps';

export interface AnonymisationBatch {
  // Cases closed before this, and customers whose last case closed before it, lose their personal data.
  before: string;
  size: number;
}

export function createAnonymisation({ sql }: Pick<ActivityDeps, 'sql'>) {
  return {
    // How many cases this batch anonymised; fewer than `size`: none left.
    anonymiseExpiredCases: (batch: AnonymisationBatch): Promise<number> =>
      anonymiseClosedCases(sql, new Date(batch.before), batch.size),
    anonymiseInactiveCustomers: (batch: AnonymisationBatch): Promise<number> =>
      anonymiseInactiveCustomers(sql, new Date(batch.before), batch.size),
  };
}
