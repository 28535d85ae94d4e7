// A playbook's draft: started from a version, saved with every field at fault listed in words, published as
// the next version (audited, running cases untouched) or thrown away (audited), and the roles around it.
import { PLAYBOOKS } from '../../dev/seed';
import { caseStage, createCustomer, createTestPlaybook, outflowSignal, waitForStage } from '../support/fixtures';
import { startHarness, uniqueId, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const draftPath = (id: string) => `/v1/playbooks/${id}/draft`;
const audits = (playbookId: string) =>
  h.db.auditEntry.findMany({ where: { subjectType: 'playbook', subjectId: playbookId }, orderBy: { id: 'asc' } });

test('a draft from a version lists every field at fault in words, and cannot be published until fixed', async () => {
  const playbookId = await createTestPlaybook(h, () => undefined);
  const started = await h.call('PUT', draftPath(playbookId), { key: h.keys.admin, body: { fromVersion: 1 } });
  expect(started).toMatchObject({
    status: 201,
    body: { playbookId, basedOnVersion: 1, valid: true, issues: [], updatedBy: expect.stringContaining('admin') },
  });
  expect(started.body.definition).toEqual(
    JSON.parse(
      JSON.stringify(
        (await h.db.playbookVersion.findUniqueOrThrow({ where: { playbookId_version: { playbookId, version: 1 } } }))
          .definition,
      ),
    ),
  );

  const broken = structuredClone(started.body.definition);
  broken.detect.actionThreshold = 1.5;
  broken.contact.outcomeTimeout = 'soon';
  delete broken.survey;
  const saved = await h.call('PUT', draftPath(playbookId), { key: h.keys.admin, body: { definition: broken } });
  expect(saved.status).toBe(200);
  expect(saved.body).toMatchObject({ valid: false, basedOnVersion: 1 });
  expect(saved.body.issues).toEqual([
    { field: 'detect.actionThreshold', message: 'must be at most 1' },
    { field: 'contact.outcomeTimeout', message: expect.stringContaining('a duration is a whole number') },
    { field: 'survey', message: 'is missing: give a group of settings' },
  ]);
  // Kept as typed, so nothing the admin wrote is lost.
  expect(
    (await h.call('GET', draftPath(playbookId), { key: h.keys.supervisor })).body.definition.contact.outcomeTimeout,
  ).toBe('soon');

  const refused = await h.call('POST', `${draftPath(playbookId)}/publish`, { key: h.keys.admin });
  expect(refused.status).toBe(422);
  expect(refused.body.error).toMatchObject({ code: 'draft_invalid', details: saved.body.issues });
  expect(refused.body.error.message).toContain('detect.actionThreshold must be at most 1');
  expect(await h.db.playbookVersion.count({ where: { playbookId } })).toBe(1);
});

test('publishing adds the next version, audited, while a running case keeps its pinned version', async () => {
  const playbookId = await createTestPlaybook(h, () => undefined);
  const customer = await createCustomer(h);
  const running = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customer.id, { playbookId }) })
  ).body;
  await waitForStage(h, running.caseId, 'contacting');

  const edited = structuredClone(PLAYBOOKS.demo) as Record<string, any>;
  edited.name = 'Demo, one attempt';
  edited.contact.maxAttempts = 1;
  await h.call('PUT', draftPath(playbookId), { key: h.keys.admin, body: { fromVersion: 1, definition: edited } });
  const published = await h.call('POST', `${draftPath(playbookId)}/publish`, { key: h.keys.admin });
  expect(published).toMatchObject({
    status: 201,
    body: { id: playbookId, version: 2, name: 'Demo, one attempt', basedOnVersion: 1 },
  });
  expect(published.body.definition.contact.maxAttempts).toBe(1);

  expect((await h.call('GET', draftPath(playbookId), { key: h.keys.supervisor })).status).toBe(404);
  expect((await h.call('POST', `${draftPath(playbookId)}/publish`, { key: h.keys.admin })).body.error.code).toBe(
    'draft_not_found',
  );
  expect(await caseStage(h, running.caseId)).toMatchObject({
    status: 'open',
    playbook: { id: playbookId, version: 1 },
  });
  expect((await audits(playbookId)).map((a) => [a.action, a.detail])).toEqual([
    ['playbook.version_added', expect.objectContaining({ version: 1 })],
    ['playbook.draft_published', expect.objectContaining({ version: 2, basedOnVersion: 1, name: 'Demo, one attempt' })],
  ]);
});

