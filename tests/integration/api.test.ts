// The HTTP contract: validation, auth, idempotent signals, conflicts, readiness.
import { createApiKey } from '../../api/services/api-keys';
import { KEY_CACHE_TTL_MS } from '../../api/services/key-cache';
import { caseStage, createCustomer, outflowSignal, waitForStage } from '../support/fixtures';
import { eventually, startHarness, TEST_ADMIN_KEY, uniqueId, type Harness } from '../support/harness';
import { recordHistory } from '../support/histories';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('service endpoints', () => {
  test('health needs nothing; ready checks PostgreSQL and Temporal', async () => {
    expect(await h.call('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await h.call('GET', '/ready')).toMatchObject({
      status: 200,
      body: { status: 'ready', checks: { postgresql: 'ok', temporal: 'ok' } },
    });
  });

  test('unknown routes and bad JSON get JSON errors with a request id', async () => {
    const missing = await h.call('GET', '/v1/nothing-here', { key: h.keys.admin });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'route_not_found' });
    const bad = await h.call('POST', '/v1/signals', {
      key: h.keys.system,
      body: '{"idempotencyKey":',
      headers: { 'x-request-id': 'req-123' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'malformed_json', requestId: 'req-123' });
  });
});

describe('error answers', () => {
  test('every refusal carries the params its message is made of, so a client can say it in its own language', async () => {
    const customer = await h.call('GET', '/v1/customers/nobody-1', { key: h.keys.system });
    expect(customer.status).toBe(404);
    expect(customer.body.error).toEqual({
      code: 'customer_not_found',
      message: 'no customer with id nobody-1',
      details: [],
      params: { customerId: 'nobody-1' },
      requestId: expect.any(String),
    });
    const experiment = await h.call('GET', '/v1/experiments/exp_00000000-0000-4000-8000-000000000000', {
      key: h.keys.admin,
    });
    expect(experiment.status).toBe(404);
    expect(experiment.body.error).toMatchObject({
      code: 'experiment_not_found',
      params: { experimentId: 'exp_00000000-0000-4000-8000-000000000000' },
    });
    const playbook = await h.call('GET', '/v1/playbooks/no-such-playbook', { key: h.keys.admin });
    expect(playbook.body.error).toMatchObject({
      code: 'playbook_not_found',
      params: { playbookId: 'no-such-playbook' },
    });
    const route = await h.call('GET', '/v1/nothing-here', { key: h.keys.admin });
    expect(route.body.error.params).toEqual({ method: 'GET', path: '/v1/nothing-here' });
    const invalid = await h.call('PUT', '/v1/customers/c-params', { key: h.keys.system, body: { name: 'x' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.params).toMatchObject({ where: 'body', issues: invalid.body.error.details });
  });
});

describe('auth', () => {
  test('no key, an unknown key, and the wrong role are refused', async () => {
    expect((await h.call('GET', '/v1/cases')).status).toBe(401);
    expect((await h.call('GET', '/v1/cases', { key: 'hf_nope' })).body.error.code).toBe('unauthenticated');
    const wrongRole = await h.call('GET', '/v1/cases', { key: h.keys.system });
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.error.message).toContain('your key has role system');
    expect((await h.call('POST', '/v1/signals', { key: h.keys.agent, body: outflowSignal('x') })).status).toBe(403);
  });

  test('admins may call every endpoint', async () => {
    expect((await h.call('GET', '/v1/cases', { key: h.keys.admin })).status).toBe(200);
    const c = await createCustomer(h);
    expect((await h.call('GET', `/v1/customers/${c.id}`, { key: h.keys.admin })).status).toBe(200);
  });

  test('HOLDFAST_ADMIN_KEY is accepted as an admin key', async () => {
    expect((await h.call('GET', '/v1/cases', { key: TEST_ADMIN_KEY })).status).toBe(200);
    expect((await h.call('GET', '/v1/cases', { key: `${TEST_ADMIN_KEY}x` })).status).toBe(401);
  });

  test('a key revoked through the API stops working at once', async () => {
    const { id, key } = await createApiKey(h.db, { name: 'short-lived', role: 'supervisor' });
    expect((await h.call('GET', '/v1/cases', { key })).status).toBe(200);
    expect((await h.call('DELETE', `/v1/keys/${id}`, { key: TEST_ADMIN_KEY })).status).toBe(200);
    expect((await h.call('GET', '/v1/cases', { key })).status).toBe(401);
  });

  test('a key revoked elsewhere (the keys CLI, another API process) stops working within the key cache TTL', async () => {
    const { id, key } = await createApiKey(h.db, { name: 'revoked-elsewhere', role: 'supervisor' });
    expect((await h.call('GET', '/v1/cases', { key })).status).toBe(200);
    await h.db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await new Promise((r) => setTimeout(r, KEY_CACHE_TTL_MS + 200));
    expect((await h.call('GET', '/v1/cases', { key })).status).toBe(401);
  });
});

describe('customers', () => {
  test('PUT creates then updates; invalid fields are named', async () => {
    const id = uniqueId('cust');
    const body = {
      name: 'Eva Ruiz',
      tier: 'affluent',
      timeZone: 'Europe/Madrid',
      email: 'eva@example.com',
      preferredChannels: ['email'],
      consent: { sms: false, email: true, phone: false },
    };
    expect((await h.call('PUT', `/v1/customers/${id}`, { key: h.keys.system, body })).status).toBe(201);
    const updated = await h.call('PUT', `/v1/customers/${id}`, {
      key: h.keys.system,
      body: { ...body, tier: 'premier' },
    });
    expect(updated).toMatchObject({ status: 200, body: { customerId: id, tier: 'premier' } });

    const bad = await h.call('PUT', `/v1/customers/${id}`, {
      key: h.keys.system,
      body: { ...body, timeZone: 'Mars/Base', phone: '600111222' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.phone', 'body.timeZone']);
    expect((await h.call('GET', `/v1/customers/${id}`, { key: h.keys.system })).body.tier).toBe('premier');
  });

  test('an unknown customer is 404', async () => {
    expect((await h.call('GET', '/v1/customers/nobody', { key: h.keys.system })).body.error.code).toBe(
      'customer_not_found',
    );
  });
});

describe('signals', () => {
  test('invalid signals change nothing and say what to fix', async () => {
    const c = await createCustomer(h);
    const bad = await h.call('POST', '/v1/signals', {
      key: h.keys.system,
      body: { ...outflowSignal(c.id), type: 'rumour', severity: 2 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/body\.type/);
    expect(bad.body.error.message).toMatch(/body\.severity/);
    expect(await h.db.riskSignal.count({ where: { customerId: c.id } })).toBe(0);
  });

  test('a signal for an unknown customer is 404 and not stored', async () => {
    const signal = outflowSignal('ghost-customer');
    const res = await h.call('POST', '/v1/signals', { key: h.keys.system, body: signal });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('customer_not_found');
    expect(await h.db.riskSignal.count({ where: { idempotencyKey: signal.idempotencyKey } })).toBe(0);
  });

  test('the same idempotency key answers the first answer; reusing it for another signal is refused', async () => {
    const c = await createCustomer(h);
    const signal = outflowSignal(c.id);
    const first = await h.call('POST', '/v1/signals', { key: h.keys.system, body: signal });
    const second = await h.call('POST', '/v1/signals', { key: h.keys.system, body: signal });
    expect(first.status).toBe(202);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ ...first.body, duplicate: true });
    const reused = await h.call('POST', '/v1/signals', { key: h.keys.system, body: { ...signal, type: 'complaint' } });
    expect(reused.status).toBe(422);
    expect(await h.db.riskSignal.count({ where: { customerId: c.id } })).toBe(1);
  });

  test('a second signal joins the open case and is on its timeline', async () => {
    const c = await createCustomer(h);
    const first = await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id) });
    await waitForStage(h, first.body.caseId, 'contacting');
    const second = await h.call('POST', '/v1/signals', {
      key: h.keys.system,
      body: { ...outflowSignal(c.id), type: 'complaint' },
    });
    expect(second.status).toBe(202);
    expect(second.body.caseId).toBe(first.body.caseId);
    const timeline = await eventually(async () => {
      const events = (await h.call('GET', `/v1/cases/${first.body.caseId}/timeline`, { key: h.keys.supervisor })).body
        .events as { type: string }[];
      return events.some((e) => e.type === 'signal_joined') ? events : undefined;
    }, 'signal_joined on the timeline');
    expect(timeline.filter((e) => e.type === 'case_opened')).toHaveLength(1);
  });

  test('a batch answers one result per signal, in order', async () => {
    const c = await createCustomer(h);
    const res = await h.call('POST', '/v1/signals/batch', {
      key: h.keys.system,
      body: { signals: [outflowSignal(c.id), { nope: true }, outflowSignal('ghost')] },
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([202, 400, 404]);
  });

  test("a batch opens one case per customer, and a customer's later signals join it", async () => {
    const customers = await Promise.all(Array.from({ length: 6 }, () => createCustomer(h)));
    const twice = customers[0]!;
    const signals = [
      outflowSignal(twice.id),
      ...customers.slice(1).map((c) => outflowSignal(c.id)),
      { ...outflowSignal(twice.id), type: 'complaint' },
      { ...outflowSignal(twice.id), type: 'activity_drop' },
    ];
    const res = await h.call('POST', '/v1/signals/batch', { key: h.keys.system, body: { signals } });
    expect(res.status).toBe(200);
    const results = res.body.results as { status: number; caseId: string; duplicate: boolean }[];
    expect(results.map((r) => r.status)).toEqual(signals.map(() => 202));
    const first = results[0]!.caseId;
    expect(results.slice(-2).map((r) => r.caseId)).toEqual([first, first]);
    expect(new Set(results.slice(0, 6).map((r) => r.caseId)).size).toBe(6);
    const rows = await h.db.case.findMany({
      where: { customerId: { in: customers.map((c) => c.id) } },
      select: { customerId: true },
    });
    expect(rows.map((r) => r.customerId).sort()).toEqual(customers.map((c) => c.id).sort());
    // The customer's signals joined in the order posted.
    const joined = await eventually(async () => {
      const events = (await h.call('GET', `/v1/cases/${first}/timeline`, { key: h.keys.supervisor })).body.events as {
        type: string;
        data: { type: string };
      }[];
      const types = events.filter((e) => e.type === 'signal_joined').map((e) => e.data.type);
      return types.length === 2 ? types : undefined;
    }, 'both later signals on the timeline');
    expect(joined).toEqual(['complaint', 'activity_drop']);
  });

  test('the case opener on the timeline is the key that posted the signal; /dev/outbox shows the SMS', async () => {
    const c = await createCustomer(h);
    const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id) })).body;
    await waitForStage(h, caseId, 'contacting');
    const events = (await h.call('GET', `/v1/cases/${caseId}/timeline`, { key: h.keys.supervisor })).body.events;
    expect(events[0]).toMatchObject({ type: 'case_opened', actor: 'system:test system' });
    const outbox = await h.call('GET', '/dev/outbox?kind=sms');
    expect(outbox.status).toBe(200);
    expect(outbox.body.items.some((i: { to: string }) => i.to === c.phone)).toBe(true);
    expect(outbox.body.items.every((i: { kind: string }) => i.kind === 'sms')).toBe(true);
  });

  test('intermediary-driven special funds are excluded; weak signals are not actionable', async () => {
    const broker = await createCustomer(h);
    const excluded = await h.call('POST', '/v1/signals', {
      key: h.keys.system,
      body: outflowSignal(broker.id, { details: { counterpartyType: 'broker' } }),
    });
    const weak = await createCustomer(h);
    const ignored = await h.call('POST', '/v1/signals', {
      key: h.keys.system,
      body: { ...outflowSignal(weak.id), type: 'activity_drop', severity: 0 },
    });
    const closedAs = (caseId: string) =>
      eventually(async () => {
        const c = await caseStage(h, caseId);
        return c?.status === 'closed' ? c.outcome : undefined;
      }, `case ${caseId} closed`);
    expect(await closedAs(excluded.body.caseId)).toBe('excluded');
    expect(await closedAs(ignored.body.caseId)).toBe('not_actionable');
    await recordHistory(h, excluded.body.caseId, 'excluded-special-funds');
    await recordHistory(h, ignored.body.caseId, 'not-actionable');
    expect(h.sinks.outbox.list({ kind: 'sms' }).filter((i) => i.to === broker.phone || i.to === weak.phone)).toEqual(
      [],
    );
  });
});

