// The OpenAPI 3.1 document, generated from the zod schemas the routes validate with: the request shapes
// here cannot drift from what the API accepts. A test checks every Express route appears here.
import { SMS_STATUS_CALLBACK_PATH } from '../../domain/delivery';
import { INBOUND_SMS_PATH } from './routes/twilio-webhook';
import { EXPERIMENT_OPERATIONS } from './experiment-operations';
import { codecBody } from './routes/codec';
import { detectionQuery } from './routes/detection';
import { draftBody } from './routes/playbook-drafts';
import { dryRunBody } from './routes/dry-run';
import {
  agentBody,
  agentIdParams,
  offerBody,
  offerIdParams,
  teamBody,
  templateBody,
  templateIdParams,
} from './routes/admin';
import { bankConfigSchema } from '../../domain/provisioning';
import { DESK_OPERATIONS } from './desk-openapi';
import { z } from 'zod';
import { CUSTOMER_CSV_COLUMNS } from '../services/customer-csv';
import {
  supervisorCloseInputSchema,
  contactOutcomeInputSchema,
  extendSlaInputSchema,
  offerApprovalInputSchema,
  offerDecisionInputSchema,
  reassignInputSchema,
  retryStepInputSchema,
  surveyAnswerInputSchema,
} from '../../domain/human-steps';
import { playbookDefinitionSchema } from '../../domain/playbook';
import type { Role } from '../../domain/vocabulary';
import {
  auditQuery,
  caseIdParams,
  caseListQuery,
  consentChangeSchema,
  createKeySchema,
  customerIdParams,
  customerSchema,
  erasureRequestSchema,
  keyIdParams,
  openCaseSchema,
  outboxQuery,
  playbookParams,
  retentionReportQuery,
  signalBatchSchema,
  signalSchema,
  stepHeaders,
  surveyTokenParams,
  teamIdParams,
} from './schemas';
import {
  caseBoardResponse,
  caseDetailResponse,
  erasureResponse,
  issuedKeyResponse,
  keyListResponse,
  keyResponse,
  meResponse,
  reportResponse,
  teamsResponse,
  timelineResponse,
  workloadResponse,
} from './response-schemas';

type Method = 'get' | 'post' | 'put' | 'delete';
export interface Operation {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  // Roles besides admin (who may call everything); null: no API key (public, or authenticated otherwise).
  roles: Role[] | null;
  params?: z.ZodObject;
  query?: z.ZodType;
  headers?: z.ZodObject;
  body?: z.ZodType;
  bodyType?: 'application/json' | 'application/x-www-form-urlencoded' | 'text/csv';
  ok: { status: number; description: string; type?: string; schema?: z.ZodType };
  errors?: number[];
}

const HUMAN_STEPS: [string, string, Role[], z.ZodType][] = [
  ['contact-outcome', 'Record the outcome of a contact attempt', ['agent', 'supervisor'], contactOutcomeInputSchema],
  [
    'offer-approval',
    'Approve or reject an offer above the approval threshold',
    ['supervisor'],
    offerApprovalInputSchema,
  ],
  ['offer-decision', "Record the customer's decision on the offer", ['agent', 'supervisor'], offerDecisionInputSchema],
  ['assignment', 'Reassign the case to an agent (and their team)', ['supervisor'], reassignInputSchema],
  ['close', 'Close the case by hand with an outcome and a reason', ['supervisor'], supervisorCloseInputSchema],
  ['sla', "Move the current wait's SLA deadline", ['supervisor'], extendSlaInputSchema],
  ['retry', 'Run again the step a case that needs attention is stuck on', ['supervisor'], retryStepInputSchema],
];

