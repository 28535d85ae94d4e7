// Segments are the bank's own codes for groups of customers ("retail", "young-professional", "private"),
// provisioned like teams and offers (domain/provisioning.ts). A customer's segment and a playbook's
// appliesTo.segments must be provisioned codes; a bank that has provisioned none may use any code of this shape.
import { z } from 'zod';

const SEGMENT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const segmentCodeSchema = z
  .string()
  .trim()
  .regex(
    SEGMENT_CODE_PATTERN,
    'a segment code is 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit, e.g. "young-professional"',
  );

// The codes of `codes` that are not provisioned; none when the bank has provisioned no segment at all.
export function unprovisionedSegments(codes: readonly string[], provisioned: readonly string[]): string[] {
  if (provisioned.length === 0) return [];
  const known = new Set(provisioned);
  return [...new Set(codes.filter((c) => !known.has(c)))];
}

// Why a segment is refused, in words that say what to do.
export function unprovisionedSegmentMessage(codes: string[], provisioned: readonly string[]): string {
  const list = codes.map((c) => JSON.stringify(c)).join(', ');
  return `segment ${list} is not provisioned; the bank's segments are ${[...provisioned].sort().join(', ')} (add one under segments in the bank's setup, POST /v1/admin/apply)`;
}
