// Workflow payloads are encrypted: the raw history (what anyone who reaches Temporal could read) holds no
// signal detail, note or comment, while Temporal's own CLI pointed at the API's codec endpoint with a
// supervisor's key shows them. Agents and strangers get nothing from the codec; only the Temporal UI's
// origin may call it from a browser.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ensureTemporalCli } from '../../dev/temporal-cli';
import { createCustomer, outflowSignal, waitForStage } from '../support/fixtures';
import { startHarness, TEST_CODEC_ORIGIN, uniqueId, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

// Asynchronous: the API answering the CLI's codec calls runs in this process.
const show = async (workflowId: string, codec?: { endpoint: string; auth: string }) =>
  (
    await promisify(execFile)(
      ensureTemporalCli(() => undefined),
      [
        'workflow',
        'show',
        '--address',
        h.temporal.address,
        '--namespace',
        h.temporal.namespace,
        '--workflow-id',
        workflowId,
        '--output',
        'json',
        ...(codec ? ['--codec-endpoint', codec.endpoint, '--codec-auth', codec.auth] : []),
      ],
      { encoding: 'utf8', timeout: 60_000 },
    )
  ).stdout;

test("the raw history is ciphertext; the codec endpoint shows it to a supervisor through Temporal's CLI", async () => {
  const customer = await createCustomer(h);
  const note = uniqueId('branch-manager-says-customer-is-upset');
  const { caseId, workflowId } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customer.id, { details: { note } }) })
  ).body;
  await waitForStage(h, caseId, 'contacting');

  const raw = await show(workflowId);
  expect(raw).toContain(Buffer.from('binary/encrypted').toString('base64'));
  expect(raw).not.toContain(note);
  expect(raw).not.toContain(Buffer.from(note).toString('base64').slice(0, 24));

  // Through the codec, the start arguments are JSON again (the CLI's JSON output keeps payload data in base64).
  const decoded = JSON.parse(
    await show(workflowId, { endpoint: `${h.baseUrl}/v1/codec`, auth: `Bearer ${h.keys.supervisor}` }),
  ) as {
    events: {
      workflowExecutionStartedEventAttributes?: {
        input: { payloads: { metadata: { encoding: string }; data: string }[] };
      };
    }[];
  };
  const [input] = decoded.events[0]!.workflowExecutionStartedEventAttributes!.input.payloads;
  expect(Buffer.from(input!.metadata.encoding, 'base64').toString()).toBe('json/plain');
  expect(Buffer.from(input!.data, 'base64').toString()).toContain(note);
});

test('the codec answers supervisors only, validates its input, and lets only the Temporal UI origin in', async () => {
  const body = {
    payloads: [
      {
        metadata: { encoding: Buffer.from('json/plain').toString('base64') },
        data: Buffer.from('"hello"').toString('base64'),
      },
    ],
  };
  const encoded = await h.call('POST', '/v1/codec/encode', { key: h.keys.supervisor, body });
  expect(encoded.status).toBe(200);
  expect(Buffer.from(encoded.body.payloads[0].metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
  const decoded = await h.call('POST', '/v1/codec/decode', { key: h.keys.supervisor, body: encoded.body });
  expect(decoded.body).toEqual(body);

  expect((await h.call('POST', '/v1/codec/decode', { key: h.keys.agent, body: encoded.body })).status).toBe(403);
  expect((await h.call('POST', '/v1/codec/decode', { body: encoded.body })).status).toBe(401);
  const bad = await h.call('POST', '/v1/codec/decode', {
    key: h.keys.supervisor,
    body: { payloads: [{ data: 'not base64!' }] },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.error.code).toBe('validation_failed');

  const preflight = (origin: string) =>
    fetch(`${h.baseUrl}/v1/codec/decode`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-namespace',
      },
    });
  const ui = await preflight(TEST_CODEC_ORIGIN);
  expect(ui.status).toBe(204);
  expect(ui.headers.get('access-control-allow-origin')).toBe(TEST_CODEC_ORIGIN);
  expect(ui.headers.get('access-control-allow-headers')).toContain('authorization');
  const other = await preflight('https://elsewhere.example');
  expect(other.status).toBe(403);
  expect(other.headers.get('access-control-allow-origin')).toBeNull();
});