const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/',
    summary: 'The web dashboard (log in with an API key)',
    tag: 'dashboard',
    roles: null,
    ok: { status: 200, description: 'HTML page', type: 'text/html' },
    errors: [400, 503],
  },
  {
    method: 'get',
    path: '/health',
    summary: 'Liveness (no dependencies checked)',
    tag: 'service',
    roles: null,
    ok: { status: 200, description: '{ status: "ok" }' },
    errors: [400],
  },
  {
    method: 'get',
    path: '/ready',
    summary: 'Readiness: Temporal and PostgreSQL answer',
    tag: 'service',
    roles: null,
    ok: { status: 200, description: 'ready' },
    errors: [400, 503],
  },
  {
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics of this API process (docs/observability.md)',
    tag: 'service',
    roles: ['system'],
    ok: { status: 200, description: 'Prometheus text format', type: 'text/plain' },
  },
  {
    method: 'get',
    path: '/v1/openapi.json',
    summary: 'This document',
    tag: 'service',
    roles: null,
    ok: { status: 200, description: 'OpenAPI 3.1 document' },
    errors: [400],
  },
  {
    method: 'get',
    path: '/v1/me',
    summary: "This key's name, role and team",
    tag: 'service',
    roles: ['system', 'agent', 'supervisor'],
    ok: { status: 200, description: 'who this key is', schema: meResponse },
  },
  {
    method: 'post',
    path: '/v1/signals',
    summary: 'Post a risk signal (idempotent per idempotencyKey)',
    tag: 'signals',
    roles: ['system', 'supervisor'],
    body: signalSchema,
    ok: {
      status: 202,
      description: '{ signalId, caseId, workflowId, duplicate }; 200 with duplicate: true for a repeated key',
    },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/v1/signals/batch',
    summary:
      "Post up to 1000 signals; one answer per signal, in order. A customer's signals apply in the order posted; different customers' are taken up together",
    tag: 'signals',
    roles: ['system', 'supervisor'],
    body: signalBatchSchema,
    ok: { status: 200, description: '{ results: [...] }' },
    errors: [400],
  },
  {
    method: 'put',
    path: '/v1/customers/{customerId}',
    summary: 'Create or update a customer',
    tag: 'customers',
    roles: ['system'],
    params: customerIdParams,
    body: customerSchema,
    ok: { status: 200, description: 'the stored customer (201 when created)' },
    errors: [400],
  },
  {
    method: 'post',
    path: '/v1/customers/{customerId}/consent',
    summary: "Record a consent change with its source (the way to lift a customer's opt-out)",
    tag: 'customers',
    roles: ['system', 'agent', 'supervisor'],
    params: customerIdParams,
    body: consentChangeSchema,
    ok: { status: 200, description: 'the customer' },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/v1/customers/import',
    summary:
      'Import customers from a CSV file (the body, UTF-8): idempotent upserts, row by row, with every rejected row and why',
    tag: 'customers',
    roles: ['system'],
    bodyType: 'text/csv',
    ok: {
      status: 200,
      description:
        '{ importId, rows, created, updated, unchanged, rejected, seconds, rejections: [{ line, id, reason }] (the first 1000), rejectionsTruncated }',
    },
    errors: [400, 415],
  },
  {
    method: 'get',
    path: '/v1/detection',
    summary:
      'Scheduled detection: the schedule (interval, paused, next runs) and the latest sweeps, each with what it read from every feed and what the intake made of it',
    tag: 'signals',
    roles: ['supervisor', 'system'],
    query: detectionQuery,
    ok: {
      status: 200,
      description:
        '{ schedule: { id, everySeconds, paused, nextRuns } | null, runs: [{ sweepId, startedAt, finishedAt, sources, totals, refusals }] }',
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/v1/customers/{customerId}/consent',
    summary: "The customer's consent and its ledger, oldest first",
    tag: 'customers',
    roles: ['system', 'agent', 'supervisor'],
    params: customerIdParams,
    ok: { status: 200, description: '{ customerId, consent, events }' },
    errors: [404],
  },
  {
    method: 'post',
    path: '/v1/codec/encode',
    summary: "Temporal remote codec: encrypt payloads (for Temporal's CLI and UI)",
    tag: 'service',
    roles: ['supervisor'],
    body: codecBody,
    ok: { status: 200, description: '{ payloads } encrypted' },
    errors: [400],
  },
  {
    method: 'post',
    path: '/v1/codec/decode',
    summary: "Temporal remote codec: decrypt payloads, so authorised staff read histories in Temporal's CLI and UI",
    tag: 'service',
    roles: ['supervisor'],
    body: codecBody,
    ok: { status: 200, description: '{ payloads } readable' },
    errors: [400],
  },
  {
    method: 'get',
    path: '/v1/status',
    summary:
      'Dependencies (PostgreSQL, Temporal: up or down since when), recent outages, CRM outbox backlog and lag, cases needing attention; answers while PostgreSQL is down, with crmOutbox and cases null',
    tag: 'service',
    roles: ['supervisor'],
    ok: {
      status: 200,
      description:
        '{ dependencies: { postgresql, temporal: { status, since?, seconds? } }, recentOutages: [...], crmOutbox: { backlog, failing, oldestUndeliveredAt, lagSeconds, lastError } | null, cases: { needsAttention } | null }',
    },
  },
  {
    method: 'get',
    path: '/v1/customers/{customerId}',
    summary: 'Read a customer',
    tag: 'customers',
    roles: ['system'],
    params: customerIdParams,
    ok: { status: 200, description: 'the customer' },
    errors: [404],
  },
  {
    method: 'post',
    path: '/v1/cases',
    summary: 'Open a case by hand',
    tag: 'cases',
    roles: ['agent', 'supervisor'],
    body: openCaseSchema,
    ok: { status: 201, description: '{ caseId, workflowId, stage }' },
    errors: [400, 404, 409],
  },
  {
    method: 'get',
    path: '/v1/cases',
    summary: 'The case board: filter, sort, page (keyset cursor), counts per stage',
    tag: 'cases',
    roles: ['agent', 'supervisor'],
    query: caseListQuery,
    ok: { status: 200, description: 'a page of the board', schema: caseBoardResponse },
    errors: [400],
  },
  {
    method: 'get',
    path: '/v1/cases/{caseId}',
    summary: 'A case with its customer, risk, contacts, offer and survey',
    tag: 'cases',
    roles: ['agent', 'supervisor'],
    params: caseIdParams,
    ok: { status: 200, description: 'the case', schema: caseDetailResponse },
    errors: [404],
  },
  {
    method: 'get',
    path: '/v1/cases/{caseId}/timeline',
    summary: "The case's timeline, oldest first",
    tag: 'cases',
    roles: ['agent', 'supervisor'],
    params: caseIdParams,
    ok: { status: 200, description: 'the timeline', schema: timelineResponse },
    errors: [404],
  },
  ...HUMAN_STEPS.map(
    ([step, summary, roles, body]): Operation => ({
      method: 'post',
      path: `/v1/cases/{caseId}/${step}`,
      summary,
      tag: 'human steps',
      roles,
      params: caseIdParams,
      headers: stepHeaders,
      body,
      ok: { status: 200, description: 'the case after the step', schema: caseDetailResponse },
      errors: [400, 404, 409, 503],
    }),
  ),
  {
    method: 'get',
    path: '/v1/teams',
    summary: 'Teams and their agents (an agent sees only their own team)',
    tag: 'teams',
    roles: ['agent', 'supervisor'],
    ok: { status: 200, description: 'teams', schema: teamsResponse },
  },
  {
    method: 'get',
    path: '/v1/teams/{teamId}/workload',
    summary: "A team's open cases, SLA breaches and today's contacts against quota, per agent",
    tag: 'teams',
    roles: ['agent', 'supervisor'],
    params: teamIdParams,
    ok: { status: 200, description: 'the workload', schema: workloadResponse },
    errors: [404],
  },
  {
    method: 'get',
    path: '/v1/reports/retention',
    summary: 'Retention report rows by driver, tier, team, offer or playbook (Accept: text/csv for CSV)',
    tag: 'reports',
    roles: ['supervisor'],
    query: retentionReportQuery,
    ok: {
      status: 200,
      description: 'report rows (as CSV with Accept: text/csv: a header line of the row fields, then one line per row)',
      type: 'application/json, text/csv',
      schema: reportResponse,
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/v1/playbooks',
    summary: 'Playbooks with their latest version',
    tag: 'playbooks',
    roles: ['supervisor'],
    ok: { status: 200, description: '{ items }' },
  },
  {
    method: 'get',
    path: '/v1/playbooks/{playbookId}',
    summary: 'A playbook with all its versions',
    tag: 'playbooks',
    roles: ['supervisor'],
    params: playbookParams,
    ok: { status: 200, description: 'the playbook' },
    errors: [404],
  },
  {
    method: 'post',
    path: '/v1/playbooks/{playbookId}/versions',
    summary: 'Add a playbook version (running cases keep theirs)',
    tag: 'playbooks',
    roles: [],
    params: playbookParams,
    body: playbookDefinitionSchema,
    ok: { status: 201, description: 'the new version' },
    errors: [400],
  },
  {
    method: 'get',
    path: '/v1/playbooks/{playbookId}/draft',
    summary: "The playbook's draft with every field at fault (valid, issues: [{ field, message }])",
    tag: 'playbooks',
    roles: ['supervisor'],
    params: playbookParams,
    ok: {
      status: 200,
      description: '{ playbookId, basedOnVersion, definition, updatedBy, createdAt, updatedAt, valid, issues }',
    },
    errors: [404],
  },
  {
    method: 'put',
    path: '/v1/playbooks/{playbookId}/draft',
    summary:
      'Save the draft (from a version, or as edited); saved even when invalid, with every field at fault in the answer',
    tag: 'playbooks',
    roles: [],
    params: playbookParams,
    body: draftBody,
    ok: { status: 200, description: 'the draft (201 when created)' },
    errors: [400, 404],
  },
  {
    method: 'delete',
    path: '/v1/playbooks/{playbookId}/draft',
    summary: 'Throw the draft away (audited)',
    tag: 'playbooks',
    roles: [],
    params: playbookParams,
    ok: { status: 204, description: 'discarded' },
    errors: [404],
  },
  {
    method: 'post',
    path: '/v1/playbooks/{playbookId}/draft/publish',
    summary:
      'Publish the draft as the next version (audited; running cases keep theirs); refused while any field is at fault',
    tag: 'playbooks',
    roles: [],
    params: playbookParams,
    ok: { status: 201, description: '{ id, version, name, createdAt, definition, basedOnVersion }' },
    errors: [404, 409, 422],
  },
  {
    method: 'post',
    path: '/v1/playbooks/{playbookId}/dry-run',
    summary:
      "Replay the window's stored signals through the draft or a version with today's customers, teams, agents, offers and contact policy, beside the current version; read-only, nothing sent or written",
    tag: 'playbooks',
    roles: ['supervisor'],
    params: playbookParams,
    body: dryRunBody,
    ok: {
      status: 200,
      description:
        '{ playbookId, candidate, current, window: { from, to, days, signals, covered, note }, assumptions: { reach, acceptance }, result: { totals, days: [{ day, counts, teams }], offers, decisions? }, baseline, difference }',
    },
    errors: [400, 404, 422],
  },
  ...EXPERIMENT_OPERATIONS,
  {
    method: 'post',
    path: '/v1/keys',
    summary: 'Issue an API key (the key is in this answer only)',
    tag: 'keys',
    roles: [],
    body: createKeySchema,
    ok: { status: 201, description: 'the key, with its secret', schema: issuedKeyResponse },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/v1/keys',
    summary: 'List API keys (never the secrets)',
    tag: 'keys',
    roles: [],
    ok: { status: 200, description: 'keys', schema: keyListResponse },
  },
  {
    method: 'post',
    path: '/v1/admin/apply',
    summary: "Apply a bank's setup (teams, agents, offers, playbooks) in one transaction; idempotent",
    tag: 'provisioning',
    roles: [],
    body: bankConfigSchema,
    ok: { status: 200, description: '{ applied: { teams|agents|offers|playbooks: { created, updated, unchanged } } }' },
    errors: [400],
  },
  {
    method: 'put',
    path: '/v1/teams/{teamId}',
    summary: 'Create or update a team',
    tag: 'provisioning',
    roles: [],
    params: teamIdParams,
    body: teamBody,
    ok: { status: 200, description: 'the team and result: created (201), updated or unchanged' },
    errors: [400],
  },
  {
    method: 'put',
    path: '/v1/agents/{agentId}',
    summary: 'Create or update an agent (team, skills, daily quota, active)',
    tag: 'provisioning',
    roles: [],
    params: agentIdParams,
    body: agentBody,
    ok: { status: 200, description: 'the agent and result: created (201), updated or unchanged' },
    errors: [400],
  },
  {
    method: 'put',
    path: '/v1/templates/{templateId}',
    summary: 'Set the words of a customer message (contact or survey), with {{placeholders}}',
    tag: 'provisioning',
    roles: [],
    params: templateIdParams,
    body: templateBody,
    ok: { status: 200, description: 'the template and result: created (201), updated or unchanged' },
    errors: [400],
  },
  {
    method: 'put',
    path: '/v1/offers/{offerId}',
    summary: 'Create or update a catalog offer (eligibility, cost, volume cap, validity, active)',
    tag: 'provisioning',
    roles: [],
    params: offerIdParams,
    body: offerBody,
    ok: { status: 200, description: 'the offer and result: created (201), updated or unchanged' },
    errors: [400],
  },
  {
    method: 'get',
    path: '/v1/audit',
    summary:
      'The audit log as CSV (human steps, consent changes, keys, playbook versions), oldest first; X-Next-After-Id when there is more',
    tag: 'audit',
    roles: [],
    query: auditQuery,
    ok: { status: 200, description: 'CSV: id,at,actor,keyId,action,subjectType,subjectId,detail', type: 'text/csv' },
    errors: [400],
  },
  {
    method: 'delete',
    path: '/v1/customers/{customerId}',
    summary:
      "Erase the customer's personal data on request (docs/security.md): closes an open case as erased, deletes the case histories from Temporal, anonymises every table in one transaction, audits it and tells the CRM. Idempotent: a repeated request answers the same",
    tag: 'customers',
    roles: [],
    params: customerIdParams,
    body: erasureRequestSchema,
    ok: { status: 200, description: 'what was erased', schema: erasureResponse },
    errors: [400, 404, 503],
  },
  {
    method: 'delete',
    path: '/v1/keys/{keyId}',
    summary: 'Revoke an API key',
    tag: 'keys',
    roles: [],
    params: keyIdParams,
    ok: { status: 200, description: 'the revoked key', schema: keyResponse },
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/s/{token}',
    summary: 'The survey page a customer answers on',
    tag: 'surveys',
    roles: null,
    params: surveyTokenParams,
    ok: { status: 200, description: 'HTML page', type: 'text/html' },
    errors: [404],
  },
  {
    method: 'post',
    path: '/v1/surveys/{token}',
    summary:
      'Answer a survey (the token is the credential; single use: the same answer sent again is told it was recorded, another answer gets 409)',
    tag: 'surveys',
    roles: null,
    params: surveyTokenParams,
    body: surveyAnswerInputSchema,
    ok: { status: 200, description: 'thanks' },
    errors: [400, 404, 409],
  },
  {
    method: 'post',
    path: INBOUND_SMS_PATH,
    summary: "Twilio's inbound SMS webhook (X-Twilio-Signature checked): STOP/START and survey scores",
    tag: 'webhooks',
    roles: null,
    bodyType: 'application/x-www-form-urlencoded',
    ok: { status: 200, description: 'empty TwiML', type: 'text/xml' },
    errors: [403, 415],
  },
  {
    method: 'post',
    path: SMS_STATUS_CALLBACK_PATH,
    summary:
      "Twilio's SMS status callback (X-Twilio-Signature checked): records delivery; undelivered moves the case to its next channel",
    tag: 'webhooks',
    roles: null,
    bodyType: 'application/x-www-form-urlencoded',
    ok: { status: 204, description: 'recorded' },
    errors: [400, 403, 415],
  },
  ...DESK_OPERATIONS,
  {
    method: 'get',
    path: '/dev/outbox',
    summary: 'Local stack only: what the SMS, email and CRM sinks captured',
    tag: 'local stack',
    roles: null,
    query: outboxQuery,
    ok: { status: 200, description: '{ items }' },
    errors: [400],
  },
];

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    // Answers may gain fields over time; a client generated from this document must not reject them.
    override: ({ jsonSchema }) => {
      if (io === 'output' && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  }) as Record<string, unknown>;
  return rest;
};

