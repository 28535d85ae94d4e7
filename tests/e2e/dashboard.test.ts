// The dashboard in a real browser: a supervisor logs in with their key, finds the case a risk signal opened,
// records the call, approves the offer and watches the stage change. Screenshots go to test-artifacts/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_WEB_ROOT } from '../../api/http/routes/dashboard';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import { createCustomer, outflowSignal, waitForEvent, waitForStage } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(DEFAULT_WEB_ROOT, 'index.html')))
    throw new Error('the dashboard is not built: run `npm run web:build` (npm test does)');
  h = await startHarness();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

// The case's timeline reads as sentences: none shows raw JSON, and an event's data is under its Details as
// key: value lines.
async function expectTimelineInSentences(page: Page): Promise<void> {
  const timeline = page.locator('ol.timeline');
  expect(await timeline.locator('[data-event-type="contact_outcome_recorded"] .sentence').textContent()).toBe(
    'Phone contact recorded by test supervisor: reached',
  );
  const sentences = await timeline.locator('.sentence').allTextContents();
  expect(sentences.length).toBeGreaterThanOrEqual(6);
  for (const s of sentences) expect(s).toMatch(/^[A-Z][^{}[\]]+$/);
  expect(await timeline.textContent()).not.toMatch(/[{}]/);
  const approved = timeline.locator('[data-event-type="offer_approved"]');
  await approved.getByText('Details').click();
  expect(await approved.locator('.event-details li').allTextContents()).toContainEqual(
    expect.stringMatching(/^offerId: \S+$/),
  );
  await timeline.screenshot({ path: join(ARTIFACTS_DIR, 'dashboard-timeline.png') });
}

test('a supervisor finds a signal-opened case, approves its offer and sees the stage change', async () => {
  // An affluent customer with 300,000 in assets: the first offer (rate bonus, cost 250) needs approval.
  const customer = await createCustomer(h, { tier: 'affluent', assetsUnderManagement: 300_000 });
  const signal = await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customer.id) });
  expect(signal.status).toBe(202);
  const caseId = signal.body.caseId as string;
  await waitForStage(h, caseId, 'contacting');

  await page.goto(`${h.baseUrl}/`);
  await page.getByLabel('API key').fill(h.keys.supervisor);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Case board' }).waitFor();
  expect(await page.evaluate('sessionStorage.getItem("holdfast.apiKey")')).toBe(h.keys.supervisor);

  await page.getByLabel('Customer').fill(customer.id);
  await page.getByLabel('Customer').press('Enter');
  const card = page.locator(`[data-stage="contacting"] [data-case-id="${caseId}"]`);
  await card.waitFor();
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'dashboard-board.png'), fullPage: true });
  await card.click();

  const stage = page.getByTestId('case-stage');
  await expect(stage.textContent()).resolves.toBe('contacting');
  // Why the case runs its playbook, as intake kept it.
  expect(await page.getByTestId('playbook-choice').textContent()).toMatch(/^demo v\d+: named by the signal$/);
  const contactForm = page.getByRole('form', { name: 'Record contact outcome' });
  await contactForm.locator('select[name="channel"]').selectOption('phone');
  await contactForm.locator('select[name="outcome"]').selectOption('reached');
  await contactForm.getByRole('button', { name: 'Record contact outcome' }).click();

  await page.getByRole('button', { name: 'Approve offer' }).waitFor({ timeout: 30_000 });
  expect(await stage.textContent()).toBe('offering');
  expect(await page.getByTestId('offer-status').textContent()).toBe('pending approval');
  await page.getByRole('button', { name: 'Approve offer' }).click();

  await page.getByText('awaiting decision', { exact: true }).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Accepted' }).waitFor();
  expect(await stage.textContent()).toBe('awaiting decision');
  expect(await page.getByTestId('offer-status').textContent()).toBe('presented');
  await page
    .locator('[data-event-type="offer_approved"]')
    .getByText(/^Offer '.+' approved by test supervisor$/)
    .waitFor();
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'dashboard-case-approved.png'), fullPage: true });
  await expectTimelineInSentences(page);

  // The browser's steps reached the workflow, signed with the supervisor's key name.
  const events = (await h.call('GET', `/v1/cases/${caseId}/timeline`, { key: h.keys.supervisor })).body.events as {
    type: string;
    actor: string;
  }[];
  expect(events.find((e) => e.type === 'contact_outcome_recorded')?.actor).toBe('supervisor:test supervisor');
  expect(events.find((e) => e.type === 'offer_approved')?.actor).toBe('supervisor:test supervisor');
  expect(consoleErrors).toEqual([]);
});

