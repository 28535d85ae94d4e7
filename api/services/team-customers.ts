// Which customers an agent's team may look up: those of the tiers the team serves (the customers assignment
// routes to it) and those with a case, past or present, on the team. Supervisors and admins see everyone.
// The same rule for the lookup, the file and a case opened by hand.

// SQL: true when customer `cu` is the team's ($team); a null $team (a supervisor) sees every customer.
export const TEAM_CUSTOMER = (team: string) => `(${team}::text IS NULL
  OR EXISTS (SELECT 1 FROM teams t WHERE t.id = ${team} AND cu.tier::text = ANY(t.tiers))
  OR EXISTS (SELECT 1 FROM cases tc WHERE tc.customer_id = cu.id AND tc.team_id = ${team}))`;

// The customer's open case, if any: one at a time per customer (the workflow id is the customer's).
export const OPEN_CASE_JOIN = `LEFT JOIN LATERAL (SELECT oc.id, oc.stage, oc.agent_id, oc.team_id FROM cases oc
  WHERE oc.customer_id = cu.id AND oc.status = 'open' ORDER BY oc.opened_at DESC LIMIT 1) open_case ON true`;
