// Who may do what: each role's limits, agents walled into their team (404, not 403), keys issued once and
// revocable (endpoint and CLI), per-key rate limits, security headers and request ids.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { hashKey } from '../../api/services/key-lookup';
import { KEY_CACHE_TTL_MS } from '../../api/services/key-cache';
import type { Role } from '../../domain/vocabulary';
import { createTeam, insertCase } from '../support/case-rows';
import { startHarness, uniqueId, type Harness } from '../support/harness';

let h: Harness;
const apiLog: Record<string, unknown>[] = [];
beforeAll(async () => {
  h = await startHarness({ worker: false, apiLog: (line) => apiLog.push(JSON.parse(line) as Record<string, unknown>) });
});
afterAll(async () => {
  await h?.stop();
});

const customerBody = {
  name: 'Role Test',
  tier: 'mass',
  timeZone: 'Europe/Madrid',
  preferredChannels: ['sms'],
  consent: { sms: true, email: false, phone: false },
};
const signalBody = () => ({
  idempotencyKey: uniqueId('sig'),
  customerId: 'no-such-customer',
  type: 'complaint',
  occurredAt: new Date().toISOString(),
});

// [method, path, body] → the status each role gets. 404/400 mean "let in, then the request itself failed".
const matrix: { call: [string, string, unknown?]; expect: Record<Role, number> }[] = [
  {
    call: ['PUT', '/v1/customers/:new', customerBody],
    expect: { system: 201, agent: 403, supervisor: 403, admin: 201 },
  },
  { call: ['POST', '/v1/signals', signalBody], expect: { system: 404, agent: 403, supervisor: 404, admin: 404 } },
  { call: ['GET', '/v1/cases'], expect: { system: 403, agent: 200, supervisor: 200, admin: 200 } },
  {
    call: ['POST', '/v1/cases', { customerId: 'no-such-customer', reason: 'x' }],
    expect: { system: 403, agent: 404, supervisor: 404, admin: 404 },
  },
  {
    call: ['POST', '/v1/cases/no-such-case/offer-approval', { approve: true }],
    expect: { system: 403, agent: 403, supervisor: 404, admin: 404 },
  },
  {
    call: ['POST', '/v1/cases/no-such-case/close', { outcome: 'churned', note: 'x' }],
    expect: { system: 403, agent: 403, supervisor: 404, admin: 404 },
  },
  {
    call: ['GET', '/v1/teams/contact-centre/workload'],
    expect: { system: 403, agent: 200, supervisor: 200, admin: 200 },
  },
  { call: ['GET', '/v1/reports/retention'], expect: { system: 403, agent: 403, supervisor: 200, admin: 200 } },
  { call: ['GET', '/v1/playbooks'], expect: { system: 403, agent: 403, supervisor: 200, admin: 200 } },
  {
    call: ['POST', '/v1/playbooks/demo/versions', {}],
    expect: { system: 403, agent: 403, supervisor: 403, admin: 400 },
  },
  { call: ['GET', '/v1/keys'], expect: { system: 403, agent: 403, supervisor: 403, admin: 200 } },
];

test.each(matrix)('$call.0 $call.1 by role', async ({ call: [method, path, body], expect: expected }) => {
  for (const role of Object.keys(expected) as Role[]) {
    const concretePath = path.replace(':new', uniqueId('cust'));
    const res = await h.call(method, concretePath, {
      key: h.keys[role],
      body: typeof body === 'function' ? body() : body,
    });
    expect({ role, status: res.status }).toEqual({ role, status: expected[role] });
    if (res.status === 403) expect(res.body.error.message).toContain(`your key has role ${role}`);
  }
});

test('without a key, or with an unknown one, every /v1 route answers 401', async () => {
  expect((await h.call('GET', '/v1/cases')).status).toBe(401);
  const res = await h.call('GET', '/v1/cases', { key: 'hf_admin_not-a-real-key' });
  expect(res).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
});

