// The rates a dry run cannot decide by rule, taken from the bank's own recent cases (case_events of the last
// 90 days) and shown with the answer as assumptions: how often a contact reaches the customer, and how often
// a presented offer is accepted. With too few cases to say, an explicit default, labelled as such.
import type { PoolClient } from 'pg';

export interface Assumption {
  rate: number;
  basis: string;
  cases: number;
}

const LOOKBACK_DAYS = 90;
const MIN_CASES = 20;
const DEFAULTS = { reach: 0.5, acceptance: 0.3 };

const assumption = (hits: number, of: number, what: string, fallback: number): Assumption =>
  of >= MIN_CASES
    ? {
        rate: Math.round((hits / of) * 1000) / 1000,
        basis: `${hits} of ${of} ${what} in the last ${LOOKBACK_DAYS} days`,
        cases: of,
      }
    : {
        rate: fallback,
        basis: `fewer than ${MIN_CASES} ${what} in the last ${LOOKBACK_DAYS} days (${of}): assumed ${fallback}`,
        cases: of,
      };

export async function recentRates(tx: PoolClient): Promise<{ reach: Assumption; acceptance: Assumption }> {
  const { rows } = await tx.query<{ contacted: number; reached: number; presented: number; accepted: number }>(
    `SELECT count(DISTINCT case_id) FILTER (WHERE type IN ('contact_sent', 'call_requested'))::int AS contacted,
            count(DISTINCT case_id) FILTER (WHERE type = 'contact_outcome_recorded' AND data->>'outcome' = 'reached')::int AS reached,
            count(DISTINCT case_id) FILTER (WHERE type = 'offer_presented')::int AS presented,
            count(DISTINCT case_id) FILTER (WHERE type = 'offer_decision_recorded' AND data->>'decision' = 'accepted')::int AS accepted
       FROM case_events WHERE at >= now() - make_interval(days => $1)`,
    [LOOKBACK_DAYS],
  );
  const r = rows[0]!;
  return {
    reach: assumption(r.reached, r.contacted, 'contacted cases', DEFAULTS.reach),
    acceptance: assumption(r.accepted, r.presented, 'cases presented an offer', DEFAULTS.acceptance),
  };
}