// A zod object of parameters becomes one OpenAPI parameter per property.
function parameters(schema: z.ZodType, where: 'path' | 'query' | 'header') {
  const s = jsonSchema(schema) as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    schema: property,
  }));
}

const errorBody = z.object({
  error: z.object({
    code: z.string().describe('snake_case, stable: branch on this'),
    message: z.string().describe('what to fix, for a person'),
    details: z.array(z.unknown()),
    requestId: z.string().describe('quote it when reporting a problem; also in the X-Request-Id header'),
  }),
});

const ERROR_TEXT: Record<number, string> = {
  400: 'invalid request: nothing was changed',
  401: 'no API key, or an unknown or revoked one',
  403: "the key's role may not do this",
  404: 'not found (or not visible to this key)',
  409: 'conflicts with the current state',
  422: 'well-formed, but the thing it acts on is not valid yet (details list every field at fault)',
  429: "over this key's rate limit; see Retry-After",
  503: 'a dependency is down or busy (step_pending: the step may still be taken; retry with the same Idempotency-Key); see Retry-After',
};

// The customer file: a header of the customer fields (dotted for nested ones) plus id, then one row per customer.
const CUSTOMER_CSV_SCHEMA = {
  type: 'string',
  description: `CSV with a header row. Columns: ${CUSTOMER_CSV_COLUMNS.map((c) => c.name + (c.required ? '' : ' (optional)')).join(', ')}. Lists separated by ";", booleans true/false, an empty cell for an absent optional field.`,
  example:
    "id,name,tier,timeZone,phone,preferredChannels,consent.sms,consent.email,consent.phone\r\ncust-1001,Siobhán O'Brien,affluent,Europe/Dublin,+353861234567,sms;phone,true,false,true\r\n",
};

