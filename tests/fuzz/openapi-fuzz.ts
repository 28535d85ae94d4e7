// Fuzzes every operation of /v1/openapi.json: a valid request built from the operation's schemas, then seeded
// random mutations of it (./mutations.ts). Each answer must be below 500; each refusal (4xx) must be a JSON
// error with a code, a message and a request id, and must leave the database as it was.
import {
  HOSTILE_STRINGS,
  MUTATIONS,
  percentEncode,
  pick,
  seededRandom,
  withHostileString,
  type FuzzRequest,
  type Random,
} from './mutations';
import { validValue, type JsonSchema } from './schema-values';

export interface FuzzTarget {
  baseUrl: string;
  document: OpenApiDocument;
  // An API key per role (admin included); an operation is called with the first role it allows.
  keys: Record<string, string>;
  // Values for path parameters and body fields that must name things that exist (customerId, caseId, ...).
  named: Record<string, string>;
  // Values for the operations under a path prefix only (e.g. the signals of a customer of their own).
  namedUnder?: Record<string, Record<string, string>>;
  // A digest of everything in the database: compared around every refused request.
  snapshot: () => Promise<string>;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  operations: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  failures: { request: string; status: number; problem: string }[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: JsonSchema;
}
interface OperationObject {
  operationId: string;
  parameters?: Parameter[];
  'x-roles'?: string[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
}

interface Operation {
  id: string;
  valid: FuzzRequest;
  parsed: unknown;
  key?: string;
}

function operations(target: FuzzTarget): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(target.document.paths)) {
    const named: Record<string, string> = {
      ...target.named,
      ...Object.assign(
        {},
        ...Object.entries(target.namedUnder ?? {})
          .filter(([prefix]) => path.startsWith(prefix))
          .map(([, values]) => values),
      ),
    };
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      const concretePath = path.replace(/\{(\w+)\}/g, (_m, name: string) =>
        encodeURIComponent(
          named[name] ?? String(validValue(params.find((p) => p.name === name)?.schema ?? {}, named, name)),
        ),
      );
      const query = params
        .filter((p) => p.in === 'query' && p.required)
        .map((p): [string, string] => [p.name, String(validValue(p.schema, named, p.name))]);
      const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      const parsed = media ? validValue(media.schema, named) : undefined;
      const body =
        parsed === undefined
          ? undefined
          : contentType === 'application/x-www-form-urlencoded'
            ? new URLSearchParams({ From: '+34600000001', Body: 'STOP' }).toString()
            : contentType === 'text/csv'
              ? String(media!.schema.example)
              : JSON.stringify(parsed);
      const role = (op['x-roles'] ?? []).find((r) => r !== 'admin') ?? (op['x-roles'] ? 'admin' : undefined);
      const key = role ? target.keys[role] : undefined;
      const headers: Record<string, string> = {};
      if (contentType) headers['content-type'] = contentType;
      if (key) headers.authorization = `Bearer ${key}`;
      if (contentType === 'application/x-www-form-urlencoded') headers['x-twilio-signature'] = 'bm90LWEtc2lnbmF0dXJl';
      out.push({
        id: `${method.toUpperCase()} ${path}`,
        valid: { kind: 'valid', method: method.toUpperCase(), path: concretePath, query, headers, body },
        parsed,
        key,
      });
    }
  }
  return out;
}

const kindsFor = (op: Operation) =>
  Object.keys(MUTATIONS).filter(
    (k) => (k !== 'query-value' && k !== 'repeated-query') || op.valid.method === 'GET' || op.valid.query.length > 0,
  );

// The run's requests: first every mutation kind and every hostile string once per operation (so no class of
// input depends on the seed), then random picks until `requests`, one in eight the valid request.
function plan(ops: Operation[], requests: number, random: Random, otherKey: string): (() => FuzzRequest)[] {
  const planned: (() => FuzzRequest)[] = [];
  for (const op of ops) {
    planned.push(() => op.valid);
    for (const kind of kindsFor(op))
      planned.push(() => MUTATIONS[kind]!(op.valid, op.parsed, random, { other: otherKey }));
    if (op.parsed !== undefined)
      for (const text of HOSTILE_STRINGS) planned.push(() => withHostileString(op.valid, op.parsed, random, text));
  }
  for (let i = planned.length; i < requests; i++) {
    const op = ops[i % ops.length]!;
    planned.push(() =>
      random() < 0.125
        ? op.valid
        : MUTATIONS[pick(random, kindsFor(op))]!(op.valid, op.parsed, random, { other: otherKey }),
    );
  }
  return planned.slice(0, Math.max(requests, 0));
}

async function send(baseUrl: string, r: FuzzRequest): Promise<{ status: number; contentType: string; text: string }> {
  const query = r.query.length
    ? `?${r.query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&')}`
    : '';
  const response = await fetch(baseUrl + r.path + query, {
    method: r.method,
    headers: r.headers,
    body: r.method === 'GET' ? undefined : r.body,
    signal: AbortSignal.timeout(30_000),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

// What is wrong with a refusal's body, if anything.
function refusalProblem(contentType: string, text: string): string | undefined {
  if (!contentType.startsWith('application/json')) return `content-type ${contentType || '(none)'}, not JSON`;
  try {
    const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown; requestId?: unknown } }).error;
    if (typeof error?.code !== 'string' || typeof error.message !== 'string' || !error.message)
      return 'no error code or message';
    if (typeof error.requestId !== 'string' || !error.requestId) return 'no request id';
    return undefined;
  } catch {
    return 'body is not JSON';
  }
}

const describe = (r: FuzzRequest) =>
  `${r.kind} ${r.method} ${r.path.slice(0, 120)}${r.query.length ? ` ?${r.query.map(([k, v]) => `${k}=${v.slice(0, 30)}`).join('&')}` : ''} body=${(r.body ?? '').slice(0, 100)}`;

export async function fuzzApi(
  target: FuzzTarget,
  requests: number,
  seed: number,
  progress?: (done: number) => void,
): Promise<FuzzReport> {
  const random = seededRandom(seed);
  const ops = operations(target);
  const report: FuzzReport = { seed, requests: 0, operations: ops.length, byStatus: {}, byKind: {}, failures: [] };
  let before = await target.snapshot();
  const planned = plan(ops, requests, random, target.keys.system ?? '');
  for (const [i, next] of planned.entries()) {
    const request = next();
    const answer = await send(target.baseUrl, request).catch((e: Error) => ({
      status: 0,
      contentType: '',
      text: String(e),
    }));
    report.requests++;
    report.byKind[request.kind] = (report.byKind[request.kind] ?? 0) + 1;
    report.byStatus[String(answer.status)] = (report.byStatus[String(answer.status)] ?? 0) + 1;
    const fail = (problem: string) =>
      report.failures.push({ request: describe(request), status: answer.status, problem });
    if (answer.status === 0 || answer.status >= 500) fail(`answered ${answer.status}: ${answer.text.slice(0, 200)}`);
    if (answer.status >= 400) {
      const problem = refusalProblem(answer.contentType, answer.text);
      if (problem) fail(problem);
      const after = await target.snapshot();
      if (after !== before) fail('a refused request changed the database');
      before = after;
    } else {
      before = await target.snapshot();
    }
    if (progress && (i + 1) % 500 === 0) progress(i + 1);
  }
  return report;
}
