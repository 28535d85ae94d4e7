// Bulk customer import: `npm run import -- <file.csv>` and POST /v1/customers/import. Valid rows are stored as
// PUT would store them, bad rows are reported with line and reason and never stop the rest, a second run
// changes nothing, and no import lifts a customer's opt-out.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startHarness, uniqueId, type Harness } from '../support/harness';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const HEADER =
  'id,name,tier,timeZone,phone,email,preferredChannels,consent.sms,consent.email,consent.phone,assetsUnderManagement';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(() => h?.stop());

const dir = mkdtempSync(join(tmpdir(), 'holdfast-import-'));
async function importFile(
  name: string,
  text: string | Buffer,
): Promise<{ code: number; stdout: string; stderr: string; file: string }> {
  const file = join(dir, name);
  writeFileSync(file, text);
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'api/cli/import-cli.ts', file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: process.env.HOLDFAST_TEST_DATABASE_URL },
    });
    return { code: 0, stdout, stderr, file };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr, file };
  }
}

const consentEvents = (ids: string[]) =>
  h.db.consentEvent.findMany({
    where: { customerId: { in: ids } },
    orderBy: [{ customerId: 'asc' }, { channel: 'asc' }],
  });

test('npm run import stores every valid row unchanged, reports each bad row with line and reason, and a second run changes nothing', async () => {
  const p = uniqueId('imp');
  const csv = [
    HEADER,
    `${p}-1,Siobhán O'Brien,affluent,Europe/Dublin,+353 86 123 4567,,sms;phone,true,false,true,120000.50`,
    `${p}-2,"Nguyễn, Thị Minh",mass,Asia/Ho_Chi_Minh,,minh@example.com,email,false,true,false,`,
    `${p}-3,山田 太郎,premier,Asia/Tokyo,+81312345678,taro@example.jp,sms,true,false,false,5000000`,
    `${p}-4,Bad Tier,gold,Europe/Madrid,,,sms,true,false,false,`,
    `${p}-1,Again,mass,Europe/Madrid,,,sms,true,false,false,`,
    `${p}-5,Short,mass`,
  ].join('\r\n');
  const first = await importFile(`${p}.csv`, `\uFEFF${csv}\r\n`);
  expect(first.code).toBe(2); // some rows rejected
  expect(first.stdout).toContain('6 rows');
  expect(first.stdout).toContain('created 3, updated 0, unchanged 0, rejected 3');

  const stored = await h.db.customer.findMany({ where: { id: { startsWith: `${p}-` } }, orderBy: { id: 'asc' } });
  expect(
    stored.map((c) => [
      c.id,
      c.name,
      c.tier,
      c.phone,
      c.email,
      c.preferredChannels,
      c.consentSms,
      c.consentEmail,
      c.consentPhone,
      c.assetsUnderManagement.toNumber(),
    ]),
  ).toEqual([
    [`${p}-1`, "Siobhán O'Brien", 'affluent', '+353861234567', null, ['sms', 'phone'], true, false, true, 120000.5],
    [`${p}-2`, 'Nguyễn, Thị Minh', 'mass', null, 'minh@example.com', ['email'], false, true, false, 0],
    [`${p}-3`, '山田 太郎', 'premier', '+81312345678', 'taro@example.jp', ['sms'], true, false, false, 5000000],
  ]);
  // The report: line, reason, then the row as it was, for fixing and importing again.
  const report = readFileSync(`${first.file}.rejected.csv`, 'utf8').trimEnd().split('\r\n');
  expect(report[0]).toBe(`line,reason,${HEADER}`);
  expect(report.slice(1).map((l) => l.split(',')[0])).toEqual(['5', '6', '7']);
  expect(report[1]).toContain('tier: Invalid option');
  expect(report[2]).toContain(`id ${p}-1 is also on line 2: one row per customer`);
  expect(report[3]).toContain('the row has 3 fields and the header 11');
  // Each new customer's consent is in the ledger, from the import, by the operator who ran it.
  const events = await consentEvents(stored.map((c) => c.id));
  expect(events).toHaveLength(9);
  expect(new Set(events.map((e) => e.source))).toEqual(new Set(['import']));
  expect(events[0]!.actor).toMatch(/^admin:.+\(npm run import\)$/);

  const again = await importFile(`${p}.csv`, `\uFEFF${csv}\r\n`);
  expect(again.stdout).toContain('created 0, updated 0, unchanged 3, rejected 3');
  expect(await consentEvents(stored.map((c) => c.id))).toHaveLength(9);
  const after = await h.db.customer.findMany({ where: { id: { startsWith: `${p}-` } }, orderBy: { id: 'asc' } });
  expect(after.map((c) => c.updatedAt)).toEqual(stored.map((c) => c.updatedAt));
  expect(
    await h.db.auditEntry.count({
      where: { action: 'customers.imported', detail: { path: ['source'], equals: first.file } },
    }),
  ).toBe(2);
});

