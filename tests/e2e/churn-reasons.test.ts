// Churn reasons in a real browser: a supervisor closes a case as churned choosing a reason from the catalogue
// and writing the customer's words, sees it on the case page, then finds it in the reports view's churn-reasons
// section (table and bars). Screenshots go to test-artifacts/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_WEB_ROOT } from '../../api/http/routes/dashboard';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import { createCustomer, outflowSignal, waitForClosed, waitForStage } from '../support/fixtures';
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

test('a supervisor closes a case as churned with a reason, and the reports view shows it', async () => {
  const customer = await createCustomer(h);
  const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customer.id) }))
    .body;
  await waitForStage(h, caseId, 'contacting');

  await page.goto(`${h.baseUrl}/`);
  await page.getByLabel('API key').fill(h.keys.supervisor);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Case board' }).waitFor();
  await page.goto(`${h.baseUrl}/#/cases/${caseId}`);

  const close = page.getByRole('form', { name: 'Close case' });
  await close.waitFor();
  // The reason fields appear only for an outcome that loses the customer.
  expect(await close.getByLabel('Churn reason').count()).toBe(0);
  await close.getByLabel('Case outcome').selectOption('churned');
  await close.getByLabel('Churn reason').selectOption('better_rate_elsewhere');
  await close.getByLabel('Reason note').fill('Another bank pays 4%');
  await close.getByPlaceholder('why it is closed by hand').fill('customer moved the money');
  await close.getByRole('button', { name: 'Close case' }).click();
  expect((await waitForClosed(h, caseId)).outcome).toBe('churned');

  const panel = page.getByTestId('churn-reason');
  const recorded = panel.locator('p', { hasText: 'Better rate elsewhere' });
  await recorded.waitFor();
  expect(await recorded.textContent()).toBe(
    'Better rate elsewhere (product or yield, avoidable) — “Another bank pays 4%”',
  );

  await page.goto(`${h.baseUrl}/#/reports`);
  const section = page.getByRole('region', { name: 'Churn reasons' });
  await section.getByRole('cell', { name: 'Better rate elsewhere' }).first().waitFor();
  await section.locator('.bar-row', { hasText: 'Better rate elsewhere' }).first().waitFor();
  expect(await section.getByTestId('churn-totals').textContent()).toMatch(
    /^Customers lost: \d+; without a recorded reason: \d+;/,
  );
  await section.screenshot({ path: join(ARTIFACTS_DIR, 'dashboard-churn-reasons.png') });
  expect(consoleErrors).toEqual([]);
});