describe('cases', () => {
  test('an agent opens a case by hand; a second one for the same customer is 409 with the open case id', async () => {
    const c = await createCustomer(h);
    const opened = await h.call('POST', '/v1/cases', {
      key: h.keys.agent,
      body: { customerId: c.id, reason: 'customer said they are moving banks', playbookId: 'demo' },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ workflowId: `retention-case/${c.id}`, stage: 'detected' });
    const again = await h.call('POST', '/v1/cases', { key: h.keys.agent, body: { customerId: c.id, reason: 'again' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      error: { code: 'case_already_open', params: { customerId: c.id, caseId: opened.body.caseId } },
      caseId: opened.body.caseId,
    });
    const detail = await waitForStage(h, opened.body.caseId, 'contacting');
    expect(detail).toMatchObject({ playbook: { id: 'demo' } });
  });

  test('a step in the wrong stage is 409 naming the stage, and changes nothing', async () => {
    const c = await createCustomer(h);
    const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id) })).body;
    await waitForStage(h, caseId, 'contacting');
    const res = await h.call('POST', `/v1/cases/${caseId}/offer-decision`, {
      key: h.keys.agent,
      body: { decision: 'accepted' },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: { code: 'wrong_stage', params: { stage: 'contacting' } },
      stage: 'contacting',
    });
    const bad = await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
      key: h.keys.agent,
      body: { channel: 'phone', outcome: 'callback_requested' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('callbackAt is required');
    expect((await caseStage(h, caseId))?.stage).toBe('contacting');
  });

  test('list filters, pages with a cursor, and rejects bad queries', async () => {
    const c = await createCustomer(h, { tier: 'premier', assetsUnderManagement: 500_000, preferredChannels: ['sms'] });
    const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id) })).body;
    await waitForStage(h, caseId, 'contacting');
    const premier = await h.call('GET', '/v1/cases?tier=premier&stage=contacting&limit=200', {
      key: h.keys.supervisor,
    });
    expect(premier.body.items.map((i: { caseId: string }) => i.caseId)).toContain(caseId);
    expect(premier.body.items.every((i: { customer: { tier: string } }) => i.customer.tier === 'premier')).toBe(true);

    // Other test files open cases in the same database meanwhile: this test asserts on its own cases only.
    // Its cases must each appear exactly once, in board order, however many others arrive while it pages.
    const own = [caseId];
    for (let i = 0; i < 4; i++) {
      const other = await createCustomer(h);
      own.push(
        (
          await h.call('POST', '/v1/cases', {
            key: h.keys.supervisor,
            body: { customerId: other.id, reason: 'paging test', playbookId: 'demo' },
          })
        ).body.caseId,
      );
    }
    const seen: { caseId: string; openedAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { caseId: string; openedAt: string }[]; nextCursor: string | null } } = await h.call(
        'GET',
        `/v1/cases?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        { key: h.keys.supervisor },
      );
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const ids = seen.map((i) => i.caseId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(own.map((id) => ids.filter((x) => x === id).length)).toEqual([1, 1, 1, 1, 1]);
    const opened = seen.map((i) => Date.parse(i.openedAt));
    expect(opened.every((t, i) => i === 0 || t <= opened[i - 1]!)).toBe(true);

    expect((await h.call('GET', '/v1/cases?limit=0', { key: h.keys.supervisor })).status).toBe(400);
    expect((await h.call('GET', '/v1/cases?cursor=garbage', { key: h.keys.supervisor })).body.error.message).toContain(
      'cursor',
    );
  });

  test("agents see only their team's cases; another team's case is 404", async () => {
    const premier = await createCustomer(h, { tier: 'premier', assetsUnderManagement: 500_000 });
    const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(premier.id) }))
      .body;
    await waitForStage(h, caseId, 'contacting');
    expect((await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.agent })).status).toBe(404);
    const list = await h.call('GET', '/v1/cases?limit=200', { key: h.keys.agent });
    expect(list.body.items.every((i: { team?: { id: string } }) => i.team?.id === 'contact-centre')).toBe(true);
  });
});