test('a header with an unknown column is refused before any row is written; an all-good file leaves no report', async () => {
  const p = uniqueId('imp');
  const refused = await importFile(
    `${p}-bad.csv`,
    `${HEADER},vip\r\n${p}-1,Ana,mass,Europe/Madrid,,,sms,true,false,false,,yes\r\n`,
  );
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('unknown column "vip"');
  expect(await h.db.customer.count({ where: { id: { startsWith: `${p}-` } } })).toBe(0);

  const good = await importFile(`${p}.csv`, `${HEADER}\n${p}-1,Ana,mass,Europe/Madrid,,,sms,true,false,false,\n`);
  expect(good.code).toBe(0);
  expect(good.stdout).toContain('created 1, updated 0, unchanged 0, rejected 0');
  expect(existsSync(`${good.file}.rejected.csv`)).toBe(false);
});

test('an import never lifts an opt-out: the row is rejected with where the opt-out came from; other changes go through', async () => {
  const p = uniqueId('imp');
  const put = (id: string) =>
    h.call('PUT', `/v1/customers/${id}`, {
      key: h.keys.system,
      body: {
        name: 'Ana',
        tier: 'mass',
        timeZone: 'Europe/Madrid',
        phone: '+34600111222',
        preferredChannels: ['sms'],
        consent: { sms: true, email: false, phone: false },
      },
    });
  expect((await put(`${p}-1`)).status).toBe(201);
  expect((await put(`${p}-2`)).status).toBe(201);
  const stop = await h.call('POST', `/v1/customers/${p}-1/consent`, {
    key: h.keys.supervisor,
    body: { channel: 'sms', granted: false, source: 'agent', note: 'said stop on the phone' },
  });
  expect(stop.status).toBe(200);
  // Yesterday's extract still says sms: true for both; for the second customer it withdraws sms today.
  const result = await importFile(
    `${p}.csv`,
    [
      HEADER,
      `${p}-1,Ana Ruiz,mass,Europe/Madrid,,,sms,true,false,false,`,
      `${p}-2,Ana Ruiz,mass,Europe/Madrid,,,sms,false,false,false,`,
      '',
    ].join('\n'),
  );
  expect(result.stdout).toContain('created 0, updated 1, unchanged 0, rejected 1');
  expect(readFileSync(`${result.file}.rejected.csv`, 'utf8')).toMatch(
    /^2,"consent\.sms: the consent ledger has sms off \(agent, .+\), and an import does not switch a channel on; import false, or record the customer's consent with POST/m,
  );
  const [kept, changed] = await h.db.customer.findMany({
    where: { id: { in: [`${p}-1`, `${p}-2`] } },
    orderBy: { id: 'asc' },
  });
  expect([kept!.name, kept!.consentSms]).toEqual(['Ana', false]);
  expect([changed!.name, changed!.consentSms]).toEqual(['Ana Ruiz', false]);
  const ledger = await consentEvents([`${p}-1`, `${p}-2`]);
  expect(ledger.filter((e) => e.source === 'import').map((e) => [e.customerId, e.channel, e.granted])).toEqual([
    [`${p}-2`, 'sms', false],
  ]);
  const audited = await h.db.auditEntry.findMany({
    where: { subjectId: `${p}-2`, action: 'consent.withdrawn', detail: { path: ['source'], equals: 'import' } },
  });
  expect(audited).toHaveLength(1);
});

test('a row that is not UTF-8 is rejected instead of stored with mangled letters', async () => {
  const p = uniqueId('imp');
  const latin1 = Buffer.concat([
    Buffer.from(`${HEADER}\n${p}-1,Ana,mass,Europe/Madrid,,,sms,true,false,false,\n${p}-2,`),
    Buffer.from('José Núñez', 'latin1'),
    Buffer.from(',mass,Europe/Madrid,,,sms,true,false,false,\n'),
  ]);
  const result = await importFile(`${p}.csv`, latin1);
  expect(result.stdout).toContain('created 1, updated 0, unchanged 0, rejected 1');
  expect(readFileSync(`${result.file}.rejected.csv`, 'utf8')).toContain('3,"the row is not valid UTF-8');
});

