// The desk's entries in the OpenAPI document (setup-operations.ts spreads them into its list).
import type { Operation } from './operation';
import { caseIdParams, customerIdParams } from './schemas';
import {
  callSheetResponse,
  customerFileResponse,
  customerSearchQuery,
  customerSearchResponse,
  handOpenedResponse,
  handOpeningBody,
  myDayQuery,
  myDayResponse,
} from './desk-schemas';

export const DESK_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/v1/me/today',
    summary:
      "An agent's day: the cases waiting on them in the order to work them and what each waits for, today's contacts against the quota, today's follow-ups (a supervisor names the agent with agentId)",
    tag: 'desk',
    roles: ['agent', 'supervisor'],
    query: myDayQuery,
    ok: { status: 200, description: 'the day', schema: myDayResponse },
    errors: [400, 404, 409],
  },
  {
    method: 'get',
    path: '/v1/customers',
    summary:
      "Look a customer up by id, name, phone or email (an agent: their team's customers; phone and email masked except to the agent working the customer's open case)",
    tag: 'desk',
    roles: ['agent', 'supervisor'],
    query: customerSearchQuery,
    ok: { status: 200, description: 'the customers found', schema: customerSearchResponse },
    errors: [400],
  },
  {
    method: 'get',
    path: '/v1/customers/{customerId}/file',
    summary:
      "A customer's file: profile, consent and its ledger, cases with outcomes, contacts in the frequency cap's window",
    tag: 'desk',
    roles: ['agent', 'supervisor'],
    params: customerIdParams,
    ok: { status: 200, description: 'the file', schema: customerFileResponse },
    errors: [404],
  },
  {
    method: 'post',
    path: '/v1/customers/{customerId}/cases',
    summary:
      "Open a case by hand from the customer's page (as POST /v1/cases); refused when the customer is not the agent's team's, already has an open case (its caseId in the answer) or has no consented channel",
    tag: 'desk',
    roles: ['agent', 'supervisor'],
    params: customerIdParams,
    body: handOpeningBody,
    ok: { status: 201, description: 'the case, opened', schema: handOpenedResponse },
    errors: [400, 404, 409, 422, 503],
  },
  {
    method: 'get',
    path: '/v1/cases/{caseId}/call-sheet',
    summary:
      "The call sheet before a call: why the customer is at risk, who they are and how to reach them, what was said before, the offer that may be made and its conditions, the words of the step's message",
    tag: 'desk',
    roles: ['agent', 'supervisor'],
    params: caseIdParams,
    ok: { status: 200, description: 'the call sheet', schema: callSheetResponse },
    errors: [404],
  },
];
