// The OpenAPI 3.1 document, generated from the zod schemas the routes validate with: the request shapes
// cannot drift from what the API accepts, and the dashboard's types are generated from it (dev/api-types.ts). A test checks every Express route appears here. The operations
// themselves are listed in case-work-operations.ts and setup-operations.ts.
import { z } from 'zod';
import { CUSTOMER_CSV_COLUMNS } from '../services/customer-csv';
import { ANSWER_NAMES } from './answer-names';
import { CASE_WORK_OPERATIONS } from './case-work-operations';
import type { Operation } from './operation';
import { SETUP_OPERATIONS } from './setup-operations';

const OPERATIONS: Operation[] = [...CASE_WORK_OPERATIONS, ...SETUP_OPERATIONS];

const options = (io: 'input' | 'output') => ({
  io,
  unrepresentable: 'any' as const,
  // Answers may gain fields over time; a client generated from this document must not reject them.
  override: ({ jsonSchema }: { jsonSchema: { additionalProperties?: unknown } }) => {
    if (io === 'output' && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
  },
});

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, options(io)) as Record<string, unknown>;
  return rest;
};

// The named answers (answer-names.ts) as components/schemas, referring to each other by $ref.
function answerComponents(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(ANSWER_NAMES, { ...options('output'), uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _id, ...schema }]) => [id, schema]));
}

// An answer's schema: a $ref when it is named, else inline.
const answerSchema = (schema: z.ZodType) => {
  const name = ANSWER_NAMES.get(schema)?.id;
  return name ? { $ref: `#/components/schemas/${name}` } : jsonSchema(schema, 'output');
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
    params: z
      .record(z.string(), z.unknown())
      .describe(
        "what the message is made of (ids, stages, versions, lists): with the code, enough to say the message in the client's language; {} when the message has nothing variable",
      ),
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
    t === 'application/json' && op.ok.schema ? { schema: answerSchema(op.ok.schema) } : {};
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
          'Retention cases for banks: risk signals in, playbooks run on Temporal, supervisors see and steer every step. Errors are { error: { code, message, details, params, requestId } }: branch on the code, show the message, or render the code with its params in another language.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: Authorization: Bearer <key>' },
        },
        schemas: { Error: jsonSchema(errorBody), ...answerComponents() },
      },
      paths,
    }),
  ) as Record<string, unknown>;
}
