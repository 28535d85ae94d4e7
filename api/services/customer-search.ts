// The customer lookup: by id, name, phone (its last digits, as a customer reads it out) or email, among the
// customers the viewer's team may see; at most 20, an exact id first.
import type { Sql } from '../../config/sql';
import { contactDetailsFor } from './contact-details';
import { OPEN_CASE_JOIN, TEAM_CUSTOMER } from './team-customers';

export interface Viewer {
  // An agent's team; undefined: every customer (supervisors).
  team?: string;
  agentId?: string;
}

interface FoundRow {
  id: string;
  name: string;
  tier: string;
  segment: string | null;
  lifecycleStage: string | null;
  phone: string | null;
  email: string | null;
  openCaseId: string | null;
  openStage: string | null;
  openAgentId: string | null;
}

const SEARCH = `SELECT cu.id, cu.name, cu.tier, cu.segment, cu.lifecycle_stage AS "lifecycleStage", cu.phone, cu.email,
    open_case.id AS "openCaseId", open_case.stage AS "openStage", open_case.agent_id AS "openAgentId"
  FROM customers cu ${OPEN_CASE_JOIN}
  WHERE ${TEAM_CUSTOMER('$1')}
    AND (cu.id = $2 OR cu.name ILIKE $3 ESCAPE '\\' OR lower(cu.email) = lower($2)
      OR (length($4) >= 6 AND regexp_replace(coalesce(cu.phone, ''), '\\D', '', 'g') LIKE '%' || $4))
  ORDER BY (cu.id = $2) DESC, cu.name, cu.id LIMIT 20`;

const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function searchCustomers(sql: Sql, viewer: Viewer, query: string) {
  const digits = query.replace(/\D/g, '');
  // Only a query that is all phone characters searches phones: "Ana 2" must not match numbers ending in 2.
  const phoneDigits = /^[+\d\s().-]+$/.test(query) ? digits : '';
  const { rows } = await sql.query<FoundRow>({
    name: 'desk-customer-search',
    text: SEARCH,
    values: [viewer.team ?? null, query, likeText(query), phoneDigits],
  });
  return rows.map((r) => ({
    customerId: r.id,
    name: r.name,
    tier: r.tier,
    segment: r.segment,
    lifecycleStage: r.lifecycleStage,
    contact: contactDetailsFor(viewer.agentId, r.openAgentId, r.phone, r.email),
    openCase: r.openCaseId
      ? {
          caseId: r.openCaseId,
          stage: r.openStage!,
          yours: viewer.agentId !== undefined && r.openAgentId === viewer.agentId,
        }
      : null,
  }));
}