function requestBody(op: Operation) {
  if (!op.body && !op.bodyType) return undefined;
  const schema = op.body ? jsonSchema(op.body) : op.bodyType === 'text/csv' ? CUSTOMER_CSV_SCHEMA : { type: 'object' };
  return { required: true, content: { [op.bodyType ?? 'application/json']: { schema } } };
}

function responses(op: Operation) {
  const statuses = [...(op.errors ?? []), ...(op.roles ? [401, 403, 429] : [])];
  const okTypes = (op.ok.type ?? 'application/json').split(', ');
  const okContent = (t: string) =>
    t === 'application/json' && op.ok.schema ? { schema: jsonSchema(op.ok.schema, 'output') } : {};
  const error = (s: number) => ({
    description: ERROR_TEXT[s] ?? 'error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  return {
    [String(op.ok.status)]: {
      description: op.ok.description,
      content: Object.fromEntries(okTypes.map((t) => [t, okContent(t)])),
    },
    ...Object.fromEntries([...new Set(statuses)].sort().map((s) => [String(s), error(s)])),
  };
}

function operationObject(op: Operation) {
  const roleText = op.roles === null ? 'No API key.' : `Roles: ${['admin', ...op.roles].join(', ')}.`;
  return {
    operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: op.summary,
    description: roleText,
    tags: [op.tag],
    security: op.roles === null ? [] : [{ apiKey: [] }],
    'x-roles': op.roles === null ? undefined : ['admin', ...op.roles],
    parameters: [
      ...(op.params ? parameters(op.params, 'path') : []),
      ...(op.query ? parameters(op.query, 'query') : []),
      ...(op.headers ? parameters(op.headers, 'header') : []),
    ],
    requestBody: requestBody(op),
    responses: responses(op),
  };
}

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operationObject(op);
  }
  return JSON.parse(
    JSON.stringify({
      openapi: '3.1.1',
      info: {
        title: 'Holdfast API',
        version: '1',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
        description:
          'Retention cases for banks: risk signals in, playbooks run on Temporal, supervisors see and steer every step. Errors are { error: { code, message, details, requestId } }.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: Authorization: Bearer <key>' },
        },
        schemas: { Error: jsonSchema(errorBody) },
      },
      paths,
    }),
  ) as Record<string, unknown>;
}
