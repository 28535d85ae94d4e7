// Refusals about a customer: one the bank has not sent, a consent it may not override, a channel it cannot use.
import type { ContactChannel } from '../vocabulary';
import { refusal } from './domain-error';
import { unprovisionedSegmentMessage } from '../segment';

export const customerNotFound = refusal<{ customerId: string }>(
  'not_found',
  'customer_not_found',
  (p) => `no customer with id ${p.customerId}`,
);

// An agent's key sees its team's customers only.
export const customerNotInTeam = refusal<{ customerId: string; teamId: string }>(
  'not_found',
  'customer_not_found',
  (p) =>
    `no customer with id ${p.customerId} among team ${p.teamId}'s customers (the tiers it serves, or a case it worked); a supervisor can open any customer`,
);

// A risk signal for a customer the bank has not sent yet.
export const signalCustomerUnknown = refusal<{ customerId: string }>(
  'not_found',
  'customer_not_found',
  (p) => `no customer with id ${p.customerId}; create it with PUT /v1/customers/${p.customerId} first`,
);

export const nothingToErase = refusal<{ customerId: string }>(
  'not_found',
  'customer_not_found',
  (p) => `no customer with id ${p.customerId}; nothing to erase (check the id)`,
);

// The customer's open case did not close within the deadline: nothing is erased before it has.
export const erasurePending = refusal<{ deadlineSeconds: number }>(
  'unavailable',
  'erasure_pending',
  (p) =>
    `the customer's open case did not close within ${p.deadlineSeconds} s (its workers are busy or down); nothing was erased yet: send the same request again`,
);

export type StandingOptOut = { channel: ContactChannel; source: string; at: string };
const optedOut = refusal<{ customerId: string; optOuts: StandingOptOut[] }>(
  'conflict',
  'consent_opted_out',
  (p) =>
    `the customer opted out of ${p.optOuts
      .map((o) => `${o.channel} (opted out by ${o.source} at ${o.at})`)
      .join(
        ', ',
      )}; send consent.${p.optOuts[0]?.channel}: false, or record the customer's new consent with POST /v1/customers/${p.customerId}/consent`,
);
// A customer record that would grant again a channel the customer opted out of.
export const consentOptedOut = (customerId: string, optOuts: StandingOptOut[]) =>
  optedOut({ customerId, optOuts }, { details: optOuts });

// Why a channel cannot carry a contact: each is a word a translated message can render.
export type ChannelState = 'no_consent' | 'no_address' | 'not_preferred' | 'ok';
const CHANNEL_STATE_WORDS: Record<ChannelState, string> = {
  no_consent: 'no consent',
  no_address: 'no address',
  not_preferred: 'not a preferred channel',
  ok: 'ok',
};
export const noConsentedChannel = refusal<{ customerId: string; channels: Record<ContactChannel, ChannelState> }>(
  'unprocessable',
  'no_consented_channel',
  (p) =>
    `customer ${p.customerId} cannot be contacted on any channel (${Object.entries(p.channels)
      .map(([channel, state]) => `${channel}: ${CHANNEL_STATE_WORDS[state]}`)
      .join(', ')}); record their consent (POST /v1/customers/${p.customerId}/consent) or their contact details first`,
);

const segmentsMissing = refusal<{ field: string; segments: string[]; provisioned: string[] }>(
  'unprocessable',
  'segment_not_provisioned',
  (p) => `${p.field}: ${unprovisionedSegmentMessage(p.segments, p.provisioned)}`,
);
// Segment codes the bank has not provisioned, given in `field` (e.g. "body.segment").
export const segmentNotProvisioned = (field: string, segments: string[], provisioned: string[]) =>
  segmentsMissing({ field, segments, provisioned }, { details: segments.map((code) => ({ path: field, code })) });

// A signal's idempotency key already names another signal.
export const idempotencyKeyReused = refusal<{ idempotencyKey: string; customerId: string; type: string }>(
  'unprocessable',
  'idempotency_key_reused',
  (p) =>
    `idempotency key ${p.idempotencyKey} was already used for another signal (customer ${p.customerId}, type ${p.type})`,
);