test('POST /v1/customers/import takes the CSV as the body (system and admin keys) and answers with the counts and each rejection', async () => {
  const p = uniqueId('imp');
  const body = [
    HEADER,
    `${p}-1,Zoë d’Arcy,mass,Europe/Madrid,,zoe@example.com,email,false,true,false,10`,
    `${p}-2,,mass,Europe/Madrid,,,sms,true,false,false,`,
    '',
  ].join('\n');
  const csv = { 'content-type': 'text/csv; charset=utf-8' };
  const imported = await h.call('POST', '/v1/customers/import', { key: h.keys.system, headers: csv, body });
  expect(imported.status).toBe(200);
  expect(imported.body).toMatchObject({
    rows: 2,
    created: 1,
    updated: 0,
    unchanged: 0,
    rejected: 1,
    rejections: [{ line: 3, id: `${p}-2`, reason: 'name: empty, and it is required' }],
    rejectionsTruncated: false,
  });
  expect((await h.call('GET', `/v1/customers/${p}-1`, { key: h.keys.system })).body).toMatchObject({
    name: 'Zoë d’Arcy',
    consent: { sms: false, email: true, phone: false },
  });
  const audit = await h.db.auditEntry.findFirst({
    where: { action: 'customers.imported', subjectId: imported.body.importId },
  });
  expect(audit).toMatchObject({
    actor: expect.stringMatching(/^system:/),
    keyId: expect.any(String),
    detail: { source: 'POST /v1/customers/import', created: 1, rejected: 1 },
  });

  const again = await h.call('POST', '/v1/customers/import', { key: h.keys.system, headers: csv, body });
  expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 1, rejected: 1 });

  const asJson = await h.call('POST', '/v1/customers/import', { key: h.keys.system, body: { rows: [] } });
  expect([asJson.status, asJson.body.error.code]).toEqual([415, 'unsupported_media_type']);
  const badHeader = await h.call('POST', '/v1/customers/import', {
    key: h.keys.system,
    headers: csv,
    body: 'id,name,colour\n',
  });
  expect([badHeader.status, badHeader.body.error.code]).toEqual([400, 'csv_header_invalid']);
  expect(badHeader.body.error.message).toContain('unknown column "colour"');
  const empty = await h.call('POST', '/v1/customers/import', { key: h.keys.system, headers: csv, body: '' });
  expect([empty.status, empty.body.error.code]).toEqual([400, 'csv_empty']);
  const asAgent = await h.call('POST', '/v1/customers/import', { key: h.keys.agent, headers: csv, body });
  expect(asAgent.status).toBe(403);
});

test('attributes.<name> columns carry what the early-warning model reads; a file without them leaves them be', async () => {
  const p = uniqueId('imp');
  const csv = { 'content-type': 'text/csv; charset=utf-8' };
  const withAttributes = [
    `${HEADER},attributes.age,attributes.region,attributes.balance`,
    `${p}-1,Ana Ruiz,mass,Europe/Madrid,,,email,false,false,false,10,52,East,`,
    '',
  ].join('\n');
  const imported = await h.call('POST', '/v1/customers/import', {
    key: h.keys.system,
    headers: csv,
    body: withAttributes,
  });
  expect(imported.body).toMatchObject({ created: 1, rejected: 0 });
  const stored = async () => (await h.db.customer.findUniqueOrThrow({ where: { id: `${p}-1` } })).attributes;
  // A number where the cell is one, text otherwise; an empty cell leaves the attribute out.
  expect(await stored()).toEqual({ age: 52, region: 'East' });

  const without = [HEADER, `${p}-1,Ana Ruiz,mass,Europe/Madrid,,,email,false,false,false,20`, ''].join('\n');
  expect(
    (await h.call('POST', '/v1/customers/import', { key: h.keys.system, headers: csv, body: without })).body,
  ).toMatchObject({
    updated: 1,
  });
  expect(await stored()).toEqual({ age: 52, region: 'East' });

  const badName = await h.call('POST', '/v1/customers/import', {
    key: h.keys.system,
    headers: csv,
    body: `${HEADER},attributes.9lives\n`,
  });
  expect([badName.status, badName.body.error.code]).toEqual([400, 'csv_header_invalid']);
  expect(badName.body.error.message).toContain('attributes.<name>');
});