describe('an agent sees only their own team', () => {
  let otherCase: string;
  let ownCase: string;
  let otherTeam: string;
  beforeAll(async () => {
    const other = await createTeam(h.db);
    otherTeam = other.teamId;
    otherCase = await insertCase(h.db, otherTeam, { openedAt: new Date(), agentId: other.agentIds[0] });
    ownCase = await insertCase(h.db, 'contact-centre', { openedAt: new Date() });
  });

  test("another team's case is not found, by id, timeline, step or list", async () => {
    expect((await h.call('GET', `/v1/cases/${ownCase}`, { key: h.keys.agent })).status).toBe(200);
    for (const [method, path, body] of [
      ['GET', `/v1/cases/${otherCase}`],
      ['GET', `/v1/cases/${otherCase}/timeline`],
      ['POST', `/v1/cases/${otherCase}/contact-outcome`, { channel: 'phone', outcome: 'reached' }],
      ['POST', `/v1/cases/${otherCase}/offer-decision`, { decision: 'accepted' }],
    ] as [string, string, unknown?][]) {
      const res = await h.call(method, path, { key: h.keys.agent, body });
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({
        path,
        status: 404,
        code: 'case_not_found',
      });
    }
    const listed = await h.call('GET', `/v1/cases?team=${otherTeam}`, { key: h.keys.agent });
    expect(listed.body).toMatchObject({ items: [], total: 0 });
    // The same case is there for a supervisor.
    expect((await h.call('GET', `/v1/cases/${otherCase}`, { key: h.keys.supervisor })).status).toBe(200);
    expect((await h.call('GET', `/v1/cases?team=${otherTeam}`, { key: h.keys.supervisor })).body.total).toBe(1);
  });

  test("another team's workload and team entry are not found", async () => {
    expect((await h.call('GET', `/v1/teams/${otherTeam}/workload`, { key: h.keys.agent })).body.error.code).toBe(
      'team_not_found',
    );
    const teams = (await h.call('GET', '/v1/teams', { key: h.keys.agent })).body.items.map((t: { id: string }) => t.id);
    expect(teams).toEqual(['contact-centre']);
  });
});

describe('API keys', () => {
  test('an admin issues a key shown once, stored only as a hash, and revokes it', async () => {
    const created = await h.call('POST', '/v1/keys', {
      key: h.keys.admin,
      body: { name: 'Retention lead', role: 'supervisor' },
    });
    expect(created.status).toBe(201);
    const { id, key } = created.body;
    expect(key).toMatch(/^hf_supervisor_/);
    const row = await h.db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.hash).toBe(hashKey(key));
    expect(JSON.stringify(row)).not.toContain(key);

    expect((await h.call('GET', '/v1/reports/retention', { key })).status).toBe(200);
    const listed = await h.call('GET', '/v1/keys', { key: h.keys.admin });
    const entry = listed.body.items.find((k: { id: string }) => k.id === id);
    expect(entry).toMatchObject({ name: 'Retention lead', role: 'supervisor', revokedAt: null });
    // A key found in the wild is identified by its prefix, which no other key shares.
    expect(key.startsWith(`${entry.prefix}_`)).toBe(true);
    const other = (
      await h.call('POST', '/v1/keys', { key: h.keys.admin, body: { name: 'Second lead', role: 'supervisor' } })
    ).body;
    expect(other.key.startsWith(`${entry.prefix}_`)).toBe(false);
    expect(JSON.stringify(listed.body)).not.toContain(key);

    expect((await h.call('DELETE', `/v1/keys/${id}`, { key: h.keys.admin })).body.revokedAt).toEqual(
      expect.any(String),
    );
    expect((await h.call('GET', '/v1/reports/retention', { key })).status).toBe(401);
    expect((await h.call('DELETE', `/v1/keys/${id}`, { key: h.keys.admin })).body.error.code).toBe(
      'key_already_revoked',
    );
  });

  test('an agent key needs a team that exists; other roles take none', async () => {
    const noTeam = await h.call('POST', '/v1/keys', { key: h.keys.admin, body: { name: 'a', role: 'agent' } });
    expect(noTeam).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_failed', details: [{ path: 'body.agentId' }] } },
    });
    expect(
      (await h.call('POST', '/v1/keys', { key: h.keys.admin, body: { role: 'agent', agentId: 'no-such-agent' } })).body
        .error.code,
    ).toBe('agent_not_found');
    expect(
      (
        await h.call('POST', '/v1/keys', {
          key: h.keys.admin,
          body: { name: 's', role: 'supervisor', agentId: 'agent-cc-1' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await h.call('POST', '/v1/keys', {
          key: h.keys.admin,
          body: { name: 'a', role: 'agent', teamId: 'no-such-team' },
        })
      ).body.error.code,
    ).toBe('team_not_found');
    expect(
      (
        await h.call('POST', '/v1/keys', {
          key: h.keys.admin,
          body: { name: 's', role: 'system', teamId: 'contact-centre' },
        })
      ).status,
    ).toBe(400);
    const agent = await h.call('POST', '/v1/keys', {
      key: h.keys.admin,
      body: { name: 'Sam', role: 'agent', teamId: 'contact-centre' },
    });
    expect(agent.body).toMatchObject({ role: 'agent', teamId: 'contact-centre' });
  });

  test('`npm run keys` creates a working key, lists it without its secret and revokes it', async () => {
    const run = promisify(execFile);
    const env = { ...process.env, DATABASE_URL: h.env.DATABASE_URL };
    const { stdout } = await run(
      'npx',
      ['tsx', 'api/cli/keys-cli.ts', 'create', '--role', 'supervisor', '--name', 'CLI supervisor'],
      { env },
    );
    const key = /\b(hf_supervisor_\S+)/.exec(stdout)?.[1];
    expect(key).toBeDefined();
    expect((await h.call('GET', '/v1/cases?limit=1', { key })).status).toBe(200);
    const bad = await run('npx', ['tsx', 'api/cli/keys-cli.ts', 'create', '--role', 'agent', '--name', 'x'], {
      env,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('agentId: an agent key needs an agentId (a person) or a teamId'),
    });

    const id = (await h.db.apiKey.findUniqueOrThrow({ where: { hash: hashKey(key!) } })).id;
    const listed = (await run('npx', ['tsx', 'api/cli/keys-cli.ts', 'list'], { env })).stdout;
    expect(listed).toMatch(new RegExp(`${id}\\s+supervisor .* active\\s+CLI supervisor`));
    expect(listed).not.toContain(key);
    await run('npx', ['tsx', 'api/cli/keys-cli.ts', 'revoke', id], { env });
    // The CLI is another process: this API forgets the key when its cache entry expires.
    await new Promise((r) => setTimeout(r, KEY_CACHE_TTL_MS + 200));
    expect((await h.call('GET', '/v1/cases?limit=1', { key })).status).toBe(401);
  }, 60_000);
});

