// The OpenAPI document is valid OpenAPI 3.1, lists every route the app serves, carries the same request schemas
// the routes validate with, and names the answers the dashboard's generated types read.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../api/http/app';
import { createApiMetrics } from '../../api/metrics';
import type { Sql } from '../../config/sql';
import { contractMarkdown } from '../../api/http/contract-doc';
import { lintOpenApi } from '../../dev/lint-openapi';
import type { AppDeps } from '../../api/deps';
import { DEFAULT_WEB_ROOT } from '../../api/http/routes/dashboard';
import { createLogger } from '../../config/logger';
import type { z } from 'zod';
import {
  churnReasonListResponse,
  churnReasonReportResponse,
  recordedChurnReasonResponse,
  caseBoardResponse,
  caseDetailResponse,
  issuedKeyResponse,
  keyListResponse,
  meResponse,
  reportResponse,
  teamsResponse,
  timelineResponse,
  workloadResponse,
} from '../../api/http/response-schemas';
import { insertCase } from '../support/case-rows';
import { dryRunResponse } from '../../api/http/dry-run-schemas';
import {
  draftResponse,
  playbookListResponse,
  playbookResponse,
  publishedResponse,
} from '../../api/http/playbook-schemas';
import { createTestPlaybook, MOVED_AWAY } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let doc: { paths: Record<string, Record<string, any>> };
beforeAll(async () => {
  h = await startHarness({ worker: false });
  const res = await h.call('GET', '/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(async () => {
  await h?.stop();
});

// Every method + path the Express app routes, read from its router (Express 5 layers).
function appRoutes(): string[] {
  const app = createApp({
    logger: createLogger('error'),
    outbox: { list: () => [] },
    webRoot: DEFAULT_WEB_ROOT,
    metrics: createApiMetrics({} as Sql),
  } as unknown as AppDeps) as unknown as { router: { stack: any[] } };
  const found: string[] = [];
  const visit = (stack: any[]) => {
    for (const layer of stack) {
      if (layer.route)
        for (const method of Object.keys(layer.route.methods))
          found.push(`${method.toUpperCase()} ${layer.route.path}`);
      else if (layer.handle?.stack) visit(layer.handle.stack);
    }
  };
  visit(app.router.stack);
  return found;
}

test('the document is valid OpenAPI 3.1', () => {
  const out = execFileSync(process.execPath, [join(__dirname, '..', 'support', 'validate-openapi.mjs')], {
    input: JSON.stringify(doc),
  });
  const result = JSON.parse(out.toString()) as { valid: boolean; version: string; errors: unknown[] };
  expect(result).toEqual({ valid: true, version: '3.1', errors: [] });
});

test('every route the app serves is in the document, and nothing else is', () => {
  const served = appRoutes().map((r) => r.replace(/:(\w+)/g, '{$1}'));
  expect(served.length).toBeGreaterThan(25);
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
  );
  expect([...new Set(served)].sort()).toEqual([...documented].sort());
});

test('request schemas are the validating ones: required fields, enums and limits', () => {
  const signal = doc.paths['/v1/signals']!.post.requestBody.content['application/json'].schema;
  expect(signal.required).toEqual(['idempotencyKey', 'customerId', 'type', 'occurredAt']);
  expect(signal.properties.type.enum).toContain('large_outflow');
  expect(signal.properties.severity).toMatchObject({ minimum: 0, maximum: 1 });

  const board = doc.paths['/v1/cases']!.get.parameters as { name: string; schema: any }[];
  expect(board.map((p) => p.name)).toEqual(
    expect.arrayContaining(['stage', 'tier', 'driver', 'team', 'assigneeId', 'slaBreached', 'sort', 'limit', 'cursor']),
  );
  expect(board.find((p) => p.name === 'sort')!.schema.enum).toEqual(['opened', 'priority', 'slaDue']);

  const approval = doc.paths['/v1/cases/{caseId}/offer-approval']!.post;
  expect(approval['x-roles']).toEqual(['admin', 'supervisor']);
  expect(approval.parameters).toEqual([
    expect.objectContaining({ name: 'caseId', in: 'path', required: true }),
    expect.objectContaining({ name: 'idempotency-key', in: 'header', required: false }),
  ]);
  expect(approval.requestBody.content['application/json'].schema.required).toEqual(['approve']);

  const report = doc.paths['/v1/reports/retention']!.get.parameters as { name: string; schema: any }[];
  expect(report.find((p) => p.name === 'groupBy')!.schema.enum).toEqual([
    'driver',
    'tier',
    'team',
    'offer',
    'playbook',
  ]);
  expect(doc.paths['/health']!.get.security).toEqual([]);
});

