// Refusals about the request itself rather than what it acts on: a cursor from elsewhere, a caller gone away,
// a setup file whose values contradict each other.
import { refusal } from './domain-error';

export const invalidCursor = refusal<{ sort: string }>(
  'invalid',
  'invalid_cursor',
  () => 'the cursor is not one this API returned for this sort; start again without it',
);

// The caller closed the request before a long computation (a dry run) finished.
export const requestClosed = refusal<Record<string, never>>(
  'abandoned',
  'request_closed',
  () => 'the request was closed before the dry run finished; nothing was written',
);

const offerDates = refusal<{ offerId: string; validFrom: string; validUntil: string }>(
  'invalid',
  'validation_failed',
  (p) => `offer ${p.offerId}: validUntil (${p.validUntil}) must be after validFrom (${p.validFrom})`,
);
// A provisioned offer that ends before it starts.
export const offerEndsBeforeItStarts = (offerId: string, validFrom: string, validUntil: string) =>
  offerDates({ offerId, validFrom, validUntil }, { details: [{ path: `offers.${offerId}.validUntil` }] });