test('each key has its own rate limit; over it the API answers 429 with Retry-After', async () => {
  const limited = await startHarness({ worker: false, rateLimitPerMinute: 3 });
  try {
    for (let i = 0; i < 3; i++)
      expect((await limited.call('GET', '/v1/cases?limit=1', { key: limited.keys.supervisor })).status).toBe(200);
    const over = await limited.call('GET', '/v1/cases?limit=1', { key: limited.keys.supervisor });
    expect(over).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another key is not held back by the first one's traffic.
    expect((await limited.call('GET', '/v1/cases?limit=1', { key: limited.keys.agent })).status).toBe(200);
  } finally {
    await limited.stop();
  }
});

test('responses carry security headers', async () => {
  for (const path of ['/health', '/v1/cases']) {
    const res = await h.call('GET', path, { key: h.keys.supervisor });
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  }
});

test('a request id is in the error body, the response header and every log line of the request', async () => {
  const res = await h.call('GET', '/v1/cases?limit=0', {
    key: h.keys.supervisor,
    headers: { 'x-request-id': 'trace-abc-123' },
  });
  expect(res.status).toBe(400);
  expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
  expect(res.body.error.requestId).toBe('trace-abc-123');
  const generated = await h.call('GET', '/v1/nope', { key: h.keys.supervisor });
  expect(generated.body.error.requestId).toBe(generated.headers.get('x-request-id'));

  const lines = apiLog.filter((l) => l.requestId === 'trace-abc-123');
  const supervisorKey = await h.db.apiKey.findUniqueOrThrow({ where: { hash: hashKey(h.keys.supervisor) } });
  expect(lines).toEqual([
    expect.objectContaining({
      msg: 'request',
      method: 'GET',
      path: '/v1/cases',
      status: 400,
      key: `supervisor:${supervisorKey.id}`,
    }),
  ]);
  expect(apiLog.every((l) => typeof l.requestId === 'string')).toBe(true);
});

test('access log lines carry no survey token and no key holder name', async () => {
  const token = 'secret-survey-token-0123456789';
  await fetch(`${h.baseUrl}/s/${token}`);
  await fetch(`${h.baseUrl}/v1/surveys/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ score: 9 }),
  });
  await h.call('GET', '/v1/me', { key: h.keys.supervisor });
  await new Promise((r) => setTimeout(r, 100));
  const text = JSON.stringify(apiLog);
  expect(text).not.toContain(token);
  expect(text).not.toContain('test supervisor');
  expect(apiLog.filter((l) => l.msg === 'request').map((l) => l.path)).toEqual(
    expect.arrayContaining(['/s/***', '/v1/surveys/***']),
  );
});

test('log lines carry no phone number or email address, wherever a request puts one', async () => {
  await h.call('GET', '/v1/customers/jane.doe@example.com', { key: h.keys.system });
  await h.call('GET', `/v1/customers/${encodeURIComponent('+34600123456')}`, { key: h.keys.system });
  await fetch(`${h.baseUrl}/v1/webhooks/twilio/sms?From=%2B34600123456`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'bad' },
    body: 'From=%2B34600123456&Body=STOP',
  });
  await new Promise((r) => setTimeout(r, 100));
  const text = JSON.stringify(apiLog);
  expect(text).not.toContain('jane.doe');
  expect(text).not.toContain('34600123456');
  // The lines were written, with the details masked.
  expect(text).toContain('***@example.com');
  expect(text).toContain('+***56');
});