test('what the document says is required is what the API refuses without', async () => {
  const required: string[] =
    doc.paths['/v1/cases/{caseId}/close']!.post.requestBody.content['application/json'].schema.required;
  const caseId = await insertCase(h.db, 'contact-centre', { openedAt: new Date() });
  const res = await h.call('POST', `/v1/cases/${caseId}/close`, { key: h.keys.supervisor, body: {} });
  expect(res.status).toBe(400);
  expect(res.body.error.details.map((d: { path: string }) => d.path.replace('body.', '')).sort()).toEqual(
    [...required].sort(),
  );
});

test('the documented answers are what the API sends: parsing one with its schema loses nothing', async () => {
  const now = new Date();
  const caseId = await insertCase(h.db, 'contact-centre', {
    openedAt: now,
    agentId: 'agent-cc-1',
    slaDueAt: now,
    offer: { offerId: 'fee-waiver-12m', cost: 48, status: 'presented' },
  });
  const { customerId } = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
  await h.db.contactAttempt.create({
    data: {
      key: `${caseId}:contact:1`,
      caseId,
      customerId,
      channel: 'sms',
      purpose: 'contact',
      status: 'sent',
      providerId: 'SM1',
      sentAt: now,
    },
  });
  // A lost case, closed without a reason until a supervisor records one.
  const lostId = await insertCase(h.db, 'contact-centre', { status: 'closed', outcome: 'churned', openedAt: now });
  const key = (await h.call('POST', '/v1/keys', { key: h.keys.admin, body: { name: 'doc check', role: 'supervisor' } }))
    .body;

  const answers: [string, string, z.ZodType, unknown][] = [
    [
      '/v1/cases',
      'get',
      caseBoardResponse,
      (await h.call('GET', `/v1/cases?customerId=${customerId}`, { key: h.keys.supervisor })).body,
    ],
    [
      '/v1/cases/{caseId}',
      'get',
      caseDetailResponse,
      (await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.supervisor })).body,
    ],
    [
      '/v1/cases/{caseId}/timeline',
      'get',
      timelineResponse,
      (await h.call('GET', `/v1/cases/${caseId}/timeline`, { key: h.keys.supervisor })).body,
    ],
    ['/v1/teams', 'get', teamsResponse, (await h.call('GET', '/v1/teams', { key: h.keys.supervisor })).body],
    [
      '/v1/teams/{teamId}/workload',
      'get',
      workloadResponse,
      (await h.call('GET', '/v1/teams/contact-centre/workload', { key: h.keys.supervisor })).body,
    ],
    [
      '/v1/reports/retention',
      'get',
      reportResponse,
      (await h.call('GET', '/v1/reports/retention?period=week', { key: h.keys.supervisor })).body,
    ],
    ['/v1/keys', 'post', issuedKeyResponse, key],
    ['/v1/keys', 'get', keyListResponse, (await h.call('GET', '/v1/keys', { key: h.keys.admin })).body],
    ['/v1/me', 'get', meResponse, (await h.call('GET', '/v1/me', { key: h.keys.agent })).body],
    [
      '/v1/churn-reasons',
      'get',
      churnReasonListResponse,
      (await h.call('GET', '/v1/churn-reasons?includeRetired=true', { key: h.keys.agent })).body,
    ],
    [
      '/v1/cases/{caseId}/churn-reason',
      'put',
      recordedChurnReasonResponse,
      (await h.call('PUT', `/v1/cases/${lostId}/churn-reason`, { key: h.keys.supervisor, body: MOVED_AWAY })).body,
    ],
    [
      '/v1/cases/{caseId}',
      'get',
      caseDetailResponse,
      (await h.call('GET', `/v1/cases/${lostId}`, { key: h.keys.supervisor })).body,
    ],
    [
      '/v1/reports/churn-reasons',
      'get',
      churnReasonReportResponse,
      (await h.call('GET', '/v1/reports/churn-reasons?period=week', { key: h.keys.supervisor })).body,
    ],
  ];
  for (const [path, method, schema, body] of answers) {
    expect({ path, parsed: schema.parse(body) }).toEqual({ path, parsed: body });
    const documented = Object.values(doc.paths[path]![method].responses as Record<string, any>)[0].content[
      'application/json'
    ].schema;
    expect({ path, documented: documented !== undefined }).toEqual({ path, documented: true });
  }
  const detail = answers[1]![3] as { offer?: unknown; contactAttempts: unknown[] };
  expect(detail.offer).toBeDefined();
  expect(detail.contactAttempts).toHaveLength(1);
  expect((answers[5]![3] as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
  expect((answers[11]![3] as { churnReason?: unknown }).churnReason).toMatchObject({ code: 'moved_away' });
  expect((answers[12]![3] as { reasons: unknown[] }).reasons.length).toBeGreaterThan(0);
});

