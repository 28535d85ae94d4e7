// /metrics in Prometheus's format: request latency by route pattern (never an id), signals by outcome, cases
// by stage, sends by channel and result, the CRM backlog; and the worker's Temporal SDK metrics endpoint.
import type { ChildProcess } from 'node:child_process';
import { freePort } from '../../dev/ports';
import { createCustomer, outflowSignal, waitForStage } from '../support/fixtures';
import { eventually, startHarness, type Harness } from '../support/harness';
import { startWorkerProcess } from '../support/processes';

let h: Harness;
let worker: ChildProcess | undefined;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  worker?.kill('SIGKILL');
  await h?.stop();
});

const value = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

test('the API exports latency by route, signals by outcome and case, send and CRM figures, to system keys only', async () => {
  const customer = await createCustomer(h);
  const signal = outflowSignal(customer.id);
  const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: signal })).body;
  await h.call('POST', '/v1/signals', { key: h.keys.system, body: signal });
  await waitForStage(h, caseId, 'contacting');
  await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.supervisor });

  expect((await h.call('GET', '/metrics')).status).toBe(401);
  expect((await h.call('GET', '/metrics', { key: h.keys.agent })).status).toBe(403);
  const res = await fetch(`${h.baseUrl}/metrics`, { headers: { authorization: `Bearer ${h.keys.system}` } });
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await res.text();
  expect(value(text, 'holdfast_signals_total{outcome="case"}')).toBeGreaterThanOrEqual(1);
  expect(value(text, 'holdfast_signals_total{outcome="duplicate"}')).toBeGreaterThanOrEqual(1);
  expect(text).toMatch(
    /holdfast_http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/v1\/cases\/:caseId",status="200"\}/,
  );
  expect(text).not.toContain(caseId);
  expect(value(text, 'holdfast_open_cases{stage="contacting"}')).toBeGreaterThanOrEqual(1);
  expect(text).toMatch(/holdfast_contact_attempts\{channel="sms",result="[a-z_]+"\} [1-9]/);
  expect(value(text, 'holdfast_crm_outbox_backlog')).toBeGreaterThanOrEqual(0);
  expect(text).toContain('holdfast_api_process_cpu_seconds_total');
});

test("the worker serves the Temporal SDK's metrics on HOLDFAST_WORKER_METRICS_ADDRESS", async () => {
  const address = `127.0.0.1:${await freePort()}`;
  worker = await startWorkerProcess({ ...h.env, LOG_LEVEL: 'info', HOLDFAST_WORKER_METRICS_ADDRESS: address });
  const text = await eventually(async () => {
    const body = await fetch(`http://${address}/metrics`).then(
      (r) => r.text(),
      () => undefined,
    );
    return body?.includes('temporal_') ? body : undefined;
  }, 'the worker metrics endpoint');
  expect(text).toMatch(/temporal_[a-z_]+/);
});
