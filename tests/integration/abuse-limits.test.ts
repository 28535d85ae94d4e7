// Routes without an API key are limited per client address (survey links cannot be brute-forced), and an
// address that keeps failing credentials (unknown keys, bad Twilio signatures) is refused before any lookup.
import { postInboundSms } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false, publicRateLimitPerMinute: 5, failedCredentialsPerMinute: 3 });
});
afterAll(async () => {
  await h?.stop();
});

test('survey links: past the limit an address gets 429 with Retry-After and a JSON error', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await fetch(`${h.baseUrl}/s/guessed-token-000000${i}`)).status);
  expect(statuses).toEqual([404, 404, 404, 404, 404]);
  const refused = await fetch(`${h.baseUrl}/v1/surveys/guessed-token-0000006`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ score: 10 }),
  });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  const body = (await refused.json()) as { error: { code: string; message: string; requestId: string } };
  expect(body.error).toMatchObject({ code: 'rate_limited', requestId: expect.any(String) });
  // Keyed routes are not affected by the public limit.
  expect((await h.call('GET', '/v1/me', { key: h.keys.supervisor })).status).toBe(200);
});

test('failed credentials: bad signatures and unknown keys from one address, then even a good key is refused', async () => {
  expect((await postInboundSms(h, '+15550001111', 'STOP', 'not-the-token')).status).toBe(403);
  expect((await h.call('GET', '/v1/me', { key: 'hf_not_a_key' })).status).toBe(401);
  expect((await h.call('GET', '/v1/me', {})).status).toBe(401);
  const blocked = await h.call('GET', '/v1/me', { key: h.keys.supervisor });
  expect(blocked.status).toBe(429);
  expect(blocked.body.error.message).toContain('too many failed credentials');
  expect((await postInboundSms(h, '+15550001111', 'STOP')).status).toBe(429);
});