test('the playbook answers the dashboard reads are documented as sent: list, versions, draft, dry run, publish', async () => {
  const playbookId = await createTestPlaybook(h, () => undefined);
  const path = `/v1/playbooks/${playbookId}`;
  const as = { key: h.keys.admin };
  const answers: [string, string, z.ZodType, { status: number; body: unknown }][] = [
    ['/v1/playbooks', 'get', playbookListResponse, await h.call('GET', '/v1/playbooks', as)],
    ['/v1/playbooks/{playbookId}', 'get', playbookResponse, await h.call('GET', path, as)],
    [
      '/v1/playbooks/{playbookId}/draft',
      'put',
      draftResponse,
      await h.call('PUT', `${path}/draft`, { ...as, body: { fromVersion: 1 } }),
    ],
    ['/v1/playbooks/{playbookId}/draft', 'get', draftResponse, await h.call('GET', `${path}/draft`, as)],
    [
      '/v1/playbooks/{playbookId}/dry-run',
      'post',
      dryRunResponse,
      await h.call('POST', `${path}/dry-run`, { ...as, body: { draft: true, days: 2, decisions: 5 } }),
    ],
    [
      '/v1/playbooks/{playbookId}/draft/publish',
      'post',
      publishedResponse,
      await h.call('POST', `${path}/draft/publish`, as),
    ],
  ];
  expect(answers.map(([route, , , { status }]) => `${route} ${status}`)).toEqual(
    answers.map(([route], i) => `${route} ${[200, 200, 201, 200, 200, 201][i]}`),
  );
  for (const [route, method, schema, { body }] of answers) {
    expect({ route, parsed: schema.parse(body) }).toEqual({ route, parsed: body });
    const documented = Object.values(doc.paths[route]![method].responses as Record<string, any>)[0].content[
      'application/json'
    ].schema;
    expect({ route, documented: documented.$ref }).toEqual({
      route,
      documented: expect.stringMatching(/^#\/components\/schemas\//),
    });
  }
  const dryRun = answers[4]![3].body as { baseline: unknown; result: { days: unknown[] } };
  expect(dryRun.baseline).not.toBeNull();
  expect(dryRun.result.days.length).toBeGreaterThan(0);
});

test('docs/api.md is the contract generated from this OpenAPI document (run `npm run docs:api` after changing a route)', () => {
  expect(readFileSync(join(__dirname, '..', '..', 'docs', 'api.md'), 'utf8')).toBe(contractMarkdown());
});

test("the document passes Redocly's recommended rules without a warning (`npm run lint:api`)", () => {
  const { totals, problems } = lintOpenApi(doc);
  expect(problems.map((p) => `${p.severity} ${p.ruleId} ${p.location?.[0]?.pointer ?? ''}: ${p.message}`)).toEqual([]);
  expect(totals).toMatchObject({ errors: 0, warnings: 0 });
}, 60_000);

test('the 4xx documented for the public reads is what they send: a query value that cannot be stored is a 400', async () => {
  for (const path of ['/health', '/ready', '/v1/openapi.json']) {
    expect(Object.keys(doc.paths[path]!.get.responses)).toContain('400');
    const res = await h.call('GET', `${path}?q=%00`);
    expect({ path, status: res.status, code: res.body.error?.code }).toEqual({
      path,
      status: 400,
      code: 'invalid_text',
    });
  }
});
