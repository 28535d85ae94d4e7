// A customer's bucket (0..99) in an experiment: the first 8 hex digits of sha256(experiment id + customer id)
// modulo 100. The same customer lands in the same bucket on every re-entry and in every API process; another
// experiment reshuffles everyone. (The holdout's FNV-1a bucket, domain/holdout.ts, is decided first.)
import { createHash } from 'node:crypto';

export function experimentBucket(experimentId: string, customerId: string): number {
  const digest = createHash('sha256').update(`${experimentId}:${customerId}`).digest();
  return digest.readUInt32BE(0) % 100;
}