test('a draft for a new playbook publishes as version 1; a discarded draft is gone and audited', async () => {
  const fresh = uniqueId('new-playbook').toLowerCase();
  const created = await h.call('PUT', draftPath(fresh), { key: h.keys.admin, body: { definition: PLAYBOOKS.demo } });
  expect(created).toMatchObject({ status: 201, body: { basedOnVersion: null, valid: true } });
  expect((await h.call('POST', `${draftPath(fresh)}/publish`, { key: h.keys.admin })).body).toMatchObject({
    id: fresh,
    version: 1,
  });

  const playbookId = await createTestPlaybook(h, () => undefined);
  await h.call('PUT', draftPath(playbookId), { key: h.keys.admin, body: { fromVersion: 1 } });
  expect((await h.call('DELETE', draftPath(playbookId), { key: h.keys.admin })).status).toBe(204);
  expect((await h.call('DELETE', draftPath(playbookId), { key: h.keys.admin })).body.error.code).toBe(
    'draft_not_found',
  );
  expect((await audits(playbookId)).map((a) => a.action)).toEqual([
    'playbook.version_added',
    'playbook.draft_discarded',
  ]);
  expect(await h.db.playbookVersion.count({ where: { playbookId } })).toBe(1);
});

test('bad input gets a message a person can act on; only admins write, supervisors read', async () => {
  const playbookId = await createTestPlaybook(h, () => undefined);
  const empty = await h.call('PUT', draftPath(playbookId), { key: h.keys.admin, body: {} });
  expect(empty.status).toBe(400);
  expect(empty.body.error.message).toContain('send a definition to save, or fromVersion');
  const missing = await h.call('PUT', draftPath(playbookId), { key: h.keys.admin, body: { fromVersion: 9 } });
  expect(missing).toMatchObject({ status: 404, body: { error: { code: 'version_not_found' } } });
  expect(missing.body.error.message).toContain(`GET /v1/playbooks/${playbookId}`);
  const notObject = await h.call('PUT', draftPath(playbookId), { key: h.keys.admin, body: { definition: 'x' } });
  expect(notObject.body.error.details[0].path).toBe('body.definition');
  expect(
    (await h.call('PUT', draftPath(playbookId), { key: h.keys.admin, body: { fromVersion: 1, extra: true } })).status,
  ).toBe(400);
  expect(
    (await h.call('PUT', '/v1/playbooks/Bad_Id/draft', { key: h.keys.admin, body: { fromVersion: 1 } })).status,
  ).toBe(400);

  expect(
    (await h.call('PUT', draftPath(playbookId), { key: h.keys.supervisor, body: { fromVersion: 1 } })).status,
  ).toBe(403);
  await h.call('PUT', draftPath(playbookId), { key: h.keys.admin, body: { fromVersion: 1 } });
  expect((await h.call('GET', draftPath(playbookId), { key: h.keys.supervisor })).status).toBe(200);
  expect((await h.call('GET', draftPath(playbookId), { key: h.keys.agent })).status).toBe(403);
  expect((await h.call('POST', `${draftPath(playbookId)}/publish`, { key: h.keys.supervisor })).status).toBe(403);
  expect((await h.call('DELETE', draftPath(playbookId), { key: h.keys.supervisor })).status).toBe(403);
});