test('a case that needs attention carries a badge and a filter on the board, and the supervisor retries it', async () => {
  const customer = await createCustomer(h, {
    preferredChannels: ['sms'],
    consent: { sms: true, email: false, phone: false },
  });
  h.sinks.twilio.faults = { onlyTo: [customer.phone], fail: { status: 400, code: 21211, message: 'invalid number' } };
  const caseId = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customer.id) })).body
    .caseId as string;
  await waitForEvent(h, caseId, 'needs_attention');
  h.sinks.twilio.faults = undefined;

  // A key kept from an earlier test would be re-checked while the login form shows, and the form would vanish
  // under the test's hands: start logged out, then log in.
  await page.goto(`${h.baseUrl}/`);
  await page.evaluate('sessionStorage.clear()');
  await page.reload();
  await page.getByLabel('API key').fill(h.keys.supervisor);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Case board' }).waitFor();
  await page.getByLabel('needs attention only').check();
  const card = page.locator(`[data-case-id="${caseId}"]`);
  await card.waitFor();
  expect(await card.locator('.badge.attention').textContent()).toBe('needs attention: no channel left');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'dashboard-needs-attention.png'), fullPage: true });
  await card.click();
  await page.getByRole('button', { name: 'Retry step' }).click();
  await page.getByRole('button', { name: 'Retry step' }).waitFor({ state: 'detached', timeout: 30_000 });
  await waitForEvent(h, caseId, 'contact_sent');
  expect(
    (await h.call('GET', `/v1/cases/${caseId}/timeline`, { key: h.keys.supervisor })).body.events.find(
      (e: { type: string }) => e.type === 'attention_resolved',
    )?.actor,
  ).toBe('supervisor:test supervisor');
  expect(consoleErrors).toEqual([]);
});

test('the workload and reports pages render for a supervisor, the report downloads as CSV, and a wrong key is refused', async () => {
  await page.goto(`${h.baseUrl}/#/workload`);
  await page.getByRole('heading', { name: 'Team workload' }).waitFor();
  await page.locator('table.workload tbody tr').first().waitFor();
  await page.goto(`${h.baseUrl}/#/reports`);
  await page.getByRole('heading', { name: 'Retention report' }).waitFor();
  await page.locator('figure.chart svg').first().waitFor();
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'dashboard-reports.png'), fullPage: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^retention-driver-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await new Promise<string>((resolve, reject) => {
    let text = '';
    download.createReadStream().then(
      (stream) =>
        stream
          .setEncoding('utf8')
          .on('data', (c: string) => (text += c))
          .on('end', () => resolve(text))
          .on('error', reject),
      reject,
    );
  });
  expect(csv.split('\r\n')[0]).toMatch(/^group,opened,treated,holdout,/);

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByLabel('API key').fill('hf_supervisor_not-a-key');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').textContent()).toContain('unknown or revoked');
  expect(consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
});

test("an agent's dashboard shows only their team's cases and no supervisor steps", async () => {
  const customer = await createCustomer(h);
  const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customer.id) }))
    .body;
  await waitForStage(h, caseId, 'contacting');

  await page.goto(`${h.baseUrl}/`);
  await page.evaluate('sessionStorage.clear()');
  await page.reload();
  await page.getByLabel('API key').fill(h.keys.agent);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Case board' }).waitFor();
  expect(await page.getByRole('link', { name: 'Reports' }).count()).toBe(0);
  // The team list arrives after the board's heading: wait for it before reading every option.
  await page.locator('select[name="team"] option:not([value=""])').first().waitFor({ state: 'attached' });
  expect(await page.locator('select[name="team"] option:not([value=""])').allTextContents()).toEqual([
    'contact-centre',
  ]);

  await page.goto(`${h.baseUrl}/#/cases/${caseId}`);
  await page.getByRole('form', { name: 'Record contact outcome' }).waitFor();
  expect(await page.getByRole('form', { name: 'Reassign' }).count()).toBe(0);
  expect(await page.getByRole('form', { name: 'Close case' }).count()).toBe(0);
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'dashboard-agent-case.png'), fullPage: true });
});
