// Every action attributable to a person: keys that belong to an agent, steps recorded as whoever took them
// (never a name from the request), and the append-only audit log exported as CSV.
import { createCustomer, createTestPlaybook, outflowSignal, timeline, waitForStage } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

// The audit CSV as objects (every field this test reads is free of commas and quotes but detail).
async function auditRows(since: Date): Promise<Record<string, string>[]> {
  const res = await h.call('GET', `/v1/audit?from=${encodeURIComponent(since.toISOString())}`, { key: h.keys.admin });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  const [header, ...lines] = (res.body as string).trim().split('\r\n');
  const columns = header!.split(',');
  return lines.map((line) => {
    const fields = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) =>
      f
        .replace(/,$/, '')
        .replace(/^"(.*)"$/s, '$1')
        .replace(/""/g, '"'),
    );
    return Object.fromEntries(columns.map((c, i) => [c, fields[i] ?? '']));
  });
}

test("an agent's own key: the contact outcome is that agent's, not the assignee's, and no caller can name the actor", async () => {
  const since = new Date();
  const customer = await createCustomer(h, { tier: 'mass' });
  const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customer.id) }))
    .body;
  const contacting = (await waitForStage(h, caseId, 'contacting')) as unknown as { assignee: { id: string } };
  const colleague = contacting.assignee.id === 'agent-cc-1' ? 'agent-cc-2' : 'agent-cc-1';

  const issued = await h.call('POST', '/v1/keys', { key: h.keys.admin, body: { role: 'agent', agentId: colleague } });
  expect(issued.status).toBe(201);
  const colleagueName = (await h.db.agent.findUniqueOrThrow({ where: { id: colleague } })).name;
  expect(issued.body).toMatchObject({
    role: 'agent',
    agentId: colleague,
    teamId: 'contact-centre',
    name: colleagueName,
  });
  expect((await h.call('GET', '/v1/me', { key: issued.body.key })).body).toMatchObject({
    agentId: colleague,
    teamId: 'contact-centre',
  });

  const forged = await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
    key: issued.body.key,
    body: { channel: 'phone', outcome: 'reached', actor: 'supervisor:someone else' },
  });
  expect(forged.status).toBe(400);
  expect(forged.body.error.code).toBe('actor_not_settable');
  expect((await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.supervisor })).body.stage).toBe('contacting');

  const reached = await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
    key: issued.body.key,
    body: { channel: 'phone', outcome: 'reached', note: 'asked about the bonus rate' },
  });
  expect(reached.status).toBe(200);
  const recorded = (await timeline(h, caseId)).find((e) => e.type === 'contact_outcome_recorded')!;
  expect(recorded.actor).toBe(`agent:${colleagueName}`);
  // The call counts against the colleague's daily quota: it is their contact.
  const call = await h.db.contactAttempt.findFirstOrThrow({ where: { caseId, channel: 'phone', outcome: 'reached' } });
  expect(call.agentId).toBe(colleague);

  const rows = await auditRows(since);
  expect(rows).toContainEqual(
    expect.objectContaining({
      action: 'key.issued',
      subjectType: 'api_key',
      subjectId: issued.body.id,
      actor: 'admin:test admin',
    }),
  );
  const step = rows.find((r) => r.action === 'case.contact_outcome_recorded' && r.subjectId === caseId);
  expect(step).toMatchObject({ actor: `agent:${colleagueName}`, subjectType: 'case' });
  expect(JSON.parse(step!.detail!)).toEqual({ channel: 'phone', outcome: 'reached', callbackAt: null });
  // Free text stays on the timeline; the export carries no note.
  expect(rows.some((r) => r.detail!.includes('bonus rate'))).toBe(false);
  expect((await h.call('GET', '/v1/audit', { key: h.keys.supervisor })).status).toBe(403);
});

test('consent changes and playbook versions are audited with the key that made them; the log refuses UPDATE and DELETE', async () => {
  const since = new Date();
  const customer = await createCustomer(h);
  const issued = (
    await h.call('POST', '/v1/keys', { key: h.keys.admin, body: { role: 'supervisor', name: 'Dana (retention lead)' } })
  ).body;
  expect(
    (
      await h.call('POST', `/v1/customers/${customer.id}/consent`, {
        key: issued.key,
        body: { channel: 'sms', granted: false, source: 'agent', note: 'asked by phone' },
      })
    ).status,
  ).toBe(200);
  const playbookId = await createTestPlaybook(h, () => undefined);
  const revoked = await h.call('DELETE', `/v1/keys/${issued.id}`, { key: h.keys.admin });
  expect(revoked.status).toBe(200);

  const rows = await auditRows(since);
  const withdrawn = rows.find((r) => r.action === 'consent.withdrawn' && r.subjectId === customer.id);
  expect(withdrawn).toMatchObject({
    subjectType: 'customer',
    actor: 'supervisor:Dana (retention lead)',
    keyId: issued.id,
  });
  expect(JSON.parse(withdrawn!.detail!)).toEqual({ channel: 'sms', source: 'agent' });
  expect(rows).toContainEqual(
    expect.objectContaining({ action: 'playbook.version_added', subjectType: 'playbook', subjectId: playbookId }),
  );
  expect(rows).toContainEqual(expect.objectContaining({ action: 'key.revoked', subjectId: issued.id }));
  const ids = rows.map((r) => Number(r.id));
  expect(ids).toEqual([...ids].sort((a, b) => a - b));

  const entry = await h.db.auditEntry.findFirstOrThrow({ where: { subjectId: customer.id } });
  await expect(h.db.auditEntry.update({ where: { id: entry.id }, data: { actor: 'someone else' } })).rejects.toThrow(
    /append-only/,
  );
  await expect(h.db.auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
  expect((await h.db.auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).actor).toBe(entry.actor);
  await expect(h.db.$executeRawUnsafe('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
});

test('the audit export refuses a range it cannot serve with a message', async () => {
  const backwards = await h.call('GET', '/v1/audit?from=2026-11-02&to=2026-11-01', { key: h.keys.admin });
  expect(backwards.status).toBe(400);
  expect(backwards.body.error.message).toMatch(/from/);
  const tooLong = await h.call('GET', '/v1/audit?from=2020-01-01&to=2026-01-01', { key: h.keys.admin });
  expect(tooLong.status).toBe(400);
});
